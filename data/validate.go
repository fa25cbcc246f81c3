package data

import (
	"fmt"
	"io/fs"
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

// Dataset is a read and validated set of features, in Seq order.
type Dataset struct {
	Features []geo.Feature
}

// ReadFS reads and validates the named files of fsys; with no names, every
// *.geojson file at its root. The error, if any, is Problems listing
// everything wrong, or a plain error when a file cannot be opened.
func ReadFS(fsys fs.FS, names ...string) (*Dataset, error) {
	if len(names) == 0 {
		var err error
		if names, err = fs.Glob(fsys, "*.geojson"); err != nil {
			return nil, fmt.Errorf("list dataset files: %w", err)
		}
		if len(names) == 0 {
			return nil, fmt.Errorf("no *.geojson files")
		}
	}
	var (
		all   []geo.Feature
		errs  Problems
		files []string // files[i] is the file of feature Seq i
	)
	for _, name := range names {
		f, err := fsys.Open(name)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", name, err)
		}
		fsOut, problems := Read(name, f, len(all))
		f.Close()
		errs = append(errs, problems...)
		all = append(all, fsOut...)
		for range fsOut {
			files = append(files, name)
		}
	}
	errs = append(errs, Validate(all, func(seq int) string { return files[seq] })...)
	if len(errs) > 0 {
		return nil, errs
	}
	return &Dataset{Features: all}, nil
}
