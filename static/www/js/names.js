// One name per place: where the dataset names a place (a labelled point of
// one of its layers), the base map's town at the same spot keeps its dot
// but loses its label, so a visitor never reads "Paoy Paet" beside the
// dataset's "Poipet". Pure; distances on the sphere, in km, independent of
// the zoom (declutter.js then settles what still collides on screen).

const R = 6371.0088; // mean Earth radius, km

/** Great-circle distance in km between two [lng, lat] positions. */
export function distanceKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad, dLng = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The indices of towns ([lng, lat] each) within km of a named point of
 * the dataset ([lng, lat] each): their labels yield to the dataset's. */
export function shadowedTowns(towns, points, km = 3) {
  const out = new Set();
  towns.forEach((t, i) => {
    if (points.some((p) => Math.abs(p[1] - t[1]) < km / 100 && distanceKm(t, p) <= km)) out.add(i);
  });
  return out;
}
