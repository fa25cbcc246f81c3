package main

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/timeslice/timeslice/data/postgis/pgtest"
)

// TestLoadDirectory loads a dataset directory into PostGIS, refuses to
// load another dataset over it without --replace, and replaces it with.
func TestLoadDirectory(t *testing.T) {
	c := pgtest.New(t)
	ctx := context.Background()
	load := func(args ...string) (string, error) {
		var out bytes.Buffer
		err := run(ctx, append([]string{"load", "--db", c.DSN, "--quiet"}, args...), &out, &out)
		return out.String(), err
	}
	out, err := load(secondDir)
	if err != nil {
		t.Fatalf("load %s: %v\n%s", secondDir, err, out)
	}
	if !strings.Contains(out, "loaded 13 features into secteurs, routes, depots, jalons: 13 written") {
		t.Errorf("load output:\n%s", out)
	}
	out, err = load() // the embedded dataset, another id
	if err == nil || !strings.Contains(err.Error(), `the database holds dataset "second-synthetic"`) {
		t.Errorf("loading another dataset without --replace: %v\n%s", err, out)
	}
	out, err = load("--replace")
	if err != nil || !strings.Contains(out, "13 deleted") {
		t.Errorf("load --replace: %v\n%s", err, out)
	}
	broken := copyDir(t, secondDir)
	editFile(t, broken+"/dataset.json", `"Europe/Paris"`, `"Europe/Nowhere"`)
	out, err = load(broken)
	if exitCode(err) != 1 || !strings.Contains(out, broken+`/dataset.json: time_zone: "Europe/Nowhere"`) ||
		!strings.Contains(out, "nothing was written") {
		t.Errorf("loading a broken directory: %v\n%s", err, out)
	}
}
