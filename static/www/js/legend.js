// The legend, which is also the list of layer toggles: one row per layer
// of the dataset, in the manifest's order (a switch, a swatch drawn as the
// map draws it, the layer's title) with the keys to sizes and values under
// it, then the base map layers. Colours never carry meaning alone: widths,
// dashes and words do too. Every dataset text comes from the manifest.

import { t, pick, formatNumber } from './i18n.js';
import { pathOptions, lineWidth, pointRadius, byValue } from './style.js';
import { scaled, legendSteps } from './scales.js';
import { escapeHTML, langAttr } from './html.js';

const svg = (inner, w = 34, h = 22, cls = 'ts-swatch') => `<svg class="${cls}" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" aria-hidden="true">${inner}</svg>`;
const dashAttr = (d) => (d ? ` stroke-dasharray="${escapeHTML(d)}"` : '');

/** A swatch for a layer, drawn with the options the map uses for a
 * feature with properties p. */
export function swatch(layer, p = {}) {
  const o = pathOptions(layer, p);
  const c = escapeHTML(o.color), f = escapeHTML(o.fillColor);
  switch (layer.kind) {
    case 'line': {
      const w = Math.min(8, o.weight);
      const arrow = layer.style.arrow ? `<path d="M24 3 L33 11 L24 19 Z" fill="${c}"/>` : '';
      return svg(`<path d="M2 11 H${arrow ? 25 : 32}" fill="none" stroke="${c}" stroke-width="${w.toFixed(1)}" stroke-linecap="round"${dashAttr(o.dashArray)}/>${arrow}`);
    }
    case 'point': {
      const r = Math.min(8, o.radius);
      return svg(`<circle cx="17" cy="11" r="${r.toFixed(1)}" fill="${f}" fill-opacity="${o.fillOpacity}" stroke="${c}" stroke-width="1.5"${dashAttr(o.dashArray)}/>`);
    }
    case 'event':
      return svg(`<circle cx="17" cy="11" r="6.5" fill="${c}" stroke="#fff" stroke-width="2.5"/><circle cx="17" cy="11" r="8" fill="none" stroke="${c}" stroke-width=".8"/>`);
    default:
      return svg(`<rect x="2" y="3" width="30" height="16" fill="${f}" fill-opacity="${Math.min(0.5, o.fillOpacity * 1.5 + 0.05).toFixed(2)}" stroke="${c}" stroke-width="${Math.min(3, o.weight)}"${dashAttr(o.dashArray)}/>`);
  }
}

/** The keys under a layer's row: one per value styled by a property, the
 * width or radius scale with round sample values, "not known". */
export function legendExtra(layer, lang, order) {
  const s = layer.style || {};
  const text = (v) => pick(v, lang, order);
  const label = (v) => { const x = text(v); return `<span${langAttr(x)}>${escapeHTML(x.text)}</span>`; };
  let html = '';
  if (s.by?.values) {
    for (const [value, v] of Object.entries(s.by.values)) {
      const p = { [s.by.property]: value };
      if (!byValue(s, p) || !text(v.label).text) continue;
      const o = pathOptions(layer, p);
      html += `<span>${svg(`<path d="M1 5 H25" stroke="${escapeHTML(o.color)}" stroke-width="3"${dashAttr(o.dashArray)}/>`, 26, 10, 'ts-key')} ${label(v.label)}</span>`;
    }
  }
  if (s.width_by) {
    const w = layer.legend?.width;
    if (w && text(w).text) html += `<span>${label(w)}</span>`;
    html += legendSteps(s.width_by.max_value).map((n) => {
      const px = lineWidth(s, { [s.width_by.property]: n });
      return `<span>${svg(`<path d="M1 ${(px + 2) / 2} H23" stroke="${escapeHTML(pathOptions(layer, {}).color)}" stroke-opacity=".8" stroke-width="${px.toFixed(1)}"/>`, 24, Math.ceil(px) + 2, 'ts-key')} ${escapeHTML(formatNumber(n, lang))}</span>`;
    }).join('');
  }
  if (s.radius_by) {
    const r = layer.legend?.radius;
    if (r && text(r).text) html += `<span>${label(r)}</span>`;
    const o = pathOptions(layer, { [s.radius_by.property]: s.radius_by.max_value });
    html += legendSteps(s.radius_by.max_value).map((n) => {
      const rad = pointRadius(s, { [s.radius_by.property]: n });
      const sz = Math.ceil(2 * rad + 3);
      return `<span>${svg(`<circle cx="${sz / 2}" cy="${sz / 2}" r="${rad.toFixed(1)}" fill="${escapeHTML(o.fillColor)}" fill-opacity="${o.fillOpacity}" stroke="${escapeHTML(o.color)}" stroke-width="1.2"/>`, sz, sz, 'ts-key')} ${escapeHTML(formatNumber(n, lang))}</span>`;
    }).join('');
    const u = layer.legend?.unknown;
    if (u && text(u).text) {
      const rad = Math.min(6, scaled(s.radius_by, null));
      html += `<span>${svg(`<circle cx="8" cy="8" r="${rad.toFixed(1)}" fill="none" stroke="${escapeHTML(o.color)}" stroke-width="1.2" stroke-dasharray="2 2"/>`, 16, 16, 'ts-key')} ${label(u)}</span>`;
    }
  }
  return html;
}

/** Properties of a typical feature of the layer, for its swatch. */
function sampleProps(layer) {
  const s = layer.style || {};
  const p = {};
  const by = s.width_by || s.radius_by;
  if (by?.property) p[by.property] = (by.max_value || 0) / 4;
  const first = s.by?.values && Object.keys(s.by.values)[0];
  if (first !== undefined) p[s.by.property] = first;
  return p;
}

/**
 * Renders the layer list into ul and calls onToggle(id, on) on change.
 * model: the manifest model; visible: Set of ids shown.
 */
export function renderLegend(ul, model, lang, visible, onToggle) {
  const order = [model.defaultLanguage, ...model.languages];
  const rows = model.layers.map((layer) => {
    const title = pick(layer.title, lang, order);
    const ex = legendExtra(layer, lang, order);
    return `<li data-layer="${escapeHTML(layer.id)}"><label><input type="checkbox" ${visible.has(layer.id) ? 'checked' : ''} data-layer="${escapeHTML(layer.id)}">${swatch(layer, sampleProps(layer))}<span${langAttr(title)}>${escapeHTML(title.text || layer.id)}</span></label>${ex ? `<div class="ts-legend-extra">${ex}</div>` : ''}</li>`;
  });
  const low = model.layers.find((l) => l.style?.dash_by_certainty?.low);
  if (low) {
    rows.push(`<li class="ts-legend-note">${swatch(low, { certainty: 'low' })}<span>${escapeHTML(t(lang, 'legend.lowCertainty'))}</span></li>`);
  }
  ul.innerHTML = rows.join('');
  ul.querySelectorAll('input[type=checkbox]').forEach((cb) => {
    cb.addEventListener('change', () => onToggle(cb.dataset.layer, cb.checked));
  });
}

/** Base map toggles; layers the server lacks are listed as not available. */
export function renderBasemapLegend(ul, lang, basemap, onToggle) {
  const ids = basemap.index.map((l) => l.id);
  ul.innerHTML = ids.map((id) => {
    const missing = basemap.missing.has(id);
    const label = t(lang, `basemap.${id}`);
    return `<li><label><input type="checkbox" data-id="${escapeHTML(id)}" ${basemap.on.has(id) && !missing ? 'checked' : ''} ${missing ? 'disabled' : ''}><span></span><span>${escapeHTML(label === `basemap.${id}` ? id : label)}${missing ? ` <span class="ts-missing">(${escapeHTML(t(lang, 'basemap.missing'))})</span>` : ''}</span></label></li>`;
  }).join('');
  ul.querySelectorAll('input[type=checkbox]').forEach((cb) => {
    cb.addEventListener('change', () => onToggle(cb.dataset.id, cb.checked));
  });
}
