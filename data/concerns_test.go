package data

import (
	"testing"
	"time"

	"github.com/paulmach/orb"
)

// TestEventViews checks where the page's camera looks at each event of the
// embedded dataset: every feature an event concerns (by id or track) is
// drawn at some time while the event is shown, or highlighting it would
// highlight nothing; an extent holds the event's point; a zoom is one the
// page can show. It also fails when no event has a view, so that it cannot
// pass by checking nothing.
func TestEventViews(t *testing.T) {
	ds, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	events := ds.Manifest.EventsLayer
	if events == "" {
		t.Fatal("the embedded manifest names no events layer")
	}
	byKey := map[string][]int{} // feature id or track → features
	for i, f := range ds.Features {
		byKey[f.ID] = append(byKey[f.ID], i)
		if f.Track != "" && f.Track != f.ID {
			byKey[f.Track] = append(byKey[f.Track], i)
		}
	}
	var concerns, views int
	for _, e := range ds.Features {
		if e.Layer != events {
			continue
		}
		p, _ := e.Geometry.(orb.Point)
		if z, ok := e.Props["zoom"].(float64); ok {
			views++
			if z < 0 || z > 18 || z != float64(int(z)) {
				t.Errorf("event %s: zoom %v", e.ID, z)
			}
		}
		if ext, ok := e.Props["extent"].([]any); ok {
			views++
			var b [4]float64
			for i := range min(len(ext), 4) {
				b[i], _ = ext[i].(float64)
			}
			if len(ext) != 4 || !(orb.Bound{Min: orb.Point{b[0], b[1]}, Max: orb.Point{b[2], b[3]}}).Contains(p) {
				t.Errorf("event %s: extent %v does not hold its point %v", e.ID, ext, p)
			}
		}
		list, _ := e.Props["concerns"].([]any)
		for _, c := range list {
			id, _ := c.(string)
			concerns++
			shown := false
			for _, i := range byKey[id] {
				shown = shown || ds.Features[i].Overlaps(e.From, e.To)
			}
			if !shown {
				t.Errorf("event %s (%s – %s) concerns %q, which is not drawn then", e.ID, e.From.Format(time.DateTime), e.To.Format(time.DateTime), id)
			}
		}
	}
	if concerns == 0 || views == 0 {
		t.Fatalf("no event has a view (%d) or concerns (%d): the test checks nothing", views, concerns)
	}
}
