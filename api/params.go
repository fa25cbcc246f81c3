package api

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

const (
	defaultLimit = 100
	maxLimit     = 10000
)

// checkParams rejects parameters the endpoint does not know and
// parameters given more than once. f may be json (or geojson where the
// answer is GeoJSON): the API has no other encodings.
func checkParams(q url.Values, allowed ...string) *apiError {
	allowed = append(allowed, "f")
	var names []string
	for name := range q {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		if !slices.Contains(allowed, name) {
			return badParam(name, "unknown parameter; this endpoint takes %s", strings.Join(allowed, ", "))
		}
		if len(q[name]) > 1 {
			return badParam(name, "given %d times; give it once", len(q[name]))
		}
	}
	if f, ok := q["f"]; ok && f[0] != "json" && f[0] != "geojson" && f[0] != "html" {
		return badParam("f", "%q is not an encoding this API has: use json", f[0])
	}
	return nil
}

// itemsQuery reads datetime, bbox, limit and offset; a bare date in
// datetime is a day in zone loc (the dataset's).
func itemsQuery(q url.Values, loc *time.Location) (data.Query, *apiError) {
	if err := checkParams(q, "datetime", "bbox", "limit", "offset"); err != nil {
		return data.Query{}, err
	}
	out := data.Query{Limit: defaultLimit}
	if v, ok := q["datetime"]; ok {
		d, err := geo.ParseDatetime(v[0], loc)
		if err != nil {
			return out, badParam("datetime", "%v", err)
		}
		out.Datetime = &d
	}
	if v, ok := q["bbox"]; ok {
		b, err := geo.ParseBBox(v[0])
		if err != nil {
			return out, badParam("bbox", "%v", err)
		}
		out.BBox = &b
	}
	if v, ok := q["limit"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 1 {
			return out, badParam("limit", "%q is not a whole number from 1 to %d", v[0], maxLimit)
		}
		out.Limit = min(n, maxLimit) // OGC: a larger limit is not an error
	}
	if v, ok := q["offset"]; ok {
		n, err := strconv.Atoi(v[0])
		if err != nil || n < 0 {
			return out, badParam("offset", "%q is not a whole number of at least 0", v[0])
		}
		out.Offset = n
	}
	return out, nil
}
