package main

import (
	"fmt"
	"math"
	"time"
)

// Unsourced route points ([U]): approximate positions used only to draw the
// axes schematically. None of them is a place of the places layer.
var (
	pleiku        = P{108.00, 13.98} // Pleiku, Vietnam
	leThanh       = P{107.57, 13.77} // Route 19 border crossing (approx.)
	banMeThuot    = P{108.05, 12.67} // Ban Me Thuot, Vietnam
	dakMil        = P{107.62, 12.45} // Route 14 near the border (approx.)
	locNinh       = P{106.60, 11.85} // Loc Ninh, Vietnam
	memot         = P{106.18, 11.83} // Memot
	suong         = P{105.65, 11.91} // Suong
	kcEastBank    = P{105.48, 12.00} // east bank opposite Kampong Cham
	skun          = P{104.99, 12.08} // Skun (Route 6/7 junction)
	chroyChangvar = P{104.93, 11.60} // Chroy Changvar, the Tonle Sap ferry
	bavet         = P{106.13, 11.07} // Bavet / Moc Bai border crossing
	neakWestBank  = P{105.26, 11.25} // west bank landing opposite Neak Luong
	chauDoc       = P{105.12, 10.70} // Chau Doc, Vietnam
	vealRenh      = P{103.83, 10.70} // Veal Renh (Route 3/4 junction)
	sreAmbel      = P{103.77, 11.12} // Sre Ambel
)

// stop says the axis reached waypoint wp (fractions are distances between
// waypoints: 1.5 is halfway from waypoint 1 to waypoint 2) at time t.
type stop struct {
	t  string
	wp float64
}

type milestone struct {
	Place string `json:"place"`
	Date  string `json:"date"`
	Basis string `json:"basis"` // "sourced" or "approximate"; the feature's note explains both
}

type axis struct {
	track      string
	units      []string
	axis       string
	from, to   string
	route      []P
	stops      []stop
	until      string // end of the last keyframe
	milestones []milestone
}

func ms(place, date, basis string) milestone {
	return milestone{Place: place, Date: stamp(at(date)), Basis: basis}
}

var axes = []axis{
	{
		track: "route-19-stung-treng",
		units: []string{"Division 307", "Division 309", "Military Region 5"},
		axis:  "Route 19: Pleiku → Lumphat (Srepok crossing) → Stung Treng (Mekong crossing)",
		from:  "Pleiku", to: "Stung Treng",
		route: []P{pleiku, leThanh, placeByID("lumphat"), placeByID("stung-treng")},
		stops: []stop{{"1978-12-25T00:00", 0}, {"1978-12-25T18:00", 1}, {"1978-12-29T12:00", 2}, {"1979-01-01T12:00", 3}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Pleiku (start)", "1978-12-25", "sourced"),
			ms("Lumphat", "1978-12-29T12:00", "approximate"),
			ms("Stung Treng", "1979-01-01T12:00", "sourced"),
		},
	},
	{
		track: "kratie-division-5",
		units: []string{"Division 5", "Military Region 7"},
		axis:  "Routes 13/14 from Ban Me Thuot → Kratie (from the east)",
		from:  "Ban Me Thuot", to: "Kratie",
		route: []P{banMeThuot, dakMil, placeByID("kratie")},
		stops: []stop{{"1978-12-25T00:00", 0}, {"1978-12-26T00:00", 1}, {"1978-12-30T12:00", 2}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Ban Me Thuot (start)", "1978-12-25", "sourced"),
			ms("Kratie", "1978-12-30T12:00", "sourced"),
		},
	},
	{
		track: "kratie-division-303",
		units: []string{"Division 303"},
		axis:  "Route 13 north-west from Snuol → Kratie",
		from:  "Snuol", to: "Kratie",
		route: []P{placeByID("snuol"), placeByID("kratie")},
		stops: []stop{{"1978-12-21T06:00", 0}, {"1978-12-25T00:00", 0.25}, {"1978-12-30T12:00", 1}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Snuol (start of the limited offensive)", "1978-12-21", "sourced"),
			ms("Kratie", "1978-12-30T12:00", "sourced"),
		},
	},
	{
		track: "route-7-corps-3",
		units: []string{"Corps 3", "Division 10"},
		axis:  "Route 7: Loc Ninh → Memot → Suong → Kampong Cham (Mekong crossing) → Skun → Tonle Sap ferry → Phnom Penh",
		from:  "Loc Ninh", to: "Phnom Penh",
		route: []P{locNinh, memot, suong, kcEastBank, placeByID("kampong-cham"), skun, chroyChangvar, placeByID("phnom-penh")},
		stops: []stop{{"1978-12-31T06:00", 0}, {"1979-01-01T18:00", 3}, {"1979-01-06T06:00", 3}, {"1979-01-06T18:00", 4},
			{"1979-01-07T00:00", 5}, {"1979-01-07T10:00", 6}, {"1979-01-07T12:00", 7}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Route 7 border crossing", "1979-01-01", "sourced"),
			ms("East bank opposite Kampong Cham", "1979-01-01T18:00", "approximate"),
			ms("Kampong Cham (Mekong crossing)", "1979-01-06T18:00", "sourced"),
			ms("Phnom Penh", "1979-01-07T12:00", "sourced"),
		},
	},
	{
		track: "route-1-corps-4",
		units: []string{"Corps 4", "Division 7", "Tank Brigade 22"},
		axis:  "Route 1: Bavet → Svay Rieng → Neak Luong (Mekong ferry) → Phnom Penh",
		from:  "Bavet", to: "Phnom Penh",
		route: []P{bavet, placeByID("svay-rieng"), placeByID("neak-luong"), neakWestBank, placeByID("phnom-penh")},
		stops: []stop{{"1979-01-01T06:00", 0}, {"1979-01-02T12:00", 1}, {"1979-01-06T00:00", 2}, {"1979-01-07T06:00", 3}, {"1979-01-07T12:00", 4}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Bavet (border)", "1979-01-01", "sourced"),
			ms("Svay Rieng", "1979-01-02T12:00", "approximate"),
			ms("Neak Luong (Mekong crossing)", "1979-01-07T06:00", "sourced"),
			ms("Phnom Penh", "1979-01-07T12:00", "sourced"),
		},
	},
	{
		track: "military-region-9-takeo",
		units: []string{"Military Region 9"},
		axis:  "Chau Doc → Takeo → Route 2 → Phnom Penh",
		from:  "Chau Doc", to: "Phnom Penh",
		route: []P{chauDoc, placeByID("takeo"), placeByID("phnom-penh")},
		stops: []stop{{"1978-12-31T06:00", 0}, {"1979-01-05T12:00", 1}, {"1979-01-07T12:00", 2}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Takeo", "1979-01-05T12:00", "approximate"),
			ms("Phnom Penh", "1979-01-07T12:00", "sourced"),
		},
	},
	{
		track: "military-region-9-kampot",
		units: []string{"Military Region 9 (assumed)"},
		axis:  "Takeo → Kampot",
		from:  "Takeo", to: "Kampot",
		route: []P{placeByID("takeo"), placeByID("kampot")},
		stops: []stop{{"1979-01-06T00:00", 0}, {"1979-01-15T12:00", 1}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Kampot", "1979-01-15T12:00", "approximate"),
		},
	},
	{
		track: "ta-lon-landing",
		units: []string{"Naval Region 5", "Brigade 125", "Brigade 126", "Brigade 101 (naval infantry)", "Squadron 171"},
		axis:  "Amphibious landing at Ta Lon (Bokor) → Veal Renh → Ream → Kampong Som → Sre Ambel → Koh Kong",
		from:  "Ta Lon", to: "Koh Kong",
		route: []P{placeByID("ta-lon"), vealRenh, placeByID("ream"), placeByID("kampong-som"), sreAmbel, placeByID("koh-kong")},
		stops: []stop{{"1979-01-06T22:00", 0}, {"1979-01-08T12:00", 1}, {"1979-01-10T00:00", 2}, {"1979-01-11T12:00", 3}, {"1979-01-16T00:00", 4}, {"1979-01-25T12:00", 5}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Ta Lon (landing)", "1979-01-06T22:00", "sourced"),
			ms("Kampong Som and Ream", "1979-01-11T12:00", "sourced"),
			ms("Koh Kong", "1979-01-25T12:00", "approximate"),
		},
	},
	{
		track: "route-5-west",
		units: []string{"Vietnamese and KUFNS forces (units not named in the sources found)"},
		axis:  "Route 5: Phnom Penh → Kampong Chhnang → Pursat → Battambang → Sisophon → 12 km from Poipet",
		from:  "Phnom Penh", to: "Poipet",
		route: []P{placeByID("phnom-penh"), placeByID("kampong-chhnang"), placeByID("pursat"), placeByID("battambang"), placeByID("sisophon"),
			toward(placeByID("poipet"), placeByID("sisophon"), 12)},
		stops: []stop{{"1979-01-08T06:00", 0}, {"1979-01-09T12:00", 1}, {"1979-01-10T12:00", 2}, {"1979-01-12T12:00", 3}, {"1979-01-14T12:00", 4}, {"1979-01-15T12:00", 5}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Kampong Chhnang", "1979-01-09T12:00", "approximate"),
			ms("Pursat", "1979-01-10T12:00", "approximate"),
			ms("Battambang", "1979-01-12T12:00", "sourced"),
			ms("Sisophon", "1979-01-14T12:00", "approximate"),
			ms("12 km from Poipet", "1979-01-15T12:00", "sourced"),
		},
	},
	{
		track: "route-6-siem-reap",
		units: []string{"Vietnamese and KUFNS forces (units not named in the sources found)"},
		axis:  "Route 6: Skun → Kampong Thom → Siem Reap",
		from:  "Skun", to: "Siem Reap",
		route: []P{skun, placeByID("kampong-thom"), placeByID("siem-reap")},
		stops: []stop{{"1979-01-08T00:00", 0}, {"1979-01-10T12:00", 1}, {"1979-01-22T12:00", 2}},
		until: "1979-03-01T00:00",
		milestones: []milestone{
			ms("Kampong Thom", "1979-01-10T12:00", "approximate"),
			ms("Siem Reap", "1979-01-22T12:00", "approximate"),
		},
	},
}

// growth returns keyframe instants and distances for a growing line:
// the stops, plus every midnight between the first and the last stop.
func growth(route []P, stops []stop) ([]time.Time, []float64) {
	c := cumulative(route)
	distAt := func(wp float64) float64 {
		i := int(math.Floor(wp))
		if i >= len(route)-1 {
			return c[len(c)-1]
		}
		return c[i] + (wp-float64(i))*(c[i+1]-c[i])
	}
	type sd struct {
		t time.Time
		d float64
	}
	var ss []sd
	for _, s := range stops {
		ss = append(ss, sd{at(s.t), distAt(s.wp)})
	}
	var ts []time.Time
	var ds []float64
	add := func(t time.Time) {
		for i := 1; i < len(ss); i++ {
			if !t.After(ss[i].t) {
				a, b := ss[i-1], ss[i]
				f := float64(t.Sub(a.t)) / float64(b.t.Sub(a.t))
				ts = append(ts, t)
				ds = append(ds, a.d+f*(b.d-a.d))
				return
			}
		}
	}
	ts, ds = append(ts, ss[0].t), append(ds, ss[0].d)
	for i := 1; i < len(ss); i++ {
		day := time.Date(ss[i-1].t.Year(), ss[i-1].t.Month(), ss[i-1].t.Day()+1, 0, 0, 0, 0, ict)
		for ; day.Before(ss[i].t); day = day.AddDate(0, 0, 1) {
			add(day)
		}
		ts, ds = append(ts, ss[i].t), append(ds, ss[i].d)
	}
	return ts, ds
}

func advanceFeatures() []Feature {
	var out []Feature
	for _, a := range axes {
		c := cumulative(a.route)
		total := c[len(c)-1]
		ts, ds := growth(a.route, a.stops)
		for i, t := range ts {
			to := at(a.until)
			if i+1 < len(ts) {
				to = ts[i+1]
			}
			d := math.Max(ds[i], 1) // a line needs two distinct positions
			p := base(t, to, a.track, "linear")
			p["units"] = a.units
			p["from_place"] = a.from
			p["to_place"] = a.to
			p["progress_km"] = math.Round(ds[i]*10) / 10
			p["route_km"] = math.Round(total*10) / 10
			p["milestones"] = a.milestones
			id := fmt.Sprintf("%s-%s", a.track, t.Format("20060102-1504"))
			out = append(out, Feature{ID: id, Geom: line(prefix(a.route, c, d)), Props: p})
		}
	}
	return out
}
