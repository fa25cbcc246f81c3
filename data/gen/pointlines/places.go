package main

// place is one town or site. Coordinates are the fact sheet's: [G] from the
// GeoNames-derived table, [W] from Wikipedia infoboxes, [C] from unrelated
// code files, [U] unsourced approximations.
type place struct {
	id   string
	kind string
	p    P
}

var places = []place{
	{"phnom-penh", "capital", P{104.9160, 11.5625}},
	{"tuol-sleng", "prison-site", P{104.9176, 11.5492}},
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
	{"phnom-malai", "stronghold", P{102.6016, 13.4990}},
	{"aranyaprathet", "border-town", P{102.50, 13.69}},
	{"preah-vihear-temple", "temple", P{104.68, 14.39}},
}

// taken says when each town was taken in 1978–1979 (the taken_1979
// property); the public wording and its sources are in the texts table.
var taken = map[string]string{
	"kratie":          "30 December 1978 (Short), the first provincial capital to fall; 'within five days' of 25 December (Chanda); 1 January 1979 (Deron, French chronology).",
	"stung-treng":     "1 January 1979 (Chanda, Vietnamese account); 3 January 1979 (Short).",
	"kampong-cham":    "Mekong crossing forced at the town on 6 January 1979; the day the town was taken is not stated (6–7 January implied).",
	"neak-luong":      "Mekong crossed at dawn on 7 January 1979 (first rubber-boat crossing 6 January).",
	"phnom-penh":      "Entered about noon on 7 January 1979.",
	"kampong-som":     "CONTESTED: Hanoi radio claimed 7 January 1979; the Vietnamese Navy account implies about 11 January; TIME's 29 January issue still reported street fighting. Map reading: contested 7 January → late January.",
	"ream":            "Taken with Kampong Som after five days of fighting from the Ta Lon landing (6 January 1979).",
	"battambang":      "Fall date NOT FOUND; heavy fighting reported there on 12 January 1979.",
	"poipet":          "Fall date NOT FOUND; troops of the new regime were 12 km away on 15 January 1979.",
	"siem-reap":       "Fall date NOT FOUND; heavy fighting still reported late January 1979.",
	"kampot":          "Fall date NOT FOUND; heavy fighting late January 1979, the town shelled from the mountains.",
	"takeo":           "Fall date NOT FOUND; Khmer Rouge remnants pursued in the province on 23 January 1979.",
	"kampong-chhnang": "Town's fall date NOT FOUND; a Vietnamese source says the airfield was taken on 7 January 1979, the NYT of 7 January that it apparently remained in government hands.",
	"svay-rieng":      "Fall date NOT FOUND (on the Route 1 axis, early January 1979).",
	"prey-veng":       "Fall date NOT FOUND.",
	"pursat":          "Fall date NOT FOUND (mid-January 1979, approx.); Pol Pot was there about 7–9 January.",
	"sisophon":        "Fall date NOT FOUND (mid-January 1979, approx.); Sihanouk was there 2–5 January.",
	"kampong-thom":    "Fall date NOT FOUND (mid-January 1979, approx.).",
	"koh-kong":        "Fall date NOT FOUND; the coast from Kampong Som to Koh Kong was cleared after the Ta Lon landing.",
	"kampong-speu":    "Fall date NOT FOUND.",
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
