package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/paulmach/orb"
)

func TestReadGMTAndJoin(t *testing.T) {
	name := filepath.Join(t.TempDir(), "rivers.txt")
	text := "> River Bin # 1, Level 1\n104.0 12.0\n104.5 12.1\n> River Bin # 2, Level 1\n104.5 12.1\n105.0 12.0\n> River Bin # 3, Level 3\n106 13\n106.1 13.1\n"
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	segs, err := readGMT(name)
	if err != nil {
		t.Fatal(err)
	}
	if len(segs) != 3 || segs[2].level != 3 {
		t.Fatalf("read %+v", segs)
	}
	joined := join(segs)
	if len(joined) != 2 || len(joined[0].pts) != 3 {
		t.Fatalf("joined %+v, want the two level-1 pieces as one line of 3 points", joined)
	}
}

func TestCutByName(t *testing.T) {
	// A line along the Mekong south of Kratie that runs off east, away from every reference line.
	ls := orb.LineString{{106.02, 12.49}, {106.00, 12.40}, {105.96, 12.30}, {106.5, 12.3}, {107.0, 12.3}}
	parts, names := cutByName(ls)
	if len(parts) != 2 || names[0] != 0 || names[1] != -1 {
		t.Fatalf("parts %v names %v", parts, names)
	}
	if parts[0][len(parts[0])-1] != parts[1][0] {
		t.Errorf("pieces do not share their end vertex: %v", parts)
	}
}

func TestRoadsUseKnownPlaces(t *testing.T) {
	towns := []city{}
	for _, r := range roadDefs() {
		for _, v := range r.via {
			if _, ok := waypoints()[v]; ok {
				continue
			}
			towns = append(towns, city{Name: v, Country: "KH"})
		}
	}
	fc, err := roads(towns)
	if err != nil {
		t.Fatal(err)
	}
	if len(fc.Features) != 7 {
		t.Errorf("%d roads, want 7", len(fc.Features))
	}
	if _, err := roads(nil); err == nil {
		t.Error("roads without towns: no error")
	}
}
