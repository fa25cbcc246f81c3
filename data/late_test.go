package data_test

import (
	"context"
	"slices"
	"testing"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// TestLateIntervals: instants and intervals after 2262-04-11 (past int64
// nanoseconds) find the open-ended keyframes, as PostGIS does.
func TestLateIntervals(t *testing.T) {
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	m := data.NewMemory(ds)
	for _, dt := range []string{"2300-01-01/2400-01-01", "2262-04-12/2262-04-13", "2300-01-01T00:00:00Z", "2300-01-01/..", "1979-01-01/9999-12-31"} {
		d, err := geo.ParseDatetime(dt, ds.Manifest.Location())
		if err != nil {
			t.Fatal(err)
		}
		open := 0
		var layers []string
		for _, f := range ds.Features {
			if !slices.Contains(layers, f.Layer) {
				layers = append(layers, f.Layer)
			}
		}
		for _, layer := range layers {
			page, err := m.Items(context.Background(), layer, data.Query{Datetime: &d})
			if err != nil {
				t.Fatal(err)
			}
			var want []string
			for _, f := range ds.Features {
				// An open-ended keyframe meets every instant and interval
				// that ends after it starts.
				if f.Layer == layer && f.OpenEnded() && (d.IsInstant || d.End.IsZero() || f.From.Before(d.End)) {
					want = append(want, f.ID)
				}
			}
			var got []string
			for _, f := range page.Features {
				if f.OpenEnded() {
					got = append(got, f.ID)
				}
			}
			slices.Sort(want)
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("%s in %s: open-ended %v, want %v", layer, dt, got, want)
			}
			open += len(want)
		}
		if open == 0 {
			t.Fatalf("%s: the dataset has no open-ended keyframe to find", dt)
		}
	}
}
