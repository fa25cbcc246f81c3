package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

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
	// Files are opened by the names given, so that every message names
	// them as the user wrote them (absolute paths keep their leading /).
	return data.ReadFS(pathFS{}, files...)
}

// pathFS opens files by their operating-system paths, as given on the
// command line. It is only for data.ReadFS, which opens the names it is
// given and nothing else.
type pathFS struct{}

func (pathFS) Open(name string) (fs.File, error) {
	f, err := os.Open(name)
	if pe, ok := errors.AsType[*fs.PathError](err); ok {
		return nil, pe.Err // ReadFS names the file already
	}
	return f, err
}

func describe(files []string) string {
	if len(files) == 0 {
		return "the embedded dataset"
	}
	return fmt.Sprintf("%d file(s)", len(files))
}
