import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toKeyframe, makeWindow, Windows, sliceAt, validAt } from '../../www/js/keyframes.js';
import { Zone, DAY } from '../../www/js/time.js';

const Z = new Zone('+07:00');
const D = (s) => Z.parse(s);
const feat = (id, from, to, track, interpolate, coords, props = {}) => ({
  type: 'Feature', id,
  geometry: { type: 'LineString', coordinates: coords },
  properties: { valid_from: from, valid_to: to, track, interpolate, ...props },
});

const a = feat('adv-1', '1979-01-01T00:00:00+07:00', '1979-01-11T00:00:00+07:00', 'adv', 'linear', [[0, 0], [1, 0]]);
const b = feat('adv-2', '1979-01-11T00:00:00+07:00', '1979-02-20T00:00:00+07:00', 'adv', 'linear', [[0, 0], [1, 0], [3, 0]]);
const c = feat('adv-3', '1979-02-20T00:00:00+07:00', null, 'adv', 'linear', [[0, 0], [5, 5]]);
const s = feat('step-1', '1978-04-01T00:00:00+07:00', null, null, 'step', [[9, 9], [8, 8]]);

test('toKeyframe parses validity, track and interpolation', () => {
  const k = toKeyframe(a);
  assert.equal(k.id, 'adv-1');
  assert.equal(k.from, D('1979-01-01'));
  assert.equal(k.to, D('1979-01-11'));
  assert.equal(k.linear, true);
  assert.equal(k.track, 'adv');
  assert.equal(toKeyframe(c).to, null);
  assert.ok(validAt(k, D('1979-01-01')));
  assert.ok(!validAt(k, D('1979-01-11')), 'half-open');
  assert.ok(validAt(toKeyframe(c), D('1990-01-01')));
});

test('Windows cut time into fixed steps from an origin', () => {
  const w = new Windows(D('1978-12-01'), 30 * DAY);
  assert.equal(w.of(D('1978-12-01')), 0);
  assert.equal(w.of(D('1978-12-30T23:59')), 0);
  assert.equal(w.of(D('1978-12-31')), 1);
  assert.equal(w.of(D('1978-11-30')), -1);
  assert.equal(w.start(1), D('1978-12-31'));
  assert.equal(w.end(0), w.start(1));
});

test('sliceAt interpolates inside one window', () => {
  const w = new Windows(D('1979-01-01'), 60 * DAY);
  const win = makeWindow(w.start(0), w.end(0), [s, a, b, c]);
  const out = sliceAt(w, (i) => (i === 0 ? win : undefined), D('1979-01-06'));
  assert.equal(out.complete, true);
  assert.deepEqual(out.features.map((f) => f.id), ['step-1', 'adv-1']);
  // halfway from [[0,0],[1,0]] to [[0,0],[1,0],[3,0]], both resampled to 3 points
  assert.deepEqual(out.features[1].geometry.coordinates, [[0, 0], [1, 0], [2, 0]]);
  assert.equal(out.features[0], s, 'step features are handed back as they are');
});

test('sliceAt asks for the window holding a successor, and uses it once loaded', () => {
  const w = new Windows(D('1979-01-01'), 31 * DAY);
  // window 0: Jan 1 – Feb 1; b runs to Feb 20, so its successor c is in window 1.
  const w0 = makeWindow(w.start(0), w.end(0), [s, a, b]);
  const w1 = makeWindow(w.start(1), w.end(1), [s, b, c]);
  const t = D('1979-01-31T00:00');
  let out = sliceAt(w, (i) => (i === 0 ? w0 : undefined), t);
  assert.equal(out.complete, false);
  assert.deepEqual(out.missing, [1]);
  assert.equal(out.features[1], b, 'meanwhile the keyframe is shown unmoved');
  out = sliceAt(w, (i) => (i === 0 ? w0 : i === 1 ? w1 : undefined), t);
  assert.equal(out.complete, true);
  const f = (t - D('1979-01-11')) / (D('1979-02-20') - D('1979-01-11'));
  assert.equal(f, 0.5);
  // b resampled to 3 points: (0,0) (1.5,0) (3,0); c: (0,0) (2.5,2.5) (5,5)
  assert.deepEqual(out.features[1].geometry.coordinates, [[0, 0], [2, 1.25], [4, 2.5]]);
});

test('sliceAt reports a missing window of t itself', () => {
  const w = new Windows(D('1979-01-01'), 30 * DAY);
  const out = sliceAt(w, () => undefined, D('1979-03-05'));
  assert.equal(out.complete, false);
  assert.deepEqual(out.missing, [2]);
  assert.deepEqual(out.features, []);
});
