package geo

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Datetime is a parsed OGC API `datetime` parameter.
//
// An instant asks for the slice at that instant. An interval asks for the
// keyframes whose validity intersects it. Intervals are kept half-open,
// [Start, End): an explicit end instant b is closed in OGC terms, so End
// is b plus one nanosecond; a bare-date end covers that whole day.
type Datetime struct {
	// Instant is set, and Start/End are zero, when IsInstant is true.
	Instant   time.Time
	IsInstant bool
	// Start and End bound an interval; a zero value is unbounded ("..").
	Start, End time.Time
}

const dateLayout = "2006-01-02"

// ParseDatetime reads an RFC 3339 instant with any offset, a bare date
// (that whole day in zone loc, the dataset's time zone, treated as an
// interval), or an interval "a/b" whose ends may be instants, dates, ".."
// or empty (unbounded).
func ParseDatetime(s string, loc *time.Location) (Datetime, error) {
	if s == "" {
		return Datetime{}, errors.New("empty value: want an RFC 3339 instant, a date or an interval a/b")
	}
	parts := strings.Split(s, "/")
	switch len(parts) {
	case 1:
		if t, err := parseInstant(s); err == nil {
			return Datetime{Instant: t, IsInstant: true}, nil
		}
		day, err := parseDate(s, loc)
		if err != nil {
			return Datetime{}, fmt.Errorf("%q is neither an RFC 3339 instant (2006-01-02T15:04:05Z) nor a date (2006-01-02)", s)
		}
		return Datetime{Start: day, End: day.AddDate(0, 0, 1)}, nil
	case 2:
		start, err := parseEnd(parts[0], false, loc)
		if err != nil {
			return Datetime{}, fmt.Errorf("interval start: %w", err)
		}
		end, err := parseEnd(parts[1], true, loc)
		if err != nil {
			return Datetime{}, fmt.Errorf("interval end: %w", err)
		}
		if !start.IsZero() && !end.IsZero() && !start.Before(end) {
			return Datetime{}, fmt.Errorf("interval %q ends before it starts", s)
		}
		return Datetime{Start: start, End: end}, nil
	}
	return Datetime{}, fmt.Errorf("%q has more than one '/': want an instant or an interval a/b", s)
}

// parseEnd reads one end of an interval. For the end of an interval a
// date means the end of that day and an instant is made exclusive.
func parseEnd(s string, isEnd bool, loc *time.Location) (time.Time, error) {
	if s == "" || s == ".." {
		return time.Time{}, nil
	}
	if t, err := parseInstant(s); err == nil {
		if isEnd {
			return t.Add(time.Nanosecond), nil
		}
		return t, nil
	}
	day, err := parseDate(s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither an RFC 3339 instant, a date nor '..'", s)
	}
	if isEnd {
		return day.AddDate(0, 0, 1), nil
	}
	return day, nil
}

// parseInstant reads an RFC 3339 date-time; RFC 3339 allows a lower-case
// 't' and 'z'.
func parseInstant(s string) (time.Time, error) {
	if len(s) <= len(dateLayout) {
		return time.Time{}, errors.New("not a date-time")
	}
	t, err := time.Parse(time.RFC3339Nano, strings.ToUpper(s))
	if err != nil {
		return time.Time{}, err
	}
	return t, nil
}

// parseDate reads YYYY-MM-DD as midnight at the start of that day in
// zone loc. A trailing "T" is allowed: GDAL's OAPIF driver
// sends "1979-01-07T" for a date in an attribute filter.
func parseDate(s string, loc *time.Location) (time.Time, error) {
	if len(s) == len(dateLayout)+1 && (s[len(s)-1] == 'T' || s[len(s)-1] == 't') {
		s = s[:len(dateLayout)]
	}
	if len(s) != len(dateLayout) {
		return time.Time{}, errors.New("not a date")
	}
	return time.ParseInLocation(dateLayout, s, loc)
}

// String writes the datetime back in canonical OGC form.
func (d Datetime) String() string {
	if d.IsInstant {
		return d.Instant.UTC().Format(time.RFC3339Nano)
	}
	end := func(t time.Time) string {
		if t.IsZero() {
			return ".."
		}
		return t.UTC().Format(time.RFC3339Nano)
	}
	return end(d.Start) + "/" + end(d.End)
}
