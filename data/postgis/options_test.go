package postgis

import (
	"testing"
	"time"
)

func TestPGDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
	}{
		{"5000", 5 * time.Second},
		{"250ms", 250 * time.Millisecond},
		{"3s", 3 * time.Second},
		{"2min", 2 * time.Minute},
		{"1h", time.Hour},
		{"0", 0},
		{"soon", 0},
	} {
		if got := pgDuration(tc.in); got != tc.want {
			t.Errorf("pgDuration(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestMigrationFiles(t *testing.T) {
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	if len(ms) == 0 || SchemaVersion() != len(ms) {
		t.Fatalf("%d migrations, schema version %d", len(ms), SchemaVersion())
	}
}
