package main

import (
	"fmt"
	"math"
)

// Border positions shared by flows and camps. None has sourced
// coordinates except Nong Samet's; the others are placed from what the
// sources say of them (certainty low).
var (
	// Nong Samet: the Wikipedia infobox coordinates.
	nongSamet = P{102.7333, 13.8319}
	// Mak Mun and Nong Chan: Nong Samet was "about one kilometer northeast
	// of Mak Mun and two kilometers northeast of Nong Chan" (Wikipedia,
	// Nong Samet Refugee Camp); placed 1 and 2 km south-west of it along
	// the border line. (The Nong Chan infobox repeats Nong Samet's
	// coordinates.)
	makMun   = P{102.7288, 13.8240}
	nongChan = P{102.7242, 13.8162}
	// Khlong Wa: "about 40 km south of Aranyaprathet" where people
	// "crossed into Thailand": on the Thai side, about 2 km west of the
	// basemap's border line and 40 km in a straight line from
	// Aranyaprathet, in Khlong Hat district (Sa Kaeo).
	khlongWa = P{102.31, 13.38}
	// Foothills of the Cardamoms (start of the October 1979 flight).
	cardamomFoothills = P{102.80, 12.70}
	// Thai side of the Dangrek, on the way to Preah Vihear (June 1979).
	thaiSideNorth   = P{102.70, 14.35}
	thaiDangrekWest = P{103.50, 14.60}
	thaiDangrekEast = P{104.60, 14.55}
	// Below the Preah Vihear escarpment, inside Cambodia.
	belowEscarpment = P{104.70, 14.28}
	// Just inside Cambodia east of Khao-I-Dang.
	borderEastOfKID = P{102.80, 13.88}
)

// kf is one keyframe of a flow: from t until the next keyframe (or until),
// the line is the route's prefix up to waypoint wp (fractions allowed; a
// negative wp means the whole route), people is the figure (NaN = not
// known: people is null) and rng, when set, the [min, max]
// the sources give (people_range).
type kf struct {
	t      string
	wp     float64
	people float64
	interp string
	rng    []float64
}

type flow struct {
	track, kind string
	route       []P
	kfs         []kf
	until       string
	extra       map[string]any
}

var null = math.NaN()

// pv is the range of the Preah Vihear pushback's figure.
var pv = []float64{30000, 45000}

var flows = []flow{
	{
		track: "east-zone-flight-to-vietnam-1978", kind: "flight",
		route: []P{placeByID("prey-veng"), placeByID("svay-rieng"), bavet},
		kfs:   []kf{{"1978-09-15T12:00", -1, 2000, "step", []float64{2000, 3000}}},
		until: "1978-11-01T00:00",
	},
	{
		track: "east-zone-deportations-1978", kind: "deportation",
		route: []P{placeByID("prey-veng"), placeByID("neak-luong"), placeByID("phnom-penh"), placeByID("pursat"), placeByID("battambang")},
		kfs:   []kf{{"1978-06-01T00:00", -1, null, "step", nil}},
		until: "1978-12-25T00:00",
	},
	{
		track: "return-home-1979", kind: "return",
		route: []P{placeByID("battambang"), placeByID("pursat"), placeByID("kampong-chhnang"), placeByID("phnom-penh"), placeByID("neak-luong"), placeByID("svay-rieng")},
		kfs:   []kf{{"1979-01-15T12:00", 0.05, null, "linear", nil}, {"1979-03-01T00:00", -1, null, "step", nil}},
		until: "1979-07-01T00:00",
	},
	{
		track: "highway-1-april-1979", kind: "return",
		route: []P{bavet, placeByID("svay-rieng"), placeByID("neak-luong"), placeByID("phnom-penh")},
		kfs:   []kf{{"1979-04-12T00:00", -1, null, "step", nil}},
		until: "1979-04-18T00:00",
	},
	{
		track: "foreigners-to-thai-border-1979-01", kind: "evacuation",
		route: []P{placeByID("battambang"), placeByID("sisophon"), placeByID("poipet"), placeByID("aranyaprathet")},
		kfs:   []kf{{"1979-01-10T12:00", 0.05, 922, "linear", nil}, {"1979-01-16T12:00", -1, 922, "step", nil}},
		until: "1979-01-20T00:00",
	},
	{
		track: "khlong-wa-april-1979", kind: "flight",
		route: []P{placeByID("battambang"), khlongWa},
		kfs:   []kf{{"1979-04-19T12:00", 0.1, 15000, "linear", nil}, {"1979-04-21T12:00", -1, 15000, "step", nil}},
		until: "1979-05-01T00:00",
	},
	{
		// "About 80,000" moved back into Cambodia by the Thai army on 25
		// April 1979 after a two-day march to mountains near Aranyaprathet
		// (one wire report); the mountains are not located: the line from
		// Khlong Wa to the border and across it is schematic.
		track: "thai-army-return-april-1979", kind: "pushback",
		route: []P{khlongWa, P{102.325, 13.50}, P{102.40, 13.50}},
		kfs:   []kf{{"1979-04-23T12:00", 0.1, 80000, "linear", nil}, {"1979-04-25T12:00", -1, 80000, "step", nil}},
		until: "1979-04-29T00:00",
	},
	{
		track: "aranyaprathet-sent-back-april-1979", kind: "pushback",
		route: []P{placeByID("aranyaprathet"), placeByID("poipet"), toward(placeByID("poipet"), placeByID("sisophon"), 10)},
		kfs:   []kf{{"1979-04-22T12:00", -1, 5000, "step", []float64{5000, 6000}}},
		until: "1979-04-29T00:00",
	},
	{
		track: "preah-vihear-pushback-1979-06", kind: "pushback",
		route: []P{placeByID("aranyaprathet"), thaiSideNorth, thaiDangrekWest, thaiDangrekEast, placeByID("preah-vihear-temple"), belowEscarpment},
		kfs: []kf{{"1979-06-08T06:00", 0.05, 42000, "linear", pv}, {"1979-06-09T00:00", 1.2, 42000, "linear", pv}, {"1979-06-10T00:00", 2.2, 42000, "linear", pv},
			{"1979-06-11T00:00", 3.2, 42000, "linear", pv}, {"1979-06-12T00:00", 4, 42000, "linear", pv}, {"1979-06-13T12:00", -1, 42000, "step", pv}},
		until: "1979-06-24T00:00",
		extra: map[string]any{"deaths_range": []float64{400, 10000}},
	},
	{
		// Part of the same pushback: "several thousand" from Nong Chan
		// (Wikipedia, Nong Chan Refugee Camp), joining the buses north.
		track: "preah-vihear-pushback-1979-06-nong-chan", kind: "pushback",
		route: []P{nongChan, thaiSideNorth},
		kfs:   []kf{{"1979-06-08T06:00", 0.1, null, "linear", nil}, {"1979-06-09T00:00", -1, null, "step", nil}},
		until: "1979-06-24T00:00",
	},
	{
		track: "flight-west-1979-autumn", kind: "flight",
		route: []P{placeByID("battambang"), placeByID("sisophon"), nongChan},
		kfs: []kf{{"1979-08-01T00:00", -1, null, "step", nil},
			{"1979-10-01T00:00", -1, null, "step", nil},
			{"1979-11-12T00:00", -1, 80000, "step", nil}},
		until: "1979-12-01T00:00",
	},
	{
		track: "khlong-wa-october-1979", kind: "flight",
		route: []P{cardamomFoothills, khlongWa},
		kfs:   []kf{{"1979-10-01T00:00", 0.05, null, "linear", nil}, {"1979-10-10T12:00", -1, 60000, "step", nil}},
		until: "1979-10-24T00:00",
	},
	{
		track: "khlong-wa-to-sa-kaeo-1979", kind: "transfer",
		route: []P{khlongWa, placeByID("aranyaprathet"), P{102.0589, 13.8206}},
		kfs:   []kf{{"1979-10-24T00:00", -1, 8000, "linear", nil}, {"1979-11-01T00:00", -1, 30000, "step", nil}},
		until: "1979-11-08T00:00",
	},
	{
		track: "land-bridge-nong-chan-1980", kind: "land-bridge",
		route: []P{placeByID("battambang"), placeByID("sisophon"), nongChan},
		kfs: []kf{{"1980-01-01T00:00", -1, null, "step", nil},
			{"1980-02-15T00:00", -1, 4500, "linear", nil},
			{"1980-03-15T00:00", -1, 9000, "step", nil},
			{"1980-05-01T00:00", -1, null, "step", nil}},
		until: "1980-06-01T00:00",
		extra: map[string]any{"people_unit": "per-day"},
	},
	{
		track: "repatriation-khao-i-dang-1980-06", kind: "repatriation",
		route: []P{P{102.6675, 13.8939}, borderEastOfKID},
		kfs:   []kf{{"1980-06-17T00:00", 0.1, null, "linear", nil}, {"1980-06-18T00:00", -1, null, "step", nil}},
		until: "1980-06-25T00:00",
	},
	{
		track: "repatriation-sa-kaeo-1980-06", kind: "repatriation",
		route: []P{P{102.0589, 13.8206}, placeByID("aranyaprathet"), placeByID("poipet")},
		kfs:   []kf{{"1980-06-18T00:00", 0.1, null, "linear", nil}, {"1980-06-19T00:00", -1, null, "step", nil}},
		until: "1980-06-25T00:00",
	},
	{
		track: "mak-mun-to-nong-chan-1980-06", kind: "flight",
		route: []P{makMun, nongChan},
		kfs:   []kf{{"1980-06-23T00:00", -1, null, "step", nil}},
		until: "1980-06-30T00:00",
	},
}

func flowFeatures() []Feature {
	var out []Feature
	for _, f := range flows {
		c := cumulative(f.route)
		total := c[len(c)-1]
		for i, k := range f.kfs {
			from := at(k.t)
			to := at(f.until)
			if i+1 < len(f.kfs) {
				to = at(f.kfs[i+1].t)
			}
			geomLine := f.route
			if k.wp >= 0 {
				j := int(math.Floor(k.wp))
				d := c[j]
				if j+1 < len(c) {
					d += (k.wp - float64(j)) * (c[j+1] - c[j])
				}
				geomLine = prefix(f.route, c, math.Max(d, math.Min(1, total)))
			}
			p := base(from, to, f.track, k.interp)
			p["people"] = nil // not known: null, never 0
			if !math.IsNaN(k.people) {
				p["people"] = k.people
			}
			if k.rng != nil {
				p["people_range"] = k.rng
			}
			p["kind"] = f.kind
			for kk, v := range f.extra {
				p[kk] = v
			}
			id := fmt.Sprintf("%s-%s", f.track, from.Format("20060102-1504"))
			out = append(out, Feature{ID: id, Geom: line(geomLine), Props: p})
		}
	}
	return out
}
