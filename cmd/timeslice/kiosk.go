package main

import (
	"fmt"
	"os"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
)

// loadKioskConfig reads `serve --kiosk-config FILE` and checks it against
// the dataset's manifest; "" gives none. A bad configuration is a usage
// error that names the file, the key and the value, so the server stops
// before it listens rather than run a gallery with a setting ignored.
func loadKioskConfig(file string, manifest *data.Manifest) (*api.KioskConfig, error) {
	if file == "" {
		return nil, nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return nil, usageError{fmt.Sprintf("--kiosk-config: %v", err)}
	}
	c, err := api.ParseKioskConfig(b, manifest)
	if err != nil {
		return nil, usageError{fmt.Sprintf("--kiosk-config %s: %v", file, err)}
	}
	return c, nil
}
