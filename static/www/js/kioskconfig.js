// The kiosk's settings: the server's defaults (GET /kiosk/config, from
// `timeslice serve --kiosk-config FILE`) under the page's URL parameters,
// which win. The keys are the same in both:
//
//   window     START/END   the part of the timeline the tour plays (dates or RFC 3339)
//   speed      day | week | month
//   dwell      seconds the tour holds at each event
//   languages  km,en       the languages of the exhibit, in order
//   alternate  loop | together  one language at a time, the next at each
//              loop; or the first two at once (the second under the first)
//   idle       seconds without a touch before the tour resumes
//   layers     the dataset's layers shown, comma-separated
//   view       lat,lon,zoom   the tour's view, to which the map eases back
//
// Pure but for prepareKiosk, which reads location and fetches the defaults.

/** The keys of a kiosk that the page's own URL state does not know. */
export const KIOSK_KEYS = ['window', 'dwell', 'languages', 'alternate', 'view'];
const KEPT = 'timeslice.kiosk';

/** Whether a location opens kiosk mode: the /kiosk path, or ?kiosk=1. */
export function isKiosk(pathname, search) {
  const k = new URLSearchParams(search || '').get('kiosk');
  return /^\/kiosk\/?$/.test(pathname || '') || k === '1' || k === 'true';
}

/** The query of a kiosk: the defaults `conf` (an object of strings) under
 * the URL's own parameters, with kiosk=1, and lang set to the first of
 * `languages` when the URL names none. */
export function mergeParams(conf, search) {
  const q = new URLSearchParams(search || '');
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(conf || {})) if (typeof v === 'string' && !q.has(k)) out.set(k, v);
  for (const [k, v] of q) out.set(k, v);
  out.set('kiosk', '1');
  const first = (out.get('languages') || '').split(',')[0];
  if (first && !out.has('lang')) out.set('lang', first);
  const view = readView(out.get('view'));
  if (view && !out.has('c') && !out.has('z')) {
    out.set('c', `${view.center[0]},${view.center[1]}`);
    out.set('z', String(view.zoom));
  }
  return out;
}

function readView(s) {
  const v = String(s || '').split(',').map(Number);
  if (v.length !== 3 || !v.every(Number.isFinite) || Math.abs(v[0]) > 90 || Math.abs(v[1]) > 180) return null;
  return { center: [v[0], v[1]], zoom: v[2] };
}

const num = (s, lo, hi) => {
  const x = Number(s);
  return s != null && s !== '' && Number.isFinite(x) && x >= lo && x <= hi ? x : null;
};

/**
 * The kiosk's options from its query. Malformed values are ignored (the
 * server checks its configuration file at start; a URL typo keeps the
 * default). parseInstant reads a date in the dataset's time zone; languages
 * and layers, when given, filter what is known.
 * @returns {{window: {start: number, end: number}|null, dwellMs: number|null,
 *   languages: string[], alternate: 'loop'|'together', idleMs: number|null,
 *   view: {center: number[], zoom: number}|null}}
 */
export function kioskOptions(params, { parseInstant, languages = null } = {}) {
  const q = params instanceof URLSearchParams ? params : new URLSearchParams(params || '');
  let window = null;
  const [a, b] = String(q.get('window') || '').split('/');
  if (a && b && parseInstant) {
    const start = parseInstant(a), end = parseInstant(b);
    if (Number.isFinite(start) && Number.isFinite(end) && start < end) window = { start, end };
  }
  const dwell = num(q.get('dwell'), 0, 600);
  const idle = num(q.get('idle'), 1, 3600);
  let langs = String(q.get('languages') || '').split(',').map((x) => x.trim()).filter(Boolean);
  if (languages) langs = langs.filter((l) => languages.includes(l));
  langs = [...new Set(langs)];
  const alternate = q.get('alternate') === 'together' && langs.length >= 2 ? 'together' : 'loop';
  return {
    window,
    dwellMs: dwell === null ? null : dwell * 1000,
    languages: langs,
    alternate,
    idleMs: idle === null ? null : idle * 1000,
    view: readView(q.get('view')),
  };
}

/** The language of loop n (0 first) when languages alternate by loop. */
export function loopLanguage(languages, n) {
  return languages.length ? languages[((n % languages.length) + languages.length) % languages.length] : null;
}

/**
 * In kiosk mode, before the page reads its URL: fetches the server's
 * defaults (served from the service worker's cache while the server is
 * away) and writes them under the URL's parameters into the address, so
 * that the page's own URL state reads them. Returns the merged parameters,
 * or null outside kiosk mode.
 */
export async function prepareKiosk(loc = location, { timeoutMs = 4000 } = {}) {
  if (!isKiosk(loc.pathname, loc.search)) return null;
  let conf = {};
  try {
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), timeoutMs);
    const res = await fetch('/kiosk/config', { signal: ctl.signal, headers: { Accept: 'application/json' } });
    clearTimeout(timer);
    if (res.ok) conf = await res.json();
  } catch { /* no server and no cache: the page's own defaults */ }
  // The page rewrites its address as it plays, with the keys it knows: the
  // kiosk's own keys are kept for the tab's reloads.
  let kept = {};
  try { kept = JSON.parse(sessionStorage.getItem(KEPT) || '{}'); } catch { /* none */ }
  const own = new URLSearchParams(loc.search);
  kept = { ...kept, ...Object.fromEntries(KIOSK_KEYS.filter((k) => own.has(k)).map((k) => [k, own.get(k)])) };
  try { sessionStorage.setItem(KEPT, JSON.stringify(kept)); } catch { /* private mode */ }
  const merged = mergeParams({ ...conf, ...kept }, loc.search);
  history.replaceState(history.state, '', `?${merged}${loc.hash}`);
  return merged;
}
