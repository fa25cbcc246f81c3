// Package synth generates synthetic datasets of any size for benchmarks
// and load tests: tracks of moving, growing lines with a changing figure,
// laid out so that a slice returns the same number of features whatever
// the dataset's size.
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// Start is the first instant of every synthetic dataset.
var Start = time.Date(1979, 1, 1, 0, 0, 0, 0, time.FixedZone("", 7*3600))

// Options shape a synthetic dataset.
type Options struct {
	// Keyframes is the total number of keyframes.
	Keyframes int
	// Tracks is the number of tracks; at any instant inside the time
	// window exactly one keyframe of each track is valid, so an instant
	// slice returns Tracks features. Default 1000.
	Tracks int
	// Layer receives the features. Default "flows".
	Layer string
	// Seed makes the dataset reproducible.
	Seed uint64
}

// Step is the validity of one keyframe; a track of k keyframes covers
// k×Step from Start.
func Step(o Options) time.Duration {
	perTrack := max(o.Keyframes/tracks(o), 1)
	return 2 * 365 * 24 * time.Hour / time.Duration(perTrack)
}

func tracks(o Options) int {
	if o.Tracks <= 0 {
		return 1000
	}
	return o.Tracks
}

// Generate builds the dataset. Features come out in Seq order, track by
// track; every keyframe is linear and contiguous with the next.
func Generate(o Options) *data.Dataset {
	layer := o.Layer
	if layer == "" {
		layer = "flows"
	}
	nt := tracks(o)
	r := rand.New(rand.NewPCG(o.Seed, 0x7153))
	step := Step(o)
	name := map[string]any{"en": "Synthetic flow", "km": "លំហូរ", "fr": "Flux synthétique"}
	sources := []any{map[string]any{"title": "Timeslice synthetic data", "url": "https://example.org/timeslice/synthetic"}}
	ds := &data.Dataset{Features: make([]geo.Feature, 0, o.Keyframes)}
	for t := 0; t < nt; t++ {
		// Each track starts somewhere in Cambodia and drifts.
		x, y := 102.5+r.Float64()*4.5, 10.5+r.Float64()*3.5
		dx, dy := (r.Float64()-0.5)*0.01, (r.Float64()-0.5)*0.01
		k := o.Keyframes / nt
		if t < o.Keyframes%nt {
			k++
		}
		people := float64(1000 + r.IntN(50000))
		for i := 0; i < k; i++ {
			from := Start.Add(time.Duration(i) * step)
			f := geo.Feature{
				Layer:  layer,
				ID:     fmt.Sprintf("s%d-%d", t, i),
				Track:  fmt.Sprintf("s%d", t),
				From:   from,
				To:     from.Add(step),
				Interp: geo.Linear,
				Props: map[string]any{
					"name": name, "sources": sources, "certainty": "low",
					"people": people,
				},
				Seq: len(ds.Features),
			}
			if i == k-1 {
				f.Interp = geo.Step
			}
			f.Geometry = line(x+dx*float64(i), y+dy*float64(i), 4+i%5)
			f.Bound = f.Geometry.Bound()
			ds.Features = append(ds.Features, f)
			people = math.Max(0, people+float64(r.IntN(2001)-1000))
		}
	}
	return ds
}

// line is a gently curving line of n vertices starting at (x, y).
func line(x, y float64, n int) orb.LineString {
	ls := make(orb.LineString, n)
	for i := range ls {
		a := float64(i) * 0.4
		ls[i] = orb.Point{
			math.Round((x+0.05*float64(i))*1e5) / 1e5,
			math.Round((y+0.02*math.Sin(a))*1e5) / 1e5,
		}
	}
	return ls
}
