import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as S from '../../www/js/scales.js';

const width = { property: 'n', max_value: 600000, min_px: 1.5, max_px: 18, scale: 'sqrt' };
const radius = { property: 'n', max_value: 200000, min_px: 3, max_px: 26, unknown_px: 6, scale: 'sqrt' };

test('a square-root scale grows with the square root and is capped', () => {
  assert.equal(S.scaled(width, 0), 1.5);
  assert.equal(S.scaled(width, null), 1.5, 'not known, no unknown_px: the minimum');
  assert.equal(S.scaled(width, 600000), 18);
  assert.equal(S.scaled(width, 6000000), 18);
  const w1 = S.scaled(width, 10000) - 1.5, w4 = S.scaled(width, 40000) - 1.5;
  assert.ok(Math.abs(w4 / w1 - 2) < 1e-9, 'four times the value, twice the size above the base');
});

test('unknown values get unknown_px; linear scales are linear', () => {
  assert.equal(S.scaled(radius, null), 6);
  assert.equal(S.scaled(radius, undefined), 6);
  assert.equal(S.scaled(radius, NaN), 6);
  assert.equal(S.scaled(radius, 0), 3);
  assert.ok(S.scaled(radius, 160000) > S.scaled(radius, 30000));
  const lin = { ...radius, scale: 'linear' };
  assert.equal(S.scaled(lin, 100000), 3 + 23 / 2);
});

test('legend steps are round numbers up to the maximum', () => {
  assert.deepEqual(S.legendSteps(160000), [5000, 20000, 100000]);
  assert.deepEqual(S.legendSteps(0), []);
  for (const v of S.legendSteps(42000)) assert.ok(/^[125]0*$/.test(String(v)));
});

test('screen angles and certainty opacity', () => {
  assert.equal(S.screenAngle({ x: 0, y: 0 }, { x: 1, y: 0 }), 0);
  assert.equal(S.screenAngle({ x: 0, y: 0 }, { x: 0, y: 1 }), 90);
  assert.equal(S.screenAngle({ x: 0, y: 0 }, { x: -1, y: 0 }), 180);
  assert.ok(S.certaintyOpacity('low') < S.certaintyOpacity('medium'));
  assert.equal(S.certaintyOpacity('high'), 1);
  assert.equal(S.certaintyOpacity(undefined), 1);
});
