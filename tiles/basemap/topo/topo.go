// Package topo holds the small polygon toolkit used to build the offline basemap and the dataset's polygon layers:
// topology-preserving simplification (shared boundaries are simplified once, so neighbours stay gap-free),
// dissolving polygons that share boundaries vertex for vertex, splitting a polygon along a polyline, rounding,
// ring orientation and validity checks (closed rings, counter-clockwise exteriors, no self-intersections).
//
// It works in planar lon/lat degrees, which is adequate at the scale of one country. It is not a general
// polygon-clipping library: Dissolve relies on the inputs sharing their common boundaries exactly, which is
// what Simplify and Round produce.
package topo

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// Orient returns the polygon with its exterior ring counter-clockwise and its holes clockwise (RFC 7946),
// every ring closed and free of consecutive duplicate points. Rings with fewer than three distinct points are dropped;
// a polygon whose exterior is dropped is returned as nil.
func Orient(p orb.Polygon) orb.Polygon {
	var out orb.Polygon
	for i, r := range p {
		r = cleanRing(r)
		if r == nil {
			if i == 0 {
				return nil
			}
			continue
		}
		a := SignedArea(r)
		if (i == 0 && a < 0) || (i > 0 && a > 0) {
			r = reversed(r)
		}
		out = append(out, r)
	}
	return out
}

// OrientMulti applies Orient to every polygon and drops the empty ones.
func OrientMulti(mp orb.MultiPolygon) orb.MultiPolygon {
	var out orb.MultiPolygon
	for _, p := range mp {
		if p = Orient(p); p != nil {
			out = append(out, p)
		}
	}
	return out
}

// cleanRing closes the ring and removes consecutive duplicates; it returns nil for a degenerate ring.
func cleanRing(r orb.Ring) orb.Ring {
	out := make(orb.Ring, 0, len(r)+1)
	for _, pt := range r {
		if len(out) > 0 && out[len(out)-1] == pt {
			continue
		}
		out = append(out, pt)
	}
	for len(out) > 1 && out[0] == out[len(out)-1] {
		out = out[:len(out)-1]
	}
	if len(out) < 3 || SignedArea(append(out, out[0])) == 0 {
		return nil
	}
	return append(out, out[0])
}

func reversed(r orb.Ring) orb.Ring {
	out := make(orb.Ring, len(r))
	for i, pt := range r {
		out[len(r)-1-i] = pt
	}
	return out
}

// SignedArea is the shoelace area of a closed ring: positive when counter-clockwise.
func SignedArea(r orb.Ring) float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return s / 2
}

// Round rounds every coordinate to the given number of decimals, then re-cleans and re-orients the rings.
func Round(mp orb.MultiPolygon, decimals int) orb.MultiPolygon {
	f := math.Pow10(decimals)
	out := make(orb.MultiPolygon, 0, len(mp))
	for _, p := range mp {
		np := make(orb.Polygon, 0, len(p))
		for _, r := range p {
			nr := make(orb.Ring, len(r))
			for i, pt := range r {
				nr[i] = RoundPoint(pt, f)
			}
			np = append(np, nr)
		}
		out = append(out, np)
	}
	return OrientMulti(out)
}

// RoundPoint rounds a point to a multiple of 1/f.
func RoundPoint(pt orb.Point, f float64) orb.Point {
	return orb.Point{math.Round(pt[0]*f) / f, math.Round(pt[1]*f) / f}
}

// VertexCount counts the vertices of a multipolygon, closing points included.
func VertexCount(mp orb.MultiPolygon) int {
	n := 0
	for _, p := range mp {
		for _, r := range p {
			n += len(r)
		}
	}
	return n
}

// Dissolve returns the union of polygons that share their common boundaries exactly, vertex for vertex:
// every directed edge that is matched by its reverse in another ring is an inner boundary and is dropped,
// the rest is chained back into rings. Exteriors come out counter-clockwise, holes clockwise.
func Dissolve(polys []orb.MultiPolygon) (orb.MultiPolygon, error) {
	var rings []orb.Ring
	for _, mp := range polys {
		for _, p := range OrientMulti(mp) {
			rings = append(rings, p...)
		}
	}
	// An edge present twice in the same direction belongs to overlapping input (e.g. a duplicated island):
	// keep one copy.
	return dissolveRings(rings, true)
}

// dissolveRings cancels directed edges against their reverses and chains what is left into rings.
func dissolveRings(rings []orb.Ring, oneCopy bool) (orb.MultiPolygon, error) {
	type edge struct{ a, b orb.Point }
	count := map[edge]int{}
	for _, r := range rings {
		for i := 0; i+1 < len(r); i++ {
			if r[i] == r[i+1] {
				continue
			}
			e := edge{r[i], r[i+1]}
			rev := edge{r[i+1], r[i]}
			if count[rev] > 0 {
				count[rev]--
				continue
			}
			if !oneCopy || count[e] == 0 {
				count[e]++
			}
		}
	}
	out := map[orb.Point][]orb.Point{}
	n := 0
	for e, c := range count {
		for ; c > 0; c-- {
			out[e.a] = append(out[e.a], e.b)
			n++
		}
	}
	// Deterministic order.
	starts := make([]orb.Point, 0, len(out))
	for a, bs := range out {
		starts = append(starts, a)
		sort.Slice(bs, func(i, j int) bool { return less(bs[i], bs[j]) })
	}
	sort.Slice(starts, func(i, j int) bool { return less(starts[i], starts[j]) })

	var out2 []orb.Ring
	for _, s := range starts {
		for len(out[s]) > 0 {
			ring := orb.Ring{s}
			prev, cur := s, takeFirst(out, s)
			for cur != s {
				ring = append(ring, cur)
				nxt := takeNextAfter(out, prev, cur)
				if nxt == nil {
					return nil, fmt.Errorf("dissolve: open chain at %v (boundaries do not match exactly)", cur)
				}
				prev, cur = cur, *nxt
			}
			ring = append(ring, s)
			if r := cleanRing(ring); r != nil {
				out2 = append(out2, r)
			}
		}
	}
	return assemble(out2), nil
}

func takeFirst(out map[orb.Point][]orb.Point, a orb.Point) orb.Point {
	bs := out[a]
	b := bs[0]
	out[a] = bs[1:]
	return b
}

// takeNextAfter picks, at vertex cur reached from prev, the outgoing edge that turns most to the left, so that
// rings touching at a vertex come out as separate rings.
func takeNextAfter(out map[orb.Point][]orb.Point, prev, cur orb.Point) *orb.Point {
	bs := out[cur]
	if len(bs) == 0 {
		return nil
	}
	best := 0
	if len(bs) > 1 {
		in := math.Atan2(prev[1]-cur[1], prev[0]-cur[0])
		bestAng := math.Inf(-1)
		for i, b := range bs {
			a := math.Atan2(b[1]-cur[1], b[0]-cur[0]) - in
			for a <= 0 {
				a += 2 * math.Pi
			}
			for a > 2*math.Pi {
				a -= 2 * math.Pi
			}
			// a is measured counter-clockwise from the way back; the largest is the leftmost turn.
			if a > bestAng {
				bestAng, best = a, i
			}
		}
	}
	b := bs[best]
	out[cur] = append(bs[:best:best], bs[best+1:]...)
	return &b
}

// assemble groups counter-clockwise rings (exteriors) with the clockwise rings (holes) they contain.
func assemble(rings []orb.Ring) orb.MultiPolygon {
	var outers []orb.Ring
	var holes []orb.Ring
	for _, r := range rings {
		if SignedArea(r) > 0 {
			outers = append(outers, r)
		} else {
			holes = append(holes, r)
		}
	}
	sort.SliceStable(outers, func(i, j int) bool { return SignedArea(outers[i]) > SignedArea(outers[j]) })
	mp := make(orb.MultiPolygon, len(outers))
	for i, o := range outers {
		mp[i] = orb.Polygon{o}
	}
	for _, h := range holes {
		best, bestArea := -1, math.Inf(1)
		probe := interiorProbe(h)
		for i, o := range outers {
			if a := SignedArea(o); a < bestArea && ringContains(o, probe) {
				best, bestArea = i, a
			}
		}
		if best >= 0 {
			mp[best] = append(mp[best], h)
		}
	}
	return mp
}

// interiorProbe returns a point just inside the area a hole ring bounds (to the right of its first edge, the
// hole being clockwise), which lies in the hole and therefore inside the ring that contains the hole.
func interiorProbe(r orb.Ring) orb.Point {
	a, b := r[0], r[1]
	m := orb.Point{(a[0] + b[0]) / 2, (a[1] + b[1]) / 2}
	dx, dy := b[0]-a[0], b[1]-a[1]
	l := math.Hypot(dx, dy)
	if l == 0 {
		return m
	}
	eps := math.Min(l*1e-3, 1e-7)
	// Right-hand normal of the edge; a clockwise ring has its interior on the right.
	return orb.Point{m[0] + dy/l*eps, m[1] - dx/l*eps}
}

func ringContains(r orb.Ring, p orb.Point) bool {
	in := false
	for i, j := 0, len(r)-1; i < len(r); j, i = i, i+1 {
		a, b := r[i], r[j]
		if (a[1] > p[1]) != (b[1] > p[1]) && p[0] < (b[0]-a[0])*(p[1]-a[1])/(b[1]-a[1])+a[0] {
			in = !in
		}
	}
	return in
}

// Contains reports whether the point lies inside the multipolygon (holes excluded).
func Contains(mp orb.MultiPolygon, p orb.Point) bool {
	for _, poly := range mp {
		if len(poly) == 0 || !ringContains(poly[0], p) {
			continue
		}
		inHole := false
		for _, h := range poly[1:] {
			if ringContains(h, p) {
				inHole = true
				break
			}
		}
		if !inHole {
			return true
		}
	}
	return false
}

func less(a, b orb.Point) bool {
	if a[0] != b[0] {
		return a[0] < b[0]
	}
	return a[1] < b[1]
}
