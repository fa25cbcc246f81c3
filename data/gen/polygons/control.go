package main

import (
	"fmt"

	"github.com/paulmach/orb"
)

// controlProps are the properties of a control feature, in output order.
type controlProps struct {
	ValidFrom   string   `json:"valid_from"`
	ValidTo     *string  `json:"valid_to"`
	Track       *string  `json:"track"`
	Interpolate string   `json:"interpolate"`
	Name        Name     `json:"name"`
	Status      string   `json:"status"`
	Provinces   []string `json:"provinces,omitempty"`
	Added       []string `json:"added,omitempty"`
	Sources     []Source `json:"sources"`
	Certainty   string   `json:"certainty"`
	Note        string   `json:"note"`
}

// heldStep is one keyframe of the held area: the parts added at that instant, or a whole-country shape.
type heldStep struct {
	from      string
	add       []string
	shape     string // "" (union of the parts so far), "heldA" or "heldB"
	certainty string
	note      string
	sources   []string
}

func heldName() Name {
	return Name{
		En: "Area held by Vietnamese and KUFNS/PRK forces",
		Km: "តំបន់ក្រោមការកាន់កាប់របស់កងទ័ពវៀតណាម និងរណសិរ្សសាមគ្គីសង្គ្រោះជាតិកម្ពុជា",
		Fr: "Zone tenue par les forces vietnamiennes et du FUNSK/RPK",
		Vi: "Vùng do quân đội Việt Nam và Mặt trận Đoàn kết Dân tộc Cứu nước Campuchia kiểm soát",
	}
}

// heldSteps is the held area through time, province by province (step interpolation: it changes by whole
// provinces). Where sources give different dates, the choice and the reason are in the note.
func heldSteps() []heldStep {
	return []heldStep{
		{from: "1978-11-15", add: []string{"kratie_pocket"}, certainty: "low",
			note:    "Mid-November 1978 (15 November used): a large Vietnamese operation along Route 13 in Kratie province nearly destroyed a Khmer Rouge division and secured a 'liberated zone' (Chanda). The KUFNS was founded there, in a clearing east of Snuol, on 2 December 1978 (Radio Hanoi announced it on 3 December). The extent is drawn by hand around Snuol and Route 13 to the Vietnamese border; from 21 December a limited offensive with heavy air strikes pushed toward Kratie.",
			sources: []string{"chanda-29", "kufns-wiki", "av1-cvw"}},
		{from: "1978-12-30", add: []string{"kratie_rest"}, certainty: "medium",
			note:    "Kratie fell on 30 December 1978, the first provincial capital to fall (Short), to Division 5 from the east and Division 303 from Snuol. Chanda says 'within five days' of 25 December; a French chronology citing Deron gives 1 January 1979. 30 December is used, as the fact sheet advises. The whole province is shown from then (approximate).",
			sources: []string{"short", "chanda-31", "memoires-jan79", "vannghesontay"}},
		{from: "1979-01-01", add: []string{"stung_treng", "ratanakiri", "mondulkiri"}, certainty: "low",
			note:    "Stung Treng fell on 1 January 1979 per Chanda and the Vietnamese account; Short gives 3 January. 1 January is used, with lower certainty. Division 307 advanced on Route 19 and took Stung Treng; Division 309 cleared Ratanakiri, northern Mondulkiri and northern Stung Treng between 25 December and 1 January. The dates Ratanakiri (Lumphat) and Mondulkiri (Sen Monorom) were taken are NOT FOUND; they are shown with Stung Treng.",
			sources: []string{"chanda-31", "short", "vannghesontay", "loc-study"}},
		{from: "1979-01-03", add: []string{"kampong_cham_east"}, certainty: "medium",
			note:    "Division 10 (Corps 3) spent two days, 1–3 January 1979, clearing the area east of Kampong Cham (the east bank of the Mekong, today's Tbong Khmum); shown from 3 January. Source: a Vietnamese veteran's memoir. The cut of Kampong Cham along the Mekong is hand-drawn.",
			sources: []string{"div10-memoir"}},
		{from: "1979-01-06T06:00", add: []string{"svay_rieng", "prey_veng"}, certainty: "low",
			note:    "The Vietnamese main force entered on Highways 1 and 7 on 1 January. At 06:00 on 6 January the general attack on Phnom Penh began from three directions, with Corps 4 on Route 1 as the main thrust; Corps 4 crossed the Mekong at Neak Luong on 6–7 January. Svay Rieng and Prey Veng, behind that front, are shown held from 6 January 06:00; the dates their towns fell are NOT FOUND.",
			sources: []string{"short", "vtc", "thoidai", "ki-veteran"}},
		{from: "1979-01-07T12:00", add: []string{"phnom_penh", "kandal", "kampong_cham_west", "takeo"}, certainty: "medium",
			note:    "Vietnamese units and KUFNS forces entered an almost empty Phnom Penh with little resistance around 11:30–12:00 on 7 January 1979; the rebel radio announced its fall around noon. Corps 3 forced the Mekong crossing at Kampong Cham town on 6 January (the town's own date is not stated: 6–7 January implied). Military Region 9 drove on Phnom Penh via Takeo; the date Takeo town fell is NOT FOUND (Khmer Rouge remnants were still being pursued in Takeo province on 23 January). Phnom Penh is high certainty; Kandal, west Kampong Cham and Takeo are approximate.",
			sources: []string{"ki-veteran", "strangio-58", "div10-memoir", "div10-crossing", "lichsuvn", "vngazette"}},
		{from: "1979-01-11", add: []string{"kampong_som", "kampot", "kampong_speu", "kampong_chhnang", "kampong_thom"}, certainty: "low",
			note:    "Approximate ('fell mid-January 1979'). Kampong Som: after a landing at Ta Lon on the night of 6 January and five days of fighting, Vietnamese naval infantry took the port and the Ream naval base (about 11 January per the Vietnamese Navy account; Hanoi radio claimed 7 January; TIME of 29 January still reported street fighting). Kampot: Khmer Rouge forces driven from the town were shelling it from the mountains in late January. Kampong Chhnang: a Vietnamese source says its airfield was taken on 7 January, while the New York Times of 7 January said it apparently remained in government hands. The fall dates of Kampong Speu, Kampong Chhnang town and Kampong Thom are NOT FOUND.",
			sources: []string{"vnnews-talon", "vnplus-talon", "time-790129", "lichsuvn", "ricorant"}},
		{from: "1979-01-17", add: []string{"battambang", "pursat", "siem_reap", "preah_vihear", "koh_kong"}, shape: "heldA", certainty: "low",
			note:    "Approximate. A Vietnamese state source claims all cities and towns of Cambodia were 'liberated' by 17 January 1979 (low-medium): the rest of the country is shown held from then, except the border strips and the Cardamom Mountains, shown as contested (separate feature). Western reports are later or conflicting: heavy fighting at Battambang on 12 January (Facts on File); troops of the new regime 12 km from Poipet, not yet taken, on 15 January (El País); heavy fighting still reported at Siem Reap in late January (TIME), where Sihanouk (about 19 January) said the Khmer Rouge still held Battambang and Siem Reap. The fall dates of Battambang, Pursat, Siem Reap, Sisophon, Poipet and Koh Kong are NOT FOUND. Within about three weeks Vietnam controlled all major roads, harbours, airfields and population centres (Pribbenow).",
			sources: []string{"nvsk", "facts-on-file", "elpais", "time-790122", "time-790129", "krh-729", "pribbenow"}},
		{from: "1979-10-01", shape: "heldB", certainty: "low",
			note:    "From early October 1979 (1 October used) a major Vietnamese offensive against Khmer Rouge hideouts pushed Khmer Rouge soldiers, their families and civilians under their control to the Thai border; the contested strip is drawn narrower from then. 20,000–30,000 Khmer Rouge were still fighting in December 1979. Extent schematic.",
			sources: []string{"open-door", "time-791210"}},
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
		srcs, err := sourceList(s.sources...)
		if err != nil {
			return nil, fmt.Errorf("held %s: %w", s.from, err)
		}
		p := &controlProps{
			ValidFrom: stamp(from), ValidTo: to, Track: strPtr("control-held"), Interpolate: "step",
			Name: heldName(), Status: "held", Sources: srcs, Certainty: s.certainty, Note: s.note,
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
		name         Name
		certainty    string
		note         string
		sources      []string
	}{
		{"contested-kampong-som-19790106T2200", "1979-01-06T22:00", "1979-01-11", nil, g.Parts["kampong_som"],
			Name{En: "Kampong Som: landing and fighting", Km: "កំពង់សោម៖ ការចុះចតនិងការប្រយុទ្ធ", Fr: "Kompong Som : débarquement et combats", Vi: "Kompông Xom: đổ bộ và chiến đấu"},
			"medium",
			"At 22:00 on 6 January 1979 Naval Region 5 (Brigades 125, 126 and 101 of naval infantry, Squadron 171) landed at Ta Lon beach (Kampot coast); after five days of fighting they took Kampong Som port and the Ream naval base, destroying Khmer Rouge naval Division 164 and Border Regiment 17, then cleared more than 3,000 km² from Kampong Som to Koh Kong. When Kampong Som fell is CONTESTED: Hanoi radio claimed 7 January; the Vietnamese Navy account implies about 11 January; TIME (29 January issue) still reported street fighting in Kompong Som. Shown contested from the landing to 11 January, then held; fighting may have gone on later. Drawn as the whole of modern Preah Sihanouk province.",
			[]string{"vnnews-talon", "vnplus-talon", "time-790129"}},
		{"contested-border-19790117", "1979-01-17", "1979-10-01", strPtr("control-contested-border"), g.BeltA,
			Name{En: "Contested: Cardamom Mountains, Thai border and Dangrek", Km: "តំបន់ជម្លោះ៖ ជួរភ្នំក្រវាញ ព្រំដែនថៃ និងជួរភ្នំដងរែក", Fr: "Zone disputée : Cardamomes, frontière thaïlandaise et Dangrek", Vi: "Vùng tranh chấp: dãy Cardamom, biên giới Thái Lan và Dângrêk"},
			"low",
			"Khmer Rouge remnants retreated to the Cardamom Mountains and the Thai border and regrouped (20,000–30,000 still fighting in December 1979; 30,000–35,000 later in the 1980s). On 21–22 April 1979 at least 15,000 Khmer Rouge soldiers and civilians fleeing a Vietnamese drive crossed into Thailand near Khlong Wa, and 50,000–100,000 were estimated trapped along 50 km of border. Poipet, not yet taken on 15 January (El País), lies in the strip. The coast from Kampong Som to Koh Kong, cleared after the Ta Lon landing (more than 3,000 km², Vietnamese Navy account), is shown held. The strip is schematic (a hand-drawn line 20–90 km from the border), not a front line.",
			[]string{"wikisum-crisis", "hubbry-k5", "time-791210", "paperspast-790423", "elpais", "vnnews-talon"}},
		{"contested-border-19791001", "1979-10-01", "", strPtr("control-contested-border"), g.BeltB,
			Name{En: "Contested: Thai border, Cardamom core and Dangrek", Km: "តំបន់ជម្លោះ៖ ព្រំដែនថៃ ជួរភ្នំក្រវាញ និងជួរភ្នំដងរែក", Fr: "Zone disputée : frontière thaïlandaise, cœur des Cardamomes et Dangrek", Vi: "Vùng tranh chấp: biên giới Thái Lan, dãy Cardamom và Dângrêk"},
			"low",
			"From early October 1979 a major Vietnamese offensive pushed the Khmer Rouge, their families and civilians under their control to the Thai border (1 October used; narrower strip). Through 1980 the border stayed contested: Khmer Rouge and other resistance bases and camps (Phnom Malai became a Khmer Rouge stronghold by 1981), fighting among border camps, and on 23 June 1980 a Vietnamese attack on the camps around Mak Mun. Schematic extent, open-ended (the dataset window ends in 1980).",
			[]string{"open-door", "time-791210", "mak-mun", "khmerrouge-malai"}},
	}
	for _, c := range contested {
		srcs, err := sourceList(c.sources...)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", c.id, err)
		}
		var to *string
		if c.to != "" {
			to = strPtr(stamp(at(c.to)))
		}
		p := &controlProps{
			ValidFrom: stamp(at(c.from)), ValidTo: to, Track: c.track, Interpolate: "step",
			Name: c.name, Status: "contested", Sources: srcs, Certainty: c.certainty, Note: c.note,
		}
		out = append(out, Feature{ID: c.id, Geometry: c.geom, Props: p})
	}
	return out, nil
}
