import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spreadTicks, detailRange, MIN_TARGET_PX } from '../../www/js/detailscale.js';
import { eventTarget, bboxOf } from '../../www/js/camera.js';

const DAY = 86400000;

function assertSpread(xs, out, width, gap) {
  assert.equal(out.length, xs.length);
  for (let i = 1; i < out.length; i++) assert.ok(out[i] - out[i - 1] >= gap - 1e-6, `gap ${i}: ${out[i] - out[i - 1]}`);
  for (const x of out) assert.ok(x >= gap / 2 - 1e-6 && x <= width - gap / 2 + 1e-6, `inside: ${x}`);
}

test('spread ticks keep a 24 px target each, in order, inside the box', () => {
  const xs = [10, 11, 12, 13, 300, 301, 590, 599];
  const out = spreadTicks(xs, 600, MIN_TARGET_PX);
  assertSpread(xs, out, 600, 24);
  assert.deepEqual([...out].sort((a, b) => a - b), out, 'order kept');
  // Ticks already apart do not move.
  assert.deepEqual(spreadTicks([50, 200, 400], 600), [50, 200, 400]);
  // A packed run is centred on its true positions where it can be.
  const run = spreadTicks([300, 300, 300], 600);
  assert.deepEqual(run, [276, 300, 324]);
  assert.deepEqual(spreadTicks([], 600), []);
});

test('the detail range narrows until its events fit at 24 px each', () => {
  // 20 events a day apart, as in a dense fortnight.
  const ev = Array.from({ length: 20 }, (_, i) => 1000 * DAY + i * DAY / 2);
  for (const width of [360, 1200, 1880]) {
    const r = detailRange(ev, ev[5], { min: 0, max: 2000 * DAY, width });
    const inside = ev.filter((e) => e >= r.start && e <= r.end);
    assert.ok(inside.length >= 1 && inside.length * 24 <= width, `width ${width}: ${inside.length} events`);
    assert.ok(r.start <= ev[5] && ev[5] <= r.end, 'the playhead is in range');
    const out = spreadTicks(inside.map((e) => (e - r.start) / (r.end - r.start) * width), width);
    assertSpread(inside, out, width, 24);
  }
  // Sparse: the default span around t, a third before.
  const r = detailRange([500 * DAY], 500 * DAY, { min: 0, max: 2000 * DAY, width: 1000 });
  assert.equal(r.end - r.start, 42 * DAY);
  assert.equal(r.start, 500 * DAY - 14 * DAY);
  // Clamped at the ends.
  const e = detailRange([], 1 * DAY, { min: 0, max: 2000 * DAY, width: 1000 });
  assert.equal(e.start, 0);
});

test('camera targets: a point at a zoom, or an extent; concerns include the event', () => {
  const f = { id: 'e1', geometry: { type: 'Point', coordinates: [104.9, 11.55] }, properties: {} };
  assert.deepEqual(eventTarget(f, { defaultZoom: 8 }), { center: [11.55, 104.9], zoom: 8, concerns: ['e1'] });
  const z = { ...f, properties: { zoom: 12, concerns: ['p1', 7] } };
  assert.deepEqual(eventTarget(z, { maxZoom: 10 }), { center: [11.55, 104.9], zoom: 10, concerns: ['e1', 'p1', '7'] });
  const x = { ...f, properties: { extent: [102, 10, 107, 14] } };
  assert.deepEqual(eventTarget(x).bounds, [[10, 102], [14, 107]]);
  assert.deepEqual(eventTarget({ ...f, properties: { extent: [5, 5, 1, 1] } }).center, [11.55, 104.9], 'a bad extent is ignored');
  const line = { id: 'l', geometry: { type: 'LineString', coordinates: [[100, 10], [102, 13]] } };
  assert.deepEqual(eventTarget(line).bounds, [[10, 100], [13, 102]]);
  assert.equal(eventTarget({ id: 'n', geometry: null }), null);
  assert.deepEqual(bboxOf({ type: 'MultiPolygon', coordinates: [[[[0, 0], [2, 1], [1, 3], [0, 0]]]] }), [0, 0, 2, 3]);
});
