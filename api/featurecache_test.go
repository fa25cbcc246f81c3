package api_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/timeslice/timeslice/api"
)

// TestSplicedSlices: slices written from the keyframe cache are the bytes
// written without it, and their spliced gzip unzips to them, whether the
// features come from the cache or not, moved by a linear track or not.
func TestSplicedSlices(t *testing.T) {
	srv := fixtureServer(t, api.Options{}) // response cache off: every request a miss
	ref := fixtureServer(t, api.Options{}) // a second server, its keyframe cache cold
	zipped := 0
	for _, q := range []string{
		"/collections/flows/items?datetime=1979-01-05T17:00:00Z", // walk-1 moved by its linear track
		"/collections/flows/items?datetime=1979-01-01T00:00:00%2B07:00",
		"/collections/flows/items?datetime=1979-01-01T00:01:00%2B07:00", // the same span: the same page
		"/collections/flows/items?datetime=1979-01-20T00:00:00Z",
		"/collections/flows/items?datetime=1979-01-01/1979-02-01",
		"/collections/flows/items?limit=2&offset=1",
		"/collections/flows/items",
	} {
		for round := 0; round < 2; round++ { // the second round from the cache
			plain := get(t, srv.URL+q)
			gz := get(t, srv.URL+q, "Accept-Encoding", "gzip")
			cold := get(t, ref.URL+q)
			if plain.status != 200 || !bytes.Equal(plain.body, bytes.ReplaceAll(cold.body, []byte(ref.URL), []byte(srv.URL))) {
				t.Fatalf("%s round %d: %d, the bytes differ from a cold server's:\n%s\n%s", q, round, plain.status, plain.body, cold.body)
			}
			if gz.header.Get("Content-Encoding") != "gzip" {
				continue // too small to zip
			}
			zipped++
			b, err := gunzip(gz.body)
			if err != nil || !bytes.Equal(b, plain.body) {
				t.Errorf("%s round %d: gunzipped %d bytes (%v), want the plain %d", q, round, len(b), err, len(plain.body))
			}
		}
	}
	if zipped == 0 {
		t.Error("no answer was large enough to zip: the test checks nothing")
	}
}

// TestCachesConcurrent asks many instants from many goroutines at once
// (run with -race): the keyframe and span caches fill while being read,
// and every answer, unzipped, is what a server asked one at a time gives.
func TestCachesConcurrent(t *testing.T) {
	ref := embeddedServer(t)
	var queries []string
	for d := 1; d <= 28; d++ {
		at := fmt.Sprintf("1979-01-%02dT05:00:00Z", d)
		queries = append(queries, "/collections/control/items?datetime="+at, "/collections/flows/items?datetime="+at,
			"/collections/control/tiles/WebMercatorQuad/8/119/202?datetime="+at)
	}
	want := map[string][]byte{}
	for _, q := range queries {
		want[q] = bytes.ReplaceAll(get(t, ref.URL+q).body, []byte(ref.URL), nil)
	}
	srv := embeddedServer(t) // its caches cold: the goroutines race to fill them
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(queries))
	for g := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{DisableCompression: true}} // one connection pool per goroutine
			defer client.CloseIdleConnections()
			for i := range queries {
				q := queries[(i+g*7)%len(queries)]
				req, _ := http.NewRequest(http.MethodGet, srv.URL+q, nil)
				req.Header.Set("Accept-Encoding", "gzip")
				res, err := client.Do(req)
				if err != nil {
					errs <- q + ": " + err.Error()
					continue
				}
				var r io.Reader = res.Body
				if res.Header.Get("Content-Encoding") == "gzip" {
					if r, err = gzip.NewReader(res.Body); err != nil {
						errs <- q + ": " + err.Error()
						res.Body.Close()
						continue
					}
				}
				b, err := io.ReadAll(r)
				res.Body.Close()
				if err != nil || !bytes.Equal(bytes.ReplaceAll(b, []byte(srv.URL), nil), want[q]) {
					errs <- fmt.Sprintf("%s: differs from the answer asked alone (%v)", q, err)
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
