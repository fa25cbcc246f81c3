// Linear interpolation of GeoJSON geometries and numeric properties, a
// faithful port of the server's geo.At / geo.Lerp (geo/interpolate.go), so
// the page can move geometry every animation frame between the keyframes
// it fetched and still draw what the server's slice at that instant holds.
// Pure: no DOM, no I/O. Coordinates are [lon, lat] arrays.
//
// Points move straight. Lines and polygon rings are resampled by arc length
// to a common vertex count (the larger of the two) and their vertices moved
// pairwise; ring starts are aligned first so that rings do not twist. A
// single geometry meeting a multi one is treated as a multi of one. Parts
// present on one side only grow from, or shrink to, their own centroid. The
// result is rounded to 1e-6 degree, half away from zero, like orb.Round.

const SCALE = 1e6;

/** Go's math.Round: half away from zero. */
export function roundHalfAway(x) {
  return x < 0 ? -Math.round(-x) : Math.round(x);
}

function roundCoord(x) { return roundHalfAway(x * SCALE) / SCALE; }

/** Go's pure math.Hypot (scaled), so arc lengths match the server's bit for bit
 * as often as possible. */
export function hypot(p, q) {
  p = Math.abs(p); q = Math.abs(q);
  if (p === Infinity || q === Infinity) return Infinity;
  if (Number.isNaN(p) || Number.isNaN(q)) return NaN;
  if (p < q) { const t = p; p = q; q = t; }
  if (p === 0) return 0;
  q = q / p;
  return p * Math.sqrt(1 + q * q);
}

const KIND = { Point: 1, MultiPoint: 1, LineString: 2, MultiLineString: 2, Polygon: 3, MultiPolygon: 3 };

/** Whether lerp is defined between geometries a and b. */
export function compatible(a, b) {
  return !!a && !!b && !!KIND[a.type] && KIND[a.type] === KIND[b.type];
}

function lerpPoint(a, b, f) {
  return [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f];
}

/** n points spaced evenly by arc length along line l (planar, degrees),
 * keeping both ends. */
export function resample(l, n) {
  if (l.length === 0 || n === 0) return [];
  if (l.length === 1 || n === 1) return Array.from({ length: n }, () => l[0]);
  const cum = new Array(l.length);
  cum[0] = 0;
  for (let i = 1; i < l.length; i++) {
    cum[i] = cum[i - 1] + hypot(l[i][0] - l[i - 1][0], l[i][1] - l[i - 1][1]);
  }
  const total = cum[cum.length - 1];
  const out = new Array(n);
  let seg = 1;
  for (let i = 0; i < n; i++) {
    const target = total * i / (n - 1);
    while (seg < l.length - 1 && cum[seg] < target) seg++;
    const d = cum[seg] - cum[seg - 1];
    out[i] = d === 0 ? l[seg] : lerpPoint(l[seg - 1], l[seg], (target - cum[seg - 1]) / d);
  }
  out[0] = l[0];
  out[n - 1] = l[l.length - 1];
  return out;
}

function samePoint(p, q) { return p[0] === q[0] && p[1] === q[1]; }

/** Rotates closed ring r to start at the vertex nearest to p. */
export function alignRing(r, p) {
  let open = r;
  if (r.length > 1 && samePoint(r[0], r[r.length - 1])) open = r.slice(0, -1);
  let best = 0, bestD = Infinity;
  for (let i = 0; i < open.length; i++) {
    const dx = open[i][0] - p[0], dy = open[i][1] - p[1];
    const d = dx * dx + dy * dy;
    if (d < bestD) { best = i; bestD = d; }
  }
  if (best === 0) return r;
  const out = open.slice(best).concat(open.slice(0, best));
  out.push(out[0]);
  return out;
}

function centroid(ps) {
  if (ps.length === 0) return [0, 0];
  let x = 0, y = 0;
  for (const p of ps) { x += p[0]; y += p[1]; }
  return [x / ps.length, y / ps.length];
}

// A tween is planned once per pair of keyframes (resampling and ring
// alignment are the costly part) and evaluated every frame. Plan nodes:
//   {k:'pt', a, b}            a point moving straight
//   {k:'line', a, b}          two resampled lines of equal length, pairwise
//   {k:'scale', ps, c, grow}  a part growing from (grow) or shrinking to c
//   {k:'fixed', v}            coordinates that do not move
//   {k:'list', items}         an array of the above (rings, parts)
// The arithmetic is the server's, operation for operation.

function planPoint(a, b) { return { k: 'pt', a, b }; }

function planLine(a, b) {
  const n = Math.max(a.length, b.length);
  return { k: 'line', a: resample(a, n), b: resample(b, n) };
}

function planRing(a, b) {
  if (a.length < 2 || b.length < 2) return { k: 'fixed', v: a };
  return planLine(a, alignRing(b, a[0]));
}

function planPolygon(a, b) {
  if (a.length === 0 || b.length === 0) return { k: 'fixed', v: a };
  return { k: 'list', items: [planRing(a[0], b[0]), ...planMulti(a.slice(1), b.slice(1), planRing, scaleRing)] };
}

function planMulti(a, b, plan, scale) {
  const out = [];
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (i < a.length && i < b.length) out.push(plan(a[i], b[i]));
    else if (i < a.length) out.push(scale(a[i], false));
    else out.push(scale(b[i], true));
  }
  return out;
}

const scalePoint = (p) => ({ k: 'fixed', v: p });
const scaleLine = (l, grow) => ({ k: 'scale', ps: l, c: centroid(l), grow });
const scaleRing = scaleLine;
function scalePolygon(p, grow) {
  if (p.length === 0) return { k: 'fixed', v: p };
  const c = centroid(p[0]);
  return { k: 'list', items: p.map((r) => ({ k: 'scale', ps: r, c, grow })) };
}

function evalPlan(n, f) {
  switch (n.k) {
    case 'pt':
      return [roundCoord(n.a[0] + (n.b[0] - n.a[0]) * f), roundCoord(n.a[1] + (n.b[1] - n.a[1]) * f)];
    case 'line': {
      const out = new Array(n.a.length);
      for (let i = 0; i < out.length; i++) {
        const p = n.a[i], q = n.b[i];
        out[i] = [roundCoord(p[0] + (q[0] - p[0]) * f), roundCoord(p[1] + (q[1] - p[1]) * f)];
      }
      return out;
    }
    case 'scale': {
      const s = n.grow ? f : 1 - f, c = n.c;
      return n.ps.map((p) => [roundCoord(c[0] + (p[0] - c[0]) * s), roundCoord(c[1] + (p[1] - c[1]) * s)]);
    }
    case 'fixed':
      return roundDeep(n.v);
    default:
      return n.items.map((m) => evalPlan(m, f));
  }
}

function asMulti(g) {
  switch (g.type) {
    case 'Point': case 'LineString': case 'Polygon': return [g.coordinates];
    default: return g.coordinates;
  }
}

function roundDeep(c) {
  if (typeof c[0] === 'number') return [roundCoord(c[0]), roundCoord(c[1])];
  return c.map(roundDeep);
}

/** Plans the motion from geometry a to geometry b; null when they are not
 * compatible. tween.at(f) is the geometry a fraction f (0..1) of the way. */
export function makeTween(a, b) {
  if (!compatible(a, b)) return null;
  let type, root;
  if (a.type === b.type && a.type === 'Point') { type = 'Point'; root = planPoint(a.coordinates, b.coordinates); }
  else if (a.type === b.type && a.type === 'LineString') { type = 'LineString'; root = planLine(a.coordinates, b.coordinates); }
  else if (a.type === b.type && a.type === 'Polygon') { type = 'Polygon'; root = planPolygon(a.coordinates, b.coordinates); }
  else {
    const ma = asMulti(a), mb = asMulti(b);
    switch (KIND[a.type]) {
      case 1: type = 'MultiPoint'; root = { k: 'list', items: planMulti(ma, mb, planPoint, scalePoint) }; break;
      case 2: type = 'MultiLineString'; root = { k: 'list', items: planMulti(ma, mb, planLine, scaleLine) }; break;
      default: type = 'MultiPolygon'; root = { k: 'list', items: planMulti(ma, mb, planPolygon, scalePolygon) };
    }
  }
  return { type, at: (f) => ({ type, coordinates: evalPlan(root, f) }) };
}

/** The geometry a fraction f (0..1) of the way from a to b, or null when
 * a and b are not compatible. */
export function lerpGeometry(a, b, f) {
  const tw = makeTween(a, b);
  return tw ? tw.at(f) : null;
}

/** Moves every numeric property present in both a and b linearly by f; a
 * value whole at both ends stays whole. Other properties are a's. Returns
 * a itself when nothing moves. */
export function lerpProps(a, b, f) {
  let out = null;
  for (const key of Object.keys(a)) {
    const x = a[key], y = b ? b[key] : undefined;
    if (typeof x !== 'number' || typeof y !== 'number' || x === y) continue;
    if (!out) out = { ...a };
    let v = x + (y - x) * f;
    if (Number.isInteger(x) && Number.isInteger(y)) v = roundHalfAway(v);
    out[key] = v;
  }
  return out || a;
}

/**
 * The state of keyframe k at instant t (ms), which must lie in k's validity.
 * k and next are parsed keyframes: {id, from, to (ms or null), linear,
 * feature (GeoJSON)}. For a linear keyframe whose track continues with next
 * exactly when k ends, geometry and numeric properties are moved linearly
 * towards next; otherwise k's own feature is returned. tweens, optional, is a
 * cache (a Map or an LRU) of planned tweens keyed by the two keyframe ids.
 */
export function stateAt(k, next, t, tweens) {
  if (!k.linear || !next || k.to === null || next.from !== k.to || !(t > k.from)) return k.feature;
  const f = (t - k.from) / (k.to - k.from);
  let tw;
  if (tweens) {
    const key = `${k.id}\u0000${next.id}`;
    tw = tweens.get(key);
    if (tw === undefined) { tw = makeTween(k.feature.geometry, next.feature.geometry); tweens.set(key, tw); }
  } else {
    tw = makeTween(k.feature.geometry, next.feature.geometry);
  }
  const g = tw ? tw.at(f) : null;
  return {
    type: 'Feature',
    id: k.feature.id,
    geometry: g || k.feature.geometry,
    properties: lerpProps(k.feature.properties, next.feature.properties, f),
  };
}
