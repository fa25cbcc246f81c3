package postgis

import (
	"database/sql"
	"encoding/json"
	"fmt"
	"time"

	"github.com/timeslice/timeslice/geo"
)

// featureCols are the columns a keyframe is read from, for table alias a.
func featureCols(a string) string {
	return a + ".id, " + a + ".seq, " + a + ".track, lower(" + a + ".validity), upper(" + a + ".validity), " +
		a + ".interpolation, " + a + ".props, " + a + ".geom"
}

// featureRow receives featureCols; every field is nullable so that the
// same type reads a LEFT JOINed successor.
type featureRow struct {
	id, track, interp sql.NullString
	seq               sql.NullInt64
	from, to          sql.NullTime
	props, geom       []byte
}

func (r *featureRow) dest() []any {
	return []any{&r.id, &r.seq, &r.track, &r.from, &r.to, &r.interp, &r.props, &r.geom}
}

// present reports whether the row holds a keyframe (not a NULL join).
func (r *featureRow) present() bool { return r.id.Valid }

// feature builds the keyframe of layer that the row holds, its instants
// in zone loc (the dataset's).
func (r *featureRow) feature(layer string, loc *time.Location) (geo.Feature, error) {
	f := geo.Feature{Layer: layer, ID: r.id.String, Track: r.track.String, Seq: int(r.seq.Int64)}
	f.From = r.from.Time.In(loc)
	if r.to.Valid {
		f.To = r.to.Time.In(loc)
	}
	var err error
	if f.Interp, err = geo.ParseInterp(r.interp.String); err != nil {
		return f, fmt.Errorf("feature %s/%s: %w", layer, f.ID, err)
	}
	if err := json.Unmarshal(r.props, &f.Props); err != nil {
		return f, fmt.Errorf("feature %s/%s: properties: %w", layer, f.ID, err)
	}
	if f.Props == nil {
		f.Props = map[string]any{}
	}
	if f.Geometry, err = decodeEWKB(r.geom); err != nil {
		return f, fmt.Errorf("feature %s/%s: geometry: %w", layer, f.ID, err)
	}
	f.Bound = f.Geometry.Bound()
	return f, nil
}

// floorMicro and ceilMicro move t onto PostgreSQL's microsecond grid.
// Stored instants are on it, so for a stored instant s: s <= t iff
// s <= floorMicro(t), and s < t iff s < ceilMicro(t). They return UTC:
// Go and RFC 3339 take offsets up to ±23:59, PostgreSQL only up to
// ±15:59 (SQLSTATE 22009), and the instant is the same.
func floorMicro(t time.Time) time.Time { return t.Truncate(time.Microsecond).UTC() }

func ceilMicro(t time.Time) time.Time {
	if f := t.Truncate(time.Microsecond); f.Before(t) {
		return f.Add(time.Microsecond).UTC()
	}
	return t.UTC()
}
