import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as S from '../../www/js/scales.js';

test('flow width grows with the square root of people and is capped', () => {
  assert.equal(S.flowWidth(0), 1.5);
  assert.equal(S.flowWidth(null), 1.5);
  assert.equal(S.flowWidth(S.FLOW_MAX_PEOPLE), S.FLOW_MAX_PX);
  assert.equal(S.flowWidth(10 * S.FLOW_MAX_PEOPLE), S.FLOW_MAX_PX);
  const w1 = S.flowWidth(10000) - 1.5, w4 = S.flowWidth(40000) - 1.5;
  assert.ok(Math.abs(w4 / w1 - 2) < 1e-9, 'four times the people, twice the width above the base');
});

test('camp circle area grows with population; unknown is its own size', () => {
  assert.equal(S.campRadius(null), S.CAMP_UNKNOWN_PX);
  assert.equal(S.campRadius(undefined), S.CAMP_UNKNOWN_PX);
  assert.equal(S.campRadius(0), 3);
  assert.equal(S.campRadius(S.CAMP_MAX_POP), S.CAMP_MAX_PX);
  assert.ok(S.campRadius(160000) > S.campRadius(30000));
  const a = S.campRadius(20000) - 3, b = S.campRadius(80000) - 3;
  assert.ok(Math.abs(b / a - 2) < 1e-9);
});

test('perimeter status colours are distinct Okabe–Ito colours, with dashes too', () => {
  const cs = ['closed', 'controlled', 'open'].map(S.perimeterColor);
  assert.equal(new Set(cs).size, 3);
  for (const c of cs) assert.ok(Object.values(S.OKABE_ITO).includes(c));
  assert.equal(S.perimeterColor('unknown'), '#555555');
  assert.notEqual(S.PERIMETER_DASH.controlled, S.PERIMETER_DASH.open);
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
