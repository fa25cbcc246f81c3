package main

import "time"

// Event display window: an event is valid from its date for window, so the
// player shows its caption while the playhead passes; events that last
// several days (until) are valid to the end of their span.
const window = 3 * 24 * time.Hour

type event struct {
	id        string
	date      string // the instant the event is tied to (local time)
	until     string // end of the display window ("" = date + 3 days)
	precision string // "time", "day" or "month"
	p         P
	location  string // "exact", "approximate" or "symbolic"
	kind      string // "military", "political", "humanitarian" or "context"
}

// Conventions: an event known to the day is tied to 12:00 that day; one
// known only to the month to 12:00 on the 15th (precision "month"). Two
// events never share an instant: the second of a day is tied to 13:00, an
// hour that orders the two and is not a sourced time. Events in New York
// are placed at an instant whose date is the same in both cities.
var (
	pochentong  = P{104.844, 11.547} // Pochentong airport [U]
	areiKsat    = P{104.945, 11.575} // Arei Ksat, opposite the Royal Palace [U]
	eastOfSnuol = P{106.50, 12.19}   // KUFNS founding clearing, ~3 km east of Snuol [U]
	kratieFront = P{106.30, 12.35}   // between Snuol and Kratie [U]
	ppSouthEast = P{105.05, 11.45}   // Route 1 approach to Phnom Penh [U]
	sokSann     = P{102.75, 12.40}   // Sok Sann camp, Cardamoms near the Thai border: position not found, symbolic [U]
	baChuc      = P{104.90, 10.50}   // Ba Chuc, An Giang, Vietnam (Wikipedia: 10.500N 104.900E)
	hwy1        = P{105.60, 11.15}   // Highway 1 between Svay Rieng and Neak Luong [U]
)

var events = []event{
	{"ba-chuc-massacre-1978-04", "1978-04-18T12:00", "1978-04-28T12:00", "day", baChuc, "approximate", "context"},
	{"east-zone-purge-1978-05-25", "1978-05-25T12:00", "", "day", placeByID("prey-veng"), "approximate", "political"},
	{"so-phim-death-1978-06-03", "1978-06-03T12:00", "", "day", areiKsat, "approximate", "political"},
	{"heng-samrin-flees-1978", "1978-09-15T12:00", "", "month", placeByID("svay-rieng"), "symbolic", "political"},
	{"kratie-operation-1978-11", "1978-11-15T12:00", "", "month", kratieFront, "approximate", "military"},
	{"mondulkiri-cadres-s21-1978-11", "1978-11-15T13:00", "", "month", placeByID("sen-monorom"), "symbolic", "political"},
	{"kufns-founded-1978-12-02", "1978-12-02T12:00", "", "day", eastOfSnuol, "approximate", "political"},
	{"kratie-offensive-1978-12-21", "1978-12-21T12:00", "", "day", kratieFront, "approximate", "military"},
	{"border-fighting-1978-12-23", "1978-12-23T12:00", "", "day", bavet, "symbolic", "military"},
	{"offensive-1978-12-25", "1978-12-25T00:00", "", "time", memot, "symbolic", "military"},
	{"kratie-taken-1978-12-30", "1978-12-30T12:00", "", "day", placeByID("kratie"), "exact", "military"},
	{"stung-treng-taken-1979-01-01", "1979-01-01T12:00", "1979-01-04T12:00", "day", placeByID("stung-treng"), "exact", "military"},
	{"s21-prisoners-killed-1979-01-03", "1979-01-03T12:00", "", "day", placeByID("tuol-sleng"), "exact", "political"},
	{"general-attack-1979-01-06", "1979-01-06T06:00", "", "time", ppSouthEast, "approximate", "military"},
	{"kampong-cham-crossing-1979-01-06", "1979-01-06T12:00", "", "day", placeByID("kampong-cham"), "exact", "military"},
	{"sihanouk-flown-out-1979-01-06", "1979-01-06T20:00", "", "day", pochentong, "approximate", "political"},
	{"ta-lon-landing-1979-01-06", "1979-01-06T22:00", "", "time", placeByID("ta-lon"), "approximate", "military"},
	{"leaders-leave-phnom-penh-1979-01-07", "1979-01-07T06:00", "", "day", placeByID("phnom-penh"), "exact", "political"},
	{"phnom-penh-taken-1979-01-07", "1979-01-07T12:00", "", "time", placeByID("phnom-penh"), "exact", "military"},
	{"tuol-sleng-found-1979-01-08", "1979-01-08T13:00", "1979-01-11T12:00", "day", placeByID("tuol-sleng"), "exact", "political"},
	{"revolutionary-council-1979-01-08", "1979-01-08T12:00", "", "day", placeByID("phnom-penh"), "exact", "political"},
	{"prk-leadership-arrives-1979-01-11", "1979-01-11T12:00", "", "day", pochentong, "approximate", "political"},
	{"battambang-fighting-1979-01-12", "1979-01-12T12:00", "", "day", placeByID("battambang"), "exact", "military"},
	{"un-security-council-veto-1979-01-15", "1979-01-15T23:00", "", "day", placeByID("phnom-penh"), "symbolic", "context"},
	{"near-poipet-1979-01-15", "1979-01-15T12:00", "", "day", toward(placeByID("poipet"), placeByID("sisophon"), 12), "approximate", "military"},
	{"all-towns-claim-1979-01-17", "1979-01-17T12:00", "", "day", placeByID("phnom-penh"), "symbolic", "context"},
	{"sino-vietnamese-war-1979-02-17", "1979-02-17T12:00", "", "day", placeByID("phnom-penh"), "symbolic", "context"},
	{"treaty-1979-02-18", "1979-02-18T12:00", "", "day", placeByID("phnom-penh"), "exact", "political"},
	{"thai-border-closed-1979-03", "1979-03-15T12:00", "", "month", placeByID("aranyaprathet"), "symbolic", "humanitarian"},
	{"highway-1-clogged-1979-04-12", "1979-04-12T12:00", "1979-04-18T00:00", "day", hwy1, "approximate", "humanitarian"},
	{"khlong-wa-crossing-1979-04-21", "1979-04-21T12:00", "", "day", khlongWa, "approximate", "humanitarian"},
	{"preah-vihear-pushback-1979-06-08", "1979-06-08T12:00", "1979-06-14T00:00", "day", placeByID("preah-vihear-temple"), "approximate", "humanitarian"},
	{"icrc-unicef-mission-1979-07", "1979-07-15T12:00", "", "month", placeByID("phnom-penh"), "exact", "humanitarian"},
	{"famine-warning-1979-08-03", "1979-08-03T12:00", "", "day", placeByID("phnom-penh"), "symbolic", "humanitarian"},
	{"peoples-revolutionary-tribunal-1979-08-15", "1979-08-15T12:00", "1979-08-20T00:00", "day", placeByID("phnom-penh"), "exact", "political"},
	{"kpnlf-proclaimed-1979-10-09", "1979-10-09T12:00", "", "day", sokSann, "symbolic", "political"},
	{"khlong-wa-arrivals-1979-10-10", "1979-10-10T12:00", "", "day", khlongWa, "approximate", "humanitarian"},
	{"open-door-1979-10-19", "1979-10-19T12:00", "", "day", placeByID("aranyaprathet"), "symbolic", "humanitarian"},
	{"sa-kaeo-opens-1979-10-24", "1979-10-24T12:00", "", "day", P{102.0589, 13.8206}, "exact", "humanitarian"},
	{"nong-chan-shelled-1979-11-08", "1979-11-08T12:00", "", "day", nongChan, "approximate", "humanitarian"},
	{"land-bridge-conceived-1979-11", "1979-11-15T12:00", "", "month", nongChan, "approximate", "humanitarian"},
	{"khao-i-dang-opens-1979-11-21", "1979-11-21T12:00", "", "day", P{102.6675, 13.8939}, "exact", "humanitarian"},
	{"border-evacuations-halted-1979-12-31", "1979-12-31T12:00", "", "day", placeByID("aranyaprathet"), "symbolic", "humanitarian"},
	{"land-bridge-peak-1980-03", "1980-03-15T12:00", "", "month", nongChan, "approximate", "humanitarian"},
	{"repatriation-begins-1980-06-17", "1980-06-17T12:00", "", "day", P{102.6675, 13.8939}, "exact", "humanitarian"},
	{"mak-mun-attacked-1980-06-23", "1980-06-23T12:00", "", "day", makMun, "approximate", "military"},
	{"sa-kaeo-closes-1980-07", "1980-07-01T12:00", "", "month", P{102.0589, 13.8206}, "exact", "humanitarian"},
	{"un-seat-vote-1980-10", "1980-10-14T06:00", "", "day", placeByID("phnom-penh"), "symbolic", "context"},
}

func eventFeatures() []Feature {
	var out []Feature
	for _, e := range events {
		from := at(e.date)
		to := from.Add(window)
		if e.until != "" {
			to = at(e.until)
		}
		p := base(from, to, "", "step")
		p["date"] = stamp(from)
		p["date_precision"] = e.precision
		p["kind"] = e.kind
		p["location"] = e.location
		out = append(out, Feature{ID: e.id, Geom: point(e.p), Props: p})
	}
	return out
}
