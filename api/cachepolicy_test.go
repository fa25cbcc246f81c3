package api_test

import (
	"net/http/httptest"
	"testing"
	"time"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data/postgis/postgistest"
	"github.com/timeslice/timeslice/geo"
)

// checkPolicy checks that every data answer (of a layer that has
// features) may be kept a minute at most and carries a strong ETag to
// revalidate it with.
func checkPolicy(t *testing.T, base, layer string) {
	t.Helper()
	c := "/collections/" + layer
	for _, p := range []string{
		"/collections", c, c + "/items?limit=10000", c + "/items?datetime=1979-01-08T00:00:00Z", "/timeline",
		c + "/tiles/WebMercatorQuad", c + "/tiles/WebMercatorQuad/0/0/0",
	} {
		a := get(t, base+p)
		if a.status != 200 {
			t.Errorf("%s: status %d", p, a.status)
			continue
		}
		if cc := a.header.Get("Cache-Control"); cc != "public, max-age=60" {
			t.Errorf("%s: Cache-Control %q, want public, max-age=60", p, cc)
		}
		if e := a.header.Get("ETag"); len(e) < 3 || e[0] != '"' {
			t.Errorf("%s: ETag %q, want a strong one", p, e)
		}
	}
}

// TestCachePolicyEmbedded: the embedded store, cache on and off.
func TestCachePolicyEmbedded(t *testing.T) {
	for _, cacheBytes := range []int64{0, 1 << 20} {
		srv := fixtureServer(t, api.Options{CacheBytes: cacheBytes})
		checkPolicy(t, srv.URL, "flows")
	}
}

// TestCachePolicyAfterReload: a browser holding an answer from PostGIS
// revalidates it after a minute; before a reload it gets 304, after one
// the new answer under a new ETag, within versionTTL of the load.
func TestCachePolicyAfterReload(t *testing.T) {
	_, st, ds := postgistest.Loaded(t)
	hs := httptest.NewServer(api.New(st, api.Options{CacheBytes: 16 << 20}))
	defer hs.Close()
	checkPolicy(t, hs.URL, "places")

	url := hs.URL + "/collections/places/items?datetime=1979-06-01T00:00:00Z"
	before := get(t, url)
	etag := before.header.Get("ETag")
	if a := get(t, url, "If-None-Match", etag); a.status != 304 {
		t.Fatalf("revalidation before the reload: status %d, want 304", a.status)
	}
	reloadOnePlace(t, st, ds, "Renamed by the cache test", func(f geo.Feature) bool { return f.OpenEnded() })
	loaded := time.Now()
	for {
		a := get(t, url, "If-None-Match", etag)
		if a.status == 200 {
			if a.header.Get("ETag") == etag || a.header.Get("Cache-Control") != "public, max-age=60" {
				t.Errorf("after the reload: ETag %s (was %s), Cache-Control %q", a.header.Get("ETag"), etag, a.header.Get("Cache-Control"))
			}
			break
		}
		if a.status != 304 {
			t.Fatalf("revalidation: status %d", a.status)
		}
		// The server trusts the data version it read for a second.
		if time.Since(loaded) > 5*time.Second {
			t.Fatal("still 304 for the old ETag 5 s after the reload")
		}
		time.Sleep(50 * time.Millisecond)
	}
}
