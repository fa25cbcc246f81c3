package tiles

import (
	"math"

	"github.com/paulmach/orb"
)

// Clipping a polygon edge by edge (as orb's clip does) is exact in area
// but leaves what no source has where the polygon runs outside the clip
// box: edges that run along the box to a corner and straight back, zero
// wide. Renderers draw them as slivers, and they count as vertices. The
// functions here snap polygons to the integer grid of the tile, then
// remove repeated points and every vertex where the ring turns back on
// itself; rings left with no area go. Rings are then wound as the MVT
// specification (4.3.4.4) asks, whatever their direction in the source:
// in tile coordinates (y down) an exterior ring has a positive area by
// the surveyor's formula, an interior ring a negative one. Clients that
// tell polygons apart by that sign (QGIS) otherwise drop exteriors and
// fill holes.

// cleanGeometry returns g with its polygons cleaned and wound, or nil
// when nothing is left of them; other geometries are returned as they
// are.
func cleanGeometry(g orb.Geometry) orb.Geometry {
	switch v := g.(type) {
	case orb.Polygon:
		if p := cleanPolygon(v); p != nil {
			return p
		}
		return nil
	case orb.MultiPolygon:
		var out orb.MultiPolygon
		for _, p := range v {
			if c := cleanPolygon(p); c != nil {
				out = append(out, c)
			}
		}
		if len(out) == 0 {
			return nil
		}
		return out
	}
	return g
}

// cleanPolygon cleans and winds every ring; nil when the outer ring is
// gone.
func cleanPolygon(p orb.Polygon) orb.Polygon {
	var out orb.Polygon
	for i, r := range p {
		c := cleanRing(r)
		if c == nil {
			if i == 0 {
				return nil
			}
			continue
		}
		want := orb.CW // a hole; orb's CCW is a positive area by the surveyor's formula
		if len(out) == 0 {
			want = orb.CCW
		}
		if c.Orientation() != want {
			c.Reverse()
		}
		out = append(out, c)
	}
	return out
}

// cleanRing snaps r to whole units (as projection does) and removes
// repeated points and spikes; nil when fewer than three points or no
// area are left. The ring keeps its direction.
func cleanRing(r orb.Ring) orb.Ring {
	out := make([]orb.Point, 0, len(r))
	for _, p := range r {
		q := orb.Point{math.Floor(p[0]), math.Floor(p[1])}
		if n := len(out); n > 0 && out[n-1] == q {
			continue
		}
		out = append(out, q)
		// Going back on the last edge makes its end a spike; removing it
		// can make the one before a spike in turn.
		for n := len(out); n >= 3 && turnsBack(out[n-3], out[n-2], out[n-1]); n = len(out) {
			out = append(out[:n-2], out[n-1])
			if n := len(out); out[n-2] == out[n-1] {
				out = out[:n-1]
			}
		}
	}
	if n := len(out); n > 1 && out[0] == out[n-1] {
		out = out[:n-1]
	}
	// The same where the ring closes.
	for changed := true; changed && len(out) >= 3; {
		n := len(out)
		switch {
		case out[0] == out[n-1]:
			out = out[:n-1]
		case turnsBack(out[n-2], out[n-1], out[0]):
			out = out[:n-1]
		case turnsBack(out[n-1], out[0], out[1]):
			out = out[1:]
		default:
			changed = false
		}
	}
	if len(out) < 3 {
		return nil
	}
	ring := append(orb.Ring(out), out[0])
	if ringArea(ring) == 0 {
		return nil
	}
	return ring
}

// turnsBack reports whether the path a → b → c goes back along itself at
// b: the two edges are on one line and point opposite ways.
func turnsBack(a, b, c orb.Point) bool {
	ux, uy := b[0]-a[0], b[1]-a[1]
	vx, vy := c[0]-b[0], c[1]-b[1]
	return ux*vy-uy*vx == 0 && ux*vx+uy*vy < 0
}

// ringArea is twice the signed area of a closed ring.
func ringArea(r orb.Ring) float64 {
	var s float64
	for i := 0; i+1 < len(r); i++ {
		s += r[i][0]*r[i+1][1] - r[i+1][0]*r[i][1]
	}
	return s
}
