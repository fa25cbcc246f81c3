// The dataset's cards (manifest `cards`: the introduction and the
// epilogue): their HTML, each section with its sources resolved through
// the bibliography into full citations. Pure.

import { t, pick } from './i18n.js';
import { escapeHTML, langAttr } from './html.js';
import { sourcesHTML } from './details.js';

/** Kinds of work whose title is quoted (a part of a larger whole) rather
 * than standing alone (a book, a report). */
const QUOTED = new Set(['article', 'press', 'web', 'reference', 'testimony']);

/**
 * A work's full reference as plain text, as a museum prints it:
 * Philip Short, Pol Pot: Anatomy of a Nightmare (Henry Holt, 2004), p. 395
 * Authors, “Title”, Periodical 70(2), 2006, pp. 459–486
 * pages: the pages cited (else the work's own pages, for an article).
 */
export function citation(work, pages) {
  if (!work || typeof work !== 'object') return '';
  const quoted = QUOTED.has(work.kind);
  let s = work.authors ? `${work.authors}, ` : '';
  const title = String(work.title || work.key || '');
  s += quoted ? `“${title}”` : title;
  const pub = [work.container, work.date].filter((x) => typeof x === 'string' && x !== '').join(', ');
  if (pub) s += quoted ? `, ${pub}` : ` (${pub})`;
  const pg = pages || work.pages;
  if (pg) s += `, ${/[-–,]/.test(String(pg)) ? 'pp.' : 'p.'} ${pg}`;
  return s;
}

/** Index of a bibliography ({works: [...]}) by key; empty without one. */
export function indexWorks(bibliography) {
  const m = new Map();
  for (const w of bibliography?.works || []) if (w && typeof w.key === 'string') m.set(w.key, w);
  return m;
}

/** A card's source references ([{key, pages?}]) as sources the page shows
 * ({key, citation, url?}). A key the bibliography lacks (or no
 * bibliography) shows as its key and pages, never as nothing. */
export function resolveSources(refs, works) {
  return (Array.isArray(refs) ? refs : []).map((r) => {
    const key = typeof r === 'string' ? r : r?.key;
    const pages = typeof r === 'object' ? r?.pages : undefined;
    const w = works.get(key);
    if (!w) return { key, citation: [key, pages].filter(Boolean).join(', ') };
    return { key, citation: citation(w, pages), url: w.url };
  }).filter((s) => s.citation);
}

/** Whether a card needs the bibliography (some section cites a work). */
export function cardCites(card) {
  return !!card?.sections?.some((s) => Array.isArray(s?.sources) && s.sources.length > 0);
}

/** Text split into paragraphs at blank lines. */
function paragraphs(text, cls = '') {
  if (!text.text) return '';
  return text.text.split(/\n\s*\n/).map((x) => `<p${cls ? ` class="${cls}"` : ''}${langAttr(text)}>${escapeHTML(x.trim())}</p>`).join('');
}

/**
 * A card's HTML.
 * @param {'intro'|'epilogue'} which
 * @param {object|null} card {title, sections: [{id, heading, text, sources}]}
 * @param {object} ctx {lang, order, kiosk} (as details.js)
 * @param {object} o
 * @param {Map} o.works the bibliography by key (indexWorks)
 * @param {object} [o.fallback] {title, subtitle, description}: texts by
 *   language shown when the card has no title (the dataset's own), so the
 *   introduction is never an empty box.
 */
export function cardHTML(which, card, ctx, { works = new Map(), fallback = null } = {}) {
  const { lang, order } = ctx;
  const title = pick(card?.title, lang, order);
  const shown = title.text ? title : pick(fallback?.title, lang, order);
  let html = `<p class="ts-kicker">${escapeHTML(t(lang, which === 'epilogue' ? 'card.epilogue' : 'card.intro'))}</p>`;
  html += `<h2 class="ts-card-title" id="ts-card-title"${langAttr(shown)}>${escapeHTML(shown.text)}</h2>`;
  if (fallback) {
    const sub = pick(fallback.subtitle, lang, order);
    if (sub.text) html += `<p class="ts-card-subtitle"${langAttr(sub)}>${escapeHTML(sub.text)}</p>`;
  }
  const sections = card?.sections || [];
  for (const s of sections) {
    const heading = pick(s?.heading, lang, order);
    const text = pick(s?.text, lang, order);
    if (!heading.text && !text.text) continue;
    html += `<section class="ts-card-section"${s?.id ? ` data-section="${escapeHTML(s.id)}"` : ''}>`;
    if (heading.text) html += `<h3${langAttr(heading)}>${escapeHTML(heading.text)}</h3>`;
    html += paragraphs(text);
    const sources = resolveSources(s?.sources, works);
    if (sources.length) html += `<div class="ts-src"><strong>${escapeHTML(t(lang, 'card.sources'))}</strong>${sourcesHTML(sources, ctx)}</div>`;
    html += '</section>';
  }
  if (sections.length === 0 && fallback) {
    html += paragraphs(pick(fallback.description, lang, order), 'ts-card-text');
  }
  return html;
}
