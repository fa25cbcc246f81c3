package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeslice/timeslice/data"
)

func TestServeKioskConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, file string
		want       []string // parts of the error
	}{
		{"bad speed", write("speed.json", `{"speed": "fast"}`), []string{"speed.json", `key "speed"`, `value "fast"`}},
		{"unknown layer", write("layers.json", `{"layers": ["camps", "roads"]}`), []string{`key "layers"`, `"roads" is not a layer`}},
		{"unknown language", write("lang.json", `{"languages": ["km", "de"]}`), []string{`key "languages"`, `"de"`}},
		{"unknown key", write("key.json", `{"speeed": "day"}`), []string{`unknown key "speeed"`}},
		{"window outside the timeline", write("window.json", `{"window": "1975-04-17/1979-01-07"}`), []string{`key "window"`, "1975-04-17"}},
		{"not JSON", write("broken.json", `{"speed": `), []string{"broken.json", "not a JSON object"}},
		{"missing file", filepath.Join(dir, "nope.json"), []string{"--kiosk-config", "nope.json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			// The address is taken: the server must stop before it listens.
			err := run(context.Background(), []string{"serve", "--addr", "256.0.0.1:1", "--kiosk-config", tc.file}, &out, &out)
			var ue usageError
			if !errors.As(err, &ue) {
				t.Fatalf("err = %v, want a usage error", err)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}

	good := write("good.json", `{"speed": "day", "dwell": 10, "languages": ["km", "en"], "alternate": "together",
		"idle": 45, "layers": ["control", "camps", "flows", "events"], "window": "1978-12-20/1979-03-01", "view": "12.3,104.8,7"}`)
	c, err := loadKioskConfig(good, embeddedManifest(t))
	if err != nil {
		t.Fatal(err)
	}
	if p := c.Params(); p["languages"] != "km,en" || p["layers"] != "control,camps,flows,events" || len(p) != 8 {
		t.Errorf("params = %v", p)
	}
	if c, err := loadKioskConfig("", nil); c != nil || err != nil {
		t.Errorf("no file: %v, %v; want nil, nil", c, err)
	}
}

// embeddedManifest is the embedded dataset's manifest.
func embeddedManifest(t *testing.T) *data.Manifest {
	t.Helper()
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return ds.Manifest
}
