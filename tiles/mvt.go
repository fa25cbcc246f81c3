package tiles

import (
	"encoding/json"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/maptile"
	"github.com/paulmach/orb/simplify"

	"github.com/timeslice/timeslice/geo"
)

// Extent is the tile grid size in MVT units.
const Extent = mvt.DefaultExtent

// buffer is how far past the tile edge geometry is kept, in MVT units,
// so that lines and fills join cleanly across tiles.
const buffer = Extent / 16

// clipBound is the tile plus its buffer, in MVT units.
var clipBound = orb.Bound{Min: orb.Point{-buffer, -buffer}, Max: orb.Point{Extent + buffer, Extent + buffer}}

// MaxZoom is the deepest zoom tiles are cut at.
const MaxZoom = 16

// Bound returns the longitude/latitude bound a tile's features must meet,
// its buffer included.
func Bound(t maptile.Tile) orb.Bound {
	return t.Bound(float64(buffer) / float64(Extent))
}

// Encode returns the vector tile of one layer's features in tile t:
// projected, clipped to the tile and its buffer, simplified to
// one MVT unit, with properties flattened (see Properties).
// The features are not changed. A tile with nothing in it is nil.
func Encode(layer string, fs []geo.Feature, t maptile.Tile) ([]byte, error) {
	fc := geojson.NewFeatureCollection()
	for i := range fs {
		f := &fs[i]
		gf := geojson.NewFeature(orb.Clone(f.Geometry)) // projection works in place
		gf.ID = f.ID
		gf.Properties = Properties(f)
		fc.Append(gf)
	}
	l := mvt.NewLayer(layer, fc)
	l.Version = 2
	l.Extent = Extent
	l.ProjectToTile(t)
	cut(l)
	if len(l.Features) == 0 {
		return nil, nil
	}
	b, err := mvt.Marshal(mvt.Layers{l})
	if err != nil {
		return nil, fmt.Errorf("encode tile %d/%d/%d of %s: %w", t.Z, t.X, t.Y, layer, err)
	}
	return b, nil
}

// cut clips a layer projected to its tile to the tile and its buffer,
// simplifies it to one MVT unit and removes what clipping leaves that the
// source has not (see cleanGeometry), then the features left empty.
func cut(l *mvt.Layer) {
	l.Clip(clipBound)
	l.Simplify(simplifier())
	for _, f := range l.Features {
		f.Geometry = cleanGeometry(f.Geometry)
	}
	l.RemoveEmpty(1, 1)
}

// simplifier simplifies to one MVT unit.
func simplifier() orb.Simplifier { return simplify.DouglasPeucker(1) }

// Properties flattens a feature's properties into what a vector tile can
// hold: strings, numbers and booleans. The feature id becomes "id"; the
// time model is kept (valid_from, valid_to, track, interpolate); "name"
// becomes "name" (English) plus "name_km", "name_fr", "name_vi"; any
// other object or list (sources, captions) becomes its JSON text.
func Properties(f *geo.Feature) geojson.Properties {
	p := geojson.Properties{
		"id":          f.ID,
		"valid_from":  geo.FormatTime(f.From),
		"interpolate": f.Interp.String(),
	}
	if !f.OpenEnded() {
		p["valid_to"] = geo.FormatTime(f.To)
	}
	if f.Track != "" {
		p["track"] = f.Track
	}
	for k, v := range f.Props {
		switch x := v.(type) {
		case nil:
		case string, float64, bool:
			p[k] = x
		case map[string]any:
			if k == "name" {
				for lang, n := range x {
					if s, ok := n.(string); ok {
						if lang == "en" {
							p["name"] = s
						} else {
							p["name_"+lang] = s
						}
					}
				}
				continue
			}
			p[k] = jsonText(x)
		default:
			p[k] = jsonText(x)
		}
	}
	return p
}

func jsonText(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	return string(b)
}
