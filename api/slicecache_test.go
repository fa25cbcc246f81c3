package api

import (
	"context"
	"fmt"
	"reflect"
	"sync"
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
					got, _, err := c.items(ctx, store, l, q)
					if err != nil {
						t.Fatal(err)
					}
					if !reflect.DeepEqual(got, want) {
						t.Fatalf("%s at %s: the shared page differs from the store's", l, in.Format(time.RFC3339Nano))
					}
				}
				if f := c.layers[l]; f != nil && f.val != nil {
					if _, ok := f.val.start(in); ok {
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
	p, _, err := c.items(ctx, store, "places", q)
	if err != nil || p.Matched != 2 {
		t.Fatalf("%d matched, %v", p.Matched, err)
	}
	if _, ok := c.layers["places"].val.start(q.Datetime.Instant); ok || len(c.pages) != 0 {
		t.Error("a layer over spanKeyframes was cut into spans")
	}
}

// slowStore counts and slows the Items calls of a store, and fails those
// whose context is done, as PostGIS does.
type slowStore struct {
	data.Store
	mu    sync.Mutex
	calls int
}

func (s *slowStore) Items(ctx context.Context, layer string, q data.Query) (data.Page, error) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	select {
	case <-time.After(20 * time.Millisecond):
	case <-ctx.Done():
		return data.Page{}, ctx.Err()
	}
	return s.Store.Items(ctx, layer, q)
}

// TestSliceCacheAsksOnce: many instants of one new span asked at once
// ask the store once for the layer's times and once for the page; when
// the request that asks is cancelled, the others still get their page.
func TestSliceCacheAsksOnce(t *testing.T) {
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	at := func(m int) data.Query {
		in := time.Date(1979, 1, 8, 5, m, 0, 0, time.UTC)
		return data.Query{Datetime: &geo.Datetime{Instant: in, IsInstant: true}, Limit: 1000}
	}
	want, err := data.NewMemory(ds).Items(context.Background(), "control", at(0))
	if err != nil {
		t.Fatal(err)
	}
	for _, cancelFirst := range []bool{false, true} {
		store := &slowStore{Store: data.NewMemory(ds)}
		c := &sliceCache{}
		ctx := withVersion(context.Background(), "v1")
		var wg sync.WaitGroup
		if cancelFirst { // the first asker gives up while the others wait for its page
			first, cancel := context.WithCancel(ctx)
			wg.Add(1)
			go func() {
				defer wg.Done()
				if _, _, err := c.items(first, store, "control", at(0)); err == nil {
					t.Error("the cancelled request got an answer")
				}
			}()
			time.Sleep(25 * time.Millisecond) // its page is asked for from 20 ms on
			time.AfterFunc(5*time.Millisecond, cancel)
		}
		errs := make([]error, 32)
		for i := range errs {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, _, err := c.items(ctx, store, "control", at(i+1))
				if err == nil && !reflect.DeepEqual(got.Features, want.Features) {
					err = fmt.Errorf("minute %d: another page", i+1)
				}
				errs[i] = err
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		limit := 2 // the layer's times, the span's page
		if cancelFirst {
			limit = 3 // and the page the cancelled request asked for
		}
		if store.calls > limit {
			t.Errorf("cancelled first %v: the store was asked %d times for one span, want at most %d", cancelFirst, store.calls, limit)
		}
	}
}

// TestSliceCacheHeadBudget: the answer heads made from the pages a
// sliceCache keeps stay within its byte limit as more spans are asked.
func TestSliceCacheHeadBudget(t *testing.T) {
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	store := data.NewMemory(ds)
	const limit = 40_000
	c := &sliceCache{headLimit: limit}
	ctx := withVersion(context.Background(), "v1")
	made := 0
	for d := range 60 {
		in := time.Date(1978, 12, 20, 5, 0, 0, 0, time.UTC).AddDate(0, 0, d)
		q := data.Query{Datetime: &geo.Datetime{Instant: in, IsInstant: true}, Limit: 1000}
		_, shared, err := c.items(ctx, store, "control", q)
		if err != nil || shared == nil {
			t.Fatalf("%s: shared %v, %v", in, shared != nil, err)
		}
		if _, err := c.head(shared, func() (*answerHead, error) {
			made++
			return newAnswerHead(make([]byte, 9_000), &zipper{}, &sync.Pool{}), nil
		}); err != nil {
			t.Fatal(err)
		}
		held := 0
		for _, p := range c.pages {
			if p.head != nil {
				held += len(p.head.text) + len(p.head.text)/3
			}
		}
		if held > limit || c.headBytes != held {
			t.Fatalf("day %d: the kept pages hold %d bytes of heads (counted %d), limit %d", d, held, c.headBytes, limit)
		}
	}
	if made < 6 {
		t.Errorf("%d heads made: too few spans to reach the limit", made)
	}
}
