package data

import (
	"fmt"
	"math"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/planar"

	"github.com/timeslice/timeslice/geo"
)

// maxLag is how long a town may be reached by an axis of advance before the control layer shows it held: a
// day and a half, the most that two readings of a date known only to the day (noon in one layer, midnight of
// the next day in the other) can differ by. Both of issue 8's examples of a late shading (Svay Rieng 2 vs 6
// January, Takeo 5 vs 7 January) are longer.
const maxLag = 36 * time.Hour

// exemptTag is the machine-readable exemption a control or advances feature carries in its curator_note:
// "[agreement-exempt <place id>: <source key>]". It says that for this town the two layers disagree on purpose
// (fighting went on after the axis arrived, say), and which of the feature's sources says why; the feature's
// public note gives the reason in every language.
var exemptTag = regexp.MustCompile(`\[agreement-exempt ([a-z0-9-]+): ([a-z0-9-]+)\]`)

// reach is when an axis of advance first reaches a town.
type reach struct {
	at    time.Time
	track string
}

// exemption is one tag, with the feature that carries it.
type exemption struct {
	place, key string
	f          *geo.Feature
	used       bool
}

// TestControlAndAdvancesAgree checks that the control layer and the advances layer tell one story. A town is a
// point of the places layer that is a vertex of an axis (not its start). It must not be shown held before an axis
// reaches it, nor be reached more than maxLag before it is shown held, unless a feature that shows the town (a
// control feature containing it during the gap, or an axis passing through it) carries an exemptTag naming the
// town and one of its own sources, and has a public note in en, km and fr. A tag that exempts nothing fails too.
// An axis must also start from a place that is held or contested at its start, or from outside the places.
func TestControlAndAdvancesAgree(t *testing.T) {
	ds, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	places := map[string]orb.Point{}
	var control []*geo.Feature
	axes := map[string][]*geo.Feature{}
	for i := range ds.Features {
		f := &ds.Features[i]
		switch f.Layer {
		case "places":
			if p, ok := f.Geometry.(orb.Point); ok {
				places[f.ID] = p
			}
		case "control":
			control = append(control, f)
		case "advances":
			axes[f.Track] = append(axes[f.Track], f)
		}
	}
	if len(places) == 0 || len(control) == 0 || len(axes) == 0 {
		t.Fatalf("want places, control and advances; have %d places, %d control, %d axes", len(places), len(control), len(axes))
	}

	towns := map[string]reach{}
	for track, kf := range axes {
		sort.Slice(kf, func(i, j int) bool { return kf[i].From.Before(kf[j].From) })
		route, ok := kf[len(kf)-1].Geometry.(orb.LineString)
		if !ok {
			t.Fatalf("advances %s: last keyframe is %T, want a LineString", track, kf[len(kf)-1].Geometry)
		}
		if id := placeAt(places, route[0]); id != "" && !shownAt(control, places[id], kf[0].From) {
			t.Errorf("axis %s starts from %s at %s, which the control layer shows neither held nor contested",
				track, id, ict(kf[0].From))
		}
		for _, v := range route[1:] {
			id := placeAt(places, v)
			if id == "" {
				continue
			}
			for _, f := range kf {
				if lineHas(f.Geometry, v) {
					if r, seen := towns[id]; !seen || f.From.Before(r.at) {
						towns[id] = reach{f.From, track}
					}
					break
				}
			}
		}
	}
	if len(towns) == 0 {
		t.Fatal("no axis passes through a place: the test would check nothing")
	}

	var tags []*exemption
	for _, fs := range append([][]*geo.Feature{control}, tracksInOrder(axes)...) {
		for _, f := range fs {
			note, _ := f.Props["curator_note"].(string)
			for _, m := range exemptTag.FindAllStringSubmatch(note, -1) {
				tags = append(tags, &exemption{place: m[1], key: m[2], f: f})
			}
		}
	}

	ids := make([]string, 0, len(towns))
	for id := range towns {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		r, p := towns[id], places[id]
		held := firstHeld(control, p)
		var problem string
		switch {
		case held.IsZero():
			problem = fmt.Sprintf("reached by %s at %s but never shown held", r.track, ict(r.at))
		case held.Before(r.at):
			problem = fmt.Sprintf("shown held from %s, before %s reaches it at %s", ict(held), r.track, ict(r.at))
		case held.Sub(r.at) > maxLag:
			problem = fmt.Sprintf("reached by %s at %s but shown held only from %s (%.1f days later)",
				r.track, ict(r.at), ict(held), held.Sub(r.at).Hours()/24)
		default:
			continue
		}
		from, to := r.at, held
		if to.IsZero() {
			to = time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
		}
		if to.Before(from) {
			from, to = to, from
		}
		if e := findExemption(t, tags, id, p, from, to); e != nil {
			t.Logf("exempt: %s %s; %s carries [agreement-exempt %s: %s]", id, problem, e.f.ID, id, e.key)
			continue
		}
		t.Errorf("%s: %s, and no feature showing it carries a sourced [agreement-exempt %s: <source key>] with a note in en, km and fr", id, problem, id)
	}
	for _, e := range tags {
		if !e.used {
			t.Errorf("%s %s: [agreement-exempt %s: %s] exempts nothing (the town is not a place on an axis, the two layers already agree, or the feature does not show it): remove it",
				e.f.Layer, e.f.ID, e.place, e.key)
		}
	}
}

// findExemption returns the first valid tag for the town, and marks every valid one used: a tag on a control
// feature containing the town and valid at some instant of [from, to) (each keyframe of a track carries it), or
// on an axis keyframe whose line passes through it. It reports tags that name a key the feature does not cite,
// or whose feature lacks a note in one of en, km and fr.
func findExemption(t *testing.T, tags []*exemption, id string, p orb.Point, from, to time.Time) *exemption {
	t.Helper()
	var first *exemption
	for _, e := range tags {
		if e.place != id {
			continue
		}
		switch e.f.Layer {
		case "control":
			if !e.f.From.Before(to) || (!e.f.To.IsZero() && !e.f.To.After(from)) || !areaContains(e.f.Geometry, p) {
				continue
			}
		case "advances":
			if !lineHas(e.f.Geometry, p) {
				continue
			}
		}
		if !cites(e.f, e.key) {
			t.Errorf("%s %s: [agreement-exempt %s: %s] names a source the feature does not cite", e.f.Layer, e.f.ID, id, e.key)
			continue
		}
		if lang := missingNote(e.f); lang != "" {
			t.Errorf("%s %s: [agreement-exempt %s: %s] but no public note in %s to say why", e.f.Layer, e.f.ID, id, e.key, lang)
			continue
		}
		e.used = true
		if first == nil {
			first = e
		}
	}
	return first
}

// firstHeld returns the earliest instant from which a held control feature contains p, or the zero time.
func firstHeld(control []*geo.Feature, p orb.Point) time.Time {
	var first time.Time
	for _, f := range control {
		if f.Props["status"] == "held" && areaContains(f.Geometry, p) && (first.IsZero() || f.From.Before(first)) {
			first = f.From
		}
	}
	return first
}

// shownAt reports whether a held or contested control feature contains p at t.
func shownAt(control []*geo.Feature, p orb.Point, t time.Time) bool {
	for _, f := range control {
		if f.ValidAt(t) && areaContains(f.Geometry, p) {
			return true
		}
	}
	return false
}

func areaContains(g orb.Geometry, p orb.Point) bool {
	switch g := g.(type) {
	case orb.Polygon:
		return planar.PolygonContains(g, p)
	case orb.MultiPolygon:
		return planar.MultiPolygonContains(g, p)
	}
	return false
}

// vertexTolerance is the tolerance for a route vertex to be a place: coordinates are written with 5 decimals.
const vertexTolerance = 2e-5

func sameVertex(a, b orb.Point) bool {
	return math.Abs(a[0]-b[0]) <= vertexTolerance && math.Abs(a[1]-b[1]) <= vertexTolerance
}

// placeAt returns the id of the place at v, or "".
func placeAt(places map[string]orb.Point, v orb.Point) string {
	for id, p := range places {
		if sameVertex(p, v) {
			return id
		}
	}
	return ""
}

// lineHas reports whether the line has a vertex at p.
func lineHas(g orb.Geometry, p orb.Point) bool {
	l, ok := g.(orb.LineString)
	if !ok {
		return false
	}
	for _, v := range l {
		if sameVertex(v, p) {
			return true
		}
	}
	return false
}

// cites reports whether the feature's sources include the key.
func cites(f *geo.Feature, key string) bool {
	list, _ := f.Props["sources"].([]any)
	for _, s := range list {
		if m, ok := s.(map[string]any); ok && m["key"] == key {
			return true
		}
	}
	return false
}

// missingNote returns the first of en, km, fr without a public note, or "".
func missingNote(f *geo.Feature) string {
	note, _ := f.Props["note"].(map[string]any)
	for _, lang := range []string{"en", "km", "fr"} {
		if s, _ := note[lang].(string); strings.TrimSpace(s) == "" {
			return lang
		}
	}
	return ""
}

func tracksInOrder(m map[string][]*geo.Feature) [][]*geo.Feature {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	out := make([][]*geo.Feature, 0, len(m))
	for _, k := range keys {
		out = append(out, m[k])
	}
	return out
}

// ict writes an instant in the dataset's zone, UTC+07:00.
func ict(t time.Time) string {
	return t.In(time.FixedZone("+07:00", 7*3600)).Format("2 Jan 2006 15:04")
}
