package main

import (
	"fmt"
	"math"
)

// pop is one population keyframe of a camp (NaN = no figure); rng, when
// set, is the [min, max] the sources give (population_range).
type pop struct {
	t      string
	n      float64
	interp string
	rng    []float64
}

type camp struct {
	track string
	kind  string
	p     P
	pops  []pop
	until string // "" = open-ended
	extra map[string]any
}

var camps = []camp{
	{
		track: "sa-kaeo",
		kind:  "holding-centre", p: P{102.0589, 13.8206},
		pops: []pop{
			{"1979-10-24T00:00", 8000, "linear", nil},
			{"1979-11-01T00:00", 30000, "step", nil},
			{"1980-06-18T00:00", null, "step", nil},
		},
		until: "1980-07-01T00:00",
		extra: map[string]any{"planned_capacity": 90000, "run_by": "UNHCR"},
	},
	{
		track: "khao-i-dang",
		kind:  "holding-centre", p: P{102.6675, 13.8939},
		pops: []pop{
			{"1979-11-21T00:00", null, "step", nil},
			{"1979-11-23T00:00", 5000, "linear", nil},
			{"1979-12-15T00:00", 29000, "linear", nil},
			// January–June 1980: 135,000–160,000 in the sources (about
			// 140,000 by January; 160,000 in March; 135,000 on 16 June).
			{"1980-01-31T00:00", 140000, "step", []float64{135000, 160000}},
			{"1980-06-16T00:00", 135000, "step", nil},
			{"1980-07-01T00:00", null, "step", nil},
		},
		until: "",
		extra: map[string]any{"run_by": "UNHCR"},
	},
	{
		track: "nong-chan",
		kind:  "border-camp", p: nongChan,
		pops: []pop{
			{"1979-06-01T00:00", null, "step", nil},
			{"1979-08-25T00:00", 13000, "step", nil},
			{"1979-11-08T00:00", null, "step", nil},
		},
		until: "",
	},
	{
		track: "nong-samet",
		kind:  "border-camp", p: nongSamet,
		pops: []pop{
			{"1979-05-15T00:00", null, "step", nil},
			{"1979-12-01T00:00", 180000, "step", []float64{180000, 200000}},
			{"1980-01-15T00:00", 60000, "step", nil},
			{"1980-05-15T00:00", null, "step", nil},
		},
		until: "",
	},
	{
		track: "mak-mun",
		kind:  "border-camp", p: makMun,
		pops: []pop{
			// It existed by May 1979 (the "Old Camp" beside Nong Samet's
			// "New Camp"); founding date not known.
			{"1979-05-15T00:00", null, "step", nil},
			{"1979-12-30T00:00", null, "step", nil},
		},
		until: "1980-06-23T12:00",
		extra: map[string]any{"population_claimed_max": 200000},
	},
	{
		track: "khlong-wa",
		kind:  "border-camp", p: khlongWa,
		pops: []pop{
			{"1979-04-21T12:00", 15000, "step", nil},
			{"1979-10-10T12:00", 60000, "step", nil},
			{"1979-10-24T00:00", null, "step", nil},
		},
		until: "1979-11-01T00:00",
	},
}

func campFeatures() []Feature {
	var out []Feature
	for _, c := range camps {
		for i, k := range c.pops {
			from := at(k.t)
			to := noEnd
			switch {
			case i+1 < len(c.pops):
				to = at(c.pops[i+1].t)
				if c.track == "khlong-wa" && i == 0 {
					to = at("1979-04-25T12:00") // moved back into Cambodia on 25 April; gap until October
				}
			case c.until != "":
				to = at(c.until)
			}
			p := base(from, to, c.track, k.interp)
			if math.IsNaN(k.n) {
				p["population"] = nil
			} else {
				p["population"] = k.n
			}
			if k.rng != nil {
				p["population_range"] = k.rng
			}
			p["kind"] = c.kind
			p["opened"] = stamp(at(c.pops[0].t))
			if c.until != "" {
				p["closed"] = stamp(at(c.until))
			} else {
				p["closed"] = nil
			}
			for kk, v := range c.extra {
				p[kk] = v
			}
			id := fmt.Sprintf("%s-%s", c.track, from.Format("20060102-1504"))
			out = append(out, Feature{ID: id, Geom: point(c.p), Props: p})
		}
	}
	return out
}
