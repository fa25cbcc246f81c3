// Colours and sizes. Pure.
//
// The palette is Okabe & Ito's (2008), safe for the common forms of colour
// blindness; no meaning rests on colour alone (dashes, widths, labels and
// the legend carry it too).

export const OKABE_ITO = Object.freeze({
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
});

export const COLORS = Object.freeze({
  zones: OKABE_ITO.reddishPurple,
  control: OKABE_ITO.skyBlue,
  controlEdge: OKABE_ITO.blue,
  advances: OKABE_ITO.blue,
  flows: OKABE_ITO.orange,
  camps: OKABE_ITO.bluishGreen,
  events: '#1a1a1a',
  places: '#3b3a36',
  perimeter: {
    closed: OKABE_ITO.vermillion,
    controlled: OKABE_ITO.blue,
    open: OKABE_ITO.bluishGreen,
  },
});

/** Dash patterns that tell perimeter statuses apart without colour. */
export const PERIMETER_DASH = Object.freeze({ closed: null, controlled: '8 4', open: '2 5' });

export function perimeterColor(status) {
  return COLORS.perimeter[status] || '#555555';
}

/** Flow width in pixels: area-like (square root) scale of people, 1.5 px
 * for none, FLOW_MAX_PX at FLOW_MAX_PEOPLE and never more. */
export const FLOW_MAX_PEOPLE = 600000;
export const FLOW_MAX_PX = 18;
export function flowWidth(people) {
  if (typeof people !== 'number' || !(people > 0)) return 1.5;
  return Math.min(FLOW_MAX_PX, 1.5 + (FLOW_MAX_PX - 1.5) * Math.sqrt(people / FLOW_MAX_PEOPLE));
}

/** Camp circle radius in pixels: the circle's area grows with population
 * (r ∝ √population); CAMP_MAX_PX at CAMP_MAX_POP; null → the "not known"
 * size, drawn hollow. */
export const CAMP_MAX_POP = 200000;
export const CAMP_MAX_PX = 26;
export const CAMP_UNKNOWN_PX = 6;
export function campRadius(population) {
  if (typeof population !== 'number' || !(population >= 0)) return CAMP_UNKNOWN_PX;
  return Math.min(CAMP_MAX_PX * 1.3, 3 + (CAMP_MAX_PX - 3) * Math.sqrt(population / CAMP_MAX_POP));
}

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
 * by the layer code). */
export function certaintyOpacity(certainty) {
  return certainty === 'low' ? 0.55 : certainty === 'medium' ? 0.8 : 1;
}
