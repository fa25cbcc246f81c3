package geo

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
)

// BBox is a parsed OGC API `bbox` parameter in WGS 84 longitude/latitude.
// When MinLon > MaxLon the box crosses the antimeridian.
type BBox struct {
	MinLon, MinLat, MaxLon, MaxLat float64
}

// ParseBBox reads "minLon,minLat,maxLon,maxLat" or, with heights,
// "minLon,minLat,minZ,maxLon,maxLat,maxZ" (heights are checked, then
// ignored: the dataset is 2D).
func ParseBBox(s string) (BBox, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 4 && len(parts) != 6 {
		return BBox{}, fmt.Errorf("%q has %d numbers: want 4 (minLon,minLat,maxLon,maxLat) or 6 (with heights)", s, len(parts))
	}
	v := make([]float64, len(parts))
	for i, p := range parts {
		f, err := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			return BBox{}, fmt.Errorf("value %d %q is not a finite number", i+1, p)
		}
		v[i] = f
	}
	if len(v) == 6 {
		if v[2] > v[5] {
			return BBox{}, fmt.Errorf("minimum height %g is above maximum height %g", v[2], v[5])
		}
		v = []float64{v[0], v[1], v[3], v[4]}
	}
	b := BBox{MinLon: v[0], MinLat: v[1], MaxLon: v[2], MaxLat: v[3]}
	for _, lon := range []float64{b.MinLon, b.MaxLon} {
		if lon < -180 || lon > 180 {
			return BBox{}, fmt.Errorf("longitude %g is outside [-180, 180]", lon)
		}
	}
	for _, lat := range []float64{b.MinLat, b.MaxLat} {
		if lat < -90 || lat > 90 {
			return BBox{}, fmt.Errorf("latitude %g is outside [-90, 90]", lat)
		}
	}
	if b.MinLat > b.MaxLat {
		return BBox{}, fmt.Errorf("minimum latitude %g is above maximum latitude %g", b.MinLat, b.MaxLat)
	}
	return b, nil
}

// Bounds returns the box as one orb.Bound, or two when it crosses the
// antimeridian.
func (b BBox) Bounds() []orb.Bound {
	if b.MinLon <= b.MaxLon {
		return []orb.Bound{{Min: orb.Point{b.MinLon, b.MinLat}, Max: orb.Point{b.MaxLon, b.MaxLat}}}
	}
	return []orb.Bound{
		{Min: orb.Point{b.MinLon, b.MinLat}, Max: orb.Point{180, b.MaxLat}},
		{Min: orb.Point{-180, b.MinLat}, Max: orb.Point{b.MaxLon, b.MaxLat}},
	}
}

// Intersects reports whether the box touches the bound o.
func (b BBox) Intersects(o orb.Bound) bool {
	for _, x := range b.Bounds() {
		if x.Intersects(o) {
			return true
		}
	}
	return false
}
