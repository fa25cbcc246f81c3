import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickLabels, pointAlts } from '../../www/js/declutter.js';

test('overlapping labels: the higher priority stays', () => {
  const boxes = [
    { x: 0, y: 0, w: 50, h: 10, priority: 1 },
    { x: 10, y: 5, w: 50, h: 10, priority: 5 },
    { x: 100, y: 0, w: 20, h: 10, priority: 0 },
  ];
  assert.deepEqual(pickLabels(boxes), [1, 2]);
});

test('padding keeps labels apart; empty boxes are dropped; ties keep the first', () => {
  const a = { x: 0, y: 0, w: 10, h: 10, priority: 1 };
  const b = { x: 11, y: 0, w: 10, h: 10, priority: 1 };
  assert.deepEqual(pickLabels([a, b], 2), [0]);
  assert.deepEqual(pickLabels([a, b], 0), [0, 1]);
  assert.deepEqual(pickLabels([{ x: 0, y: 0, w: 0, h: 0, priority: 9 }, a]), [1]);
});

test('a label that clashes on the right moves to its point\'s left, then above or below, before it is hidden', () => {
  // Two points 40 px apart on a line, labels 30 px wide on their right: B's label covers A's point side.
  const a = { x: 106, y: 95, w: 30, h: 10, priority: 2 };
  const bBox = { x: 146, y: 95, w: 30, h: 10, priority: 1 };
  const bAnchor = { x: 140, y: 100, r: 4 };
  // A clear right side: B stays where it is.
  assert.deepEqual(pickLabels([a, { ...bBox, alts: pointAlts(bBox, bAnchor) }]), [0, 1]);
  // A label placed over B's right side: B goes to its left, mirrored (same 6 px gap).
  const blocker = { x: 150, y: 97, w: 40, h: 20, priority: 3 };
  const b = { ...bBox, alts: pointAlts(bBox, bAnchor) };
  assert.deepEqual(pickLabels([blocker, b]), [0, 1]);
  assert.deepEqual(b.moved, { dx: -42, dy: 0 }); // left edge 104 = 140 − 6 − 30
  // Blocked right and left: above, centred on the point (bottom edge 2 px over the circle).
  const b2 = { ...bBox, alts: pointAlts(bBox, bAnchor) };
  const left = { x: 100, y: 97, w: 36, h: 10, priority: 3 };
  assert.deepEqual(pickLabels([blocker, left, b2]), [0, 1, 2]);
  assert.deepEqual(b2.moved, { dx: 125 - 146, dy: 84 - 95 });
  // Blocked everywhere: hidden, and not moved.
  const b3 = { ...bBox, alts: pointAlts(bBox, bAnchor) };
  const wall = { x: 90, y: 70, w: 120, h: 60, priority: 9 };
  assert.deepEqual(pickLabels([wall, b3]), [0]);
  assert.equal(b3.moved, undefined);
});

test('a label is moved only to a place inside the map: off it, it would be cut', () => {
  const box = { x: 46, y: 95, w: 30, h: 10, priority: 1 };
  const anchor = { x: 40, y: 100, r: 4 }; // a point 40 px from the map's left edge
  const blocker = { x: 50, y: 97, w: 40, h: 20, priority: 3 };
  const map = { x: 0, y: 0, w: 400, h: 300 };
  // Far enough from the edge, the label goes to its point's left as before.
  const a = { ...box, alts: pointAlts(box, anchor) };
  assert.deepEqual(pickLabels([blocker, a], 2, map), [0, 1]);
  assert.equal(a.moved.dx, -42); // 4..34: inside
  // The same point 20 px from the edge: its left would start at −16, so it goes above instead.
  const near = { x: 26, y: 95, w: 30, h: 10, priority: 1 };
  const b = { ...near, alts: pointAlts(near, { x: 20, y: 100, r: 4 }) };
  const blocker2 = { x: 30, y: 97, w: 40, h: 20, priority: 3 };
  assert.deepEqual(pickLabels([blocker2, b], 2, map), [0, 1]);
  assert.equal(b.moved.dy < 0 && b.moved.dx + near.x >= 0, true, `moved above, inside: ${JSON.stringify(b.moved)}`);
  // Unbounded, the same label goes left, off the map.
  const c = { ...near, alts: pointAlts(near, { x: 20, y: 100, r: 4 }) };
  pickLabels([blocker2, c], 2);
  assert.equal(c.moved.dx + near.x < 0, true);
});

test('a point\'s label cut by the map\'s edge takes another side inside it; with none inside, it stays if clear', () => {
  const map = { x: 0, y: 0, w: 400, h: 300 };
  // A point 10 px from the right edge: its label on the right would end at 436.
  const box = { x: 386, y: 95, w: 50, h: 10, priority: 1 };
  const b = { ...box, alts: pointAlts(box, { x: 380, y: 100, r: 4 }) };
  assert.deepEqual(pickLabels([b], 2, map), [0]);
  assert.deepEqual(b.moved, { dx: -62, dy: 0 }, 'to its left: 324..374');
  // A label wider than the map fits nowhere inside: it stays where it is.
  const wide = { x: 10, y: 95, w: 500, h: 10, priority: 1 };
  const w = { ...wide, alts: pointAlts(wide, { x: 4, y: 100, r: 2 }) };
  assert.deepEqual(pickLabels([w], 2, map), [0]);
  assert.equal(w.moved, undefined);
});

test('a point\'s label is hidden when its point is off the map (found on the phone: "…eu" of Kompong Speu)', () => {
  const map = { x: 0, y: 0, w: 400, h: 300 };
  // The point 12 px left of the map: its label, on the right, starts off the map too.
  const box = { x: -6, y: 95, w: 60, h: 10, priority: 1 };
  const off = { ...box, alts: pointAlts(box, { x: -12, y: 100, r: 4 }), anchor: { x: -12, y: 100 } };
  assert.deepEqual(pickLabels([off], 2, map), []);
  // Its point just inside the map, the label is kept (moved inside where it can be).
  const box2 = { x: 18, y: 95, w: 60, h: 10, priority: 1 };
  const on = { ...box2, alts: pointAlts(box2, { x: 12, y: 100, r: 4 }), anchor: { x: 12, y: 100 } };
  assert.deepEqual(pickLabels([on], 2, map), [0]);
  // Unbounded, nothing is off the map.
  assert.deepEqual(pickLabels([{ ...off }], 2), [0]);
});
