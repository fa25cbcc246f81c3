package data

import (
	"embed"
	"fmt"
	"io/fs"
)

// dataset is the flagship dataset directory: dataset.json, one file per
// layer and the bibliography.
//
//go:embed dataset/*
var dataset embed.FS

// EmbeddedFS returns the embedded dataset directory (dataset.json and
// <layer>.geojson at the root).
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

// manifestSchema is the JSON Schema of dataset.json.
//
//go:embed manifest.schema.json
var manifestSchema []byte

// ManifestSchema returns the JSON Schema of dataset.json (Manifest).
func ManifestSchema() []byte { return manifestSchema }
