// The camera follows the story: at an event the map eases to it (its
// point at a zoom, or its extent), what the event concerns is highlighted
// and the rest dimmed; when the event has been read the map eases back to
// where it was. Visitors who ask for reduced motion get cuts, not flights.
// A visitor who moves the map takes it over: the camera stops until it is
// released.
//
// An event feature may say where to look and what it concerns in its
// properties (all optional):
//   zoom:     the zoom to show its point at (else the camera's default)
//   extent:   [west, south, east, north] to fit instead of the point
//   concerns: ids of the features it is about (any layer), highlighted

/** Where to look for an event feature (GeoJSON), pure.
 * @returns {{center?: [number, number], zoom?: number, bounds?: [[number, number], [number, number]], concerns: string[]} | null}
 */
export function eventTarget(feature, { defaultZoom = 8, maxZoom = 10 } = {}) {
  const p = feature?.properties || {};
  const concerns = [String(feature?.id ?? '')].concat(Array.isArray(p.concerns) ? p.concerns.map(String) : []).filter(Boolean);
  const ext = p.extent;
  if (Array.isArray(ext) && ext.length === 4 && ext.every(Number.isFinite) && ext[0] < ext[2] && ext[1] < ext[3]) {
    return { bounds: [[ext[1], ext[0]], [ext[3], ext[2]]], maxZoom, concerns };
  }
  const g = feature?.geometry;
  const c = g?.type === 'Point' ? g.coordinates : g?.type === 'MultiPoint' ? g.coordinates[0] : null;
  if (!c || !Number.isFinite(c[0]) || !Number.isFinite(c[1])) {
    const b = bboxOf(g);
    return b ? { bounds: [[b[1], b[0]], [b[3], b[2]]], maxZoom, concerns } : null;
  }
  const z = Number(p.zoom);
  return { center: [c[1], c[0]], zoom: Number.isFinite(z) ? Math.min(z, maxZoom) : defaultZoom, concerns };
}

/** [w, s, e, n] of any GeoJSON geometry, or null. */
export function bboxOf(g) {
  const b = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c) => {
    if (typeof c[0] === 'number') {
      b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]);
      b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]);
    } else for (const x of c) walk(x);
  };
  if (g?.type === 'GeometryCollection') for (const x of g.geometries || []) { const bb = bboxOf(x); if (bb) { walk([bb[0], bb[1]]); walk([bb[2], bb[3]]); } }
  else if (g?.coordinates) walk(g.coordinates);
  return Number.isFinite(b[0]) ? b : null;
}

/** Whether the visitor asked for reduced motion. */
export function prefersReducedMotion(win = globalThis) {
  return Boolean(win.matchMedia?.('(prefers-reduced-motion: reduce)').matches);
}

export class Camera {
  /**
   * @param {object} map a Leaflet map
   * @param {object} [o]
   * @param {number} [o.duration] seconds of a flight
   * @param {number} [o.defaultZoom] zoom of an event's point
   * @param {number} [o.maxZoom]
   * @param {() => boolean} [o.reducedMotion]
   * @param {(ids: Set<string>|null) => void} [o.onHighlight] what to highlight (null: nothing, undim)
   */
  constructor(map, { duration = 1.2, defaultZoom = 8, maxZoom = 10, reducedMotion = () => prefersReducedMotion(), onHighlight = () => {} } = {}) {
    Object.assign(this, { map, duration, defaultZoom, maxZoom, reducedMotion, onHighlight });
    this.home = null; // the view before the first focus: where release() returns
    this.focused = null; // the target shown
    this.moving = false; // a flight of ours is under way
    this.taken = false; // the visitor moved the map
    this.onUser = () => { if (!this.moving) this.taken = true; };
    map.on('dragstart zoomstart', this.onUser);
    map.on('moveend', () => { this.moving = false; });
  }

  /** Eases to an event feature; returns its target (or null). */
  focus(feature) {
    const target = eventTarget(feature, { defaultZoom: this.defaultZoom, maxZoom: this.maxZoom });
    if (!target) return null;
    this.focused = target;
    this.onHighlight(new Set(target.concerns));
    this.map.getContainer().classList.add('ts-focusing');
    if (this.taken) return target;
    if (!this.home) this.home = { center: this.map.getCenter(), zoom: this.map.getZoom() };
    this.go(target);
    return target;
  }

  /** Undims and eases back to where the map was before the first focus. */
  release() {
    if (!this.focused && !this.home) return;
    this.focused = null;
    this.onHighlight(null);
    this.map.getContainer().classList.remove('ts-focusing');
    if (this.home && !this.taken) this.go(this.home);
    this.home = null;
  }

  /** Forgets the visitor's takeover (e.g. when the kiosk tour resumes). */
  resume() { this.taken = false; }

  go(v) {
    const animate = !this.reducedMotion();
    this.moving = true;
    const opts = animate ? { duration: this.duration, easeLinearity: 0.25 } : { animate: false };
    if (v.bounds) {
      const o = { ...opts, maxZoom: v.maxZoom, padding: [48, 48] };
      if (animate) this.map.flyToBounds(v.bounds, o); else this.map.fitBounds(v.bounds, o);
    } else if (animate) this.map.flyTo(v.center, v.zoom, opts);
    else this.map.setView(v.center, v.zoom, opts);
    if (!animate) this.moving = false;
  }
}
