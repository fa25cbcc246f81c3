//go:build ignore

// gen writes lerp.json: geometry pairs, fractions and what the server's
// geo.Lerp and geo.LerpProps make of them. The page's interp.js must give
// the same coordinates (static/test/unit/interp.test.mjs).
//
//	go run ./static/test/golden/gen.go > static/test/golden/lerp.json
package main

import (
	"encoding/json"
	"math"
	"math/rand"
	"os"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"

	"github.com/timeslice/timeslice/geo"
)

type tcase struct {
	Name string          `json:"name"`
	A    json.RawMessage `json:"a"`
	B    json.RawMessage `json:"b"`
	F    float64         `json:"f"`
	Want json.RawMessage `json:"want"`
}

type pcase struct {
	A    map[string]any `json:"a"`
	B    map[string]any `json:"b"`
	F    float64        `json:"f"`
	Want map[string]any `json:"want"`
}

func gj(g orb.Geometry) json.RawMessage {
	b, err := geojson.NewGeometry(g).MarshalJSON()
	if err != nil {
		panic(err)
	}
	return b
}

func rnd(r *rand.Rand, n int, cx, cy, rad float64) []orb.Point {
	ps := make([]orb.Point, n)
	for i := range ps {
		a := 2 * math.Pi * float64(i) / float64(n)
		rr := rad * (0.6 + 0.4*r.Float64())
		ps[i] = orb.Point{cx + rr*math.Cos(a), cy + rr*math.Sin(a)}
	}
	return ps
}

func ring(r *rand.Rand, n int, cx, cy, rad float64) orb.Ring {
	ps := rnd(r, n, cx, cy, rad)
	return orb.Ring(append(ps, ps[0]))
}

func line(r *rand.Rand, n int, x0, y0 float64) orb.LineString {
	l := make(orb.LineString, n)
	x, y := x0, y0
	for i := range l {
		l[i] = orb.Point{x, y}
		x += 0.1 + 0.5*r.Float64()
		y += 0.4*r.Float64() - 0.2
	}
	return l
}

func main() {
	r := rand.New(rand.NewSource(1979))
	var cases []tcase
	add := func(name string, a, b orb.Geometry) {
		for _, f := range []float64{0, 0.1, 1.0 / 3, 0.5, 0.77, 0.999, 1} {
			g, ok := geo.Lerp(a, b, f)
			if !ok {
				panic(name)
			}
			cases = append(cases, tcase{name, gj(a), gj(b), f, gj(g)})
		}
	}
	add("point", orb.Point{104.916, 11.5625}, orb.Point{102.6675, 13.8939})
	add("line same count", orb.LineString{{105.7994, 11.0879}, {105.28, 11.26}, {104.916, 11.5625}},
		orb.LineString{{105.7994, 11.0879}, {105.1, 11.4}, {104.2, 12.1}})
	add("line growing", orb.LineString{{105.7994, 11.0879}, {105.79, 11.09}}, line(r, 9, 105.8, 11.08))
	add("line random", line(r, 5, 103, 12), line(r, 17, 103.2, 12.3))
	add("polygon rings differ", orb.Polygon{ring(r, 7, 104.9, 11.56, 0.05)}, orb.Polygon{ring(r, 23, 104.5, 12, 0.8)})
	add("polygon with holes", orb.Polygon{ring(r, 12, 104, 12, 1), ring(r, 5, 104, 12, 0.2)},
		orb.Polygon{ring(r, 30, 104.2, 12.1, 1.5), ring(r, 6, 104.1, 12, 0.3), ring(r, 4, 104.6, 12.5, 0.1)})
	add("polygon to multipolygon", orb.Polygon{ring(r, 10, 105, 11.5, 0.4)},
		orb.MultiPolygon{{ring(r, 14, 105.1, 11.7, 0.9)}, {ring(r, 8, 103.2, 13, 0.3)}})
	add("multipolygon shrinking part", orb.MultiPolygon{{ring(r, 10, 105, 11.5, 0.4)}, {ring(r, 6, 103, 13, 0.2), ring(r, 4, 103, 13, 0.05)}},
		orb.Polygon{ring(r, 40, 105, 12, 1.2)})
	add("multiline", orb.MultiLineString{line(r, 3, 103, 13)}, orb.MultiLineString{line(r, 6, 103, 13), line(r, 4, 104, 11)})
	add("multipoint", orb.MultiPoint{{102.5, 13.7}, {102.6, 13.8}}, orb.Point{102.7, 13.9})

	var props []pcase
	pa := map[string]any{"people": 42000.0, "population": 1000.0, "ratio": 0.25, "status": "open", "same": 3.0, "onlyA": 5.0}
	pb := map[string]any{"people": 10000.0, "population": 160000.0, "ratio": 0.75, "status": "closed", "same": 3.0}
	for _, f := range []float64{0, 0.3, 0.5, 0.123456, 1} {
		props = append(props, pcase{pa, pb, f, geo.LerpProps(pa, pb, f)})
	}
	out := map[string]any{"geometries": cases, "props": props}
	enc := json.NewEncoder(os.Stdout)
	if err := enc.Encode(out); err != nil {
		panic(err)
	}
}
