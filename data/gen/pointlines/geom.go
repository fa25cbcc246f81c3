package main

import "math"

// km returns the great-circle distance between two positions.
func km(a, b P) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	la1, la2 := a[1]*rad, b[1]*rad
	dla, dlo := la2-la1, (b[0]-a[0])*rad
	h := math.Sin(dla/2)*math.Sin(dla/2) + math.Cos(la1)*math.Cos(la2)*math.Sin(dlo/2)*math.Sin(dlo/2)
	return 2 * r * math.Asin(math.Sqrt(h))
}

// cumulative returns the distance along the route at each vertex.
func cumulative(route []P) []float64 {
	c := make([]float64, len(route))
	for i := 1; i < len(route); i++ {
		c[i] = c[i-1] + km(route[i-1], route[i])
	}
	return c
}

// prefix returns the part of the route from its start to distance d.
func prefix(route []P, c []float64, d float64) []P {
	if d >= c[len(c)-1] {
		return append([]P(nil), route...)
	}
	out := []P{route[0]}
	for i := 1; i < len(route); i++ {
		if c[i] < d {
			out = append(out, route[i])
			continue
		}
		f := (d - c[i-1]) / (c[i] - c[i-1])
		out = append(out, lerp(route[i-1], route[i], f))
		break
	}
	return out
}

func lerp(a, b P, f float64) P { return P{a[0] + (b[0]-a[0])*f, a[1] + (b[1]-a[1])*f} }

// toward returns the point at distance d km from a on the way to b.
func toward(a, b P, d float64) P { return lerp(a, b, d/km(a, b)) }
