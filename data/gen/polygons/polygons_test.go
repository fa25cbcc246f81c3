package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/tiles/basemap"
	"github.com/timeslice/timeslice/tiles/basemap/topo"
)

// datasetDir is data/dataset, seen from this package's directory.
var (
	datasetDir  = filepath.Join("..", "..", "dataset")
	geometryDir = filepath.Join("..", "..", "source", "geometry")
)

const maxLayerSize = 800 << 10

// parsed is one feature of a committed layer file.
type parsed struct {
	id       string
	geom     orb.MultiPolygon
	from, to time.Time // to is zero when open-ended
	track    string
	status   string
	props    map[string]any
}

func (p parsed) validAt(t time.Time) bool {
	return !t.Before(p.from) && (p.to.IsZero() || t.Before(p.to))
}

func readCommitted(t *testing.T, layer string) ([]parsed, []byte) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(datasetDir, layer+".geojson"))
	if err != nil {
		t.Fatalf("read %s: %v", layer, err)
	}
	return parseLayer(t, layer, b), b
}

func parseLayer(t *testing.T, layer string, b []byte) []parsed {
	t.Helper()
	var top struct {
		Type       string `json:"type"`
		Collection string `json:"collection"`
	}
	if err := json.Unmarshal(b, &top); err != nil {
		t.Fatalf("%s: %v", layer, err)
	}
	if top.Type != "FeatureCollection" || top.Collection != layer {
		t.Fatalf("%s: type %q collection %q", layer, top.Type, top.Collection)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		t.Fatalf("%s: %v", layer, err)
	}
	var out []parsed
	for _, f := range fc.Features {
		id, _ := f.ID.(string)
		mp, ok := f.Geometry.(orb.MultiPolygon)
		if !ok {
			t.Fatalf("%s %v: geometry %T, want MultiPolygon", layer, f.ID, f.Geometry)
		}
		p := parsed{id: id, geom: mp, props: f.Properties}
		from, _ := f.Properties["valid_from"].(string)
		if p.from, err = time.Parse(time.RFC3339, from); err != nil || !strings.HasSuffix(from, "+07:00") {
			t.Errorf("%s %s: valid_from %q is not RFC 3339 in +07:00", layer, id, from)
		}
		if to, ok := f.Properties["valid_to"].(string); ok {
			if p.to, err = time.Parse(time.RFC3339, to); err != nil || !strings.HasSuffix(to, "+07:00") || !p.to.After(p.from) {
				t.Errorf("%s %s: bad valid_to %q", layer, id, to)
			}
		} else if f.Properties["valid_to"] != nil {
			t.Errorf("%s %s: valid_to must be a string or null", layer, id)
		}
		p.track, _ = f.Properties["track"].(string)
		p.status, _ = f.Properties["status"].(string)
		out = append(out, p)
	}
	return out
}

func TestCommittedFilesUpToDate(t *testing.T) {
	files, err := Build()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range files {
		got, err := os.ReadFile(filepath.Join(geometryDir, name))
		if err != nil {
			t.Fatalf("read %s: %v", name, err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/source/geometry/%s is out of date: run go run ./data/gen/polygons", name)
		}
	}
}

func TestLayerFiles(t *testing.T) {
	box := Box()
	for _, layer := range []string{"zones", "control"} {
		feats, b := readCommitted(t, layer)
		if len(b) > maxLayerSize {
			t.Errorf("%s: %d bytes, over %d", layer, len(b), maxLayerSize)
		}
		ids := map[string]bool{}
		vertices := 0
		for _, f := range feats {
			if f.id == "" || ids[f.id] {
				t.Errorf("%s: missing or repeated id %q", layer, f.id)
			}
			ids[f.id] = true
			if err := topo.Validate(f.geom); err != nil {
				t.Errorf("%s %s: %v", layer, f.id, err)
			}
			vertices += topo.VertexCount(f.geom)
			for _, poly := range f.geom {
				for _, r := range poly {
					for _, pt := range r {
						if !box.Contains(pt) {
							t.Fatalf("%s %s: %v outside the box", layer, f.id, pt)
						}
						if r5 := topo.RoundPoint(pt, 1e5); r5 != pt {
							t.Fatalf("%s %s: %v has more than 5 decimals", layer, f.id, pt)
						}
					}
				}
			}
			// Names, sources, certainty and notes are the texts tables' (data/gen/build and data/dataset_test.go check them).
			if ip, _ := f.props["interpolate"].(string); ip != "step" {
				t.Errorf("%s %s: interpolate %q, want step", layer, f.id, ip)
			}
		}
		t.Logf("%s: %d features, %d vertices, %d bytes", layer, len(feats), vertices, len(b))
	}
}

func TestZoneProperties(t *testing.T) {
	feats, _ := readCommitted(t, "zones")
	for _, f := range feats {
		switch k, _ := f.props["zone_kind"].(string); k {
		case "zone", "autonomous_sector", "city":
		default:
			t.Errorf("%s: zone_kind %q", f.id, k)
		}
		if _, ok := f.props["secretary"]; !ok {
			t.Errorf("%s: no secretary member (null when not sourced)", f.id)
		}
	}
}

func TestTracksDoNotOverlap(t *testing.T) {
	for _, layer := range []string{"zones", "control"} {
		feats, _ := readCommitted(t, layer)
		tracks := map[string][]parsed{}
		for _, f := range feats {
			if f.track != "" {
				tracks[f.track] = append(tracks[f.track], f)
			}
		}
		for id, kf := range tracks {
			sort.Slice(kf, func(i, j int) bool { return kf[i].from.Before(kf[j].from) })
			for i := 0; i+1 < len(kf); i++ {
				if kf[i].to.IsZero() || kf[i].to.After(kf[i+1].from) {
					t.Errorf("%s track %s: %s overlaps %s", layer, id, kf[i].id, kf[i+1].id)
				}
			}
		}
	}
}

func heldAt(feats []parsed, p orb.Point, at time.Time) bool {
	for _, f := range feats {
		if f.status == "held" && f.validAt(at) && topo.Contains(f.geom, p) {
			return true
		}
	}
	return false
}

func TestHeldDates(t *testing.T) {
	feats, _ := readCommitted(t, "control")
	cases := []struct {
		name string
		p    orb.Point
		from string
	}{
		{"Phnom Penh", orb.Point{104.9160, 11.5625}, "1979-01-07T12:00:00+07:00"},
		{"Kratie", orb.Point{106.0188, 12.4881}, "1978-12-30T12:00:00+07:00"},
		{"Snuol", orb.Point{106.4736, 12.1937}, "1978-11-15T00:00:00+07:00"},
		{"Stung Treng", orb.Point{105.9683, 13.5259}, "1979-01-01T12:00:00+07:00"},
		{"Suong (east bank)", orb.Point{105.6582, 11.9118}, "1979-01-03T00:00:00+07:00"},
		{"Kampong Cham town (west bank)", orb.Point{105.4635, 11.9934}, "1979-01-07T12:00:00+07:00"},
		{"Svay Rieng", orb.Point{105.7994, 11.0879}, "1979-01-02T12:00:00+07:00"},
		{"Takeo", orb.Point{104.7850, 10.9908}, "1979-01-05T12:00:00+07:00"},
		{"Kampong Som", orb.Point{103.5296, 10.6093}, "1979-02-01T00:00:00+07:00"},
		{"Battambang", orb.Point{103.1982, 13.1027}, "1979-02-01T00:00:00+07:00"},
		{"Siem Reap", orb.Point{103.8606, 13.3618}, "1979-02-01T00:00:00+07:00"},
	}
	for _, c := range cases {
		from, _ := time.Parse(time.RFC3339, c.from)
		if heldAt(feats, c.p, from.Add(-time.Second)) {
			t.Errorf("%s held before %s", c.name, c.from)
		}
		for _, at := range []time.Time{from, from.Add(time.Hour), from.AddDate(0, 6, 0), time.Date(1980, 12, 31, 23, 0, 0, 0, time.UTC)} {
			if !heldAt(feats, c.p, at) {
				t.Errorf("%s not held at %s", c.name, at)
			}
		}
	}
}

// instants returns the keyframe starts of both layers plus a regular sample of the window, each nudged by a
// minute so that no instant falls on a boundary.
func instants(layers ...[]parsed) []time.Time {
	seen := map[time.Time]bool{}
	var out []time.Time
	add := func(t time.Time) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, l := range layers {
		for _, f := range l {
			add(f.from.Add(time.Minute))
		}
	}
	for t := windowStart().Add(time.Minute); t.Year() < 1981; t = t.AddDate(0, 0, 10) {
		add(t)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Before(out[j]) })
	return out
}

// TestCoverageAndDisjoint checks, on a grid over Cambodia, that at every sampled instant of the window each point
// is covered by a zone or a control feature, and that no point is both in a zone and in a control feature (held
// or contested): a zone's part ends when the control layer first shows it.
func TestCoverageAndDisjoint(t *testing.T) {
	zones, _ := readCommitted(t, "zones")
	control, _ := readCommitted(t, "control")
	g, err := LoadGeometry(basemap.FS())
	if err != nil {
		t.Fatal(err)
	}
	var grid []orb.Point
	for x := 102.3137; x < 107.7; x += 0.1 {
		for y := 10.3071; y < 14.7; y += 0.1 {
			if p := (orb.Point{x, y}); topo.Contains(g.Country, p) {
				grid = append(grid, p)
			}
		}
	}
	for _, at := range instants(zones, control) {
		var zNow, cNow []parsed
		for _, f := range zones {
			if f.validAt(at) {
				zNow = append(zNow, f)
			}
		}
		for _, f := range control {
			if f.validAt(at) {
				cNow = append(cNow, f)
			}
		}
		uncovered, both := 0, 0
		for _, p := range grid {
			inZone, inControl := false, false
			for _, f := range zNow {
				if topo.Contains(f.geom, p) {
					inZone = true
				}
			}
			for _, f := range cNow {
				if topo.Contains(f.geom, p) {
					inControl = true
				}
			}
			if !inZone && !inControl {
				uncovered++
			}
			if inZone && inControl {
				both++
			}
		}
		if uncovered > 0 || both > 0 {
			t.Errorf("%s: %d grid points uncovered, %d in both a zone and a control feature", at.Format(time.RFC3339), uncovered, both)
		}
	}
	t.Logf("%d grid points, %d instants", len(grid), len(instants(zones, control)))
}

// TestProjectReader runs the project's dataset reader and validator on the two files.
func TestProjectReader(t *testing.T) {
	ds, err := data.ReadFS(os.DirFS(datasetDir), "zones.geojson", "control.geojson")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds.Features) == 0 {
		t.Fatal("no features")
	}
}
