package main

import (
	"fmt"
	"io/fs"
	"path"

	"github.com/timeslice/timeslice/data"
)

// readManifest reads and checks dataset.json with the engine's own reader
// (data.ParseManifest); dsName names the dataset directory in messages.
func readManifest(dataset fs.FS, dsName string) (*data.Manifest, error) {
	b, err := fs.ReadFile(dataset, "dataset.json")
	if err != nil {
		return nil, fmt.Errorf("read manifest: %w", err)
	}
	return data.ParseManifest(path.Join(dsName, "dataset.json"), b)
}

// bibliographyFile is the name of the built bibliography in the dataset
// directory: the manifest's, or bibliography.json.
func bibliographyFile(m *data.Manifest) string {
	if m.Bibliography == "" {
		return "bibliography.json"
	}
	return m.Bibliography
}
