package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/geo"
)

// timeModelKeys are the properties that become geo.Feature fields rather
// than Props.
var timeModelKeys = []string{"valid_from", "valid_to", "track", "interpolate"}

// Read parses one dataset file: a GeoJSON FeatureCollection whose
// top-level member "collection" names its layer (or, failing that, the
// file name without ".geojson" does). It returns the features it could
// read and every problem found in the file on its own; cross-file checks
// (duplicate ids, overlapping keyframes) are Validate's. seq numbers the
// features from first.
func Read(name string, r io.Reader, first int) ([]geo.Feature, Problems) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, Problems{{File: name, Reason: fmt.Sprintf("read: %v", err)}}
	}
	var fc struct {
		Type       string            `json:"type"`
		Collection *string           `json:"collection"`
		Features   []json.RawMessage `json:"features"`
	}
	if err := json.Unmarshal(raw, &fc); err != nil {
		return nil, Problems{{File: name, Reason: fmt.Sprintf("not JSON: %v", err)}}
	}
	if fc.Type != "FeatureCollection" {
		return nil, Problems{{File: name, Reason: fmt.Sprintf("type is %q, want \"FeatureCollection\"", fc.Type)}}
	}
	layer := strings.TrimSuffix(path.Base(name), ".geojson")
	if fc.Collection != nil {
		layer = *fc.Collection
	}
	var (
		out  []geo.Feature
		errs Problems
	)
	for i, rawF := range fc.Features {
		f, reasons := readFeature(rawF)
		ref := f.ID
		if ref == "" {
			ref = "#" + strconv.Itoa(i)
		}
		for _, why := range reasons {
			errs = append(errs, Problem{File: name, Feature: ref, Reason: why})
		}
		if len(reasons) == 0 {
			f.Layer = layer
			f.Seq = first + len(out)
			out = append(out, f)
		}
	}
	return out, errs
}

// readFeature parses one GeoJSON feature of the dataset format and says
// everything that is wrong with it.
func readFeature(raw json.RawMessage) (geo.Feature, []string) {
	var f geo.Feature
	var in struct {
		Type       string          `json:"type"`
		ID         any             `json:"id"`
		Geometry   json.RawMessage `json:"geometry"`
		Properties map[string]any  `json:"properties"`
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&in); err != nil {
		return f, []string{fmt.Sprintf("not a JSON object: %v", err)}
	}
	var why []string
	bad := func(format string, args ...any) { why = append(why, fmt.Sprintf(format, args...)) }
	if in.Type != "Feature" {
		bad("type is %q, want \"Feature\"", in.Type)
	}
	switch id := in.ID.(type) {
	case string:
		f.ID = id
	case json.Number:
		f.ID = id.String()
	case nil:
		bad("no id")
	default:
		bad("id must be a string or a number")
	}
	if f.ID == "" && in.ID != nil {
		bad("empty id")
	}
	g, err := readGeometry(in.Geometry)
	if err != nil {
		bad("bad geometry: %v", err)
	} else {
		f.Geometry, f.Bound = g, g.Bound()
	}
	props := in.Properties
	if props == nil {
		bad("no properties")
		return f, why
	}
	from, ok := props["valid_from"].(string)
	if !ok {
		bad("valid_from must be an RFC 3339 date-time string")
	} else if f.From, err = time.Parse(time.RFC3339Nano, from); err != nil {
		bad("valid_from %q is not an RFC 3339 date-time", from)
	}
	switch to := props["valid_to"].(type) {
	case nil:
	case string:
		if f.To, err = time.Parse(time.RFC3339Nano, to); err != nil {
			bad("valid_to %q is not an RFC 3339 date-time", to)
		} else if !f.From.IsZero() && !f.To.After(f.From) {
			bad("valid_to %s is not after valid_from %s", to, from)
		}
	default:
		bad("valid_to must be an RFC 3339 date-time string or null")
	}
	switch tr := props["track"].(type) {
	case nil:
	case string:
		f.Track = tr
	default:
		bad("track must be a string or null")
	}
	switch ip := props["interpolate"].(type) {
	case nil:
	case string:
		if f.Interp, err = geo.ParseInterp(ip); err != nil {
			bad("%v", err)
		}
	default:
		bad("interpolate must be \"step\" or \"linear\"")
	}
	why = append(why, checkDescriptive(props)...)
	f.Props = make(map[string]any, len(props))
	for k, v := range props {
		f.Props[k] = plain(v)
	}
	for _, k := range timeModelKeys {
		delete(f.Props, k)
	}
	return f, why
}

// checkDescriptive checks the descriptive properties every feature carries:
// name and note as text by language (note optional, never a bare string),
// sources as resolved references ({key, title, citation, url?, …}), certainty,
// and the curators' fields curator_note (a string) and review (a list of
// language codes).
func checkDescriptive(p map[string]any) []string {
	var why []string
	name, ok := p["name"].(map[string]any)
	if !ok {
		why = append(why, "name must be an object by language with \"en\"")
	} else if en, ok := name["en"].(string); !ok || strings.TrimSpace(en) == "" {
		why = append(why, "name.en is missing")
	}
	srcs, ok := p["sources"].([]any)
	if !ok || len(srcs) == 0 {
		why = append(why, "no sources: want a list of {key, title, citation, url?}")
	}
	for i, s := range srcs {
		m, ok := s.(map[string]any)
		title, _ := m["title"].(string)
		if !ok || strings.TrimSpace(title) == "" {
			why = append(why, fmt.Sprintf("sources[%d] has no title", i))
		}
		for _, k := range []string{"key", "citation", "authors", "container", "date", "pages"} {
			if v, present := m[k]; present && v != nil {
				if _, ok := v.(string); !ok {
					why = append(why, fmt.Sprintf("sources[%d].%s must be a string", i, k))
				}
			}
		}
		if u, present := m["url"]; present && u != nil {
			if us, ok := u.(string); !ok || !(strings.HasPrefix(us, "http://") || strings.HasPrefix(us, "https://")) {
				why = append(why, fmt.Sprintf("sources[%d].url is not an http(s) URL", i))
			}
		}
	}
	switch c := p["certainty"].(type) {
	case string:
		if c != "high" && c != "medium" && c != "low" {
			why = append(why, fmt.Sprintf("certainty %q: want high, medium or low", c))
		}
	default:
		why = append(why, "certainty must be \"high\", \"medium\" or \"low\"")
	}
	if n, present := p["note"]; present && n != nil {
		why = append(why, checkText("note", n)...)
	}
	if n, present := p["curator_note"]; present && n != nil {
		if _, ok := n.(string); !ok {
			why = append(why, "curator_note must be a string")
		}
	}
	if r, present := p["review"]; present && r != nil {
		codes, ok := r.([]any)
		if !ok {
			why = append(why, "review must be a list of language codes")
		}
		for i, c := range codes {
			if s, ok := c.(string); !ok || !isLanguageCode(s) {
				why = append(why, fmt.Sprintf("review[%d] must be a language code such as \"km\"", i))
			}
		}
	}
	return why
}

// checkText checks a text by language: an object {"en": "…", "km": "…"} with
// an English text and only strings.
func checkText(key string, v any) []string {
	m, ok := v.(map[string]any)
	if !ok {
		return []string{key + " must be an object by language with \"en\" (not a bare string)"}
	}
	var why []string
	for lang, t := range m {
		if _, ok := t.(string); !ok || !isLanguageCode(lang) {
			why = append(why, fmt.Sprintf("%s.%s must be a text in a language such as \"km\"", key, lang))
		}
	}
	if en, _ := m["en"].(string); strings.TrimSpace(en) == "" {
		why = append(why, key+".en is missing")
	}
	return why
}

// isLanguageCode says whether s looks like a language code: two or three
// lower-case letters.
func isLanguageCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// plain turns json.Number values into float64 throughout v.
func plain(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = plain(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = plain(e)
		}
		return x
	}
	return v
}

// readGeometry parses a GeoJSON geometry, checks it and orients its rings
// as RFC 7946 asks (exterior counter-clockwise, holes clockwise).
func readGeometry(raw json.RawMessage) (orb.Geometry, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return nil, fmt.Errorf("missing")
	}
	if err := checkPositions(raw); err != nil {
		return nil, err
	}
	g, err := geojson.UnmarshalGeometry(raw)
	if err != nil {
		return nil, err
	}
	geom := g.Geometry()
	if geom == nil {
		return nil, fmt.Errorf("missing")
	}
	if err := checkGeometry(geom); err != nil {
		return nil, err
	}
	if err := checkSimple(geom); err != nil {
		return nil, err
	}
	return geom, nil
}

func checkGeometry(g orb.Geometry) error {
	switch v := g.(type) {
	case orb.Point:
		return checkPoint(v)
	case orb.MultiPoint:
		if len(v) == 0 {
			return fmt.Errorf("empty MultiPoint")
		}
		for _, p := range v {
			if err := checkPoint(p); err != nil {
				return err
			}
		}
	case orb.LineString:
		return checkLine(v)
	case orb.MultiLineString:
		if len(v) == 0 {
			return fmt.Errorf("empty MultiLineString")
		}
		for _, l := range v {
			if err := checkLine(l); err != nil {
				return err
			}
		}
	case orb.Polygon:
		return checkPolygon(v)
	case orb.MultiPolygon:
		if len(v) == 0 {
			return fmt.Errorf("empty MultiPolygon")
		}
		for i := range v {
			if err := checkPolygon(v[i]); err != nil {
				return fmt.Errorf("polygon %d: %w", i, err)
			}
		}
	default:
		return fmt.Errorf("%s is not supported: use Point, LineString, Polygon or their Multi forms", g.GeoJSONType())
	}
	return nil
}

func checkPoint(p orb.Point) error {
	if math.IsNaN(p[0]) || math.IsNaN(p[1]) || math.IsInf(p[0], 0) || math.IsInf(p[1], 0) {
		return fmt.Errorf("coordinate %v is not finite", p)
	}
	if p[0] < -180 || p[0] > 180 || p[1] < -90 || p[1] > 90 {
		return fmt.Errorf("coordinate %v is not lon/lat in degrees", p)
	}
	return nil
}

func checkLine(l orb.LineString) error {
	if len(l) < 2 {
		return fmt.Errorf("line with %d position(s): want at least 2", len(l))
	}
	for _, p := range l {
		if err := checkPoint(p); err != nil {
			return err
		}
	}
	return nil
}

// checkPolygon checks rings and orients them in place.
func checkPolygon(p orb.Polygon) error {
	if len(p) == 0 {
		return fmt.Errorf("polygon with no rings")
	}
	for i, r := range p {
		if len(r) < 4 {
			return fmt.Errorf("ring %d has %d positions: want at least 4", i, len(r))
		}
		if !r.Closed() {
			return fmt.Errorf("ring %d is not closed: first and last positions differ", i)
		}
		for _, pt := range r {
			if err := checkPoint(pt); err != nil {
				return err
			}
		}
		want := orb.CCW
		if i > 0 {
			want = orb.CW
		}
		if o := r.Orientation(); o != want && o != 0 {
			r.Reverse()
		}
	}
	return nil
}
