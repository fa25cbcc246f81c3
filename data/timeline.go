package data

import (
	"slices"
	"time"

	"github.com/timeslice/timeslice/geo"
)

// Timeline is what a player needs to draw its time axis.
type Timeline struct {
	// Start and End bound every keyframe of the dataset (End is the
	// latest valid_to or, when every feature is open-ended, the latest
	// valid_from).
	Start, End time.Time
	// Instants are the distinct instants at which some keyframe starts
	// or ends, ascending.
	Instants []time.Time
	// Events are the features of the manifest's events layer, in time
	// order.
	Events []geo.Feature
}

// BuildTimeline computes the Timeline of a set of features whose events
// are those of layer events ("" for none).
func BuildTimeline(fs []geo.Feature, events string) Timeline {
	var tl Timeline
	seen := map[int64]bool{}
	add := func(t time.Time) {
		if n := t.UnixNano(); !seen[n] {
			seen[n] = true
			tl.Instants = append(tl.Instants, t)
		}
	}
	for i := range fs {
		f := &fs[i]
		add(f.From)
		if !f.OpenEnded() {
			add(f.To)
		}
		if events != "" && f.Layer == events {
			tl.Events = append(tl.Events, *f)
		}
	}
	slices.SortFunc(tl.Instants, func(a, b time.Time) int { return a.Compare(b) })
	if n := len(tl.Instants); n > 0 {
		tl.Start, tl.End = tl.Instants[0], tl.Instants[n-1]
	}
	slices.SortStableFunc(tl.Events, func(a, b geo.Feature) int {
		if c := a.From.Compare(b.From); c != 0 {
			return c
		}
		return a.Seq - b.Seq
	})
	return tl
}
