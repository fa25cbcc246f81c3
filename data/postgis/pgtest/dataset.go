package pgtest

import (
	"fmt"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/synth"
	"github.com/timeslice/timeslice/geo"
)

// Dataset is the dataset the conformance tests of both stores load: the embedded dataset,
// a synthetic layer of linear line tracks, and hand-made keyframes for
// the cases the others lack (linear polygons with holes and multi parts,
// moving points with growing numbers, gaps, open ends, step tracks,
// instants off the microsecond grid of a query, unicode, nested numbers).
func Dataset(t testing.TB) *data.Dataset {
	t.Helper()
	emb, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	var fs []geo.Feature
	add := func(f geo.Feature) {
		f.Seq = len(fs)
		if f.Geometry != nil {
			f.Bound = f.Geometry.Bound()
		}
		fs = append(fs, f)
	}
	for _, f := range emb.Features {
		add(f)
	}
	for _, f := range synth.Generate(synth.Options{Keyframes: 600, Tracks: 40, Seed: 3, Layer: "advances"}).Features {
		f.ID = "syn-" + f.ID
		f.Track = "syn-" + f.Track
		add(f)
	}
	day := func(d int) time.Time { return time.Date(1979, 1, d, 6, 0, 0, 0, time.FixedZone("", 7*3600)) }
	props := func(extra map[string]any) map[string]any {
		p := map[string]any{
			"name":      map[string]any{"en": "Test", "km": "សាកល្បង"},
			"sources":   []any{map[string]any{"title": "Fixture", "url": "https://example.org"}},
			"certainty": "medium",
		}
		for k, v := range extra {
			p[k] = v
		}
		return p
	}
	sq := func(x, y, r float64) orb.Ring {
		return orb.Ring{{x - r, y - r}, {x + r, y - r}, {x + r, y + r}, {x - r, y + r}, {x - r, y - r}}
	}
	hole := func(x, y, r float64) orb.Ring {
		return orb.Ring{{x - r, y - r}, {x - r, y + r}, {x + r, y + r}, {x + r, y - r}, {x - r, y - r}}
	}
	// A control area that grows from one polygon with a hole to two.
	add(geo.Feature{Layer: "control", ID: "c1", Track: "ctl", From: day(1), To: day(7), Interp: geo.Linear,
		Geometry: orb.Polygon{sq(105, 12, 0.5), hole(105, 12, 0.1)}, Props: props(map[string]any{"held": 0.25})})
	add(geo.Feature{Layer: "control", ID: "c2", Track: "ctl", From: day(7), To: day(20), Interp: geo.Linear,
		Geometry: orb.MultiPolygon{{sq(105.2, 12.1, 0.9)}, {sq(103, 13, 0.3)}}, Props: props(map[string]any{"held": 0.75})})
	add(geo.Feature{Layer: "control", ID: "c3", Track: "ctl", From: day(20), Interp: geo.Step,
		Geometry: orb.MultiPolygon{{sq(105.2, 12.1, 1.2)}, {sq(103, 13, 0.5)}}, Props: props(map[string]any{"held": 0.9})})
	// A linear keyframe whose successor starts later: not interpolated.
	add(geo.Feature{Layer: "control", ID: "g1", Track: "gap", From: day(2), To: day(4), Interp: geo.Linear,
		Geometry: orb.Polygon{sq(104, 11, 0.2)}, Props: props(nil)})
	add(geo.Feature{Layer: "control", ID: "g2", Track: "gap", From: day(5), To: day(9), Interp: geo.Linear,
		Geometry: orb.Polygon{sq(104.5, 11.5, 0.3)}, Props: props(nil)})
	// Moving camps with growing populations; the last keyframe starts a
	// fraction of a microsecond-free instant apart to probe the grid.
	for i := range 6 {
		add(geo.Feature{Layer: "camps", ID: fmt.Sprintf("k%d", i), Track: "khao-i-dang", From: day(1 + 3*i), To: day(4 + 3*i),
			Interp: geo.Linear, Geometry: orb.Point{102.6 + 0.01*float64(i), 13.9 - 0.02*float64(i)},
			Props: props(map[string]any{"population": float64(1000 * (i + 1) * (i + 1)), "rate": 0.5 + float64(i)/3,
				"stats": map[string]any{"n": float64(i)}, "tags": []any{"a", float64(i)}, "note": nil})})
	}
	// Step track of a perimeter status, and an open-ended place.
	for i, st := range []string{"closed", "controlled", "open"} {
		var to time.Time
		if i < 2 {
			to = day(5 + 5*i)
		}
		add(geo.Feature{Layer: "perimeter", ID: "p-" + st, Track: "pp", From: day(5*i + 0).Add(time.Duration(i) * time.Millisecond), To: to,
			Geometry: orb.Polygon{sq(104.92, 11.55, 0.1+0.05*float64(i))}, Props: props(map[string]any{"status": st})})
	}
	add(geo.Feature{Layer: "places", ID: "far-east", From: day(1), Geometry: orb.MultiPoint{{179.9, 0}, {-179.9, 1}},
		Props: props(map[string]any{"name": map[string]any{"en": "Date line \"quoted\" \\ tab\t", "vi": "Đường đổi ngày"}})})
	add(geo.Feature{Layer: "events", ID: "e-late", From: day(3), To: day(4), Geometry: orb.Point{104.9, 11.56},
		Props: props(map[string]any{"caption": map[string]any{"en": "Same start as another event"}})})
	add(geo.Feature{Layer: "events", ID: "e-early", From: day(3), To: day(3).Add(time.Hour), Geometry: orb.Point{104.8, 11.5},
		Props: props(nil)})
	add(geo.Feature{Layer: "flows", ID: "ml1", Track: "ml", From: day(1), To: day(10), Interp: geo.Linear,
		Geometry: orb.MultiLineString{{{103, 12}, {104, 12.5}}, {{103, 11}, {103.5, 11.2}}}, Props: props(map[string]any{"people": 2000.0})})
	add(geo.Feature{Layer: "flows", ID: "ml2", Track: "ml", From: day(10), To: day(30), Interp: geo.Step,
		Geometry: orb.LineString{{103, 12}, {104, 12.5}, {104.4, 13}}, Props: props(map[string]any{"people": 15000.0})})
	if errs := data.Validate(fs, func(int) string { return "fixture" }); len(errs) > 0 {
		t.Fatalf("fixture is invalid: %v", errs)
	}
	return &data.Dataset{Manifest: emb.Manifest, Features: fs}
}
