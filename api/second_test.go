package api_test

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
	"github.com/timeslice/timeslice/data/postgis/pgtest"
)

// secondDir is the second dataset: synthetic, not Cambodia, other layer
// ids, Paris time (across a change to summer time), French first.
const secondDir = "../data/testdata/second"

func readSecond(t *testing.T) *data.Dataset {
	t.Helper()
	ds, err := data.ReadDir(os.DirFS(secondDir))
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// TestSecondDataset serves the second dataset: the API knows its layers,
// order, titles, time zone and events from its manifest alone.
func TestSecondDataset(t *testing.T) {
	srv := httptest.NewServer(api.New(data.NewMemory(readSecond(t)), api.Options{CacheBytes: 1 << 20}))
	defer srv.Close()
	contains := []struct{ path, want string }{
		{"/?f=json", `"title":"Timeslice: Convois, printemps 2021 (données synthétiques)"`},
		{"/collections", `"collections":[{"id":"secteurs","title":"Secteurs"`},
		{"/collections/routes", `"interval":[["2021-03-20T08:00:00+01:00",null]]`},
		{"/dataset", `"default_language":"fr","time_zone":"Europe/Paris"`},
		{"/dataset", `/dataset/bibliography","rel":"bibliography"`},
		{"/dataset/bibliography", `"key": "synthetic2021"`},
		{"/timeline", `"start":"2021-03-20T00:00:00+01:00"`},
		{"/timeline", `/collections/jalons/items","rel":"related"`},
		// Halfway along r1-1, interpolated; instants in Paris time.
		{"/collections/routes/items?datetime=" + url.QueryEscape("2021-03-23T20:00:00+01:00"), `"vehicles":25`},
		{"/collections/routes/items?datetime=" + url.QueryEscape("2021-03-30T12:00:00Z"), `"valid_to":"2021-04-03T08:00:00+02:00"`},
		// A bare date is that day in Paris: 28 March holds j2 (09:00 summer time).
		{"/collections/jalons/items?datetime=2021-03-28", `"numberMatched":1`},
		{"/collections/jalons/items?datetime=2021-03-28", `"id":"j2"`},
		{"/collections/depots/tiles/WebMercatorQuad?f=tilejson&datetime=2021-03-25", `"id":"depots"`},
	}
	for _, c := range contains {
		a := get(t, srv.URL+c.path)
		if a.status != 200 || !strings.Contains(string(a.body), c.want) {
			t.Errorf("%s: %d %.600s\nwant it to contain %s", c.path, a.status, a.body, c.want)
		}
	}
	var doc struct {
		Components struct {
			Parameters struct {
				CollectionID struct {
					Schema struct{ Enum []string }
				} `json:"collectionId"`
			}
		}
	}
	if err := json.Unmarshal(get(t, srv.URL+"/api").body, &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Components.Parameters.CollectionID.Schema.Enum; !slices.Equal(got, []string{"secteurs", "routes", "depots", "jalons"}) {
		t.Errorf("/api: collectionId enum %v, want the manifest's layers", got)
	}
	var tl struct {
		Events []struct{ ID string } `json:"events"`
	}
	if err := json.Unmarshal(get(t, srv.URL+"/timeline").body, &tl); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range tl.Events {
		ids = append(ids, e.ID)
	}
	if !slices.Equal(ids, []string{"j1", "j2", "j3"}) {
		t.Errorf("timeline events %v, want j1 j2 j3", ids)
	}
	for _, path := range []string{"/collections/routes/tiles/6/32/22.mvt?datetime=2021-03-25T12:00:00Z", "/collections/secteurs/tiles/0/0/0.mvt"} {
		if a := get(t, srv.URL+path); a.status != 200 || len(a.body) == 0 {
			t.Errorf("%s: %d, %d bytes", path, a.status, len(a.body))
		}
	}
	for _, path := range []string{"/collections/flows", "/collections/events/items", "/collections/camps/tiles/0/0/0.mvt"} {
		if a := get(t, srv.URL+path); a.status != 404 {
			t.Errorf("%s: %d, want 404: not a layer of this dataset", path, a.status)
		}
	}
}

// TestSetStore swaps the dataset under a server with its cache on: the
// next answers come from the new one, none cached for the old.
func TestSetStore(t *testing.T) {
	first, err := data.ReadFS(os.DirFS("testdata"))
	if err != nil {
		t.Fatal(err)
	}
	h := api.New(data.NewMemory(first), api.Options{CacheBytes: 1 << 20})
	srv := httptest.NewServer(h)
	defer srv.Close()
	for range 2 { // the second answer is the cached one
		if a := get(t, srv.URL+"/collections"); !strings.Contains(string(a.body), `"id":"flows"`) {
			t.Fatalf("before the swap: %.300s", a.body)
		}
	}
	h.SetStore(data.NewMemory(readSecond(t)))
	if a := get(t, srv.URL+"/collections"); strings.Contains(string(a.body), `"id":"flows"`) || !strings.Contains(string(a.body), `"id":"secteurs"`) {
		t.Errorf("after the swap: %.300s", a.body)
	}
	if a := get(t, srv.URL+"/collections/flows/items"); a.status != 404 {
		t.Errorf("a layer of the old dataset after the swap: %d", a.status)
	}
}

// TestSecondDatasetConformance loads the second dataset into PostGIS:
// the API answers byte for byte as over the embedded store, tiles too.
func TestSecondDatasetConformance(t *testing.T) {
	c := pgtest.New(t)
	ctx := context.Background()
	st, err := postgis.Open(ctx, c.DSN, postgis.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ds := readSecond(t)
	if _, err := st.Load(ctx, ds, postgis.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	var tiles []string
	for _, l := range ds.Manifest.LayerIDs() {
		for _, dt := range []string{"", "?datetime=2021-03-25T12:00:00Z", "?datetime=2021-03-28", "?datetime=2021-04-05T00:00:00%2B02:00"} {
			tiles = append(tiles, "/collections/"+l+"/tiles/0/0/0.mvt"+dt, "/collections/"+l+"/tiles/6/32/22.mvt"+dt,
				"/collections/"+l+"/tiles"+dt)
		}
	}
	conform(t, st, ds, tiles)
}
