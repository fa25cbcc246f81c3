package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/timeslice/timeslice/data"
)

// runValidate checks dataset files and prints every problem: file,
// feature id (or index) and reason. Exit status 1 when there is any.
func runValidate(_ context.Context, args []string, stdout, stderr io.Writer) error {
	fl := flag.NewFlagSet("validate", flag.ContinueOnError)
	fl.SetOutput(stderr)
	fl.Usage = func() {
		fmt.Fprintln(stderr, "Usage: timeslice validate [DIR | files.geojson …]\n\n"+
			"Checks a dataset directory (dataset.json and one <layer>.geojson per layer), loose GeoJSON files\n"+
			"or, with no argument, the embedded dataset, and lists every problem: file, key or feature, reason.")
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
	if m := ds.Manifest; m != nil {
		fmt.Fprintf(stdout, "ok: %s (%s): %d layers, %d features, time zone %s, in %s\n",
			m.ID, m.In(m.Title), len(m.Layers), len(ds.Features), m.TimeZone, describe(fl.Args()))
		return nil
	}
	fmt.Fprintf(stdout, "ok: %d features in %s\n", len(ds.Features), describe(fl.Args()))
	return nil
}
