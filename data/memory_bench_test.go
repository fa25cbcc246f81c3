package data_test

import (
	"context"
	"fmt"
	"runtime"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/synth"
	"github.com/timeslice/timeslice/geo"
)

// BenchmarkSlice measures an instant slice returning 1,000 interpolated
// features as the dataset grows from 10k to 1M keyframes, and reports
// the heap the dataset and its index take. BenchmarkScanSlice is the
// same slice found by a scan, for comparison.
func BenchmarkSlice(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("keyframes=%d", n), func(b *testing.B) {
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			o := synth.Options{Keyframes: n, Tracks: 1000, Seed: 1}
			m := data.NewMemory(synth.Generate(o))
			runtime.GC()
			runtime.ReadMemStats(&after)
			at := geo.Datetime{Instant: synth.Start.Add(synth.Step(o)*time.Duration(n/2000) + time.Hour), IsInstant: true}
			q := data.Query{Datetime: &at, Limit: 10000}
			ctx := context.Background()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				page, err := m.Items(ctx, "flows", q)
				if err != nil || page.Matched != 1000 {
					b.Fatalf("matched %d, %v; want 1000", page.Matched, err)
				}
			}
			b.ReportMetric(float64(after.HeapAlloc-before.HeapAlloc)/(1<<20), "MB-heap")
			runtime.KeepAlive(m)
		})
	}
}

func BenchmarkScanSlice(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("keyframes=%d", n), func(b *testing.B) {
			o := synth.Options{Keyframes: n, Tracks: 1000, Seed: 1}
			ds := synth.Generate(o)
			at := synth.Start.Add(synth.Step(o)*time.Duration(n/2000) + time.Hour)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				k := 0
				for j := range ds.Features {
					if ds.Features[j].ValidAt(at) {
						k++
					}
				}
				if k != 1000 {
					b.Fatalf("found %d, want 1000", k)
				}
			}
		})
	}
}
