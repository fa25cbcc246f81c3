package main

import (
	"errors"
	"fmt"
	"io/fs"
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

// readFiles reads loose GeoJSON files. They are opened by the names
// given, so that every message names them as the user wrote them
// (absolute paths keep their leading /).
func readFiles(files []string) (*data.Dataset, error) {
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
