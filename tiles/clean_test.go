package tiles

import (
	"context"
	"math"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"
	"github.com/paulmach/orb/planar"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// spikes returns the vertices of g's rings where the ring turns back on
// itself, and the vertices that repeat the one before.
func spikes(g orb.Geometry) []orb.Point {
	var polys orb.MultiPolygon
	switch v := g.(type) {
	case orb.Polygon:
		polys = orb.MultiPolygon{v}
	case orb.MultiPolygon:
		polys = v
	}
	var out []orb.Point
	for _, p := range polys {
		for _, r := range p {
			n := len(r) - 1 // closed: r[n] == r[0]
			for i := 0; i < n; i++ {
				a, b, c := r[(i+n-1)%n], r[i], r[(i+1)%n]
				if a == b || turnsBack(a, b, c) {
					out = append(out, b)
				}
			}
		}
	}
	return out
}

// cutOne runs the clipping pipeline on one geometry in tile units,
// with and without the cleaning.
func cutOne(t *testing.T, g orb.Geometry, clean bool) orb.Geometry {
	t.Helper()
	l := &mvt.Layer{Name: "x", Version: 2, Extent: Extent, Features: []*geojson.Feature{geojson.NewFeature(g)}}
	if clean {
		cut(l)
	} else {
		l.Clip(clipBound)
	}
	if len(l.Features) != 1 {
		t.Fatalf("%d features left", len(l.Features))
	}
	return l.Features[0].Geometry
}

// TestClipNoSpike: a spiral that leaves the tile through its right edge,
// goes up past the buffer, crosses back over the right edge above the
// buffer, out again, and down into the tile through the right edge; the
// buffer's top-right corner lies outside it. Clipping edge by edge runs
// up the right buffer edge to that corner and straight down again; the
// cleaned polygon does not.
func TestClipNoSpike(t *testing.T) {
	hook := orb.Polygon{{{4000, 4000}, {5000, 4000}, {5000, -1000}, {4300, -1000}, {4300, -600}, {4800, -600}, {4800, 200}, {4000, 200}, {4000, 4000}}}
	raw := cutOne(t, orb.Clone(hook), false)
	if len(spikes(raw)) == 0 {
		t.Fatalf("the test does not make the spike it is about: %v", raw)
	}
	got := cutOne(t, orb.Clone(hook), true)
	if s := spikes(got); len(s) != 0 {
		t.Errorf("spikes at %v in %v", s, got)
	}
	for _, p := range got.(orb.Polygon)[0] {
		if p[1] < 0 {
			t.Errorf("vertex %v above the tile: the source never goes there inside the buffer", p)
		}
	}
	// The clip of the hook is the rectangle 4000..4352 × 200..4000.
	if a, want := planar.Area(got), 352.0*3800; a != want {
		t.Errorf("area %v, want %v", a, want)
	}
	if a := planar.Area(raw); a != 352.0*3800 {
		t.Errorf("raw area %v", a)
	}
}

func TestCleanRing(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   orb.Ring
		want int // points of the closed ring; 0 for nil
	}{
		{"square", orb.Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, 5},
		{"spike on an edge", orb.Ring{{0, 0}, {10, 0}, {15, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, 5},
		{"spike where it closes", orb.Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 20}, {0, 0}}, 5},
		{"spike at the first point", orb.Ring{{5, -5}, {5, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}, {5, 0}, {5, -5}}, 6},
		{"repeated points", orb.Ring{{0, 0}, {0, 0}, {10, 0}, {10, 0.4}, {10, 10}, {0, 10}, {0, 0}}, 5},
		{"a line there and back", orb.Ring{{0, 0}, {10, 0}, {0, 0}}, 0},
		{"nothing but spikes", orb.Ring{{0, 0}, {10, 0}, {10, 5}, {10, 0}, {0, 0}}, 0},
	} {
		got := cleanRing(tc.in)
		if len(got) != tc.want {
			t.Errorf("%s: %v, want %d points", tc.name, got, tc.want)
			continue
		}
		if got != nil && (len(spikes(orb.Polygon{got})) != 0 || ringArea(got) != ringArea(orb.Ring{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}})) {
			t.Errorf("%s: %v", tc.name, got)
		}
	}
}

// TestControlTileNoSpike encodes the tile of the embedded dataset where
// the spike was seen (control, z8/202/119 at 1979-01-08): no spike, and
// the area clipping gave before the cleaning, to a few units.
func TestControlTileNoSpike(t *testing.T) {
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	store := data.NewMemory(ds)
	dt, err := geo.ParseDatetime("1979-01-08T00:00:00+07:00", ds.Manifest.Location())
	if err != nil {
		t.Fatal(err)
	}
	page, err := store.Items(context.Background(), "control", data.Query{Datetime: &dt, Limit: math.MaxInt32})
	if err != nil {
		t.Fatal(err)
	}
	tile := maptile.New(202, 119, 8)
	b, err := Encode("control", page.Features, tile)
	if err != nil || b == nil {
		t.Fatalf("encode: %v, %d bytes", err, len(b))
	}
	layers, err := mvt.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var got float64
	for _, f := range layers[0].Features {
		if s := spikes(f.Geometry); len(s) != 0 {
			t.Errorf("%v: spikes at %v", f.Properties["id"], s)
		}
		got += math.Abs(planar.Area(f.Geometry))
	}
	// The same features clipped without the cleaning.
	var want float64
	for i := range page.Features {
		l := mvt.NewLayer("control", geojson.NewFeatureCollection().Append(geojson.NewFeature(orb.Clone(page.Features[i].Geometry))))
		l.Extent = Extent
		l.ProjectToTile(tile)
		l.Clip(clipBound)
		l.Simplify(simplifier())
		for _, f := range l.Features {
			want += math.Abs(planar.Area(f.Geometry))
		}
	}
	if want == 0 || math.Abs(got-want)/want > 0.002 {
		t.Errorf("area %v, before the cleaning %v", got, want)
	}
}
