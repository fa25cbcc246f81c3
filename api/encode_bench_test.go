package api

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/synth"
	"github.com/timeslice/timeslice/geo"
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
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("status %d", rec.Code)
				}
			}
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
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatalf("status %d", rec.Code)
				}
			}
		})
	}
}
