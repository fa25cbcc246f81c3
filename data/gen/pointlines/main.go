// Command pointlines writes the geometry of the point and line layers of the
// Timeslice dataset (advances, perimeter, flows, camps, events, places) from
// the compact tables in this directory: positions, routes, times, tracks and
// numeric and structural properties. Names, captions, notes, certainty and
// sources are not here: they live in data/source/texts/<layer>.csv and
// data/source/bibliography.csv, and go run ./data/gen/build merges them with
// this geometry into data/dataset/. Run from the repository root:
//
//	go run ./data/gen/pointlines            # writes data/source/geometry/*.geojson
//	go run ./data/gen/pointlines -out DIR   # writes somewhere else
//	go run ./data/gen/build                 # then rebuild data/dataset/
//
// The output is deterministic: the same tables always give the same bytes.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"time"

	"github.com/timeslice/timeslice/data/gen/internal/genjson"
)

// ict is Cambodian local time, UTC+07:00, in which the dataset is written.
var ict = time.FixedZone("+07:00", 7*3600)

// at parses "2006-01-02T15:04" (or "2006-01-02") as Cambodian local time.
func at(s string) time.Time {
	layout := "2006-01-02T15:04"
	if len(s) == len("2006-01-02") {
		layout = "2006-01-02"
	}
	t, err := time.ParseInLocation(layout, s, ict)
	if err != nil {
		panic(err)
	}
	return t
}

// stamp formats an instant as RFC 3339 in local time.
func stamp(t time.Time) string { return t.In(ict).Format(time.RFC3339) }

// stampOrNil is stamp, or nil (JSON null) for the zero time.
func stampOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return stamp(t)
}

// P is a position, longitude then latitude.
type P [2]float64

// Feature is one output feature.
type Feature struct {
	ID    string
	Geom  map[string]any
	Props map[string]any
}

func point(p P) map[string]any { return map[string]any{"type": "Point", "coordinates": round(p)} }

func line(ps []P) map[string]any {
	c := make([][]float64, 0, len(ps))
	for _, p := range ps {
		r := round(p)
		if n := len(c); n > 0 && c[n-1][0] == r[0] && c[n-1][1] == r[1] {
			continue
		}
		c = append(c, r)
	}
	return map[string]any{"type": "LineString", "coordinates": c}
}

func polygon(rings ...[]P) map[string]any {
	var c [][][]float64
	for _, ring := range rings {
		var r [][]float64
		for _, p := range ring {
			r = append(r, round(p))
		}
		if a, b := r[0], r[len(r)-1]; a[0] != b[0] || a[1] != b[1] {
			r = append(r, r[0])
		}
		c = append(c, r)
	}
	return map[string]any{"type": "Polygon", "coordinates": c}
}

func round(p P) []float64 {
	return []float64{math.Round(p[0]*1e5) / 1e5, math.Round(p[1]*1e5) / 1e5}
}

// base returns the time properties every feature carries. Names, captions,
// notes, certainty and sources are not the generator's: they come from
// data/source/texts and data/source/bibliography.csv (go run ./data/gen/build).
func base(from, to time.Time, track, interp string) map[string]any {
	p := map[string]any{
		"valid_from":  stamp(from),
		"valid_to":    stampOrNil(to),
		"track":       nil,
		"interpolate": interp,
	}
	if track != "" {
		p["track"] = track
	}
	return p
}

// writeLayer writes one FeatureCollection, one feature per line.
func writeLayer(dir, layer string, feats []Feature) error {
	ids := map[string]bool{}
	var b bytes.Buffer
	fmt.Fprintf(&b, "{\"type\":\"FeatureCollection\",\"collection\":%q,\"features\":[\n", layer)
	for i, f := range feats {
		if ids[f.ID] {
			return fmt.Errorf("%s: duplicate id %s", layer, f.ID)
		}
		ids[f.ID] = true
		js, err := genjson.Marshal(struct {
			Type       string         `json:"type"`
			ID         string         `json:"id"`
			Geometry   map[string]any `json:"geometry"`
			Properties map[string]any `json:"properties"`
		}{"Feature", f.ID, f.Geom, f.Props})
		if err != nil {
			return fmt.Errorf("%s/%s: %w", layer, f.ID, err)
		}
		b.Write(js)
		if i < len(feats)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}\n")
	return os.WriteFile(filepath.Join(dir, layer+".geojson"), b.Bytes(), 0o644)
}

func main() {
	out := flag.String("out", filepath.Join("data", "source", "geometry"), "directory to write the layers to")
	flag.Parse()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		log.Fatal(err)
	}
	for _, l := range layers() {
		if err := writeLayer(*out, l.name, l.feats); err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%s: %d features\n", l.name, len(l.feats))
	}
}

type layer struct {
	name  string
	feats []Feature
}

// layers builds the six layers from the tables.
func layers() []layer {
	return []layer{
		{"places", placeFeatures()},
		{"events", eventFeatures()},
		{"advances", advanceFeatures()},
		{"perimeter", perimeterFeatures()},
		{"flows", flowFeatures()},
		{"camps", campFeatures()},
	}
}

// noEnd is the zero time, written as valid_to null (open-ended).
var noEnd time.Time
