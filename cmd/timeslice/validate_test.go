package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestMessagesKeepPaths: validate and load name files as given, an
// absolute path with its leading /.
func TestMessagesKeepPaths(t *testing.T) {
	dir := t.TempDir() // absolute
	bad := filepath.Join(dir, "places.geojson")
	if err := os.WriteFile(bad, []byte(`{"type":"FeatureCollection","features":[{"type":"Feature","id":"a","geometry":null,"properties":{}}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	missing := filepath.Join(dir, "zones.geojson")
	for _, args := range [][]string{
		{"validate", bad},
		{"validate", missing},
		{"load", "--db", "postgres://nobody@127.0.0.1:1/none?connect_timeout=1", bad},
		{"load", "--db", "postgres://nobody@127.0.0.1:1/none?connect_timeout=1", missing},
	} {
		var out syncBuffer
		err := run(context.Background(), args, &out, &out)
		text := out.String()
		if err != nil {
			text += err.Error()
		}
		want := args[len(args)-1] + ":"
		if !strings.Contains(text, want) || strings.Contains(text, " "+want[1:]) {
			t.Errorf("%v: output does not name %s as given:\n%s", args[:1], want, text)
		}
	}
}
