package data_test

import (
	"context"
	"errors"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/synth"
	"github.com/timeslice/timeslice/geo"
)

// scan is the reference the interval index must agree with: every
// keyframe looked at, in Seq order.
func scan(ds *data.Dataset, layer string, q data.Query) data.Page {
	var fs []geo.Feature
	for _, f := range ds.Features {
		if f.Layer == layer {
			fs = append(fs, f)
		}
	}
	next := geo.Link(fs).Next
	var matched []geo.Feature
	for i, f := range fs {
		switch d := q.Datetime; {
		case d == nil:
		case d.IsInstant:
			if !f.ValidAt(d.Instant) {
				continue
			}
			if next[i] >= 0 {
				f = geo.At(&fs[i], &fs[next[i]], d.Instant)
			}
		default:
			if !f.Overlaps(d.Start, d.End) {
				continue
			}
		}
		if q.BBox != nil && !q.BBox.Intersects(f.Bound) {
			continue
		}
		matched = append(matched, f)
	}
	page := data.Page{Matched: len(matched)}
	if q.Offset < len(matched) {
		page.Features = matched[q.Offset:min(q.Offset+q.Limit, len(matched))]
	}
	return page
}

func TestMemoryMatchesScan(t *testing.T) {
	ds := synth.Generate(synth.Options{Keyframes: 3000, Tracks: 60, Seed: 7})
	// Break the regular layout: end some tracks early, leave gaps.
	for i := range ds.Features {
		if i%7 == 0 {
			ds.Features[i].To = ds.Features[i].From.Add(time.Hour)
		}
	}
	data.InZone(ds.Features, time.UTC) // the zone of a dataset without a manifest
	m := data.NewMemory(ds)
	r := rand.New(rand.NewPCG(3, 4))
	span := 2 * 365 * 24 * time.Hour
	at := func() time.Time {
		return synth.Start.Add(time.Duration(r.Int64N(int64(span+48*time.Hour))) - 24*time.Hour)
	}
	for i := 0; i < 300; i++ {
		q := data.Query{Limit: 1 + r.IntN(80), Offset: r.IntN(40)}
		switch i % 3 {
		case 0:
			q.Datetime = &geo.Datetime{Instant: at(), IsInstant: true}
		case 1:
			a := at()
			q.Datetime = &geo.Datetime{Start: a, End: a.Add(time.Duration(r.Int64N(int64(30 * 24 * time.Hour))))}
		}
		if r.IntN(2) == 0 {
			x, y := 102+r.Float64()*5, 10+r.Float64()*4
			q.BBox = &geo.BBox{MinLon: x, MinLat: y, MaxLon: x + r.Float64(), MaxLat: y + r.Float64()}
		}
		got, err := m.Items(context.Background(), "flows", q)
		if err != nil {
			t.Fatal(err)
		}
		want := scan(ds, "flows", q)
		if got.Matched != want.Matched || !reflect.DeepEqual(got.Features, want.Features) {
			t.Fatalf("query %d %+v: got %d matched, %d returned; want %d, %d", i, q, got.Matched, len(got.Features), want.Matched, len(want.Features))
		}
	}
}

func TestMemoryLookups(t *testing.T) {
	ds := synth.Generate(synth.Options{Keyframes: 100, Tracks: 10, Seed: 1})
	m := data.NewMemory(ds)
	ctx := context.Background()
	if _, err := m.Items(ctx, "armies", data.Query{Limit: 1}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown layer: err = %v, want ErrNotFound", err)
	}
	if _, err := m.Item(ctx, "flows", "nope"); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("unknown feature: err = %v, want ErrNotFound", err)
	}
	f, err := m.Item(ctx, "flows", "s3-4")
	if err != nil || f.ID != "s3-4" || f.Track != "s3" {
		t.Errorf("Item(s3-4) = %v, %v", f.ID, err)
	}
	cs, _ := m.Collections(ctx)
	if len(cs) != 1 {
		t.Fatalf("got %d collections, want 1: a dataset without a manifest has the layers of its features", len(cs))
	}
	for _, c := range cs {
		if c.ID != "flows" {
			if c.Count != 0 {
				t.Errorf("%s: count %d, want 0", c.ID, c.Count)
			}
			continue
		}
		if c.Count != 100 || !c.Start.Equal(synth.Start) || c.End.IsZero() {
			t.Errorf("flows extent: %+v", c)
		}
	}
	// After 2262 (beyond int64 nanoseconds) open-ended keyframes are still valid.
	far := geo.Datetime{Instant: time.Date(3000, 1, 1, 0, 0, 0, 0, time.UTC), IsInstant: true}
	open := data.NewMemory(&data.Dataset{Features: []geo.Feature{{Layer: "places", ID: "pp", From: synth.Start, Geometry: orb.Point{104.9, 11.5}}}})
	for _, q := range []data.Query{{Datetime: &far}, {Datetime: &geo.Datetime{Start: far.Instant}}} {
		if p, _ := open.Items(ctx, "places", q); p.Matched != 1 {
			t.Errorf("open-ended keyframe in the year 3000 (%v): matched %d, want 1", q.Datetime, p.Matched)
		}
	}
	tl, _ := m.Timeline(ctx)
	if !tl.Start.Equal(synth.Start) || len(tl.Instants) != 11 || len(tl.Events) != 0 {
		t.Errorf("timeline: start %v, %d instants, %d events; want %v, 11, 0", tl.Start, len(tl.Instants), len(tl.Events), synth.Start)
	}
	if !slices.IsSortedFunc(tl.Instants, func(a, b time.Time) int { return a.Compare(b) }) {
		t.Error("timeline instants are not sorted")
	}
}
