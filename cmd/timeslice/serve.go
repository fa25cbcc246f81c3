package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/static"
)

// serveConfig is what `timeslice serve` is told by flags and environment.
type serveConfig struct {
	addr, logLevel, db, baseURL, filesDir string
	kioskConfig                           string
	cacheMB                               int
}

func parseServe(args []string, stderr io.Writer) (serveConfig, error) {
	var c serveConfig
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.StringVar(&c.addr, "addr", envOr("TIMESLICE_ADDR", ":8080"), "address to listen on (env TIMESLICE_ADDR)")
	fl.StringVar(&c.logLevel, "log-level", envOr("TIMESLICE_LOG_LEVEL", "info"), "debug, info, warn or error (env TIMESLICE_LOG_LEVEL)")
	fl.StringVar(&c.db, "db", envOr("TIMESLICE_DB", ""), "PostGIS URL, postgres://…; empty serves the embedded dataset from memory (env TIMESLICE_DB)")
	fl.StringVar(&c.baseURL, "base-url", envOr("TIMESLICE_BASE_URL", ""), "absolute URL that links start with, when behind a proxy (env TIMESLICE_BASE_URL)")
	fl.StringVar(&c.filesDir, "files", envOr("TIMESLICE_FILES", ""), "a directory to serve as plain static files under /files/ (env TIMESLICE_FILES)")
	fl.StringVar(&c.kioskConfig, "kiosk-config", envOr("TIMESLICE_KIOSK_CONFIG", ""), "a JSON file of the kiosk's defaults (window, speed, dwell, languages, alternate, idle, layers, view) (env TIMESLICE_KIOSK_CONFIG)")
	cacheDef, err := strconv.Atoi(envOr("TIMESLICE_CACHE_MB", "64"))
	if err != nil {
		return c, usageError{"TIMESLICE_CACHE_MB: not a whole number"}
	}
	fl.IntVar(&c.cacheMB, "cache-mb", cacheDef, "memory for cached answers in MiB; 0 turns the cache off (env TIMESLICE_CACHE_MB)")
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

	store, closeStore, err := openStore(ctx, c.db, log)
	if err != nil {
		return fmt.Errorf("open store: %w", err)
	}
	defer closeStore()

	opts := api.Options{
		Logger:     log,
		CacheBytes: int64(c.cacheMB) << 20,
		BaseURL:    c.baseURL,
		Frontend:   static.FS(),
		FilesDir:   c.filesDir,
		Manifest:   data.EmbeddedManifest(),
	}
	if opts.Kiosk, err = loadKioskConfig(c.kioskConfig, opts.Manifest); err != nil {
		return err
	}
	addBasemap(&opts)
	handler := api.New(store, opts)

	ln, err := net.Listen("tcp", c.addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", c.addr, err)
	}
	srv := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       120 * time.Second,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	log.Info("listening", "url", "http://"+displayAddr(ln.Addr()), "store", storeName(c.db), "startup", time.Since(start).Round(time.Millisecond))

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	log.Info("shutting down")
	shutCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	return nil
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

func storeName(dsn string) string {
	if dsn == "" {
		return "embedded"
	}
	return "postgis"
}
