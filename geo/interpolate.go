package geo

import (
	"math"
	"time"

	"github.com/paulmach/orb"
)

// coordScale rounds interpolated coordinates to 1e-6 degree (about
// 0.1 m), so that the same instant always yields the same bytes.
const coordScale = 1e6

// At returns the state of keyframe k at instant t, which must lie in k's
// validity. For a linear keyframe whose track continues with next
// exactly when k ends, geometry and numeric properties are moved
// linearly towards next; otherwise k is returned as it is.
func At(k, next *Feature, t time.Time) Feature {
	out := *k
	if k.Interp != Linear || next == nil || k.OpenEnded() || !next.From.Equal(k.To) || !t.After(k.From) {
		return out
	}
	f := float64(t.Sub(k.From)) / float64(k.To.Sub(k.From))
	if g, ok := Lerp(k.Geometry, next.Geometry, f); ok {
		out.Geometry = g
		out.Bound = g.Bound()
	}
	out.Props = LerpProps(k.Props, next.Props, f)
	return out
}

// LerpProps moves every numeric property present in both a and b
// linearly from a to b by fraction f. A value that is a whole number at
// both ends stays whole (rounded). Other properties are a's.
func LerpProps(a, b map[string]any, f float64) map[string]any {
	var out map[string]any
	for key, av := range a {
		x, ok := av.(float64)
		if !ok {
			continue
		}
		y, ok := b[key].(float64)
		if !ok || x == y {
			continue
		}
		if out == nil {
			out = make(map[string]any, len(a))
			for k, v := range a {
				out[k] = v
			}
		}
		v := x + (y-x)*f
		if x == math.Trunc(x) && y == math.Trunc(y) {
			v = math.Round(v)
		}
		out[key] = v
	}
	if out == nil {
		return a
	}
	return out
}

// Compatible reports whether Lerp is defined between a and b: points
// with points, lines with lines, polygons with polygons, single or multi.
func Compatible(a, b orb.Geometry) bool {
	if a == nil || b == nil {
		return false
	}
	return a.Dimensions() == b.Dimensions() && kindOf(a) != 0 && kindOf(a) == kindOf(b)
}

// kindOf groups geometry types by what Lerp can pair: 1 points, 2 lines,
// 3 polygons, 0 anything else (collections, bounds).
func kindOf(g orb.Geometry) int {
	switch g.(type) {
	case orb.Point, orb.MultiPoint:
		return 1
	case orb.LineString, orb.MultiLineString:
		return 2
	case orb.Polygon, orb.MultiPolygon:
		return 3
	}
	return 0
}

// Lerp returns the geometry a fraction f (0..1) of the way from a to b.
//
// Points move straight. Lines and polygon rings are resampled by arc
// length to a common vertex count (the larger of the two) and their
// vertices moved pairwise; ring starts are aligned first so that rings
// do not twist. A single geometry meeting a multi one is treated as a
// multi of one. Parts present on one side only (extra polygons, lines,
// points or holes) grow from, or shrink to, their own centroid. The
// result is rounded to 1e-6 degree. ok is false when a and b are not
// Compatible.
func Lerp(a, b orb.Geometry, f float64) (g orb.Geometry, ok bool) {
	if !Compatible(a, b) {
		return nil, false
	}
	switch av := a.(type) {
	case orb.Point:
		if bv, ok := b.(orb.Point); ok {
			return orb.Round(lerpPoint(av, bv, f), coordScale), true
		}
	case orb.LineString:
		if bv, ok := b.(orb.LineString); ok {
			return orb.Round(lerpLine(av, bv, f), coordScale), true
		}
	case orb.Polygon:
		if bv, ok := b.(orb.Polygon); ok {
			return orb.Round(lerpPolygon(av, bv, f), coordScale), true
		}
	}
	switch kindOf(a) {
	case 1:
		return orb.Round(orb.MultiPoint(lerpMulti(toMultiPoint(a), toMultiPoint(b), f, lerpPoint, scalePoint)), coordScale), true
	case 2:
		return orb.Round(orb.MultiLineString(lerpMulti(toMultiLine(a), toMultiLine(b), f, lerpLine, scaleLine)), coordScale), true
	default:
		return orb.Round(orb.MultiPolygon(lerpMulti(toMultiPolygon(a), toMultiPolygon(b), f, lerpPolygon, scalePolygon)), coordScale), true
	}
}

func lerpPoint(a, b orb.Point, f float64) orb.Point {
	return orb.Point{a[0] + (b[0]-a[0])*f, a[1] + (b[1]-a[1])*f}
}

func lerpLine(a, b orb.LineString, f float64) orb.LineString {
	n := max(len(a), len(b))
	ra, rb := Resample(a, n), Resample(b, n)
	out := make(orb.LineString, n)
	for i := range out {
		out[i] = lerpPoint(ra[i], rb[i], f)
	}
	return out
}

func lerpRing(a, b orb.Ring, f float64) orb.Ring {
	if len(a) < 2 || len(b) < 2 {
		return a.Clone() // Lerp rounds in place: never hand back the input
	}
	b = alignRing(b, a[0])
	return orb.Ring(lerpLine(orb.LineString(a), orb.LineString(b), f))
}

func lerpPolygon(a, b orb.Polygon, f float64) orb.Polygon {
	if len(a) == 0 || len(b) == 0 {
		return a.Clone() // Lerp rounds in place: never hand back the input
	}
	out := orb.Polygon{lerpRing(a[0], b[0], f)}
	out = append(out, lerpMulti(a[1:], b[1:], f, lerpRing, scaleRing)...)
	return out
}

// lerpMulti pairs parts by index; unpaired parts of a shrink to their
// centroid and unpaired parts of b grow from theirs.
func lerpMulti[T any](a, b []T, f float64, lerp func(T, T, float64) T, scale func(T, float64) T) []T {
	out := make([]T, 0, max(len(a), len(b)))
	for i := 0; i < max(len(a), len(b)); i++ {
		switch {
		case i < len(a) && i < len(b):
			out = append(out, lerp(a[i], b[i], f))
		case i < len(a):
			out = append(out, scale(a[i], 1-f))
		default:
			out = append(out, scale(b[i], f))
		}
	}
	return out
}

func scalePoint(p orb.Point, _ float64) orb.Point { return p }

func scaleAbout(ps []orb.Point, c orb.Point, s float64) []orb.Point {
	out := make([]orb.Point, len(ps))
	for i, p := range ps {
		out[i] = orb.Point{c[0] + (p[0]-c[0])*s, c[1] + (p[1]-c[1])*s}
	}
	return out
}

func scaleLine(l orb.LineString, s float64) orb.LineString {
	return orb.LineString(scaleAbout(l, centroid(l), s))
}

func scaleRing(r orb.Ring, s float64) orb.Ring {
	return orb.Ring(scaleAbout(r, centroid(r), s))
}

func scalePolygon(p orb.Polygon, s float64) orb.Polygon {
	if len(p) == 0 {
		return p
	}
	c := centroid(p[0])
	out := make(orb.Polygon, len(p))
	for i, r := range p {
		out[i] = orb.Ring(scaleAbout(r, c, s))
	}
	return out
}

// centroid is the mean of the vertices: cheap, deterministic and inside
// the convex hull, which is all that growing a part from a point needs.
func centroid(ps []orb.Point) orb.Point {
	var c orb.Point
	if len(ps) == 0 {
		return c
	}
	for _, p := range ps {
		c[0] += p[0]
		c[1] += p[1]
	}
	return orb.Point{c[0] / float64(len(ps)), c[1] / float64(len(ps))}
}

// alignRing rotates a closed ring so that it starts at the vertex nearest
// to p. The shape is unchanged.
func alignRing(r orb.Ring, p orb.Point) orb.Ring {
	open := r
	if len(r) > 1 && r[0] == r[len(r)-1] {
		open = r[:len(r)-1]
	}
	best, bestD := 0, math.Inf(1)
	for i, q := range open {
		dx, dy := q[0]-p[0], q[1]-p[1]
		if d := dx*dx + dy*dy; d < bestD {
			best, bestD = i, d
		}
	}
	if best == 0 {
		return r
	}
	out := make(orb.Ring, 0, len(open)+1)
	out = append(out, open[best:]...)
	out = append(out, open[:best]...)
	return append(out, out[0])
}

// Resample returns n points spaced evenly by arc length along l (planar,
// in degrees), keeping both ends. n must be at least 2 for a line of two
// or more points; a line of one point is repeated.
func Resample(l orb.LineString, n int) orb.LineString {
	out := make(orb.LineString, n)
	if len(l) == 0 || n == 0 {
		return out[:0]
	}
	if len(l) == 1 || n == 1 {
		for i := range out {
			out[i] = l[0]
		}
		return out
	}
	cum := make([]float64, len(l))
	for i := 1; i < len(l); i++ {
		dx, dy := l[i][0]-l[i-1][0], l[i][1]-l[i-1][1]
		cum[i] = cum[i-1] + math.Hypot(dx, dy)
	}
	total := cum[len(cum)-1]
	seg := 1
	for i := range out {
		target := total * float64(i) / float64(n-1)
		for seg < len(l)-1 && cum[seg] < target {
			seg++
		}
		d := cum[seg] - cum[seg-1]
		if d == 0 {
			out[i] = l[seg]
			continue
		}
		out[i] = lerpPoint(l[seg-1], l[seg], (target-cum[seg-1])/d)
	}
	out[0], out[n-1] = l[0], l[len(l)-1]
	return out
}

func toMultiPoint(g orb.Geometry) orb.MultiPoint {
	if p, ok := g.(orb.Point); ok {
		return orb.MultiPoint{p}
	}
	return g.(orb.MultiPoint)
}

func toMultiLine(g orb.Geometry) orb.MultiLineString {
	if l, ok := g.(orb.LineString); ok {
		return orb.MultiLineString{l}
	}
	return g.(orb.MultiLineString)
}

func toMultiPolygon(g orb.Geometry) orb.MultiPolygon {
	if p, ok := g.(orb.Polygon); ok {
		return orb.MultiPolygon{p}
	}
	return g.(orb.MultiPolygon)
}
