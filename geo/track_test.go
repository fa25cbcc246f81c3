package geo

import (
	"reflect"
	"testing"

	"github.com/paulmach/orb"
)

func TestLink(t *testing.T) {
	p := orb.Point{0, 0}
	fs := []Feature{
		keyframe("b", "1979-01-02T00:00:00+07:00", "1979-01-03T00:00:00+07:00", p, Linear, nil), // 0
		keyframe("a", "1979-01-01T00:00:00+07:00", "1979-01-02T00:00:00+07:00", p, Linear, nil), // 1
		keyframe("c", "1979-01-03T00:00:00+07:00", "", p, Step, nil),                            // 2
		keyframe("lone", "1979-01-01T00:00:00+07:00", "", p, Step, nil),                         // 3
		keyframe("x", "1979-01-01T00:00:00+07:00", "1979-01-05T00:00:00+07:00", p, Step, nil),   // 4
		keyframe("y", "1979-01-04T00:00:00+07:00", "", p, Step, nil),                            // 5
	}
	fs[3].Track = ""
	fs[4].Track, fs[5].Track = "other", "other"
	l := Link(fs)
	if want := []int{2, 0, -1, -1, 5, -1}; !reflect.DeepEqual(l.Next, want) {
		t.Errorf("Next = %v, want %v", l.Next, want)
	}
	if want := [][2]int{{4, 5}}; !reflect.DeepEqual(l.Overlaps, want) {
		t.Errorf("Overlaps = %v, want %v", l.Overlaps, want)
	}
	// The same track id in another layer is another track.
	fs[5].Layer = "elsewhere"
	if l := Link(fs); len(l.Overlaps) != 0 {
		t.Errorf("tracks of different layers linked: %v", l.Overlaps)
	}
}
