package geo

import (
	"cmp"
	"slices"
)

// Links is what Link finds in a set of keyframes.
type Links struct {
	// Next[i] is the index of the keyframe that follows fs[i] in its
	// track, or -1 when fs[i] is the last one or has no track.
	Next []int
	// Overlaps lists pairs of keyframes of one track whose validity
	// intervals intersect; the dataset must have none.
	Overlaps [][2]int
}

// Link orders the keyframes of every track (by layer and track id) in
// time and links each to its successor.
func Link(fs []Feature) Links {
	type key struct{ layer, track string }
	tracks := map[key][]int{}
	var keys []key
	for i := range fs {
		if fs[i].Track == "" {
			continue
		}
		k := key{fs[i].Layer, fs[i].Track}
		if _, ok := tracks[k]; !ok {
			keys = append(keys, k)
		}
		tracks[k] = append(tracks[k], i)
	}
	l := Links{Next: make([]int, len(fs))}
	for i := range l.Next {
		l.Next[i] = -1
	}
	for _, k := range keys {
		idx := tracks[k]
		slices.SortStableFunc(idx, func(a, b int) int { return fs[a].From.Compare(fs[b].From) })
		for j := 0; j+1 < len(idx); j++ {
			a, b := idx[j], idx[j+1]
			l.Next[a] = b
			if fs[a].OpenEnded() || fs[a].To.After(fs[b].From) {
				l.Overlaps = append(l.Overlaps, [2]int{a, b})
			}
		}
	}
	slices.SortFunc(l.Overlaps, func(x, y [2]int) int { return cmp.Compare(x[0], y[0]) })
	return l
}
