// One historical layer of the dataset on the map: an L.Layer drawing what
// the slice at the playhead holds, with Leaflet on SVG, in its own pane.
// Its look comes from the layer's manifest entry (kind and style, see
// style.js). Every frame, features that did not change are left alone;
// the ones that moved get new coordinates; new ones are created; gone ones
// removed. A feature is followed by its track (or its id), so a moving
// front keeps its SVG path and its open popup.

import * as L from './leaflet.js';
import { pathOptions, movingDashOptions, arrowSize, colorOf, pointRadius } from './style.js';
import { pick } from './i18n.js';
import { escapeHTML } from './html.js';

/** The pane of the permanent point labels (above every history pane). */
export const LABEL_PANE = 'tsLabels';

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

/** The ranks of what an event concerns (feature ids and tracks, in the
 * event's order; null: nothing): the first named ranks highest. */
export function focusRanks(ids) {
  if (!ids) return null;
  const order = [...ids];
  return new Map(order.map((name, i) => [name, order.length - 1 - i]));
}

/** Where f stands among ranks (focusRanks): the higher of its id's and
 * its track's rank; -1 when the event does not concern f. */
export function focusRank(f, ranks) {
  if (!ranks) return -1;
  return Math.max(ranks.get(String(f.id)) ?? -1, ranks.get(String(f.properties?.track)) ?? -1);
}

/** A point geometry's [lat, lng] (the first point of a MultiPoint). */
function pointLatLng(g) {
  return toLatLngs(g.type === 'Point' ? g : { type: 'Point', coordinates: g.coordinates[0] });
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

const ARROW_SVG = (size, color) =>
  `<svg width="${size}" height="${size}" viewBox="-10 -10 20 20" aria-hidden="true"><path d="M-7,-7 L9,0 L-7,7 L-3.5,0 Z" fill="${escapeHTML(color)}" stroke="#fff" stroke-width="1.2" stroke-linejoin="round"/></svg>`;

/**
 * HistoryLayer options:
 *   layer      the layer's model (manifest.js): id, kind, style
 *   zIndex     of its pane
 *   details    (feature, keyframe, interpolated) => popup HTML
 *   lang       () => the page's language; order: () => fallback languages
 *   popup      () => L.Popup options
 */
export const HistoryLayer = L.Layer.extend({
  options: { layer: null, zIndex: 400, details: () => '', lang: () => 'en', order: () => [], popup: () => ({}) },

  initialize(options) {
    L.setOptions(this, options);
    this.def = this.options.layer;
    this.items = new Map();
    this.currentId = null;
    this.version = 0; // bumped when a feature comes or goes
    this.labelsVersion = 0; // bumped when a labelled feature comes, goes or is renamed
  },

  onAdd(map) {
    const name = `ts-h-${this.def.id}`;
    let pane = map.getPane(name);
    if (!pane) {
      pane = map.createPane(name);
      pane.style.zIndex = String(this.options.zIndex);
      pane.classList.add('ts-history-pane');
    }
    if (!map.getPane(LABEL_PANE)) {
      const lp = map.createPane(LABEL_PANE);
      lp.style.zIndex = '645';
      lp.style.pointerEvents = 'none';
    }
    this.paneName = name;
    this.renderer = this.renderer || L.svg({ pane: name, padding: 0.5 });
    this.group = L.layerGroup().addTo(map);
  },

  onRemove() {
    this.clear();
    this.group.remove();
    this.group = null;
  },

  /** Forgets every drawn feature (after a language change, labels and
   * popups are rebuilt on the next render). */
  clear() {
    for (const item of this.items.values()) this.removeItem(item);
    this.items.clear();
    this.version++;
    this.labelsVersion++;
  },

  /** Draws a slice: features and their keyframes, index for index. */
  render(features, keyframes) {
    if (!this._map) return;
    const seen = new Set();
    for (let i = 0; i < features.length; i++) {
      const f = features[i], k = keyframes[i];
      let key = k?.track ? `track:${k.track}` : `id:${f.id ?? k?.id ?? i}`;
      if (seen.has(key)) key = `id:${f.id ?? i}`;
      seen.add(key);
      const item = this.items.get(key);
      if (!item) {
        const created = this.create(f, k);
        if (created) this.items.set(key, created);
        this.version++;
        if (created?.labelled) this.labelsVersion++;
      } else if (item.feature !== f) {
        this.update(item, f, k);
      }
    }
    for (const [key, item] of this.items) {
      if (!seen.has(key)) {
        this.removeItem(item);
        this.items.delete(key);
        this.version++;
        if (item.labelled) this.labelsVersion++;
      }
    }
  },

  /** The features drawn now, as a GeoJSON FeatureCollection. */
  drawn() {
    return { type: 'FeatureCollection', features: [...this.items.values()].map((it) => it.feature) };
  },

  /** Permanent labels drawn now, [{el, priority, feature, anchor?}], with a
   * priority for decluttering: what the event shown concerns first, then
   * points over areas, bigger points over smaller ones. */
  labels() {
    const out = [];
    for (const item of this.items.values()) {
      const el = item.labelled && item.main.getTooltip?.()?.getElement();
      if (!el) continue;
      const p = item.feature.properties || {};
      let priority = this.def.kind === 'point' ? 500 + 10 * pointRadius(this.def.style, p) : 300;
      // What the event shown concerns keeps its label first, in the order the event names it.
      const rank = focusRank(item.feature, this.focusRanks);
      if (rank >= 0) priority += 1000 + 10 * rank;
      const entry = { el, priority, feature: item.feature };
      if (this.def.kind === 'point' && item.main.getLatLng && this._map) {
        const at = this._map.latLngToContainerPoint(item.main.getLatLng());
        const box = this._map.getContainer().getBoundingClientRect();
        entry.anchor = { x: box.left + at.x, y: box.top + at.y, r: item.main.getRadius?.() ?? 0 };
      }
      out.push(entry);
    }
    return out;
  },

  name(p) { return pick(p?.name, this.options.lang(), this.options.order()); },

  bind(item, layer) {
    layer.bindPopup(() => this.options.details(item.feature, item.kf, item.feature !== item.kf?.feature), this.options.popup());
    layer.on('popupopen', () => { item.popupOpen = true; });
    layer.on('popupclose', () => { item.popupOpen = false; });
  },

  classes(extra = '') {
    return `ts-shape ts-kind-${this.def.kind} ts-layer-${this.def.id}${extra}`;
  },

  labelHTML(p) {
    const n = this.name(p);
    return `<span lang="${escapeHTML(n.lang)}">${escapeHTML(n.text)}</span>`;
  },

  create(f, k) {
    const g = f.geometry;
    if (!g) return null;
    const def = this.def;
    const p = f.properties || {};
    const item = { feature: f, kf: k, layers: [], arrows: [], popupOpen: false, labelled: false };
    const opts = { pane: this.paneName, renderer: this.renderer };
    const name = this.name(p);
    let main;
    switch (def.kind) {
      case 'line':
        main = L.polyline(toLatLngs(g), { ...opts, ...pathOptions(def, p), className: this.classes() });
        if (def.style.width_by) {
          item.layers.push(L.polyline(toLatLngs(g), { ...opts, ...movingDashOptions(def, p), className: 'ts-moving', interactive: false }));
        }
        break;
      case 'point':
        main = L.circleMarker(pointLatLng(g), { ...opts, ...pathOptions(def, p), className: this.classes() });
        if (name.text && def.style.label) {
          main.bindTooltip(this.labelHTML(p), { permanent: true, direction: 'right', offset: [6, 0], className: 'ts-label ts-label-point', pane: LABEL_PANE });
          item.labelled = true;
        } else if (name.text) {
          main.bindTooltip(this.labelHTML(p), { direction: 'top', className: 'ts-hover-label' });
        }
        break;
      case 'event': {
        const icon = L.divIcon({ className: 'ts-event', html: '<span class="ts-event-dot"></span>', iconSize: [22, 22] });
        main = L.marker(pointLatLng(g), { pane: this.paneName, icon, keyboard: true, title: name.text, alt: name.text, riseOnHover: true });
        break;
      }
      default: // area
        main = L.polygon(toLatLngs(g), { ...opts, ...pathOptions(def, p), className: this.classes() });
        if (name.text && def.style.label) {
          main.bindTooltip(this.labelHTML(p), { permanent: true, direction: 'center', className: 'ts-label ts-label-area', pane: this.paneName });
          item.labelled = true;
        }
    }
    item.main = main;
    item.layers.unshift(main);
    this.bind(item, main);
    for (const layer of item.layers) this.group.addLayer(layer);
    if (def.style.arrow) this.updateArrows(item);
    if (def.kind === 'event') this.markCurrent(item);
    if (this.focusIds) this.markFocus(item);
    return item;
  },

  update(item, f, k) {
    const def = this.def;
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
    }
    if (p !== op && def.kind !== 'event') {
      const o = pathOptions(def, p);
      item.main.setStyle(o);
      if (def.kind === 'point') item.main.setRadius(o.radius);
      if (item.layers[1]) item.layers[1].setStyle(movingDashOptions(def, p));
      // A track may rename its feature (a town renamed, a camp moved).
      if (item.main.getTooltip?.() && JSON.stringify(p.name) !== JSON.stringify(op.name)) {
        item.main.setTooltipContent(this.labelHTML(p));
        if (item.labelled) this.labelsVersion++;
      }
    }
    if (def.style.arrow && (f.geometry !== old.geometry || p !== op)) this.updateArrows(item);
    if (p !== op && item.popupOpen) item.main.setPopupContent(this.options.details(f, k, f !== k?.feature));
    if (this.focusIds) this.markFocus(item); // another keyframe (another id), new arrowheads
  },

  removeItem(item) {
    for (const layer of item.layers) this.group?.removeLayer(layer);
    for (const a of item.arrows) this.group?.removeLayer(a);
    item.arrows = [];
  },

  /** Arrowheads: a small triangle at each line end, rotated along the
   * last segment (on screen; Web Mercator keeps angles at every zoom). */
  updateArrows(item) {
    const ends = lineEnds(item.feature.geometry);
    const p = item.feature.properties || {};
    const color = colorOf(this.def.style, p);
    const size = arrowSize(this.def, p);
    while (item.arrows.length > ends.length) this.group.removeLayer(item.arrows.pop());
    for (let i = 0; i < ends.length; i++) {
      const { end, prev } = ends[i];
      const a = this._map.project(prev, 0), b = this._map.project(end, 0);
      const deg = Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
      let m = item.arrows[i];
      if (!m || m.tsSize !== size || m.tsColor !== color) {
        if (m) this.group.removeLayer(m);
        const icon = L.divIcon({ className: 'ts-arrow', html: ARROW_SVG(size, color), iconSize: [size, size] });
        m = L.marker(end, { icon, pane: this.paneName, interactive: false, keyboard: false });
        m.tsSize = size;
        m.tsColor = color;
        item.arrows[i] = m;
        this.group.addLayer(m);
      } else {
        m.setLatLng(end);
      }
      const el = m.getElement()?.firstChild;
      if (el && m.tsDeg !== deg) { el.style.transform = `rotate(${deg.toFixed(1)}deg)`; m.tsDeg = deg; }
    }
  },

  /** What the event shown concerns (a Set of feature ids and tracks, in the
   * event's order; null: nothing) is drawn in focus, and the rest dimmed. */
  setFocus(ids) {
    if (ids === this.focusIds) return;
    this.focusIds = ids;
    this.focusRanks = focusRanks(ids); // once, not at every item drawn
    for (const item of this.items.values()) this.markFocus(item);
  },

  markFocus(item) {
    const on = focusRank(item.feature, this.focusRanks) >= 0;
    for (const l of [...item.layers, ...item.arrows]) l.getElement?.()?.classList.toggle('is-focus', on);
  },

  /** The event whose caption is shown is drawn larger. */
  setCurrent(id) {
    if (id === this.currentId) return;
    this.currentId = id;
    for (const item of this.items.values()) this.markCurrent(item);
  },

  markCurrent(item) {
    const el = item.main.getElement?.();
    if (el) el.classList.toggle('is-current', item.feature.id === this.currentId);
  },

  openPopupFor(featureId) {
    for (const item of this.items.values()) {
      if (String(item.feature.id) === String(featureId)) { item.main.openPopup(); return true; }
    }
    return false;
  },
});
