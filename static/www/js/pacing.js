// Pacing: how long the player holds at each event so that its caption can
// be read, in which order events that share an instant are shown, what
// Next / Previous visit, and what the caption panel shows between events.
// Pure: no DOM, no clock; the player asks and the panel follows.
//
// Reading time = a fixed lead (the eye finds the panel and the map moves)
// + the caption's length at a reading speed: words per minute for scripts
// that separate words with spaces, characters per minute for those that
// do not (Khmer, Thai, Lao, Burmese, Chinese, Japanese), clamped between a
// minimum and a maximum. All of it is configurable (a kiosk at two metres
// reads slower than a desk).

/** Scripts written without spaces between words: counted by characters. */
export const BY_CHARACTERS = new Set(['km', 'th', 'lo', 'my', 'zh', 'ja']);

/** Defaults: ~200 wpm is a comfortable reading speed for a screen caption;
 * Khmer is counted by characters (~ 500 cpm, grapheme clusters). */
export const DEFAULT_PACE = Object.freeze({
  wpm: 200, // words per minute (space-separated scripts)
  cpm: 500, // characters (grapheme clusters, spaces excluded) per minute
  leadMs: 1500, // before reading starts
  minMs: 3000,
  maxMs: 20000,
  byLang: {}, // per-language overrides of wpm / cpm, e.g. {fr: {wpm: 180}}
});

/** Merges a partial configuration over the defaults. Unknown or invalid
 * values fall back to the defaults (a bad URL parameter never stops play). */
export function paceConfig(partial = {}) {
  const c = { ...DEFAULT_PACE, byLang: { ...DEFAULT_PACE.byLang, ...(partial.byLang || {}) } };
  for (const k of ['wpm', 'cpm', 'leadMs', 'minMs', 'maxMs']) {
    const v = Number(partial[k]);
    if (partial[k] != null && Number.isFinite(v) && (v > 0 || (k === 'leadMs' && v === 0))) c[k] = v;
  }
  if (c.maxMs < c.minMs) c.maxMs = c.minMs;
  return c;
}

/** Counts the reading units of text in lang: words, or characters (grapheme
 * clusters other than spaces and punctuation) for BY_CHARACTERS scripts. */
export function readingUnits(text, lang) {
  const s = String(text ?? '').trim();
  if (!s) return { unit: BY_CHARACTERS.has(lang) ? 'char' : 'word', n: 0 };
  if (BY_CHARACTERS.has(lang)) {
    let n = 0;
    for (const g of graphemes(s)) if (!/^[\s\p{P}]+$/u.test(g)) n++;
    return { unit: 'char', n };
  }
  return { unit: 'word', n: s.split(/\s+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length };
}

function graphemes(s) {
  if (typeof Intl !== 'undefined' && Intl.Segmenter) {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s), (x) => x.segment);
  }
  return Array.from(s);
}

/** How long (ms) to hold on a caption of text in lang. */
export function readingMs(text, lang, cfg = DEFAULT_PACE) {
  const c = cfg === DEFAULT_PACE ? cfg : paceConfig(cfg);
  const { unit, n } = readingUnits(text, lang);
  const over = c.byLang?.[lang] || {};
  const rate = unit === 'char' ? (over.cpm || c.cpm) : (over.wpm || c.wpm);
  const ms = c.leadMs + (n / rate) * 60000;
  return Math.round(Math.min(c.maxMs, Math.max(c.minMs, ms)));
}

/** The stated order of events: by instant, then by the event's `order`
 * (a number; events without one come after those with one), then by id.
 * events: [{id, from, order?}]. Returns a new array. */
export function orderEvents(events) {
  return [...events].sort((a, b) => (a.from - b.from)
    || (ord(a) - ord(b))
    || String(a.id).localeCompare(String(b.id), 'en', { numeric: true }));
}

function ord(e) {
  const o = Number(e.order ?? e.feature?.properties?.order);
  return Number.isFinite(o) ? o : Number.MAX_SAFE_INTEGER;
}

/**
 * The stops of a play-through: one per distinct instant, each with the
 * events shown there in order and how long each is held.
 * @param {{id: string, from: number, caption?: object}[]} events
 * @param {(e: object) => {text: string, lang: string}} textOf what a visitor reads of e
 * @param {object} [cfg] pace configuration (paceConfig)
 * @returns {{t: number, events: object[], holds: number[], total: number}[]}
 */
export function schedule(events, textOf, cfg = DEFAULT_PACE) {
  const c = paceConfig(cfg);
  const out = [];
  for (const e of orderEvents(events)) {
    let s = out[out.length - 1];
    if (!s || s.t !== e.from) { s = { t: e.from, events: [], holds: [], total: 0 }; out.push(s); }
    const { text, lang } = textOf(e);
    const h = readingMs(text, lang, c);
    s.events.push(e);
    s.holds.push(h);
    s.total += h;
  }
  return out;
}

/** The stop at instant t (exact), or undefined. */
export function stopAt(stops, t) { return stops.find((s) => s.t === t); }

/** Which of a stop's events is shown after heldMs of holding at it: the
 * first while its hold lasts, then the next, ...; the last stays. */
export function shownInStop(stop, heldMs) {
  let acc = 0;
  for (let i = 0; i < stop.events.length; i++) {
    acc += stop.holds[i];
    if (heldMs < acc) return stop.events[i];
  }
  return stop.events[stop.events.length - 1];
}

/**
 * The event Next (dir 1) or Previous (dir -1) goes to, from the playhead t
 * and the event shown now (its id, or null): events sharing an instant are
 * each visited, in order. ordered: orderEvents(events).
 */
export function stepEvent(ordered, t, currentId, dir) {
  const i = currentId == null ? -1 : ordered.findIndex((e) => e.id === currentId && e.from === t);
  if (i >= 0) return ordered[i + dir] ?? null;
  if (dir > 0) return ordered.find((e) => e.from > t) ?? null;
  for (let j = ordered.length - 1; j >= 0; j--) if (ordered[j].from < t) return ordered[j];
  return null;
}

/**
 * What the caption panel shows at t:
 * - {kind: 'event', event}: an event is valid at t (the chosen one of a
 *   tie, or the last in order to start);
 * - {kind: 'past', event}: between events, the last event before t within
 *   the same chapter (shown marked as past);
 * - {kind: 'chapter', chapter}: between events, at a chapter with no event
 *   yet, the chapter's text;
 * - {kind: 'idle', next}: paused between events with nothing above to keep
 *   — the page may invite to play; never while playing (then 'past' or
 *   'chapter' or, before the first event of all, 'chapter' with null).
 * @param {number} t
 * @param {object[]} ordered orderEvents(events), each {id, from, to}
 * @param {{start: number, end: number}[]} chapters
 * @param {{playing?: boolean, chosenId?: string|null}} [o]
 */
export function panelState(t, ordered, chapters = [], { playing = false, chosenId = null } = {}) {
  let valid = null;
  let past = null;
  for (const e of ordered) {
    if (e.from > t) break;
    if (e.to === null || e.to === undefined || t < e.to) valid = e;
    else past = e;
  }
  if (chosenId != null) {
    const c = ordered.find((e) => e.id === chosenId && e.from <= t && (e.to == null || t < e.to));
    // The choice stands among events of the same instant, not over a later one.
    if (c && (!valid || c.from === valid.from)) valid = c;
  }
  if (valid) return { kind: 'event', event: valid };
  const chapter = chapters.find((c) => c.start <= t && t < c.end) ?? null;
  if (past && (!chapter || past.from >= chapter.start)) return { kind: 'past', event: past };
  if (chapter && (playing || chapter.text)) return { kind: 'chapter', chapter };
  if (playing) return past ? { kind: 'past', event: past } : { kind: 'chapter', chapter };
  return { kind: 'idle', next: ordered.find((e) => e.from > t) ?? null };
}

/** A pace configuration from URL parameters (the kiosk's configuration
 * uses the same names): wpm, cpm, lead, hold_min, hold_max (seconds). */
export function paceFromParams(params) {
  const num = (k) => (params.has(k) ? Number(params.get(k)) : undefined);
  const s = (k) => (params.has(k) ? Number(params.get(k)) * 1000 : undefined);
  return paceConfig({ wpm: num('wpm'), cpm: num('cpm'), leadMs: s('lead'), minMs: s('hold_min'), maxMs: s('hold_max') });
}
