// Sizes from numbers: a property's value to pixels, as a layer's style in
// the manifest says (width_by, radius_by). Pure.

/**
 * Pixels for value v by a scale spec {max_value, min_px, max_px, scale:
 * 'sqrt' | 'linear', unknown_px?}. Square root is the area-like scale (a
 * circle's area, a band's visual weight). A value that is not a number
 * (not known) gets unknown_px, else min_px; a value above max_value is
 * capped at max_px.
 */
export function scaled(spec, v) {
  const min = num(spec?.min_px, 1), max = num(spec?.max_px, min), top = num(spec?.max_value, 1);
  if (typeof v !== 'number' || !Number.isFinite(v)) return num(spec?.unknown_px, min);
  if (!(v > 0) || !(top > 0)) return min;
  const x = Math.min(1, v / top);
  return min + (max - min) * (spec?.scale === 'linear' ? x : Math.sqrt(x));
}

function num(v, dflt) { return typeof v === 'number' && Number.isFinite(v) ? v : dflt; }

/** Legend sample values: round numbers (1, 2 or 5 × 10^k) up to max. */
export function legendSteps(max, count = 3) {
  if (!(max > 0)) return [];
  const out = [];
  let v = max;
  for (let i = 0; i < count; i++) {
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    const m = v / p;
    const nice = (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
    if (!out.includes(nice)) out.push(nice);
    v = nice / 4;
    if (v < 1) break;
  }
  return out.sort((a, b) => a - b);
}

/** The bearing, in degrees clockwise from screen east, of the segment
 * from a to b given in screen pixels ({x, y}, y down). */
export function screenAngle(a, b) {
  return Math.atan2(b.y - a.y, b.x - a.x) * 180 / Math.PI;
}

/** Opacity by certainty: less certain shapes are drawn fainter (and dashed
 * where the layer's style says so). */
export function certaintyOpacity(certainty) {
  return certainty === 'low' ? 0.55 : certainty === 'medium' ? 0.8 : 1;
}
