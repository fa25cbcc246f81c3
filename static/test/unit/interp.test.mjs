import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as I from '../../www/js/interp.js';

const golden = JSON.parse(readFileSync(new URL('../golden/lerp.json', import.meta.url)));

/** Largest coordinate difference between two GeoJSON geometries of the same shape. */
export function maxDiff(a, b, path = 'coordinates') {
  if (typeof a === 'number') {
    assert.equal(typeof b, 'number', path);
    return Math.abs(a - b);
  }
  assert.ok(Array.isArray(b), `${path}: not an array`);
  assert.equal(a.length, b.length, `${path}: lengths differ`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, maxDiff(a[i], b[i], `${path}[${i}]`));
  return m;
}

test('lerpGeometry matches the server (geo.Lerp) on golden cases', () => {
  assert.ok(golden.geometries.length >= 50);
  let exact = 0;
  for (const c of golden.geometries) {
    const got = I.lerpGeometry(c.a, c.b, c.f);
    assert.equal(got.type, c.want.type, `${c.name} f=${c.f}`);
    const d = maxDiff(got.coordinates, c.want.coordinates);
    assert.ok(d <= 1.000001e-6, `${c.name} f=${c.f}: off by ${d}`);
    if (d === 0) exact++;
  }
  // Rounding to 1e-6 hides last-bit differences almost always.
  assert.ok(exact / golden.geometries.length > 0.9, `only ${exact} of ${golden.geometries.length} identical`);
});

test('lerpProps matches the server (geo.LerpProps)', () => {
  for (const c of golden.props) {
    assert.deepEqual(I.lerpProps(c.a, c.b, c.f), c.want, `f=${c.f}`);
  }
});

test('lerpProps keeps whole numbers whole and returns a itself when nothing moves', () => {
  const a = { people: 10, x: 'a' };
  assert.equal(I.lerpProps(a, { people: 10 }, 0.5), a);
  assert.equal(I.lerpProps({ n: 0 }, { n: 3 }, 0.5).n, 2, 'half away from zero');
  assert.equal(I.lerpProps({ n: 0 }, { n: -3 }, 0.5).n, -2, 'half away from zero');
  assert.equal(I.lerpProps({ n: 0.5 }, { n: 1 }, 0.5).n, 0.75);
  assert.equal(I.lerpProps({ n: null }, { n: 1 }, 0.5).n, null, 'null is not a number');
});

test('roundHalfAway and hypot behave like Go', () => {
  assert.equal(I.roundHalfAway(2.5), 3);
  assert.equal(I.roundHalfAway(-2.5), -3);
  assert.equal(I.roundHalfAway(-2.4), -2);
  assert.equal(I.hypot(3, 4), 5);
  assert.equal(I.hypot(0, 0), 0);
  assert.equal(I.hypot(-3, 0), 3);
});

test('resample keeps the ends and spaces points evenly', () => {
  const l = [[0, 0], [1, 0], [3, 0]];
  assert.deepEqual(I.resample(l, 4), [[0, 0], [1, 0], [2, 0], [3, 0]]);
  assert.deepEqual(I.resample([[1, 1]], 3), [[1, 1], [1, 1], [1, 1]]);
  assert.deepEqual(I.resample([], 3), []);
  assert.deepEqual(I.resample(l, 2), [[0, 0], [3, 0]]);
});

test('alignRing rotates a ring to start nearest a point', () => {
  const r = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
  assert.deepEqual(I.alignRing(r, [1.1, 1.1]), [[1, 1], [0, 1], [0, 0], [1, 0], [1, 1]]);
  assert.equal(I.alignRing(r, [0, 0]), r);
});

test('incompatible geometries do not lerp', () => {
  assert.equal(I.lerpGeometry({ type: 'Point', coordinates: [0, 0] }, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }, 0.5), null);
  assert.equal(I.compatible(null, { type: 'Point' }), false);
  assert.equal(I.makeTween({ type: 'GeometryCollection', geometries: [] }, { type: 'GeometryCollection', geometries: [] }), null);
});

const kf = (id, from, to, coords, extra = {}) => ({
  id, from, to, linear: true, track: 'tr',
  feature: { type: 'Feature', id, geometry: { type: 'Point', coordinates: coords }, properties: { people: 100, ...extra } },
});

test('stateAt moves a linear keyframe towards the next one, like geo.At', () => {
  const a = kf('a', 0, 100, [0, 0]);
  const b = kf('b', 100, 200, [10, 20], { people: 300 });
  const s = I.stateAt(a, b, 25);
  assert.deepEqual(s.geometry.coordinates, [2.5, 5]);
  assert.equal(s.properties.people, 150);
  assert.equal(s.id, 'a');
  assert.equal(I.stateAt(a, b, 0), a.feature, 'at its start a keyframe is as it is');
  assert.equal(I.stateAt(a, undefined, 50), a.feature, 'no successor: no motion');
  assert.equal(I.stateAt({ ...a, linear: false }, b, 50), a.feature, 'step keyframes hold');
  assert.equal(I.stateAt(a, { ...b, from: 101 }, 50), a.feature, 'a gap in the track: no motion');
  assert.equal(I.stateAt({ ...a, to: null }, b, 50), a.feature, 'open-ended: no motion');
});

test('stateAt caches planned tweens by keyframe pair', () => {
  const a = kf('a', 0, 100, [0, 0]);
  const b = kf('b', 100, 200, [10, 20]);
  const cache = new Map();
  I.stateAt(a, b, 10, cache);
  I.stateAt(a, b, 20, cache);
  assert.equal(cache.size, 1);
  assert.deepEqual(I.stateAt(a, b, 50, cache).geometry.coordinates, [5, 10]);
});
