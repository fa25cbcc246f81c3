package api

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// Between two successive keyframe boundaries of a layer (a valid_from or
// valid_to of any of its keyframes) the same keyframes are valid, and
// unless a linear track is moving they are returned as they are: every
// instant of that span has the slice of its start. sliceCache asks the
// store once per span and shares the page: a visitor dragging the
// timeline asks a new instant at every frame, mostly inside spans
// already seen. Answers still differ (their links name the instant); the
// features, spliced from the keyframe cache, do not.

// slicePages bounds the pages a sliceCache keeps; when full it starts
// over.
const slicePages = 1024

// spanKeyframes bounds the keyframes of a layer read to learn its spans;
// a larger layer is asked instant by instant.
const spanKeyframes = 20_000

type sliceCache struct {
	mu      sync.Mutex
	version string
	layers  map[string]*spans
	pages   map[sliceKey]data.Page
}

// spans is what a layer's keyframes say about time: every boundary,
// sorted, and the spans in which a linear keyframe may be moved.
type spans struct {
	bounds []time.Time
	moving [][2]time.Time
}

type sliceKey struct {
	layer         string
	at            int64 // the span's start, Unix nanoseconds
	bbox          geo.BBox
	hasBBox       bool
	offset, limit int
}

// items answers store.Items, sharing the page of an instant with every
// instant of its span.
func (c *sliceCache) items(ctx context.Context, store data.Store, layer string, q data.Query) (data.Page, error) {
	version, _ := ctx.Value(versionKey{}).(string)
	if version == "" || q.Datetime == nil || !q.Datetime.IsInstant {
		return store.Items(ctx, layer, q)
	}
	sp, err := c.spansOf(ctx, store, version, layer)
	if err != nil {
		return store.Items(ctx, layer, q) // which says what is wrong
	}
	start, ok := sp.start(q.Datetime.Instant)
	if !ok {
		return store.Items(ctx, layer, q)
	}
	k := sliceKey{layer: layer, at: start.UnixNano(), offset: q.Offset, limit: q.Limit}
	if q.BBox != nil {
		k.bbox, k.hasBBox = *q.BBox, true
	}
	c.mu.Lock()
	p, hit := c.pages[k]
	if c.version != version {
		hit = false
	}
	c.mu.Unlock()
	if hit {
		return p, nil
	}
	q.Datetime = &geo.Datetime{Instant: start, IsInstant: true}
	if p, err = store.Items(ctx, layer, q); err != nil {
		return data.Page{}, err
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version == version {
		if len(c.pages) >= slicePages {
			c.pages = map[sliceKey]data.Page{}
		}
		c.pages[k] = p
	}
	return p, nil
}

// start returns the start of t's span, or false when a linear keyframe
// may be moved at t or t precedes every boundary.
func (s *spans) start(t time.Time) (time.Time, bool) {
	for _, m := range s.moving {
		if t.After(m[0]) && t.Before(m[1]) {
			return time.Time{}, false
		}
	}
	i, found := slices.BinarySearchFunc(s.bounds, t, func(b, t time.Time) int { return b.Compare(t) })
	if found {
		return s.bounds[i], true
	}
	if i == 0 {
		return time.Time{}, false
	}
	return s.bounds[i-1], true
}

// spansOf reads (once per data version) a layer's keyframes' times.
func (c *sliceCache) spansOf(ctx context.Context, store data.Store, version, layer string) (*spans, error) {
	c.mu.Lock()
	if c.version != version {
		c.version, c.layers, c.pages = version, map[string]*spans{}, map[sliceKey]data.Page{}
	}
	sp := c.layers[layer]
	c.mu.Unlock()
	if sp != nil {
		return sp, nil
	}
	all, err := store.Items(ctx, layer, data.Query{Limit: spanKeyframes + 1})
	if err != nil {
		return nil, fmt.Errorf("keyframe times of %s: %w", layer, err)
	}
	sp = &spans{}
	if all.Matched > spanKeyframes {
		all.Features = nil // no bounds: every instant goes to the store
	}
	for _, f := range all.Features {
		sp.bounds = append(sp.bounds, f.From)
		if !f.OpenEnded() {
			sp.bounds = append(sp.bounds, f.To)
			if f.Interp == geo.Linear {
				sp.moving = append(sp.moving, [2]time.Time{f.From, f.To})
			}
		}
	}
	slices.SortFunc(sp.bounds, func(a, b time.Time) int { return a.Compare(b) })
	sp.bounds = slices.CompactFunc(sp.bounds, func(a, b time.Time) bool { return a.Equal(b) })
	c.mu.Lock()
	if c.version == version {
		c.layers[layer] = sp
	}
	c.mu.Unlock()
	return sp, nil
}
