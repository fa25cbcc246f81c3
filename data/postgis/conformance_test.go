package postgis_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
	"github.com/timeslice/timeslice/data/postgis/postgistest"
	"github.com/timeslice/timeslice/geo"
)

// canon writes everything a keyframe holds, instants as Unix nanoseconds
// (a time.Time's zone is not part of the answer), so that two answers are
// the same exactly when their canonical bytes are.
func canon(t testing.TB, v any) string {
	t.Helper()
	conv := func(f geo.Feature) map[string]any {
		return map[string]any{"layer": f.Layer, "id": f.ID, "track": f.Track, "from": f.From.UnixNano(),
			"to": f.To.UnixNano(), "open": f.OpenEnded(), "interp": f.Interp.String(), "geometry": geojson.NewGeometry(f.Geometry),
			"bound": f.Bound, "props": f.Props, "seq": f.Seq}
	}
	convAll := func(fs []geo.Feature) []any {
		out := make([]any, len(fs))
		for i, f := range fs {
			out[i] = conv(f)
		}
		return out
	}
	var x any
	switch v := v.(type) {
	case geo.Feature:
		x = conv(v)
	case data.Page:
		x = map[string]any{"matched": v.Matched, "features": convAll(v.Features)}
	case []data.Collection:
		var cs []any
		for _, c := range v {
			cs = append(cs, map[string]any{"layer": c.Layer, "count": c.Count, "bound": c.Bound,
				"start": c.Start.UnixNano(), "end": c.End.UnixNano(), "endZero": c.End.IsZero()})
		}
		x = cs
	case data.Timeline:
		var ts []int64
		for _, i := range v.Instants {
			ts = append(ts, i.UnixNano())
		}
		x = map[string]any{"start": v.Start.UnixNano(), "end": v.End.UnixNano(), "instants": ts, "events": convAll(v.Events)}
	case *data.Manifest:
		x = map[string]any{"manifest": v, "bibliography": string(v.BibliographyData), "zone": v.Location().String()}
	default:
		t.Fatalf("canon: %T", v)
	}
	b, err := json.Marshal(x)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// queries samples what clients ask: every keyframe instant, the instants
// a nanosecond around them, points between them (interpolated), and
// intervals with and without ends, each with and without boxes and pages.
func queries(tl data.Timeline, ds *data.Dataset) []data.Query {
	var dts []*geo.Datetime
	dts = append(dts, nil)
	ins := sample(tl.Instants, 60)
	for i, t := range ins {
		dts = append(dts, &geo.Datetime{Instant: t, IsInstant: true},
			&geo.Datetime{Instant: t.Add(-time.Nanosecond), IsInstant: true},
			&geo.Datetime{Instant: t.Add(time.Nanosecond), IsInstant: true})
		if i+1 < len(ins) {
			mid := t.Add(ins[i+1].Sub(t) / 3)
			dts = append(dts, &geo.Datetime{Instant: mid, IsInstant: true})
		}
		if i%5 == 0 && i+3 < len(ins) {
			dts = append(dts, &geo.Datetime{Start: t, End: ins[i+3]},
				&geo.Datetime{Start: t.Add(time.Nanosecond), End: ins[i+3].Add(time.Nanosecond)},
				&geo.Datetime{Start: t},
				&geo.Datetime{End: t.Add(time.Nanosecond)})
		}
	}
	// Before 1678, outside what int64 nanoseconds hold. (After 2262 the
	// embedded store saturates the instant to the open end itself and
	// misses open-ended keyframes; PostGIS finds them.)
	for _, y := range []int{0, 1, 1500} {
		t := time.Date(y, 6, 1, 0, 0, 0, 0, time.UTC)
		dts = append(dts, &geo.Datetime{Instant: t, IsInstant: true}, &geo.Datetime{Start: t}, &geo.Datetime{End: t})
	}
	dts = append(dts, &geo.Datetime{Instant: ins[0].Add(-time.Hour), IsInstant: true},
		&geo.Datetime{Instant: ins[len(ins)-1].Add(time.Hour), IsInstant: true}, &geo.Datetime{})
	boxes := []*geo.BBox{nil,
		{MinLon: 102, MinLat: 10, MaxLon: 105, MaxLat: 13},
		{MinLon: 104.5, MinLat: 11.5, MaxLon: 104.5, MaxLat: 11.5}, // touches the gap track's edge
		{MinLon: 104.95, MinLat: 11.8, MaxLon: 106, MaxLat: 12.6},
		{MinLon: 179, MinLat: -1, MaxLon: -179, MaxLat: 2}, // crosses the antimeridian
	}
	// And boxes over any dataset: all of it, its centre, a quarter.
	b := ds.Features[0].Bound
	for _, f := range ds.Features {
		b = b.Union(f.Bound)
	}
	c := b.Center()
	boxes = append(boxes, &geo.BBox{MinLon: b.Min[0], MinLat: b.Min[1], MaxLon: b.Max[0], MaxLat: b.Max[1]},
		&geo.BBox{MinLon: c[0], MinLat: c[1], MaxLon: c[0], MaxLat: c[1]},
		&geo.BBox{MinLon: b.Min[0], MinLat: b.Min[1], MaxLon: c[0], MaxLat: c[1]})
	pages := [][2]int{{0, 0}, {0, 5}, {3, 7}, {10000, 10}}
	var qs []data.Query
	for i, d := range dts {
		// Each datetime everywhere and in one of the boxes, in turn.
		for j, b := range []*geo.BBox{nil, boxes[1+i%(len(boxes)-1)]} {
			p := pages[(i+j)%len(pages)]
			qs = append(qs, data.Query{Datetime: d, BBox: b, Offset: p[0], Limit: p[1]})
		}
	}
	return qs
}

// sample keeps at most n instants, evenly spread, first and last included.
func sample(ts []time.Time, n int) []time.Time {
	if len(ts) <= n {
		return ts
	}
	out := make([]time.Time, 0, n)
	for i := range n {
		out = append(out, ts[i*(len(ts)-1)/(n-1)])
	}
	return out
}

func describe(q data.Query) string {
	s := "all time"
	if q.Datetime != nil {
		s = q.Datetime.String()
	}
	if q.BBox != nil {
		s += fmt.Sprintf(" bbox=%v", *q.BBox)
	}
	return s + fmt.Sprintf(" offset=%d limit=%d", q.Offset, q.Limit)
}

// TestConformance asserts that the PostGIS store answers every sampled
// question exactly as the embedded store does over the same data.
func TestConformance(t *testing.T) {
	c, pg, ds := postgistest.Loaded(t)
	conform(t, pg, ds)
	// The second dataset: other layers, Paris time, French first.
	t.Run("second dataset", func(t *testing.T) {
		ctx := context.Background()
		st, err := postgis.Open(ctx, c.CreateDB(t, "second"), postgis.Options{Migrate: true})
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		second, err := data.ReadDir(os.DirFS("../testdata/second"))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := st.Load(ctx, second, postgis.LoadOptions{}); err != nil {
			t.Fatal(err)
		}
		conform(t, st, second)
	})
}

// conform compares every sampled answer of pg with the embedded store's
// over ds, which pg holds.
func conform(t *testing.T, pg data.Store, ds *data.Dataset) {
	t.Helper()
	mem := data.NewMemory(ds)
	ctx := context.Background()
	same := func(what string, want, got any) {
		t.Helper()
		if w, g := canon(t, want), canon(t, got); w != g {
			t.Errorf("%s differs:\nmemory:  %.2000s\npostgis: %.2000s", what, w, g)
		}
	}
	mc, _ := mem.Collections(ctx)
	pc, err := pg.Collections(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same("collections", mc, pc)
	mt, _ := mem.Timeline(ctx)
	pt, err := pg.Timeline(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same("timeline", mt, pt)
	n := 0
	for _, l := range ds.Manifest.LayerList() {
		for _, q := range queries(mt, ds) {
			want, _ := mem.Items(ctx, l.ID, q)
			got, err := pg.Items(ctx, l.ID, q)
			if err != nil {
				t.Fatalf("%s %s: %v", l.ID, describe(q), err)
			}
			same(l.ID+" "+describe(q), want, got)
			n++
		}
	}
	for _, f := range ds.Features {
		got, err := pg.Item(ctx, f.Layer, f.ID)
		if err != nil {
			t.Fatal(err)
		}
		same("item "+f.Layer+"/"+f.ID, f, got)
	}
	t.Logf("%d item queries, %d features, collections and timeline compared", n, len(ds.Features))
	mm, _ := mem.Manifest(ctx)
	pm, err := pg.Manifest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	same("manifest", mm, pm)
	for _, tc := range []struct{ layer, id string }{{"nope", "x"}, {ds.Manifest.Layers[0].ID, "nope"}} {
		if _, err := pg.Item(ctx, tc.layer, tc.id); !errors.Is(err, data.ErrNotFound) {
			t.Errorf("Item(%s, %s) = %v, want ErrNotFound", tc.layer, tc.id, err)
		}
	}
	if _, err := pg.Items(ctx, "nope", data.Query{}); !errors.Is(err, data.ErrNotFound) {
		t.Errorf("Items(nope) = %v, want ErrNotFound", err)
	}
}
