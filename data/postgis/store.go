package postgis

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/lib/pq"

	"github.com/timeslice/timeslice/data"
)

// Options tune a Store. The zero value is usable.
type Options struct {
	// MaxConns caps open connections (default 16); MaxIdleConns caps the
	// idle ones kept (default MaxConns).
	MaxConns, MaxIdleConns int
	// ConnMaxLifetime recycles connections (default 30 min), so that a
	// replica swap or a failover is picked up.
	ConnMaxLifetime time.Duration
	// StatementTimeout bounds every statement on the server (default
	// 2 s: a slice takes milliseconds; negative: none, as load uses). A
	// statement_timeout in the DSN takes precedence.
	StatementTimeout time.Duration
	// ConnectTimeout bounds establishing one connection (default 2 s).
	ConnectTimeout time.Duration
	// ReadTimeout fails a call whose database sends nothing for that
	// long, as when it is frozen or cut off (default StatementTimeout
	// + 0.5 s; none without a StatementTimeout).
	ReadTimeout time.Duration
	// ConnectWait is how long Open retries, with backoff, a database that
	// is not up yet (default 30 s; negative: try once).
	ConnectWait time.Duration
	// ReadyTimeout bounds the ping of Ready (default 1 s).
	ReadyTimeout time.Duration
	// Migrate creates or upgrades the schema on Open (the loader does;
	// a server with a read-only role does not, and checks the version).
	Migrate bool
	// Logger receives connection retries and migrations; nil discards.
	Logger *slog.Logger
}

func (o *Options) defaults() {
	if o.MaxConns <= 0 {
		o.MaxConns = 16
	}
	if o.MaxIdleConns <= 0 || o.MaxIdleConns > o.MaxConns {
		o.MaxIdleConns = o.MaxConns
	}
	if o.ConnMaxLifetime <= 0 {
		o.ConnMaxLifetime = 30 * time.Minute
	}
	if o.StatementTimeout == 0 {
		o.StatementTimeout = 2 * time.Second
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 2 * time.Second
	}
	if o.ConnectWait == 0 {
		o.ConnectWait = 30 * time.Second
	}
	if o.ReadyTimeout <= 0 {
		o.ReadyTimeout = time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
}

// Store is a data.Store over a PostGIS database. It is safe for
// concurrent use; it holds no data of its own, so loads with --replace
// show up in its next answers.
type Store struct {
	db   *sql.DB
	opts Options
	// loadConn connects without the read deadline: a load sends for a
	// long time before the database answers.
	loadConn *pq.Connector
	// stmts caches prepared statements by SQL text: a slice is parsed
	// and planned once per connection, not per request.
	stmts sync.Map

	// man is the stored manifest as last read, at manAt, when the data
	// version was manVer.
	manMu  sync.Mutex
	man    *data.Manifest
	manVer int64
	manAt  time.Time
}

// query runs a cached prepared statement.
func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	v, ok := s.stmts.Load(query)
	if !ok {
		st, err := s.db.PrepareContext(ctx, query)
		if err != nil {
			return nil, err
		}
		if v, ok = s.stmts.LoadOrStore(query, st); ok {
			st.Close()
		} else {
			v = st
		}
	}
	return v.(*sql.Stmt).QueryContext(ctx, args...)
}

var _ data.Store = (*Store)(nil)

// Open connects to the database named by dsn (a postgres:// URL or
// key=value string, as lib/pq reads it), retrying with backoff for up to
// opts.ConnectWait while it is unreachable, then migrates the schema
// (opts.Migrate) or checks its version.
func Open(ctx context.Context, dsn string, opts Options) (*Store, error) {
	opts.defaults()
	cfg, err := pq.NewConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("parse database URL: %w", err)
	}
	if cfg.ConnectTimeout <= 0 {
		cfg.ConnectTimeout = opts.ConnectTimeout
	}
	if !strings.Contains(dsn, "binary_parameters") {
		// One round trip per query (Parse, Bind and Execute together)
		// instead of two; every parameter is sent as text either way.
		cfg.BinaryParameters = true
	}
	if cfg.Runtime == nil {
		cfg.Runtime = map[string]string{}
	}
	if v, set := cfg.Runtime["statement_timeout"]; set {
		opts.StatementTimeout = pgDuration(v)
	} else if opts.StatementTimeout > 0 {
		cfg.Runtime["statement_timeout"] = strconv.FormatInt(opts.StatementTimeout.Milliseconds(), 10)
	}
	if opts.ReadTimeout == 0 && opts.StatementTimeout > 0 {
		opts.ReadTimeout = opts.StatementTimeout + 500*time.Millisecond
	}
	if _, set := cfg.Runtime["application_name"]; !set && cfg.ApplicationName == "" {
		cfg.ApplicationName = "timeslice"
	}
	conn, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("configure database connection: %w", err)
	}
	loadConn, err := pq.NewConnectorConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("configure database connection: %w", err)
	}
	conn.Dialer(&dialer{readTimeout: opts.ReadTimeout, backoff: &redial{log: opts.Logger}})
	db := sql.OpenDB(conn)
	db.SetMaxOpenConns(opts.MaxConns)
	db.SetMaxIdleConns(opts.MaxIdleConns)
	db.SetConnMaxLifetime(opts.ConnMaxLifetime)
	db.SetConnMaxIdleTime(5 * time.Minute)
	s := &Store{db: db, opts: opts, loadConn: loadConn}
	if err := s.connect(ctx); err != nil {
		db.Close()
		return nil, err
	}
	if opts.Migrate {
		applied, err := Migrate(ctx, db)
		if err != nil {
			db.Close()
			return nil, err
		}
		if len(applied) > 0 {
			opts.Logger.Info("database schema migrated", "applied", applied, "version", SchemaVersion())
		}
	} else if err := checkSchema(ctx, db); err != nil {
		db.Close()
		return nil, err
	}
	return s, nil
}

// connect pings until the database answers, backing off from 100 ms to
// 5 s, for at most ConnectWait. Errors other than unavailability (a bad
// password, a missing database) end it at once.
func (s *Store) connect(ctx context.Context) error {
	deadline := time.Now().Add(s.opts.ConnectWait)
	wait := 100 * time.Millisecond
	for attempt := 1; ; attempt++ {
		err := classify(s.db.PingContext(ctx))
		if err == nil {
			return nil
		}
		if !errors.Is(err, data.ErrUnavailable) || ctx.Err() != nil || s.opts.ConnectWait < 0 || time.Now().Add(wait).After(deadline) {
			return fmt.Errorf("connect to database (attempt %d): %w", attempt, err)
		}
		s.opts.Logger.Warn("database not reachable yet, retrying", "attempt", attempt, "in", wait, "err", err)
		select {
		case <-ctx.Done():
			return fmt.Errorf("connect to database: %w", ctx.Err())
		case <-time.After(wait):
		}
		wait = min(2*wait, 5*time.Second)
	}
}

// DB returns the connection pool (for the loader and tests).
func (s *Store) DB() *sql.DB { return s.db }

// Close closes the connection pool.
func (s *Store) Close() error { return s.db.Close() }

// Ready implements data.Store: the database answers a ping within
// ReadyTimeout.
func (s *Store) Ready(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, s.opts.ReadyTimeout)
	defer cancel()
	if err := s.db.PingContext(ctx); err != nil {
		return fmt.Errorf("ping database: %w: %w", data.ErrUnavailable, err)
	}
	return nil
}

// Version implements data.Store: the number of loads that changed the
// data, which every load bumps in its own transaction.
func (s *Store) Version(ctx context.Context) (string, error) {
	var v int64
	rows, err := s.query(ctx, `SELECT version FROM timeslice.dataset`)
	if err != nil {
		return "", callErr(ctx, fmt.Errorf("read dataset version: %w", err))
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return "", callErr(ctx, fmt.Errorf("read dataset version: %w", err))
		}
		return "", errors.New("read dataset version: timeslice.dataset is empty")
	}
	if err := rows.Scan(&v); err != nil {
		return "", callErr(ctx, fmt.Errorf("read dataset version: %w", err))
	}
	return "postgis-" + strconv.FormatInt(v, 10), nil
}

// pgDuration reads a PostgreSQL time setting ("5000", "5s", "250ms",
// "1min"); 0 when it is 0 or cannot be read (no limit known).
func pgDuration(v string) time.Duration {
	v = strings.TrimSpace(v)
	for _, u := range []struct {
		suffix string
		unit   time.Duration
	}{{"ms", time.Millisecond}, {"min", time.Minute}, {"s", time.Second}, {"h", time.Hour}, {"", time.Millisecond}} {
		if n, ok := strings.CutSuffix(v, u.suffix); ok {
			if x, err := strconv.ParseFloat(strings.TrimSpace(n), 64); err == nil && x > 0 {
				return time.Duration(x * float64(u.unit))
			}
			return 0
		}
	}
	return 0
}
