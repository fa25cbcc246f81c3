package main

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// windowStart is the start of the dataset window, 1 April 1978.
func windowStart() time.Time { return at("1978-04-01") }

// fallTimes gives, for each part of the country, the instant from which the control layer shows it held by
// Vietnamese and KUFNS forces (see heldSteps for the sources and the reasoning). Zones end where their parts fall.
func fallTimes() map[string]time.Time {
	m := map[string]time.Time{}
	for _, s := range heldSteps() {
		for _, p := range s.add {
			m[p] = at(s.from)
		}
	}
	return m
}

// partNames names the parts in the layers' "provinces" lists.
func partNames(g *Geometry, id string) string {
	switch id {
	case "kampong_cham_east":
		return "Kampong Cham east of the Mekong (today's Tbong Khmum)"
	case "kampong_cham_west":
		return "Kampong Cham west and north of the Mekong"
	case "kratie_pocket":
		return "Kratie: Snuol and Route 13"
	case "kratie_rest":
		return "Kratie"
	}
	if n := g.Names[id]; n != "" {
		return n
	}
	return id
}

// zoneProps are the properties of a zones feature, in output order.
type zoneProps struct {
	ValidFrom   string   `json:"valid_from"`
	ValidTo     *string  `json:"valid_to"`
	Track       *string  `json:"track"`
	Interpolate string   `json:"interpolate"`
	Name        Name     `json:"name"`
	ZoneKind    string   `json:"zone_kind"`
	Sector      *string  `json:"sector,omitempty"`
	Sectors     []string `json:"sectors,omitempty"`
	Secretary   *string  `json:"secretary"`
	Status      string   `json:"status"`
	Provinces   []string `json:"provinces"`
	KilledMin   *int     `json:"killed_estimate_min,omitempty"`
	KilledMax   *int     `json:"killed_estimate_max,omitempty"`
	Sources     []Source `json:"sources"`
	Certainty   string   `json:"certainty"`
	Note        string   `json:"note"`
}

// phase is a change of a zone's status on a sourced date.
type phase struct {
	from      string
	status    string
	secretary string // "" = not sourced (null)
	certainty string
	note      string
	sources   []string
	killed    [2]int // estimate range, zero when none
}

type zoneDef struct {
	id, kind  string
	name      Name
	sector    string
	sectors   []string
	parts     []string
	certainty string
	sources   []string
	note      string
	phases    []phase // the first starts at the window start
}

const geometryNote = "Boundary drawn as the union of the project's approximate c. 1975 provinces: no sourced zone-boundary GIS data exists. " +
	"Shown from 1 April 1978 (start of the dataset window); each part disappears when the control layer shows it taken by the Vietnamese and KUFNS advance, and the zone ends when all of it has (the regime as a whole fell with Phnom Penh on 7 January 1979)."

func zoneDefs() []zoneDef {
	admin := func(secretary, note string, srcs ...string) []phase {
		return []phase{{from: "1978-04-01", status: "administered", secretary: secretary, note: note, sources: srcs}}
	}
	return []zoneDef{
		{
			id: "east", kind: "zone",
			name:  Name{En: "East Zone", Km: "ភូមិភាគបូព៌ា", Fr: "Zone Est", Vi: "Khu Đông"},
			parts: []string{"prey_veng", "svay_rieng", "kampong_cham_east"},
			note: "East of the Mekong: Prey Veng, Svay Rieng and Kampong Cham east of the river (all or parts of Prey Veng, Svay Rieng, Kampong Cham and Kratie per Becker; Kratie is shown whole in Sector 505). " +
				"Kampong Cham is cut along a hand-drawn line following the Mekong. ",
			certainty: "medium",
			sources:   []string{"eccc-002", "becker-36", "tbong-khmum"},
			phases: []phase{
				{from: "1978-04-01", status: "purge", secretary: "So Phim", certainty: "medium",
					note:    "Purge of the East Zone: by the end of March 1978 Pol Pot had decided So Phim was the problem; while Phim was in hospital in Phnom Penh (April to early May), Ke Pauk, Central Zone military commander, was ordered to purge the zone, which was attacked by troops of Ke Pauk and Son Sen from April 1978.",
					sources: []string{"short-book", "gargiulo"}},
				{from: "1978-04-20", status: "purge", secretary: "So Phim", certainty: "medium",
					note:    "By 20 April 1978 more than 400 East Zone cadres were held at Tuol Sleng (S-21) (Short).",
					sources: []string{"short-book"}},
				{from: "1978-05-25", status: "blockade", secretary: "So Phim", certainty: "medium",
					note:    "25 May 1978, the key date of the purge in ECCC testimony: Centre troops blockaded East Zone units, confiscated their weapons and dropped leaflets calling So Phim a traitor.",
					sources: []string{"cd-purges", "ppp-purges"}},
				{from: "1978-06-03", status: "massacres", secretary: "", certainty: "medium",
					note: "3 June 1978: So Phim, ambushed while trying to reach Pol Pot, shot himself at Arei Ksat, opposite the Royal Palace; his family was killed (Becker); the date is from Wikipedia. His successor is not sourced (secretary null). " +
						"Eastern Zone massacres, mostly in the last six months of 1978: of about 1.5 million people, an estimated 100,000 to 250,000 were killed; estimates vary widely. Survivors were deported west. " +
						"Heng Samrin, an East Zone division commander, fled to Vietnam in September (Becker) or October 1978 (Strangio); in October Chea Sim led 300 East Zone people across.",
					sources: []string{"wiki-sophim", "cd-ambush", "becker-62", "wiki-eastzone", "photoriente", "strangio-60"},
					killed:  [2]int{100000, 250000}},
			},
		},
		{
			id: "southwest", kind: "zone",
			name:  Name{En: "Southwest Zone", Km: "ភូមិភាគនិរតី", Fr: "Zone Sud-Ouest", Vi: "Khu Tây Nam"},
			parts: []string{"takeo", "kampot", "kandal"},
			note: "Takeo, Kampot (with Kep) and Kandal. A low-quality source says the zone covered Takeo, Kampot, part of Kandal and part of Kampong Speu; Kandal is shown whole and Kampong Speu in the West Zone. " +
				"Ta Mok's cadres, largely related to him, were cited as the regime's power base. ",
			certainty: "medium",
			sources:   []string{"eccc-002", "khmernews"},
			phases:    admin("Ta Mok (Chhit Choeun)", "Secretary: Ta Mok (Chhit Choeun).", "chain-command", "kampot-sw"),
		},
		{
			id: "west", kind: "zone",
			name:      Name{En: "West Zone", Km: "ភូមិភាគខាងលិច", Fr: "Zone Ouest", Vi: "Khu Tây"},
			parts:     []string{"kampong_speu", "kampong_chhnang", "koh_kong"},
			note:      "The poorer, thinly populated parts of Koh Kong, Kampong Speu and Kampong Chhnang (shown whole). ",
			certainty: "medium",
			sources:   []string{"eccc-002", "kampot-chet"},
			phases: admin("", "Chou Chet, who had led the zone, was arrested and executed at S-21 in March 1978 (15 March per one biography; Short: March 1978) with many zone leaders; his successor is not sourced (secretary null).",
				"short-book", "chet-bio", "kampot-chet"),
		},
		{
			id: "northwest", kind: "zone",
			name:      Name{En: "Northwest Zone", Km: "ភូមិភាគពាយ័ព្យ", Fr: "Zone Nord-Ouest", Vi: "Khu Tây Bắc"},
			parts:     []string{"battambang", "pursat"},
			note:      "Battambang (with today's Banteay Meanchey and Pailin) and Pursat, in seven sectors. ",
			certainty: "medium",
			sources:   []string{"eccc-002", "khmernews"},
			phases: admin("Ruos Nhim", "Secretary and commander: Ruos Nhim. In 1978 Southwest Zone forces made mass arrests in the zone and Ruos Nhim was purged as a 'Vietnamese collaborator'; the month of his arrest (often given as June 1978) is not confirmed, so he is shown throughout. In spring 1978 'the wave of suspicion rolled over the North-West' (Short).",
				"cd-northwest", "short-book"),
		},
		{
			id: "central", kind: "zone",
			name:      Name{En: "Central Zone (former North Zone)", Km: "ភូមិភាគកណ្ដាល", Fr: "Zone Centre (ex-Zone Nord)", Vi: "Khu Trung tâm"},
			parts:     []string{"kampong_thom", "kampong_cham_west"},
			note:      "The North Zone was renamed the Central Zone in 1977. Kampong Thom and Kampong Cham west and north of the Mekong; this extent is only loosely sourced (the DK textbook lists Baray and Taing Kok in the North Zone). ",
			certainty: "medium",
			sources:   []string{"eccc-002", "dk-textbook"},
			phases: admin("Ke Pauk", "Secretary: Ke Pauk, also deputy chief of staff; he said himself he had been North Zone and then Central Zone secretary. His predecessor Koy Thuon was at S-21 by 1977.",
				"zxc-pauk", "ppp-pauk", "guardian-pauk"),
		},
		{
			id: "north", kind: "zone",
			name:      Name{En: "North Zone (Sectors 106 and 103)", Km: "ភូមិភាគឧត្តរ", Fr: "Zone Nord (secteurs 106 et 103)", Vi: "Khu Bắc"},
			sectors:   []string{"103", "106"},
			parts:     []string{"siem_reap", "preah_vihear"},
			note:      "Formed in 1977 by merging the autonomous sectors 106 (Siem Reap, with today's Oddar Meanchey) and 103 (Preah Vihear), when the old North Zone became the Central Zone. ",
			certainty: "medium",
			sources:   []string{"eccc-002"},
			phases:    admin("", "Secretary not sourced (null)."),
		},
		{
			id: "northeast", kind: "zone",
			name:      Name{En: "Northeast Zone", Km: "ភូមិភាគឦសាន", Fr: "Zone Nord-Est", Vi: "Khu Đông Bắc"},
			parts:     []string{"stung_treng", "ratanakiri"},
			note:      "Ratanakiri and Stung Treng (a low-quality source places Ratanakiri and part of Stung Treng in the zone; Stung Treng is shown whole). ",
			certainty: "low",
			sources:   []string{"eccc-002", "khmernews"},
			phases: admin("", "Secretary Ney Saran (alias Ya) was arrested in September 1976 and tortured at S-21; his successor is not sourced (secretary null).",
				"ppp-ya"),
		},
		{
			id: "sector-105", kind: "autonomous_sector", sector: "105",
			name:      Name{En: "Autonomous Sector 105 (Mondulkiri)", Km: "តំបន់ស្វយ័ត ១០៥ (មណ្ឌលគិរី)", Fr: "Secteur autonome 105 (Mondolkiri)"},
			parts:     []string{"mondulkiri"},
			note:      "Reported directly to the Centre, bypassing the zones. ",
			certainty: "medium",
			sources:   []string{"eccc-002"},
			phases: []phase{
				{from: "1978-04-01", status: "administered", note: "Secretary not sourced (null)."},
				{from: "1978-11-15", status: "purge", certainty: "medium",
					note:    "On a single day in November 1978 (day not given; mid-month used), 140 Mondulkiri cadres were sent to S-21 (one witness's testimony). Secretary not sourced (null).",
					sources: []string{"ppp-mondulkiri"}},
			},
		},
		{
			id: "sector-505", kind: "autonomous_sector", sector: "505",
			name:      Name{En: "Autonomous Sector 505 (Kratie)", Km: "តំបន់ស្វយ័ត ៥០៥ (ក្រចេះ)", Fr: "Secteur autonome 505 (Kratié)"},
			parts:     []string{"kratie_rest", "kratie_pocket"},
			note:      "Kratie province; reported directly to the Centre. ",
			certainty: "medium",
			sources:   []string{"eccc-002"},
			phases:    admin("", "Secretary NOT FOUND (null). From mid-November 1978 the area around Snuol and Route 13 is shown in the control layer instead."),
		},
		{
			id: "kampong-som", kind: "city",
			name:      Name{En: "Kampong Som Autonomous City", Km: "ក្រុងស្វយ័តកំពង់សោម", Fr: "Ville autonome de Kompong Som"},
			parts:     []string{"kampong_som"},
			note:      "Administered apart from the zones. Drawn as modern Preah Sihanouk province, which is probably larger than the DK city (low certainty). ",
			certainty: "low",
			sources:   []string{"eccc-002", "dk-textbook"},
			phases:    admin("", "Secretary not sourced (null)."),
		},
		{
			id: "phnom-penh", kind: "city",
			name:      Name{En: "Phnom Penh (administered by the Centre)", Km: "ភ្នំពេញ (ក្រោមការគ្រប់គ្រងរបស់មជ្ឈិម)", Fr: "Phnom Penh (administrée par le Centre)", Vi: "Phnôm Pênh"},
			parts:     []string{"phnom_penh"},
			note:      "Phnom Penh was administered separately by the Centre; under Democratic Kampuchea it never held more than about 50,000 people. Drawn as the modern municipal boundary, much larger than the 1970s city. The 'Special Zone' around it is not sourced and is left out. ",
			certainty: "medium",
			sources:   []string{"eccc-002"},
			phases:    admin("", "No zone secretary: administered by the Centre (null)."),
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
				fallen = append(fallen, partNames(g, p))
			}
		}
		geom, err := g.Union(remaining)
		if err != nil {
			return nil, err
		}
		status := ph.status
		note := z.note + ph.note
		if len(fallen) > 0 {
			status = "partly_overrun"
			note += " Already taken by the Vietnamese and KUFNS advance at this point (see the control layer): " + strings.Join(fallen, ", ") + "."
		}
		note += " " + geometryNote
		certainty := z.certainty
		if ph.certainty != "" {
			certainty = ph.certainty
		}
		srcs, err := sourceList(append(append([]string(nil), z.sources...), ph.sources...)...)
		if err != nil {
			return nil, err
		}
		p := &zoneProps{
			ValidFrom:   stamp(t),
			ValidTo:     strPtr(stamp(next)),
			Track:       track,
			Interpolate: "step",
			Name:        z.name,
			ZoneKind:    z.kind,
			Sectors:     z.sectors,
			Status:      status,
			Sources:     srcs,
			Certainty:   certainty,
			Note:        note,
		}
		if z.sector != "" {
			p.Sector = strPtr(z.sector)
		}
		if ph.secretary != "" {
			p.Secretary = strPtr(ph.secretary)
		}
		for _, r := range remaining {
			p.Provinces = append(p.Provinces, partNames(g, r))
		}
		if ph.killed[1] > 0 {
			lo, hi := ph.killed[0], ph.killed[1]
			p.KilledMin, p.KilledMax = &lo, &hi
		}
		out = append(out, Feature{ID: "zone-" + z.id + "-" + t.Format("20060102T1504"), Geometry: geom, Props: p})
	}
	return out, nil
}
