// The legend, which is also the list of layer toggles: one row per
// historical layer (a switch, a swatch drawn like the map draws it, the
// layer's name) with the key to sizes and statuses under it, then the
// base map layers. Colours never carry meaning alone: widths, dashes and
// words do too.

import { t, formatNumber } from './i18n.js';
import { COLORS, PERIMETER_DASH, perimeterColor, flowWidth, campRadius } from './scales.js';
import { LAYER_ORDER } from './layers.js';
import { escapeHTML } from './basemap.js';

const LIST_ORDER = ['events', 'places', 'advances', 'control', 'perimeter', 'flows', 'camps', 'zones'];

function swatch(id) {
  const svg = (inner) => `<svg class="ts-swatch" viewBox="0 0 34 22" aria-hidden="true">${inner}</svg>`;
  switch (id) {
    case 'zones': return svg(`<rect x="2" y="3" width="30" height="16" fill="${COLORS.zones}" fill-opacity=".12" stroke="${COLORS.zones}" stroke-width="1.6" stroke-dasharray="6 3"/>`);
    case 'control': return svg(`<rect x="2" y="3" width="30" height="16" fill="${COLORS.control}" fill-opacity=".45" stroke="${COLORS.controlEdge}" stroke-width="1.6"/>`);
    case 'perimeter': return svg(`<rect x="4" y="4" width="26" height="14" fill="none" stroke="${COLORS.perimeter.closed}" stroke-width="3"/>`);
    case 'advances': return svg(`<path d="M2 16 Q14 16 22 9" fill="none" stroke="${COLORS.advances}" stroke-width="4" stroke-linecap="round"/><path d="M19 3 L31 5 L25 15 Z" fill="${COLORS.advances}"/>`);
    case 'flows': return svg(`<path d="M2 11 H25" stroke="${COLORS.flows}" stroke-width="7" stroke-opacity=".8" stroke-linecap="round"/><path d="M2 11 H25" stroke="#5a3b00" stroke-width="2" stroke-dasharray="2 6" stroke-linecap="round"/><path d="M24 3 L33 11 L24 19 Z" fill="${COLORS.flows}"/>`);
    case 'camps': return svg(`<circle cx="17" cy="11" r="8" fill="${COLORS.camps}" fill-opacity=".55" stroke="#00583f" stroke-width="1.5"/>`);
    case 'events': return svg(`<circle cx="17" cy="11" r="6.5" fill="#1a1a1a" stroke="#fff" stroke-width="2.5"/><circle cx="17" cy="11" r="8" fill="none" stroke="#1a1a1a" stroke-width=".8"/>`);
    case 'places': return svg(`<circle cx="9" cy="11" r="4.5" fill="${COLORS.places}" stroke="#fff" stroke-width="1.5"/><rect x="16" y="8" width="16" height="6" rx="2" fill="#b9b4a8"/>`);
    default: return svg('');
  }
}

function extra(id, lang) {
  switch (id) {
    case 'perimeter':
      return ['closed', 'controlled', 'open'].map((s) =>
        `<span><svg width="26" height="10" aria-hidden="true"><path d="M1 5 H25" stroke="${perimeterColor(s)}" stroke-width="3" ${PERIMETER_DASH[s] ? `stroke-dasharray="${PERIMETER_DASH[s]}"` : ''}/></svg> ${escapeHTML(t(lang, `legend.status.${s}`))}</span>`).join('');
    case 'flows': {
      const samples = [10000, 100000, 400000];
      return `<span>${escapeHTML(t(lang, 'legend.flowWidth'))}:</span>` + samples.map((n) => {
        const w = flowWidth(n);
        return `<span><svg width="24" height="${Math.ceil(w) + 2}" aria-hidden="true"><path d="M1 ${(w + 2) / 2} H23" stroke="${COLORS.flows}" stroke-opacity=".8" stroke-width="${w.toFixed(1)}"/></svg> ${escapeHTML(formatNumber(n, lang))}</span>`;
      }).join('');
    }
    case 'camps': {
      const samples = [10000, 50000, 150000];
      return `<span>${escapeHTML(t(lang, 'legend.campSize'))}:</span>` + samples.map((n) => {
        const r = campRadius(n);
        const s = Math.ceil(2 * r + 3);
        return `<span><svg width="${s}" height="${s}" aria-hidden="true"><circle cx="${s / 2}" cy="${s / 2}" r="${r.toFixed(1)}" fill="${COLORS.camps}" fill-opacity=".55" stroke="#00583f" stroke-width="1.2"/></svg> ${escapeHTML(formatNumber(n, lang))}</span>`;
      }).join('') + `<span><svg width="16" height="16" aria-hidden="true"><circle cx="8" cy="8" r="6" fill="none" stroke="#00583f" stroke-width="1.2" stroke-dasharray="2 2"/></svg> ${escapeHTML(t(lang, 'legend.unknownPop'))}</span>`;
    }
    default:
      return '';
  }
}

/**
 * Renders the layer list into ul and calls onToggle(id, on) on change.
 * visible: Set of ids shown.
 */
export function renderLegend(ul, lang, visible, onToggle) {
  const order = LIST_ORDER.filter((id) => LAYER_ORDER.includes(id));
  ul.innerHTML = order.map((id) => {
    const ex = extra(id, lang);
    return `<li data-layer="${id}"><label><input type="checkbox" ${visible.has(id) ? 'checked' : ''} data-layer="${id}">${swatch(id)}<span>${escapeHTML(t(lang, `layer.${id}`))}</span></label>${ex ? `<div class="ts-legend-extra">${ex}</div>` : ''}</li>`;
  }).join('') + `<li class="ts-legend-note"><svg class="ts-swatch" viewBox="0 0 34 22" aria-hidden="true"><rect x="2" y="3" width="30" height="16" fill="${COLORS.control}" fill-opacity=".18" stroke="${COLORS.controlEdge}" stroke-opacity=".6" stroke-width="1.6" stroke-dasharray="4 4"/></svg><span>${escapeHTML(t(lang, 'legend.lowCertainty'))}</span></li>`;
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
