package postgis_test

import (
	"context"
	"errors"
	"testing"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis/postgistest"
	"github.com/timeslice/timeslice/geo"
)

// sameAnswer asks both stores the same thing and fails unless they give
// the same features or both say not found; anything else (a database
// error on input the memory store takes) is a failure.
func sameAnswer(t testing.TB, what string, mem, pg func() (any, error)) {
	t.Helper()
	mv, merr := mem()
	pv, perr := pg()
	switch {
	case merr == nil && perr == nil:
		if canon(t, mv) != canon(t, pv) {
			t.Errorf("%s: the stores differ", what)
		}
	case errors.Is(merr, data.ErrNotFound) && errors.Is(perr, data.ErrNotFound):
	default:
		t.Errorf("%s: memory %v, PostGIS %v", what, merr, perr)
	}
}

// FuzzStores compares the stores on datetimes and ids: its seeds, run by
// go test, are the offsets PostgreSQL cannot take (±16:00 to ±23:59) and
// the ids it cannot hold (NUL, invalid UTF-8), which must get the
// embedded store's answers (200 and 404 in the API), not database errors
// (500). Fuzz it briefly (`go test ./data/postgis -run X -fuzz
// FuzzStores -fuzztime 30s`): every input is a round trip to PostgreSQL.
func FuzzStores(f *testing.F) {
	for _, seed := range [][2]string{
		{"1979-01-05T12:00:00+20:00", "k1\x00"},
		{"1979-01-05T12:00:00-23:59", "\x00"},
		{"1979-01-05T12:00:00+16:00", "k\xff1"},
		{"1979-01-01T00:00:00+23:59/1979-02-01T00:00:00-23:59", "\xc3\x28"},
		{"../1979-01-07T00:00:00+18:00", "k1"},
		{"1979-01-07T00:00:00-17:30/..", "zz"},
		{"2300-01-01/2400-01-01", "k1"},
	} {
		f.Add(seed[0], seed[1])
	}
	_, pg, ds := postgistest.Loaded(f)
	mem := data.NewMemory(ds)
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, dt, id string) {
		if d, err := geo.ParseDatetime(dt, ds.Manifest.Location()); err == nil {
			q := data.Query{Datetime: &d}
			sameAnswer(t, "camps at "+dt,
				func() (any, error) { return mem.Items(ctx, "camps", q) },
				func() (any, error) { return pg.Items(ctx, "camps", q) })
		}
		sameAnswer(t, "item "+id,
			func() (any, error) { return mem.Item(ctx, "camps", id) },
			func() (any, error) { return pg.Item(ctx, "camps", id) })
	})
}
