// Time math for the player. Pure: no DOM, no I/O.
//
// Instants are numbers (milliseconds since the Unix epoch). The dataset
// is written in Cambodian local time, UTC+07:00 with no daylight saving,
// so every calendar computation here uses that fixed offset and never
// the browser's own time zone: a kiosk set to another zone shows the
// same dates.

export const OFFSET_MS = 7 * 3600 * 1000;
export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** The mean Gregorian month, for speeds ("one month per second"). */
export const MONTH = 30.436875 * DAY;

/** Playback speeds: simulated milliseconds per real second. */
export const SPEEDS = Object.freeze({ day: DAY, week: WEEK, month: MONTH });
export const DEFAULT_SPEED = 'week';

/** The animation window: December 1978 to the end of December 1980. */
export const WINDOW_START = Date.parse('1978-12-01T00:00:00+07:00');
export const WINDOW_END = Date.parse('1980-12-31T00:00:00+07:00');

/** Parses an RFC 3339 instant, a local date-time without offset
 * (taken as UTC+07:00) or a bare date (midnight UTC+07:00).
 * Returns NaN when s is none of those. */
export function parseInstant(s) {
  if (typeof s !== 'string' || s === '') return NaN;
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (m) return Date.parse(`${s}T00:00:00+07:00`);
  m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?$/.exec(s);
  if (m) return Date.parse(`${m[1]}T${m[2]}:${m[3]}:${m[4] || '00'}${m[5] || ''}+07:00`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(s)) return NaN;
  return Date.parse(s);
}

/** Calendar fields of instant t in UTC+07:00 (month 0-11). */
export function localParts(t) {
  const d = new Date(t + OFFSET_MS);
  return {
    year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(),
    hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
    ms: d.getUTCMilliseconds(), weekday: d.getUTCDay(),
  };
}

/** The instant of a local (UTC+07:00) calendar date-time. Month is 0-11
 * and may overflow (month 12 is January of the next year). */
export function fromLocal(year, month, day = 1, hour = 0, minute = 0) {
  return Date.UTC(year, month, day, hour, minute) - OFFSET_MS;
}

/** Local midnight at or before t. */
export function startOfDay(t) {
  const p = localParts(t);
  return fromLocal(p.year, p.month, p.day);
}

/** Local midnight of the first day of t's month. */
export function startOfMonth(t) {
  const p = localParts(t);
  return fromLocal(p.year, p.month, 1);
}

/** Adds n calendar months, clamping the day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(t, n) {
  const p = localParts(t);
  const last = new Date(Date.UTC(p.year, p.month + n + 1, 0)).getUTCDate();
  return fromLocal(p.year, p.month + n, Math.min(p.day, last), p.hour, p.minute) + p.second * 1000 + p.ms;
}

/** Local midnights of the first of each month in [a, b]. */
export function monthStarts(a, b) {
  const out = [];
  let t = startOfMonth(a);
  if (t < a) t = addMonths(t, 1);
  for (; t <= b; t = addMonths(t, 1)) out.push(t);
  return out;
}

export function clamp(x, lo, hi) {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Rounds t down to a multiple of step counted from origin. */
export function floorTo(t, step, origin = 0) {
  return origin + Math.floor((t - origin) / step) * step;
}

/** Rounds t to the nearest multiple of step counted from origin. */
export function roundTo(t, step, origin = 0) {
  return origin + Math.round((t - origin) / step) * step;
}

/** The playhead after dt real milliseconds at a speed in simulated ms per
 * real second. */
export function advance(t, dtMs, speedMs) {
  return t + (dtMs / 1000) * speedMs;
}

/** RFC 3339 text of t in UTC+07:00 ("1979-01-07T12:00:00+07:00"), the
 * dataset's own notation. */
export function toRFC3339(t) {
  const p = localParts(Math.floor(t / 1000) * 1000);
  return `${pad4(p.year)}-${pad2(p.month + 1)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}+07:00`;
}

/** Compact local text for URLs: "1979-01-08" at local midnight,
 * "1979-01-08T06:30" otherwise (minutes; seconds are dropped). */
export function toURLDate(t) {
  const p = localParts(t);
  const day = `${pad4(p.year)}-${pad2(p.month + 1)}-${pad2(p.day)}`;
  if (p.hour === 0 && p.minute === 0) return day;
  return `${day}T${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** Time-ordered list of instants; the index of the last one <= t (-1 if none). */
export function lastAtOrBefore(sorted, t) {
  let lo = 0, hi = sorted.length - 1, ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] <= t) { ans = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return ans;
}

/** The first instant strictly after t, or undefined. */
export function nextAfter(sorted, t) {
  const i = lastAtOrBefore(sorted, t);
  return sorted[i + 1];
}

/** The last instant strictly before t (with a one-minute tolerance, so that
 * "previous event" from an event goes to the one before), or undefined. */
export function prevBefore(sorted, t, tolerance = 60 * 1000) {
  let ans;
  for (const x of sorted) {
    if (x < t - tolerance) ans = x; else break;
  }
  return ans;
}

function pad2(n) { return String(n).padStart(2, '0'); }
function pad4(n) { return String(n).padStart(4, '0'); }
