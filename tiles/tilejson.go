package tiles

import (
	"slices"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/geo"
)

// TileJSON is a TileJSON 3.0.0 document for one layer's vector tiles.
type TileJSON struct {
	TileJSON     string        `json:"tilejson"`
	Name         string        `json:"name,omitempty"`
	Description  string        `json:"description,omitempty"`
	Attribution  string        `json:"attribution,omitempty"`
	Scheme       string        `json:"scheme"`
	Tiles        []string      `json:"tiles"`
	VectorLayers []VectorLayer `json:"vector_layers"`
	MinZoom      int           `json:"minzoom"`
	MaxZoom      int           `json:"maxzoom"`
	Bounds       [4]float64    `json:"bounds"`
	Center       [3]float64    `json:"center"`
}

// VectorLayer describes one layer of the tiles and its fields.
type VectorLayer struct {
	ID          string            `json:"id"`
	Description string            `json:"description,omitempty"`
	MinZoom     int               `json:"minzoom"`
	MaxZoom     int               `json:"maxzoom"`
	Fields      map[string]string `json:"fields"`
}

// NewTileJSON describes the tiles of a layer at tileURL (a template with
// {z}, {x} and {y}), its fields read from the features' flattened
// properties and its bounds from bound.
func NewTileJSON(layer, title, description, tileURL string, bound orb.Bound, fs []geo.Feature) TileJSON {
	fields := map[string]string{}
	for i := range fs {
		for k, v := range Properties(&fs[i]) {
			if _, seen := fields[k]; seen {
				continue
			}
			switch v.(type) {
			case float64:
				fields[k] = "Number"
			case bool:
				fields[k] = "Boolean"
			default:
				fields[k] = "String"
			}
		}
	}
	b := [4]float64{bound.Min[0], bound.Min[1], bound.Max[0], bound.Max[1]}
	if len(fs) == 0 {
		b = [4]float64{-180, -85.0511, 180, 85.0511}
	}
	c := bound.Center()
	return TileJSON{
		TileJSON: "3.0.0", Name: title, Description: description, Scheme: "xyz",
		Tiles:        []string{tileURL},
		VectorLayers: []VectorLayer{{ID: layer, Description: description, MinZoom: 0, MaxZoom: MaxZoom, Fields: fields}},
		MinZoom:      0, MaxZoom: MaxZoom,
		Bounds: b, Center: [3]float64{c[0], c[1], 6},
	}
}

// FieldNames returns the sorted field names of a TileJSON's first layer.
func (t TileJSON) FieldNames() []string {
	if len(t.VectorLayers) == 0 {
		return nil
	}
	var names []string
	for k := range t.VectorLayers[0].Fields {
		names = append(names, k)
	}
	slices.Sort(names)
	return names
}
