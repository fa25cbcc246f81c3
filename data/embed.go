package data

import (
	"embed"
	"fmt"
	"io/fs"
)

// dataset is the Cambodia 1978–1980 dataset, one file per layer.
//
//go:embed dataset/*.geojson dataset/dataset.json
var dataset embed.FS

// EmbeddedFS returns the embedded dataset files (<layer>.geojson at the root).
func EmbeddedFS() fs.FS {
	sub, err := fs.Sub(dataset, "dataset")
	if err != nil {
		panic(err) // "dataset" is a valid path: cannot happen
	}
	return sub
}

// Embedded reads and validates the embedded dataset.
func Embedded() (*Dataset, error) {
	ds, err := ReadFS(EmbeddedFS())
	if err != nil {
		return nil, fmt.Errorf("embedded dataset: %w", err)
	}
	return ds, nil
}

// EmbeddedManifest returns the embedded dataset's manifest (dataset.json).
func EmbeddedManifest() []byte {
	b, err := dataset.ReadFile("dataset/dataset.json")
	if err != nil {
		panic(err) // embedded above: cannot happen
	}
	return b
}
