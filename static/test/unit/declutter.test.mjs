import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pickLabels } from '../../www/js/declutter.js';

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
