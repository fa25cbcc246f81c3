package data

import (
	"bytes"
	"strings"
	"testing"
)

// TestGeometryRefused: geometry the decoder would fill in or that has no
// well-defined inside is refused, with a problem naming the feature.
func TestGeometryRefused(t *testing.T) {
	poly := func(rings ...any) map[string]any { return map[string]any{"type": "Polygon", "coordinates": rings} }
	for _, tc := range []struct {
		name string
		geom any
		want string
	}{
		{"empty point", map[string]any{"type": "Point", "coordinates": []any{}}, "0 number(s)"},
		{"one number", map[string]any{"type": "Point", "coordinates": []any{104}}, "1 number(s)"},
		{"four numbers", map[string]any{"type": "Point", "coordinates": []any{104, 11, 0, 0}}, "4 number(s)"},
		{"string", map[string]any{"type": "Point", "coordinates": []any{"104", 11}}, "a string"},
		{"no coordinates", map[string]any{"type": "Point"}, "without coordinates"},
		{"short position in a line", map[string]any{"type": "LineString", "coordinates": []any{[]any{104, 11}, []any{105}}}, "coordinates[1]"},
		{"bow tie", poly([]any{[]any{0, 0}, []any{2, 2}, []any{2, 0}, []any{0, 1}, []any{0, 0}}), "crosses"},
		{"symmetric bow tie (no area)", poly([]any{[]any{0, 0}, []any{1, 1}, []any{1, 0}, []any{0, 1}, []any{0, 0}}), "polygon 0"},
		{"spike", poly([]any{[]any{0, 0}, []any{2, 0}, []any{2, 2}, []any{3, 3}, []any{2, 2}, []any{0, 2}, []any{0, 0}}), "touches itself"},
		{"unclosed", poly([]any{[]any{0, 0}, []any{1, 0}, []any{1, 1}, []any{0, 1}}), "not closed"},
		{"latitude out of range", map[string]any{"type": "Point", "coordinates": []any{104, 91}}, "not lon/lat"},
		{"hole crossing its shell", poly(
			[]any{[]any{0, 0}, []any{4, 0}, []any{4, 4}, []any{0, 4}, []any{0, 0}},
			[]any{[]any{3, 1}, []any{5, 1}, []any{5, 2}, []any{3, 2}, []any{3, 1}}), "crosses"},
	} {
		_, probs := Read("places.geojson", bytes.NewReader(fc("places", feat("bad-one", tc.geom, good()))), 0)
		if len(probs) != 1 || probs[0].Feature != "bad-one" || !strings.Contains(probs[0].Reason, tc.want) {
			t.Errorf("%s: %v, want one problem of feature bad-one saying %q", tc.name, probs, tc.want)
		}
	}
	// A valid polygon with a hole still reads.
	ok := poly([]any{[]any{0, 0}, []any{4, 0}, []any{4, 4}, []any{0, 4}, []any{0, 0}},
		[]any{[]any{1, 1}, []any{2, 1}, []any{2, 2}, []any{1, 2}, []any{1, 1}})
	if _, probs := Read("places.geojson", bytes.NewReader(fc("places", feat("fine", ok, good()))), 0); len(probs) != 0 {
		t.Errorf("a valid polygon with a hole: %v", probs)
	}
}
