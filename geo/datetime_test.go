package geo

import (
	"strings"
	"testing"
	"time"
)

func ict(s string) time.Time {
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return t
}

// plus7 is the zone of the test dates; bare dates are days in it.
var plus7 = time.FixedZone("", 7*3600)

func TestParseDatetime(t *testing.T) {
	noon := ict("1979-01-07T12:00:00+07:00")
	day := ict("1979-01-07T00:00:00+07:00")
	next := ict("1979-01-08T00:00:00+07:00")
	tests := []struct {
		in      string
		want    Datetime
		wantErr string
	}{
		{in: "1979-01-07T12:00:00+07:00", want: Datetime{Instant: noon, IsInstant: true}},
		{in: "1979-01-07T05:00:00Z", want: Datetime{Instant: noon, IsInstant: true}},
		{in: "1979-01-07t05:00:00z", want: Datetime{Instant: noon, IsInstant: true}},
		{in: "1979-01-07T06:30:00+01:30", want: Datetime{Instant: noon, IsInstant: true}},
		{in: "1979-01-07T05:00:00.000000001Z", want: Datetime{Instant: noon.Add(1), IsInstant: true}},
		{in: "1979-01-07", want: Datetime{Start: day, End: next}},
		{in: "1979-01-07/1979-01-07", want: Datetime{Start: day, End: next}},
		{in: "1979-01-07T/..", want: Datetime{Start: day}}, // as GDAL sends a date
		{in: "1979-01-07T12:00:00+07:00/1979-01-08", want: Datetime{Start: noon, End: ict("1979-01-09T00:00:00+07:00")}},
		{in: "../1979-01-07T12:00:00+07:00", want: Datetime{End: noon.Add(1)}},
		{in: "/1979-01-07T12:00:00+07:00", want: Datetime{End: noon.Add(1)}},
		{in: "1979-01-07T12:00:00+07:00/..", want: Datetime{Start: noon}},
		{in: "1979-01-07T12:00:00+07:00/", want: Datetime{Start: noon}},
		{in: "../..", want: Datetime{}},
		{in: "1979-01-07T12:00:00+07:00/1979-01-07T12:00:00+07:00", want: Datetime{Start: noon, End: noon.Add(1)}},
		{in: "", wantErr: "empty"},
		{in: "yesterday", wantErr: "neither"},
		{in: "1979-13-01", wantErr: "neither"},
		{in: "1979-01-07T12:00:00", wantErr: "neither"},
		{in: "1979-01-07 12:00:00+07:00", wantErr: "neither"},
		{in: "1979-01-08/1979-01-07", wantErr: "ends before"},
		{in: "a/b/c", wantErr: "more than one"},
		{in: "1979-01-07/x", wantErr: "interval end"},
		{in: "x/..", wantErr: "interval start"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := ParseDatetime(tc.in, plus7)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("ParseDatetime(%q) error = %v, want one containing %q", tc.in, err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseDatetime(%q): %v", tc.in, err)
			}
			if got.IsInstant != tc.want.IsInstant || !got.Instant.Equal(tc.want.Instant) ||
				!got.Start.Equal(tc.want.Start) || !got.End.Equal(tc.want.End) {
				t.Errorf("ParseDatetime(%q) = %v, want %v", tc.in, got, tc.want)
			}
		})
	}
}

func FuzzParseDatetime(f *testing.F) {
	for _, s := range []string{"1979-01-07T12:00:00+07:00", "1979-01-07", "../1979-01-07", "1979-01-07/..", "/", "1979-01-07T05:00:00.5Z/1980-01-01"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDatetime(s, plus7)
		if err != nil {
			return
		}
		if d.IsInstant {
			// An instant survives a round trip through its canonical form.
			back, err := ParseDatetime(d.String(), plus7)
			if err != nil || !back.IsInstant || !back.Instant.Equal(d.Instant) {
				t.Fatalf("%q: round trip of %v gave %v, %v", s, d, back, err)
			}
			return
		}
		if !d.Start.IsZero() && !d.End.IsZero() && !d.Start.Before(d.End) {
			t.Fatalf("%q: empty interval %v accepted", s, d)
		}
	})
}

// TestParseDatetimeZone: a bare date is a day in the zone given, not a
// fixed one; a zone with daylight saving time has 23- and 25-hour days.
func TestParseDatetimeZone(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skipf("no time zone database: %v", err)
	}
	tests := []struct {
		zone       *time.Location
		in         string
		start, end string
	}{
		{time.FixedZone("", -5*3600), "1863-07-01", "1863-07-01T05:00:00Z", "1863-07-02T05:00:00Z"},
		{paris, "1944-06-06", "1944-06-05T22:00:00Z", "1944-06-06T22:00:00Z"},
		{paris, "2021-03-28", "2021-03-27T23:00:00Z", "2021-03-28T22:00:00Z"},
	}
	for _, tc := range tests {
		d, err := ParseDatetime(tc.in, tc.zone)
		if err != nil {
			t.Fatalf("ParseDatetime(%q): %v", tc.in, err)
		}
		if got := d.Start.UTC().Format(time.RFC3339); got != tc.start {
			t.Errorf("ParseDatetime(%q, %s) starts %s, want %s", tc.in, tc.zone, got, tc.start)
		}
		if got := d.End.UTC().Format(time.RFC3339); got != tc.end {
			t.Errorf("ParseDatetime(%q, %s) ends %s, want %s", tc.in, tc.zone, got, tc.end)
		}
	}
}
