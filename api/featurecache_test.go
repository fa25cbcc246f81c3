package api_test

import (
	"bytes"
	"compress/gzip"
	"io"
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
			zr, err := gzip.NewReader(bytes.NewReader(gz.body))
			if err != nil {
				t.Fatalf("%s: %v", q, err)
			}
			zr.Multistream(false)
			b, err := io.ReadAll(zr)
			if err != nil || !bytes.Equal(b, plain.body) {
				t.Errorf("%s round %d: gunzipped %d bytes (%v), want the plain %d", q, round, len(b), err, len(plain.body))
			}
		}
	}
	if zipped == 0 {
		t.Error("no answer was large enough to zip: the test checks nothing")
	}
}
