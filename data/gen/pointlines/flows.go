package main

import (
	"fmt"
	"math"
)

// Unsourced border positions ([U]) shared by flows and camps.
var (
	// Nong Chan: the Wikipedia infobox gives the same coordinates as Nong
	// Samet, so one of them is wrong; placed a few km north of Nong Samet
	// on the border, in Khok Sung district.
	nongChan = P{102.74, 13.90}
	// Mak Mun (Non Mak Mun): no coordinates found; halfway between Nong
	// Samet and Nong Chan, where the sources put it.
	makMun = P{102.7367, 13.866}
	// Khlong Wa: no coordinates found; "about 40 km south of Aranyaprathet"
	// on the border.
	khlongWa = P{102.38, 13.34}
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
// negative wp means the whole route) and people is the figure (NaN = null).
type kf struct {
	t      string
	wp     float64
	people float64
	interp string
	note   string // appended to the flow's note for this keyframe
}

type flow struct {
	track, kind, direction, basis string
	name                          Name
	route                         []P
	kfs                           []kf
	until                         string
	certainty, note               string
	srcs                          []string
	extra                         map[string]any
}

var null = math.NaN()

const flowSchematic = "The line is schematic: straight segments between the places named, not a surveyed route."

var flows = []flow{
	{
		track: "east-zone-flight-to-vietnam-1978", kind: "flight", direction: "east, into Vietnam",
		basis: "people who crossed with Heng Samrin (lower bound of Becker's 2,000–3,000)",
		name:  Name{"East Zone cadres and troops flee to Vietnam", "កម្មាភិបាល និងកងទ័ពភូមិភាគបូព៌ា រត់ទៅវៀតណាម", "Fuite de cadres et de soldats de la zone Est vers le Vietnam", ""},
		route: []P{placeByID("prey-veng"), placeByID("svay-rieng"), bavet},
		kfs:   []kf{{"1978-09-15T12:00", -1, 2000, "step", ""}},
		until: "1978-11-01T00:00", certainty: "low",
		note: "Heng Samrin, an East Zone division commander, fled to Vietnam with 2,000–3,000 people (Becker) after the East Zone purge. Date CONFLICT: September 1978 (Becker), October 1978 (Strangio), 'October 1977' in one French chronology (likely an error). In October Chea Sim led 300 East Zone people across. The crossing point is not sourced. " + flowSchematic,
		srcs: []string{"becker-62", "becker-78", "strangio-60"},
	},
	{
		track: "east-zone-deportations-1978", kind: "deportation", direction: "west",
		basis: "no figure found",
		name:  Name{"East Zone survivors deported west", "អ្នកនៅរស់រានមានជីវិតពីភូមិភាគបូព៌ា ត្រូវបានជម្លៀសទៅទិសខាងលិច", "Survivants de la zone Est déportés vers l'ouest", ""},
		route: []P{placeByID("prey-veng"), placeByID("neak-luong"), placeByID("phnom-penh"), placeByID("pursat"), placeByID("battambang")},
		kfs:   []kf{{"1978-06-01T00:00", -1, null, "step", ""}},
		until: "1978-12-25T00:00", certainty: "low",
		note: "During the Eastern Zone massacres of the second half of 1978 (of about 1.5 million people, estimates of the dead range from more than 100,000 to 250,000), survivors were also deported west. Routes, dates and numbers of the deportations are NOT FOUND; the line only shows the direction. " + flowSchematic,
		srcs: []string{"wiki-eastzone", "photoriente", "gargiulo"},
	},
	{
		track: "return-home-1979", kind: "return", direction: "east, toward home villages",
		basis: "no figure found",
		name:  Name{"Deportees walk home", "អ្នកដែលត្រូវបានជម្លៀស ធ្វើដំណើរត្រឡប់ទៅស្រុកកំណើតវិញ", "Les déportés rentrent chez eux", ""},
		route: []P{placeByID("battambang"), placeByID("pursat"), placeByID("kampong-chhnang"), placeByID("phnom-penh"), placeByID("neak-luong"), placeByID("svay-rieng")},
		kfs:   []kf{{"1979-01-15T12:00", 0.05, null, "linear", ""}, {"1979-03-01T00:00", -1, null, "step", ""}},
		until: "1979-07-01T00:00", certainty: "medium",
		note: "In January 1979 Heng Samrin called on Cambodians to go back to the villages from which Pol Pot had driven them; Radio Phnom Penh spoke of 'thousands of buffalo carts' on the roads. No count of the returnees was found; start and end dates are approximate. See also the Highway 1 flow of April 1979. " + flowSchematic,
		srcs: []string{"time-790122", "wordola"},
	},
	{
		track: "highway-1-april-1979", kind: "return", direction: "along Highway 1, people going home",
		basis: "no figure found ('clogged')",
		name:  Name{"Highway 1 'clogged with people trying to go home'", "ផ្លូវជាតិលេខ ១ ពោរពេញដោយអ្នកធ្វើដំណើរត្រឡប់ទៅផ្ទះ", "La route 1 « encombrée de gens qui tentent de rentrer chez eux »", ""},
		route: []P{bavet, placeByID("svay-rieng"), placeByID("neak-luong"), placeByID("phnom-penh")},
		kfs:   []kf{{"1979-04-12T00:00", -1, null, "step", ""}},
		until: "1979-04-18T00:00", certainty: "high",
		note: "Eyewitness: Jim Laurie, travelling 12–17 April 1979 from Bavet to Phnom Penh, found Highway 1 'clogged with people trying to go home' and a functioning administration in the east and near Phnom Penh (FEER, 25 May 1979). No number is given. " + flowSchematic,
		srcs: []string{"jimlaurie"},
	},
	{
		track: "foreigners-to-thai-border-1979-01", kind: "evacuation", direction: "west, into Thailand",
		basis: "foreigners escorted to the border",
		name:  Name{"Foreign advisers and diplomats escorted to the Thai border", "ទីប្រឹក្សា និងអ្នកការទូតបរទេស ត្រូវបាននាំទៅព្រំដែនថៃ", "Conseillers et diplomates étrangers escortés jusqu'à la frontière thaïlandaise", ""},
		route: []P{placeByID("battambang"), placeByID("sisophon"), placeByID("poipet"), placeByID("aranyaprathet")},
		kfs:   []kf{{"1979-01-10T12:00", 0.05, 922, "linear", ""}, {"1979-01-16T12:00", -1, 922, "step", ""}},
		until: "1979-01-20T00:00", certainty: "medium",
		note: "In mid-January 1979 about 922 foreigners (861 Chinese advisers, 49 North Koreans, and diplomats) were escorted to the border by Khmer Rouge soldiers and let into Thailand for repatriation; only 21 Cambodian refugees crossed on the day Phnom Penh fell. The start point and the exact days are not sourced (mid-January). " + flowSchematic,
		srcs: []string{"bkkpost", "krh-7"},
	},
	{
		track: "khlong-wa-april-1979", kind: "flight", direction: "west, into Thailand",
		basis: "people who crossed (at least)",
		name:  Name{"Flight to Khlong Wa, April 1979", "ការភៀសខ្លួនទៅព្រំដែនថៃ ខែមេសា ១៩៧៩", "Fuite vers Khlong Wa, avril 1979", ""},
		route: []P{placeByID("battambang"), khlongWa},
		kfs:   []kf{{"1979-04-19T12:00", 0.1, 15000, "linear", ""}, {"1979-04-21T12:00", -1, 15000, "step", ""}},
		until: "1979-05-01T00:00", certainty: "high",
		note: "On 21–22 April 1979 at least 15,000 Cambodians, Khmer Rouge soldiers and civilians fleeing a Vietnamese drive, crossed into Thailand at Khlong Wa, about 40 km south of Aranyaprathet; 50,000–100,000 were estimated trapped along 50 km of the border. Khlong Wa has no sourced coordinates (placed approximately, [U]); the start point is schematic. " + flowSchematic,
		srcs: []string{"press-790423"},
	},
	{
		track: "aranyaprathet-sent-back-april-1979", kind: "pushback", direction: "east, back into Cambodia",
		basis: "people sent back (lower bound of 5,000–6,000)",
		name:  Name{"Sent back across the border north of Aranyaprathet", "ត្រូវបានបញ្ជូនត្រឡប់ឆ្លងព្រំដែនវិញ", "Refoulés au nord d'Aranyaprathet", ""},
		route: []P{placeByID("aranyaprathet"), placeByID("poipet"), toward(placeByID("poipet"), placeByID("sisophon"), 10)},
		kfs:   []kf{{"1979-04-22T12:00", -1, 5000, "step", ""}},
		until: "1979-04-29T00:00", certainty: "high",
		note: "5,000–6,000 Cambodians who had crossed north of Aranyaprathet were sent back (NZPA-Reuter, 23 April 1979); 5,000 is the lower bound. The crossing point is approximate. " + flowSchematic,
		srcs: []string{"press-790423"},
	},
	{
		track: "preah-vihear-pushback-1979-06", kind: "pushback", direction: "by bus to Preah Vihear, then down the escarpment into Cambodia",
		basis: "people forced back (Wikipedia figure; estimates 30,000–45,000)",
		name:  Name{"Preah Vihear pushback", "ការបណ្តេញជនភៀសខ្លួនត្រឡប់នៅព្រះវិហារ", "Refoulement de Preah Vihear", ""},
		route: []P{nongChan, thaiSideNorth, thaiDangrekWest, thaiDangrekEast, placeByID("preah-vihear-temple"), belowEscarpment},
		kfs: []kf{{"1979-06-08T06:00", 0.05, 42000, "linear", ""}, {"1979-06-09T00:00", 1.2, 42000, "linear", ""}, {"1979-06-10T00:00", 2.2, 42000, "linear", ""},
			{"1979-06-11T00:00", 3.2, 42000, "linear", ""}, {"1979-06-12T00:00", 4, 42000, "linear", ""}, {"1979-06-13T12:00", -1, 42000, "step", ""}},
		until: "1979-06-24T00:00", certainty: "medium",
		note:  "From 8 June 1979 the Thai army bussed refugees (110 buses) from camps including Nong Chan to Preah Vihear and forced them at gunpoint down the Dangrek escarpment into minefields; most were Sino-Khmer. Figures CONFLICT: 42,000 (Wikipedia, used here), 30,000–40,000 (CNE), 40,000 (Libération), 45,000 by 23 June (PRK claim). Deaths are estimated from 400 to 10,000; 1,500–1,600 were rescued by UNHCR and embassy staff. The bus route on the Thai side and the daily progress are schematic; the temple's position is [U]. " + flowSchematic,
		srcs:  []string{"wiki-sakaeo", "wiki-dangrek", "cne-pushback", "libe", "memoires-jun79", "wiki-nongchan"},
		extra: map[string]any{"deaths_estimate": "400–10,000", "people_range": "30,000–45,000"},
	},
	{
		track: "flight-west-1979-autumn", kind: "flight", direction: "west, to the Thai border",
		basis: "from October 1979: people who crossed safely since early October (cumulative)",
		name:  Name{"Flight west to the Thai border, autumn 1979", "ការភៀសខ្លួនទៅព្រំដែនថៃ រដូវស្លឹកឈើជ្រុះ ១៩៧៩", "Fuite vers la frontière thaïlandaise, automne 1979", ""},
		route: []P{placeByID("battambang"), placeByID("sisophon"), nongChan},
		kfs: []kf{{"1979-08-01T00:00", -1, null, "step", "August 1979: a new mass exodus toward the border; no figure."},
			{"1979-10-01T00:00", -1, 0, "linear", ""},
			{"1979-11-12T00:00", -1, 80000, "step", "TIME (12 November 1979): about 80,000 had crossed safely since early October and about 250,000 more were clustered in the western provinces waiting to escape."}},
		until: "1979-12-01T00:00", certainty: "medium",
		note: "The August 1979 exodus and the October–November crossings. By October about 91,000 Cambodians had entered Thailand in 1979 and about 120,000 had been forced back (Bangkok Post timeline). The end point stands for the border camps near Nong Chan and Nong Samet. " + flowSchematic,
		srcs: []string{"memoires-aug79", "time-791112", "fm-opendoor", "bkkpost"},
	},
	{
		track: "khlong-wa-october-1979", kind: "flight", direction: "west, to the Thai border",
		basis: "people arrived at the border (cumulative)",
		name:  Name{"Khmer Rouge soldiers and civilians reach Khlong Wa, October 1979", "ទាហានខ្មែរក្រហម និងជនស៊ីវិល មកដល់ព្រំដែនថៃ ខែតុលា ១៩៧៩", "Soldats khmers rouges et civils arrivent à Khlong Wa, octobre 1979", ""},
		route: []P{cardamomFoothills, khlongWa},
		kfs:   []kf{{"1979-10-01T00:00", 0.05, 0, "linear", ""}, {"1979-10-10T12:00", -1, 60000, "step", ""}},
		until: "1979-10-24T00:00", certainty: "high",
		note: "A major Vietnamese offensive in early October 1979 against Khmer Rouge mountain hideouts pushed Khmer Rouge soldiers, their families and civilians under their control to the Thai border; on 10 October 60,000 arrived at Khlong Wa (then Khlong Gai Thuen), south of Aranyaprathet, in advanced exhaustion and malnutrition. The start point (the Cardamom foothills) is schematic and Khlong Wa's position is [U]; the rise of the figure through early October is interpolated. " + flowSchematic,
		srcs: []string{"wiki-sakaeo", "fm-opendoor"},
	},
	{
		track: "khlong-wa-to-sa-kaeo-1979", kind: "transfer", direction: "west, by bus to Sa Kaeo",
		basis: "people bussed to Sa Kaeo (cumulative)",
		name:  Name{"Bussed from the border to Sa Kaeo", "ដឹកតាមឡានក្រុងពីព្រំដែនទៅស្រះកែវ", "Transférés en bus de la frontière à Sa Kaeo", ""},
		route: []P{khlongWa, placeByID("aranyaprathet"), P{102.0589, 13.8206}},
		kfs:   []kf{{"1979-10-24T00:00", -1, 8000, "linear", ""}, {"1979-11-01T00:00", -1, 30000, "step", "By 1 November: more than 30,000 (lower bound shown)."}},
		until: "1979-11-08T00:00", certainty: "high",
		note: "On 22 October 1979 the Thai Supreme Command told the UNHCR it would bus Cambodians from the border south of Aranyaprathet to Sa Kaeo; 8,000 arrived on 24 October and more than 30,000 within eight days. " + flowSchematic,
		srcs: []string{"wiki-sakaeo", "fm-sakaeo"},
	},
	{
		track: "land-bridge-nong-chan-1980", kind: "land-bridge", direction: "to the border at Nong Chan and back home with food and rice seed",
		basis: "people arriving per day",
		name:  Name{"The land bridge at Nong Chan (people per day)", "ស្ពានដីគោកនៅ Nong Chan (ចំនួនមនុស្សក្នុងមួយថ្ងៃ)", "Le pont terrestre de Nong Chan (personnes par jour)", ""},
		route: []P{placeByID("battambang"), placeByID("sisophon"), nongChan},
		kfs: []kf{{"1980-01-01T00:00", -1, null, "step", "January 1980: distributions under way; no daily figure found."},
			{"1980-02-15T00:00", -1, 4500, "linear", "February 1980: 4,500 a day is DERIVED (March's figure was 'double the February number'), not a sourced figure."},
			{"1980-03-15T00:00", -1, 9000, "step", "March 1980: up to 9,000 a day by oxcart, bicycle or on foot."},
			{"1980-04-15T00:00", -1, null, "step", "May 1980: 'thousands' queued daily for UNICEF/WFP rice and rice seed; no exact figure."}},
		until: "1980-06-01T00:00", certainty: "medium",
		note:  "The land bridge was conceived in November 1979 by Kong Sileah and ICRC-hired aid worker Robert Ashe: food, later rice seed, handed out at Nong Chan for Cambodians to carry home, bypassing the Phnom Penh government. Village committees inside Cambodia issued passes to the border, honoured by Vietnamese soldiers. The total tonnage is NOT FOUND. Nong Chan's position is [U]. " + flowSchematic,
		srcs:  []string{"csm-800328", "canlit", "worldview", "wiki-nongchan", "fm-landbridge"},
		extra: map[string]any{"people_unit": "per day"},
	},
	{
		track: "repatriation-khao-i-dang-1980-06", kind: "repatriation", direction: "east, back into Cambodia",
		basis: "number repatriated NOT FOUND",
		name:  Name{"'Voluntary' repatriation from Khao-I-Dang", "ការបញ្ជូនត្រឡប់ «ដោយស្ម័គ្រចិត្ត» ពី ខៅអ៊ីដាង", "Rapatriement « volontaire » depuis Khao-I-Dang", ""},
		route: []P{P{102.6675, 13.8939}, borderEastOfKID},
		kfs:   []kf{{"1980-06-17T00:00", 0.1, null, "linear", ""}, {"1980-06-18T00:00", -1, null, "step", ""}},
		until: "1980-06-25T00:00", certainty: "high",
		note: "On 9 June 1980 the UNHCR and Thailand agreed on 'voluntary' repatriation; departures from Khao-I-Dang (135,000 residents) began on 17 June. Hanoi and Phnom Penh objected. The number of people repatriated and their destinations are NOT FOUND; the line only shows the direction. " + flowSchematic,
		srcs: []string{"memoires-jun80", "paperspast-800617"},
	},
	{
		track: "repatriation-sa-kaeo-1980-06", kind: "repatriation", direction: "east, back into Cambodia",
		basis: "number repatriated NOT FOUND",
		name:  Name{"'Voluntary' repatriation from Sa Kaeo", "ការបញ្ជូនត្រឡប់ «ដោយស្ម័គ្រចិត្ត» ពីស្រះកែវ", "Rapatriement « volontaire » depuis Sa Kaeo", ""},
		route: []P{P{102.0589, 13.8206}, placeByID("aranyaprathet"), placeByID("poipet")},
		kfs:   []kf{{"1980-06-18T00:00", 0.1, null, "linear", ""}, {"1980-06-19T00:00", -1, null, "step", ""}},
		until: "1980-06-25T00:00", certainty: "high",
		note: "Repatriation from Sa Kaeo began on 18 June 1980, the day after Khao-I-Dang. The number repatriated and the crossing point are NOT FOUND. " + flowSchematic,
		srcs: []string{"memoires-jun80"},
	},
	{
		track: "mak-mun-to-nong-chan-1980-06", kind: "flight", direction: "to Nong Chan",
		basis: "no figure found",
		name:  Name{"Mak Mun's people flee to Nong Chan", "ប្រជាជននៅ Mak Mun រត់ទៅ Nong Chan", "La population de Mak Mun fuit vers Nong Chan", ""},
		route: []P{makMun, nongChan},
		kfs:   []kf{{"1980-06-23T00:00", -1, null, "step", ""}},
		until: "1980-06-30T00:00", certainty: "low",
		note: "On 23 June 1980, after the repatriation began, Vietnamese forces attacked the border camps; the Mak Mun hospital was destroyed and its people fled to Nong Chan. Both camp positions are approximate ([U]). " + flowSchematic,
		srcs: []string{"grafton"},
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
			note := f.note
			if k.note != "" {
				note = k.note + " " + note
			}
			p := base(from, to, f.track, k.interp, f.name, f.certainty, note, f.srcs...)
			if math.IsNaN(k.people) {
				p["people"] = nil
			} else {
				p["people"] = k.people
			}
			p["people_basis"] = f.basis
			p["kind"] = f.kind
			p["direction"] = f.direction
			for kk, v := range f.extra {
				p[kk] = v
			}
			id := fmt.Sprintf("%s-%s", f.track, from.Format("20060102-1504"))
			out = append(out, Feature{ID: id, Geom: line(geomLine), Props: p})
		}
	}
	return out
}
