package main

import (
	"github.com/paulmach/orb"
)

// controlProps are the properties of a control feature, in output order.
type controlProps struct {
	ValidFrom   string   `json:"valid_from"`
	ValidTo     *string  `json:"valid_to"`
	Track       *string  `json:"track"`
	Interpolate string   `json:"interpolate"`
	Status      string   `json:"status"`
	Provinces   []string `json:"provinces,omitempty"`
	Added       []string `json:"added,omitempty"`
}

// heldStep is one keyframe of the held area: the parts added at that instant, or a whole-country shape.
type heldStep struct {
	from  string
	add   []string
	shape string // "" (union of the parts so far), "heldA" or "heldB"
}

// heldSteps is the held area through time, province by province (step interpolation: it changes by whole
// provinces). A province turns held at the instant the axis of advance reaching its main town arrives there (a
// date known only to the day is tied to 12:00 in both layers); provinces where the sources report fighting after
// that are contested first (contestedSteps) and join the held area with shape A at the end of January 1979. The
// notes of data/source/texts/control.csv give the sources; data/agreement_test.go checks the two layers agree.
func heldSteps() []heldStep {
	return []heldStep{
		{from: "1978-11-15", add: []string{"kratie_pocket"}},
		{from: "1978-12-29T12:00", add: []string{"ratanakiri"}},
		{from: "1978-12-30T12:00", add: []string{"kratie_rest"}},
		{from: "1979-01-01T12:00", add: []string{"stung_treng", "mondulkiri"}},
		{from: "1979-01-02T12:00", add: []string{"svay_rieng"}},
		{from: "1979-01-03", add: []string{"kampong_cham_east"}},
		{from: "1979-01-05T12:00", add: []string{"takeo"}},
		{from: "1979-01-06T06:00", add: []string{"prey_veng"}},
		{from: "1979-01-07T12:00", add: []string{"phnom_penh", "kandal", "kampong_cham_west"}},
		{from: "1979-01-09T12:00", add: []string{"kampong_chhnang"}},
		{from: "1979-01-10T12:00", add: []string{"kampong_thom"}},
		{from: "1979-01-11", add: []string{"kampong_speu"}},
		{from: westHeld, add: []string{"kampot", "kampong_som", "battambang", "pursat", "siem_reap", "preah_vihear", "koh_kong"}, shape: "heldA"},
		{from: "1979-10-01", shape: "heldB"},
	}
}

// westHeld is when the provinces shown contested in January 1979 join the held area (the end of January: the
// last reports of fighting in their towns are in TIME's issue of 29 January; no source gives a date).
const westHeld = "1979-02-01"

// contestedStep is one keyframe of a contested area made of whole provinces: the parts added at that instant.
type contestedStep struct {
	from string
	add  []string
}

// contestedArea is a contested area of whole provinces, from its first step until westHeld.
type contestedArea struct {
	id    string // feature id prefix
	track string // "" for a one-off
	steps []contestedStep
}

// contestedAreas are the provinces reached in January 1979 where the sources report fighting after the arrival:
// the coast of the Ta Lon landing, and the west as the axes reach Pursat, Battambang, Siem Reap and Koh Kong.
func contestedAreas() []contestedArea {
	return []contestedArea{
		{id: "contested-coast", steps: []contestedStep{{"1979-01-06T22:00", []string{"kampot", "kampong_som"}}}},
		{id: "contested-west", track: "control-contested-border", steps: []contestedStep{
			{"1979-01-10T12:00", []string{"pursat"}},
			{"1979-01-12T12:00", []string{"battambang"}},
			{"1979-01-22T12:00", []string{"siem_reap", "preah_vihear"}},
			{"1979-01-25T12:00", []string{"koh_kong"}},
		}},
	}
}

// Control builds the control layer.
func Control(g *Geometry) ([]Feature, error) {
	var out []Feature
	steps := heldSteps()
	var have []string
	for i, s := range steps {
		from := at(s.from)
		var to *string
		if i+1 < len(steps) {
			to = strPtr(stamp(at(steps[i+1].from)))
		}
		have = append(have, s.add...)
		var geom orb.MultiPolygon
		switch s.shape {
		case "heldA":
			geom = g.HeldA
		case "heldB":
			geom = g.HeldB
		default:
			u, err := g.Union(have)
			if err != nil {
				return nil, err
			}
			geom = u
		}
		p := &controlProps{
			ValidFrom: stamp(from), ValidTo: to, Track: strPtr("control-held"), Interpolate: "step",
			Status: "held",
		}
		if s.shape == "" {
			p.Provinces = append(p.Provinces, have...)
		} else {
			p.Provinces = []string{"country_except_border_strips"} // Cambodia, except the contested border strips
		}
		p.Added = append(p.Added, s.add...)
		out = append(out, Feature{ID: "held-" + from.Format("20060102T1504"), Geometry: geom, Props: p})
	}

	for _, a := range contestedAreas() {
		var have []string
		for i, s := range a.steps {
			have = append(have, s.add...)
			geom, err := g.Union(have)
			if err != nil {
				return nil, err
			}
			next := westHeld
			if i+1 < len(a.steps) {
				next = a.steps[i+1].from
			}
			p := &controlProps{
				ValidFrom: stamp(at(s.from)), ValidTo: strPtr(stamp(at(next))), Interpolate: "step",
				Status: "contested",
			}
			if a.track != "" {
				p.Track = strPtr(a.track)
			}
			p.Provinces = append(p.Provinces, have...)
			p.Added = append(p.Added, s.add...)
			out = append(out, Feature{ID: a.id + "-" + at(s.from).Format("20060102T1504"), Geometry: geom, Props: p})
		}
	}
	border := []struct {
		id, from, to string
		geom         orb.MultiPolygon
	}{
		{"contested-border-19790201", westHeld, "1979-10-01", g.BeltA},
		{"contested-border-19791001", "1979-10-01", "", g.BeltB},
	}
	for _, c := range border {
		var to *string
		if c.to != "" {
			to = strPtr(stamp(at(c.to)))
		}
		p := &controlProps{
			ValidFrom: stamp(at(c.from)), ValidTo: to, Track: strPtr("control-contested-border"), Interpolate: "step",
			Status: "contested",
		}
		out = append(out, Feature{ID: c.id, Geometry: c.geom, Props: p})
	}
	return out, nil
}
