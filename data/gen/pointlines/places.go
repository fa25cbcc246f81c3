package main

// place is one town or site. Coordinates are the fact sheet's: [G] from the
// GeoNames-derived table, [W] from Wikipedia infoboxes, [C] from unrelated
// code files, [U] unsourced approximations.
type place struct {
	id        string
	name      Name
	kind      string
	p         P
	certainty string
	note      string
	srcs      []string
}

const gNote = ""

var places = []place{
	{"phnom-penh", Name{"Phnom Penh", "ភ្នំពេញ", "Phnom Penh", "Phnôm Pênh"}, "capital", P{104.9160, 11.5625}, "high", gNote, []string{"gazetteer"}},
	{"tuol-sleng", Name{"Tuol Sleng (S-21)", "ទួលស្លែង (ស-២១)", "Tuol Sleng (S-21)", ""}, "prison-site", P{104.9176, 11.5492}, "medium",
		"Coordinates [C]: from an unrelated public code file, not a gazetteer; check before publishing. Former Tuol Svay Prey high school, used as the S-21 security prison; now the Tuol Sleng Genocide Museum.",
		[]string{"gazetteer", "brouwer"}},
	{"kratie", Name{"Kratie", "ក្រចេះ", "Kratié", "Cra-chê"}, "provincial-town", P{106.0188, 12.4881}, "high", "Kracheh in some 1979 spellings.", []string{"gazetteer"}},
	{"stung-treng", Name{"Stung Treng", "ស្ទឹងត្រែង", "Stung Treng", ""}, "provincial-town", P{105.9683, 13.5259}, "high", "Stoeng Treng in some 1979 spellings.", []string{"gazetteer"}},
	{"kampong-cham", Name{"Kampong Cham", "កំពង់ចាម", "Kompong Cham", "Kông Pông Chàm"}, "provincial-town", P{105.45, 12.00}, "medium",
		"Coordinates given to two decimals only ([G]/[C] in the fact sheet).", []string{"gazetteer"}},
	{"neak-luong", Name{"Neak Luong", "អ្នកលឿង", "Neak Luong", ""}, "ferry-crossing", P{105.28, 11.26}, "medium",
		"Coordinates [C]: from an unrelated public code file, two decimals; check before publishing. Mekong ferry on Route 1.", []string{"gazetteer", "thoidai"}},
	{"svay-rieng", Name{"Svay Rieng", "ស្វាយរៀង", "Svay Rieng", "Xvây Riêng"}, "provincial-town", P{105.7994, 11.0879}, "high", gNote, []string{"gazetteer"}},
	{"prey-veng", Name{"Prey Veng", "ព្រៃវែង", "Prey Veng", "Prây Veng"}, "provincial-town", P{105.3253, 11.4868}, "high", gNote, []string{"gazetteer"}},
	{"takeo", Name{"Takeo", "តាកែវ", "Takéo", "Ta Keo"}, "provincial-town", P{104.7850, 10.9908}, "high", gNote, []string{"gazetteer"}},
	{"kampot", Name{"Kampot", "កំពត", "Kampot", "Cam Pốt"}, "provincial-town", P{104.1815, 10.6104}, "high", gNote, []string{"gazetteer"}},
	{"kampong-som", Name{"Kampong Som (Sihanoukville)", "កំពង់សោម", "Kompong Som (Sihanoukville)", "Kông Pông Xom"}, "port", P{103.5296, 10.6093}, "high",
		"Named Kampong Som in 1979; today Sihanoukville (Preah Sihanouk).", []string{"gazetteer"}},
	{"ream", Name{"Ream naval base", "មូលដ្ឋានទ័ពជើងទឹករាម", "Base navale de Ream", ""}, "naval-base", P{103.63, 10.50}, "low",
		"Coordinates [U]: approximate, not from a gazetteer.", []string{"vnnews-talon"}},
	{"ta-lon", Name{"Ta Lon beach (landing site)", "ឆ្នេរជើងភ្នំបូកគោ (ទីកន្លែងចុះចតពីសមុទ្រ)", "Plage de Ta Lon (lieu du débarquement)", "Bãi Ta Lon"}, "landing-site", P{104.03, 10.62}, "low",
		"Coordinates [U]: approximate position below Bokor, Kampot, not from a gazetteer. The Khmer spelling of the name Ta Lon was not found; the Khmer name given is descriptive (the beach at the foot of Bokor mountain, landing site). The Vietnamese accounts call it Ta Lon.",
		[]string{"vnnews-talon", "vnplus-talon"}},
	{"battambang", Name{"Battambang", "បាត់ដំបង", "Battambang", "Bát Tam Bang"}, "provincial-town", P{103.1982, 13.1027}, "high", gNote, []string{"gazetteer"}},
	{"pursat", Name{"Pursat", "ពោធិ៍សាត់", "Pursat", "Pu Xát"}, "provincial-town", P{103.9192, 12.5388}, "high", gNote, []string{"gazetteer"}},
	{"siem-reap", Name{"Siem Reap", "សៀមរាប", "Siem Reap", "Xiêm Riệp"}, "provincial-town", P{103.8606, 13.3618}, "high", gNote, []string{"gazetteer"}},
	{"sisophon", Name{"Sisophon", "សិរីសោភ័ណ", "Sisophon", "Xi Xô Phôn"}, "town", P{102.9737, 13.5859}, "high", gNote, []string{"gazetteer"}},
	{"poipet", Name{"Poipet", "ប៉ោយប៉ែត", "Poipet", ""}, "border-town", P{102.5637, 13.6581}, "high", gNote, []string{"gazetteer"}},
	{"kampong-thom", Name{"Kampong Thom", "កំពង់ធំ", "Kompong Thom", "Kông Pông Thom"}, "provincial-town", P{104.8887, 12.7111}, "medium",
		"Coordinates [C]: from an unrelated public code file; check before publishing.", []string{"gazetteer"}},
	{"kampong-chhnang", Name{"Kampong Chhnang", "កំពង់ឆ្នាំង", "Kompong Chhnang", "Kông Pông Chhnăng"}, "provincial-town", P{104.67, 12.26}, "high",
		"Coordinates given to two decimals only. The town had an airfield.", []string{"gazetteer"}},
	{"kampong-speu", Name{"Kampong Speu", "កំពង់ស្ពឺ", "Kompong Speu", ""}, "provincial-town", P{104.5209, 11.4533}, "high", gNote, []string{"gazetteer"}},
	{"koh-kong", Name{"Koh Kong", "កោះកុង", "Koh Kong", ""}, "provincial-town", P{102.9838, 11.6153}, "high", gNote, []string{"gazetteer"}},
	{"snuol", Name{"Snuol", "ស្នួល", "Snuol", ""}, "town", P{106.4736, 12.1937}, "high", gNote, []string{"gazetteer"}},
	{"lumphat", Name{"Lumphat", "លំផាត់", "Lomphat", ""}, "provincial-town", P{106.9802, 13.4915}, "high",
		"Provincial town of Ratanakiri in 1979 (today Banlung); that Lumphat was the 1979 capital is not from a retrieved source.", []string{"gazetteer"}},
	{"sen-monorom", Name{"Sen Monorom", "សែនមនោរម្យ", "Sen Monorom", ""}, "provincial-town", P{107.1881, 12.4558}, "high", gNote, []string{"gazetteer"}},
	{"phnom-malai", Name{"Phnom Malai", "ភ្នំម៉ាឡៃ", "Phnom Malai", ""}, "stronghold", P{102.6016, 13.4990}, "high",
		"Khmer Rouge stronghold near the Thai border in the early 1980s (low-medium per the fact sheet).", []string{"gazetteer", "malai"}},
	{"aranyaprathet", Name{"Aranyaprathet (Thailand)", "អរញ្ញប្រទេស", "Aranyaprathet (Thaïlande)", ""}, "border-town", P{102.50, 13.69}, "low",
		"Coordinates [U]: approximate, not from a gazetteer. Thai town facing Poipet.", []string{"bkkpost"}},
	{"preah-vihear-temple", Name{"Preah Vihear temple", "ប្រាសាទព្រះវិហារ", "Temple de Preah Vihear", "Đền Preah Vihear"}, "temple", P{104.68, 14.39}, "low",
		"Coordinates [U]: approximate, not from a gazetteer. On the Dangrek escarpment, site of the June 1979 pushback.", []string{"wiki-dangrek"}},
}

// taken says when each town was taken in 1978–1979, as far as the fact
// sheet knows, with the sources that say it (added to the place's sources).
var taken = map[string]struct {
	text string
	srcs []string
}{
	"kratie":          {"30 December 1978 (Short), the first provincial capital to fall; 'within five days' of 25 December (Chanda); 1 January 1979 (Deron, French chronology).", []string{"short", "chanda-31", "memoires-jan79"}},
	"stung-treng":     {"1 January 1979 (Chanda, Vietnamese account); 3 January 1979 (Short).", []string{"chanda-31", "vannghesontay", "short"}},
	"kampong-cham":    {"Mekong crossing forced at the town on 6 January 1979; the day the town was taken is not stated (6–7 January implied).", []string{"div10-crossing", "lichsuvn"}},
	"neak-luong":      {"Mekong crossed at dawn on 7 January 1979 (first rubber-boat crossing 6 January).", []string{"thoidai", "ki-veteran"}},
	"phnom-penh":      {"Entered about noon on 7 January 1979.", []string{"ki-veteran", "strangio-58"}},
	"kampong-som":     {"CONTESTED: Hanoi radio claimed 7 January 1979; the Vietnamese Navy account implies about 11 January; TIME's 29 January issue still reported street fighting. Map reading: contested 7 January → late January.", []string{"vnnews-talon", "time-790129"}},
	"ream":            {"Taken with Kampong Som after five days of fighting from the Ta Lon landing (6 January 1979).", []string{"vnnews-talon"}},
	"battambang":      {"Fall date NOT FOUND; heavy fighting reported there on 12 January 1979.", []string{"facts-on-file"}},
	"poipet":          {"Fall date NOT FOUND; troops of the new regime were 12 km away on 15 January 1979.", []string{"elpais"}},
	"siem-reap":       {"Fall date NOT FOUND; heavy fighting still reported late January 1979.", []string{"time-790129"}},
	"kampot":          {"Fall date NOT FOUND; heavy fighting late January 1979, the town shelled from the mountains.", []string{"time-790129"}},
	"takeo":           {"Fall date NOT FOUND; Khmer Rouge remnants pursued in the province on 23 January 1979.", []string{"vngazette"}},
	"kampong-chhnang": {"Town's fall date NOT FOUND; a Vietnamese source says the airfield was taken on 7 January 1979, the NYT of 7 January that it apparently remained in government hands.", []string{"lichsuvn", "ricorant"}},
	"svay-rieng":      {"Fall date NOT FOUND (on the Route 1 axis, early January 1979).", []string{"thoidai"}},
	"prey-veng":       {"Fall date NOT FOUND.", []string{"gazetteer"}},
	"pursat":          {"Fall date NOT FOUND (mid-January 1979, approx.); Pol Pot was there about 7–9 January.", []string{"short"}},
	"sisophon":        {"Fall date NOT FOUND (mid-January 1979, approx.); Sihanouk was there 2–5 January.", []string{"memoires-jan79"}},
	"kampong-thom":    {"Fall date NOT FOUND (mid-January 1979, approx.).", []string{"gazetteer"}},
	"koh-kong":        {"Fall date NOT FOUND; the coast from Kampong Som to Koh Kong was cleared after the Ta Lon landing.", []string{"vnnews-talon"}},
	"kampong-speu":    {"Fall date NOT FOUND.", []string{"gazetteer"}},
}

func placeFeatures() []Feature {
	from := at("1978-04-01T00:00")
	var out []Feature
	for _, pl := range places {
		srcs, note := pl.srcs, pl.note
		if tk, ok := taken[pl.id]; ok {
			srcs = append(append([]string(nil), srcs...), tk.srcs...)
			if note != "" {
				note += " "
			}
			note += "Taken: " + tk.text
		}
		props := base(from, noEnd, "", "step", pl.name, pl.certainty, note, srcs...)
		props["kind"] = pl.kind
		if tk, ok := taken[pl.id]; ok {
			props["taken_1979"] = tk.text
		}
		out = append(out, Feature{ID: pl.id, Geom: point(pl.p), Props: props})
	}
	return out
}

// placeByID returns the position of a place of the table.
func placeByID(id string) P {
	for _, pl := range places {
		if pl.id == id {
			return pl.p
		}
	}
	panic("unknown place " + id)
}
