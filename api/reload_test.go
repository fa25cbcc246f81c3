package api_test

import (
	"bytes"
	"context"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
	"github.com/timeslice/timeslice/data/postgis/postgistest"
	"github.com/timeslice/timeslice/geo"
)

// TestReloadDropsCachedAnswers loads a layer again with --replace under a
// running server whose response cache is on: within a second the server
// answers with the new data, without a restart.
func TestReloadDropsCachedAnswers(t *testing.T) {
	_, st, ds := postgistest.Loaded(t)
	ctx := context.Background()
	hs := httptest.NewServer(api.New(st, api.Options{CacheBytes: 16 << 20}))
	defer hs.Close()
	url := hs.URL + "/collections/places/items?limit=10000"
	before := get(t, url)
	if before.status != 200 || !bytes.Contains(before.body, []byte(`"numberMatched"`)) {
		t.Fatalf("before: %d %s", before.status, before.body)
	}
	if again := get(t, url); !bytes.Equal(again.body, before.body) {
		t.Fatal("the same data gave different bytes")
	}

	// Replace the places layer with one renamed place.
	places := reloadOnePlace(t, st, ds, "Renamed for the test", func(geo.Feature) bool { return true })
	deadline := time.Now().Add(5 * time.Second)
	for {
		after := get(t, url)
		if bytes.Contains(after.body, []byte("Renamed for the test")) {
			if after.header.Get("ETag") == before.header.Get("ETag") {
				t.Error("new data under the old ETag")
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("still the old answer 5 s after the load: %.300s", after.body)
		}
		time.Sleep(100 * time.Millisecond)
	}
	// A load that changes nothing does not empty the cache: the version stays.
	v1, _ := st.Version(ctx)
	if _, err := st.Load(ctx, &data.Dataset{Features: places}, postgis.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	if v2, _ := st.Version(ctx); v2 != v1 {
		t.Errorf("an idempotent reload moved the version from %s to %s", v1, v2)
	}
}

// reloadOnePlace replaces the places layer in st (with --replace) by the
// first place of ds that ok accepts, renamed name, and returns that layer.
func reloadOnePlace(t *testing.T, st *postgis.Store, ds *data.Dataset, name string, ok func(geo.Feature) bool) []geo.Feature {
	t.Helper()
	var places []geo.Feature
	for _, f := range ds.Features {
		if f.Layer == "places" && ok(f) {
			f.Props = map[string]any{"name": map[string]any{"en": name},
				"sources": []any{map[string]any{"title": "test"}}, "certainty": "low"}
			f.Seq = 0
			places = append(places, f)
			break
		}
	}
	if len(places) == 0 {
		t.Fatal("the test dataset has no such place")
	}
	if _, err := st.Load(context.Background(), &data.Dataset{Features: places}, postgis.LoadOptions{Replace: true}); err != nil {
		t.Fatal(err)
	}
	return places
}
