// The historical layers on the map: what the slice at the playhead holds,
// drawn with Leaflet on SVG, each layer in its own pane (drawing order
// below). Every frame, features that did not change are left alone; the
// ones that moved get new coordinates; new ones are created; gone ones
// removed. A feature is followed by its track (or its id), so a moving
// front keeps its SVG path and its open popup.

import * as L from './leaflet.js';
import { COLORS, PERIMETER_DASH, perimeterColor, flowWidth, campRadius, certaintyOpacity } from './scales.js';
import { pick } from './i18n.js';
import { escapeHTML } from './basemap.js';

/** Drawing order, bottom first, with each pane's z-index. */
export const LAYER_ORDER = ['zones', 'control', 'perimeter', 'flows', 'advances', 'camps', 'places', 'events'];
const PANE_Z = { zones: 410, control: 420, perimeter: 430, flows: 440, advances: 450, camps: 460, places: 470, events: 480 };

/** GeoJSON coordinates to Leaflet's [lat, lng] arrays. */
export function toLatLngs(g) {
  const ll = (c) => [c[1], c[0]];
  switch (g?.type) {
    case 'Point': return ll(g.coordinates);
    case 'MultiPoint': return g.coordinates.map(ll);
    case 'LineString': return g.coordinates.map(ll);
    case 'MultiLineString': return g.coordinates.map((l) => l.map(ll));
    case 'Polygon': return g.coordinates.map((r) => r.map(ll));
    case 'MultiPolygon': return g.coordinates.map((p) => p.map((r) => r.map(ll)));
    default: return [];
  }
}

/** The ends of a (multi)line with the last distinct point before each:
 * [{end: [lat,lng], prev: [lat,lng]}], for arrowheads. */
export function lineEnds(g) {
  const parts = g?.type === 'LineString' ? [g.coordinates] : g?.type === 'MultiLineString' ? g.coordinates : [];
  const out = [];
  for (const p of parts) {
    if (p.length < 2) continue;
    const end = p[p.length - 1];
    let j = p.length - 2;
    while (j > 0 && p[j][0] === end[0] && p[j][1] === end[1]) j--;
    if (p[j][0] === end[0] && p[j][1] === end[1]) continue; // a line of one point
    out.push({ end: [end[1], end[0]], prev: [p[j][1], p[j][0]] });
  }
  return out;
}

function dashFor(certainty) {
  return certainty === 'low' ? '4 6' : null;
}

const ARROW_SVG = (size, color) =>
  `<svg width="${size}" height="${size}" viewBox="-10 -10 20 20" aria-hidden="true"><path d="M-7,-7 L9,0 L-7,7 L-3.5,0 Z" fill="${color}" stroke="#fff" stroke-width="1.2" stroke-linejoin="round"/></svg>`;

export class HistoryLayers {
  /**
   * @param {L.Map} map
   * @param {object} o
   * @param {(feature, layerId, keyframe, interpolated) => string} o.details popup HTML
   * @param {() => string} o.lang
   * @param {() => boolean} o.kiosk
   */
  constructor(map, { details, lang, kiosk }) {
    this.map = map;
    this.details = details;
    this.lang = lang;
    this.kiosk = kiosk;
    this.layers = new Map();
    for (const id of LAYER_ORDER) {
      const pane = map.createPane(`h-${id}`);
      pane.style.zIndex = PANE_Z[id];
      pane.classList.add(`ts-pane-${id}`);
      const renderer = L.svg({ pane: `h-${id}`, padding: 0.5 });
      this.layers.set(id, { id, pane: `h-${id}`, renderer, group: L.layerGroup(), items: new Map(), visible: false });
    }
    this.currentEventId = null;
    this.labelsVersion = 0; // bumped when a labelled feature comes or goes
    this.version = 0; // bumped when any feature comes or goes
  }

  setVisible(id, visible) {
    const l = this.layers.get(id);
    if (!l || l.visible === visible) return;
    l.visible = visible;
    if (visible) l.group.addTo(this.map);
    else { l.group.remove(); this.clear(id); }
  }

  isVisible(id) { return !!this.layers.get(id)?.visible; }

  clear(id) {
    const l = this.layers.get(id);
    for (const item of l.items.values()) this.removeItem(l, item);
    l.items.clear();
    this.version++;
  }

  /** Forgets every drawn feature (after a language change, labels and
   * popups are rebuilt on the next render). */
  reset() { for (const id of LAYER_ORDER) this.clear(id); }

  /** Draws a slice: features and their keyframes, index for index. */
  render(id, features, keyframes) {
    const l = this.layers.get(id);
    if (!l || !l.visible) return;
    const seen = new Set();
    for (let i = 0; i < features.length; i++) {
      const f = features[i], k = keyframes[i];
      let key = k?.track ? `track:${k.track}` : `id:${f.id ?? k?.id ?? i}`;
      if (seen.has(key)) key = `id:${f.id ?? i}`;
      seen.add(key);
      const item = l.items.get(key);
      if (!item) {
        const created = this.create(l, f, k);
        if (created) l.items.set(key, created);
        this.version++;
        if (l.id === 'places' || l.id === 'zones') this.labelsVersion++;
      } else if (item.feature !== f) {
        this.update(l, item, f, k);
      }
    }
    for (const [key, item] of l.items) {
      if (!seen.has(key)) {
        this.removeItem(l, item);
        l.items.delete(key);
        this.version++;
        if (l.id === 'places' || l.id === 'zones') this.labelsVersion++;
      }
    }
  }

  /** The features drawn now in a layer, as a GeoJSON FeatureCollection. */
  drawn(id) {
    const l = this.layers.get(id);
    return { type: 'FeatureCollection', features: l ? [...l.items.values()].map((it) => it.feature) : [] };
  }

  // --- items -----------------------------------------------------------

  popupOptions() {
    const small = this.map.getSize().y < 500;
    return {
      maxWidth: this.kiosk() ? 420 : 320, maxHeight: this.kiosk() ? 360 : small ? 200 : 250,
      autoPanPaddingTopLeft: [20, 16], autoPanPaddingBottomRight: [20, 20], className: 'ts-popup',
    };
  }

  bind(item, l, layer) {
    layer.bindPopup(() => this.details(item.feature, l.id, item.kf, item.feature !== item.kf?.feature), this.popupOptions());
    layer.on('popupopen', () => { item.popupOpen = true; });
    layer.on('popupclose', () => { item.popupOpen = false; });
  }

  create(l, f, k) {
    const g = f.geometry;
    if (!g) return null;
    const p = f.properties || {};
    const item = { feature: f, kf: k, layers: [], arrows: [], popupOpen: false };
    const opts = { pane: l.pane, renderer: l.renderer };
    const name = pick(p.name, this.lang());
    let main;
    switch (l.id) {
      case 'zones':
        main = L.polygon(toLatLngs(g), { ...opts, ...this.zoneStyle(p), className: 'ts-zone' });
        if (name.text) main.bindTooltip(escapeHTML(name.text), { permanent: true, direction: 'center', className: 'ts-zone-label', pane: l.pane });
        break;
      case 'control':
        main = L.polygon(toLatLngs(g), { ...opts, ...this.controlStyle(p), className: 'ts-control' });
        break;
      case 'perimeter':
        main = L.polygon(toLatLngs(g), { ...opts, ...this.perimeterStyle(p), className: 'ts-perimeter' });
        break;
      case 'advances':
        main = L.polyline(toLatLngs(g), { ...opts, ...this.advanceStyle(p), className: 'ts-advance' });
        break;
      case 'flows': {
        main = L.polyline(toLatLngs(g), { ...opts, ...this.flowStyle(p), className: 'ts-flow' });
        const dash = L.polyline(toLatLngs(g), { ...opts, ...this.flowDashStyle(p), className: 'ts-flow-dash', interactive: false });
        item.layers.push(dash);
        break;
      }
      case 'camps':
        main = L.circleMarker(toLatLngs(g.type === 'Point' ? g : { type: 'Point', coordinates: g.coordinates[0] }), { ...opts, ...this.campStyle(p), className: 'ts-camp' });
        if (name.text) main.bindTooltip(escapeHTML(name.text), { direction: 'top', className: 'ts-camp-label' });
        break;
      case 'places':
        main = L.circleMarker(toLatLngs(g.type === 'Point' ? g : { type: 'Point', coordinates: g.coordinates[0] }), { ...opts, ...this.placeStyle(p), className: 'ts-place' });
        if (name.text) main.bindTooltip(this.placeLabel(p), { permanent: true, direction: 'right', offset: [6, 0], className: `ts-place-label ts-place-${escapeHTML(p.kind || 'place')}`, pane: 'placeLabels' });
        break;
      case 'events': {
        const icon = L.divIcon({ className: 'ts-event', html: '<span class="ts-event-dot"></span>', iconSize: [22, 22] });
        main = L.marker(toLatLngs(g.type === 'Point' ? g : { type: 'Point', coordinates: g.coordinates[0] }), {
          pane: l.pane, icon, keyboard: true, title: name.text, alt: name.text, riseOnHover: true,
        });
        break;
      }
      default:
        return null;
    }
    item.main = main;
    item.layers.unshift(main);
    this.bind(item, l, main);
    for (const layer of item.layers) l.group.addLayer(layer);
    if (l.id === 'advances' || l.id === 'flows') this.updateArrows(l, item);
    if (l.id === 'events') this.markCurrent(item);
    return item;
  }

  update(l, item, f, k) {
    const old = item.feature;
    item.feature = f;
    item.kf = k;
    const p = f.properties || {}, op = old.properties || {};
    if (f.geometry !== old.geometry) {
      const ll = toLatLngs(f.geometry);
      for (const layer of item.layers) {
        if (layer.setLatLngs) layer.setLatLngs(ll);
        else if (layer.setLatLng) layer.setLatLng(f.geometry.type === 'Point' ? ll : ll[0]);
      }
      if (l.id === 'advances' || l.id === 'flows') this.updateArrows(l, item);
    }
    if (p !== op) {
      switch (l.id) {
        case 'zones': item.main.setStyle(this.zoneStyle(p)); break;
        case 'control': item.main.setStyle(this.controlStyle(p)); break;
        case 'perimeter': item.main.setStyle(this.perimeterStyle(p)); break;
        case 'advances': if (p.certainty !== op.certainty) item.main.setStyle(this.advanceStyle(p)); break;
        case 'flows':
          if (p.people !== op.people || p.certainty !== op.certainty) {
            item.main.setStyle(this.flowStyle(p));
            item.layers[1].setStyle(this.flowDashStyle(p));
            this.updateArrows(l, item);
          }
          break;
        case 'camps': if (p.population !== op.population) { item.main.setStyle(this.campStyle(p)); item.main.setRadius(campRadius(p.population)); } break;
        case 'places': item.main.setStyle(this.placeStyle(p)); break;
        case 'events': break;
      }
      // A track may rename its feature (a town renamed, a camp moved).
      if (item.main.getTooltip?.() && JSON.stringify(p.name) !== JSON.stringify(op.name)) {
        const name = pick(p.name, this.lang());
        item.main.setTooltipContent(l.id === 'places' ? this.placeLabel(p) : escapeHTML(name.text));
        if (l.id === 'places' || l.id === 'zones') this.labelsVersion++;
      }
      if (item.popupOpen) item.main.setPopupContent(this.details(f, l.id, k, f !== k?.feature));
    }
  }

  removeItem(l, item) {
    for (const layer of item.layers) l.group.removeLayer(layer);
    for (const a of item.arrows) l.group.removeLayer(a);
    item.arrows = [];
  }

  /** Arrowheads: a small triangle at each line end, rotated along the
   * last segment (on screen; Web Mercator keeps angles at every zoom). */
  updateArrows(l, item) {
    const ends = lineEnds(item.feature.geometry);
    const p = item.feature.properties || {};
    const isFlow = l.id === 'flows';
    const color = isFlow ? COLORS.flows : COLORS.advances;
    const size = isFlow ? Math.round(10 + flowWidth(p.people) * 1.3) : 22;
    while (item.arrows.length > ends.length) l.group.removeLayer(item.arrows.pop());
    for (let i = 0; i < ends.length; i++) {
      const { end, prev } = ends[i];
      const a = this.map.project(prev, 0), b = this.map.project(end, 0);
      const deg = Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
      let m = item.arrows[i];
      if (!m || m.tsSize !== size) {
        if (m) l.group.removeLayer(m);
        const icon = L.divIcon({ className: `ts-arrow ts-arrow-${l.id}`, html: ARROW_SVG(size, color), iconSize: [size, size] });
        m = L.marker(end, { icon, pane: l.pane, interactive: false, keyboard: false });
        m.tsSize = size;
        item.arrows[i] = m;
        l.group.addLayer(m);
      } else {
        m.setLatLng(end);
      }
      const el = m.getElement()?.firstChild;
      if (el && m.tsDeg !== deg) { el.style.transform = `rotate(${deg.toFixed(1)}deg)`; m.tsDeg = deg; }
    }
  }

  /** The event whose caption is shown is drawn larger. */
  setCurrentEvent(id) {
    if (id === this.currentEventId) return;
    this.currentEventId = id;
    for (const item of this.layers.get('events').items.values()) this.markCurrent(item);
  }

  markCurrent(item) {
    const el = item.main.getElement?.();
    if (el) el.classList.toggle('is-current', item.feature.id === this.currentEventId);
  }

  openPopupFor(id, featureId) {
    const l = this.layers.get(id);
    for (const item of l?.items.values() || []) {
      if (item.feature.id === featureId) { item.main.openPopup(); return true; }
    }
    return false;
  }

  // --- styles ----------------------------------------------------------

  zoneStyle(p) {
    return { color: COLORS.zones, weight: 1.6, opacity: 0.9 * certaintyOpacity(p.certainty), dashArray: dashFor(p.certainty) || '6 3', fillColor: COLORS.zones, fillOpacity: 0.06 };
  }

  controlStyle(p) {
    return { color: COLORS.controlEdge, weight: 1.6, opacity: certaintyOpacity(p.certainty), dashArray: dashFor(p.certainty), fillColor: COLORS.control, fillOpacity: 0.32 * certaintyOpacity(p.certainty) };
  }

  perimeterStyle(p) {
    const c = perimeterColor(p.status);
    return { color: c, weight: 3, opacity: 0.95, dashArray: PERIMETER_DASH[p.status] ?? null, fillColor: c, fillOpacity: 0.08 };
  }

  advanceStyle(p) {
    return { color: COLORS.advances, weight: 4, opacity: 0.92 * certaintyOpacity(p.certainty), dashArray: dashFor(p.certainty), lineCap: 'round', lineJoin: 'round' };
  }

  flowStyle(p) {
    return { color: COLORS.flows, weight: flowWidth(p.people), opacity: 0.55 * certaintyOpacity(p.certainty) + 0.2, lineCap: 'round', lineJoin: 'round' };
  }

  flowDashStyle(p) {
    return { color: '#5a3b00', weight: Math.max(1.2, flowWidth(p.people) * 0.28), opacity: 0.75, dashArray: '2 14', lineCap: 'round', lineJoin: 'round' };
  }

  campStyle(p) {
    const known = typeof p.population === 'number';
    return {
      radius: campRadius(p.population), color: '#00583f', weight: 1.5, opacity: certaintyOpacity(p.certainty),
      dashArray: known ? null : '2 3', fillColor: COLORS.camps, fillOpacity: known ? 0.55 : 0,
    };
  }

  placeStyle(p) {
    const capital = p.kind === 'capital';
    return { radius: capital ? 5 : 3.2, color: '#ffffff', weight: 1.5, fillColor: COLORS.places, fillOpacity: 1 };
  }

  placeLabel(p) {
    const lang = this.lang();
    const main = pick(p.name, lang);
    let html = `<span lang="${main.lang}">${escapeHTML(main.text)}</span>`;
    const km = p.name?.km;
    if (lang !== 'km' && km && km !== main.text) html += ` <span class="ts-km" lang="km">${escapeHTML(km)}</span>`;
    return html;
  }
}
