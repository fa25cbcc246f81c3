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

const ringNote = "The outline is schematic (the pre-1975 city on the west bank of the Tonle Sap and Bassac, drawn around the sourced centre point); no sourced outline of the 1979 city was found."

func perimeterFeatures() []Feature {
	var out []Feature
	add := func(id, from, to, track string, name Name, status, by string, cert, note string, extra map[string]any, geom map[string]any, srcs ...string) {
		var end = noEnd
		if to != "" {
			end = at(to)
		}
		p := base(at(from), end, track, "step", name, cert, note, srcs...)
		p["status"] = status
		p["controlled_by"] = by
		for k, v := range extra {
			p[k] = v
		}
		out = append(out, Feature{ID: id, Geom: geom, Props: p})
	}
	city := polygon(ppRing)
	const track = "phnom-penh-perimeter"
	const newAuth = "Vietnamese forces and the KUFNS / People's Revolutionary Council"
	add("phnom-penh-perimeter-1979-01-07", "1979-01-07T12:00", "1979-01-08T12:00", track,
		Name{"Phnom Penh, 7 January 1979: an almost empty city", "ភ្នំពេញ ៧ មករា ១៩៧៩៖ ទីក្រុងស្ទើរតែគ្មានមនុស្ស", "Phnom Penh, 7 janvier 1979 : une ville presque vide", "Phnôm Pênh, 7-1-1979"},
		"closed", newAuth, "medium",
		"Vietnamese units and the KUFNS entered an almost empty capital around noon with little resistance. About 20,000 Khmer Rouge soldiers and workers were still in the city on 7 January (Strangio); Chanda describes a 'smelly shell of a capital devoid of inhabitants'. Under Democratic Kampuchea the city never held more than about 50,000 people. The Gargiulo article's '70 surviving inhabitants found' is shown separately as that article's unconfirmed claim. "+ringNote,
		map[string]any{"population_estimate": 20000, "population_note": "about 20,000 Khmer Rouge soldiers and workers still in the city on 7 January (Strangio)"},
		city, "ki-veteran", "strangio-58", "strangio-59", "diplomat", "wwh-cambodia77")
	add("phnom-penh-perimeter-1979-01-08", "1979-01-08T12:00", "1979-06-01T00:00", track,
		Name{"Phnom Penh closed to its former inhabitants", "ភ្នំពេញ បិទមិនឱ្យអ្នករស់នៅចាស់ចូលវិញ", "Phnom Penh fermée à ses anciens habitants", ""},
		"closed", newAuth, "medium",
		"From 8 January: S-21 at Tuol Sleng was found (8 January per Brouwer; 10 January per another account) and the People's Revolutionary Council announced. Repopulation of the city was 'strictly controlled by the new government' at first; NYT's James Pringle found the city 'still largely devoid of people', civilians who got in picking up rice grains in the street. The switch to 'controlled' on 1 June 1979 is an approximation: the primary school reopened in June with just over 1,000 children. No source gives the day the closure ended; the Gargiulo article's 'access forbidden for more than six months' is unconfirmed. "+ringNote,
		nil, city, "wwh-cambodia77", "pringle", "brouwer", "iconic-photos", "facts-on-file")
	add("phnom-penh-perimeter-1979-06", "1979-06-01T00:00", "1980-01-01T00:00", track,
		Name{"Phnom Penh: controlled re-entry", "ភ្នំពេញ៖ ការចូលវិញក្រោមការត្រួតពិនិត្យ", "Phnom Penh : retour contrôlé", ""},
		"controlled", "People's Republic of Kampuchea", "low",
		"Dates approximate. The primary school reopened in June 1979 with just over 1,000 children, later about 2,000; a new market replaced the Central Market; the daily ration was two tins of rice per adult (British Pathé newsreel, year implied). In July 1979 the ICRC and UNICEF envoys still found a 'ghost town'; in December TIME wrote that the 'dead capital may be coming back to life', with aid flights arriving at Pochentong. Phnom Penh population figures for 1979 are NOT FOUND. "+ringNote,
		nil, city, "wwh-cambodia77", "pathe", "icrc", "time-791210")
	add("phnom-penh-perimeter-1980", "1980-01-01T00:00", "", track,
		Name{"Phnom Penh: open again", "ភ្នំពេញ៖ បើកឡើងវិញ", "Phnom Penh : ville rouverte", ""},
		"open", "People's Republic of Kampuchea", "low",
		"The Gargiulo article speaks of a gradual reopening of Phnom Penh in 1980; no retrieved source gives a date, so this keyframe starts on 1 January 1980 by convention. The riel was reintroduced in 1980 and the PRK's population that year was 6.6 million; the city had about 700,000 people by 1987. Phnom Penh population figures for 1980 are NOT FOUND. "+ringNote,
		nil, city, "gargiulo", "prk-simplewiki", "globalsecurity")

	// The Gargiulo article's claims that no other source confirms.
	add("phnom-penh-closure-claim-gargiulo", "1979-01-07T12:00", "1979-07-07T12:00", "",
		Name{"Claim: Phnom Penh forbidden for more than six months; 70 survivors found", "ការអះអាង៖ ហាមចូលភ្នំពេញលើសពីប្រាំមួយខែ", "Affirmation : accès à Phnom Penh interdit plus de six mois ; 70 survivants trouvés", ""},
		"closed", newAuth, "low",
		"Claims of the Gargiulo article, shown as that article's claims: 70 surviving inhabitants found in Phnom Penh, and access to the city forbidden for more than six months (drawn here as exactly six months from 7 January 1979). Neither claim was found in any other retrieved source: UNCONFIRMED. The nearest sourced figure is about 20,000 Khmer Rouge soldiers and workers in the city on 7 January (Strangio). "+ringNote,
		map[string]any{"claim_of": "the Gargiulo article", "claimed_survivors_found": 70, "confirmed": false},
		city, "gargiulo")
	add("phnom-penh-outskirts-claim-gargiulo", "1979-01-08T12:00", "1979-07-07T12:00", "",
		Name{"Claim: people camped on the outskirts of the closed city", "ការអះអាង៖ ប្រជាជនបោះជំរំនៅជាយក្រុង", "Affirmation : population campant aux abords de la ville fermée", ""},
		"closed", newAuth, "low",
		"The Gargiulo article says former inhabitants camped on the outskirts while the city stayed closed. This was NOT FOUND as a specific claim in any other retrieved source: UNCONFIRMED. The ring (a band around the schematic city outline) and its dates are illustrative only.",
		map[string]any{"claim_of": "the Gargiulo article", "confirmed": false, "kind": "outskirts"},
		polygon(scaled(ppRing, 1.8), reversed(ppRing)), "gargiulo")
	return out
}
