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
)

// explain returns the EXPLAIN (ANALYZE, BUFFERS) plan of the statement
// Items runs for a slice of layer at instant t.
func explain(ctx context.Context, db *sql.DB, layer string, t time.Time, q data.Query) (string, error) {
	stmt, args := pageSQL(instantWhere(layer, t), q, true)
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
	plan, err := explain(ctx, st.DB(), "flows", at, data.Query{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("slice plan:\n%s", plan)
	if !strings.Contains(plan, "features_slice_gist") {
		t.Errorf("the slice does not use the GiST index over (layer, validity):\n%s", plan)
	}
	if strings.Contains(plan, "Seq Scan") {
		t.Errorf("the slice scans the table:\n%s", plan)
	}
}
