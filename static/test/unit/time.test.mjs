import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from '../../www/js/time.js';

test('parseInstant reads RFC 3339, local date-times and bare dates in UTC+07:00', () => {
  assert.equal(T.parseInstant('1979-01-07T12:00:00+07:00'), Date.UTC(1979, 0, 7, 5));
  assert.equal(T.parseInstant('1979-01-07T05:00:00Z'), Date.UTC(1979, 0, 7, 5));
  assert.equal(T.parseInstant('1979-01-07'), Date.UTC(1979, 0, 6, 17));
  assert.equal(T.parseInstant('1979-01-07T12:00'), Date.UTC(1979, 0, 7, 5));
  assert.ok(Number.isNaN(T.parseInstant('yesterday')));
  assert.ok(Number.isNaN(T.parseInstant('')));
  assert.ok(Number.isNaN(T.parseInstant(null)));
  assert.ok(Number.isNaN(T.parseInstant('1979-01-07T12:00:00+0700')));
});

test('localParts and fromLocal use UTC+07:00 whatever the machine zone', () => {
  const t = Date.UTC(1979, 0, 6, 17, 30); // 00:30 on 7 January in Phnom Penh
  const p = T.localParts(t);
  assert.deepEqual([p.year, p.month, p.day, p.hour, p.minute], [1979, 0, 7, 0, 30]);
  assert.equal(T.fromLocal(1979, 0, 7, 0, 30), t);
  assert.equal(T.startOfDay(t), T.parseInstant('1979-01-07'));
  assert.equal(T.startOfMonth(t), T.parseInstant('1979-01-01'));
});

test('addMonths clamps the day and crosses years', () => {
  assert.equal(T.addMonths(T.parseInstant('1979-01-31'), 1), T.parseInstant('1979-02-28'));
  assert.equal(T.addMonths(T.parseInstant('1980-01-31'), 1), T.parseInstant('1980-02-29'));
  assert.equal(T.addMonths(T.parseInstant('1978-12-15'), 1), T.parseInstant('1979-01-15'));
  assert.equal(T.addMonths(T.parseInstant('1979-03-15'), -3), T.parseInstant('1978-12-15'));
});

test('monthStarts lists the firsts of months inside a range', () => {
  const ms = T.monthStarts(T.WINDOW_START, T.WINDOW_END);
  assert.equal(ms.length, 25); // Dec 1978 .. Dec 1980
  assert.equal(ms[0], T.parseInstant('1978-12-01'));
  assert.equal(ms.at(-1), T.parseInstant('1980-12-01'));
  assert.deepEqual(T.monthStarts(T.parseInstant('1979-01-02'), T.parseInstant('1979-02-01')), [T.parseInstant('1979-02-01')]);
});

test('the animation window runs from December 1978 to December 1980', () => {
  assert.equal(T.toRFC3339(T.WINDOW_START), '1978-12-01T00:00:00+07:00');
  assert.equal(T.toRFC3339(T.WINDOW_END), '1980-12-31T00:00:00+07:00');
});

test('speeds: a day, a week and a month of history per second', () => {
  assert.equal(T.advance(0, 1000, T.SPEEDS.day), T.DAY);
  assert.equal(T.advance(0, 500, T.SPEEDS.week), 3.5 * T.DAY);
  assert.ok(Math.abs(T.advance(0, 1000, T.SPEEDS.month) - 30.44 * T.DAY) < T.HOUR);
  assert.equal(T.SPEEDS[T.DEFAULT_SPEED], T.WEEK);
});

test('rounding to steps', () => {
  const o = T.WINDOW_START;
  assert.equal(T.floorTo(o + 1.7 * T.DAY, T.DAY, o), o + T.DAY);
  assert.equal(T.roundTo(o + 1.7 * T.DAY, T.DAY, o), o + 2 * T.DAY);
  assert.equal(T.floorTo(o - 1, T.DAY, o), o - T.DAY);
  assert.equal(T.clamp(5, 0, 3), 3);
  assert.equal(T.clamp(-1, 0, 3), 0);
});

test('toRFC3339 and toURLDate write local time', () => {
  const t = T.parseInstant('1979-01-07T12:00:00+07:00');
  assert.equal(T.toRFC3339(t), '1979-01-07T12:00:00+07:00');
  assert.equal(T.toRFC3339(t + 999), '1979-01-07T12:00:00+07:00');
  assert.equal(T.toURLDate(t), '1979-01-07T12:00');
  assert.equal(T.toURLDate(T.parseInstant('1979-01-08')), '1979-01-08');
  assert.equal(T.parseInstant(T.toURLDate(t)), t);
});

test('event stepping: last at or before, next after, previous before', () => {
  const xs = [10, 20, 30].map((d) => d * T.DAY);
  assert.equal(T.lastAtOrBefore(xs, 5 * T.DAY), -1);
  assert.equal(T.lastAtOrBefore(xs, 20 * T.DAY), 1);
  assert.equal(T.nextAfter(xs, 20 * T.DAY), 30 * T.DAY);
  assert.equal(T.nextAfter(xs, 30 * T.DAY), undefined);
  assert.equal(T.prevBefore(xs, 20 * T.DAY), 10 * T.DAY);
  assert.equal(T.prevBefore(xs, 20 * T.DAY + 30000), 10 * T.DAY, 'within the tolerance, the current event is skipped');
  assert.equal(T.prevBefore(xs, 25 * T.DAY), 20 * T.DAY);
  assert.equal(T.prevBefore(xs, 10 * T.DAY), undefined);
});
