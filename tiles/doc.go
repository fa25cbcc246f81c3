// Package tiles cuts time slices into Mapbox vector tiles (MVT) and
// describes them with TileJSON 3.0. It is pure code: features in, bytes
// and documents out. The offline basemap lives in tiles/basemap.
package tiles
