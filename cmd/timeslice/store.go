package main

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
)

// openStore returns the store to serve: the PostGIS database c.db names
// (retried with backoff while it starts; its schema must have been
// loaded by `timeslice load`), else the dataset directory c.dataDir, else
// the embedded dataset, in memory. The returned func closes the store.
func openStore(ctx context.Context, c serveConfig, log *slog.Logger) (data.Store, func() error, error) {
	if c.db == "" {
		var args []string
		if c.dataDir != "" {
			args = []string{c.dataDir}
		}
		ds, err := readDataset(args)
		if err != nil {
			return nil, nil, err
		}
		if ds.Manifest == nil {
			return nil, nil, fmt.Errorf("%s is not a dataset directory", c.dataDir)
		}
		return data.NewMemory(ds), func() error { return nil }, nil
	}
	st, err := postgis.Open(ctx, c.db, postgis.Options{Logger: log})
	if err != nil {
		return nil, nil, fmt.Errorf("PostGIS store: %w", err)
	}
	return st, st.Close, nil
}
