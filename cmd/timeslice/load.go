package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/postgis"
)

// runLoad validates dataset files (with none, the embedded dataset) as
// `timeslice validate` does, then writes them into PostGIS in one
// transaction, creating or upgrading the schema first. Bad input is
// reported (file, feature, reason) and leaves the database untouched.
func runLoad(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("load", flag.ContinueOnError)
	fl.SetOutput(stderr)
	dsn := fl.String("db", envOr("TIMESLICE_DB", ""), "PostGIS URL, postgres://user:password@host/db (env TIMESLICE_DB)")
	replace := fl.Bool("replace", false, "replace the layers being loaded (delete and insert in one transaction) instead of inserting or updating by id; needed to replace another dataset")
	wait := fl.Duration("wait", 30*time.Second, "how long to retry a database that is not up yet")
	quiet := fl.Bool("quiet", false, "print no progress")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeslice load --db postgres://… [--replace] [DIR | files.geojson …]\n\n"+
			"Validates a dataset directory (with none, the embedded dataset; or loose files, into the layers of the\n"+
			"manifest already loaded) and loads it, manifest included, into PostGIS in one transaction.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return usageError{err.Error()}
	}
	if *dsn == "" {
		return usageError{"load: --db postgres://… is required (or set TIMESLICE_DB)"}
	}
	files := fl.Args()
	for _, f := range files {
		if strings.HasPrefix(f, "-") {
			return usageError{fmt.Sprintf("load: %q after the files: flags come first (timeslice load --db … --replace files…)", f)}
		}
	}
	ds, err := readDataset(files)
	if err == nil {
		if problems := postgis.Check(ds, fileOf(ds, files)); len(problems) > 0 {
			err = problems
		}
	}
	var problems data.Problems
	switch {
	case errors.As(err, &problems):
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "load: %d problem(s); nothing was written to the database\n", len(problems))
		return exitError(1)
	case err != nil:
		return fmt.Errorf("load: %w", err)
	}
	fmt.Fprintf(stdout, "validated %d features in %s\n", len(ds.Features), describe(files))

	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	st, err := postgis.Open(ctx, *dsn, postgis.Options{Migrate: true, MaxConns: 2, ConnectWait: *wait, StatementTimeout: -1, Logger: log})
	if err != nil {
		return fmt.Errorf("load: %w", err)
	}
	defer st.Close()
	opts := postgis.LoadOptions{Replace: *replace}
	p := newProgress(stderr)
	if !*quiet {
		opts.Progress = p.update
	}
	res, err := st.Load(ctx, ds, opts)
	p.done()
	if errors.As(err, &problems) {
		for _, p := range problems {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "load: %d problem(s) with the data already in the database; nothing was written\n", len(problems))
		return exitError(1)
	}
	if err != nil {
		return fmt.Errorf("load (nothing was written): %w", err)
	}
	rate := float64(res.Rows) / res.Took.Seconds()
	fmt.Fprintf(stdout, "loaded %d features into %s: %d written, %d deleted, in %s (%.0f rows/s)\n",
		res.Rows, strings.Join(res.Layers, ", "), res.Written, res.Deleted, res.Took.Round(time.Millisecond), rate)
	return nil
}

// fileOf names the file a feature came from, by Seq. A dataset
// directory holds a file per layer. For loose files: ReadFS numbers the
// features of the files in turn, and every feature of a valid dataset is
// kept, so each file holds a run of Seq numbers as long as its feature
// list. Files are only opened again when a problem must be named.
func fileOf(ds *data.Dataset, files []string) func(seq int) string {
	if ds.Manifest != nil {
		dir := ""
		if len(files) == 1 {
			dir = files[0]
		}
		return func(seq int) string {
			if seq >= 0 && seq < len(ds.Features) {
				return filepath.Join(dir, ds.Features[seq].Layer+".geojson")
			}
			return "dataset"
		}
	}
	var ends []int // ends[i] is one past the last Seq of file i
	var names []string
	return func(seq int) string {
		if names == nil {
			names = files
			open := func(name string) (io.ReadCloser, error) { return os.Open(name) }
			total := 0
			for _, n := range names {
				var fc struct{ Features []json.RawMessage }
				if r, err := open(n); err == nil {
					_ = json.NewDecoder(r).Decode(&fc)
					r.Close()
				}
				total += len(fc.Features)
				ends = append(ends, total)
			}
		}
		for i, end := range ends {
			if seq < end {
				return names[i]
			}
		}
		return "dataset"
	}
}

// progress shows how many rows have been sent: a bar redrawn in place on
// a terminal, a line every tenth otherwise (logs, pipes).
type progress struct {
	w       io.Writer
	tty     bool
	start   time.Time
	shown   int // tenths printed
	drawn   bool
	lastBar time.Time
}

func newProgress(w io.Writer) *progress {
	p := &progress{w: w, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

func (p *progress) update(done, total int) {
	if total == 0 {
		return
	}
	rate := float64(done) / max(time.Since(p.start).Seconds(), 1e-9)
	if !p.tty {
		if tenth := done * 10 / total; tenth > p.shown {
			p.shown = tenth
			fmt.Fprintf(p.w, "sent %d/%d rows (%d%%, %.0f rows/s)\n", done, total, done*100/total, rate)
		}
		return
	}
	if done < total && time.Since(p.lastBar) < 100*time.Millisecond {
		return
	}
	p.lastBar = time.Now()
	const width = 30
	fill := done * width / total
	fmt.Fprintf(p.w, "\r[%s%s] %3d%% %d/%d rows, %.0f rows/s ",
		strings.Repeat("#", fill), strings.Repeat(".", width-fill), done*100/total, done, total, rate)
	p.drawn = true
}

// done ends the bar's line.
func (p *progress) done() {
	if p.tty && p.drawn {
		fmt.Fprintln(p.w)
	}
}
