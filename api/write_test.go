package api

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/geo"
)

// TestAppendFeatureMatchesEncodingJSON checks the fast writer against
// encoding/json on the same values.
func TestAppendFeatureMatchesEncodingJSON(t *testing.T) {
	from := time.Date(1979, 1, 7, 12, 0, 0, 0, time.FixedZone("", 7*3600))
	geoms := []orb.Geometry{
		orb.Point{104.916, 11.5625},
		orb.MultiPoint{{1e-7, -0.5}, {179.999999, 1e21}},
		orb.LineString{{105.8, 11.09}, {105.497872, 11.220373}},
		orb.MultiLineString{{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}},
		orb.Polygon{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}, {{0.1, 0.1}, {0.2, 0.2}, {0.2, 0.1}, {0.1, 0.1}}},
		orb.MultiPolygon{{{{0, 0}, {1, 0}, {1, 1}, {0, 0}}}, {{{-3.25, 5e-7}, {1, 0}, {1, 1}, {-3.25, 5e-7}}}},
	}
	props := map[string]any{
		"name":    map[string]any{"en": "Phnom Penh <capital> & more", "km": "ភ្នំពេញ"},
		"sources": []any{map[string]any{"title": "Strangio \"Hun Sen's Cambodia\"", "url": "https://example.org/?a=1&b=2"}},
		"people":  20000.0, "ratio": 0.000001234, "big": 1.5e22, "neg": -3.0,
		"certainty": "high", "note": nil, "flag": true, "tab": "a\tb",
		"separators": "a\u2028b\u2029c", "invalid": "a\xffb", "quote": `say "hi" \ bye`,
		"nested": map[string]any{"z": []any{1.0, "x", nil, map[string]any{"b": false, "a": []any{}}}, "a": map[string]any{}},
		"typed":  []string{"kept", "by encoding/json"},
	}
	for _, g := range geoms {
		for _, to := range []time.Time{{}, from.Add(time.Hour)} {
			f := geo.Feature{ID: "pp-1979", Track: "pp", From: from, To: to, Interp: geo.Linear, Geometry: g, Props: props}
			got, err := appendFeature(nil, &f, []link{{Href: "http://x/y?a=1&b=2", Rel: "self"}})
			if err != nil {
				t.Fatal(err)
			}
			ref := encodeFeature(&f)
			ref.Links = []link{{Href: "http://x/y?a=1&b=2", Rel: "self"}}
			want, _ := json.Marshal(ref)
			if string(got) != string(want) {
				t.Errorf("%s:\n got %s\nwant %s", g.GeoJSONType(), got, want)
			}
		}
	}
	if _, err := appendFeature(nil, &geo.Feature{ID: "x", Geometry: orb.Point{math.NaN(), 0}}, nil); err == nil {
		t.Error("NaN written without an error")
	}
}

// featureJSON is the reference for appendFeature: the same feature
// written by encoding/json.
type featureJSON struct {
	Type       string            `json:"type"`
	ID         string            `json:"id"`
	Geometry   *geojson.Geometry `json:"geometry"`
	Properties map[string]any    `json:"properties"`
	Links      []link            `json:"links,omitempty"`
}

// encodeFeature turns a keyframe (or its state at an instant) into
// GeoJSON with encoding/json: the reference appendFeature must match.
func encodeFeature(f *geo.Feature) featureJSON {
	props := f.Properties()
	return featureJSON{Type: "Feature", ID: f.ID, Geometry: geojson.NewGeometry(f.Geometry), Properties: props}
}

// TestAppendFloatMatchesStrconv checks the six-decimal fast path against
// encoding/json on numbers like the dataset's and on awkward ones.
func TestAppendFloatMatchesStrconv(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	vals := []float64{0, 1, -1, 0.1, 0.000001, -0.000001, 0.0000015, 1e-7, 104.916, 11.5625, -3.25, 999999999.999999,
		1e9, 1e21, 123456.7, 0.3, 2.0 / 3, math.Copysign(0, -1), 105.497872, 1 << 53}
	for i := 0; i < 200000; i++ {
		scale := []float64{1, 1e2, 1e4, 1e5, 1e6, 1e7}[r.IntN(6)]
		v := math.Round((r.Float64()*400-200)*scale) / scale
		vals = append(vals, v, r.NormFloat64()*1e6, r.Float64())
	}
	for _, v := range vals {
		got, err := appendFloat(nil, v)
		want, _ := json.Marshal(v)
		if err != nil || string(got) != string(want) {
			t.Fatalf("appendFloat(%v) = %q, %v; encoding/json writes %q", v, got, err, want)
		}
	}
}
