package main

import (
	"fmt"
	"sort"
	"time"
)

// windowStart is the start of the dataset window, 1 April 1978.
func windowStart() time.Time { return at("1978-04-01") }

// fallTimes gives, for each part of the country, the first instant from which the control layer shows it held
// or contested (see heldSteps and contestedAreas). Zones end where their parts are reached.
func fallTimes() map[string]time.Time {
	m := map[string]time.Time{}
	first := func(p string, t time.Time) {
		if old, ok := m[p]; !ok || t.Before(old) {
			m[p] = t
		}
	}
	for _, s := range heldSteps() {
		for _, p := range s.add {
			first(p, at(s.from))
		}
	}
	for _, a := range contestedAreas() {
		for _, s := range a.steps {
			for _, p := range s.add {
				first(p, at(s.from))
			}
		}
	}
	return m
}

// zoneProps are the properties of a zones feature, in output order.
type zoneProps struct {
	ValidFrom   string   `json:"valid_from"`
	ValidTo     *string  `json:"valid_to"`
	Track       *string  `json:"track"`
	Interpolate string   `json:"interpolate"`
	ZoneKind    string   `json:"zone_kind"`
	Sector      *string  `json:"sector,omitempty"`
	Sectors     []string `json:"sectors,omitempty"`
	Secretary   *string  `json:"secretary"`
	Status      string   `json:"status"`
	Provinces   []string `json:"provinces"`
	KilledMin   *int     `json:"killed_estimate_min,omitempty"`
	KilledMax   *int     `json:"killed_estimate_max,omitempty"`
}

// phase is a change of a zone's status on a sourced date.
type phase struct {
	from      string
	status    string
	secretary string // "" = not sourced (null)
	killed    [2]int // estimate range, zero when none
}

type zoneDef struct {
	id, kind string
	sector   string
	sectors  []string
	parts    []string
	phases   []phase // the first starts at the window start
}

func zoneDefs() []zoneDef {
	admin := func(secretary string) []phase {
		return []phase{{from: "1978-04-01", status: "administered", secretary: secretary}}
	}
	return []zoneDef{
		{
			id: "east", kind: "zone",
			parts: []string{"prey_veng", "svay_rieng", "kampong_cham_east"},
			phases: []phase{
				{from: "1978-04-01", status: "purge", secretary: "so-phim"},
				{from: "1978-04-20", status: "purge", secretary: "so-phim"},
				{from: "1978-05-25", status: "blockade", secretary: "so-phim"},
				{from: "1978-06-03", status: "massacres", secretary: "",
					killed: [2]int{100000, 250000}},
			},
		},
		{
			id: "southwest", kind: "zone",
			parts:  []string{"takeo", "kampot", "kandal"},
			phases: admin("ta-mok"),
		},
		{
			id: "west", kind: "zone",
			parts: []string{"kampong_speu", "kampong_chhnang", "koh_kong"},
			// Chou Chet was arrested in March 1978: the purge is under way when the window opens.
			phases: []phase{{from: "1978-04-01", status: "purge"}},
		},
		{
			id: "northwest", kind: "zone",
			parts: []string{"battambang", "pursat"},
			// Spring 1978: Southwest Zone cadres purge the zone; Ruos Nhim arrested in mid-1978 (15 June used).
			phases: []phase{
				{from: "1978-04-01", status: "purge", secretary: "ruos-nhim"},
				{from: "1978-06-15", status: "purge"},
			},
		},
		{
			id: "central", kind: "zone",
			parts:  []string{"kampong_thom", "kampong_cham_west"},
			phases: admin("ke-pauk"),
		},
		{
			id: "north", kind: "zone",
			sectors: []string{"103", "106"},
			parts:   []string{"siem_reap", "preah_vihear"},
			phases:  admin(""),
		},
		{
			id: "northeast", kind: "zone",
			parts:  []string{"stung_treng", "ratanakiri"},
			phases: admin(""),
		},
		{
			id: "sector-105", kind: "autonomous_sector", sector: "105",
			parts: []string{"mondulkiri"},
			phases: []phase{
				{from: "1978-04-01", status: "administered"},
				{from: "1978-11-15", status: "purge"},
			},
		},
		{
			id: "sector-505", kind: "autonomous_sector", sector: "505",
			parts:  []string{"kratie_rest", "kratie_pocket"},
			phases: admin(""),
		},
		{
			id: "kampong-som", kind: "city",
			parts:  []string{"kampong_som"},
			phases: admin(""),
		},
		{
			id: "phnom-penh", kind: "city",
			parts:  []string{"phnom_penh"},
			phases: admin(""),
		},
	}
}

// Zones builds the zones layer.
func Zones(g *Geometry) ([]Feature, error) {
	falls := fallTimes()
	var out []Feature
	for _, z := range zoneDefs() {
		feats, err := zoneKeyframes(g, z, falls)
		if err != nil {
			return nil, fmt.Errorf("zone %s: %w", z.id, err)
		}
		out = append(out, feats...)
	}
	return out, nil
}

func zoneKeyframes(g *Geometry, z zoneDef, falls map[string]time.Time) ([]Feature, error) {
	start := windowStart()
	var end time.Time
	// Keyed by Unix seconds: equal instants may carry different *time.Location values.
	cuts := map[int64]time.Time{start.Unix(): start}
	for _, p := range z.parts {
		f, ok := falls[p]
		if !ok {
			return nil, fmt.Errorf("part %s never falls in the control layer", p)
		}
		if f.After(end) {
			end = f
		}
		if f.After(start) {
			cuts[f.Unix()] = f
		}
	}
	for _, ph := range z.phases {
		cuts[at(ph.from).Unix()] = at(ph.from)
	}
	var times []time.Time
	for _, t := range cuts {
		if t.Before(end) {
			times = append(times, t)
		}
	}
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })

	var track *string
	if len(times) > 1 {
		track = strPtr("zone-" + z.id)
	}
	var out []Feature
	for i, t := range times {
		next := end
		if i+1 < len(times) {
			next = times[i+1]
		}
		var ph phase
		for _, p := range z.phases {
			if !at(p.from).After(t) {
				ph = p
			}
		}
		var remaining, fallen []string
		for _, p := range z.parts {
			if falls[p].After(t) {
				remaining = append(remaining, p)
			} else {
				fallen = append(fallen, p)
			}
		}
		geom, err := g.Union(remaining)
		if err != nil {
			return nil, err
		}
		status := ph.status
		if len(fallen) > 0 {
			status = "partly_overrun"
		}
		p := &zoneProps{
			ValidFrom:   stamp(t),
			ValidTo:     strPtr(stamp(next)),
			Track:       track,
			Interpolate: "step",
			ZoneKind:    z.kind,
			Sectors:     z.sectors,
			Status:      status,
		}
		if z.sector != "" {
			p.Sector = strPtr(z.sector)
		}
		if ph.secretary != "" {
			p.Secretary = strPtr(ph.secretary)
		}
		p.Provinces = append(p.Provinces, remaining...)
		if ph.killed[1] > 0 {
			lo, hi := ph.killed[0], ph.killed[1]
			p.KilledMin, p.KilledMax = &lo, &hi
		}
		out = append(out, Feature{ID: "zone-" + z.id + "-" + t.Format("20060102T1504"), Geometry: geom, Props: p})
	}
	return out, nil
}
