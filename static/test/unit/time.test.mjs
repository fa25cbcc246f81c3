import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as T from '../../www/js/time.js';

const Z = new T.Zone('+07:00');

test('Zone.parse reads RFC 3339, local date-times and bare dates in UTC+07:00', () => {
  assert.equal(Z.parse('1979-01-07T12:00:00+07:00'), Date.UTC(1979, 0, 7, 5));
  assert.equal(Z.parse('1979-01-07T05:00:00Z'), Date.UTC(1979, 0, 7, 5));
  assert.equal(Z.parse('1979-01-07'), Date.UTC(1979, 0, 6, 17));
  assert.equal(Z.parse('1979-01-07T12:00'), Date.UTC(1979, 0, 7, 5));
  assert.ok(Number.isNaN(Z.parse('yesterday')));
  assert.ok(Number.isNaN(Z.parse('')));
  assert.ok(Number.isNaN(Z.parse(null)));
  assert.ok(Number.isNaN(Z.parse('1979-01-07T12:00:00+0700')));
});

test('localParts and fromLocal use UTC+07:00 whatever the machine zone', () => {
  const t = Date.UTC(1979, 0, 6, 17, 30); // 00:30 on 7 January in Phnom Penh
  const p = Z.parts(t);
  assert.deepEqual([p.year, p.month, p.day, p.hour, p.minute], [1979, 0, 7, 0, 30]);
  assert.equal(Z.fromLocal(1979, 0, 7, 0, 30), t);
  assert.equal(Z.startOfDay(t), Z.parse('1979-01-07'));
  assert.equal(Z.startOfMonth(t), Z.parse('1979-01-01'));
});

test('addMonths clamps the day and crosses years', () => {
  assert.equal(Z.addMonths(Z.parse('1979-01-31'), 1), Z.parse('1979-02-28'));
  assert.equal(Z.addMonths(Z.parse('1980-01-31'), 1), Z.parse('1980-02-29'));
  assert.equal(Z.addMonths(Z.parse('1978-12-15'), 1), Z.parse('1979-01-15'));
  assert.equal(Z.addMonths(Z.parse('1979-03-15'), -3), Z.parse('1978-12-15'));
});

const WINDOW_START = Z.parse('1978-12-01'), WINDOW_END = Z.parse('1980-12-31');

test('monthStarts lists the firsts of months inside a range', () => {
  const ms = Z.monthStarts(WINDOW_START, WINDOW_END);
  assert.equal(ms.length, 25); // Dec 1978 .. Dec 1980
  assert.equal(ms[0], Z.parse('1978-12-01'));
  assert.equal(ms.at(-1), Z.parse('1980-12-01'));
  assert.deepEqual(Z.monthStarts(Z.parse('1979-01-02'), Z.parse('1979-02-01')), [Z.parse('1979-02-01')]);
});

test('rfc3339 writes the zone\'s offset; isoUTC writes Z', () => {
  assert.equal(Z.rfc3339(WINDOW_START), '1978-12-01T00:00:00+07:00');
  assert.equal(T.isoUTC(WINDOW_START), '1978-11-30T17:00:00Z');
  assert.equal(new T.Zone('-03:30').rfc3339(Date.UTC(2000, 0, 1)), '1999-12-31T20:30:00-03:30');
});

test('an IANA zone follows its daylight saving time, whatever the machine zone', () => {
  const paris = new T.Zone('Europe/Paris');
  assert.equal(paris.parse('2020-07-01'), Date.UTC(2020, 5, 30, 22)); // CEST, UTC+2
  assert.equal(paris.parse('2020-01-01'), Date.UTC(2019, 11, 31, 23)); // CET, UTC+1
  assert.equal(paris.rfc3339(Date.UTC(2020, 5, 30, 22)), '2020-07-01T00:00:00+02:00');
  assert.deepEqual(paris.monthStarts(paris.parse('2020-03-15'), paris.parse('2020-05-01')), [paris.parse('2020-04-01'), paris.parse('2020-05-01')]);
  assert.equal(paris.addMonths(paris.parse('2020-03-01'), 1), paris.parse('2020-04-01'), 'across the change to summer time');
  assert.throws(() => new T.Zone('Mars/Olympus'), /unknown time zone/);
});

test('parseRFC3339 wants an offset', () => {
  assert.equal(T.parseRFC3339('1979-01-07T12:00:00+07:00'), Date.UTC(1979, 0, 7, 5));
  assert.ok(Number.isNaN(T.parseRFC3339('1979-01-07')));
});

test('speeds: a day, a week and a month of history per second', () => {
  assert.equal(T.advance(0, 1000, T.SPEEDS.day), T.DAY);
  assert.equal(T.advance(0, 500, T.SPEEDS.week), 3.5 * T.DAY);
  assert.ok(Math.abs(T.advance(0, 1000, T.SPEEDS.month) - 30.44 * T.DAY) < T.HOUR);
  assert.equal(T.SPEEDS[T.DEFAULT_SPEED], T.WEEK);
});

test('rounding to steps', () => {
  const o = WINDOW_START;
  assert.equal(T.floorTo(o + 1.7 * T.DAY, T.DAY, o), o + T.DAY);
  assert.equal(T.roundTo(o + 1.7 * T.DAY, T.DAY, o), o + 2 * T.DAY);
  assert.equal(T.floorTo(o - 1, T.DAY, o), o - T.DAY);
  assert.equal(T.clamp(5, 0, 3), 3);
  assert.equal(T.clamp(-1, 0, 3), 0);
});

test('toRFC3339 and toURLDate write local time', () => {
  const t = Z.parse('1979-01-07T12:00:00+07:00');
  assert.equal(Z.rfc3339(t), '1979-01-07T12:00:00+07:00');
  assert.equal(Z.rfc3339(t + 999), '1979-01-07T12:00:00+07:00');
  assert.equal(Z.urlDate(t), '1979-01-07T12:00');
  assert.equal(Z.urlDate(Z.parse('1979-01-08')), '1979-01-08');
  assert.equal(Z.parse(Z.urlDate(t)), t);
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
