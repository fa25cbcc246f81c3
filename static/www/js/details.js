// What a popup or the caption panel says about a feature: name, dates,
// figures, sources (links, or plain text on a kiosk, which has no
// internet and must not be led away from the map), certainty and the
// note where sources disagree. Returns HTML with every dataset string
// escaped.

import { t, pick, formatDate, formatNumber, formatPeriod } from './i18n.js';
import { parseInstant } from './time.js';
import { escapeHTML } from './basemap.js';

const FIGURES = [
  ['people', 'feature.people'],
  ['population', 'feature.population'],
];

function langAttr(v) { return ` lang="${escapeHTML(v.lang)}"`; }

/** Sources as a list: links that open in a new tab, or text on a kiosk. */
export function sourcesHTML(sources, lang, kiosk) {
  if (!Array.isArray(sources) || sources.length === 0) return `<p class="ts-nosrc">${escapeHTML(t(lang, 'feature.noSources'))}</p>`;
  const items = sources.map((s) => {
    const title = escapeHTML(s?.title || s?.url || '?');
    const url = typeof s?.url === 'string' && /^https?:\/\//.test(s.url) ? s.url : null;
    if (!url || kiosk) return `<li>${title}</li>`;
    return `<li><a href="${escapeHTML(url)}" target="_blank" rel="noopener noreferrer">${title}</a></li>`;
  });
  return `<ul class="ts-sources">${items.join('')}</ul>`;
}

export function certaintyHTML(c, lang) {
  if (!c) return '';
  return `<span class="ts-certainty ts-certainty-${escapeHTML(c)}">${escapeHTML(t(lang, `certainty.${c}`))}</span>`;
}

/**
 * @param {object} f GeoJSON feature (a state: maybe interpolated)
 * @param {string} layerId
 * @param {string} lang
 * @param {object} o {kiosk, interpolated, layerTitle}
 */
export function featureHTML(f, layerId, lang, { kiosk = false, interpolated = false } = {}) {
  const p = f.properties || {};
  const name = pick(p.name, lang);
  const rows = [];
  const from = parseInstant(p.valid_from);
  const to = p.valid_to == null ? null : parseInstant(p.valid_to);
  if (p.date) {
    rows.push([t(lang, 'feature.date'), escapeHTML(formatDate(parseInstant(p.date), lang))]);
  } else if (Number.isFinite(from)) {
    rows.push([t(lang, 'feature.valid'), escapeHTML(formatPeriod(from, to, lang))]);
  }
  for (const [key, label] of FIGURES) {
    if (!(key in p)) continue;
    const v = p[key];
    let html = escapeHTML(typeof v === 'number' ? `${t(lang, 'feature.approx')} ${formatNumber(v, lang)}` : t(lang, 'feature.unknown'));
    if (typeof v === 'number' && interpolated) html += ` <span class="ts-interp">(${escapeHTML(t(lang, 'feature.interpolated'))})</span>`;
    rows.push([t(lang, label), html]);
  }
  if (p.status) rows.push([t(lang, 'feature.status'), escapeHTML(t(lang, `legend.status.${p.status}`))]);
  if (Array.isArray(p.units) && p.units.length) rows.push([t(lang, 'feature.units'), escapeHTML(p.units.join(', '))]);
  if (p.certainty) rows.push([t(lang, 'feature.certainty'), certaintyHTML(p.certainty, lang)]);

  const layerTitle = t(lang, `layer.${layerId}`);
  let html = `<div class="ts-feature" data-layer="${escapeHTML(layerId)}">`;
  html += `<p class="ts-kicker">${escapeHTML(layerTitle)}</p>`;
  html += `<h3${langAttr(name)}>${escapeHTML(name.text)}</h3>`;
  if (p.caption) {
    const cap = pick(p.caption, lang);
    html += `<p class="ts-caption"${langAttr(cap)}>${escapeHTML(cap.text)}</p>`;
  }
  html += '<dl>' + rows.map(([k, v]) => `<dt>${escapeHTML(k)}</dt><dd>${v}</dd>`).join('') + '</dl>';
  if (p.note) {
    const note = pick(p.note, lang);
    html += `<p class="ts-note"${langAttr(note)}><strong>${escapeHTML(t(lang, 'feature.note'))}:</strong> ${escapeHTML(note.text)}</p>`;
  }
  html += `<div class="ts-src"><strong>${escapeHTML(t(lang, 'feature.sources'))}</strong>${sourcesHTML(p.sources, lang, kiosk)}</div>`;
  html += '</div>';
  return html;
}
