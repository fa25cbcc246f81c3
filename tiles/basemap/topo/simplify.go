package topo

import (
	"math"

	"github.com/paulmach/orb"
)

// arc is a chain of ring vertices between two nodes (vertices where three or more edges meet), or a whole ring
// that has no node. Each arc is stored once, in a canonical direction, and simplified once.
type arc struct {
	pts    []orb.Point
	closed bool // a whole ring without nodes (pts closed)
	tol    float64
	simp   []orb.Point
}

type arcRef struct {
	id  int
	rev bool
}

// SimplifyStats reports what Simplify did.
type SimplifyStats struct {
	Arcs       int // distinct arcs
	Refined    int // arcs whose tolerance had to be lowered to avoid crossings
	Unresolved int // crossings left (present in the input itself)
}

// Simplify simplifies the polygons with Douglas–Peucker at tolerance tol (degrees) while keeping every boundary
// shared by two polygons identical on both sides, so that neighbours stay free of gaps and overlaps and
// Dissolve works on the result. Where the simplified arcs would cross, their tolerance is halved until they do
// not. The output has one multipolygon per input, in order; rings that collapse are dropped.
func Simplify(in []orb.MultiPolygon, tol float64) ([]orb.MultiPolygon, SimplifyStats) {
	var st SimplifyStats
	// Clean input and collect rings.
	polys := make([]orb.MultiPolygon, len(in))
	for i, mp := range in {
		polys[i] = OrientMulti(mp)
	}
	// Vertex graph: a vertex is a node when it does not have exactly two distinct neighbours.
	neigh := map[orb.Point][]orb.Point{}
	addN := func(a, b orb.Point) {
		for _, x := range neigh[a] {
			if x == b {
				return
			}
		}
		neigh[a] = append(neigh[a], b)
	}
	for _, mp := range polys {
		for _, p := range mp {
			for _, r := range p {
				for i := 0; i+1 < len(r); i++ {
					addN(r[i], r[i+1])
					addN(r[i+1], r[i])
				}
			}
		}
	}
	isNode := func(p orb.Point) bool { return len(neigh[p]) != 2 }

	var arcs []*arc
	index := map[[3]orb.Point]int{}
	lookup := func(pts []orb.Point, closed bool) arcRef {
		var key [3]orb.Point
		rev := false
		if closed {
			// Canonical: counter-clockwise, starting at the smallest point.
			ring := orb.Ring(pts)
			if SignedArea(ring) < 0 {
				ring = reversed(ring)
				rev = true
			}
			m := 0
			for i := range ring[:len(ring)-1] {
				if less(ring[i], ring[m]) {
					m = i
				}
			}
			rot := make([]orb.Point, 0, len(ring))
			rot = append(rot, ring[m:len(ring)-1]...)
			rot = append(rot, ring[:m+1]...)
			pts = rot
			key = [3]orb.Point{pts[0], pts[1], pts[0]}
		} else {
			n := len(pts)
			if less(pts[n-1], pts[0]) || (pts[n-1] == pts[0] && less(pts[n-2], pts[1])) {
				r := make([]orb.Point, n)
				for i := range pts {
					r[n-1-i] = pts[i]
				}
				pts, rev = r, true
			}
			key = [3]orb.Point{pts[0], pts[1], pts[n-1]}
		}
		if id, ok := index[key]; ok {
			return arcRef{id, rev}
		}
		arcs = append(arcs, &arc{pts: pts, closed: closed, tol: tol})
		index[key] = len(arcs) - 1
		return arcRef{len(arcs) - 1, rev}
	}

	// Each ring as a list of arc references; the original rotation does not matter.
	refs := make([][][][]arcRef, len(polys))
	for fi, mp := range polys {
		refs[fi] = make([][][]arcRef, len(mp))
		for pi, p := range mp {
			refs[fi][pi] = make([][]arcRef, len(p))
			for ri, r := range p {
				n := len(r) - 1
				start := -1
				for i := 0; i < n; i++ {
					if isNode(r[i]) {
						start = i
						break
					}
				}
				if start < 0 {
					refs[fi][pi][ri] = []arcRef{lookup(append([]orb.Point(nil), r...), true)}
					continue
				}
				cur := []orb.Point{r[start]}
				for k := 1; k <= n; k++ {
					pt := r[(start+k)%n]
					cur = append(cur, pt)
					if isNode(pt) {
						refs[fi][pi][ri] = append(refs[fi][pi][ri], lookup(cur, false))
						cur = []orb.Point{pt}
					}
				}
			}
		}
	}
	st.Arcs = len(arcs)

	for _, a := range arcs {
		a.simp = simplifyArc(a)
	}
	refined := map[int]bool{}
	for iter := 0; iter < 16; iter++ {
		var segs []segment
		for id, a := range arcs {
			for i := 0; i+1 < len(a.simp); i++ {
				segs = append(segs, segment{a: a.simp[i], b: a.simp[i+1], owner: id, idx: i, n: len(a.simp) - 1, ring: a.closed})
			}
		}
		bad := map[int]bool{}
		conflicts(segs, func(s, t segment, c contact) bool {
			return c == endToEnd && (s.owner != t.owner || s.adjacent(t))
		}, func(s, t segment, c contact) bool {
			bad[s.owner], bad[t.owner] = true, true
			return true
		})
		if len(bad) == 0 {
			st.Unresolved = 0
			break
		}
		st.Unresolved = len(bad)
		for id := range bad {
			a := arcs[id]
			if a.tol == 0 {
				continue
			}
			refined[id] = true
			a.tol /= 2
			if a.tol < tol/512 {
				a.tol = 0
			}
			a.simp = simplifyArc(a)
		}
	}
	st.Refined = len(refined)

	out := make([]orb.MultiPolygon, len(polys))
	for fi, mp := range polys {
		var res orb.MultiPolygon
		for pi := range mp {
			var np orb.Polygon
			for ri := range mp[pi] {
				var ring orb.Ring
				for _, ref := range refs[fi][pi][ri] {
					pts := arcs[ref.id].simp
					if ref.rev {
						for i := len(pts) - 1; i >= 0; i-- {
							ring = append(ring, pts[i])
						}
					} else {
						ring = append(ring, pts...)
					}
				}
				ring = cleanRing(ring)
				if ring == nil {
					if ri == 0 {
						np = nil
						break
					}
					continue
				}
				np = append(np, ring)
			}
			if np != nil {
				res = append(res, np)
			}
		}
		out[fi] = OrientMulti(res)
	}
	return out, st
}

func simplifyArc(a *arc) []orb.Point {
	if a.tol == 0 {
		return a.pts
	}
	if !a.closed {
		return DouglasPeucker(a.pts, a.tol)
	}
	// Closed ring: split at the start and the vertex farthest from it.
	far, fd := 0, -1.0
	for i, p := range a.pts {
		if d := math.Hypot(p[0]-a.pts[0][0], p[1]-a.pts[0][1]); d > fd {
			far, fd = i, d
		}
	}
	if far == 0 {
		return a.pts
	}
	h1 := DouglasPeucker(a.pts[:far+1], a.tol)
	h2 := DouglasPeucker(a.pts[far:], a.tol)
	return append(h1[:len(h1)-1:len(h1)-1], h2...)
}

// DouglasPeucker keeps the endpoints and every vertex farther than tol from the chord of its span.
func DouglasPeucker(pts []orb.Point, tol float64) []orb.Point {
	if len(pts) <= 2 {
		return pts
	}
	keep := make([]bool, len(pts))
	keep[0], keep[len(pts)-1] = true, true
	type span struct{ i, j int }
	stack := []span{{0, len(pts) - 1}}
	for len(stack) > 0 {
		s := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		best, bd := -1, tol
		for k := s.i + 1; k < s.j; k++ {
			if d := SegmentDistance(pts[s.i], pts[s.j], pts[k]); d > bd {
				best, bd = k, d
			}
		}
		if best >= 0 {
			keep[best] = true
			stack = append(stack, span{s.i, best}, span{best, s.j})
		}
	}
	out := make([]orb.Point, 0, len(pts)/4+2)
	for i, p := range pts {
		if keep[i] {
			out = append(out, p)
		}
	}
	return out
}

// SegmentDistance is the planar distance from p to the segment a–b.
func SegmentDistance(a, b, p orb.Point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	l2 := dx*dx + dy*dy
	if l2 == 0 {
		return math.Hypot(p[0]-a[0], p[1]-a[1])
	}
	t := ((p[0]-a[0])*dx + (p[1]-a[1])*dy) / l2
	t = math.Max(0, math.Min(1, t))
	return math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy)
}
