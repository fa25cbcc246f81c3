// Package data reads and validates Timeslice datasets — a directory of a
// manifest (dataset.json, Manifest) and one GeoJSON FeatureCollection per
// layer — embeds the flagship dataset, watches a dataset directory for
// edits, and defines the Store that serves slices of a dataset. Memory is
// the in-memory store; the PostGIS store lives in data/postgis.
package data
