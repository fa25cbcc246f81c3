package data

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/geo"
	"github.com/timeslice/timeslice/geo/interval"
)

// Memory is the in-memory store. A slice lookup costs O(log n + k): each
// layer's keyframes are indexed by validity in an interval tree.
// It is safe for concurrent use; it never changes after NewMemory.
type Memory struct {
	layers      map[string]*memLayer
	collections []Collection
	timeline    Timeline
}

type memLayer struct {
	feats []geo.Feature // in Seq order
	next  []int         // next keyframe of the track in feats, or -1
	tree  *interval.Tree
	byID  map[string]int
}

// NewMemory indexes a validated dataset.
func NewMemory(ds *Dataset) *Memory {
	m := &Memory{layers: map[string]*memLayer{}, timeline: BuildTimeline(ds.Features)}
	for _, l := range Layers() {
		m.layers[l.ID] = &memLayer{byID: map[string]int{}}
	}
	for _, f := range ds.Features {
		ml := m.layers[f.Layer]
		ml.byID[f.ID] = len(ml.feats)
		ml.feats = append(ml.feats, f)
	}
	for _, l := range Layers() {
		ml := m.layers[l.ID]
		ml.next = geo.Link(ml.feats).Next
		spans := make([]interval.Span, len(ml.feats))
		for i := range ml.feats {
			spans[i].From, spans[i].To = ml.feats[i].Span()
		}
		ml.tree = interval.New(spans)
		m.collections = append(m.collections, collectionOf(l, ml.feats))
	}
	return m
}

// collectionOf computes a layer's extents.
func collectionOf(l Layer, fs []geo.Feature) Collection {
	c := Collection{Layer: l, Count: len(fs)}
	openEnded := false
	for i, f := range fs {
		if i == 0 {
			c.Bound, c.Start, c.End = f.Bound, f.From, f.To
		}
		c.Bound = c.Bound.Union(f.Bound)
		if f.From.Before(c.Start) {
			c.Start = f.From
		}
		if f.OpenEnded() {
			openEnded = true
		} else if f.To.After(c.End) {
			c.End = f.To
		}
	}
	if openEnded {
		c.End = time.Time{}
	}
	return c
}

// Collections implements Store.
func (m *Memory) Collections(context.Context) ([]Collection, error) {
	return slices.Clone(m.collections), nil
}

// Timeline implements Store.
func (m *Memory) Timeline(context.Context) (Timeline, error) { return m.timeline, nil }

// Version implements Store: the embedded dataset never changes while
// the process runs.
func (m *Memory) Version(context.Context) (string, error) { return "embedded", nil }

// Ready implements Store: memory is always ready.
func (m *Memory) Ready(context.Context) error { return nil }

// Item implements Store.
func (m *Memory) Item(_ context.Context, layer, id string) (geo.Feature, error) {
	ml, ok := m.layers[layer]
	if !ok {
		return geo.Feature{}, fmt.Errorf("collection %q: %w", layer, ErrNotFound)
	}
	i, ok := ml.byID[id]
	if !ok {
		return geo.Feature{}, fmt.Errorf("feature %q in %s: %w", id, layer, ErrNotFound)
	}
	return ml.feats[i], nil
}

// Items implements Store.
func (m *Memory) Items(_ context.Context, layer string, q Query) (Page, error) {
	ml, ok := m.layers[layer]
	if !ok {
		return Page{}, fmt.Errorf("collection %q: %w", layer, ErrNotFound)
	}
	var ids []int
	switch d := q.Datetime; {
	case d == nil:
		ids = make([]int, len(ml.feats))
		for i := range ids {
			ids[i] = i
		}
	case d.IsInstant:
		ml.tree.Stab(geo.Nanos(d.Instant), func(id int) { ids = append(ids, id) })
		slices.Sort(ids)
	default:
		a, b := geo.QuerySpan(d.Start, d.End)
		ml.tree.Overlap(a, b, func(id int) { ids = append(ids, id) })
		slices.Sort(ids)
	}
	state := func(i int) geo.Feature {
		if q.Datetime == nil || !q.Datetime.IsInstant || ml.next[i] < 0 {
			return ml.feats[i]
		}
		return geo.At(&ml.feats[i], &ml.feats[ml.next[i]], q.Datetime.Instant)
	}
	if q.BBox == nil {
		// Only the page needs interpolating.
		page := Page{Matched: len(ids)}
		for _, i := range Window(ids, q.Offset, q.Limit) {
			page.Features = append(page.Features, state(i))
		}
		return page, nil
	}
	var matched []geo.Feature
	for _, i := range ids {
		if !q.BBox.Intersects(envelope(ml, i)) {
			continue // no state of this keyframe reaches the box
		}
		if f := state(i); q.BBox.Intersects(f.Bound) {
			matched = append(matched, f)
		}
	}
	return Page{Features: Window(matched, q.Offset, q.Limit), Matched: len(matched)}, nil
}

// envelope bounds every state keyframe i can take: itself and, for a
// linear track, its successor. A box that misses it misses the slice.
func envelope(ml *memLayer, i int) orb.Bound {
	b := ml.feats[i].Bound
	if n := ml.next[i]; n >= 0 && ml.feats[i].Interp == geo.Linear {
		b = b.Union(ml.feats[n].Bound)
	}
	return b
}

// Window returns the page s[offset:offset+limit] of a Query's matches,
// clamped to s; limit <= 0 means all. Stores that filter in Go page with it.
func Window[T any](s []T, offset, limit int) []T {
	if offset >= len(s) {
		return nil
	}
	s = s[offset:]
	if limit > 0 && limit < len(s) {
		s = s[:limit]
	}
	return s
}
