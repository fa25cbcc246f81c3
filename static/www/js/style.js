// How a layer's features look, from the layer's `style` in the manifest:
// colours, widths and radii by a property (width_by, radius_by), style by
// a property's value (by), dashes by certainty, arrowheads. Pure: returns
// Leaflet path options; layers.js and legend.js draw with them, so the
// legend's swatches are drawn as the map draws.

import { scaled, certaintyOpacity } from './scales.js';

export const DEFAULT_COLOR = '#555555';

function num(v, dflt) { return typeof v === 'number' && Number.isFinite(v) ? v : dflt; }

/** The `by` entry for a feature's value ({color, dash, label}), or null. */
export function byValue(style, p) {
  const by = style?.by;
  if (!by?.property || !by.values) return null;
  const v = p?.[by.property];
  return (typeof v === 'string' || typeof v === 'number') && Object.hasOwn(by.values, v) ? by.values[v] : null;
}

/** The dash pattern: by certainty where the style sets one for the
 * feature's certainty, else by value, else the layer's. null is solid. */
export function dashOf(style, p) {
  const c = style?.dash_by_certainty?.[p?.certainty];
  if (c) return c;
  const v = byValue(style, p);
  if (v && Object.hasOwn(v, 'dash')) return v.dash ?? null;
  return style?.dash ?? null;
}

export function colorOf(style, p) { return byValue(style, p)?.color || style?.color || DEFAULT_COLOR; }

export function fillOf(style, p) { return byValue(style, p)?.color || style?.fill || style?.color || DEFAULT_COLOR; }

/** A line's width in pixels (width_by a property, or weight). */
export function lineWidth(style, p) {
  return style?.width_by ? scaled(style.width_by, p?.[style.width_by.property]) : num(style?.weight, 2);
}

/** Whether a point's size is by a property whose value is not known. */
export function sizeUnknown(style, p) {
  if (!style?.radius_by) return false;
  const v = p?.[style.radius_by.property];
  return typeof v !== 'number' || !Number.isFinite(v);
}

/** A point's radius in pixels (radius_by a property, or radius). */
export function pointRadius(style, p) {
  return style?.radius_by ? scaled(style.radius_by, p?.[style.radius_by.property]) : num(style?.radius, 5);
}

/** Leaflet path options for a feature of a layer (model from manifest.js). */
export function pathOptions(layer, p) {
  const s = layer.style || {};
  const op = certaintyOpacity(p?.certainty);
  switch (layer.kind) {
    case 'line':
      return {
        color: colorOf(s, p), weight: lineWidth(s, p), opacity: s.width_by ? 0.55 * op + 0.2 : 0.92 * op,
        dashArray: dashOf(s, p), lineCap: 'round', lineJoin: 'round',
      };
    case 'point': {
      const unknown = sizeUnknown(s, p);
      return {
        radius: pointRadius(s, p), color: colorOf(s, p), weight: num(s.weight, 1.5), opacity: op,
        dashArray: unknown ? '2 3' : dashOf(s, p), fillColor: fillOf(s, p),
        fillOpacity: unknown ? 0 : num(s.fill_opacity, 1),
      };
    }
    default: // area
      return {
        color: colorOf(s, p), weight: num(s.weight, 1.5), opacity: 0.95 * op, dashArray: dashOf(s, p),
        fillColor: fillOf(s, p), fillOpacity: num(s.fill_opacity, 0.2) * op,
      };
  }
}

/** Lines sized by a quantity (people on the move) carry moving dashes
 * over them, in a darker shade of their colour. */
export function movingDashOptions(layer, p) {
  const w = lineWidth(layer.style, p);
  return {
    color: shade(colorOf(layer.style, p), 0.4), weight: Math.max(1.2, w * 0.28), opacity: 0.75,
    dashArray: '2 14', lineCap: 'round', lineJoin: 'round',
  };
}

/** The arrowhead's size in pixels at a line's end. */
export function arrowSize(layer, p) {
  const w = lineWidth(layer.style, p);
  return Math.round(layer.style?.width_by ? 10 + w * 1.3 : 10 + w * 3);
}

/** #rrggbb multiplied by f (0..1): a darker shade. */
export function shade(hex, f) {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex || '');
  if (!m) return hex;
  const n = parseInt(m[1], 16);
  const c = [16, 8, 0].map((s) => Math.round(((n >> s) & 255) * f));
  return `#${c.map((x) => x.toString(16).padStart(2, '0')).join('')}`;
}
