package data

import (
	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/geo"
)

// Candidate is a keyframe that may answer a query, with, for a query at
// an instant, its successor when it is linear: the keyframe it moves
// towards. Of the successor only the geometry, the bound and the numbers
// are read.
type Candidate struct {
	Keyframe geo.Feature
	Next     *geo.Feature
}

// Candidates is what a store's backend finds for a layer, a time window
// (the query's instant or interval) and an envelope: the keyframes valid
// in the window, in Seq order, whose envelope (their own bound and, at an
// instant, their linear successor's) may meet the query's box. Slice
// makes the answer of them.
type Candidates struct {
	Keyframes []Candidate
	// Paged says that the backend has already cut the page (Offset,
	// Limit): it may only when the query has no box, since every
	// candidate then matches. Total then counts all of them.
	Paged bool
	Total int
}

// Slice answers q from the candidates a backend found: it interpolates
// linear keyframes to q's instant, keeps those whose state meets q's box
// exactly (orb.Bound.Intersects, in double precision), and cuts the
// page. Both stores answer through it, so they answer alike.
func Slice(c Candidates, q Query) Page {
	state := func(k *Candidate) geo.Feature {
		if k.Next == nil || q.Datetime == nil || !q.Datetime.IsInstant {
			return k.Keyframe
		}
		return geo.At(&k.Keyframe, k.Next, q.Datetime.Instant)
	}
	if q.BBox == nil {
		// Every candidate matches: only the page needs interpolating.
		page := Page{Matched: len(c.Keyframes)}
		ks := Window(c.Keyframes, q.Offset, q.Limit)
		if c.Paged {
			page.Matched, ks = c.Total, c.Keyframes
		}
		for i := range ks {
			page.Features = append(page.Features, state(&ks[i]))
		}
		return page
	}
	var matched []geo.Feature
	for i := range c.Keyframes {
		k := &c.Keyframes[i]
		if !q.BBox.Intersects(envelope(k)) {
			continue // no state of this keyframe reaches the box
		}
		if f := state(k); q.BBox.Intersects(f.Bound) {
			matched = append(matched, f)
		}
	}
	return Page{Features: Window(matched, q.Offset, q.Limit), Matched: len(matched)}
}

// envelope bounds every state a candidate can take: itself and, for a
// linear keyframe, its successor.
func envelope(k *Candidate) orb.Bound {
	b := k.Keyframe.Bound
	if k.Next != nil && k.Keyframe.Interp == geo.Linear {
		b = b.Union(k.Next.Bound)
	}
	return b
}
