package geo

import (
	"strings"
	"testing"

	"github.com/paulmach/orb"
)

func TestParseBBox(t *testing.T) {
	tests := []struct {
		in      string
		want    BBox
		wantErr string
	}{
		{in: "102,10,108,15", want: BBox{102, 10, 108, 15}},
		{in: "102, 10, 108, 15", want: BBox{102, 10, 108, 15}},
		{in: "102,10,-100,108,15,100", want: BBox{102, 10, 108, 15}},
		{in: "170,-10,-170,10", want: BBox{170, -10, -170, 10}},
		{in: "-180,-90,180,90", want: BBox{-180, -90, 180, 90}},
		{in: "102,10,108", wantErr: "has 3 numbers"},
		{in: "1,2,3,4,5", wantErr: "has 5 numbers"},
		{in: "", wantErr: "has 1 numbers"},
		{in: "a,10,108,15", wantErr: "not a finite number"},
		{in: "NaN,10,108,15", wantErr: "not a finite number"},
		{in: "102,10,Inf,15", wantErr: "not a finite number"},
		{in: "181,10,108,15", wantErr: "longitude"},
		{in: "102,-91,108,15", wantErr: "latitude"},
		{in: "102,15,108,10", wantErr: "minimum latitude"},
		{in: "102,10,5,108,15,1", wantErr: "height"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseBBox(tc.in)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseBBox(%q) error = %v, want one containing %q", tc.in, err, tc.wantErr)
				}
				return
			}
			if err != nil || got != tc.want {
				t.Fatalf("ParseBBox(%q) = %v, %v; want %v", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestBBoxIntersects(t *testing.T) {
	pt := func(lon, lat float64) orb.Bound { return orb.Point{lon, lat}.Bound() }
	tests := []struct {
		name string
		box  BBox
		b    orb.Bound
		want bool
	}{
		{"inside", BBox{102, 10, 108, 15}, pt(104.9, 11.5), true},
		{"outside", BBox{102, 10, 108, 15}, pt(100, 11.5), false},
		{"on the edge", BBox{102, 10, 108, 15}, pt(108, 15), true},
		{"overlapping bound", BBox{102, 10, 108, 15}, orb.Bound{Min: orb.Point{107, 14}, Max: orb.Point{110, 16}}, true},
		{"antimeridian east side", BBox{170, -10, -170, 10}, pt(175, 0), true},
		{"antimeridian west side", BBox{170, -10, -170, 10}, pt(-175, 0), true},
		{"antimeridian gap", BBox{170, -10, -170, 10}, pt(0, 0), false},
	}
	for _, tc := range tests {
		if got := tc.box.Intersects(tc.b); got != tc.want {
			t.Errorf("%s: Intersects = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func FuzzParseBBox(f *testing.F) {
	for _, s := range []string{"102,10,108,15", "170,-10,-170,10", "1,2,3,4,5,6", "-180,-90,180,90"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := ParseBBox(s)
		if err != nil {
			return
		}
		if b.MinLat > b.MaxLat || b.MinLon < -180 || b.MaxLon > 180 || b.MinLat < -90 || b.MaxLat > 90 {
			t.Fatalf("%q: accepted out-of-range box %v", s, b)
		}
		for _, x := range b.Bounds() {
			if x.Min[0] > x.Max[0] {
				t.Fatalf("%q: Bounds gave an inverted bound %v", s, x)
			}
		}
	})
}
