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
// provinces). Where sources give different dates, the choice and the reason are in the note.
func heldSteps() []heldStep {
	return []heldStep{
		{from: "1978-11-15", add: []string{"kratie_pocket"}},
		{from: "1978-12-30", add: []string{"kratie_rest"}},
		{from: "1979-01-01", add: []string{"stung_treng", "ratanakiri", "mondulkiri"}},
		{from: "1979-01-03", add: []string{"kampong_cham_east"}},
		{from: "1979-01-06T06:00", add: []string{"svay_rieng", "prey_veng"}},
		{from: "1979-01-07T12:00", add: []string{"phnom_penh", "kandal", "kampong_cham_west", "takeo"}},
		{from: "1979-01-11", add: []string{"kampong_som", "kampot", "kampong_speu", "kampong_chhnang", "kampong_thom"}},
		{from: "1979-01-17", add: []string{"battambang", "pursat", "siem_reap", "preah_vihear", "koh_kong"}, shape: "heldA"},
		{from: "1979-10-01", shape: "heldB"},
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
			for _, h := range have {
				p.Provinces = append(p.Provinces, partNames(g, h))
			}
		} else {
			p.Provinces = []string{"Cambodia, except the contested border strips"}
		}
		for _, a := range s.add {
			p.Added = append(p.Added, partNames(g, a))
		}
		out = append(out, Feature{ID: "held-" + from.Format("20060102T1504"), Geometry: geom, Props: p})
	}

	contested := []struct {
		id, from, to string
		track        *string
		geom         orb.MultiPolygon
	}{
		{"contested-kampong-som-19790106T2200", "1979-01-06T22:00", "1979-01-11", nil, g.Parts["kampong_som"]},
		{"contested-border-19790117", "1979-01-17", "1979-10-01", strPtr("control-contested-border"), g.BeltA},
		{"contested-border-19791001", "1979-10-01", "", strPtr("control-contested-border"), g.BeltB},
	}
	for _, c := range contested {
		var to *string
		if c.to != "" {
			to = strPtr(stamp(at(c.to)))
		}
		p := &controlProps{
			ValidFrom: stamp(at(c.from)), ValidTo: to, Track: c.track, Interpolate: "step",
			Status: "contested",
		}
		out = append(out, Feature{ID: c.id, Geometry: c.geom, Props: p})
	}
	return out, nil
}
