package topo

import (
	"fmt"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
)

// ClipBound clips a multipolygon to a box and returns a valid result. orb's clip (Sutherland–Hodgman) leaves
// zero-width bridges that run along the box edge and back where a concave polygon leaves and re-enters the box;
// here the edges along each side of the box are split at every vertex on that side, the bridges cancel as edges
// matched by their reverses, and the rest is chained into separate rings, as in Dissolve.
func ClipBound(mp orb.MultiPolygon, b orb.Bound) (orb.MultiPolygon, error) {
	c := clip.MultiPolygon(b, OrientMulti(mp.Clone())) // clip works in place
	// side returns the side of the box a point lies on: 0 left, 1 right, 2 bottom, 3 top, -1 none (first match).
	sides := func(p orb.Point) []int {
		var s []int
		if p[0] == b.Min[0] {
			s = append(s, 0)
		}
		if p[0] == b.Max[0] {
			s = append(s, 1)
		}
		if p[1] == b.Min[1] {
			s = append(s, 2)
		}
		if p[1] == b.Max[1] {
			s = append(s, 3)
		}
		return s
	}
	// along gives the coordinate that varies along a side.
	along := func(side int, p orb.Point) float64 {
		if side < 2 {
			return p[1]
		}
		return p[0]
	}
	var onSide [4][]orb.Point
	for _, p := range c {
		for _, r := range p {
			for _, pt := range r {
				for _, s := range sides(pt) {
					onSide[s] = append(onSide[s], pt)
				}
			}
		}
	}
	for s := range onSide {
		pts := onSide[s]
		sort.Slice(pts, func(i, j int) bool { return along(s, pts[i]) < along(s, pts[j]) })
	}
	common := func(a, b orb.Point) int {
		for _, s := range sides(a) {
			for _, t := range sides(b) {
				if s == t {
					return s
				}
			}
		}
		return -1
	}
	var rings []orb.Ring
	for _, p := range c {
		for _, r := range p {
			var nr orb.Ring
			for i := 0; i+1 < len(r); i++ {
				a, z := r[i], r[i+1]
				nr = append(nr, a)
				s := common(a, z)
				if s < 0 {
					continue
				}
				lo, hi := along(s, a), along(s, z)
				var mid []orb.Point
				for _, q := range onSide[s] {
					if v := along(s, q); v > minF(lo, hi) && v < maxF(lo, hi) {
						mid = append(mid, q)
					}
				}
				if lo > hi {
					for i, j := 0, len(mid)-1; i < j; i, j = i+1, j-1 {
						mid[i], mid[j] = mid[j], mid[i]
					}
				}
				for _, q := range mid {
					if len(nr) == 0 || nr[len(nr)-1] != q {
						nr = append(nr, q)
					}
				}
			}
			if len(r) > 0 {
				nr = append(nr, r[len(r)-1])
			}
			rings = append(rings, nr)
		}
	}
	out, err := dissolveRings(rings, false)
	if err != nil {
		return nil, fmt.Errorf("clip: %w", err)
	}
	return out, nil
}

func minF(a, b float64) float64 {
	if a < b {
		return a
	}
	return b
}

func maxF(a, b float64) float64 {
	if a > b {
		return a
	}
	return b
}
