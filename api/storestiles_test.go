package api_test

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis/postgistest"
)

// TestStoresSameTilesAndZips: the embedded store and PostGIS holding the
// same data give the same vector tiles, and the same gzip bytes for
// slices (spliced from each server's own keyframe cache) and tiles.
func TestStoresSameTilesAndZips(t *testing.T) {
	_, st, ds := postgistest.Loaded(t)
	ctx := context.Background()
	mem := data.NewMemory(ds)
	tl, err := mem.Timeline(ctx)
	if err != nil {
		t.Fatal(err)
	}
	opts := api.Options{BaseURL: "http://timeslice.test"}
	servers := [2]http.Handler{api.New(mem, opts), api.New(st, opts)}
	var urls []string
	for i, in := range tl.Instants {
		if i%7 != 0 {
			continue
		}
		// Between two keyframes: linear tracks move.
		at := in.Add(13 * time.Hour).UTC().Format(time.RFC3339)
		for _, l := range ds.Manifest.LayerIDs() {
			urls = append(urls, "/collections/"+l+"/items?datetime="+at)
			for z := maptile.Zoom(5); z <= 8; z += 3 {
				tile := maptile.At(orb.Point{104.92, 11.56}, z) // Phnom Penh
				urls = append(urls, "/collections/"+l+"/tiles/WebMercatorQuad/"+itoa(uint32(z))+"/"+itoa(tile.Y)+"/"+itoa(tile.X)+"?datetime="+at)
			}
		}
	}
	zipped := 0
	for _, u := range urls {
		for _, enc := range []string{"", "gzip"} {
			var rec [2]*httptest.ResponseRecorder
			for i, s := range servers {
				req := httptest.NewRequest(http.MethodGet, u, nil)
				if enc != "" {
					req.Header.Set("Accept-Encoding", enc)
				}
				rec[i] = httptest.NewRecorder()
				s.ServeHTTP(rec[i], req)
			}
			e, p := rec[0], rec[1]
			if e.Code != p.Code || !bytes.Equal(e.Body.Bytes(), p.Body.Bytes()) ||
				e.Header().Get("ETag") != p.Header().Get("ETag") || e.Header().Get("Content-Encoding") != p.Header().Get("Content-Encoding") {
				t.Errorf("%s (%s): embedded %d, %d bytes, postgis %d, %d bytes", u, enc, e.Code, e.Body.Len(), p.Code, p.Body.Len())
			}
			if e.Code >= 300 && e.Code != http.StatusNoContent {
				t.Errorf("%s: %d %s", u, e.Code, e.Body)
			}
			if e.Header().Get("Content-Encoding") == "gzip" {
				zipped++
			}
		}
	}
	if zipped == 0 {
		t.Error("nothing was zipped: the test checks no gzip")
	}
	t.Logf("%d URLs, plain and gzip; %d zipped answers", len(urls), zipped)
}
