package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/timeslice/timeslice/data"
)

// readDataset reads and validates what the command line names: nothing
// (the embedded dataset), one dataset directory, or loose GeoJSON files
// (read without a manifest). Problems name files as the user gave them.
func readDataset(args []string) (*data.Dataset, error) {
	if len(args) == 0 {
		ds, err := data.ReadDir(data.EmbeddedFS())
		if err != nil {
			return nil, fmt.Errorf("embedded dataset: %w", err)
		}
		return ds, nil
	}
	if len(args) == 1 {
		if fi, err := os.Stat(args[0]); err == nil && fi.IsDir() {
			return readDir(args[0])
		}
	}
	return readFiles(args)
}

// readDir reads the dataset directory dir.
func readDir(dir string) (*data.Dataset, error) {
	ds, err := data.ReadDir(os.DirFS(dir))
	var problems data.Problems
	if errors.As(err, &problems) {
		for i := range problems {
			problems[i].File = filepath.Join(dir, problems[i].File)
		}
		return nil, problems
	}
	return ds, err
}

// readFiles reads loose GeoJSON files.
func readFiles(files []string) (*data.Dataset, error) {
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
		byAbs := map[string]string{}
		for i := range files {
			byAbs[abs[i]] = files[i]
			byAbs[filepath.Base(abs[i])] = files[i]
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

// describe says what the command line named, for messages.
func describe(args []string) string {
	switch {
	case len(args) == 0:
		return "the embedded dataset"
	case len(args) == 1:
		if fi, err := os.Stat(args[0]); err == nil && fi.IsDir() {
			return args[0]
		}
	}
	return fmt.Sprintf("%d file(s)", len(args))
}
