// What a popup or the caption panel says about a feature: its layer, name,
// dates, the properties the layer's `popup` spec in the manifest lists
// (text, values by label, counts rounded with their ranges, dates), the
// certainty, the public note in the page's language, and the sources as
// full citations (a link only where a work has a URL; plain text on a
// kiosk, which has no internet and must not lead away from the map).
// Never the curator's note. Returns HTML with every dataset string
// escaped. Pure.

import { t, pick, formatDate, formatNumber, formatPeriod } from './i18n.js';
import { parseRFC3339 } from './time.js';
import { escapeHTML, langAttr } from './html.js';
import { byValue } from './style.js';

/**
 * The context every function here takes:
 * @typedef {{lang: string, order: string[], zone: import('./time.js').Zone, kiosk?: boolean}} Ctx
 * order: the languages to fall back to (the dataset's default first).
 */

/** A source's text: its full citation, else its title, else its key. */
export function sourceText(s) {
  if (typeof s === 'string') return s;
  const pages = s?.pages ? `, ${s.pages}` : '';
  return s?.citation || (s?.title ? `${s.title}${pages}` : '') || s?.key || '';
}

/** Sources as a list: full citations, linked where a URL is given (not on
 * a kiosk). */
export function sourcesHTML(sources, ctx) {
  const { lang, kiosk = false } = ctx;
  const list = Array.isArray(sources) ? sources.filter((s) => sourceText(s) !== '') : [];
  if (list.length === 0) return `<p class="ts-nosrc">${escapeHTML(t(lang, 'feature.noSources'))}</p>`;
  const items = list.map((s) => {
    const text = escapeHTML(sourceText(s));
    const url = typeof s?.url === 'string' && /^https?:\/\//.test(s.url) ? s.url : null;
    if (!url || kiosk) return `<li>${text}</li>`;
    return `<li><a href="${escapeHTML(url)}" target="_blank" rel="noopener noreferrer">${text}</a></li>`;
  });
  return `<ul class="ts-sources">${items.join('')}</ul>`;
}

export function certaintyHTML(c, lang) {
  if (!['high', 'medium', 'low'].includes(c)) return '';
  return `<span class="ts-certainty ts-certainty-${c}">${escapeHTML(t(lang, `certainty.${c}`))}</span>`;
}

/** A count as a visitor should read it: rounded to `round`, never 0 and
 * never more precise than the sources ("about 42,000", "fewer than 1,000"),
 * with the range of estimates where one is given. '' when there is
 * nothing to say (0 or no number). */
export function countText(v, lang, { round = 1, range = null } = {}) {
  const r = typeof round === 'number' && round > 0 ? round : 1;
  const okRange = Array.isArray(range) && range.length === 2 && range.every((x) => typeof x === 'number' && Number.isFinite(x) && x > 0) && range[0] <= range[1];
  const rng = okRange ? t(lang, 'feature.range', { min: formatNumber(range[0], lang), max: formatNumber(range[1], lang) }) : '';
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return rng;
  const n = Math.round(v / r) * r;
  const main = n <= 0 ? t(lang, 'feature.fewer', { n: formatNumber(r, lang) }) : `${t(lang, 'feature.approx')} ${formatNumber(n, lang)}`;
  return rng ? `${main} (${rng})` : main;
}

/** A date property as text, as precise as the feature says its date is. */
function dateText(v, p, ctx) {
  const ms = typeof v === 'string' ? ctx.zone.parse(v) : NaN;
  if (!Number.isFinite(ms)) return '';
  const precision = ['month', 'year'].includes(p.date_precision) ? p.date_precision : undefined;
  return formatDate(ms, ctx.lang, ctx.zone, { precision });
}

/** Plain value text: strings, numbers, lists, texts by language. */
function plainText(v, ctx) {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? formatNumber(v, ctx.lang) : '';
  if (typeof v === 'boolean') return '';
  if (Array.isArray(v)) return v.map((x) => plainText(x, ctx)).filter(Boolean).join(', ');
  if (typeof v === 'object') return pick(v, ctx.lang, ctx.order).text;
  return '';
}

/**
 * The HTML of one popup entry ({property, label, format, round,
 * range_property, values}) for properties p, or '' when there is nothing
 * a visitor could read: no value, a value with no label, a count of 0.
 * style: the layer's style, whose `by` labels serve enum values too.
 */
export function entryValueHTML(e, p, ctx, { style = null, interpolated = false } = {}) {
  const v = p[e.property];
  switch (e.format) {
    case 'count': {
      const range = e.range_property ? p[e.range_property] : null;
      if (v === null && !(e.property in p)) return '';
      if (v === null) return escapeHTML(t(ctx.lang, 'feature.unknown'));
      let html = escapeHTML(countText(v, ctx.lang, { round: e.round, range }));
      if (html && typeof v === 'number' && interpolated) html += ` <span class="ts-interp">(${escapeHTML(t(ctx.lang, 'feature.interpolated'))})</span>`;
      return html;
    }
    case 'enum': {
      if (v == null) return '';
      const own = e.values && Object.hasOwn(e.values, v) ? e.values[v] : null;
      const viaStyle = style?.by?.property === e.property ? byValue(style, p) : null;
      const label = pick(own?.label ?? own ?? viaStyle?.label, ctx.lang, ctx.order);
      return label.text ? `<span${langAttr(label)}>${escapeHTML(label.text)}</span>` : '';
    }
    case 'date':
      return escapeHTML(dateText(v, p, ctx));
    default: {
      if (v && typeof v === 'object' && !Array.isArray(v)) {
        const x = pick(v, ctx.lang, ctx.order);
        return x.text ? `<span${langAttr(x)}>${escapeHTML(x.text)}</span>` : '';
      }
      return escapeHTML(plainText(v, ctx));
    }
  }
}

/**
 * A feature's popup.
 * @param {object} f GeoJSON feature (a state: maybe interpolated)
 * @param {object} layer the layer's model (manifest.js)
 * @param {Ctx} ctx
 * @param {{interpolated?: boolean}} [o]
 */
export function featureHTML(f, layer, ctx, { interpolated = false } = {}) {
  const { lang, order } = ctx;
  const p = f.properties || {};
  const name = pick(p.name, lang, order);
  const rows = [];
  const hasDateEntry = layer.popup.some((e) => e.format === 'date');
  if (!hasDateEntry) {
    const from = parseRFC3339(p.valid_from);
    const to = p.valid_to == null ? null : parseRFC3339(p.valid_to);
    if (Number.isFinite(from)) rows.push([t(lang, 'feature.valid'), escapeHTML(formatPeriod(from, to, lang, ctx.zone))]);
  }
  for (const e of layer.popup) {
    if (!e || typeof e.property !== 'string') continue;
    const label = pick(e.label, lang, order);
    const html = entryValueHTML(e, p, ctx, { style: layer.style, interpolated });
    if (label.text && html) rows.push([label.text, html]);
  }
  if (p.certainty) {
    const c = certaintyHTML(p.certainty, lang);
    if (c) rows.push([t(lang, 'feature.certainty'), c]);
  }
  const layerTitle = pick(layer.title, lang, order);
  let html = `<div class="ts-feature" data-layer="${escapeHTML(layer.id)}">`;
  html += `<p class="ts-kicker"${langAttr(layerTitle)}>${escapeHTML(layerTitle.text)}</p>`;
  html += `<h3${langAttr(name)}>${escapeHTML(name.text || String(f.id ?? ''))}</h3>`;
  if (p.caption) {
    const cap = pick(p.caption, lang, order);
    if (cap.text) html += `<p class="ts-caption"${langAttr(cap)}>${escapeHTML(cap.text)}</p>`;
  }
  if (rows.length) html += '<dl>' + rows.map(([k, v]) => `<dt>${escapeHTML(k)}</dt><dd>${v}</dd>`).join('') + '</dl>';
  html += noteHTML(p, ctx);
  html += reviewHTML(p, lang);
  html += `<div class="ts-src"><strong>${escapeHTML(t(lang, 'feature.sources'))}</strong>${sourcesHTML(p.sources, ctx)}</div>`;
  html += '</div>';
  return html;
}

/** The public note, in the page's language (a plain string is accepted as
 * the dataset's default language). Never `curator_note`. */
export function noteHTML(p, ctx) {
  const note = pick(p.note, ctx.lang, ctx.order);
  if (!note.text) return '';
  return `<p class="ts-note"${langAttr(note)}><strong>${escapeHTML(t(ctx.lang, 'feature.note'))}:</strong> ${escapeHTML(note.text)}</p>`;
}

/** A quiet line when the feature's texts in this language await review. */
export function reviewHTML(p, lang) {
  return Array.isArray(p.review) && p.review.includes(lang)
    ? `<p class="ts-review">${escapeHTML(t(lang, 'feature.review'))}</p>` : '';
}
