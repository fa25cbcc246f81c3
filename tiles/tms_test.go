package tiles

import (
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"
)

func TestWebMercatorQuad(t *testing.T) {
	tms := WebMercatorQuad()
	if len(tms.Matrices) != MaxZoom+1 || len(tms.MatricesV1) != MaxZoom+1 {
		t.Fatalf("%d tile matrices, want %d", len(tms.Matrices), MaxZoom+1)
	}
	for z, m := range tms.Matrices {
		// A tile of zoom z spans 2^-z of the world: 256 cells of cellSize.
		if w := float64(m.MatrixWidth*m.TileWidth) * m.CellSize; w < 2*earthHalf-1e-6 || w > 2*earthHalf+1e-6 {
			t.Errorf("zoom %d: the matrix spans %v m, want %v", z, w, 2*earthHalf)
		}
		if m.ID != tms.MatricesV1[z].Identifier || m.ScaleDenominator != tms.MatricesV1[z].ScaleDenominator {
			t.Errorf("zoom %d: TMS 1.0 and 2.0 members differ", z)
		}
	}
	if got := tms.Matrices[0].ScaleDenominator; got < 559082264.02 || got > 559082264.03 {
		t.Errorf("zoom 0 scale denominator %v, want 559082264.0287178", got)
	}
}

func TestLimits(t *testing.T) {
	b := orb.Bound{Min: orb.Point{102.3, 10.4}, Max: orb.Point{107.6, 14.7}}
	ls := Limits(b)
	if len(ls) != MaxZoom+1 || ls[0] != (TileMatrixLimits{TileMatrix: "0"}) {
		t.Fatalf("limits %+v", ls[:1])
	}
	z8 := ls[8]
	in := maptile.At(orb.Point{104.9, 11.55}, 8) // Phnom Penh
	if in.X < z8.MinTileCol || in.X > z8.MaxTileCol || in.Y < z8.MinTileRow || in.Y > z8.MaxTileRow {
		t.Errorf("zoom 8 limits %+v leave out %v", z8, in)
	}
	if n := (z8.MaxTileCol - z8.MinTileCol + 1) * (z8.MaxTileRow - z8.MinTileRow + 1); n > 30 {
		t.Errorf("zoom 8: %d tiles for a 5°×4° box", n)
	}
	world := Limits(orb.Bound{Min: orb.Point{-180, -90}, Max: orb.Point{180, 90}})
	if l := world[2]; l.MinTileCol != 0 || l.MaxTileCol != 3 || l.MinTileRow != 0 || l.MaxTileRow != 3 {
		t.Errorf("the world at zoom 2: %+v", l)
	}
}
