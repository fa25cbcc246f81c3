package postgis

import (
	"context"
	"database/sql"
	"strings"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis/pgtest"
	"github.com/timeslice/timeslice/data/synth"
	"github.com/timeslice/timeslice/geo"
)

// explain returns the EXPLAIN (ANALYZE, BUFFERS) plan of the statement
// Items runs for q (without a box when at an instant).
func explain(ctx context.Context, db *sql.DB, layer string, q data.Query) (string, error) {
	var stmt string
	var args []any
	if d := q.Datetime; d != nil && d.IsInstant {
		stmt, args = pageSQL(instantWhere(layer, d.Instant), q, true)
	} else {
		stmt, args = pageSQL(rangeWhere(layer, q), q, false)
	}
	rows, err := db.QueryContext(ctx, "EXPLAIN (ANALYZE, BUFFERS) "+stmt, args...)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var b strings.Builder
	for rows.Next() {
		var line string
		if err := rows.Scan(&line); err != nil {
			return "", err
		}
		b.WriteString(line + "\n")
	}
	return b.String(), rows.Err()
}

// TestSliceUsesIndex checks that a slice at an instant is an index
// lookup, not a scan of the table, on a dataset large enough for the
// planner to care (20,000 keyframes, 400 valid at any instant).
func TestSliceUsesIndex(t *testing.T) {
	c := pgtest.New(t)
	ctx := context.Background()
	st, err := Open(ctx, c.DSN, Options{Migrate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	o := synth.Options{Keyframes: 20000, Tracks: 400, Seed: 1}
	if _, err := st.Load(ctx, synth.Generate(o), LoadOptions{}); err != nil {
		t.Fatal(err)
	}
	at := synth.Start.Add(synth.Step(o) * 17).Add(time.Hour)
	box := &geo.BBox{MinLon: 103, MinLat: 11, MaxLon: 103.5, MaxLat: 11.5}
	for _, tc := range []struct {
		name string
		q    data.Query
	}{
		{"slice at an instant", data.Query{Datetime: &geo.Datetime{Instant: at, IsInstant: true}, Limit: 100}},
		{"box over all time", data.Query{BBox: box, Limit: 100}},
		{"box over a month", data.Query{Datetime: &geo.Datetime{Start: at, End: at.AddDate(0, 1, 0)}, BBox: box, Limit: 100}},
	} {
		plan, err := explain(ctx, st.DB(), "flows", tc.q)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%s:\n%s", tc.name, plan)
		if !strings.Contains(plan, "features_slice_gist") {
			t.Errorf("%s does not use the GiST index over (layer, validity, geom):\n%s", tc.name, plan)
		}
		if strings.Contains(plan, "Seq Scan") {
			t.Errorf("%s scans the table:\n%s", tc.name, plan)
		}
	}
}
