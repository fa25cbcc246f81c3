package data_test

import (
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeslice/timeslice/data"
)

// TestEngineKnowsNoHistory: outside tests, the engine (geo, api, tiles,
// data/postgis) names no dataset, no time zone of one and none of the
// flagship dataset's layer ids; all of that comes from a manifest.
func TestEngineKnowsNoHistory(t *testing.T) {
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	words := []string{"Cambodia", "Cambodge", "Kampuchea", "Phnom Penh", "UTC+07", "+07:00", "Asia/Phnom_Penh", ds.Manifest.ID}
	for _, id := range ds.Manifest.LayerIDs() {
		words = append(words, `"`+id+`"`, `'`+id+`'`, "/"+id+"/")
	}
	// The /timeline answer has a field named events: a field, not a layer.
	allowed := map[string]bool{`api/timeline.go: "events"`: true, `api/openapi.json: "events"`: true}
	for _, root := range []string{"../geo", "../api", "../tiles", "postgis"} {
		err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && (d.Name() == "testdata" || d.Name() == "basemap" || d.Name() == "pgtest") {
				return filepath.SkipDir // test data, the basemap of the flagship's region, test helpers
			}
			ext := filepath.Ext(path)
			if d.IsDir() || strings.HasSuffix(path, "_test.go") || (ext != ".go" && ext != ".sql" && ext != ".json") {
				return nil
			}
			b, err := os.ReadFile(path)
			if err != nil {
				return err
			}
			name := strings.TrimPrefix(filepath.ToSlash(path), "../")
			if !strings.HasPrefix(name, "geo/") && !strings.HasPrefix(name, "api/") && !strings.HasPrefix(name, "tiles/") {
				name = "data/" + name
			}
			for _, w := range words {
				if strings.Contains(string(b), w) && !allowed[name+": "+w] {
					t.Errorf("%s names %s", name, w)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}
