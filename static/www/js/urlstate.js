// The page's state in its URL, so that a view can be shared and a reload
// restores it. Pure: works on query strings, never touches location.
//
//   ?t=1979-01-08&c=11.56,104.92&z=7&layers=a,b&lang=fr&speed=day&kiosk=1&idle=90
//
// t       the playhead, in the dataset's time zone (a date, or date and HH:MM)
// c, z    map centre (lat,lon) and zoom
// layers  the dataset's layers shown, comma-separated, in any order
// lang    one of the dataset's languages
// speed   day | week | month (simulated time per second of playback)
// kiosk   1 for the unattended museum mode; idle: seconds before it resets
// play    1 to start playing
//
// What is valid comes from the dataset (its layer ids, languages, default
// speed and time zone): `opts` below, built from the manifest by
// urlOptions().

import { SPEEDS, clamp } from './time.js';

/** The options parseState and formatState take, from a manifest model. */
export function urlOptions(model) {
  return {
    layers: model.layerIds, languages: model.languages, defaultLanguage: model.defaultLanguage,
    speed: model.window.speed, zone: model.zone,
  };
}

export const DEFAULT_IDLE = 90;

/** The state of an empty query. */
export function defaults(opts) {
  return {
    t: null, // null: the start of the dataset's window
    center: null, // null: fit the dataset's extent
    zoom: null,
    layers: opts.layers.slice(),
    lang: opts.defaultLanguage,
    speed: opts.speed,
    kiosk: false,
    idle: DEFAULT_IDLE,
    autoplay: false,
  };
}

/** Parses a query string ("?a=b&…" or "a=b&…"). Unknown or malformed
 * values are ignored (the default is kept): a shared link with a typo
 * still opens the map. */
export function parseState(search, opts) {
  const q = new URLSearchParams(search || '');
  const s = defaults(opts);

  const t = opts.zone.parse(q.get('t') || '');
  if (Number.isFinite(t)) s.t = t;

  const c = (q.get('c') || '').split(',').map(Number);
  if (c.length === 2 && c.every(Number.isFinite) && Math.abs(c[0]) <= 90 && Math.abs(c[1]) <= 180) {
    s.center = [c[0], c[1]];
  }
  const z = Number(q.get('z'));
  if (q.has('z') && Number.isFinite(z)) s.zoom = clamp(z, 0, 18);

  if (q.has('layers')) {
    const want = (q.get('layers') || '').split(',').map((x) => x.trim()).filter(Boolean);
    s.layers = opts.layers.filter((id) => want.includes(id));
  }
  const lang = q.get('lang');
  if (opts.languages.includes(lang)) s.lang = lang;
  const speed = q.get('speed');
  if (speed && Object.hasOwn(SPEEDS, speed)) s.speed = speed;
  const kiosk = q.get('kiosk');
  s.kiosk = kiosk === '1' || kiosk === 'true';
  const idle = Number(q.get('idle'));
  if (q.has('idle') && Number.isFinite(idle) && idle > 0) s.idle = clamp(idle, 1, 3600);
  const play = q.get('play');
  s.autoplay = play === '1' || play === 'true';
  return s;
}

/** The query string (with its "?") for a state. t, view and layers are
 * always written; language and speed only when not the dataset's default;
 * kiosk and idle only when set. */
export function formatState(s, opts) {
  const parts = [];
  if (Number.isFinite(s.t)) parts.push(['t', opts.zone.urlDate(s.t)]);
  if (s.center) parts.push(['c', `${s.center[0].toFixed(4)},${s.center[1].toFixed(4)}`]);
  if (Number.isFinite(s.zoom)) parts.push(['z', String(Math.round(s.zoom * 100) / 100)]);
  const layers = opts.layers.filter((id) => s.layers.includes(id));
  parts.push(['layers', layers.join(',')]);
  if (s.lang && s.lang !== opts.defaultLanguage) parts.push(['lang', s.lang]);
  if (s.speed && s.speed !== opts.speed) parts.push(['speed', s.speed]);
  if (s.kiosk) parts.push(['kiosk', '1']);
  if (s.kiosk && s.idle !== DEFAULT_IDLE) parts.push(['idle', String(s.idle)]);
  if (s.autoplay) parts.push(['play', '1']);
  // Commas and colons stay readable: URLSearchParams would escape them.
  return '?' + parts.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/gi, ',').replace(/%3A/gi, ':')}`).join('&');
}
