// The dataset's manifest (GET /dataset), read into what the page is built
// from: languages, time zone, window, timeline, chapters, layers (order,
// kind, style, legend, popup), cards. Pure: no DOM, no I/O. Everything the
// page knows about a dataset comes from here; nothing of one is written in
// the page's code.

import { Zone, SPEEDS, DEFAULT_SPEED } from './time.js';

/** Layer kinds, bottom first: the page draws areas under lines under
 * points under events; within a kind, the manifest's order. */
export const KINDS = ['area', 'line', 'point', 'event'];

/** An error in the manifest, naming the key. */
export class ManifestError extends Error {}

function need(cond, key, why) {
  if (!cond) throw new ManifestError(`dataset manifest: ${key}: ${why}`);
}

/**
 * Reads a manifest (the JSON of /dataset) into the page's model.
 * @returns {{
 *   id: string, raw: object, languages: string[], defaultLanguage: string,
 *   zone: Zone, window: {start: number, end: number, speed: string},
 *   timeline: {start: number, end: number},
 *   chapters: {id: string, title: object, text: object|null, start: number, end: number}[],
 *   eventsLayer: string|null, layers: object[], layerIds: string[], drawOrder: string[],
 *   layer: (id: string) => object|undefined,
 *   title: object, shortTitle: object, subtitle: object, description: object, attribution: object,
 *   cards: {intro: object|null, epilogue: object|null}, bibliography: string|null, links: object[],
 * }}
 */
export function readManifest(m) {
  need(m && typeof m === 'object', '(root)', 'not an object');
  need(Array.isArray(m.languages) && m.languages.length > 0, 'languages', 'a non-empty list is required');
  const defaultLanguage = m.default_language || m.languages[0];
  need(m.languages.includes(defaultLanguage), 'default_language', `${defaultLanguage} is not in languages`);
  let zone;
  try { zone = new Zone(m.time_zone || 'UTC'); } catch (e) { need(false, 'time_zone', e.message); }
  const instant = (key, s) => {
    const t = zone.parse(s);
    need(Number.isFinite(t), key, `${JSON.stringify(s)} is not a date`);
    return t;
  };
  need(m.window && typeof m.window === 'object', 'window', 'required');
  const window = {
    start: instant('window.start', m.window.start),
    end: instant('window.end', m.window.end),
    speed: Object.hasOwn(SPEEDS, m.window.speed) ? m.window.speed : DEFAULT_SPEED,
  };
  const timeline = m.timeline
    ? { start: instant('timeline.start', m.timeline.start), end: instant('timeline.end', m.timeline.end) }
    : { start: window.start, end: window.end };
  // The timeline covers the window whatever the manifest says.
  timeline.start = Math.min(timeline.start, window.start);
  timeline.end = Math.max(timeline.end, window.end);
  need(timeline.end > timeline.start, 'timeline', 'ends before it starts');

  const chapters = (m.chapters || []).map((c, i) => ({
    id: String(c.id ?? i),
    title: c.title || {},
    text: c.text || null,
    start: instant(`chapters[${i}].start`, c.start),
    end: instant(`chapters[${i}].end`, c.end),
  }));

  need(Array.isArray(m.layers) && m.layers.length > 0, 'layers', 'a non-empty list is required');
  const layers = m.layers.map((l, i) => {
    need(typeof l.id === 'string' && l.id !== '', `layers[${i}].id`, 'required');
    const kind = KINDS.includes(l.kind) ? l.kind : 'area';
    return {
      id: l.id, kind, title: l.title || {}, description: l.description || null,
      style: l.style || {}, legend: l.legend || {}, popup: Array.isArray(l.popup) ? l.popup : [],
      events: l.id === m.events_layer,
    };
  });
  const byId = new Map(layers.map((l) => [l.id, l]));
  const drawOrder = layers
    .map((l, i) => ({ l, i }))
    .sort((a, b) => KINDS.indexOf(a.l.kind) - KINDS.indexOf(b.l.kind) || a.i - b.i)
    .map(({ l }) => l.id);

  const card = (c) => (c && typeof c === 'object'
    ? { title: c.title || {}, sections: Array.isArray(c.sections) ? c.sections : [] } : null);
  return {
    id: m.id || 'dataset',
    raw: m,
    languages: m.languages.slice(),
    defaultLanguage,
    zone,
    window,
    timeline,
    chapters,
    eventsLayer: byId.has(m.events_layer) ? m.events_layer : null,
    layers,
    layerIds: layers.map((l) => l.id),
    drawOrder,
    layer: (id) => byId.get(id),
    title: m.title || {},
    shortTitle: m.short_title || m.title || {},
    subtitle: m.subtitle || {},
    description: m.description || {},
    attribution: m.attribution || {},
    cards: { intro: card(m.cards?.intro), epilogue: card(m.cards?.epilogue) },
    bibliography: m.bibliography || null,
    links: Array.isArray(m.links) ? m.links : [],
  };
}

/** The language to show for a requested one: itself when the dataset has
 * it ("fr-CA" → "fr"), else the dataset's default. */
export function datasetLanguage(model, requested) {
  if (typeof requested === 'string') {
    const base = requested.toLowerCase().split(/[-_]/)[0];
    if (model.languages.includes(base)) return base;
  }
  return model.defaultLanguage;
}

/** The chapter holding t, or null. */
export function chapterAt(model, t) {
  return model.chapters.find((c) => c.start <= t && t < c.end) || null;
}

/** Whether a card has anything to show. */
export function cardHasContent(card) {
  if (!card) return false;
  const hasText = (v) => typeof v === 'string' ? v.trim() !== '' : !!v && Object.values(v).some((x) => typeof x === 'string' && x.trim() !== '');
  return hasText(card.title) || card.sections.length > 0;
}

/** The href of the bibliography: the manifest's link to it when the
 * server gives links (none when it lists links but no bibliography: the
 * dataset has none), else the conventional path. */
export function bibliographyHref(model) {
  const l = model.links.find((x) => typeof x?.rel === 'string' && /bibliography/.test(x.rel) && x.href);
  if (l) {
    try { const u = new URL(l.href, 'http://x'); return u.pathname + u.search; } catch { return null; }
  }
  return model.links.length > 0 ? null : '/dataset/bibliography';
}
