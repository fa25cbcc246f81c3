package postgis

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

//go:embed migrations/*.sql
var migrationFiles embed.FS

// migration is one numbered schema change.
type migration struct {
	Version int
	Name    string
	SQL     string
}

// migrations returns the schema changes in version order. Files are
// named NNNN_what.sql; versions start at 1 and have no gaps.
func migrations() ([]migration, error) {
	names, err := fs.Glob(migrationFiles, "migrations/*.sql")
	if err != nil {
		return nil, fmt.Errorf("list migrations: %w", err)
	}
	var out []migration
	for _, name := range names { // Glob sorts
		base := path.Base(name)
		num, _, ok := strings.Cut(base, "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil {
			return nil, fmt.Errorf("migration %s: name must be NNNN_what.sql", base)
		}
		if v != len(out)+1 {
			return nil, fmt.Errorf("migration %s: want version %d", base, len(out)+1)
		}
		body, err := migrationFiles.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("read migration %s: %w", base, err)
		}
		out = append(out, migration{Version: v, Name: strings.TrimSuffix(base, ".sql"), SQL: string(body)})
	}
	return out, nil
}

// SchemaVersion is the schema version this binary reads and writes.
func SchemaVersion() int {
	ms, err := migrations()
	if err != nil || len(ms) == 0 {
		return 0 // the embedded files are checked by the tests
	}
	return ms[len(ms)-1].Version
}

// migrateLock is the advisory lock key that serialises migrations and
// loads of concurrent `timeslice load` runs ("timeslic" in ASCII).
const migrateLock = 0x74696d65736c6963

// Migrate creates the schema, or upgrades it to SchemaVersion, in one
// transaction. It returns the versions it applied.
func Migrate(ctx context.Context, db *sql.DB) (applied []int, err error) {
	ms, err := migrations()
	if err != nil {
		return nil, err
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return nil, classify(fmt.Errorf("begin migration: %w", err))
	}
	defer func() {
		if err != nil {
			_ = tx.Rollback()
		}
	}()
	bootstrap := []string{
		`SELECT pg_advisory_xact_lock(` + strconv.FormatInt(migrateLock, 10) + `)`,
		`CREATE SCHEMA IF NOT EXISTS timeslice`,
		`CREATE TABLE IF NOT EXISTS timeslice.schema_migrations (
			version    integer PRIMARY KEY,
			name       text NOT NULL,
			applied_at timestamptz NOT NULL DEFAULT now())`,
	}
	for _, q := range bootstrap {
		if _, err := tx.ExecContext(ctx, q); err != nil {
			return nil, classify(fmt.Errorf("prepare schema: %w", err))
		}
	}
	var current int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM timeslice.schema_migrations`).Scan(&current); err != nil {
		return nil, classify(fmt.Errorf("read schema version: %w", err))
	}
	if current > len(ms) {
		return nil, fmt.Errorf("database schema is version %d, newer than this binary's %d: upgrade timeslice", current, len(ms))
	}
	for _, m := range ms[current:] {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return nil, classify(fmt.Errorf("migration %s: %w", m.Name, err))
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO timeslice.schema_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
			return nil, classify(fmt.Errorf("record migration %s: %w", m.Name, err))
		}
		applied = append(applied, m.Version)
	}
	if err := tx.Commit(); err != nil {
		return nil, classify(fmt.Errorf("commit migrations: %w", err))
	}
	return applied, nil
}

// ErrSchema is returned by Open when the database has no Timeslice
// schema, or one of another version.
var ErrSchema = errors.New("database schema does not match this binary")

// checkSchema verifies that the database holds the schema this binary
// reads (the server's role may be read-only, so it does not migrate).
func checkSchema(ctx context.Context, db *sql.DB) error {
	var v sql.NullInt64
	err := db.QueryRowContext(ctx, `SELECT max(version) FROM timeslice.schema_migrations`).Scan(&v)
	if err != nil {
		if isUndefinedTable(err) {
			return fmt.Errorf("%w: no timeslice schema: run `timeslice load --db …` first", ErrSchema)
		}
		return classify(fmt.Errorf("read schema version: %w", err))
	}
	switch want := SchemaVersion(); {
	case int(v.Int64) < want:
		return fmt.Errorf("%w: database is at version %d, this binary reads version %d: run `timeslice load --db …` with this binary to upgrade it",
			ErrSchema, v.Int64, want)
	case int(v.Int64) > want:
		return fmt.Errorf("%w: database is at version %d, newer than this binary's %d: upgrade timeslice", ErrSchema, v.Int64, want)
	}
	return nil
}
