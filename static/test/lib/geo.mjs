// Small geometry helpers for the tests.

/** Ray casting: is [x, y] inside a ring (array of [x, y])? */
export function inRing(pt, ring) {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    if ((yi > pt[1]) !== (yj > pt[1]) && pt[0] < ((xj - xi) * (pt[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Is the point inside a GeoJSON (Multi)Polygon (outer ring in, holes out)? */
export function inGeometry(pt, g) {
  const polys = g?.type === 'Polygon' ? [g.coordinates] : g?.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.some((rings) => rings.length > 0 && inRing(pt, rings[0]) && !rings.slice(1).some((h) => inRing(pt, h)));
}

/** Largest coordinate difference between two nested coordinate arrays;
 * Infinity when their shapes differ. */
export function coordDiff(a, b) {
  if (typeof a === 'number' || typeof b === 'number') return typeof a === typeof b ? Math.abs(a - b) : Infinity;
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, coordDiff(a[i], b[i]));
  return m;
}
