package data_test

// Self-contained checks of the dataset files in dataset/: the file format
// of data/README.md, the time model (tracks, half-open intervals), the
// coordinate box, and a few dates taken from the sourced fact sheet. The
// files are parsed with encoding/json only, independently of the reader
// of package data, so the test also checks the files against the contract
// as written rather than against one implementation of it. The texts tests
// (sources' hosts, three languages, research markers, neutral wording) follow;
// TestReaderDescriptive alone runs the reader, on the descriptive properties.

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/timeslice/timeslice/data"
)

const datasetDir = "dataset"

// The layers written from data/gen/pointlines; zones and control are
// checked too when present.
var pointLineLayers = []string{"advances", "perimeter", "flows", "camps", "events", "places"}

type feature struct {
	Type       string          `json:"type"`
	ID         any             `json:"id"`
	Geometry   *geometry       `json:"geometry"`
	Properties map[string]any  `json:"properties"`
	Raw        json.RawMessage `json:"-"`
}

type geometry struct {
	Type        string          `json:"type"`
	Coordinates json.RawMessage `json:"coordinates"`
}

type collection struct {
	Type       string    `json:"type"`
	Collection *string   `json:"collection"`
	Features   []feature `json:"features"`
}

// kf is a feature with its parsed time model.
type kf struct {
	layer, id, track, interp string
	from, to                 time.Time // to is zero when open-ended
	geomType                 string
	f                        feature
}

func (k kf) ends() bool { return !k.to.IsZero() }

var (
	loadOnce struct {
		done   bool
		layers map[string][]kf
		err    error
	}
	kebab      = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	looseKebab = regexp.MustCompile(`^[A-Za-z0-9]+(-[A-Za-z0-9]+)*$`)
)

// load reads every *.geojson file of dataset/.
func load(t *testing.T) map[string][]kf {
	t.Helper()
	if loadOnce.done {
		if loadOnce.err != nil {
			t.Fatal(loadOnce.err)
		}
		return loadOnce.layers
	}
	loadOnce.done = true
	names, err := filepath.Glob(filepath.Join(datasetDir, "*.geojson"))
	if err != nil || len(names) == 0 {
		t.Fatalf("no dataset files in %s: %v", datasetDir, err)
	}
	layers := map[string][]kf{}
	for _, name := range names {
		layer := strings.TrimSuffix(filepath.Base(name), ".geojson")
		b, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		var fc collection
		if err := json.Unmarshal(b, &fc); err != nil {
			t.Errorf("%s: not JSON: %v", name, err)
			continue
		}
		if fc.Type != "FeatureCollection" {
			t.Errorf("%s: type %q, want FeatureCollection", name, fc.Type)
		}
		if fc.Collection == nil || *fc.Collection != layer {
			t.Errorf("%s: top-level \"collection\" must be %q", name, layer)
		}
		var list []kf
		for i, f := range fc.Features {
			k := kf{layer: layer, f: f}
			id, ok := f.ID.(string)
			if !ok || id == "" {
				t.Errorf("%s: feature #%d: id must be a non-empty string", name, i)
			}
			k.id = id
			if f.Geometry != nil {
				k.geomType = f.Geometry.Type
			}
			p := f.Properties
			if p == nil {
				t.Errorf("%s/%s: no properties", layer, id)
				continue
			}
			if s, ok := p["valid_from"].(string); ok {
				k.from, _ = time.Parse(time.RFC3339, s)
			}
			if s, ok := p["valid_to"].(string); ok {
				k.to, _ = time.Parse(time.RFC3339, s)
			}
			k.track, _ = p["track"].(string)
			k.interp, _ = p["interpolate"].(string)
			if k.interp == "" {
				k.interp = "step"
			}
			list = append(list, k)
		}
		layers[layer] = list
	}
	loadOnce.layers = layers
	return layers
}

func TestDatasetFilesPresent(t *testing.T) {
	layers := load(t)
	for _, l := range pointLineLayers {
		if len(layers[l]) == 0 {
			t.Errorf("layer %s: file missing or empty", l)
		}
	}
}

func TestFeatureContract(t *testing.T) {
	for layer, list := range load(t) {
		seen := map[string]bool{}
		for _, k := range list {
			ref := layer + "/" + k.id
			if k.f.Type != "Feature" {
				t.Errorf("%s: type %q, want Feature", ref, k.f.Type)
			}
			if seen[k.id] {
				t.Errorf("%s: id not unique in its layer", ref)
			}
			seen[k.id] = true
			switch {
			case kebab.MatchString(k.id):
			case isPointLine(layer) || !looseKebab.MatchString(k.id):
				t.Errorf("%s: id is not kebab-case", ref)
			default:
				// The polygon layers belong to another generator: report
				// upper-case letters without failing the shared test run.
				t.Logf("%s: id has upper-case letters (the contract asks for kebab-case)", ref)
			}
			p := k.f.Properties
			checkTimes(t, ref, p)
			switch v := p["track"].(type) {
			case nil:
			case string:
				if !kebab.MatchString(v) {
					t.Errorf("%s: track %q is not kebab-case", ref, v)
				}
			default:
				t.Errorf("%s: track must be a string or null", ref)
			}
			if v, ok := p["interpolate"]; ok && v != "step" && v != "linear" {
				t.Errorf("%s: interpolate %v: want step or linear", ref, v)
			}
			name, ok := p["name"].(map[string]any)
			if !ok || strings.TrimSpace(str(name["en"])) == "" {
				t.Errorf("%s: name.en missing", ref)
			}
			if isPointLine(layer) {
				if str(name["fr"]) == "" {
					t.Errorf("%s: name.fr missing", ref)
				}
				if km := str(name["km"]); km == "" || !hasKhmer(km) {
					t.Errorf("%s: name.km missing or not in Khmer script: %q", ref, km)
				}
			}
			srcs, ok := p["sources"].([]any)
			if !ok || len(srcs) == 0 {
				t.Errorf("%s: no sources", ref)
			}
			for i, s := range srcs {
				m, _ := s.(map[string]any)
				if strings.TrimSpace(str(m["title"])) == "" {
					t.Errorf("%s: sources[%d] has no title", ref, i)
				}
				if strings.TrimSpace(str(m["citation"])) == "" {
					t.Errorf("%s: sources[%d] has no citation", ref, i)
				}
				if u, ok := m["url"]; ok && !strings.HasPrefix(str(u), "https://") && !strings.HasPrefix(str(u), "http://") {
					t.Errorf("%s: sources[%d].url %q is not an http(s) URL", ref, i, u)
				}
			}
			switch p["certainty"] {
			case "high", "medium", "low":
			default:
				t.Errorf("%s: certainty %v: want high, medium or low", ref, p["certainty"])
			}
			if n, ok := p["note"]; ok && n != nil {
				if m, ok := n.(map[string]any); !ok || str(m["en"]) == "" {
					t.Errorf("%s: note must be a text by language with \"en\"", ref)
				}
			}
			if n, ok := p["curator_note"]; ok {
				if _, ok := n.(string); !ok {
					t.Errorf("%s: curator_note must be a string", ref)
				}
			}
			checkGeometry(t, ref, k.f.Geometry)
		}
	}
}

func checkTimes(t *testing.T, ref string, p map[string]any) {
	t.Helper()
	from, ok := p["valid_from"].(string)
	if !ok {
		t.Errorf("%s: valid_from must be an RFC 3339 string", ref)
		return
	}
	tf, err := time.Parse(time.RFC3339, from)
	if err != nil {
		t.Errorf("%s: valid_from %q: %v", ref, from, err)
		return
	}
	if !strings.HasSuffix(from, "+07:00") {
		t.Errorf("%s: valid_from %q is not written in Cambodian local time (+07:00)", ref, from)
	}
	start, end := mustTime("1978-04-01T00:00:00+07:00"), mustTime("1981-01-01T00:00:00+07:00")
	if tf.Before(start) || !tf.Before(end) {
		t.Errorf("%s: valid_from %s outside April 1978 – December 1980", ref, from)
	}
	switch to := p["valid_to"].(type) {
	case nil:
	case string:
		tt, err := time.Parse(time.RFC3339, to)
		if err != nil {
			t.Errorf("%s: valid_to %q: %v", ref, to, err)
			return
		}
		if !strings.HasSuffix(to, "+07:00") {
			t.Errorf("%s: valid_to %q is not written in +07:00", ref, to)
		}
		if !tt.After(tf) {
			t.Errorf("%s: valid_to %s is not after valid_from %s", ref, to, from)
		}
		if tt.After(end) {
			t.Errorf("%s: valid_to %s after December 1980", ref, to)
		}
	default:
		t.Errorf("%s: valid_to must be a string or null", ref)
	}
}

// The box every coordinate must fall in.
const minLon, maxLon, minLat, maxLat = 101.0, 109.0, 9.5, 15.5

func checkGeometry(t *testing.T, ref string, g *geometry) {
	t.Helper()
	if g == nil {
		t.Errorf("%s: no geometry", ref)
		return
	}
	var pts [][]float64
	bad := func(format string, args ...any) { t.Errorf(ref+": "+format, args...) }
	unmarshal := func(v any) bool {
		if err := json.Unmarshal(g.Coordinates, v); err != nil {
			bad("%s coordinates: %v", g.Type, err)
			return false
		}
		return true
	}
	ring := func(r [][]float64) {
		if len(r) < 4 {
			bad("ring with %d positions", len(r))
			return
		}
		if a, b := r[0], r[len(r)-1]; a[0] != b[0] || a[1] != b[1] {
			bad("ring not closed")
		}
	}
	switch g.Type {
	case "Point":
		var c []float64
		if unmarshal(&c) {
			pts = append(pts, c)
		}
	case "MultiPoint":
		var c [][]float64
		if unmarshal(&c) {
			pts = append(pts, c...)
		}
	case "LineString":
		var c [][]float64
		if unmarshal(&c) {
			if len(c) < 2 {
				bad("line with %d positions", len(c))
			}
			pts = append(pts, c...)
		}
	case "MultiLineString":
		var c [][][]float64
		if unmarshal(&c) {
			for _, l := range c {
				if len(l) < 2 {
					bad("line with %d positions", len(l))
				}
				pts = append(pts, l...)
			}
		}
	case "Polygon":
		var c [][][]float64
		if unmarshal(&c) {
			for _, r := range c {
				ring(r)
				pts = append(pts, r...)
			}
		}
	case "MultiPolygon":
		var c [][][][]float64
		if unmarshal(&c) {
			for _, poly := range c {
				for _, r := range poly {
					ring(r)
					pts = append(pts, r...)
				}
			}
		}
	default:
		bad("geometry type %q not supported", g.Type)
	}
	for _, p := range pts {
		if len(p) < 2 {
			bad("position %v", p)
			continue
		}
		if p[0] < minLon || p[0] > maxLon || p[1] < minLat || p[1] > maxLat {
			bad("position %v outside lon %v–%v, lat %v–%v", p, minLon, maxLon, minLat, maxLat)
		}
		for _, v := range p[:2] {
			if math.Abs(v*1e5-math.Round(v*1e5)) > 1e-6 {
				bad("coordinate %v has more than 5 decimals", v)
				break
			}
		}
	}
}

// tracks groups keyframes by (layer, track) in time order.
func tracks(layers map[string][]kf) map[string][]kf {
	out := map[string][]kf{}
	for layer, list := range layers {
		for _, k := range list {
			if k.track != "" {
				key := layer + "/" + k.track
				out[key] = append(out[key], k)
			}
		}
	}
	for _, list := range out {
		sort.SliceStable(list, func(i, j int) bool { return list[i].from.Before(list[j].from) })
	}
	return out
}

func TestTracks(t *testing.T) {
	compatible := map[string]string{
		"Point": "point", "MultiPoint": "point",
		"LineString": "line", "MultiLineString": "line",
		"Polygon": "polygon", "MultiPolygon": "polygon",
	}
	for key, list := range tracks(load(t)) {
		for i := 1; i < len(list); i++ {
			a, b := list[i-1], list[i]
			if !a.ends() || b.from.Before(a.to) {
				t.Errorf("%s: keyframe %s starts at %s before %s ends", key, b.id, b.from, a.id)
			}
			if a.interp == "linear" && a.to.Equal(b.from) && compatible[a.geomType] != compatible[b.geomType] {
				t.Errorf("%s: linear keyframe %s (%s) cannot interpolate into %s (%s)", key, a.id, a.geomType, b.id, b.geomType)
			}
		}
	}
}

func TestLayerProperties(t *testing.T) {
	layers := load(t)
	want := map[string][]string{
		"advances":  {"LineString", "MultiLineString"},
		"perimeter": {"Polygon", "MultiPolygon"},
		"flows":     {"LineString", "MultiLineString"},
		"camps":     {"Point", "MultiPoint"},
		"events":    {"Point", "MultiPoint"},
		"places":    {"Point", "MultiPoint"},
	}
	for _, layer := range pointLineLayers {
		for _, k := range layers[layer] {
			ref := layer + "/" + k.id
			p := k.f.Properties
			if !contains(want[layer], k.geomType) {
				t.Errorf("%s: geometry %s, want one of %v", ref, k.geomType, want[layer])
			}
			switch layer {
			case "advances":
				if k.track == "" || k.interp != "linear" {
					t.Errorf("%s: advances are linear tracks", ref)
				}
				switch u := p["units"].(type) {
				case string:
				case []any:
					if len(u) == 0 {
						t.Errorf("%s: units empty", ref)
					}
				default:
					t.Errorf("%s: units must be a string or a list", ref)
				}
			case "perimeter":
				if s := str(p["status"]); s != "closed" && s != "controlled" && s != "open" {
					t.Errorf("%s: status %q: want closed, controlled or open", ref, s)
				}
				if k.interp != "step" {
					t.Errorf("%s: perimeter status changes are step keyframes", ref)
				}
			case "flows":
				if !numberOrNull(p, "people") {
					t.Errorf("%s: people must be a number or null", ref)
				}
				if str(p["kind"]) == "" {
					t.Errorf("%s: kind required", ref)
				}
				if k.track == "" {
					t.Errorf("%s: flows are tracks", ref)
				}
			case "camps":
				if !numberOrNull(p, "population") {
					t.Errorf("%s: population must be a number or null", ref)
				}
				if k.track == "" {
					t.Errorf("%s: camps are tracks of population keyframes", ref)
				}
			case "events":
				c, _ := p["caption"].(map[string]any)
				for _, lang := range []string{"en", "km", "fr"} {
					if str(c[lang]) == "" {
						t.Errorf("%s: caption.%s missing", ref, lang)
					}
				}
				if !hasKhmer(str(c["km"])) {
					t.Errorf("%s: caption.km is not in Khmer script", ref)
				}
				d, err := time.Parse(time.RFC3339, str(p["date"]))
				if err != nil {
					t.Errorf("%s: date %v is not RFC 3339", ref, p["date"])
				} else if d.Before(k.from) || (k.ends() && !d.Before(k.to)) {
					t.Errorf("%s: date %s outside its display window", ref, d)
				}
				if !k.ends() || k.to.Sub(k.from) > 10*24*time.Hour || k.to.Sub(k.from) < 24*time.Hour {
					t.Errorf("%s: display window %s–%s: want 1–10 days", ref, k.from, k.to)
				}
			case "places":
				if str(p["kind"]) == "" {
					t.Errorf("%s: kind missing", ref)
				}
				if p["valid_from"] != "1978-04-01T00:00:00+07:00" || p["valid_to"] != nil {
					t.Errorf("%s: places are valid for the whole window (1978-04-01, open-ended)", ref)
				}
			}
		}
	}
}

// TestPlaceNames checks the Khmer names of the main towns.
func TestPlaceNames(t *testing.T) {
	want := map[string]string{
		"phnom-penh": "ភ្នំពេញ", "kratie": "ក្រចេះ", "stung-treng": "ស្ទឹងត្រែង", "kampong-cham": "កំពង់ចាម",
		"neak-luong": "អ្នកលឿង", "svay-rieng": "ស្វាយរៀង", "prey-veng": "ព្រៃវែង", "takeo": "តាកែវ", "kampot": "កំពត",
		"kampong-som": "កំពង់សោម", "battambang": "បាត់ដំបង", "pursat": "ពោធិ៍សាត់", "siem-reap": "សៀមរាប",
		"sisophon": "សិរីសោភ័ណ", "poipet": "ប៉ោយប៉ែត", "kampong-thom": "កំពង់ធំ", "kampong-chhnang": "កំពង់ឆ្នាំង",
		"koh-kong": "កោះកុង", "snuol": "ស្នួល", "tuol-sleng": "ទួលស្លែង",
	}
	byID := index(load(t)["places"])
	for id, km := range want {
		k, ok := byID[id]
		if !ok {
			t.Errorf("places/%s missing", id)
			continue
		}
		name := k.f.Properties["name"].(map[string]any)
		if !strings.HasPrefix(str(name["km"]), km) {
			t.Errorf("places/%s: name.km %q, want %q", id, name["km"], km)
		}
	}
	for _, id := range []string{"ream", "lumphat", "sen-monorom", "aranyaprathet"} {
		if _, ok := byID[id]; !ok {
			t.Errorf("places/%s missing", id)
		}
	}
}

// TestSourcedDates checks dates of the fact sheet on the features.
func TestSourcedDates(t *testing.T) {
	layers := load(t)
	events := index(layers["events"])
	for id, date := range map[string]string{
		"kufns-founded-1978-12-02":                  "1978-12-02",
		"offensive-1978-12-25":                      "1978-12-25",
		"kratie-taken-1978-12-30":                   "1978-12-30",
		"stung-treng-taken-1979-01-01":              "1979-01-01",
		"phnom-penh-taken-1979-01-07":               "1979-01-07",
		"tuol-sleng-found-1979-01-08":               "1979-01-08",
		"revolutionary-council-1979-01-08":          "1979-01-08",
		"prk-leadership-arrives-1979-01-11":         "1979-01-11",
		"un-security-council-veto-1979-01-15":       "1979-01-15",
		"sino-vietnamese-war-1979-02-17":            "1979-02-17",
		"treaty-1979-02-18":                         "1979-02-18",
		"preah-vihear-pushback-1979-06-08":          "1979-06-08",
		"famine-warning-1979-08-03":                 "1979-08-03",
		"peoples-revolutionary-tribunal-1979-08-15": "1979-08-15",
		"open-door-1979-10-19":                      "1979-10-19",
		"sa-kaeo-opens-1979-10-24":                  "1979-10-24",
		"khao-i-dang-opens-1979-11-21":              "1979-11-21",
		"repatriation-begins-1980-06-17":            "1980-06-17",
		"un-seat-vote-1980-10":                      "1980-10",
	} {
		k, ok := events[id]
		if !ok {
			t.Errorf("events/%s missing", id)
			continue
		}
		if d := str(k.f.Properties["date"]); !strings.HasPrefix(d, date) {
			t.Errorf("events/%s: date %s, want %s", id, d, date)
		}
		if str(k.f.Properties["date"]) != str(k.f.Properties["valid_from"]) {
			t.Errorf("events/%s: date and valid_from differ", id)
		}
	}
	if k, ok := events["phnom-penh-taken-1979-01-07"]; ok && !k.from.Equal(mustTime("1979-01-07T12:00:00+07:00")) {
		t.Errorf("Phnom Penh event at %s, want about noon on 7 January 1979", k.from)
	}
	if k, ok := events["tuol-sleng-found-1979-01-08"]; ok && k.to.Before(mustTime("1979-01-10T12:00:00+07:00")) {
		t.Errorf("Tuol Sleng event window must cover the other reading, 10 January")
	}
	if k, ok := events["un-seat-vote-1980-10"]; ok {
		c := str(k.f.Properties["caption"].(map[string]any)["en"])
		for _, n := range []string{"74", "35", "32"} {
			if !strings.Contains(c, n) {
				t.Errorf("UN seat vote caption lacks %s: %q", n, c)
			}
		}
	}
	// Neutral wording: "liberation" and "invasion" appear only as what someone called it.
	for _, k := range layers["events"] {
		c := strings.ToLower(str(k.f.Properties["caption"].(map[string]any)["en"]))
		for _, w := range []string{"liberation", "invasion", "liberated"} {
			if strings.Contains(c, w) && !strings.Contains(c, "'"+w) && !strings.Contains(c, "called it an "+w) {
				t.Errorf("events/%s: %q used in the map's own voice: %q", k.id, w, c)
			}
		}
	}

	// Perimeter: closed on 7 January 1979, then controlled (entry restricted)
	// with no sourced end; "open" only as the Gargiulo article's claim.
	pp := tracks(layers)["perimeter/phnom-penh-perimeter"]
	if len(pp) == 0 {
		t.Fatal("perimeter track phnom-penh-perimeter missing")
	}
	if s := str(pp[0].f.Properties["status"]); s != "closed" || !pp[0].from.Equal(mustTime("1979-01-07T12:00:00+07:00")) {
		t.Errorf("first perimeter keyframe: status %s from %s, want closed from 1979-01-07T12:00+07:00", s, pp[0].from)
	}
	var order []string
	for _, k := range pp {
		if s := str(k.f.Properties["status"]); len(order) == 0 || order[len(order)-1] != s {
			order = append(order, s)
		}
	}
	if strings.Join(order, ",") != "closed,controlled" {
		t.Errorf("perimeter statuses %v, want closed, controlled (no source dates a reopening)", order)
	}
	claims := 0
	for _, k := range layers["perimeter"] {
		p := k.f.Properties
		if str(p["claim_of"]) == "" {
			continue
		}
		claims++
		if p["certainty"] != "low" || p["confirmed"] != false || !strings.Contains(text(p, "note", "en"), "confirm") {
			t.Errorf("perimeter/%s: the Gargiulo article's claims must be certainty low, confirmed false, and say what confirms them", k.id)
		}
	}
	if claims == 0 {
		t.Error("perimeter: the Gargiulo article's unconfirmed claims are missing")
	}

	// Advances reach their sourced objectives at the sourced times.
	tr := tracks(layers)
	places := index(layers["places"])
	for _, c := range []struct{ track, place, at string }{
		{"route-1-corps-4", "phnom-penh", "1979-01-07T12:00:00+07:00"},
		{"route-7-corps-3", "phnom-penh", "1979-01-07T12:00:00+07:00"},
		{"kratie-division-303", "kratie", "1978-12-30T12:00:00+07:00"},
		{"kratie-division-5", "kratie", "1978-12-30T12:00:00+07:00"},
		{"route-19-stung-treng", "stung-treng", "1979-01-01T12:00:00+07:00"},
		{"ta-lon-landing", "ta-lon", "1979-01-06T22:00:00+07:00"},
	} {
		list := tr["advances/"+c.track]
		if len(list) == 0 {
			t.Errorf("advances track %s missing", c.track)
			continue
		}
		var hit bool
		for _, k := range list {
			line := lineOf(t, k)
			if k.from.Equal(mustTime(c.at)) {
				end := line[len(line)-1]
				if c.track == "ta-lon-landing" {
					end = line[0]
				}
				if d := dist(end, pointOf(t, places[c.place])); d > 0.01 {
					t.Errorf("advances/%s at %s ends %.3f° from %s", k.id, c.at, d, c.place)
				}
				hit = true
			}
		}
		if !hit {
			t.Errorf("advances track %s has no keyframe at %s", c.track, c.at)
		}
	}
	// Every advance keyframe's line is at least as long as the previous one.
	for key, list := range tr {
		if !strings.HasPrefix(key, "advances/") {
			continue
		}
		prev := 0.0
		for _, k := range list {
			l := length(lineOf(t, k))
			if l+1e-6 < prev {
				t.Errorf("%s: %s shrinks (%.4f < %.4f)", key, k.id, l, prev)
			}
			prev = l
		}
	}

	// Camps and flows: sourced figures.
	camps := tr["camps/sa-kaeo"]
	if len(camps) == 0 || !camps[0].from.Equal(mustTime("1979-10-24T00:00:00+07:00")) || camps[0].f.Properties["population"] != 8000.0 {
		t.Errorf("camps/sa-kaeo must open on 24 October 1979 with 8,000")
	}
	if kid := tr["camps/khao-i-dang"]; len(kid) == 0 || !strings.HasPrefix(str(kid[0].f.Properties["valid_from"]), "1979-11-21") {
		t.Errorf("camps/khao-i-dang must open on 21 November 1979")
	}
	for _, k := range tr["camps/mak-mun"] {
		if k.f.Properties["certainty"] != "low" {
			t.Errorf("camps/%s: Mak Mun has no sourced coordinates: certainty must be low", k.id)
		}
	}
	for _, k := range tr["flows/preah-vihear-pushback-1979-06"] {
		if n, _ := k.f.Properties["people"].(float64); n < 30000 || n > 45000 {
			t.Errorf("flows/%s: people %v outside the sourced 30,000–45,000", k.id, n)
		}
	}
	for _, k := range tr["flows/land-bridge-nong-chan-1980"] {
		if n, _ := k.f.Properties["people"].(float64); n > 9000 {
			t.Errorf("flows/%s: more than the sourced 9,000 a day", k.id)
		}
	}
}

// TestAnimationWindowCovered checks that each month from December 1978 to
// December 1980 has at least one event or moving feature.
func TestAnimationWindowCovered(t *testing.T) {
	layers := load(t)
	for m := mustTime("1978-12-01T00:00:00+07:00"); m.Before(mustTime("1981-01-01T00:00:00+07:00")); m = m.AddDate(0, 1, 0) {
		end := m.AddDate(0, 1, 0)
		found := false
		for _, layer := range []string{"advances", "flows", "camps", "events"} {
			for _, k := range layers[layer] {
				if k.from.Before(end) && (!k.ends() || k.to.After(m)) {
					found = true
				}
			}
		}
		if !found {
			t.Errorf("nothing moves or happens in %s", m.Format("January 2006"))
		}
	}
}

func index(list []kf) map[string]kf {
	m := map[string]kf{}
	for _, k := range list {
		m[k.id] = k
	}
	return m
}

func lineOf(t *testing.T, k kf) [][]float64 {
	t.Helper()
	var c [][]float64
	if err := json.Unmarshal(k.f.Geometry.Coordinates, &c); err != nil || len(c) < 2 {
		t.Fatalf("%s/%s: not a LineString: %v", k.layer, k.id, err)
	}
	return c
}

func pointOf(t *testing.T, k kf) []float64 {
	t.Helper()
	var c []float64
	if k.f.Geometry == nil || json.Unmarshal(k.f.Geometry.Coordinates, &c) != nil || len(c) < 2 {
		t.Fatalf("%s/%s: not a Point", k.layer, k.id)
	}
	return c
}

func length(l [][]float64) float64 {
	s := 0.0
	for i := 1; i < len(l); i++ {
		s += dist(l[i-1], l[i])
	}
	return s
}

func dist(a, b []float64) float64 { return math.Hypot(a[0]-b[0], a[1]-b[1]) }

func numberOrNull(p map[string]any, key string) bool {
	v, ok := p[key]
	if !ok {
		return false
	}
	switch v.(type) {
	case nil, float64:
		return true
	}
	return false
}

func isPointLine(layer string) bool { return contains(pointLineLayers, layer) }

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

func str(v any) string { s, _ := v.(string); return s }

// text returns a property's text in a language ("" when absent).
func text(p map[string]any, key, lang string) string {
	m, _ := p[key].(map[string]any)
	return str(m[lang])
}

func hasKhmer(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Khmer) {
			return true
		}
	}
	return false
}

func mustTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

// TestReaderDescriptive runs the reader of package data on the descriptive
// properties of the new contract: note by language, curator_note, review,
// sources with a citation.
func TestReaderDescriptive(t *testing.T) {
	base := func() map[string]any {
		return map[string]any{
			"valid_from": "1979-01-07T12:00:00+07:00", "valid_to": nil, "track": nil, "interpolate": "step",
			"name":         map[string]any{"en": "Phnom Penh", "km": "ភ្នំពេញ"},
			"sources":      []any{map[string]any{"key": "short2004", "title": "Pol Pot", "citation": "Philip Short, Pol Pot (2004), p. 395", "pages": "395"}},
			"certainty":    "high",
			"note":         map[string]any{"en": "Entered about noon.", "fr": "Entrée vers midi."},
			"curator_note": "check the hour", "review": []any{"km", "fr"},
		}
	}
	for _, c := range []struct {
		name string
		edit func(p map[string]any)
		want string // "" = accepted
	}{
		{"the new contract", func(map[string]any) {}, ""},
		{"no note", func(p map[string]any) { delete(p, "note") }, ""},
		{"a source with a URL", func(p map[string]any) { p["sources"].([]any)[0].(map[string]any)["url"] = "https://doi.org/10.1/x" }, ""},
		{"note as a bare string", func(p map[string]any) { p["note"] = "Entered about noon." }, "note must be an object by language"},
		{"note without English", func(p map[string]any) { p["note"] = map[string]any{"fr": "Entrée vers midi."} }, "note.en is missing"},
		{"curator_note not a string", func(p map[string]any) { p["curator_note"] = []any{"x"} }, "curator_note must be a string"},
		{"review not a list", func(p map[string]any) { p["review"] = "km" }, "review must be a list"},
		{"review not a language", func(p map[string]any) { p["review"] = []any{"Khmer"} }, "review[0] must be a language code"},
		{"citation not a string", func(p map[string]any) { p["sources"].([]any)[0].(map[string]any)["citation"] = 3 }, "sources[0].citation must be a string"},
		{"source without title", func(p map[string]any) { delete(p["sources"].([]any)[0].(map[string]any), "title") }, "sources[0] has no title"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p := base()
			c.edit(p)
			b, err := json.Marshal(map[string]any{"type": "FeatureCollection", "collection": "places", "features": []any{
				map[string]any{"type": "Feature", "id": "phnom-penh", "geometry": map[string]any{"type": "Point", "coordinates": []float64{104.916, 11.5625}}, "properties": p}}})
			if err != nil {
				t.Fatal(err)
			}
			_, problems := data.Read("places.geojson", bytes.NewReader(b), 0)
			got := ""
			if len(problems) > 0 {
				got = problems.Error()
			}
			switch {
			case c.want == "" && got != "":
				t.Errorf("refused: %s", got)
			case c.want != "" && !strings.Contains(got, c.want):
				t.Errorf("problems %q, want %q", got, c.want)
			}
		})
	}
}

// ---- Texts: sources' hosts, three languages, research markers, neutral wording ----

// allowedHosts are the hosts a bibliography URL may point at, each with why it
// holds the work itself (the publisher, a DOI, an official body, a national
// library or archive, a stable encyclopedia). A new host needs a line here;
// mirrors, proxies, staging servers, content farms and pirated copies never get one.
var allowedHosts = map[string]string{
	"archive.macleans.ca":                 "Maclean's own digitised archive (the publisher).",
	"brockhaus.de":                        "Brockhaus: the encyclopedia publisher's own online edition.",
	"canlit.ca":                           "Canadian Literature, the journal's own site (the publisher).",
	"de.wikipedia.org":                    "Wikipedia (German): the encyclopedia's own host (Wikimedia), /wiki/ article address.",
	"elpais.com":                          "El País's own archive (the publisher).",
	"en.qdnd.vn":                          "Quân đội Nhân dân (People's Army Newspaper), English edition: the publisher.",
	"en.wikipedia.org":                    "Wikipedia (English): a stable encyclopedia; /wiki/ article addresses, cited as reference works only where no better work is named.",
	"english.cambodiadaily.com":           "The Cambodia Daily's own English site (the publisher).",
	"forcedmigration.ccnmtl.columbia.edu": "Columbia University (Center for New Media Teaching and Learning): the publisher of the Forced Migration learning module.",
	"fr.vietnamplus.vn":                   "VietnamPlus, Vietnam News Agency's French edition (the publisher).",
	"gsp.yale.edu":                        "Yale University Genocide Studies Program: the publisher of the translated DK document.",
	"nvsk.vnanet.vn":                      "Vietnam News Agency (VNA), the state agency publishing its own article.",
	"paperspast.natlib.govt.nz":           "Papers Past, National Library of New Zealand (national library's digitised newspapers).",
	"ru.wikipedia.org":                    "Wikipedia (Russian): the encyclopedia's own host (Wikimedia), /wiki/ article address.",
	"simple.wikipedia.org":                "Simple English Wikipedia: the same encyclopedia's own host (Wikimedia), /wiki/ article address.",
	"thailandjourney.bangkokpost.com":     "Bangkok Post's own site (the publisher of its 'Thailand Journey' timeline).",
	"thediplomat.com":                     "The Diplomat's own site (the publisher of Chanda's 2018 article).",
	"thoidai.com.vn":                      "Thời Đại magazine's own site (the publisher).",
	"time.com":                            "TIME's own archive (the publisher).",
	"undocs.org":                          "United Nations official document-symbol resolver (official body).",
	"vietnamnews.vn":                      "Viet Nam News, Vietnam News Agency's English daily (the publisher).",
	"vtc.vn":                              "VTC News, the Vietnamese state broadcaster's site (the publisher).",
	"www.britishpathe.com":                "British Pathé, the newsreel archive holding and publishing the film.",
	"www.cambodgemag.com":                 "Cambodge Mag's own site (the publisher of the Gargiulo article).",
	"www.cambridge.org":                   "Cambridge University Press, Cambridge Core: the publisher of Worldview's archive.",
	"www.csmonitor.com":                   "The Christian Science Monitor's own archive (the publisher).",
	"www.geonames.org":                    "GeoNames: the publisher of the geographical database the coordinates derive from.",
	"www.icrc.org":                        "International Committee of the Red Cross (official body), publishing its own interview.",
	"www.phnompenhpost.com":               "The Phnom Penh Post's own site (the publisher).",
	"www.rcrcmagazine.org":                "Red Cross Red Crescent magazine, published by the International Red Cross and Red Crescent Movement (official bodies).",
	"www.theguardian.com":                 "The Guardian's own site (the publisher).",
	"www.unhcr.org":                       "UNHCR, the UN refugee agency (official body), publishing its own story.",
}

// TestSourceHosts checks every URL of the bibliography and of the features'
// sources against allowedHosts.
func TestSourceHosts(t *testing.T) {
	for reason := range allowedHosts {
		if strings.TrimSpace(allowedHosts[reason]) == "" {
			t.Errorf("allowed host %s has no reason", reason)
		}
	}
	check := func(where, raw string) {
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "https" && u.Scheme != "http") {
			t.Errorf("%s: url %q is not an http(s) URL", where, raw)
			return
		}
		if _, ok := allowedHosts[u.Hostname()]; !ok {
			t.Errorf("%s: host %s is not in allowedHosts: cite the work, or add the host with one line saying why it is authoritative", where, u.Hostname())
		}
	}
	b, err := os.ReadFile(filepath.Join(datasetDir, "bibliography.json"))
	if err != nil {
		t.Fatal(err)
	}
	var bib struct {
		Works []struct{ Key, URL string }
	}
	if err := json.Unmarshal(b, &bib); err != nil {
		t.Fatalf("bibliography.json: %v", err)
	}
	if len(bib.Works) == 0 {
		t.Fatal("bibliography.json has no works")
	}
	for _, w := range bib.Works {
		if w.URL != "" {
			check("bibliography/"+w.Key, w.URL)
		}
	}
	for layer, list := range load(t) {
		for _, k := range list {
			srcs, _ := k.f.Properties["sources"].([]any)
			for i, s := range srcs {
				m, _ := s.(map[string]any)
				if u := str(m["url"]); u != "" {
					check(fmt.Sprintf("%s/%s: sources[%d]", layer, k.id, i), u)
				}
			}
		}
	}
}

func TestSourceHostsCanFail(t *testing.T) {
	for _, h := range []string{"bookreadfree.com", "staging.libe.io", "wikisum.wiki", "softbeam.net"} {
		if _, ok := allowedHosts[h]; ok {
			t.Errorf("%s must not be an allowed host", h)
		}
	}
}

// textFields are the visitor-facing texts of a feature.
var textFields = []string{"name", "caption", "note"}

// missingTranslations lists, for one feature, the texts that exist in English
// but not in Khmer or French ("note.km note.fr").
func missingTranslations(p map[string]any) string {
	var miss []string
	for _, field := range textFields {
		if text(p, field, "en") == "" {
			continue
		}
		for _, lang := range []string{"km", "fr"} {
			if strings.TrimSpace(text(p, field, lang)) == "" {
				miss = append(miss, field+"."+lang)
			}
		}
	}
	return strings.Join(miss, " ")
}

// TestThreeLanguages fails where a feature has an English name, caption or note
// without its Khmer and French. untranslated is today's list of known gaps,
// exact (a gap filled must leave the list too).
func TestThreeLanguages(t *testing.T) {
	seen := map[string]bool{}
	for layer, list := range load(t) {
		for _, k := range list {
			ref := layer + "/" + k.id
			got := missingTranslations(k.f.Properties)
			want, known := untranslated[ref]
			seen[ref] = known
			switch {
			case got == "" && known:
				t.Errorf("%s: translated now: remove it from untranslated", ref)
			case got != want:
				t.Errorf("%s: English without Khmer or French: %s (known gaps: %q)", ref, got, want)
			}
		}
	}
	for ref := range untranslated {
		if !seen[ref] {
			t.Errorf("untranslated lists %s, which is not a feature", ref)
		}
	}
}

var latinWord = regexp.MustCompile(`\p{Latin}+`)

// TestKhmerScript fails where a Latin-script word stands inside a Khmer text,
// unless latinInKhmer records why (a name with no Khmer form).
func TestKhmerScript(t *testing.T) {
	seen := map[string]bool{}
	for layer, list := range load(t) {
		for _, k := range list {
			ref := layer + "/" + k.id
			var words []string
			for _, field := range textFields {
				words = append(words, latinWord.FindAllString(text(k.f.Properties, field, "km"), -1)...)
			}
			_, known := latinInKhmer[ref]
			seen[ref] = known
			switch {
			case len(words) > 0 && !known:
				t.Errorf("%s: Latin-script words in Khmer text: %s (transliterate, or add the id to latinInKhmer with the reason)", ref, strings.Join(words, " "))
			case len(words) == 0 && known:
				t.Errorf("%s: no Latin-script word in Khmer now: remove it from latinInKhmer", ref)
			}
		}
	}
	for ref, why := range latinInKhmer {
		if !seen[ref] {
			t.Errorf("latinInKhmer lists %s, which is not a feature", ref)
		}
		if strings.TrimSpace(why) == "" {
			t.Errorf("latinInKhmer: %s has no reason", ref)
		}
	}
}

// researchMarkers are curators' working marks: they belong in curator_note,
// never in a text a visitor reads.
var researchMarkers = []string{"NOT FOUND", "CONFLICT", "UNCONFIRMED", "CONTESTED", "DERIVED", "NO COORDINATES", "(null)",
	"[C]", "[U]", "[W]", "[G]", "fact sheet", "check before publishing", "unrelated public code file", "TODO", "FIXME"}

// publicTexts calls f with every visitor-facing text of the dataset: each
// language of each feature's name, caption and note.
func publicTexts(t *testing.T, f func(ref, field, lang, text string)) {
	for layer, list := range load(t) {
		for _, k := range list {
			for _, field := range textFields {
				m, _ := k.f.Properties[field].(map[string]any)
				for lang, v := range m {
					f(layer+"/"+k.id, field, lang, str(v))
				}
			}
		}
	}
}

// TestNoResearchMarkers checks every string the API serves in a feature's
// properties (texts by language, structural values, nested lists and
// objects, resolved sources), except curator_note, the curators' own.
func TestNoResearchMarkers(t *testing.T) {
	for layer, list := range load(t) {
		for _, k := range list {
			for name, v := range k.f.Properties {
				if name == "curator_note" {
					continue
				}
				eachString(name, v, func(path, s string) {
					for _, mark := range researchMarkers {
						if strings.Contains(s, mark) {
							t.Errorf("%s/%s: %s contains the research marker %q: move it to curator_note and say it in plain words", layer, k.id, path, mark)
						}
					}
				})
			}
		}
	}
}

// eachString calls f with every string inside v, with its path ("note.km",
// "milestones.2.place").
func eachString(path string, v any, f func(path, s string)) {
	switch v := v.(type) {
	case string:
		f(path, v)
	case []any:
		for i, e := range v {
			eachString(fmt.Sprintf("%s.%d", path, i), e, f)
		}
	case map[string]any:
		for k, e := range v {
			eachString(path+"."+k, e, f)
		}
	}
}

// loadedWords take a side when the product uses them in its own voice. They
// may appear only attributed: inside quotation marks, or in a sentence that
// says who called it so.
var loadedWords = []string{
	"liberat", "invader", "puppet", "clique", "aggressor", "bandit", "yuon", // English
	"libér", "libèr", "envahisseur", "fantoche", "agresseur", // French
	"រំដោះ", "អាយ៉ង", "ឈ្លានពាន", "យួន", // Khmer: liberate, puppet, aggression/invader, a slur for Vietnamese
}

// attributedBy are the words that say who called it so: "called",
// "claimed", "according to" and their French and Khmer counterparts.
var (
	attributedBy = regexp.MustCompile(`(?i)(^|[^\p{L}])(called|calls|claimed|claims|according to|described as|termed|in [\p{L}]+'s account|selon|appel\p{L}*|qualifi\p{L}*|affirm\p{L}*)([^\p{L}]|$)|ហៅថា|យោងតាម|អះអាង|តាមការ`)
	quoted       = regexp.MustCompile(`(^|[\s(])'[^']*'|(^|[\s(])‘[^’]*’|"[^"]*"|«[^»]*»|“[^”]*”`)
	sentenceEnd  = regexp.MustCompile(`[.;:!?។]\s+|[.;!?។]$`)
	// properNames contain a loaded word without using it: the French daily
	// Libération, cited as a source.
	properNames = []string{"(Libération)", "Libération, "}
)

// unattributed returns the loaded words a text uses in its own voice: outside
// quotation marks, in a sentence that does not say who called it so.
func unattributed(text string) []string {
	for _, n := range properNames {
		text = strings.ReplaceAll(text, n, "")
	}
	var out []string
	for _, sentence := range sentenceEnd.Split(text, -1) {
		if attributedBy.MatchString(sentence) {
			continue
		}
		bare := strings.ToLower(quoted.ReplaceAllString(sentence, " "))
		for _, w := range loadedWords {
			if strings.Contains(bare, w) {
				out = append(out, w)
			}
		}
	}
	return out
}

func TestUnattributedCanFail(t *testing.T) {
	for _, c := range []struct {
		text string
		bad  bool
	}{
		{"7 January 1979: Vietnamese forces liberate Phnom Penh.", true},
		{"Les forces vietnamiennes libèrent Phnom Penh.", true},
		{"កងទ័ពរំដោះភ្នំពេញ។", true},
		{"The puppet regime is proclaimed.", true},
		{"What the PRK called the liberation of Phnom Penh.", false},
		{"A 'liberated zone' in Chanda's account.", false},
		{"une « zone libérée » selon Chanda.", false},
		{"Vietnamese and KUFNS forces take Phnom Penh.", false},
		{"Chanda's book says the army's advance liberated Kratie.", true},
		{"40,000 (Libération), 45,000 (PRK claim).", false},
	} {
		if got := unattributed(c.text); (len(got) > 0) != c.bad {
			t.Errorf("%q: unattributed %v, want bad=%v", c.text, got, c.bad)
		}
	}
}

// TestNeutralWording fails where a name, caption or note uses a loaded word in
// the product's own voice.
func TestNeutralWording(t *testing.T) {
	publicTexts(t, func(ref, field, lang, text string) {
		if w := unattributed(text); len(w) > 0 {
			t.Errorf("%s: %s.%s uses %v in its own voice: attribute it (quotes, \"called\", \"according to\") or say it neutrally: %q", ref, field, lang, w, text)
		}
	})
}

// untranslated lists today's features whose English texts lack Khmer or
// French, one feature a line, with what is missing. The history work (issue 8)
// empties it: fill the texts in data/source/texts/<layer>.csv, rebuild, and
// delete the line.
var untranslated = map[string]string{}

// latinInKhmer lists the features whose Khmer texts keep Latin-script words,
// one feature a line, with the reason. The history work (issue 8) empties it
// where a Khmer form exists.
var latinInKhmer = map[string]string{}

// TestPopupEnumLabels checks that every value of a property the manifest's
// popup shows as an enum has a label in every language of the manifest, so
// that no visitor reads a raw key ("held", "legend.status.massacres"); that a
// popup shows no property whose values are English prose; and that every
// label is used by some feature.
func TestPopupEnumLabels(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(datasetDir, "dataset.json"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := data.ParseManifest("dataset.json", raw)
	if err != nil {
		t.Fatal(err)
	}
	layers := load(t)
	checked := 0
	for _, l := range m.Layers {
		for _, f := range l.Popup {
			ref := l.ID + ".popup." + f.Property
			if f.Format == "text" {
				t.Errorf("%s: format text shows the value as it is, in English: make it an enum with values by language, or leave it out of the popup", ref)
			}
			if f.Format != "enum" {
				continue
			}
			seen := map[string]bool{}
			for _, k := range layers[l.ID] {
				v, ok := k.f.Properties[f.Property]
				if !ok || v == nil {
					continue
				}
				s, isString := v.(string)
				if !isString {
					t.Errorf("%s/%s: %s is %v, want a string enum value", l.ID, k.id, f.Property, v)
					continue
				}
				seen[s] = true
				checked++
				for _, lang := range m.Languages {
					if strings.TrimSpace(f.Values[s][lang]) == "" {
						t.Errorf("%s/%s: %s %q has no %s label in the manifest (%s.values)", l.ID, k.id, f.Property, s, lang, ref)
					}
				}
			}
			for v := range f.Values {
				if !seen[v] {
					t.Errorf("%s: label for %q, a value no feature has", ref, v)
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("no enum value checked: the test would check nothing")
	}
}
