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

func placeFeatures() []Feature {
	from := at("1978-04-01T00:00")
	var out []Feature
	for _, pl := range places {
		props := base(from, noEnd, "", "step")
		props["kind"] = pl.kind
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
