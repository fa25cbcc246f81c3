package api_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"

	"github.com/timeslice/timeslice/api"
)

func TestVectorTiles(t *testing.T) {
	srv := fixtureServer(t, api.Options{CacheBytes: 1 << 20})
	a := get(t, srv.URL+"/collections/flows/tiles?datetime=1979-01-05T17:00:00Z")
	if a.status != 200 {
		t.Fatalf("TileJSON: status %d: %s", a.status, a.body)
	}
	var tj struct {
		TileJSON     string
		Tiles        []string
		VectorLayers []struct {
			ID     string
			Fields map[string]string
		} `json:"vector_layers"`
	}
	if err := json.Unmarshal(a.body, &tj); err != nil {
		t.Fatal(err)
	}
	wantURL := srv.URL + "/collections/flows/tiles/{z}/{x}/{y}.mvt?datetime=1979-01-05T17%3A00%3A00Z"
	if tj.TileJSON != "3.0.0" || len(tj.Tiles) != 1 || tj.Tiles[0] != wantURL || tj.VectorLayers[0].Fields["people"] != "Number" {
		t.Fatalf("TileJSON %+v", tj)
	}
	// The tile over the Route 1 flow, at the instant the TileJSON names.
	tile := maptile.At(orb.Point{105.6, 11.15}, 7)
	url := strings.NewReplacer("{z}", "7", "{x}", itoa(tile.X), "{y}", itoa(tile.Y)).Replace(tj.Tiles[0])
	mt := get(t, url)
	if mt.status != 200 || mt.header.Get("Content-Type") != "application/vnd.mapbox-vector-tile" || mt.header.Get("ETag") == "" {
		t.Fatalf("tile: %d %v", mt.status, mt.header)
	}
	layers, err := mvt.Unmarshal(mt.body)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range layers[0].Features {
		ids = append(ids, f.Properties["id"].(string))
		if f.Properties["id"] == "walk-1" && f.Properties["people"] != 2000.0 {
			t.Errorf("walk-1 people = %v, want the interpolated 2000", f.Properties["people"])
		}
	}
	if strings.Join(ids, ",") != "walk-1" {
		t.Errorf("tile features %v, want walk-1 only", ids)
	}
	for path, status := range map[string]int{
		"/collections/flows/tiles/17/0/0.mvt":               400 + 4, // too deep
		"/collections/flows/tiles/2/4/0.mvt":                404,
		"/collections/armies/tiles/0/0/0.mvt":               404,
		"/collections/flows/tiles/0/0/0.mvt?datetime=x":     400,
		"/collections/flows/tiles/0/0/0.mvt?bbox=1,2,3,4":   400,
		"/collections/flows/tiles/0/0/0.mvt":                200,
		"/collections/flows/tiles/0/0/0.mvt?datetime=../..": 200,
	} {
		if a := get(t, srv.URL+path); a.status != status {
			t.Errorf("%s: status %d, want %d: %s", path, a.status, status, a.body)
		}
	}
}

func itoa(n uint32) string {
	b, _ := json.Marshal(n)
	return string(b)
}
