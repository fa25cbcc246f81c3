package postgis

import (
	"context"
	"database/sql"
	"strconv"
	"testing"

	_ "github.com/lib/pq"

	"github.com/timeslice/timeslice/data/postgis/pgtest"
)

// TestMigrateUpgrades takes a database written by an older binary (schema
// version 3, one keyframe) to the current version: the data stays and
// the new column is filled in.
func TestMigrateUpgrades(t *testing.T) {
	c := pgtest.New(t)
	ctx := context.Background()
	db, err := sql.Open("postgres", c.DSN)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ms, err := migrations()
	if err != nil {
		t.Fatal(err)
	}
	old := []string{`CREATE SCHEMA timeslice`,
		`CREATE TABLE timeslice.schema_migrations (version integer PRIMARY KEY, name text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`}
	for _, m := range ms[:3] {
		old = append(old, m.SQL, `INSERT INTO timeslice.schema_migrations (version, name) VALUES (`+
			strconv.Itoa(m.Version)+`, '`+m.Name+`')`)
	}
	old = append(old, `INSERT INTO timeslice.features (layer, id, seq, validity, props, geom, min_lon, min_lat, max_lon, max_lat)
		VALUES ('camps', 'c1', 0, '[1979-01-01,)', '{"population": 1200, "name": {"en": "C"}, "n": 2.5}',
			'SRID=4326;POINT(102 13)', 102, 13, 102, 13)`)
	for _, q := range old {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	applied, err := Migrate(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if len(applied) != len(ms)-3 || applied[0] != 4 {
		t.Errorf("applied %v, want versions 4 to %d", applied, len(ms))
	}
	var nums string
	if err := db.QueryRowContext(ctx, `SELECT nums::text FROM timeslice.features WHERE id = 'c1'`).Scan(&nums); err != nil {
		t.Fatal(err)
	}
	if want := `{"n": 2.5, "population": 1200}`; nums != want {
		t.Errorf("nums = %s, want %s", nums, want)
	}
}
