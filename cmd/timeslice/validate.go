package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/timeslice/timeslice/data"
)

// runValidate checks dataset files and prints every problem: file,
// feature id (or index) and reason. Exit status 1 when there is any.
func runValidate(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("validate", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeslice validate [files.geojson …]\n\nChecks dataset files (with none, the embedded dataset) and lists every problem.")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return usageError{err.Error()}
	}
	ds, err := readDataset(fl.Args())
	var problems data.Problems
	switch {
	case errors.As(err, &problems):
		for _, p := range problems {
			fmt.Fprintln(stdout, p)
		}
		fmt.Fprintf(stderr, "%d problem(s)\n", len(problems))
		return exitError(1)
	case err != nil:
		return err
	}
	fmt.Fprintf(stdout, "ok: %d features in %s\n", len(ds.Features), describe(fl.Args()))
	return nil
}

// readDataset reads and validates the named files, or the embedded
// dataset when there are none.
func readDataset(files []string) (*data.Dataset, error) {
	if len(files) == 0 {
		return data.ReadFS(data.EmbeddedFS())
	}
	// Read files by path: os.DirFS of "/" keeps the paths as given in
	// messages while fs.FS needs unrooted names.
	abs := make([]string, len(files))
	for i, f := range files {
		a, err := filepath.Abs(f)
		if err != nil {
			return nil, fmt.Errorf("path %s: %w", f, err)
		}
		abs[i] = a[1:]
	}
	ds, err := data.ReadFS(os.DirFS("/"), abs...)
	var problems data.Problems
	if errors.As(err, &problems) {
		// Name files as the user gave them.
		byAbs := map[string]string{}
		for i := range files {
			byAbs[abs[i]] = files[i]
		}
		for i := range problems {
			if f, ok := byAbs[problems[i].File]; ok {
				problems[i].File = f
			}
		}
		return nil, problems
	}
	return ds, err
}

func describe(files []string) string {
	if len(files) == 0 {
		return "the embedded dataset"
	}
	return fmt.Sprintf("%d file(s)", len(files))
}
