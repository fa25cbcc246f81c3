// Package data reads and validates Timeslice datasets (one GeoJSON
// FeatureCollection per layer), embeds the Cambodia 1978–1980 dataset,
// and defines the Store that serves slices of it. Memory is the
// in-memory store; the PostGIS store lives in data/postgis.
package data
