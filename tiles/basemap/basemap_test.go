package basemap

import (
	"io/fs"
	"sort"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/tiles/basemap/topo"
)

func box() orb.Bound { return orb.Bound{Min: orb.Point{101, 9.5}, Max: orb.Point{109, 15.5}} }

const maxFileSize = 1 << 20

func readLayer(t *testing.T, id string) (*geojson.FeatureCollection, int) {
	t.Helper()
	b, err := fs.ReadFile(FS(), id+".geojson")
	if err != nil {
		t.Fatalf("read %s: %v", id, err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		t.Fatalf("parse %s: %v", id, err)
	}
	if fc.Type != "FeatureCollection" {
		t.Fatalf("%s: type %q", id, fc.Type)
	}
	if len(fc.Features) == 0 {
		t.Fatalf("%s: no features", id)
	}
	return fc, len(b)
}

func TestLayersAndFSAgree(t *testing.T) {
	var inFS []string
	err := fs.WalkDir(FS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			inFS = append(inFS, strings.TrimSuffix(path, ".geojson"))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	seen := map[string]bool{}
	for _, l := range Layers() {
		if seen[l.ID] {
			t.Errorf("layer %s listed twice", l.ID)
		}
		seen[l.ID] = true
		if l.Title == "" || l.Attribution == "" || l.License == "" {
			t.Errorf("layer %s: empty title, attribution or licence: %+v", l.ID, l)
		}
		listed = append(listed, l.ID)
	}
	sort.Strings(inFS)
	sort.Strings(listed)
	if strings.Join(inFS, ",") != strings.Join(listed, ",") {
		t.Errorf("FS has %v, Layers() lists %v", inFS, listed)
	}
}

func TestLayerFiles(t *testing.T) {
	total := 0
	for _, l := range Layers() {
		t.Run(l.ID, func(t *testing.T) {
			fc, size := readLayer(t, l.ID)
			total += size
			if size > maxFileSize {
				t.Errorf("%d bytes, over 1 MB", size)
			}
			ids := map[any]bool{}
			for i, f := range fc.Features {
				if f.ID == nil || ids[f.ID] {
					t.Errorf("feature %d: missing or repeated id %v", i, f.ID)
				}
				ids[f.ID] = true
				if f.Geometry == nil {
					t.Errorf("feature %v: no geometry", f.ID)
					continue
				}
				checkCoords(t, f.ID, f.Geometry)
				switch g := f.Geometry.(type) {
				case orb.Polygon:
					checkRings(t, f.ID, orb.MultiPolygon{g})
				case orb.MultiPolygon:
					checkRings(t, f.ID, g)
				}
			}
		})
	}
	t.Logf("basemap total %d bytes", total)
}

func checkCoords(t *testing.T, id any, g orb.Geometry) {
	t.Helper()
	bad := 0
	var first orb.Point
	walk(g, func(p orb.Point) {
		if !box().Contains(p) {
			if bad == 0 {
				first = p
			}
			bad++
		}
	})
	if bad > 0 {
		t.Errorf("feature %v: %d coordinates outside the box, e.g. %v", id, bad, first)
	}
}

func walk(g orb.Geometry, fn func(orb.Point)) {
	switch g := g.(type) {
	case orb.Point:
		fn(g)
	case orb.MultiPoint:
		for _, p := range g {
			fn(p)
		}
	case orb.LineString:
		for _, p := range g {
			fn(p)
		}
	case orb.MultiLineString:
		for _, l := range g {
			walk(l, fn)
		}
	case orb.Ring:
		for _, p := range g {
			fn(p)
		}
	case orb.Polygon:
		for _, r := range g {
			walk(r, fn)
		}
	case orb.MultiPolygon:
		for _, p := range g {
			walk(p, fn)
		}
	}
}

// checkRings checks that rings are closed, exteriors counter-clockwise and holes clockwise.
func checkRings(t *testing.T, id any, mp orb.MultiPolygon) {
	t.Helper()
	for pi, p := range mp {
		for ri, r := range p {
			if len(r) < 4 || r[0] != r[len(r)-1] {
				t.Errorf("feature %v polygon %d ring %d: not closed or too short", id, pi, ri)
				continue
			}
			a := topo.SignedArea(r)
			if ri == 0 && a <= 0 {
				t.Errorf("feature %v polygon %d: exterior not counter-clockwise", id, pi)
			}
			if ri > 0 && a >= 0 {
				t.Errorf("feature %v polygon %d ring %d: hole not clockwise", id, pi, ri)
			}
		}
	}
}

// TestPolygonsValid checks every polygon with the full validity test (no self-intersection), and that the
// c. 1975 provinces cover known towns.
func TestPolygonsValid(t *testing.T) {
	for _, l := range Layers() {
		fc, _ := readLayer(t, l.ID)
		for _, f := range fc.Features {
			var mp orb.MultiPolygon
			switch g := f.Geometry.(type) {
			case orb.Polygon:
				mp = orb.MultiPolygon{g}
			case orb.MultiPolygon:
				mp = g
			default:
				continue
			}
			if err := topo.Validate(mp); err != nil {
				t.Errorf("%s %v: %v", l.ID, f.ID, err)
			}
		}
	}
	fc, _ := readLayer(t, "provinces_1975")
	want := map[string]orb.Point{
		"phnom_penh":  {104.9160, 11.5625},
		"kratie":      {106.0188, 12.4881},
		"battambang":  {102.5637, 13.6581}, // Poipet, in today's Banteay Meanchey
		"kampot":      {104.3167, 10.4829}, // Kep
		"kampong_som": {103.5296, 10.6093},
	}
	for _, f := range fc.Features {
		if p, ok := want[f.ID.(string)]; ok {
			if !topo.Contains(f.Geometry.(orb.MultiPolygon), p) {
				t.Errorf("provinces_1975 %v does not contain %v", f.ID, p)
			}
			delete(want, f.ID.(string))
		}
	}
	if len(want) > 0 {
		t.Errorf("missing provinces: %v", want)
	}
}

func TestTownsAndRoads(t *testing.T) {
	towns, _ := readLayer(t, "towns")
	for _, f := range towns.Features {
		if _, ok := f.Properties["population"]; !ok {
			t.Errorf("town %v: no population member", f.ID)
		}
		name, _ := f.Properties["name"].(map[string]any)
		if name["en"] == "" || name["en"] == nil {
			t.Errorf("town %v: no English name", f.ID)
		}
		if name["en"] == "Takeo" && f.Properties["population"] != nil {
			t.Errorf("Takeo keeps GeoNames' province-sized population %v", f.Properties["population"])
		}
	}
	roads, _ := readLayer(t, "roads")
	refs := map[string]bool{}
	for _, f := range roads.Features {
		if f.Properties["schematic"] != true {
			t.Errorf("road %v: not marked schematic", f.ID)
		}
		refs[f.Properties.MustString("ref", "")] = true
	}
	for i := 1; i <= 7; i++ {
		if ref := "NR" + string(rune('0'+i)); !refs[ref] {
			t.Errorf("no %s", ref)
		}
	}
}
