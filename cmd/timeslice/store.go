package main

import (
	"context"
	"errors"
	"log/slog"

	"github.com/timeslice/timeslice/data"
)

// openStore returns the store to serve: the embedded dataset in memory
// when dsn is empty. The returned func closes the store.
func openStore(ctx context.Context, dsn string, log *slog.Logger) (data.Store, func() error, error) {
	if dsn != "" {
		return nil, nil, errors.New("--db: the PostGIS store is not built yet")
	}
	ds, err := data.Embedded()
	if err != nil {
		return nil, nil, err
	}
	return data.NewMemory(ds), func() error { return nil }, nil
}
