package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"time"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/static"
)

// serveConfig is what `timeslice serve` is told by flags and environment.
type serveConfig struct {
	addr, logLevel, db, dataDir, baseURL, filesDir string
	cacheMB                                        int
	watch                                          bool
	trustProxy                                     bool
	limits                                         api.Limits
	grace                                          time.Duration
	kioskConfig                                    string
}

func parseServe(args []string, stderr io.Writer) (serveConfig, error) {
	var c serveConfig
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&c.addr, "addr", envOr("TIMESLICE_ADDR", ":8080"), "address to listen on (env TIMESLICE_ADDR)")
	fl.StringVar(&c.logLevel, "log-level", envOr("TIMESLICE_LOG_LEVEL", "info"), "debug, info, warn or error (env TIMESLICE_LOG_LEVEL)")
	fl.StringVar(&c.db, "db", envOr("TIMESLICE_DB", ""), "PostGIS URL, postgres://…; empty serves the embedded dataset from memory (env TIMESLICE_DB)")
	fl.StringVar(&c.dataDir, "data", envOr("TIMESLICE_DATA", ""), "a dataset directory (dataset.json and <layer>.geojson files) to serve from memory instead of the embedded dataset (env TIMESLICE_DATA)")
	fl.BoolVar(&c.watch, "watch", false, "with --data: reload the directory when a file in it changes (invalid edits are logged and the last valid dataset kept)")
	fl.StringVar(&c.baseURL, "base-url", envOr("TIMESLICE_BASE_URL", ""), "absolute URL that links start with, when behind a proxy (env TIMESLICE_BASE_URL)")
	fl.StringVar(&c.filesDir, "files", envOr("TIMESLICE_FILES", ""), "a directory to serve as plain static files under /files/ (env TIMESLICE_FILES)")
	fl.StringVar(&c.kioskConfig, "kiosk-config", envOr("TIMESLICE_KIOSK_CONFIG", ""), "a JSON file of the kiosk's defaults (window, speed, dwell, languages, alternate, idle, layers, view) (env TIMESLICE_KIOSK_CONFIG)")
	var envErr error
	envInt := func(name string, def int) int {
		v, err := strconv.Atoi(envOr(name, strconv.Itoa(def)))
		if err != nil && envErr == nil {
			envErr = usageError{name + ": not a whole number"}
		}
		return v
	}
	envDur := func(name string, def time.Duration) time.Duration {
		v, err := time.ParseDuration(envOr(name, def.String()))
		if err != nil && envErr == nil {
			envErr = usageError{name + ": not a duration (10s, 1m)"}
		}
		return v
	}
	fl.IntVar(&c.cacheMB, "cache-mb", envInt("TIMESLICE_CACHE_MB", 64), "memory for cached answers in MiB; 0 turns the cache off (env TIMESLICE_CACHE_MB)")
	trust, _ := strconv.ParseBool(envOr("TIMESLICE_TRUST_PROXY", "false"))
	fl.BoolVar(&c.trustProxy, "trust-proxy", trust, "build links from X-Forwarded-Proto/Host (only behind a proxy that sets them; --base-url wins) (env TIMESLICE_TRUST_PROXY)")
	fl.IntVar(&c.limits.MaxConns, "max-conns", envInt("TIMESLICE_MAX_CONNS", 1000), "open connections in all; more are closed at once (keep below ulimit -n) (env TIMESLICE_MAX_CONNS)")
	fl.IntVar(&c.limits.MaxConnsPerIP, "max-conns-per-ip", envInt("TIMESLICE_MAX_CONNS_PER_IP", 64), "open connections from one address; -1: no cap (use behind a proxy) (env TIMESLICE_MAX_CONNS_PER_IP)")
	fl.DurationVar(&c.limits.ReadTimeout, "read-timeout", envDur("TIMESLICE_READ_TIMEOUT", 10*time.Second), "time to read a whole request (headers: at most 5 s) (env TIMESLICE_READ_TIMEOUT)")
	fl.DurationVar(&c.limits.WriteTimeout, "write-timeout", envDur("TIMESLICE_WRITE_TIMEOUT", 30*time.Second), "time to write an answer; a client reading slower is cut off (env TIMESLICE_WRITE_TIMEOUT)")
	fl.DurationVar(&c.grace, "grace", envDur("TIMESLICE_GRACE", 10*time.Second), "on SIGTERM, time given to answers in progress before their connections are closed (env TIMESLICE_GRACE)")
	if envErr != nil {
		return c, envErr
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return c, err
		}
		return c, usageError{err.Error()}
	}
	if fl.NArg() > 0 {
		return c, usageError{fmt.Sprintf("serve takes no arguments, got %q", fl.Args())}
	}
	if c.cacheMB < 0 {
		return c, usageError{"--cache-mb must be 0 or more"}
	}
	if c.dataDir != "" && c.db != "" {
		return c, usageError{"--data and --db are exclusive: serve a directory from memory or a database"}
	}
	if c.watch && c.dataDir == "" {
		return c, usageError{"--watch needs --data DIR"}
	}
	if c.limits.MaxConns < 1 || c.limits.MaxConnsPerIP == 0 || c.limits.MaxConnsPerIP < -1 {
		return c, usageError{"--max-conns must be 1 or more, --max-conns-per-ip 1 or more (or -1 for no cap)"}
	}
	if c.limits.ReadTimeout <= 0 || c.limits.WriteTimeout <= 0 || c.grace < 0 {
		return c, usageError{"--read-timeout and --write-timeout must be positive, --grace 0 or more"}
	}
	c.limits.ReadHeaderTimeout = min(5*time.Second, c.limits.ReadTimeout)
	return c, nil
}

func parseLevel(s string) (slog.Level, error) {
	var l slog.Level
	if err := l.UnmarshalText([]byte(strings.ToLower(s))); err != nil {
		return l, usageError{fmt.Sprintf("--log-level %q: want debug, info, warn or error", s)}
	}
	return l, nil
}

// runServe serves until ctx is cancelled (SIGINT or SIGTERM), then shuts
// down gracefully.
func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	c, err := parseServe(args, stderr)
	if err != nil {
		return err
	}
	level, err := parseLevel(c.logLevel)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	start := time.Now()

	var watcher *data.Watcher
	if c.watch {
		watcher = data.NewWatcher(c.dataDir) // before reading: no edit is missed
	}
	store, closeStore, err := openStore(ctx, c, log)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer closeStore()

	if _, set := os.LookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(memoryLimit(c.cacheMB))
	}
	opts := api.Options{
		Logger:     log,
		CacheBytes: int64(c.cacheMB) << 20,
		BaseURL:    c.baseURL,
		TrustProxy: c.trustProxy,
		Frontend:   static.FS(),
		FilesDir:   c.filesDir,
	}
	if c.kioskConfig != "" {
		m, err := store.Manifest(ctx)
		if err != nil {
			return fmt.Errorf("kiosk configuration: read the dataset's manifest: %w", err)
		}
		if opts.Kiosk, err = loadKioskConfig(c.kioskConfig, m); err != nil {
			return err
		}
	}
	addBasemap(&opts)
	handler := api.New(store, opts)
	if watcher != nil {
		watchCtx, stopWatch := context.WithCancel(ctx)
		defer stopWatch()
		go watcher.Watch(watchCtx, watchInterval, func(ds *data.Dataset, err error) {
			reload(handler, c.dataDir, ds, err, log)
		})
		log.Info("watching the dataset directory", "dir", c.dataDir, "every", watchInterval)
	}

	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.addr, err)
	}
	srv := c.limits.HTTPServer(handler, log)
	log.Info("listening", "url", "http://"+displayAddr(ln.Addr()), "store", storeName(c), "startup", time.Since(start).Round(time.Millisecond))

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(c.limits.Listener(ln, log)) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	// Answers in progress get the grace period to finish; a connection
	// still busy after it is closed, and its client sees a cut answer
	// (fewer bytes than its Content-Length), never a short one passed as
	// whole. Stopping as asked is a success either way.
	log.Info("shutting down", "grace", c.grace)
	shutCtx, cancel := context.WithTimeout(context.Background(), c.grace)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		log.Warn("grace period over: closing the connections still busy", "err", err)
		srv.Close()
	}
	return nil
}

// memoryLimit is the soft limit the Go runtime keeps the heap under: the
// cache's budget plus what the server needs without it. Without a limit
// the collector lets the heap grow to twice what is live, and the cache
// took 2.5-3 times --cache-mb in RSS. GOMEMLIMIT, when set, wins.
func memoryLimit(cacheMB int) int64 {
	// The dataset, buffers of ~1,000 connections, answers being built, and
	// the heads of answers shared by the instants of a span (16 MiB at
	// most: api's sliceHeadBytes).
	const base = 48 << 20
	return base + int64(cacheMB)<<20
}

// displayAddr turns a listener address into something a browser opens.
func displayAddr(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return a.String()
	}
	if ip := net.ParseIP(host); ip == nil || ip.IsUnspecified() {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

func storeName(c serveConfig) string {
	switch {
	case c.db != "":
		return "postgis"
	case c.dataDir != "":
		return "memory: " + c.dataDir
	}
	return "embedded"
}

// watchInterval is how often serve --watch looks at the directory: an
// edit shows within it.
const watchInterval = 250 * time.Millisecond

// reload swaps the dataset served for ds, or logs why an edit was not
// taken (the last valid dataset is kept).
func reload(h *api.Server, dir string, ds *data.Dataset, err error, log *slog.Logger) {
	var problems data.Problems
	switch {
	case errors.As(err, &problems):
		for _, p := range problems {
			log.Warn("dataset edit not taken", "problem", filepath.Join(dir, p.File)+strings.TrimPrefix(p.String(), p.File))
		}
		log.Warn("still serving the last valid dataset", "dir", dir, "problems", len(problems))
	case err != nil:
		log.Warn("dataset edit not taken; still serving the last valid dataset", "dir", dir, "err", err)
	default:
		h.SetStore(data.NewMemory(ds))
		log.Info("dataset reloaded", "dir", dir, "id", ds.Manifest.ID, "features", len(ds.Features), "version", ds.Version)
	}
}
