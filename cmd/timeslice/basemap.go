package main

import (
	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/tiles/basemap"
)

// addBasemap gives the API the offline basemap.
func addBasemap(opts *api.Options) {
	opts.Basemap = basemap.FS()
	for _, l := range basemap.Layers() {
		opts.BasemapLayers = append(opts.BasemapLayers, api.BasemapLayer{ID: l.ID, Title: l.Title, Attribution: l.Attribution, License: l.License})
	}
}
