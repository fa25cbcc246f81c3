package data

import (
	"fmt"
	"sort"

	"github.com/timeslice/timeslice/geo"
)

// Validate makes the checks that need the whole dataset: ids unique in
// their layer, keyframes of a track not overlapping in time, and linear
// keyframes whose geometry can be interpolated towards the next one.
// fileOf names the file a feature (by Seq) came from, for messages.
func Validate(feats []geo.Feature, fileOf func(seq int) string) Problems {
	var errs Problems
	type key struct{ layer, id string }
	seen := map[key]int{}
	for i, f := range feats {
		k := key{f.Layer, f.ID}
		if j, dup := seen[k]; dup {
			errs = append(errs, Problem{File: fileOf(f.Seq), Feature: f.ID,
				Reason: fmt.Sprintf("id is not unique in layer %s (also in %s)", f.Layer, fileOf(feats[j].Seq))})
			continue
		}
		seen[k] = i
	}
	links := geo.Link(feats)
	for _, o := range links.Overlaps {
		a, b := feats[o[0]], feats[o[1]]
		to := "open end"
		if !a.OpenEnded() {
			to = geo.FormatTime(a.To)
		}
		errs = append(errs, Problem{File: fileOf(b.Seq), Feature: b.ID,
			Reason: fmt.Sprintf("keyframe of track %q starts at %s, before the previous keyframe %s ends (%s)",
				b.Track, geo.FormatTime(b.From), a.ID, to)})
	}
	for i, n := range links.Next {
		a := feats[i]
		if n < 0 || a.Interp != geo.Linear {
			continue
		}
		if b := feats[n]; !geo.Compatible(a.Geometry, b.Geometry) {
			errs = append(errs, Problem{File: fileOf(a.Seq), Feature: a.ID,
				Reason: fmt.Sprintf("linear track %q cannot interpolate %s into %s (next keyframe %s)",
					a.Track, a.Geometry.GeoJSONType(), b.Geometry.GeoJSONType(), b.ID)})
		}
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].File < errs[j].File })
	return errs
}
