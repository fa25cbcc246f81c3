package main

import (
	"fmt"
	"math"
)

// pop is one population keyframe of a camp (NaN = no figure).
type pop struct {
	t      string
	n      float64
	interp string
	note   string // prepended to the camp's note for this keyframe
}

type camp struct {
	track     string
	name      Name
	kind      string
	p         P
	pops      []pop
	until     string // "" = open-ended
	certainty string
	note      string
	srcs      []string
	extra     map[string]any
}

var camps = []camp{
	{
		track: "sa-kaeo",
		name:  Name{"Sa Kaeo holding centre", "មជ្ឈមណ្ឌលស្នាក់នៅបណ្តោះអាសន្នស្រះកែវ", "Centre d'accueil de Sa Kaeo", ""},
		kind:  "holding-centre", p: P{102.0589, 13.8206},
		pops: []pop{
			{"1979-10-24T00:00", 8000, "linear", "24 October 1979: 8,000 arrived by bus."},
			{"1979-11-01T00:00", 30000, "step", "Within eight days more than 30,000 (the figure shown is the lower bound); peak given as more than 30,000."},
			{"1980-06-18T00:00", null, "step", "From 18 June 1980 'voluntary' repatriation; Sa Kaeo I closed in early July 1980 (1 July here, approximate) and its population was relocated. No figures for 1980 found."},
		},
		until: "1980-07-01T00:00", certainty: "high",
		note:  "About 40 miles inside Thailand; a 160,000 m² site planned for up to 90,000 people, run by the UNHCR; its first residents came largely from Khmer Rouge-controlled areas. US First Lady Rosalynn Carter visited on 9 November 1979. Coordinates [W] (Wikipedia infobox).",
		srcs:  []string{"wiki-sakaeo", "fm-sakaeo", "memoires-jun80"},
		extra: map[string]any{"planned_capacity": 90000, "run_by": "UNHCR"},
	},
	{
		track: "khao-i-dang",
		name:  Name{"Khao-I-Dang holding centre", "មជ្ឈមណ្ឌល ខៅអ៊ីដាង", "Centre d'accueil de Khao-I-Dang", ""},
		kind:  "holding-centre", p: P{102.6675, 13.8939},
		pops: []pop{
			{"1979-11-21T00:00", null, "step", "Opened 21 November 1979; no figure for November found."},
			{"1979-12-15T00:00", 29000, "linear", "December 1979: 29,000 (mid-month used for a monthly figure)."},
			{"1980-03-15T00:00", 160000, "linear", "March 1980: 160,000 (Wikipedia), the peak used here. CONFLICT: the UNHCR gives the peak as 'nearly 140,000'."},
			{"1980-06-16T00:00", 135000, "step", "16 June 1980: 135,000 residents (Thai foreign minister). Repatriation began the next day; no later 1980 figure found."},
		},
		until: "", certainty: "medium",
		note:  "Built by the UNHCR (Mark Malloch Brown) in four days on 2.3 km², about 20 km north of Aranyaprathet, in sections of 10,000–12,000 people. Peak population figures conflict (160,000 in March 1980; 'nearly 140,000' per the UNHCR; 135,000 on 16 June 1980). From 31 December 1979 Thailand halted evacuations from the border to Khao-I-Dang except for the sick. The camp closed on 3 March 1993, outside this map's window. Coordinates [W].",
		srcs:  []string{"wiki-kid", "unhcr-kid", "paperspast-800617", "cable-791231"},
		extra: map[string]any{"run_by": "UNHCR"},
	},
	{
		track: "nong-chan",
		name:  Name{"Nong Chan border camp (Camp 511)", "ជំរំជនភៀសខ្លួន Nong Chan (ជំរំ ៥១១)", "Camp frontalier de Nong Chan (camp 511)", ""},
		kind:  "border-camp", p: nongChan,
		pops: []pop{
			{"1979-06-01T00:00", null, "step", "Existed before 1979 (a Khmer Serei camp since the 1950s); on 8 June 1979 refugees were taken from it to Preah Vihear. No figure for mid-1979."},
			{"1979-08-25T00:00", 13000, "step", "Late August 1979: 13,000 civilians, kept apart from Kong Sileah's ~100 MOULINAKA fighters; the ICRC built a hospital."},
			{"1979-11-08T00:00", null, "step", "8 November 1979: shelled on Col. Prachak Sawaengchit's orders, about 100 refugees killed. From November the 'land bridge' (see flows); on 30 December 1979 Mak Mun attacked it; on 23 June 1980 Mak Mun's people fled to it. No later population figure in the fact sheet."},
		},
		until: "", certainty: "low",
		note: "Position [U]: the Wikipedia infobox gives Nong Chan the same coordinates as Nong Samet, so one is wrong; Nong Chan is placed here a few km north of Nong Samet on the border (Khok Sung district). The Khmer spelling of the camp's name was not found in the sources: name.km gives a Khmer description with the name in Latin script. Merged into Site Two in 1985, outside this map's window.",
		srcs: []string{"wiki-nongchan", "fm-landbridge", "grafton"},
	},
	{
		track: "nong-samet",
		name:  Name{"Nong Samet border camp ('007', later Rithisen)", "ជំរំជនភៀសខ្លួន Nong Samet («០០៧»)", "Camp frontalier de Nong Samet (« 007 », puis Rithisen)", ""},
		kind:  "border-camp", p: P{102.7333, 13.8319},
		pops: []pop{
			{"1979-05-15T00:00", null, "step", "Founded in May 1979 (mid-month used); first food-aid shipment 11 October 1979; Long Rithia founded the 'Khmer Angkor' movement there on 5 October."},
			{"1979-12-01T00:00", 180000, "step", "Until December 1979 agencies fed 180,000; warlord In-Sakhan claimed at least 200,000. Warlord inflation of figures is a known problem."},
			{"1980-01-15T00:00", 60000, "step", "January 1980: ICRC/UNICEF estimated 60,000. The fall from 180,000 is a re-estimate, not only a departure, so the figures are not interpolated. On 4–6 January 1980 Mak Mun and the Khmer Rouge attacked the camp."},
			{"1980-05-15T00:00", null, "step", "May 1980: the camp moved next to Prasat Sdok Kok Thom (poor drainage, old mines); renamed Rithisen in August 1980. No 1980 figure after January found."},
		},
		until: "", certainty: "medium",
		note: "Coordinates [W] from the Wikipedia infobox (the same values are given for Nong Chan, so one of the two is wrong); they may describe the camp's site after its May 1980 move. The Khmer spelling of the camp's name was not found in the sources: name.km gives a Khmer description with the name in Latin script. Merged into Site Two in 1985.",
		srcs: []string{"wiki-nongsamet", "placesknownfor", "wikisum-nongsamet", "grafton"},
	},
	{
		track: "mak-mun",
		name:  Name{"Mak Mun (Non Mak Mun) border camp", "ជំរំជនភៀសខ្លួន Mak Mun", "Camp frontalier de Mak Mun (Non Mak Mun)", ""},
		kind:  "border-camp", p: makMun,
		pops: []pop{
			{"1979-12-30T00:00", null, "step", ""},
		},
		until: "1980-06-23T12:00", certainty: "low",
		note:  "NO COORDINATES FOUND: placed approximately between Nong Samet and Nong Chan, where the sources put it. Warlord Van Saren's camp, perhaps up to 200,000 people (low; population_claimed_max). It attacked Nong Chan on 30 December 1979 (the camp existed before; its founding date is not found) and, with the Khmer Rouge, '007' (Nong Samet) on 4–6 January 1980; it fought Nong Samet in March, and Van Saren was reportedly killed on 22 March 1980. The Thais 'closed' it on 11 April 1980; on 23 June 1980 the Vietnamese attacked, its hospital was destroyed and its people fled to Nong Chan. On 31 December 1979 Thailand proposed UN-supervised demilitarised zones at Nong Samet and Non Mak Mun.",
		srcs:  []string{"grafton", "cable-791231"},
		extra: map[string]any{"population_claimed_max": 200000},
	},
	{
		track: "khlong-wa",
		name:  Name{"Khlong Wa (border gathering point)", "Khlong Wa (ចំណុចប្រមូលផ្តុំនៅព្រំដែនថៃ)", "Khlong Wa (point de rassemblement frontalier)", ""},
		kind:  "border-camp", p: khlongWa,
		pops: []pop{
			{"1979-04-21T12:00", 15000, "step", "21–22 April 1979: at least 15,000 Cambodians (Khmer Rouge soldiers and civilians) crossed here; what became of them is not sourced, so the point is shown only until 1 May."},
			{"1979-10-10T12:00", 60000, "step", "10 October 1979: 60,000 Khmer Rouge soldiers and civilians under their control arrived, in advanced exhaustion and malnutrition; the site is also named Khlong Gai Thuen."},
			{"1979-10-24T00:00", null, "step", "From 24 October 1979 they were bussed to Sa Kaeo (8,000 the first day, more than 30,000 within eight days)."},
		},
		until: "1979-11-01T00:00", certainty: "low",
		note: "NO COORDINATES FOUND: placed on the border about 40 km south of Aranyaprathet, as the April 1979 wire report describes it ([U]). The Khmer spelling was not found in the sources: name.km gives a Khmer description with the name in Latin script.",
		srcs: []string{"press-790423", "wiki-sakaeo", "fm-sakaeo"},
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
					to = at("1979-05-01T00:00") // gap until October: no keyframe
				}
			case c.until != "":
				to = at(c.until)
			}
			note := c.note
			if k.note != "" {
				note = k.note + " " + note
			}
			p := base(from, to, c.track, k.interp, c.name, c.certainty, note, c.srcs...)
			if math.IsNaN(k.n) {
				p["population"] = nil
			} else {
				p["population"] = k.n
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
