package data

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/tiles/basemap/topo"
)

// positionDepth is how deep positions lie in the coordinates of each
// geometry type the dataset format takes.
var positionDepth = map[string]int{
	"Point": 0, "MultiPoint": 1, "LineString": 1, "MultiLineString": 2, "Polygon": 2, "MultiPolygon": 3,
}

// checkPositions refuses coordinates that the GeoJSON decoder would fill
// in silently: a Point with `[]` or `[104]` decodes as POINT(0 0) or
// POINT(104 0). Every position must be [lon, lat] or [lon, lat, height],
// numbers only. Types it does not know are left to checkGeometry.
func checkPositions(raw json.RawMessage) error {
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		return nil // the decoder says what is wrong
	}
	depth, ok := positionDepth[g.Type]
	if !ok {
		return nil
	}
	if len(g.Coordinates) == 0 || string(g.Coordinates) == "null" {
		return fmt.Errorf("%s without coordinates", g.Type)
	}
	dec := json.NewDecoder(bytes.NewReader(g.Coordinates))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return fmt.Errorf("coordinates: %w", err)
	}
	return walkPositions(v, depth, "coordinates")
}

func walkPositions(v any, depth int, at string) error {
	arr, ok := v.([]any)
	if !ok {
		return fmt.Errorf("%s is %s, want an array", at, jsonKind(v))
	}
	if depth == 0 {
		if len(arr) < 2 || len(arr) > 3 {
			return fmt.Errorf("position %s has %d number(s): want [longitude, latitude]", at, len(arr))
		}
		for i, x := range arr {
			if _, ok := x.(json.Number); !ok {
				return fmt.Errorf("position %s[%d] is %s, want a number", at, i, jsonKind(x))
			}
		}
		return nil
	}
	for i, x := range arr {
		if err := walkPositions(x, depth-1, fmt.Sprintf("%s[%d]", at, i)); err != nil {
			return err
		}
	}
	return nil
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case bool:
		return "a boolean"
	case []any:
		return "an array"
	}
	return "an object"
}

// checkSimple refuses polygons that cross, overlap or touch themselves,
// or repeat a position: they have no well-defined inside to fill or to
// interpolate. Rings must already be oriented (checkPolygon does it).
func checkSimple(g orb.Geometry) error {
	switch v := g.(type) {
	case orb.Polygon:
		return topo.Validate(orb.MultiPolygon{v})
	case orb.MultiPolygon:
		return topo.Validate(v)
	}
	return nil
}
