package geo

import (
	"fmt"
	"time"

	"github.com/paulmach/orb"
)

// Interp says how a track moves between two of its keyframes.
type Interp uint8

const (
	// Step keeps a keyframe's state until the next keyframe starts.
	Step Interp = iota
	// Linear moves geometry and numeric properties linearly in time
	// towards the next keyframe of the track.
	Linear
)

// String returns the dataset spelling: "step" or "linear".
func (i Interp) String() string {
	if i == Linear {
		return "linear"
	}
	return "step"
}

// ParseInterp reads "step", "linear" or "" (which means step).
func ParseInterp(s string) (Interp, error) {
	switch s {
	case "", "step":
		return Step, nil
	case "linear":
		return Linear, nil
	}
	return Step, fmt.Errorf("interpolate %q: want \"step\" or \"linear\"", s)
}

// Feature is one keyframe: a geometry and properties valid over [From, To).
type Feature struct {
	Layer string
	ID    string
	// Track groups successive keyframes of one changing thing; "" for none.
	Track string
	From  time.Time
	// To is the exclusive end of validity; the zero time means open-ended.
	To       time.Time
	Interp   Interp
	Geometry orb.Geometry
	// Bound is the bounding box of Geometry.
	Bound orb.Bound
	// Props holds every property other than the time-model ones
	// (valid_from, valid_to, track, interpolate): name, sources,
	// certainty, note and the layer's own.
	Props map[string]any
	// Seq is the feature's position in the dataset as it was read;
	// results are returned in this order.
	Seq int
}

// OpenEnded reports whether the feature has no end of validity.
func (f *Feature) OpenEnded() bool { return f.To.IsZero() }

// ValidAt reports whether t lies in [From, To).
func (f *Feature) ValidAt(t time.Time) bool {
	return !t.Before(f.From) && (f.OpenEnded() || t.Before(f.To))
}

// Overlaps reports whether the feature's validity intersects the
// half-open span [start, end). A zero start or end is unbounded.
func (f *Feature) Overlaps(start, end time.Time) bool {
	if !end.IsZero() && !f.From.Before(end) {
		return false
	}
	if !start.IsZero() && !f.OpenEnded() && !f.To.After(start) {
		return false
	}
	return true
}

// Span returns the validity as Unix nanoseconds [from, to), with an
// open end as math.MaxInt64.
func (f *Feature) Span() (from, to int64) {
	from = Nanos(f.From)
	if f.OpenEnded() {
		return from, maxInt64
	}
	return from, Nanos(f.To)
}

const (
	maxInt64 = 1<<63 - 1
	minInt64 = -1 << 63
)

var (
	minNanos = time.Unix(0, minInt64)
	maxNanos = time.Unix(0, maxInt64)
)

// Nanos returns t as Unix nanoseconds, saturated to the int64 range
// (years 1678 to 2262) instead of overflowing. math.MaxInt64 is kept for
// the open end of a Span: every instant, however late, comes before it.
func Nanos(t time.Time) int64 {
	switch {
	case t.Before(minNanos):
		return minInt64
	case !t.Before(maxNanos):
		return maxInt64 - 1
	}
	return t.UnixNano()
}

// QuerySpan returns the interval [start, end) as Unix nanoseconds for a
// search of Spans, a zero time meaning unbounded. An end at or after the
// last representable instant (2262-04-11) maps to the open end, so that
// an interval lying wholly after it still meets the open-ended features
// (both its ends would otherwise saturate to the same value: an empty
// interval).
func QuerySpan(start, end time.Time) (a, b int64) {
	a, b = minInt64, maxInt64
	if !start.IsZero() {
		a = Nanos(start)
	}
	if !end.IsZero() && end.Before(maxNanos) {
		b = Nanos(end)
	}
	return a, b
}

// Properties returns the feature's GeoJSON properties: Props with the
// time model added (valid_from, valid_to, track, interpolate; an open end
// and a missing track are nil). Props is not changed.
func (f *Feature) Properties() map[string]any {
	props := make(map[string]any, len(f.Props)+4)
	for k, v := range f.Props {
		props[k] = v
	}
	props["valid_from"] = FormatTime(f.From)
	props["valid_to"] = nil
	if !f.OpenEnded() {
		props["valid_to"] = FormatTime(f.To)
	}
	props["track"] = nil
	if f.Track != "" {
		props["track"] = f.Track
	}
	props["interpolate"] = f.Interp.String()
	return props
}

// FormatTime writes an instant the way the dataset does: RFC 3339 in the
// zone t carries. Stores hand out instants in their dataset's time zone
// (data.Manifest.Location), so answers are written in it.
func FormatTime(t time.Time) string {
	return t.Format(time.RFC3339)
}
