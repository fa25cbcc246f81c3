package api

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/synth"
	"github.com/timeslice/timeslice/geo"
	"github.com/timeslice/timeslice/tiles"
)

// BenchmarkEncodeSlice measures turning a 1,000-feature slice into
// GeoJSON bytes (its ETag and gzip included), the work a cache miss adds
// to the slice itself.
func BenchmarkEncodeSlice(b *testing.B) {
	o := synth.Options{Keyframes: 100_000, Tracks: 1000, Seed: 1}
	m := data.NewMemory(synth.Generate(o))
	at := geo.Datetime{Instant: synth.Start.Add(synth.Step(o)*50 + time.Hour), IsInstant: true}
	page, err := m.Items(context.Background(), "flows", data.Query{Datetime: &at, Limit: 10000})
	if err != nil || len(page.Features) != 1000 {
		b.Fatalf("%d features, %v", len(page.Features), err)
	}
	b.ResetTimer()
	var size int
	for i := 0; i < b.N; i++ {
		body, err := appendFeatures(make([]byte, 0, 1024+512*len(page.Features)), page.Features)
		if err != nil {
			b.Fatal(err)
		}
		res := newResponse(http.StatusOK, geoJSON, body, cacheControl)
		size = len(res.body)
	}
	b.ReportMetric(float64(size), "bytes")
}

// BenchmarkItemsHandler measures a whole request for a 1,000-feature
// slice through the handler, with the response cache off and on.
func BenchmarkItemsHandler(b *testing.B) {
	o := synth.Options{Keyframes: 100_000, Tracks: 1000, Seed: 1}
	m := data.NewMemory(synth.Generate(o))
	at := synth.Start.Add(synth.Step(o)*50 + time.Hour).UTC().Format(time.RFC3339)
	for _, c := range []struct {
		name  string
		bytes int64
	}{{"cache=off", 0}, {"cache=on", 64 << 20}} {
		b.Run(c.name, func(b *testing.B) {
			h := New(m, Options{CacheBytes: c.bytes})
			req := httptest.NewRequest(http.MethodGet, "/collections/flows/items?limit=10000&datetime="+at, nil)
			serveN(b, h, req)
		})
	}
}

// BenchmarkMiss measures what scripts/load.sh measures with --cache-mb 0:
// a whole request for the control slice of the embedded dataset with the
// response cache off, plain and gzipped.
func BenchmarkMiss(b *testing.B) {
	ds, err := data.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	h := New(data.NewMemory(ds), Options{})
	for _, gz := range []bool{false, true} {
		name := "plain"
		if gz {
			name = "gzip"
		}
		b.Run(name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, "/collections/control/items?datetime=1979-01-07T12:00:00%2B07:00", nil)
			if gz {
				req.Header.Set("Accept-Encoding", "gzip")
			}
			serveN(b, h, req)
		})
	}
}

// BenchmarkScrub measures what the scrubbing mix of scripts/load.sh
// measures: the control slice of the embedded dataset, the response cache
// on, every request a different instant (a minute after the one before,
// from 25 December 1978), as a visitor dragging the timeline asks.
func BenchmarkScrub(b *testing.B) {
	ds, err := data.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	h := New(data.NewMemory(ds), Options{CacheBytes: 64 << 20})
	start := time.Date(1978, 12, 24, 17, 0, 0, 0, time.UTC)
	for i := 0; i < b.N; i++ {
		at := start.Add(time.Duration(i) * time.Minute).Format(time.RFC3339)
		w := &discard{}
		h.ServeHTTP(w, httptest.NewRequest(http.MethodGet, "/collections/control/items?datetime="+at, nil))
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}

// BenchmarkTilesZoom8 measures every zoom-8 tile of the embedded
// dataset's extent for every layer at one instant: cold (a new server,
// its caches empty, each tile asked once) and warm (answered from the
// response cache). One op is the whole set; tiles/s is reported.
func BenchmarkTilesZoom8(b *testing.B) {
	ds, err := data.Embedded()
	if err != nil {
		b.Fatal(err)
	}
	store := data.NewMemory(ds)
	cs, err := store.Collections(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	var urls []string
	for _, c := range cs {
		l := tiles.Limits(c.Bound)[8]
		for row := l.MinTileRow; row <= l.MaxTileRow; row++ {
			for col := l.MinTileCol; col <= l.MaxTileCol; col++ {
				urls = append(urls, fmt.Sprintf("/collections/%s/tiles/WebMercatorQuad/8/%d/%d?datetime=1979-01-08T12:00:00%%2B07:00", c.ID, row, col))
			}
		}
	}
	get := func(h http.Handler) {
		for _, u := range urls {
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, u, nil))
			if rec.Code != 200 && rec.Code != 204 {
				b.Fatalf("%s: %d", u, rec.Code)
			}
		}
	}
	b.Run("cold", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			get(New(store, Options{CacheBytes: 64 << 20}))
		}
		b.ReportMetric(float64(len(urls)*b.N)/b.Elapsed().Seconds(), "tiles/s")
	})
	b.Run("warm", func(b *testing.B) {
		h := New(store, Options{CacheBytes: 64 << 20})
		get(h)
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			get(h)
		}
		b.ReportMetric(float64(len(urls)*b.N)/b.Elapsed().Seconds(), "tiles/s")
	})
}

// serveN answers req b.N times through h, failing on any status but 200.
func serveN(b *testing.B, h http.Handler, req *http.Request) {
	for i := 0; i < b.N; i++ {
		w := &discard{}
		h.ServeHTTP(w, req)
		if w.code != 200 {
			b.Fatalf("status %d", w.code)
		}
	}
}

// discard is a ResponseWriter that keeps the status and the length of
// the body only, as a connection's buffered writer does: what a
// benchmark allocates is the server's, not a recorder's copy of the body.
type discard struct {
	header http.Header
	code   int
	n      int
}

func (d *discard) Header() http.Header {
	if d.header == nil {
		d.header = http.Header{}
	}
	return d.header
}

func (d *discard) WriteHeader(code int) {
	if d.code == 0 {
		d.code = code
	}
}

func (d *discard) Write(p []byte) (int, error) {
	d.WriteHeader(http.StatusOK)
	d.n += len(p)
	return len(p), nil
}
