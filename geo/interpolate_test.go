package geo

import (
	"fmt"
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"
)

func keyframe(id string, from, to string, g orb.Geometry, interp Interp, props map[string]any) Feature {
	f := Feature{ID: id, Track: "t", From: ict(from), Interp: interp, Geometry: g, Bound: g.Bound(), Props: props}
	if to != "" {
		f.To = ict(to)
	}
	return f
}

func TestAt(t *testing.T) {
	a := keyframe("a", "1979-01-01T00:00:00+07:00", "1979-01-11T00:00:00+07:00", orb.Point{100, 10}, Linear, map[string]any{"people": 1000.0, "label": "x"})
	b := keyframe("b", "1979-01-11T00:00:00+07:00", "", orb.Point{110, 20}, Step, map[string]any{"people": 2001.0, "label": "y"})
	gap := keyframe("g", "1979-01-12T00:00:00+07:00", "", orb.Point{110, 20}, Step, nil)
	stepA := a
	stepA.Interp = Step
	tests := []struct {
		name       string
		k, next    *Feature
		at         string
		wantPoint  orb.Point
		wantPeople float64
	}{
		{"linear at start is the keyframe", &a, &b, "1979-01-01T00:00:00+07:00", orb.Point{100, 10}, 1000},
		{"linear halfway", &a, &b, "1979-01-06T00:00:00+07:00", orb.Point{105, 15}, 1501},
		{"linear a tenth of the way", &a, &b, "1979-01-02T00:00:00+07:00", orb.Point{101, 11}, 1100},
		{"step holds", &stepA, &b, "1979-01-06T00:00:00+07:00", orb.Point{100, 10}, 1000},
		{"no next keyframe holds", &a, nil, "1979-01-06T00:00:00+07:00", orb.Point{100, 10}, 1000},
		{"a gap before the next keyframe holds", &a, &gap, "1979-01-06T00:00:00+07:00", orb.Point{100, 10}, 1000},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := At(tc.k, tc.next, ict(tc.at))
			if p := got.Geometry.(orb.Point); p != tc.wantPoint {
				t.Errorf("geometry = %v, want %v", p, tc.wantPoint)
			}
			if got.Props["people"] != tc.wantPeople {
				t.Errorf("people = %v, want %v", got.Props["people"], tc.wantPeople)
			}
			if got.Props["label"] != tc.k.Props["label"] {
				t.Errorf("label = %v, want the keyframe's %v", got.Props["label"], tc.k.Props["label"])
			}
			if got.ID != tc.k.ID || !got.From.Equal(tc.k.From) {
				t.Errorf("identity changed: %s %v", got.ID, got.From)
			}
		})
	}
	if a.Props["people"] != 1000.0 {
		t.Errorf("At changed its input's properties: %v", a.Props)
	}
}

func TestLerpGrowingLine(t *testing.T) {
	a := orb.LineString{{0, 0}, {1, 0}}
	b := orb.LineString{{0, 0}, {1, 0}, {2, 0}, {2, 2}}
	g, ok := Lerp(a, b, 0.5)
	if !ok {
		t.Fatal("lines must interpolate")
	}
	got := g.(orb.LineString)
	if len(got) != 4 {
		t.Fatalf("got %d vertices, want 4 (the larger count)", len(got))
	}
	if got[0] != (orb.Point{0, 0}) {
		t.Errorf("start moved: %v", got[0])
	}
	// The end moves halfway from (1,0) to (2,2).
	if got[3] != (orb.Point{1.5, 1}) {
		t.Errorf("end = %v, want [1.5 1]", got[3])
	}
	if !reflect.DeepEqual(a, orb.LineString{{0, 0}, {1, 0}}) {
		t.Errorf("input mutated: %v", a)
	}
}

func square(x, y, s float64) orb.Ring {
	return orb.Ring{{x, y}, {x + s, y}, {x + s, y + s}, {x, y + s}, {x, y}}
}

func TestLerpPolygons(t *testing.T) {
	a := orb.Polygon{square(0, 0, 1)}
	b := orb.Polygon{orb.Ring{{0, 0}, {2, 0}, {2, 1}, {1, 2}, {0, 2}, {0, 0}}}
	g, ok := Lerp(a, b, 0.25)
	if !ok {
		t.Fatal("polygons must interpolate")
	}
	ring := g.(orb.Polygon)[0]
	if len(ring) != 6 || !ring.Closed() {
		t.Fatalf("ring = %v: want 6 vertices, closed", ring)
	}
	area := math.Abs(planar.Area(ring))
	if area <= 1 || area >= 3.5 {
		t.Errorf("area %g is not between the keyframes' (1 and 3.5)", area)
	}
}

func TestLerpMultiPolygonGrowsNewParts(t *testing.T) {
	a := orb.MultiPolygon{{square(0, 0, 1)}}
	b := orb.MultiPolygon{{square(0, 0, 1)}, {square(10, 10, 2)}}
	g0, _ := Lerp(a, b, 0)
	mp := g0.(orb.MultiPolygon)
	if len(mp) != 2 {
		t.Fatalf("got %d polygons, want 2", len(mp))
	}
	if area := planar.Area(mp[1][0]); area != 0 {
		t.Errorf("a new part starts as a point, got area %g", area)
	}
	g1, _ := Lerp(a, b, 0.5)
	if area := math.Abs(planar.Area(g1.(orb.MultiPolygon)[1][0])); area != 1 {
		t.Errorf("halfway the new part is scaled by 0.5 (area 1), got %g", area)
	}
	// A single polygon meets a multi one as a multi of one.
	g2, ok := Lerp(orb.Polygon{square(0, 0, 1)}, b, 0.5)
	if !ok || len(g2.(orb.MultiPolygon)) != 2 {
		t.Errorf("Polygon → MultiPolygon: %v, %v", g2, ok)
	}
}

func TestLerpIncompatible(t *testing.T) {
	for _, pair := range [][2]orb.Geometry{
		{orb.Point{0, 0}, orb.LineString{{0, 0}, {1, 1}}},
		{orb.Polygon{square(0, 0, 1)}, orb.Point{0, 0}},
		{orb.Collection{orb.Point{0, 0}}, orb.Collection{orb.Point{0, 0}}},
		{nil, orb.Point{0, 0}},
	} {
		if _, ok := Lerp(pair[0], pair[1], 0.5); ok {
			t.Errorf("Lerp(%T, %T) should not be defined", pair[0], pair[1])
		}
	}
}

func TestLerpIsDeterministic(t *testing.T) {
	a := orb.MultiPolygon{{square(101.123456789, 11.987654321, 0.3)}}
	b := orb.MultiPolygon{{orb.Ring{{101, 11}, {102.5, 11.1}, {102.2, 12.3}, {101.7, 12.9}, {101, 11}}}}
	g1, _ := Lerp(a, b, 1.0/3)
	g2, _ := Lerp(a, b, 1.0/3)
	if !reflect.DeepEqual(g1, g2) {
		t.Fatal("same input, different output")
	}
	for _, p := range g1.(orb.MultiPolygon)[0][0] {
		for _, v := range p {
			if r := math.Round(v*coordScale) / coordScale; r != v {
				t.Fatalf("coordinate %v is not rounded to 1e-6", v)
			}
		}
	}
}

func TestResample(t *testing.T) {
	tests := []struct {
		name string
		in   orb.LineString
		n    int
		want orb.LineString
	}{
		{"evenly", orb.LineString{{0, 0}, {4, 0}}, 5, orb.LineString{{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}}},
		{"around a corner", orb.LineString{{0, 0}, {1, 0}, {1, 1}}, 3, orb.LineString{{0, 0}, {1, 0}, {1, 1}}},
		{"repeated vertex", orb.LineString{{0, 0}, {0, 0}, {2, 0}}, 3, orb.LineString{{0, 0}, {1, 0}, {2, 0}}},
		{"one point", orb.LineString{{3, 3}}, 3, orb.LineString{{3, 3}, {3, 3}, {3, 3}}},
		{"all the same", orb.LineString{{3, 3}, {3, 3}}, 3, orb.LineString{{3, 3}, {3, 3}, {3, 3}}},
		{"fewer points keeps the ends", orb.LineString{{0, 0}, {1, 5}, {2, 0}}, 2, orb.LineString{{0, 0}, {2, 0}}},
	}
	for _, tc := range tests {
		if got := Resample(tc.in, tc.n); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: Resample = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func ExampleAt() {
	from := time.Date(1979, 1, 1, 0, 0, 0, 0, plus7)
	to := from.AddDate(0, 0, 10)
	axis := Feature{ID: "route-1-day-1", Track: "route-1", From: from, To: to, Interp: Linear,
		Geometry: orb.LineString{{105.8, 11.09}, {105.5, 11.2}}}
	next := Feature{ID: "route-1-day-11", Track: "route-1", From: to,
		Geometry: orb.LineString{{105.8, 11.09}, {105.5, 11.2}, {104.92, 11.56}}}
	mid := At(&axis, &next, from.AddDate(0, 0, 5))
	fmt.Println(mid.Geometry)
	// Output: [[105.8 11.09] [105.497872 11.220373] [105.21 11.38]]
}
