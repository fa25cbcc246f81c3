package api

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/geo"
)

// This file writes GeoJSON features straight into a byte slice. It
// writes exactly what encoding/json writes for the same values (keys
// sorted, the same float and string forms), several times faster: slices
// of a thousand features are the server's hot path.

// appendFeature writes one feature, with links when given.
func appendFeature(b []byte, f *geo.Feature, links []link) ([]byte, error) {
	b = append(b, `{"type":"Feature","id":`...)
	b = appendString(b, f.ID)
	b = append(b, `,"geometry":`...)
	var err error
	if b, err = appendGeometry(b, f.Geometry); err != nil {
		return nil, fmt.Errorf("feature %s: %w", f.ID, err)
	}
	b = append(b, `,"properties":`...)
	if b, err = appendProps(b, f); err != nil {
		return nil, fmt.Errorf("feature %s: %w", f.ID, err)
	}
	if len(links) > 0 {
		lb, err := json.Marshal(links)
		if err != nil {
			return nil, err
		}
		b = append(b, `,"links":`...)
		b = append(b, lb...)
	}
	return append(b, '}'), nil
}

// appendFeatures writes a JSON array of features.
func appendFeatures(b []byte, fs []geo.Feature) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendFeature(b, &fs[i], nil); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// appendProps writes the properties object: Props plus the time model.
func appendProps(b []byte, f *geo.Feature) ([]byte, error) {
	keys := make([]string, 0, len(f.Props)+4)
	for k := range f.Props {
		switch k {
		case "valid_from", "valid_to", "track", "interpolate":
		default:
			keys = append(keys, k)
		}
	}
	keys = append(keys, "valid_from", "valid_to", "track", "interpolate")
	slices.Sort(keys)
	b = append(b, '{')
	for i, k := range keys {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendString(b, k)
		b = append(b, ':')
		switch k {
		case "valid_from":
			b = appendString(b, geo.FormatTime(f.From))
		case "valid_to":
			if f.OpenEnded() {
				b = append(b, "null"...)
			} else {
				b = appendString(b, geo.FormatTime(f.To))
			}
		case "track":
			if f.Track == "" {
				b = append(b, "null"...)
			} else {
				b = appendString(b, f.Track)
			}
		case "interpolate":
			b = appendString(b, f.Interp.String())
		default:
			var err error
			if b, err = appendValue(b, f.Props[k]); err != nil {
				return nil, fmt.Errorf("property %s: %w", k, err)
			}
		}
	}
	return append(b, '}'), nil
}

// appendValue writes a property value; common types directly, others
// through encoding/json.
func appendValue(b []byte, v any) ([]byte, error) {
	switch x := v.(type) {
	case nil:
		return append(b, "null"...), nil
	case string:
		return appendString(b, x), nil
	case float64:
		return appendFloat(b, x)
	case bool:
		return strconv.AppendBool(b, x), nil
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		b = append(b, '{')
		var err error
		for i, k := range keys {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(appendString(b, k), ':')
			if b, err = appendValue(b, x[k]); err != nil {
				return nil, err
			}
		}
		return append(b, '}'), nil
	case []any:
		b = append(b, '[')
		var err error
		for i, e := range x {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendValue(b, e); err != nil {
				return nil, err
			}
		}
		return append(b, ']'), nil
	}
	vb, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return append(b, vb...), nil
}

// appendString writes s as encoding/json does (HTML-safe escaping).
// Strings with nothing to escape, Khmer names among them, are copied as
// they are; the rest go through encoding/json.
func appendString(b []byte, s string) []byte {
	plain := true
	for i := 0; i < len(s) && plain; i++ {
		c := s[i]
		plain = c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	// encoding/json also escapes U+2028 and U+2029 and replaces invalid UTF-8.
	if !plain || !utf8.ValidString(s) || strings.ContainsAny(s, "\u2028\u2029") {
		vb, _ := json.Marshal(s)
		return append(b, vb...)
	}
	b = append(b, '"')
	b = append(b, s...)
	return append(b, '"')
}

// appendFloat writes f as encoding/json does.
func appendFloat(b []byte, f float64) ([]byte, error) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return nil, fmt.Errorf("unsupported value: %v", f)
	}
	abs := math.Abs(f)
	if abs >= 1e-6 && abs < 1e9 {
		// Fast path for the dataset's numbers: coordinates and figures
		// with at most six decimals. When n/1e6 == f, the decimal n×10⁻⁶
		// is the one that reads back as f, and no shorter decimal does
		// (two decimals of six places differ by 1e-6, far more than the
		// spacing of floats below 1e9), so it is the shortest form that
		// strconv, and so encoding/json, would write.
		if n := math.Round(f * 1e6); n/1e6 == f {
			return appendMicros(b, int64(n)), nil
		}
	}
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(b, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9, as encoding/json does
		n := len(b)
		if n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, nil
}

// appendMicros writes n×10⁻⁶ in decimal, without trailing zeros.
func appendMicros(b []byte, n int64) []byte {
	if n < 0 {
		b = append(b, '-')
		n = -n
	}
	b = strconv.AppendInt(b, n/1e6, 10)
	frac := n % 1e6
	if frac == 0 {
		return b
	}
	var d [7]byte
	d[0] = '.'
	for i := 6; i >= 1; i-- {
		d[i] = byte('0' + frac%10)
		frac /= 10
	}
	end := 7
	for d[end-1] == '0' {
		end--
	}
	return append(b, d[:end]...)
}

func appendPoint(b []byte, p orb.Point) ([]byte, error) {
	b = append(b, '[')
	b, err := appendFloat(b, p[0])
	if err != nil {
		return nil, err
	}
	b = append(b, ',')
	if b, err = appendFloat(b, p[1]); err != nil {
		return nil, err
	}
	return append(b, ']'), nil
}

func appendPoints(b []byte, ps []orb.Point) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, p := range ps {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendPoint(b, p); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

func appendRings(b []byte, rs []orb.Ring) ([]byte, error) {
	b = append(b, '[')
	var err error
	for i, r := range rs {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendPoints(b, r); err != nil {
			return nil, err
		}
	}
	return append(b, ']'), nil
}

// appendGeometry writes a GeoJSON geometry object.
func appendGeometry(b []byte, g orb.Geometry) ([]byte, error) {
	if g == nil {
		return append(b, "null"...), nil
	}
	b = append(b, `{"type":"`...)
	b = append(b, g.GeoJSONType()...)
	b = append(b, `","coordinates":`...)
	var err error
	switch v := g.(type) {
	case orb.Point:
		b, err = appendPoint(b, v)
	case orb.MultiPoint:
		b, err = appendPoints(b, v)
	case orb.LineString:
		b, err = appendPoints(b, v)
	case orb.MultiLineString:
		b = append(b, '[')
		for i, l := range v {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendPoints(b, l); err != nil {
				return nil, err
			}
		}
		b = append(b, ']')
	case orb.Polygon:
		b, err = appendRings(b, v)
	case orb.MultiPolygon:
		b = append(b, '[')
		for i, p := range v {
			if i > 0 {
				b = append(b, ',')
			}
			if b, err = appendRings(b, p); err != nil {
				return nil, err
			}
		}
		b = append(b, ']')
	default:
		return nil, fmt.Errorf("geometry %s cannot be written", g.GeoJSONType())
	}
	if err != nil {
		return nil, err
	}
	return append(b, '}'), nil
}
