// Time math for the player. Pure: no DOM, no I/O.
//
// Instants are numbers (milliseconds since the Unix epoch). Calendar work
// (dates shown, month marks, the URL's local dates, bare dates) is done in
// the dataset's time zone, given by its manifest: a fixed offset ("+05:30")
// or an IANA name ("Europe/Paris", through Intl). Never the browser's
// own zone: a kiosk set to another zone shows the same dates.

export const HOUR = 3600 * 1000;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;
/** The mean Gregorian month, for speeds ("one month per second"). */
export const MONTH = 30.436875 * DAY;

/** Playback speeds: simulated milliseconds per real second. */
export const SPEEDS = Object.freeze({ day: DAY, week: WEEK, month: MONTH });
export const DEFAULT_SPEED = 'week';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i;

/** Parses an RFC 3339 instant with its offset (or Z); NaN otherwise. */
export function parseRFC3339(s) {
  if (typeof s !== 'string' || !RFC3339.test(s)) return NaN;
  return Date.parse(s);
}

/** UTC text of t without milliseconds ("1979-01-07T05:00:00Z"): for
 * queries, where the server compares instants whatever the offset. */
export function isoUTC(t) {
  return new Date(Math.floor(t / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * A time zone: "+05:30", "-03:00", "Z"/"UTC", or an IANA name. Throws on
 * anything else (the manifest is checked by the server; a bad one must not
 * silently become UTC).
 */
export class Zone {
  constructor(spec) {
    this.spec = spec;
    const m = /^([+-])(\d{2}):(\d{2})$/.exec(spec || '');
    if (m) {
      const off = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60000;
      this.offset = () => off;
    } else if (spec === 'Z' || spec === 'UTC') {
      this.offset = () => 0;
    } else {
      let fmt;
      try {
        fmt = new Intl.DateTimeFormat('en-US', {
          timeZone: spec, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
          hour: 'numeric', minute: 'numeric', second: 'numeric',
        });
      } catch {
        throw new Error(`unknown time zone ${JSON.stringify(spec)}`);
      }
      this.offset = (t) => {
        const t0 = Math.floor(t / 1000) * 1000;
        const f = {};
        for (const p of fmt.formatToParts(new Date(t0))) f[p.type] = Number(p.value);
        return Date.UTC(f.year, f.month - 1, f.day, f.hour, f.minute, f.second) - t0;
      };
    }
  }

  /** Calendar fields of t in this zone (month 0-11). */
  parts(t) {
    const d = new Date(t + this.offset(t));
    return {
      year: d.getUTCFullYear(), month: d.getUTCMonth(), day: d.getUTCDate(),
      hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(), weekday: d.getUTCDay(),
    };
  }

  /** The instant of a local calendar date-time (month 0-11, may overflow). */
  fromLocal(year, month, day = 1, hour = 0, minute = 0, second = 0, ms = 0) {
    const wall = Date.UTC(year, month, day, hour, minute, second, ms);
    let t = wall - this.offset(wall);
    t = wall - this.offset(t); // a second pass settles offsets that change near t
    return t;
  }

  /** RFC 3339 with an offset, a local date-time without one, or a bare
   * date (local midnight). NaN when s is none of those. */
  parse(s) {
    if (typeof s !== 'string' || s === '') return NaN;
    let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
    if (m) return this.fromLocal(+m[1], +m[2] - 1, +m[3]);
    m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(s);
    if (m) return this.fromLocal(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] || 0));
    return parseRFC3339(s);
  }

  startOfDay(t) { const p = this.parts(t); return this.fromLocal(p.year, p.month, p.day); }

  startOfMonth(t) { const p = this.parts(t); return this.fromLocal(p.year, p.month, 1); }

  /** Adds n calendar months, clamping the day (31 Jan + 1 month = 28/29 Feb). */
  addMonths(t, n) {
    const p = this.parts(t);
    const last = new Date(Date.UTC(p.year, p.month + n + 1, 0)).getUTCDate();
    return this.fromLocal(p.year, p.month + n, Math.min(p.day, last), p.hour, p.minute, p.second, p.ms);
  }

  /** Local midnights of the first of each month in [a, b]. */
  monthStarts(a, b) {
    const out = [];
    let t = this.startOfMonth(a);
    if (t < a) t = this.addMonths(t, 1);
    for (; t <= b; t = this.addMonths(t, 1)) out.push(t);
    return out;
  }

  /** RFC 3339 text of t in this zone, to the second. */
  rfc3339(t) {
    const t0 = Math.floor(t / 1000) * 1000;
    const p = this.parts(t0);
    const off = this.offset(t0) / 60000;
    const sign = off < 0 ? '-' : '+';
    const zone = `${sign}${pad2(Math.floor(Math.abs(off) / 60))}:${pad2(Math.abs(off) % 60)}`;
    return `${pad4(p.year)}-${pad2(p.month + 1)}-${pad2(p.day)}T${pad2(p.hour)}:${pad2(p.minute)}:${pad2(p.second)}${zone}`;
  }

  /** Compact local text for URLs: "1979-01-08" at local midnight,
   * "1979-01-08T06:30" otherwise (minutes; seconds are dropped). */
  urlDate(t) {
    const p = this.parts(t);
    const day = `${pad4(p.year)}-${pad2(p.month + 1)}-${pad2(p.day)}`;
    if (p.hour === 0 && p.minute === 0) return day;
    return `${day}T${pad2(p.hour)}:${pad2(p.minute)}`;
  }
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
