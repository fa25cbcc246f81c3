package main

import (
	"context"
	"errors"
	"io"
)

// runLoad loads a dataset into PostGIS.
func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	return errors.New("load: the PostGIS loader is not built yet")
}
