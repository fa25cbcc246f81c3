// Package postgistest gives tests a PostGIS store loaded with the
// pgtest dataset on a throwaway cluster. It is apart from pgtest because
// the postgis package's own tests use pgtest, which therefore cannot
// import postgis.
package postgistest

import (
	"context"
	"testing"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
	"github.com/timeslice/timeslice/data/postgis/pgtest"
)

// Loaded starts a throwaway cluster, opens a store on it (migrating the
// schema) and loads pgtest.Dataset, which it returns too. Everything is
// closed and removed when the test ends.
func Loaded(t testing.TB) (*pgtest.Cluster, *postgis.Store, *data.Dataset) {
	t.Helper()
	c := pgtest.New(t)
	ctx := context.Background()
	st, err := postgis.Open(ctx, c.DSN, postgis.Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	ds := pgtest.Dataset(t)
	if _, err := st.Load(ctx, ds, postgis.LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	return c, st, ds
}
