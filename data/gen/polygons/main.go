// Command polygons writes the geometry of the two polygon layers of the Timeslice dataset,
// data/source/geometry/zones.geojson (the zones and autonomous sectors of Democratic Kampuchea, April 1978 until
// their areas fell) and data/source/geometry/control.geojson (the area held by Vietnamese and KUFNS/PRK forces from
// November 1978, and what stayed contested in 1979–1980).
//
// Both are built from the project's own approximate provinces of c. 1975 (tiles/basemap/provinces_1975.geojson,
// embedded in package basemap), cut along a few hand-drawn lines (the Mekong through Kampong Cham, the pocket
// around Snuol, two contested border strips). Names, notes, certainty and sources are not here: they live in
// data/source/texts/<layer>.csv and data/source/bibliography.csv, and go run ./data/gen/build merges them with this
// geometry into data/dataset/. Run from the repository root:
//
//	go run ./data/gen/polygons            # writes data/source/geometry/zones.geojson and control.geojson
//	go run ./data/gen/polygons -out DIR   # writes somewhere else
//	go run ./data/gen/build               # then rebuild data/dataset/
//
// The output is deterministic: the same inputs always give the same bytes.
package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/tiles/basemap"
)

func main() {
	out := flag.String("out", filepath.Join("data", "source", "geometry"), "directory to write zones.geojson and control.geojson to")
	flag.Parse()
	files, err := Build()
	if err != nil {
		log.Fatal(err)
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		path := filepath.Join(*out, name)
		if err := os.WriteFile(path, files[name], 0o644); err != nil {
			log.Fatalf("write %s: %v", path, err)
		}
		log.Printf("%s: %d bytes", path, len(files[name]))
	}
}

// Build generates the two layer files in memory, keyed by file name.
func Build() (map[string][]byte, error) {
	g, err := LoadGeometry(basemap.FS())
	if err != nil {
		return nil, err
	}
	zones, err := Zones(g)
	if err != nil {
		return nil, fmt.Errorf("zones: %w", err)
	}
	control, err := Control(g)
	if err != nil {
		return nil, fmt.Errorf("control: %w", err)
	}
	files := map[string][]byte{}
	for _, l := range []struct {
		id    string
		feats []Feature
	}{{"zones", zones}, {"control", control}} {
		b, err := Encode(l.id, l.feats)
		if err != nil {
			return nil, fmt.Errorf("encode %s: %w", l.id, err)
		}
		files[l.id+".geojson"] = b
	}
	return files, nil
}

// ict is Cambodian local time, UTC+07:00, in which the dataset is written.
func ict() *time.Location { return time.FixedZone("+07:00", 7*3600) }

// at parses "2006-01-02T15:04" or "2006-01-02" as Cambodian local time.
func at(s string) time.Time {
	layout := "2006-01-02T15:04"
	if len(s) == len("2006-01-02") {
		layout = "2006-01-02"
	}
	t, err := time.ParseInLocation(layout, s, ict())
	if err != nil {
		panic(fmt.Sprintf("bad date %q in a table: %v", s, err)) // tables are constants of this program
	}
	return t
}

func stamp(t time.Time) string { return t.In(ict()).Format(time.RFC3339) }

// Feature is one dataset feature before encoding.
type Feature struct {
	ID       string
	Geometry orb.MultiPolygon
	Props    any // a *zoneProps or *controlProps: field order is the output order
}

// Encode writes a layer file: a FeatureCollection with "collection", one feature per line.
func Encode(layer string, feats []Feature) ([]byte, error) {
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"type":"FeatureCollection","collection":%q,"features":[`, layer)
	for i, f := range feats {
		geom, err := json.Marshal(geojson.NewGeometry(f.Geometry))
		if err != nil {
			return nil, fmt.Errorf("feature %s: geometry: %w", f.ID, err)
		}
		props, err := json.Marshal(f.Props)
		if err != nil {
			return nil, fmt.Errorf("feature %s: properties: %w", f.ID, err)
		}
		id, _ := json.Marshal(f.ID)
		if i > 0 {
			buf.WriteByte(',')
		}
		fmt.Fprintf(&buf, "\n{\"type\":\"Feature\",\"id\":%s,\"geometry\":%s,\"properties\":%s}", id, geom, props)
	}
	buf.WriteString("\n]}\n")
	return buf.Bytes(), nil
}

func strPtr(s string) *string { return &s }
