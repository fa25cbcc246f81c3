package postgis_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
	"github.com/timeslice/timeslice/data/postgis/pgtest"
	"github.com/timeslice/timeslice/data/synth"
	"github.com/timeslice/timeslice/geo"
)

// benchData is the synthetic dataset of the benchmarks: 100,000 linear
// keyframes in 1,000 tracks, so that a slice holds 1,000 features.
var benchOptions = synth.Options{Keyframes: 100_000, Tracks: 1000, Seed: 1}

// BenchmarkLoad loads the 100,000 keyframes into a fresh database each
// time (COPY, insert, relink and check, commit, analyze) and reports
// rows/s. Run with -benchtime=3x.
func BenchmarkLoad(b *testing.B) {
	c := pgtest.New(b)
	ctx := context.Background()
	ds := synth.Generate(benchOptions)
	var took time.Duration
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		st, err := postgis.Open(ctx, c.CreateDB(b, fmt.Sprintf("load%d", i)), postgis.Options{Migrate: true, StatementTimeout: -1})
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		res, err := st.Load(ctx, ds, postgis.LoadOptions{})
		b.StopTimer()
		if err != nil {
			b.Fatal(err)
		}
		took += res.Took
		st.Close()
	}
	b.ReportMetric(float64(len(ds.Features)*b.N)/took.Seconds(), "rows/s")
}

// BenchmarkItems compares a slice at an instant (interpolated) from
// PostGIS with the same slice from the embedded store, over the same
// 100,000 keyframes: a page of 100 (the API's default), the whole slice
// of 1,000, and the slice in a box.
func BenchmarkItems(b *testing.B) {
	c := pgtest.New(b)
	ctx := context.Background()
	ds := synth.Generate(benchOptions)
	pg, err := postgis.Open(ctx, c.DSN, postgis.Options{Migrate: true})
	if err != nil {
		b.Fatal(err)
	}
	defer pg.Close()
	if _, err := pg.Load(ctx, ds, postgis.LoadOptions{}); err != nil {
		b.Fatal(err)
	}
	stores := []struct {
		name  string
		store data.Store
	}{{"memory", data.NewMemory(ds)}, {"postgis", pg}}
	step := synth.Step(benchOptions)
	var instants []*geo.Datetime
	for i := range 50 {
		at := synth.Start.Add(step*time.Duration(2*i) + step/3)
		instants = append(instants, &geo.Datetime{Instant: at, IsInstant: true})
	}
	box := &geo.BBox{MinLon: 103, MinLat: 11, MaxLon: 104.5, MaxLat: 12.5}
	cases := []struct {
		name string
		q    data.Query
	}{
		{"instant-limit100", data.Query{Limit: 100}},
		{"instant-all", data.Query{}},
		{"instant-bbox", data.Query{BBox: box, Limit: 100}},
	}
	for _, tc := range cases {
		for _, s := range stores {
			b.Run(tc.name+"/"+s.name, func(b *testing.B) {
				n := 0
				for i := 0; b.Loop(); i++ {
					q := tc.q
					q.Datetime = instants[i%len(instants)]
					p, err := s.store.Items(ctx, "flows", q)
					if err != nil {
						b.Fatal(err)
					}
					n += len(p.Features)
				}
				b.ReportMetric(float64(n)/float64(b.N), "features/op")
			})
		}
	}
}
