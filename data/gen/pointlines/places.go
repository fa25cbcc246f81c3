package main

// place is one town or site. Coordinates are GeoNames' (modern town
// centres) unless the texts table's curator note says otherwise (Tuol
// Sleng: the museum; Neak Luong, Ream, Ta Lon, the temple: approximate).
type place struct {
	id   string
	kind string
	p    P
}

var places = []place{
	{"phnom-penh", "capital", P{104.9160, 11.5625}},
	{"tuol-sleng", "prison-site", P{104.91760, 11.54943}},
	{"kratie", "provincial-town", P{106.0188, 12.4881}},
	{"stung-treng", "provincial-town", P{105.9683, 13.5259}},
	{"kampong-cham", "provincial-town", P{105.45, 12.00}},
	{"neak-luong", "ferry-crossing", P{105.28, 11.26}},
	{"svay-rieng", "provincial-town", P{105.7994, 11.0879}},
	{"prey-veng", "provincial-town", P{105.3253, 11.4868}},
	{"takeo", "provincial-town", P{104.7850, 10.9908}},
	{"kampot", "provincial-town", P{104.1815, 10.6104}},
	{"kampong-som", "port", P{103.5296, 10.6093}},
	{"ream", "naval-base", P{103.63, 10.50}},
	{"ta-lon", "landing-site", P{104.03, 10.62}},
	{"battambang", "provincial-town", P{103.1982, 13.1027}},
	{"pursat", "provincial-town", P{103.9192, 12.5388}},
	{"siem-reap", "provincial-town", P{103.8606, 13.3618}},
	{"sisophon", "town", P{102.9737, 13.5859}},
	{"poipet", "border-town", P{102.5637, 13.6581}},
	{"kampong-thom", "provincial-town", P{104.8887, 12.7111}},
	{"kampong-chhnang", "provincial-town", P{104.67, 12.26}},
	{"kampong-speu", "provincial-town", P{104.5209, 11.4533}},
	{"koh-kong", "provincial-town", P{102.9838, 11.6153}},
	{"snuol", "town", P{106.4736, 12.1937}},
	{"lumphat", "provincial-town", P{106.9802, 13.4915}},
	{"sen-monorom", "provincial-town", P{107.1881, 12.4558}},
	{"phnom-malai", "upland", P{102.6016, 13.4990}},
	{"aranyaprathet", "border-town", P{102.50128, 13.69276}},
	{"preah-vihear-temple", "temple", P{104.68, 14.39}},
}

// taken says when each town was taken in 1978–1979 (the taken_1979
// property); the public wording and its sources are in the texts table.
var taken = map[string]string{
	"kratie":          "30 December 1978 (Short), the first provincial capital to fall; 'within five days' of 25 December (Chanda); 1 January 1979 in a French chronology.",
	"stung-treng":     "1 January 1979 (Chanda and a Vietnamese account) or 3 January 1979 (Short).",
	"kampong-cham":    "Mekong crossing forced at the town on 6 January 1979; the day the town itself was taken is not stated (6–7 January implied).",
	"neak-luong":      "Mekong crossed at dawn on 7 January 1979 (a first rubber-boat crossing on 6 January).",
	"phnom-penh":      "Entered about noon on 7 January 1979.",
	"kampong-som":     "Contested: Hanoi radio claimed 7 January 1979; the Vietnamese navy's account implies about 11 January; TIME's 29 January issue still reported street fighting.",
	"ream":            "Taken with Kampong Som after five days of fighting that began with the Ta Lon landing (6 January 1979).",
	"battambang":      "Date not known; heavy fighting reported there on 12 January 1979.",
	"poipet":          "Troops of the new regime were 12 km away on 15 January 1979; taken by Heng Samrin's forces on 4 March 1979 and retaken by the Khmer Rouge on 6 April (El País).",
	"siem-reap":       "Date not known; heavy fighting still reported in late January 1979.",
	"kampot":          "Date not known; heavy fighting in late January 1979, the town shelled from the mountains.",
	"takeo":           "Date not known; Khmer Rouge units pursued in the province on 23 January 1979.",
	"kampong-chhnang": "Date not known; a Vietnamese source says the airfield was taken on 7 January 1979, the New York Times of 7 January that it apparently remained in government hands.",
	"svay-rieng":      "Date not known (on the Route 1 axis, early January 1979).",
	"prey-veng":       "Date not known.",
	"pursat":          "Date not known (mid-January 1979, approximately); Pol Pot was there about 7–9 January.",
	"sisophon":        "Date not known (mid-January 1979, approximately); Sihanouk was there 2–5 January.",
	"kampong-thom":    "Date not known (mid-January 1979, approximately).",
	"koh-kong":        "Date not known; the coast from Kampong Som to Koh Kong was cleared after the Ta Lon landing.",
	"kampong-speu":    "Date not known.",
}

func placeFeatures() []Feature {
	from := at("1978-04-01T00:00")
	var out []Feature
	for _, pl := range places {
		props := base(from, noEnd, "", "step")
		props["kind"] = pl.kind
		if tk, ok := taken[pl.id]; ok {
			props["taken_1979"] = tk
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
