package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
)

// openStore returns the store to serve: the embedded dataset in memory
// when dsn is empty, else the PostGIS database it names (retried with
// backoff while it starts; its schema must have been loaded by
// `timeslice load`). The returned func closes the store.
func openStore(ctx context.Context, dsn string, log *slog.Logger) (data.Store, func() error, error) {
	if dsn == "" {
		ds, err := data.Embedded()
		if err != nil {
			return nil, nil, err
		}
		return data.NewMemory(ds), func() error { return nil }, nil
	}
	st, err := postgis.Open(ctx, dsn, postgis.Options{Logger: log})
	if err != nil {
		return nil, nil, fmt.Errorf("PostGIS store: %w", err)
	}
	return st, st.Close, nil
}
