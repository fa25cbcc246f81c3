package api

import (
	"context"
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// TestSliceCacheSameAsStore: for every layer of the embedded dataset and
// instants on, around and between every keyframe boundary (each asked
// twice: the second from the cache), the shared pages hold what the store
// answers for the instant itself.
func TestSliceCacheSameAsStore(t *testing.T) {
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	store := data.NewMemory(ds)
	ctx := withVersion(context.Background(), "v1")
	c := &sliceCache{}
	var instants []time.Time
	for _, f := range ds.Features {
		for _, b := range []time.Time{f.From, f.To} {
			if !b.IsZero() {
				instants = append(instants, b.Add(-time.Nanosecond), b, b.Add(time.Nanosecond), b.Add(7*time.Hour))
			}
		}
	}
	shared := 0
	for _, l := range ds.Manifest.LayerIDs() {
		for _, in := range instants {
			for _, bbox := range []*geo.BBox{nil, {MinLon: 104, MinLat: 11, MaxLon: 105.5, MaxLat: 12.5}} {
				q := data.Query{Datetime: &geo.Datetime{Instant: in, IsInstant: true}, BBox: bbox, Limit: 1000}
				want, err := store.Items(ctx, l, q)
				if err != nil {
					t.Fatal(err)
				}
				for range 2 {
					got, err := c.items(ctx, store, l, q)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s at %s: the shared page differs from the store's", l, in.Format(time.RFC3339Nano))
					}
				}
				if sp := c.layers[l]; sp != nil {
					if _, ok := sp.start(in); ok {
						shared++
					}
				}
			}
		}
	}
	if shared == 0 {
		t.Error("no instant was shared: the test checks nothing")
	}
	t.Logf("%d layer-instants compared, %d through a shared span", len(ds.Manifest.LayerIDs())*len(instants)*2, shared)
}

// TestSliceCacheLargeLayer: a layer of more keyframes than spanKeyframes
// is not read whole; its instants go to the store.
func TestSliceCacheLargeLayer(t *testing.T) {
	var fs []geo.Feature
	t0 := time.Date(1979, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range spanKeyframes + 1 {
		p := orb.Point{104, 11}
		fs = append(fs, geo.Feature{Layer: "places", ID: fmt.Sprint(i), From: t0.Add(time.Duration(i) * time.Minute),
			Geometry: p, Bound: p.Bound(), Props: map[string]any{}, Seq: i})
	}
	store := data.NewMemory(&data.Dataset{Features: fs})
	c := &sliceCache{}
	ctx := withVersion(context.Background(), "v1")
	q := data.Query{Datetime: &geo.Datetime{Instant: t0.Add(90 * time.Second), IsInstant: true}, Limit: 3}
	p, err := c.items(ctx, store, "places", q)
	if err != nil || p.Matched != 2 {
		t.Fatalf("%d matched, %v", p.Matched, err)
	}
	if _, ok := c.layers["places"].start(q.Datetime.Instant); ok || len(c.pages) != 0 {
		t.Error("a layer over spanKeyframes was cut into spans")
	}
}
