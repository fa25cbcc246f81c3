package main

import (
	"fmt"
	"io/fs"
	"math"
	"sort"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/tiles/basemap/topo"
)

// Box is the extent every coordinate of the layers must lie in: lon 101–109 E, lat 9.5–15.5 N.
func Box() orb.Bound { return orb.Bound{Min: orb.Point{101, 9.5}, Max: orb.Point{109, 15.5}} }

// Cut lines, drawn by hand (lon, lat). Each starts and ends outside the polygon it cuts and crosses its outline
// twice; crossings snap to the nearest existing vertex (topo.Split), so the pieces still share edges exactly with
// their neighbours.
func mekongCut() orb.LineString {
	// The Mekong through Kampong Cham, from Kratie (north-east) to the Kandal side (south-west): left = east bank.
	// Between the first two and the last point it follows the midline of the GSHHG river banks in rivers.geojson.
	return orb.LineString{{105.80, 12.36}, {105.75, 12.275}, {105.681, 12.278}, {105.619, 12.296}, {105.578, 12.290},
		{105.556, 12.272}, {105.544, 12.253}, {105.535, 12.199}, {105.548, 12.137}, {105.534, 12.121}, {105.529, 12.057},
		{105.487, 12.026}, {105.470, 11.991}, {105.465, 11.957}, {105.417, 11.910}, {105.392, 11.909}, {105.341, 11.927},
		{105.259, 11.935}, {105.227, 11.937}, {105.147, 11.893}, {105.131, 11.860}, {105.118, 11.847}, {105.058, 11.844},
		{105.002, 11.798}, {105.017, 11.783}, {105.017, 11.765}, {104.974, 11.722}, {104.966, 11.707}, {104.95, 11.69}}
}

func snuolCut() orb.LineString {
	// Around Snuol and Route 13, from the Vietnamese border back to it, clockwise: right = the pocket.
	return orb.LineString{{106.40, 11.85}, {106.40, 12.05}, {106.37, 12.28}, {106.55, 12.33}, {106.68, 12.20}, {106.70, 11.90}}
}

func borderCutA() orb.LineString {
	// January–September 1979: the Cardamom Mountains, the Thai border strip and the Dangrek. From Thailand north
	// of Koh Kong town, south-east behind the coast (the coast from Kampong Som to Koh Kong was cleared after the
	// Ta Lon landing), then north and east to the Lao border: left = the contested strip.
	return orb.LineString{{102.78, 11.90}, {102.95, 11.88}, {103.08, 11.75}, {103.16, 11.60}, {103.22, 11.45}, {103.35, 11.30},
		{103.50, 11.40}, {103.50, 11.80}, {103.40, 12.20}, {103.10, 12.60}, {102.95, 12.90}, {102.85, 13.30},
		{102.85, 13.80}, {103.20, 14.00}, {103.60, 14.05}, {104.10, 14.10}, {104.60, 14.12}, {104.95, 14.10},
		{104.95, 14.60}}
}

func borderCutB() orb.LineString {
	// From October 1979: a narrower strip along the Thai border, the Cardamom core and the Dangrek.
	return orb.LineString{{102.78, 11.90}, {102.95, 11.88}, {103.08, 11.75}, {103.16, 11.60}, {103.22, 11.45}, {103.30, 11.60},
		{103.10, 12.10}, {102.85, 12.50}, {102.80, 12.90}, {102.70, 13.30}, {102.72, 13.75}, {103.10, 14.05},
		{103.60, 14.20}, {104.10, 14.25}, {104.70, 14.28}, {104.90, 14.28}, {104.90, 14.60}}
}

// Geometry holds the pieces the two layers are made of.
type Geometry struct {
	Parts   map[string]orb.MultiPolygon // c. 1975 provinces by id, plus the pieces cut from them
	Names   map[string]string           // English names of the c. 1975 provinces
	Country orb.MultiPolygon
	BeltA   orb.MultiPolygon // contested strip, January–September 1979
	HeldA   orb.MultiPolygon // Country minus BeltA
	BeltB   orb.MultiPolygon // contested strip from October 1979
	HeldB   orb.MultiPolygon
}

// LoadGeometry reads provinces_1975.geojson from the basemap files and cuts the pieces the layers need.
func LoadGeometry(basemapFS fs.FS) (*Geometry, error) {
	const name = "provinces_1975.geojson"
	b, err := fs.ReadFile(basemapFS, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	g := &Geometry{Parts: map[string]orb.MultiPolygon{}, Names: map[string]string{}}
	var all []orb.MultiPolygon
	for _, f := range fc.Features {
		id, _ := f.ID.(string)
		mp, ok := f.Geometry.(orb.MultiPolygon)
		if !ok {
			if p, isPoly := f.Geometry.(orb.Polygon); isPoly {
				mp, ok = orb.MultiPolygon{p}, true
			}
		}
		if id == "" || !ok {
			return nil, fmt.Errorf("%s: feature %v: want a string id and a (Multi)Polygon", name, f.ID)
		}
		g.Parts[id] = mp
		if n, ok := f.Properties["name"].(map[string]any); ok {
			g.Names[id], _ = n["en"].(string)
		}
		all = append(all, mp)
	}
	for _, id := range provinceIDs() {
		if _, ok := g.Parts[id]; !ok {
			return nil, fmt.Errorf("%s: no province %q", name, id)
		}
	}
	if g.Country, err = topo.Dissolve(all); err != nil {
		return nil, fmt.Errorf("country outline: %w", err)
	}
	east, west, err := splitLargest(g.Parts["kampong_cham"], mekongCut())
	if err != nil {
		return nil, fmt.Errorf("cut Kampong Cham along the Mekong: %w", err)
	}
	g.Parts["kampong_cham_east"], g.Parts["kampong_cham_west"] = east, west
	rest, pocket, err := splitLargest(g.Parts["kratie"], snuolCut())
	if err != nil {
		return nil, fmt.Errorf("cut the Snuol pocket out of Kratie: %w", err)
	}
	g.Parts["kratie_rest"], g.Parts["kratie_pocket"] = rest, pocket
	if g.BeltA, g.HeldA, err = splitLargest(g.Country, borderCutA()); err != nil {
		return nil, fmt.Errorf("cut border strip A: %w", err)
	}
	if g.BeltB, g.HeldB, err = splitLargest(g.Country, borderCutB()); err != nil {
		return nil, fmt.Errorf("cut border strip B: %w", err)
	}
	return g, nil
}

// provinceIDs lists the c. 1975 provinces the layers use.
func provinceIDs() []string {
	return []string{"battambang", "pursat", "siem_reap", "preah_vihear", "stung_treng", "ratanakiri", "mondulkiri",
		"kratie", "kampong_thom", "kampong_cham", "kampong_chhnang", "kampong_speu", "kandal", "phnom_penh", "takeo",
		"kampot", "kampong_som", "koh_kong", "prey_veng", "svay_rieng"}
}

// splitLargest splits the largest polygon of mp along the line; each other polygon (an island) goes to the
// piece whose outline is nearer.
func splitLargest(mp orb.MultiPolygon, line orb.LineString) (left, right orb.MultiPolygon, err error) {
	big, bigArea := -1, 0.0
	for i, p := range mp {
		if a := math.Abs(topo.SignedArea(p[0])); a > bigArea {
			big, bigArea = i, a
		}
	}
	if big < 0 {
		return nil, nil, fmt.Errorf("empty multipolygon")
	}
	l, r, err := topo.Split(mp[big], line)
	if err != nil {
		return nil, nil, err
	}
	left, right = orb.MultiPolygon{l}, orb.MultiPolygon{r}
	for i, p := range mp {
		if i == big {
			continue
		}
		if ringDist(l[0], p[0][0]) < ringDist(r[0], p[0][0]) {
			left = append(left, p)
		} else {
			right = append(right, p)
		}
	}
	return left, right, nil
}

// Union dissolves the named parts into one multipolygon.
func (g *Geometry) Union(ids []string) (orb.MultiPolygon, error) {
	var parts []orb.MultiPolygon
	sorted := append([]string(nil), ids...)
	sort.Strings(sorted)
	for _, id := range sorted {
		p, ok := g.Parts[id]
		if !ok {
			return nil, fmt.Errorf("union: no part %q", id)
		}
		parts = append(parts, p)
	}
	u, err := topo.Dissolve(parts)
	if err != nil {
		return nil, fmt.Errorf("union of %v: %w", ids, err)
	}
	return u, nil
}

// ringDist is the distance from p to the nearest edge of the ring.
func ringDist(r orb.Ring, p orb.Point) float64 {
	best := math.Inf(1)
	for i := 0; i+1 < len(r); i++ {
		a, b := r[i], r[i+1]
		dx, dy := b[0]-a[0], b[1]-a[1]
		t := 0.0
		if l2 := dx*dx + dy*dy; l2 > 0 {
			t = math.Max(0, math.Min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l2))
		}
		best = math.Min(best, math.Hypot(p[0]-a[0]-t*dx, p[1]-a[1]-t*dy))
	}
	return best
}
