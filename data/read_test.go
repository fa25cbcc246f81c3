package data

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/paulmach/orb"
)

// good returns the properties of a valid feature; tests change them.
func good() map[string]any {
	return map[string]any{
		"valid_from":  "1979-01-07T12:00:00+07:00",
		"valid_to":    nil,
		"track":       "pp",
		"interpolate": "step",
		"name":        map[string]any{"en": "Phnom Penh", "km": "ភ្នំពេញ"},
		"sources":     []any{map[string]any{"title": "Strangio", "url": "http://example.org/x"}},
		"certainty":   "high",
	}
}

func fc(layer string, feats ...map[string]any) []byte {
	out := map[string]any{"type": "FeatureCollection", "features": feats}
	if layer != "" {
		out["collection"] = layer
	}
	b, _ := json.Marshal(out)
	return b
}

func feat(id any, geom any, props map[string]any) map[string]any {
	f := map[string]any{"type": "Feature", "geometry": geom, "properties": props}
	if id != nil {
		f["id"] = id
	}
	return f
}

var pt = map[string]any{"type": "Point", "coordinates": []float64{104.916, 11.5625}}

func with(k string, v any) map[string]any {
	p := good()
	if v == nil {
		delete(p, k)
	} else {
		p[k] = v
	}
	return p
}

func TestReadProblems(t *testing.T) {
	cwRing := [][]float64{{0, 0}, {0, 1}, {1, 1}, {1, 0}, {0, 0}}
	tests := []struct {
		name    string
		file    []byte
		want    string // substring of the one problem; "" for none
		feature string
	}{
		{"valid", fc("places", feat("pp", pt, good())), "", ""},
		{"numeric id", fc("places", feat(7, pt, good())), "", ""},
		{"not JSON", []byte("{"), "not JSON", ""},
		{"not a collection", []byte(`{"type":"Feature"}`), "want \"FeatureCollection\"", ""},
		{"no id", fc("places", feat(nil, pt, good())), "no id", "#0"},
		{"no geometry", fc("places", feat("pp", nil, good())), "bad geometry: missing", "pp"},
		{"unclosed ring", fc("zones", feat("z", map[string]any{"type": "Polygon", "coordinates": [][][]float64{{{0, 0}, {1, 0}, {1, 1}, {0, 2}}}}, good())), "not closed", "z"},
		{"short ring", fc("zones", feat("z", map[string]any{"type": "Polygon", "coordinates": [][][]float64{{{0, 0}, {1, 0}, {0, 0}}}}, good())), "at least 4", "z"},
		{"one-point line", fc("advances", feat("a", map[string]any{"type": "LineString", "coordinates": [][]float64{{0, 0}}}, good())), "at least 2", "a"},
		{"latitude out of range", fc("places", feat("pp", map[string]any{"type": "Point", "coordinates": []float64{11.5, 104.9}}, good())), "not lon/lat", "pp"},
		{"collection geometry", fc("places", feat("pp", map[string]any{"type": "GeometryCollection", "geometries": []any{pt}}, good())), "not supported", "pp"},
		{"no valid_from", fc("places", feat("pp", pt, with("valid_from", nil))), "valid_from must be", "pp"},
		{"local valid_from", fc("places", feat("pp", pt, with("valid_from", "1979-01-07T12:00:00"))), "not an RFC 3339", "pp"},
		{"valid_to before valid_from", fc("places", feat("pp", pt, with("valid_to", "1979-01-01T00:00:00+07:00"))), "is not after valid_from", "pp"},
		{"valid_to equal to valid_from", fc("places", feat("pp", pt, with("valid_to", "1979-01-07T05:00:00Z"))), "is not after valid_from", "pp"},
		{"bad interpolate", fc("places", feat("pp", pt, with("interpolate", "cubic"))), "want \"step\" or \"linear\"", "pp"},
		{"no name.en", fc("places", feat("pp", pt, with("name", map[string]any{"km": "ភ្នំពេញ"}))), "name.en is missing", "pp"},
		{"no sources", fc("places", feat("pp", pt, with("sources", []any{}))), "no sources", "pp"},
		{"source without title", fc("places", feat("pp", pt, with("sources", []any{map[string]any{"url": "https://x.org"}}))), "sources[0] has no title", "pp"},
		{"source with a bad URL", fc("places", feat("pp", pt, with("sources", []any{map[string]any{"title": "x", "url": "ftp://x"}}))), "not an http(s) URL", "pp"},
		{"bad certainty", fc("places", feat("pp", pt, with("certainty", "sure"))), "certainty \"sure\"", "pp"},
		{"track not a string", fc("places", feat("pp", pt, with("track", 3))), "track must be", "pp"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := fstest.MapFS{"places.geojson": {Data: tc.file}}
			ds, err := ReadFS(fsys, "places.geojson")
			if tc.want == "" {
				if err != nil {
					t.Fatalf("unexpected problems: %v", err)
				}
				if len(ds.Features) != 1 {
					t.Fatalf("got %d features, want 1", len(ds.Features))
				}
				return
			}
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 {
				t.Fatalf("want exactly one problem containing %q, got %v", tc.want, err)
			}
			p := ps[0]
			if !strings.Contains(p.Reason, tc.want) || p.Feature != tc.feature || p.File != "places.geojson" {
				t.Errorf("problem = %+v, want reason containing %q for feature %q in places.geojson", p, tc.want, tc.feature)
			}
		})
	}
	// A clockwise exterior ring is accepted and turned counter-clockwise (RFC 7946).
	fsys := fstest.MapFS{"zones.geojson": {Data: fc("zones", feat("z", map[string]any{"type": "Polygon", "coordinates": [][][]float64{cwRing}}, good()))}}
	ds, err := ReadFS(fsys, "zones.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if o := ds.Features[0].Geometry.(orb.Polygon)[0].Orientation(); o != orb.CCW {
		t.Errorf("exterior ring orientation = %v, want CCW", o)
	}
}

func TestValidateAcrossFiles(t *testing.T) {
	kf := func(from string, to any) map[string]any {
		p := good()
		p["valid_from"], p["valid_to"] = from, to
		p["interpolate"] = "linear"
		return p
	}
	line := map[string]any{"type": "LineString", "coordinates": [][]float64{{105, 11}, {104.9, 11.5}}}
	fsys := fstest.MapFS{
		"a.geojson": {Data: fc("advances",
			feat("k1", line, kf("1979-01-01T00:00:00+07:00", "1979-01-03T00:00:00+07:00")),
			feat("k2", line, kf("1979-01-02T00:00:00+07:00", "1979-01-04T00:00:00+07:00")),
		)},
		"b.geojson": {Data: fc("advances",
			feat("k1", line, with("track", nil)),
			feat("k3", pt, kf("1979-01-04T00:00:00+07:00", nil)),
		)},
	}
	_, err := ReadFS(fsys, "a.geojson", "b.geojson")
	var ps Problems
	if !errors.As(err, &ps) {
		t.Fatalf("want Problems, got %v", err)
	}
	want := []string{
		"a.geojson: feature k2: keyframe of track \"pp\" starts at 1979-01-02T00:00:00+07:00, before the previous keyframe k1 ends",
		"a.geojson: feature k2: linear track \"pp\" cannot interpolate LineString into Point",
		"b.geojson: feature k1: id is not unique in layer advances (also in a.geojson)",
	}
	if len(ps) != len(want) {
		t.Fatalf("got %d problems, want %d:\n%v", len(ps), len(want), ps)
	}
	for i, w := range want {
		if !strings.HasPrefix(ps[i].String(), w) {
			t.Errorf("problem %d = %q\nwant prefix  %q", i, ps[i].String(), w)
		}
	}
}

func TestEmbeddedDatasetIsValid(t *testing.T) {
	ds, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	layers := map[string]int{}
	for _, f := range ds.Features {
		layers[f.Layer]++
	}
	for _, l := range ds.Manifest.LayerList() {
		if layers[l.ID] == 0 && l.ID != "zones" && l.ID != "control" {
			t.Errorf("layer %s has no features", l.ID)
		}
	}
}

func FuzzRead(f *testing.F) {
	f.Add(fc("places", feat("pp", pt, good())))
	f.Add(fc("zones", feat("z", map[string]any{"type": "MultiPolygon", "coordinates": [][][][]float64{{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}}}, good())))
	f.Add([]byte(`{"type":"FeatureCollection","collection":"flows","features":[{"type":"Feature","id":1,"geometry":null,"properties":null}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		fs, problems := Read("fuzz.geojson", strings.NewReader(string(b)), 0)
		for _, f := range fs {
			if f.ID == "" || f.Geometry == nil || f.From.IsZero() || f.Layer == "" {
				t.Fatalf("accepted an incomplete feature: %+v", f)
			}
			if !f.OpenEnded() && !f.To.After(f.From) {
				t.Fatalf("accepted an empty validity: %+v", f)
			}
		}
		for _, p := range problems {
			if p.Reason == "" || p.File != "fuzz.geojson" {
				t.Fatalf("problem without a reason or file: %+v", p)
			}
		}
	})
}
