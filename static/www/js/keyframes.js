// Keyframes fetched by time window, and the slice at any instant computed
// from them. Pure: the fetching is done by data.js.
//
// The page asks the server for the keyframes of a layer that intersect a
// time window (datetime=a/b, uninterpolated) and computes the slice at the
// playhead itself, every animation frame, with interp.js — the same rules
// as the server's slice (geo.At): a keyframe k is shown while
// valid_from <= t < valid_to; a linear keyframe whose track continues with
// a keyframe starting exactly at k's valid_to moves towards it.
//
// The successor of a keyframe starts at its valid_to, so it lies in the
// window that holds that instant: slicing at t needs the window of t and
// the windows of the valid_to of its linear keyframes (usually the same
// one). sliceAt reports the windows it lacked, for the caller to fetch.

import { parseRFC3339 } from './time.js';
import { stateAt } from './interp.js';

/** Parses a GeoJSON feature of the dataset into a keyframe. */
export function toKeyframe(feature) {
  const p = feature.properties || {};
  const from = parseRFC3339(p.valid_from);
  const to = p.valid_to == null ? null : parseRFC3339(p.valid_to);
  return {
    id: String(feature.id ?? p.id ?? ''),
    from: Number.isFinite(from) ? from : -Infinity,
    to: to === null || Number.isFinite(to) ? to : null,
    track: p.track || null,
    linear: p.interpolate === 'linear',
    feature,
  };
}

/** A window of keyframes: their list and an index of track successors. */
export function makeWindow(start, end, features) {
  const keyframes = features.map(toKeyframe);
  const byTrackFrom = new Map();
  for (const k of keyframes) {
    if (k.track) byTrackFrom.set(`${k.track}\u0000${k.from}`, k);
  }
  return { start, end, keyframes, byTrackFrom };
}

/** Whether keyframe k is valid at t: [from, to). */
export function validAt(k, t) {
  return k.from <= t && (k.to === null || t < k.to);
}

/** Whether k, valid at t, moves then: a linear keyframe of a track, past
 * its start, towards a keyframe that begins at its end. */
export function moving(k, t) {
  return k.linear && k.track && k.to !== null && t > k.from;
}

/** The keyframe of k's track that begins where k ends, in window w (the
 * window that holds k.to), or undefined. */
export function successorIn(w, k) {
  return w.byTrackFrom.get(`${k.track}\u0000${k.to}`);
}

/** The windowing of time: fixed steps of `step` ms from `origin`. */
export class Windows {
  constructor(origin, step) {
    this.origin = origin;
    this.step = step;
  }
  index(t) { return Math.floor((t - this.origin) / this.step); }
  start(i) { return this.origin + i * this.step; }
  end(i) { return this.origin + (i + 1) * this.step; }
  /** Index of the window that holds t. */
  of(t) { return this.index(t); }
}

/**
 * The slice of one layer at t.
 * getWindow(i) returns a loaded window (from makeWindow) or undefined.
 * tweens: optional cache of planned tweens (see interp.stateAt).
 * Returns {features, complete, missing}: features are GeoJSON features in
 * the server's order (as listed in the window); complete is false when a
 * window was missing, and missing lists the indices to fetch.
 */
export function sliceAt(windows, getWindow, t, tweens) {
  const i = windows.of(t);
  const w = getWindow(i);
  if (!w) return { features: [], keyframes: [], complete: false, missing: [i] };
  const missing = [];
  const features = [];
  const keyframes = [];
  for (const k of w.keyframes) {
    if (!validAt(k, t)) continue;
    let next;
    if (moving(k, t)) {
      const j = windows.of(k.to);
      const wn = j === i ? w : getWindow(j);
      if (wn) next = successorIn(wn, k);
      else if (!missing.includes(j)) missing.push(j);
    }
    features.push(stateAt(k, next, t, tweens));
    keyframes.push(k);
  }
  return { features, keyframes, complete: missing.length === 0, missing };
}
