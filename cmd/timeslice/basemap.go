package main

import "github.com/timeslice/timeslice/api"

// addBasemap gives the API the offline basemap.
func addBasemap(opts *api.Options) {}
