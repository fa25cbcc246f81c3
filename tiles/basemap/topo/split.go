package topo

import (
	"fmt"
	"math"

	"github.com/paulmach/orb"
)

// Split cuts a polygon in two along a polyline that starts and ends outside it and crosses its exterior ring
// exactly twice. Each crossing is snapped to the nearer end of the ring edge it crosses, so the pieces add no
// vertex to the ring (neighbours that share the ring's edges can still be dissolved with the pieces). It returns
// the piece on the left of the line's direction and the piece on its right. Holes go to the piece that contains them;
// the line must not cross a hole.
func Split(p orb.Polygon, line orb.LineString) (left, right orb.Polygon, err error) {
	p = Orient(p)
	if p == nil {
		return nil, nil, fmt.Errorf("split: empty polygon")
	}
	ext := p[0]
	n := len(ext) - 1
	type hit struct {
		t    float64 // position along the line: segment index + fraction
		ring int     // snapped ring vertex
	}
	var hits []hit
	for li := 0; li+1 < len(line); li++ {
		a, b := line[li], line[li+1]
		for ri := 0; ri < n; ri++ {
			c, d := ext[ri], ext[ri+1]
			den := (b[0]-a[0])*(d[1]-c[1]) - (b[1]-a[1])*(d[0]-c[0])
			if den == 0 {
				continue
			}
			t := ((c[0]-a[0])*(d[1]-c[1]) - (c[1]-a[1])*(d[0]-c[0])) / den
			u := ((c[0]-a[0])*(b[1]-a[1]) - (c[1]-a[1])*(b[0]-a[0])) / den
			if t < 0 || t >= 1 || u < 0 || u >= 1 {
				continue
			}
			v := ri
			if u > 0.5 {
				v = (ri + 1) % n
			}
			hits = append(hits, hit{t: float64(li) + t, ring: v})
		}
	}
	if len(hits) != 2 {
		return nil, nil, fmt.Errorf("split: the line crosses the exterior ring %d times, want 2", len(hits))
	}
	if hits[0].t > hits[1].t {
		hits[0], hits[1] = hits[1], hits[0]
	}
	a, b := hits[0].ring, hits[1].ring
	if a == b {
		return nil, nil, fmt.Errorf("split: both crossings snap to the same vertex %v", ext[a])
	}
	// Line vertices strictly between the two crossings.
	var cut []orb.Point
	for li := int(math.Floor(hits[0].t)) + 1; float64(li) < hits[1].t && li < len(line); li++ {
		cut = append(cut, line[li])
	}
	walk := func(from, to int) []orb.Point {
		var pts []orb.Point
		for i := from; ; i = (i + 1) % n {
			pts = append(pts, ext[i])
			if i == to {
				return pts
			}
		}
	}
	// Ring counter-clockwise: going from b round to a, then along the cut forward, keeps the interior on the
	// left of the cut, i.e. this is the left piece.
	l := orb.Ring(walk(b, a))
	l = append(l, cut...)
	l = append(l, ext[b])
	r := orb.Ring(walk(a, b))
	for i := len(cut) - 1; i >= 0; i-- {
		r = append(r, cut[i])
	}
	r = append(r, ext[a])
	left, right = Orient(orb.Polygon{l}), Orient(orb.Polygon{r})
	if left == nil || right == nil {
		return nil, nil, fmt.Errorf("split: a piece is empty")
	}
	for _, h := range p[1:] {
		probe := interiorProbe(h)
		switch {
		case ringContains(left[0], probe):
			left = append(left, h)
		case ringContains(right[0], probe):
			right = append(right, h)
		default:
			return nil, nil, fmt.Errorf("split: the line crosses a hole")
		}
	}
	return left, right, nil
}
