package tiles

import (
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"

	"github.com/timeslice/timeslice/geo"
)

func phnomPenh() geo.Feature {
	g := orb.Polygon{{{104.8, 11.45}, {105.0, 11.45}, {105.0, 11.65}, {104.8, 11.65}, {104.8, 11.45}}}
	return geo.Feature{
		Layer: "perimeter", ID: "pp-closed", Track: "pp",
		From: time.Date(1979, 1, 7, 12, 0, 0, 0, time.FixedZone("", 7*3600)), Interp: geo.Step,
		Geometry: g, Bound: g.Bound(),
		Props: map[string]any{
			"name":    map[string]any{"en": "Phnom Penh", "km": "ភ្នំពេញ"},
			"status":  "closed",
			"sources": []any{map[string]any{"title": "Strangio"}},
			"people":  20000.0, "note": nil,
		},
	}
}

func TestEncode(t *testing.T) {
	f := phnomPenh()
	before := orb.Clone(f.Geometry)
	tile := maptile.At(orb.Point{104.916, 11.5625}, 8)
	b, err := Encode("perimeter", []geo.Feature{f}, tile)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(f.Geometry, before) {
		t.Fatal("Encode changed the feature's geometry")
	}
	layers, err := mvt.Unmarshal(b)
	if err != nil {
		t.Fatalf("not a vector tile: %v", err)
	}
	if len(layers) != 1 || layers[0].Name != "perimeter" || len(layers[0].Features) != 1 {
		t.Fatalf("layers %+v", layers)
	}
	got := layers[0].Features[0]
	want := map[string]any{"id": "pp-closed", "name": "Phnom Penh", "name_km": "ភ្នំពេញ", "status": "closed",
		"people": 20000.0, "track": "pp", "valid_from": "1979-01-07T12:00:00+07:00", "interpolate": "step",
		"sources": `[{"title":"Strangio"}]`}
	for k, v := range want {
		if got.Properties[k] != v {
			t.Errorf("property %s = %v, want %v", k, got.Properties[k], v)
		}
	}
	if _, ok := got.Properties["valid_to"]; ok {
		t.Error("an open end should be absent, not null")
	}
	// Back in longitude/latitude the polygon is where it was, to a pixel.
	layers.ProjectToWGS84(tile)
	gb := layers[0].Features[0].Geometry.Bound()
	if d := gb.Min[0] - 104.8; d > 0.01 || d < -0.01 {
		t.Errorf("west edge at %v, want 104.8", gb.Min[0])
	}
	// A tile far away holds nothing.
	far, err := Encode("perimeter", []geo.Feature{f}, maptile.At(orb.Point{0, 0}, 8))
	if err != nil {
		t.Fatal(err)
	}
	if far != nil {
		t.Errorf("far tile is %d bytes, want nil", len(far))
	}
}

func TestNewTileJSON(t *testing.T) {
	f := phnomPenh()
	tj := NewTileJSON("perimeter", "Phnom Penh perimeter", "d", "http://x/{z}/{x}/{y}.mvt", f.Bound, []geo.Feature{f})
	if tj.TileJSON != "3.0.0" || tj.Tiles[0] != "http://x/{z}/{x}/{y}.mvt" || tj.VectorLayers[0].ID != "perimeter" {
		t.Errorf("TileJSON %+v", tj)
	}
	want := []string{"id", "interpolate", "name", "name_km", "people", "sources", "status", "track", "valid_from"}
	if got := tj.FieldNames(); !reflect.DeepEqual(got, want) {
		t.Errorf("fields %v, want %v", got, want)
	}
	if tj.VectorLayers[0].Fields["people"] != "Number" || tj.Bounds != [4]float64{104.8, 11.45, 105, 11.65} {
		t.Errorf("fields %v bounds %v", tj.VectorLayers[0].Fields, tj.Bounds)
	}
}

// TestEncodeWinding: whatever the source's ring directions (RFC 7946's,
// its reverse, a hole wound as its exterior), a tile's polygons have the
// exterior ring of positive area in tile coordinates and holes of
// negative area (MVT specification 4.3.4.4), so that a client that reads
// rings by that sign, as orb's decoder and QGIS do, finds one polygon
// with its hole.
func TestEncodeWinding(t *testing.T) {
	ccw := orb.Ring{{104.8, 11.45}, {105.0, 11.45}, {105.0, 11.65}, {104.8, 11.65}, {104.8, 11.45}}
	cw := orb.Ring{{104.85, 11.5}, {104.85, 11.6}, {104.95, 11.6}, {104.95, 11.5}, {104.85, 11.5}}
	reversed := func(r orb.Ring) orb.Ring { c := orb.Clone(r).(orb.Ring); c.Reverse(); return c }
	for _, tc := range []struct {
		name string
		g    orb.Geometry
	}{
		{"RFC 7946", orb.Polygon{ccw, cw}},
		{"reversed", orb.Polygon{reversed(ccw), reversed(cw)}},
		{"hole wound as its exterior", orb.Polygon{ccw, reversed(cw)}},
		{"multipolygon", orb.MultiPolygon{{reversed(ccw), cw}}},
	} {
		f := phnomPenh()
		f.Geometry, f.Bound = tc.g, tc.g.Bound()
		tile := maptile.At(orb.Point{104.916, 11.5625}, 8)
		b, err := Encode("perimeter", []geo.Feature{f}, tile)
		if err != nil {
			t.Fatal(err)
		}
		layers, err := mvt.Unmarshal(b)
		if err != nil {
			t.Fatal(err)
		}
		p, ok := layers[0].Features[0].Geometry.(orb.Polygon)
		if !ok || len(p) != 2 {
			t.Fatalf("%s: decoded as %T %v, want one polygon with a hole", tc.name, layers[0].Features[0].Geometry, layers[0].Features[0].Geometry)
		}
		if p[0].Orientation() != orb.CCW || p[1].Orientation() != orb.CW {
			t.Errorf("%s: exterior %v, hole %v; want a positive area (orb.CCW) then a negative one", tc.name, p[0].Orientation(), p[1].Orientation())
		}
	}
}
