package postgis

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/lib/pq"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis/pgtest"
	"github.com/timeslice/timeslice/data/synth"
	"github.com/timeslice/timeslice/geo"
)

// explain returns the EXPLAIN (ANALYZE, BUFFERS) plan of the statement
// Items runs for q, prepared as the store prepares it, on conn.
func explain(ctx context.Context, conn *sql.Conn, layer string, q data.Query) (string, error) {
	stmt, args, _ := itemsSQL(layer, q)
	if _, err := conn.ExecContext(ctx, "DEALLOCATE ALL"); err != nil {
		return "", err
	}
	if _, err := conn.ExecContext(ctx, "PREPARE items AS "+stmt); err != nil {
		return "", err
	}
	// EXPLAIN EXECUTE takes no bind parameters: the test writes its own
	// values as literals.
	params := make([]string, len(args))
	for i, a := range args {
		switch v := a.(type) {
		case nil:
			params[i] = "NULL"
		case string:
			params[i] = pq.QuoteLiteral(v)
		case time.Time:
			params[i] = pq.QuoteLiteral(v.Format(time.RFC3339Nano))
		default:
			params[i] = fmt.Sprint(v)
		}
	}
	rows, err := conn.QueryContext(ctx, "EXPLAIN (ANALYZE, BUFFERS) EXECUTE items("+strings.Join(params, ", ")+")")
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
	conn, err := st.DB().Conn(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
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
		// The store prepares its statements: after a few executions the
		// server may switch to a generic plan, which must be as good.
		for _, mode := range []string{"auto", "force_generic_plan"} {
			if _, err := conn.ExecContext(ctx, "SET plan_cache_mode = "+mode); err != nil {
				t.Fatal(err)
			}
			plan, err := explain(ctx, conn, "flows", tc.q)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("%s, plan_cache_mode %s:\n%s", tc.name, mode, plan)
			if !strings.Contains(plan, "features_slice_gist") {
				t.Errorf("%s (%s) does not use the GiST index over (layer, validity, geom):\n%s", tc.name, mode, plan)
			}
			if strings.Contains(plan, "Seq Scan") {
				t.Errorf("%s (%s) scans the table:\n%s", tc.name, mode, plan)
			}
		}
	}
}
