package data

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/timeslice/timeslice/geo"
	"github.com/timeslice/timeslice/geo/interval"
)

// Memory is the in-memory store. A slice lookup costs O(log n + k): each
// layer's keyframes are indexed by validity in an interval tree.
// It is safe for concurrent use; it never changes after NewMemory.
type Memory struct {
	manifest    *Manifest
	version     string
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

// NewMemory indexes a validated dataset. Its features are copied into
// the manifest's time zone (a dataset without a manifest gets
// BareManifest); features of layers the manifest lacks are left out.
func NewMemory(ds *Dataset) *Memory {
	man := ds.Manifest
	if man == nil {
		man = BareManifest(ds.Features)
	}
	feats := slices.Clone(ds.Features)
	InZone(feats, man.Location())
	version := ds.Version
	if version == "" {
		version = "memory"
	}
	m := &Memory{manifest: man, version: version, layers: map[string]*memLayer{},
		timeline: BuildTimeline(feats, man.EventsLayer)}
	layers := man.LayerList()
	for _, l := range layers {
		m.layers[l.ID] = &memLayer{byID: map[string]int{}}
	}
	for _, f := range feats {
		ml, ok := m.layers[f.Layer]
		if !ok {
			continue
		}
		ml.byID[f.ID] = len(ml.feats)
		ml.feats = append(ml.feats, f)
	}
	for _, l := range layers {
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

// Version implements Store: the dataset's content hash. A Memory never
// changes; a server given a new one (serve --watch) sees a new version.
func (m *Memory) Version(context.Context) (string, error) { return m.version, nil }

// Manifest implements Store.
func (m *Memory) Manifest(context.Context) (*Manifest, error) { return m.manifest, nil }

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

// Items implements Store: the interval tree finds the keyframes of the
// time window, the envelope test those that may meet the box, and Slice
// makes the answer, as it does for PostGIS.
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
	instant := q.Datetime != nil && q.Datetime.IsInstant
	var cands Candidates
	if q.BBox == nil {
		// Every keyframe matches: cut the page here, as PostGIS does.
		cands.Paged, cands.Total = true, len(ids)
		ids = Window(ids, q.Offset, q.Limit)
	}
	cands.Keyframes = make([]Candidate, 0, len(ids))
	for _, i := range ids {
		k := Candidate{Keyframe: ml.feats[i]}
		if n := ml.next[i]; instant && n >= 0 && ml.feats[i].Interp == geo.Linear {
			k.Next = &ml.feats[n]
		}
		if q.BBox != nil && !q.BBox.Intersects(envelope(&k)) {
			continue // the envelope test, as an index would make it
		}
		cands.Keyframes = append(cands.Keyframes, k)
	}
	return Slice(cands, q), nil
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
