package topo

import (
	"fmt"
	"math"
	"sort"

	"github.com/paulmach/orb"
)

// contact classifies how two segments meet.
type contact int

const (
	noContact   contact = iota
	endToEnd            // they share one point that is an endpoint of both
	endOnInside         // an endpoint of one lies inside the other
	crossing            // they cross at a point inside both
	overlap             // collinear, sharing more than one point
)

func orient(a, b, c orb.Point) float64 {
	return (b[0]-a[0])*(c[1]-a[1]) - (b[1]-a[1])*(c[0]-a[0])
}

func onSegment(a, b, p orb.Point) bool {
	return math.Min(a[0], b[0]) <= p[0] && p[0] <= math.Max(a[0], b[0]) &&
		math.Min(a[1], b[1]) <= p[1] && p[1] <= math.Max(a[1], b[1])
}

func classify(p1, p2, q1, q2 orb.Point) contact {
	d1 := orient(q1, q2, p1)
	d2 := orient(q1, q2, p2)
	d3 := orient(p1, p2, q1)
	d4 := orient(p1, p2, q2)
	if d1 == 0 && d2 == 0 && d3 == 0 && d4 == 0 {
		// Collinear: count shared points.
		shared := 0
		for _, p := range []orb.Point{p1, p2} {
			if onSegment(q1, q2, p) {
				shared++
			}
		}
		for _, q := range []orb.Point{q1, q2} {
			if onSegment(p1, p2, q) && q != p1 && q != p2 {
				shared++
			}
		}
		switch {
		case shared == 0:
			return noContact
		case shared == 1 && (p1 == q1 || p1 == q2 || p2 == q1 || p2 == q2):
			return endToEnd
		case shared == 1:
			return endOnInside
		default:
			return overlap
		}
	}
	if ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)) {
		return crossing
	}
	if (p1 == q1 || p1 == q2 || p2 == q1 || p2 == q2) && d1*d2 >= 0 && d3*d4 >= 0 {
		return endToEnd
	}
	if (d1 == 0 && onSegment(q1, q2, p1)) || (d2 == 0 && onSegment(q1, q2, p2)) ||
		(d3 == 0 && onSegment(p1, p2, q1)) || (d4 == 0 && onSegment(p1, p2, q2)) {
		return endOnInside
	}
	return noContact
}

// segment is one edge of a ring or arc, with the identity of its owner.
type segment struct {
	a, b  orb.Point
	owner int // ring or arc number
	idx   int // position in its owner
	n     int // number of segments in its owner
	ring  bool
}

func (s segment) adjacent(t segment) bool {
	if s.owner != t.owner {
		return false
	}
	d := s.idx - t.idx
	if d == 1 || d == -1 {
		return true
	}
	// A closed ring's first and last segments meet too.
	return s.ring && s.n > 2 && (d == s.n-1 || d == 1-s.n)
}

// conflicts sweeps the segments and calls bad for every pair whose contact is not allowed.
func conflicts(segs []segment, allowed func(s, t segment, c contact) bool, bad func(s, t segment, c contact) bool) {
	sort.Slice(segs, func(i, j int) bool {
		return math.Min(segs[i].a[0], segs[i].b[0]) < math.Min(segs[j].a[0], segs[j].b[0])
	})
	for i := range segs {
		s := segs[i]
		sMaxX := math.Max(s.a[0], s.b[0])
		sMinY, sMaxY := math.Min(s.a[1], s.b[1]), math.Max(s.a[1], s.b[1])
		for j := i + 1; j < len(segs); j++ {
			t := segs[j]
			if math.Min(t.a[0], t.b[0]) > sMaxX {
				break
			}
			if math.Max(t.a[1], t.b[1]) < sMinY || math.Min(t.a[1], t.b[1]) > sMaxY {
				continue
			}
			c := classify(s.a, s.b, t.a, t.b)
			if c == noContact || allowed(s, t, c) {
				continue
			}
			if !bad(s, t, c) {
				return
			}
		}
	}
}

// Validate checks a multipolygon against RFC 7946 and simple-features rules that matter for drawing and
// interpolating it: every ring closed with at least four points, exteriors counter-clockwise, holes clockwise,
// and no edge crossing or overlapping another edge, nor a ring touching itself. Separate rings may touch at a point.
func Validate(mp orb.MultiPolygon) error {
	var segs []segment
	owner := 0
	for pi, p := range mp {
		if len(p) == 0 {
			return fmt.Errorf("polygon %d: no rings", pi)
		}
		for ri, r := range p {
			if len(r) < 4 {
				return fmt.Errorf("polygon %d ring %d: %d points, need at least 4", pi, ri, len(r))
			}
			if r[0] != r[len(r)-1] {
				return fmt.Errorf("polygon %d ring %d: not closed", pi, ri)
			}
			a := SignedArea(r)
			if ri == 0 && a <= 0 {
				return fmt.Errorf("polygon %d: exterior ring is not counter-clockwise", pi)
			}
			if ri > 0 && a >= 0 {
				return fmt.Errorf("polygon %d ring %d: hole is not clockwise", pi, ri)
			}
			n := len(r) - 1
			for i := 0; i < n; i++ {
				if r[i] == r[i+1] {
					return fmt.Errorf("polygon %d ring %d: repeated point %v", pi, ri, r[i])
				}
				segs = append(segs, segment{a: r[i], b: r[i+1], owner: owner, idx: i, n: n, ring: true})
			}
			owner++
		}
	}
	var err error
	conflicts(segs, func(s, t segment, c contact) bool {
		switch c {
		case endToEnd:
			return s.adjacent(t) || s.owner != t.owner
		case endOnInside:
			return s.owner != t.owner
		}
		return false
	}, func(s, t segment, c contact) bool {
		what := map[contact]string{endToEnd: "touches itself", endOnInside: "touches itself", crossing: "crosses", overlap: "overlaps"}[c]
		err = fmt.Errorf("edge %v–%v %s edge %v–%v", s.a, s.b, what, t.a, t.b)
		return false
	})
	return err
}
