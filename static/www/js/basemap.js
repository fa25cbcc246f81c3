// The offline basemap (/basemap): quiet, so the history stands out. Sea is
// the map's background colour (CSS), land is paper, borders and rivers
// thin, Tonle Sap the sea's colour, schematic roads dashed and said to be
// schematic, towns as small dots with labels from zoom 8.
//
// Drawn on one canvas renderer in a pane below the history. A layer the
// server does not list, or whose file is missing, is left out (and said
// to be missing in the legend): the map still works.

import * as L from './leaflet.js';
import { pick } from './i18n.js';
import { escapeHTML } from './html.js';

export const BASEMAP_DEFAULT_ON = ['countries', 'provinces_1975', 'lakes', 'rivers', 'roads', 'towns'];

export const SEA = '#c8dbe5';
const LAND = '#f2eee4';
const LAND_FOCUS = '#f8f5ee';

/** Styles by base map layer id. focus: a country code (adm0_a3) whose land
 * is drawn lighter and its border heavier, or null. */
export function basemapStyles(focus = null) {
  const home = (c) => focus !== null && c === focus;
  return {
  countries: (f) => ({
    stroke: true, color: '#9c9486', weight: home(f.properties?.adm0_a3) ? 1.4 : 0.9,
    fill: true, fillColor: home(f.properties?.adm0_a3) ? LAND_FOCUS : LAND, fillOpacity: 1,
  }),
  provinces: (f) => ({
    stroke: true, color: focus !== null && f.properties?.country && !home(f.properties.country) ? '#e1dbcf' : '#d2cab9',
    weight: 0.6, fill: false,
  }),
  provinces_1975: () => ({ stroke: true, color: '#c9bfab', weight: 0.8, dashArray: '3 3', fill: false }),
  lakes: () => ({ stroke: true, color: '#a9c4d3', weight: 0.5, fill: true, fillColor: SEA, fillOpacity: 1 }),
  rivers: (f) => ({
    stroke: true, color: '#95b9cc', fill: false,
    weight: (f.properties?.level ?? 3) <= 1 ? 1.8 : (f.properties?.level ?? 3) === 2 ? 1.1 : 0.6,
  }),
  roads: () => ({ stroke: true, color: '#b59f84', weight: 1, dashArray: '5 3', fill: false }),
  towns: () => ({ radius: 2, stroke: true, color: '#7b756a', weight: 0.8, fill: true, fillColor: '#ffffff', fillOpacity: 1 }),
  };
}

/** What to call the roads so that nobody mistakes them for surveyed ones. */
export const SCHEMATIC = new Set(['roads']);

/**
 * The base map as one L.Layer. Options:
 *   api   the server (api.js): its /basemap index and layer files
 *   lang  () => the page's language, for town names
 *   on    ids of the base map layers shown at first
 *   focus a country code (adm0_a3) drawn as the map's subject, or null
 */
export const BasemapLayer = L.Layer.extend({
  options: { api: null, lang: () => 'en', on: BASEMAP_DEFAULT_ON, focus: null },

  initialize(options) {
    L.setOptions(this, options);
    this.api = this.options.api;
    this.lang = this.options.lang;
    this.index = []; // [{id, title, attribution, license, href}]
    this.layers = new Map(); // id -> L.GeoJSON
    this.missing = new Set();
    this.on = new Set(this.options.on);
    this.townLabels = L.layerGroup();
    this.onLabels = null;
    this.styles = basemapStyles(this.options.focus);
  },

  onAdd(map) {
    if (!map.getPane('basemap')) {
      map.createPane('basemap').style.zIndex = 200;
      const lp = map.createPane('basemapLabels');
      lp.style.zIndex = 640;
      lp.style.pointerEvents = 'none';
    }
    this.renderer = this.renderer || L.canvas({ pane: 'basemap', padding: 0.3 });
    for (const [id, layer] of this.layers) if (this.on.has(id)) layer.addTo(map);
    map.on('zoomend', this.updateTownLabels, this);
    this.updateTownLabels();
  },

  onRemove(map) {
    for (const layer of this.layers.values()) layer.remove();
    this.townLabels.remove();
    map.off('zoomend', this.updateTownLabels, this);
  },

  /** Fetches and draws every layer; resolves when all are drawn (or
   * known to be missing). */
  async load() {
    const idx = await this.api.basemapIndex();
    this.index = idx?.layers || [];
    if (this.index.length === 0) console.warn('timeslice: the server lists no basemap layer');
    await Promise.all(this.index.map(async (l, order) => {
      let fc = null;
      try {
        fc = await this.api.basemapLayer(l.href);
      } catch (e) {
        console.warn(`timeslice: basemap layer ${l.id}:`, e.message || e);
      }
      if (!fc) { this.missing.add(l.id); return; }
      this.add(l, fc, order);
    }));
    // Keep the server's drawing order whatever order the files arrived in.
    for (const l of this.index) this.layers.get(l.id)?.bringToFront();
    this.updateTownLabels();
    return this;
  },

  add(l, fc, order) {
    const style = this.styles[l.id] || (() => ({ color: '#aaa', weight: 0.6, fill: false }));
    const layer = L.geoJSON(fc, {
      pane: 'basemap',
      renderer: this.renderer,
      interactive: false,
      style,
      pointToLayer: (f, latlng) => L.circleMarker(latlng, { ...style(f), renderer: this.renderer, pane: 'basemap', interactive: false }),
    });
    layer.tsOrder = order;
    this.layers.set(l.id, layer);
    if (l.id === 'towns') this.towns = fc.features;
    if (this.on.has(l.id) && this._map) layer.addTo(this._map);
  },

  setVisible(id, visible) {
    if (visible) this.on.add(id); else this.on.delete(id);
    const layer = this.layers.get(id);
    if (!layer || !this._map) return;
    if (visible) {
      layer.addTo(this._map);
      // restore the drawing order
      for (const l of this.index) if (this.on.has(l.id)) this.layers.get(l.id)?.bringToFront();
    } else layer.remove();
    if (id === 'towns') this.updateTownLabels();
  },

  /** Town labels: the largest towns from zoom 7, all from zoom 9. */
  updateTownLabels() {
    this.townLabels.clearLayers();
    if (!this._map || !this.towns || !this.on.has('towns')) { this.townLabels.remove(); return; }
    const z = this._map.getZoom();
    const minPop = z >= 9 ? 0 : z >= 8 ? 20000 : z >= 7 ? 100000 : Infinity;
    const lang = this.lang();
    for (const f of this.towns) {
      const pop = f.properties?.population ?? 0;
      if (pop < minPop || f.geometry?.type !== 'Point') continue;
      const [lon, lat] = f.geometry.coordinates;
      const name = pick(f.properties?.name, lang);
      const icon = L.divIcon({
        className: 'ts-town-label',
        html: `<span lang="${name.lang}" data-pop="${Number(pop) || 0}">${escapeHTML(name.text)}</span>`,
        iconSize: null,
      });
      this.townLabels.addLayer(L.marker([lat, lon], { icon, pane: 'basemapLabels', interactive: false, keyboard: false }));
    }
    this.townLabels.addTo(this._map);
    this.onLabels?.();
  },

  refreshLanguage() { this.updateTownLabels(); },

  /** One short credit per source for the map's attribution control;
   * the full list (with licences) is in the About section. */
  credits() {
    return shortCredits(this.index);
  },
});

const KNOWN_CREDITS = [
  ['Natural Earth', 'Natural Earth'],
  ['GSHHG', 'GSHHG (Wessel & Smith)'],
  ['GeoNames', 'GeoNames CC BY 4.0'],
];

/** Short credits from the /basemap index: Natural Earth; GSHHG (Wessel &
 * Smith); GeoNames CC BY 4.0; then anything unknown as the server says it.
 * Timeslice's own layers are covered by "Timeslice dataset sources". */
export function shortCredits(index) {
  const out = [];
  for (const l of index) {
    const a = (l.attribution || '').trim();
    if (!a || /^Timeslice/i.test(a)) continue;
    const known = KNOWN_CREDITS.find(([prefix]) => a.startsWith(prefix));
    const credit = known ? known[1] : a;
    if (!out.includes(credit)) out.push(credit);
  }
  return out;
}
