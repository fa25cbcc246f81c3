package data_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
)

// TestWatch edits a copy of the second dataset while it is watched: a
// valid edit yields the new dataset, an invalid one its problems, and a
// fix the dataset again.
func TestWatch(t *testing.T) {
	dir := t.TempDir()
	for name, f := range secondFS(t, nil) {
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	type change struct {
		ds  *data.Dataset
		err error
	}
	changes := make(chan change)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	w := data.NewWatcher(dir)
	go w.Watch(ctx, 10*time.Millisecond, func(ds *data.Dataset, err error) {
		select {
		case changes <- change{ds, err}:
		case <-ctx.Done():
		}
	})
	manifest := filepath.Join(dir, "dataset.json")
	orig, err := os.ReadFile(manifest)
	if err != nil {
		t.Fatal(err)
	}
	// edit writes the manifest and waits for the change it makes; a
	// read of the file half-written (rare: Watch waits for it to settle)
	// is skipped.
	edit := func(b []byte) change {
		t.Helper()
		if err := os.WriteFile(manifest, b, 0o644); err != nil {
			t.Fatal(err)
		}
		for {
			c := <-changes
			if c.err == nil || !strings.Contains(c.err.Error(), "not JSON") {
				return c
			}
		}
	}
	c := edit([]byte(strings.Replace(string(orig), `"Routes"`, `"Chemins"`, 1)))
	if c.err != nil {
		t.Fatalf("valid edit: %v", c.err)
	}
	if l, _ := c.ds.Manifest.Layer("routes"); l.Title["fr"] != "Chemins" {
		t.Errorf("edited title = %q", l.Title["fr"])
	}
	c = edit([]byte(strings.Replace(string(orig), `"Europe/Paris"`, `"Europe/Nowhere"`, 1)))
	var ps data.Problems
	if !errors.As(c.err, &ps) || !strings.Contains(ps.Error(), "dataset.json: time_zone") {
		t.Errorf("invalid edit: %v, want a time_zone problem", c.err)
	}
	c = edit(orig)
	if c.err != nil || c.ds.Manifest.TimeZone != "Europe/Paris" {
		t.Errorf("fixed edit: %v", c.err)
	}
}
