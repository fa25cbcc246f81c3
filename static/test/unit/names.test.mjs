import { test } from 'node:test';
import assert from 'node:assert/strict';
import { distanceKm, shadowedTowns } from '../../www/js/names.js';

test('distances on the sphere', () => {
  assert.ok(Math.abs(distanceKm([0, 0], [1, 0]) - 111.195) < 0.01);
  assert.equal(distanceKm([10, 10], [10, 10]), 0);
});

test("a base map town at a dataset's named place yields its label; others keep theirs", () => {
  const towns = [[102.5637, 13.6581], [102.57, 13.66], [104.93, 11.42], [20, 50]];
  const points = [[102.5637, 13.6581], [104.917, 11.55]];
  // Same spot; ~0.7 km away; ~14 km away (a different town); far away.
  assert.deepEqual([...shadowedTowns(towns, points)], [0, 1]);
  assert.deepEqual([...shadowedTowns(towns, points, 20)], [0, 1, 2]);
  assert.deepEqual([...shadowedTowns(towns, [])], []);
});
