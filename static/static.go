// Package static embeds the Leaflet frontend that the server serves.
package static

import (
	"embed"
	"io/fs"
)

// files holds the frontend: www/ as committed, plus www/vendor/ once
// the README's run command has copied the npm packages there.
//
//go:embed all:www
var files embed.FS

// FS returns the frontend files, index.html at the root.
func FS() fs.FS {
	sub, err := fs.Sub(files, "www")
	if err != nil {
		panic(err) // "www" is a valid path: cannot happen
	}
	return sub
}
