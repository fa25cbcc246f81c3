package main

// The Phnom Penh perimeter: a schematic outline of the pre-1975 city on the
// west bank of the Tonle Sap and the Bassac, counter-clockwise. No sourced
// outline of the 1979 city was found; the ring is drawn from the city's
// sourced centre point and the rivers.
var ppRing = []P{
	{104.905, 11.515}, {104.930, 11.525}, {104.935, 11.545}, {104.935, 11.565}, {104.930, 11.600},
	{104.905, 11.610}, {104.885, 11.600}, {104.868, 11.575}, {104.865, 11.545}, {104.880, 11.522},
}

// scaled returns the ring scaled about Phnom Penh's centre point.
func scaled(ring []P, f float64) []P {
	c := placeByID("phnom-penh")
	out := make([]P, len(ring))
	for i, p := range ring {
		out[i] = P{c[0] + (p[0]-c[0])*f, c[1] + (p[1]-c[1])*f}
	}
	return out
}

func reversed(ring []P) []P {
	out := make([]P, len(ring))
	for i, p := range ring {
		out[len(ring)-1-i] = p
	}
	return out
}

func perimeterFeatures() []Feature {
	var out []Feature
	add := func(id, from, to, track string, status, by string, extra map[string]any, geom map[string]any) {
		var end = noEnd
		if to != "" {
			end = at(to)
		}
		p := base(at(from), end, track, "step")
		p["status"] = status
		p["controlled_by"] = by
		for k, v := range extra {
			p[k] = v
		}
		out = append(out, Feature{ID: id, Geom: geom, Props: p})
	}
	city := polygon(ppRing)
	const track = "phnom-penh-perimeter"
	const newAuth = "vietnam-kufns" // Vietnamese forces and the KUFNS / People's Revolutionary Council
	add("phnom-penh-perimeter-1979-01-07", "1979-01-07T12:00", "1979-01-08T12:00", track,
		"closed", newAuth,
		map[string]any{"population_estimate": 20000},
		city)
	// Entry restricted from 8 January 1979; no source dates a change of
	// status after that, so the keyframe is open-ended.
	add("phnom-penh-perimeter-1979-01-08", "1979-01-08T12:00", "", track,
		"controlled", newAuth,
		nil, city)

	// The Gargiulo article's claims that no other source confirms.
	add("phnom-penh-closure-claim-gargiulo", "1979-01-07T12:00", "1979-07-07T12:00", "",
		"closed", newAuth,
		map[string]any{"claim_of": "gargiulo-cambodgemag", "claimed_survivors_found": 70, "confirmed": false},
		city)
	add("phnom-penh-outskirts-claim-gargiulo", "1979-01-08T12:00", "1979-07-07T12:00", "",
		"closed", newAuth,
		map[string]any{"claim_of": "gargiulo-cambodgemag", "confirmed": false, "kind": "outskirts"},
		polygon(scaled(ppRing, 1.8), reversed(ppRing)))
	add("phnom-penh-reopening-claim-gargiulo", "1980-01-01T00:00", "1981-01-01T00:00", "",
		"open", "prk", // the People's Republic of Kampuchea
		map[string]any{"claim_of": "gargiulo-cambodgemag", "confirmed": false},
		city)
	return out
}
