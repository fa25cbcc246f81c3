package api_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis/postgistest"
)

// conformanceURLs samples what clients ask of the API: the documents that
// depend on the data, every feature by id, and items of every layer at
// instants (on keyframe boundaries, a nanosecond around them, between
// them: interpolated), dates, intervals (closed, open at either end),
// boxes (one crossing the antimeridian) and pages.
func conformanceURLs(ds *data.Dataset, tl data.Timeline) []string {
	layers := ds.Manifest.LayerList()
	urls := []string{"/", "/collections", "/timeline", "/dataset", "/dataset/bibliography", "/api",
		"/collections/" + layers[0].ID + "/items/nope", "/collections/nope/items"}
	for _, l := range layers {
		urls = append(urls, "/collections/"+l.ID, "/collections/"+l.ID+"/items")
	}
	for _, f := range ds.Features {
		urls = append(urls, "/collections/"+f.Layer+"/items/"+url.PathEscape(f.ID))
	}
	var dts []string
	ins := tl.Instants
	if n := 60; len(ins) > n { // evenly spread, first and last included
		s := make([]time.Time, n)
		for i := range s {
			s[i] = ins[i*(len(ins)-1)/(n-1)]
		}
		ins = s
	}
	for i, t := range ins {
		dts = append(dts, t.Format(time.RFC3339), t.Add(-time.Nanosecond).UTC().Format(time.RFC3339Nano),
			t.Add(time.Nanosecond).Format(time.RFC3339Nano))
		if i+1 < len(ins) {
			dts = append(dts, t.Add(ins[i+1].Sub(t)*2/5).UTC().Format(time.RFC3339Nano))
		}
		if i%4 == 0 && i+2 < len(ins) {
			a, b := t.Format(time.RFC3339), ins[i+2].UTC().Format(time.RFC3339)
			dts = append(dts, a+"/"+b, "../"+a, b+"/..", t.Format("2006-01-02"))
		}
	}
	// Boxes with edge cases of the pgtest dataset (one touches the gap
	// track's edge, one crosses the antimeridian), then boxes over any
	// dataset's extent: all of it, its centre as a point, a quarter.
	var b orb.Bound
	for i, f := range ds.Features {
		if i == 0 {
			b = f.Bound
		}
		b = b.Union(f.Bound)
	}
	c := b.Center()
	box := func(x0, y0, x1, y1 float64) string { return fmt.Sprintf("%g,%g,%g,%g", x0, y0, x1, y1) }
	boxes := []string{"", "102,10,105,13", "104.5,11.5,104.5,11.5", "104.95,11.8,106,12.6", "179,-1,-179,2",
		box(b.Min[0], b.Min[1], b.Max[0], b.Max[1]), box(c[0], c[1], c[0], c[1]), box(b.Min[0], b.Min[1], c[0], c[1])}
	pages := []string{"", "limit=5", "limit=3&offset=4", "offset=10000"}
	for _, l := range layers {
		for i, dt := range dts {
			q := url.Values{"datetime": {dt}}
			if b := boxes[i%len(boxes)]; b != "" {
				q.Set("bbox", b)
			}
			p, _ := url.ParseQuery(pages[(i/len(boxes))%len(pages)])
			for k, v := range p {
				q[k] = v
			}
			urls = append(urls, "/collections/"+l.ID+"/items?"+q.Encode())
		}
		for _, b := range boxes[1:] {
			urls = append(urls, "/collections/"+l.ID+"/items?bbox="+b)
		}
	}
	return urls
}

// TestConformance runs the same requests against the API over the
// embedded store and over PostGIS holding the same data: status, headers
// that describe the body, and the bodies must be identical.
func TestConformance(t *testing.T) {
	_, st, ds := postgistest.Loaded(t)
	conform(t, st, ds, nil)
}

// conform compares the API over the embedded store holding ds with the
// API over st holding the same, on conformanceURLs and extra URLs.
func conform(t *testing.T, st data.Store, ds *data.Dataset, extra []string) {
	t.Helper()
	ctx := context.Background()
	mem := data.NewMemory(ds)
	tl, _ := mem.Timeline(ctx)
	opts := api.Options{BaseURL: "http://timeslice.test"}
	want := api.New(mem, opts)
	// With the response cache on, the first pass asks the store and the
	// second answers from the cache.
	opts.CacheBytes = 16 << 20
	servers := map[string]http.Handler{"postgis": api.New(st, opts)}

	urls := append(conformanceURLs(ds, tl), extra...)
	for name, got := range servers {
		for pass := range 2 {
			failures := 0
			for _, u := range urls {
				w, g := httptest.NewRecorder(), httptest.NewRecorder()
				want.ServeHTTP(w, httptest.NewRequest(http.MethodGet, u, nil))
				got.ServeHTTP(g, httptest.NewRequest(http.MethodGet, u, nil))
				for _, h := range []string{"Content-Type", "ETag", "Cache-Control"} {
					if w.Header().Get(h) != g.Header().Get(h) {
						t.Errorf("%s pass %d %s: %s %q, want %q", name, pass, u, h, g.Header().Get(h), w.Header().Get(h))
					}
				}
				if w.Code != g.Code || w.Body.String() != g.Body.String() {
					t.Errorf("%s pass %d %s:\nembedded %d %.1500s\npostgis  %d %.1500s", name, pass, u, w.Code, w.Body, g.Code, g.Body)
					failures++
				}
				if w.Code >= 500 {
					t.Errorf("%s: the embedded store answered %d", u, w.Code)
				}
				if failures > 10 {
					t.Fatal("too many differences")
				}
			}
		}
	}
	t.Logf("%d URLs compared, over %d keyframes", len(urls), len(ds.Features))
}
