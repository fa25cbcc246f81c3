package topo

import (
	"testing"

	"github.com/paulmach/orb"
)

func square(x0, y0, x1, y1 float64) orb.MultiPolygon {
	return orb.MultiPolygon{{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}}}}
}

func TestDissolveAdjacentSquares(t *testing.T) {
	got, err := Dissolve([]orb.MultiPolygon{square(0, 0, 1, 1), square(1, 0, 2, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0]) != 1 {
		t.Fatalf("got %v, want one ring", got)
	}
	if a := SignedArea(got[0][0]); a != 2 {
		t.Errorf("area %v, want 2", a)
	}
	if err := Validate(got); err != nil {
		t.Error(err)
	}
}

func TestDissolveKeepsHole(t *testing.T) {
	// A frame of four rectangles around a hole.
	parts := []orb.MultiPolygon{square(0, 0, 3, 1), square(0, 2, 3, 3), square(0, 1, 1, 2), square(2, 1, 3, 2)}
	// Make the vertical sides share vertices with the horizontal bars.
	parts[0] = orb.MultiPolygon{{{{0, 0}, {3, 0}, {3, 1}, {2, 1}, {1, 1}, {0, 1}, {0, 0}}}}
	parts[1] = orb.MultiPolygon{{{{0, 2}, {1, 2}, {2, 2}, {3, 2}, {3, 3}, {0, 3}, {0, 2}}}}
	got, err := Dissolve(parts)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[0]) != 2 {
		t.Fatalf("got %v, want one polygon with one hole", got)
	}
	if err := Validate(got); err != nil {
		t.Error(err)
	}
}

func TestValidateFindsCrossing(t *testing.T) {
	bow := orb.MultiPolygon{{{{0, 0}, {1, 1}, {1, 0}, {0, 1}, {0, 0}}}}
	if err := Validate(bow); err == nil {
		t.Error("bow tie accepted")
	}
	cw := orb.MultiPolygon{{{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}}}
	if err := Validate(cw); err == nil {
		t.Error("clockwise exterior accepted")
	}
}

func TestSplit(t *testing.T) {
	sq := orb.Polygon{{{0, 0}, {1, 0}, {2, 0}, {2, 2}, {1, 2}, {0, 2}, {0, 0}}}
	l, r, err := Split(sq, orb.LineString{{1, -1}, {1.2, 1}, {1, 3}})
	if err != nil {
		t.Fatal(err)
	}
	if !Contains(orb.MultiPolygon{l}, orb.Point{0.5, 1}) || !Contains(orb.MultiPolygon{r}, orb.Point{1.5, 1}) {
		t.Errorf("left %v right %v", l, r)
	}
	u, err := Dissolve([]orb.MultiPolygon{{l}, {r}})
	if err != nil || len(u) != 1 || SignedArea(u[0][0]) != 4 {
		t.Errorf("pieces do not dissolve back: %v %v", u, err)
	}
}

func TestSimplifyKeepsSharedBoundary(t *testing.T) {
	// Two squares sharing a wiggly boundary.
	wig := []orb.Point{{1, 0}, {1.001, 0.25}, {0.999, 0.5}, {1.001, 0.75}, {1, 1}}
	var a, b orb.Ring
	a = append(a, orb.Point{0, 0})
	a = append(a, wig...)
	a = append(a, orb.Point{0, 1}, orb.Point{0, 0})
	b = append(b, orb.Point{2, 0}, orb.Point{2, 1})
	for i := len(wig) - 1; i >= 0; i-- {
		b = append(b, wig[i])
	}
	b = append(b, orb.Point{2, 0})
	out, _ := Simplify([]orb.MultiPolygon{{{a}}, {{b}}}, 0.01)
	u, err := Dissolve(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(u) != 1 || len(u[0]) != 1 {
		t.Fatalf("dissolve after simplify: %v", u)
	}
	if n := VertexCount(out[0]); n != 5 {
		t.Errorf("left square has %d vertices after simplification, want 5", n)
	}
}

func TestDissolveSeparatesPinchedLobes(t *testing.T) {
	up := orb.MultiPolygon{{{{0, 0}, {1, 1}, {-1, 1}, {0, 0}}}}
	down := orb.MultiPolygon{{{{0, 0}, {-1, -1}, {1, -1}, {0, 0}}}}
	got, err := Dissolve([]orb.MultiPolygon{up, down})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("got %d polygons, want 2 touching ones", len(got))
	}
	if err := Validate(got); err != nil {
		t.Error(err)
	}
}

func TestClipBoundRemovesBridges(t *testing.T) {
	// A U shape whose two arms leave the box through its top edge.
	u := orb.MultiPolygon{{{{0, 0}, {3, 0}, {3, 3}, {2, 3}, {2, 1}, {1, 1}, {1, 3}, {0, 3}, {0, 0}}}}
	b := orb.Bound{Min: orb.Point{-1, -1}, Max: orb.Point{4, 2}}
	got, err := ClipBound(u, b)
	if err != nil {
		t.Fatal(err)
	}
	if err := Validate(got); err != nil {
		t.Errorf("%v: %v", got, err)
	}
	if len(got) != 1 || SignedArea(got[0][0]) != 5 {
		t.Errorf("got %v, want one polygon of area 5", got)
	}
	// Arms cut off: a box that only keeps the two arms gives two polygons.
	b = orb.Bound{Min: orb.Point{-1, 2}, Max: orb.Point{4, 4}}
	got, err = ClipBound(u, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Errorf("got %v, want two arms", got)
	}
	if err := Validate(got); err != nil {
		t.Error(err)
	}
}
