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
			got, err := ParseDatetime(tc.in)
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
		d, err := ParseDatetime(s)
		if err != nil {
			return
		}
		if d.IsInstant {
			// An instant survives a round trip through its canonical form.
			back, err := ParseDatetime(d.String())
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
