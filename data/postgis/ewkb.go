package postgis

import (
	"encoding/binary"
	"encoding/hex"
	"fmt"

	"github.com/paulmach/orb"
	"github.com/twpayne/go-geom"
	"github.com/twpayne/go-geom/encoding/ewkb"
)

// srid is WGS 84 longitude/latitude, the only reference system stored.
const srid = 4326

// encodeEWKB returns g as hex EWKB with SRID 4326, the text form PostGIS
// reads for a geometry column (and in COPY).
func encodeEWKB(g orb.Geometry) (string, error) {
	t, err := toGeom(g)
	if err != nil {
		return "", err
	}
	b, err := ewkb.Marshal(t, binary.LittleEndian)
	if err != nil {
		return "", fmt.Errorf("encode %s as EWKB: %w", g.GeoJSONType(), err)
	}
	return hex.EncodeToString(b), nil
}

// decodeEWKB reads a geometry column as PostGIS writes it (hex EWKB text)
// or as bytea.
func decodeEWKB(src []byte) (orb.Geometry, error) {
	raw := src
	if len(src) > 0 && (src[0] == '0') { // hex text: EWKB starts with 00 or 01
		raw = make([]byte, hex.DecodedLen(len(src)))
		if _, err := hex.Decode(raw, src); err != nil {
			return nil, fmt.Errorf("decode hex EWKB: %w", err)
		}
	}
	t, err := ewkb.Unmarshal(raw)
	if err != nil {
		return nil, fmt.Errorf("decode EWKB: %w", err)
	}
	return fromGeom(t)
}

func coords(ps []orb.Point) []geom.Coord {
	out := make([]geom.Coord, len(ps))
	for i, p := range ps {
		out[i] = geom.Coord{p[0], p[1]}
	}
	return out
}

func rings(p orb.Polygon) [][]geom.Coord {
	out := make([][]geom.Coord, len(p))
	for i, r := range p {
		out[i] = coords(r)
	}
	return out
}

// toGeom converts an orb geometry to go-geom with SRID 4326.
func toGeom(g orb.Geometry) (geom.T, error) {
	switch v := g.(type) {
	case orb.Point:
		return geom.NewPointFlat(geom.XY, []float64{v[0], v[1]}).SetSRID(srid), nil
	case orb.MultiPoint:
		flat := make([]float64, 0, 2*len(v))
		for _, p := range v {
			flat = append(flat, p[0], p[1])
		}
		return geom.NewMultiPointFlat(geom.XY, flat).SetSRID(srid), nil
	case orb.LineString:
		return geom.NewLineString(geom.XY).MustSetCoords(coords(v)).SetSRID(srid), nil
	case orb.MultiLineString:
		cs := make([][]geom.Coord, len(v))
		for i, l := range v {
			cs[i] = coords(l)
		}
		return geom.NewMultiLineString(geom.XY).MustSetCoords(cs).SetSRID(srid), nil
	case orb.Polygon:
		return geom.NewPolygon(geom.XY).MustSetCoords(rings(v)).SetSRID(srid), nil
	case orb.MultiPolygon:
		cs := make([][][]geom.Coord, len(v))
		for i, p := range v {
			cs[i] = rings(p)
		}
		return geom.NewMultiPolygon(geom.XY).MustSetCoords(cs).SetSRID(srid), nil
	}
	return nil, fmt.Errorf("geometry %s cannot be stored", g.GeoJSONType())
}

// points reads a flat XY coordinate slice (any layout: extra ordinates
// are dropped, as GeoJSON reading drops them).
func points(flat []float64, stride int) []orb.Point {
	out := make([]orb.Point, len(flat)/stride)
	for i := range out {
		out[i] = orb.Point{flat[i*stride], flat[i*stride+1]}
	}
	return out
}

func fromPolygon(p *geom.Polygon) orb.Polygon {
	out := make(orb.Polygon, p.NumLinearRings())
	flat, stride, start := p.FlatCoords(), p.Stride(), 0
	for i, end := range p.Ends() {
		out[i] = orb.Ring(points(flat[start:end], stride))
		start = end
	}
	return out
}

// fromGeom converts a go-geom geometry to orb.
func fromGeom(t geom.T) (orb.Geometry, error) {
	switch v := t.(type) {
	case *geom.Point:
		return orb.Point{v.X(), v.Y()}, nil
	case *geom.MultiPoint:
		return orb.MultiPoint(points(v.FlatCoords(), v.Stride())), nil
	case *geom.LineString:
		return orb.LineString(points(v.FlatCoords(), v.Stride())), nil
	case *geom.MultiLineString:
		out := make(orb.MultiLineString, v.NumLineStrings())
		flat, stride, start := v.FlatCoords(), v.Stride(), 0
		for i, end := range v.Ends() {
			out[i] = orb.LineString(points(flat[start:end], stride))
			start = end
		}
		return out, nil
	case *geom.Polygon:
		return fromPolygon(v), nil
	case *geom.MultiPolygon:
		out := make(orb.MultiPolygon, v.NumPolygons())
		for i := range out {
			out[i] = fromPolygon(v.Polygon(i))
		}
		return out, nil
	}
	return nil, fmt.Errorf("stored geometry %T is not supported", t)
}
