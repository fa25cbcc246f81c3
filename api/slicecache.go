package api

import (
	"cmp"
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
// store once per span (once, too, when many ask at the same moment) and
// shares the page: a visitor dragging the timeline asks a new instant at
// every frame, mostly inside spans already seen. Answers still differ
// (their links name the instant); everything before the links does not,
// and is written once per page (answerhead.go).

// slicePages bounds the pages a sliceCache keeps, and sliceHeadBytes the
// answer heads made from them (slices of large layers are large); when
// either is full it starts over.
const (
	slicePages     = 1024
	sliceHeadBytes = 16 << 20 // counted in the server's memory limit (cmd/timeslice)
)

// spanKeyframes bounds the keyframes of a layer read to learn its spans;
// a larger layer is asked instant by instant.
const spanKeyframes = 20_000

type sliceCache struct {
	mu        sync.Mutex
	version   string
	layers    map[string]*flight[*spans]
	pages     map[sliceKey]*sharedPage
	headBytes int // of the heads of pages
	headLimit int // sliceHeadBytes when 0

	bufs sync.Pool // *[]byte: where the heads' answers are joined to be sent
}

// flight is a value one caller asks the store for while the others that
// need it wait: the instants of a new span come together (a timeline
// dragged by many visitors, a load test's connections), and the store is
// asked once, not once per connection.
type flight[T any] struct {
	ready chan struct{} // closed once val and err are set
	val   T
	err   error
}

func newFlight[T any]() *flight[T] { return &flight[T]{ready: make(chan struct{})} }

// wait returns the value once it is there, or ctx's error first.
func (f *flight[T]) wait(ctx context.Context) (T, error) {
	select {
	case <-f.ready:
		return f.val, f.err
	case <-ctx.Done():
		var zero T
		return zero, ctx.Err()
	}
}

// land sets the value and wakes the callers waiting for it.
func (f *flight[T]) land(v T, err error) {
	f.val, f.err = v, err
	close(f.ready)
}

// share gives the callers that need one value at the same moment one ask
// of the store. Under mu, find returns the flight that holds or awaits
// the value and whether this caller asks for it, or nil when the value is
// not to be kept (ask is then called for this caller alone); drop, under
// mu, forgets a flight whose ask failed, so that the next caller asks
// again. A caller that waited for an asker that failed (its client may
// have gone) tries once more, perhaps as the asker; when that fails too
// it asks alone, or gets the error when alone is nil.
func share[T any](ctx context.Context, mu *sync.Mutex, find func() (f *flight[T], asker bool), drop func(*flight[T]), ask, alone func() (T, error)) (*flight[T], T, error) {
	for try := 0; ; try++ {
		mu.Lock()
		f, asker := find()
		mu.Unlock()
		switch {
		case f == nil:
			v, err := ask()
			return nil, v, err
		case asker:
			v, err := ask()
			if err != nil {
				mu.Lock()
				drop(f)
				mu.Unlock()
			}
			f.land(v, err)
			return f, v, err
		}
		v, err := f.wait(ctx)
		switch {
		case err == nil || ctx.Err() != nil:
			return f, v, err
		case try > 0 && alone != nil:
			v, err := alone()
			return nil, v, err
		case try > 0:
			return f, v, err
		}
	}
}

// sharedPage is a page shared by the instants of a span, with the head
// of their answers once one was made.
type sharedPage struct {
	*flight[data.Page]
	mu   sync.Mutex
	head *answerHead
}

// head returns the answer head of p, a page c returned, made by mk the
// first time. A head counts a third more than its text: its gzip form.
func (c *sliceCache) head(p *sharedPage, mk func() (*answerHead, error)) (*answerHead, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.head != nil {
		return p.head, nil
	}
	h, err := mk()
	if err != nil {
		return nil, err
	}
	p.head = h
	c.mu.Lock()
	defer c.mu.Unlock()
	c.headBytes += len(h.text) + len(h.text)/3
	if limit := cmp.Or(c.headLimit, sliceHeadBytes); c.headBytes > limit {
		c.pages, c.headBytes = map[sliceKey]*sharedPage{}, 0
	}
	return h, nil
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
// instant of its span; the shared page is returned too, nil when the
// page is the instant's own.
func (c *sliceCache) items(ctx context.Context, store data.Store, layer string, q data.Query) (data.Page, *sharedPage, error) {
	version, _ := ctx.Value(versionKey{}).(string)
	if version == "" || q.Datetime == nil || !q.Datetime.IsInstant {
		p, err := store.Items(ctx, layer, q)
		return p, nil, err
	}
	sp, err := c.spansOf(ctx, store, version, layer)
	if err != nil {
		p, err := store.Items(ctx, layer, q) // which says what is wrong
		return p, nil, err
	}
	start, ok := sp.start(q.Datetime.Instant)
	if !ok {
		p, err := store.Items(ctx, layer, q)
		return p, nil, err
	}
	k := sliceKey{layer: layer, at: start.UnixNano(), offset: q.Offset, limit: q.Limit}
	if q.BBox != nil {
		k.bbox, k.hasBBox = *q.BBox, true
	}
	var shared *sharedPage
	f, p, err := share(ctx, &c.mu,
		func() (*flight[data.Page], bool) {
			if c.version != version {
				return nil, false // another version now: nothing to share
			}
			if shared = c.pages[k]; shared != nil {
				return shared.flight, false
			}
			if len(c.pages) >= slicePages {
				c.pages, c.headBytes = map[sliceKey]*sharedPage{}, 0
			}
			shared = &sharedPage{flight: newFlight[data.Page]()}
			c.pages[k] = shared
			return shared.flight, true
		},
		func(f *flight[data.Page]) {
			if c.pages[k] == shared {
				delete(c.pages, k) // the next instant asks again
			}
		},
		func() (data.Page, error) {
			at := q
			at.Datetime = &geo.Datetime{Instant: start, IsInstant: true}
			return store.Items(ctx, layer, at)
		},
		func() (data.Page, error) { return store.Items(ctx, layer, q) }, // the store says what is wrong
	)
	switch {
	case err != nil:
		return data.Page{}, nil, err
	case f == nil: // not shared: another version, or asked alone
		return p, nil, nil
	}
	return p, shared, nil
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
	_, sp, err := share(ctx, &c.mu,
		func() (*flight[*spans], bool) {
			if c.version != version {
				c.version, c.layers, c.pages, c.headBytes = version, map[string]*flight[*spans]{}, map[sliceKey]*sharedPage{}, 0
			}
			if f := c.layers[layer]; f != nil {
				return f, false
			}
			f := newFlight[*spans]()
			c.layers[layer] = f
			return f, true
		},
		func(f *flight[*spans]) {
			if c.layers[layer] == f {
				delete(c.layers, layer) // the next request reads them again
			}
		},
		func() (*spans, error) { return readSpans(ctx, store, layer) },
		nil,
	)
	return sp, err
}

// readSpans reads a layer's keyframes' times.
func readSpans(ctx context.Context, store data.Store, layer string) (*spans, error) {
	all, err := store.Items(ctx, layer, data.Query{Limit: spanKeyframes + 1})
	if err != nil {
		return nil, fmt.Errorf("keyframe times of %s: %w", layer, err)
	}
	sp := &spans{}
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
	return sp, nil
}
