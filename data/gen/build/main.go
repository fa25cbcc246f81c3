// Command build rebuilds a dataset directory from its curator tables: it merges
// the geometry the generators (or QGIS) wrote, data/source/geometry/<layer>.geojson,
// with the texts of data/source/texts/<layer>.csv (names, captions, notes by
// language, certainty, source keys, curator notes, review flags) and the works of
// data/source/bibliography.csv, and writes data/dataset/<layer>.geojson and
// data/dataset/bibliography.json. The layers and languages are the manifest's
// (data/dataset/dataset.json). Run from the repository root:
//
//	go run ./data/gen/build                       # data/source → data/dataset
//	go run ./data/gen/build -source S -dataset D  # other directories
//	go run ./data/gen/build -check                # only say whether data/dataset is up to date
//
// It also rewrites the review list of data/README.md (the features whose texts
// await a native speaker's review, from the tables' review column).
//
// Nothing is written unless every table is valid; each problem is reported as
// file:line:column: what is wrong. The output is deterministic.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	src := flag.String("source", filepath.Join("data", "source"), "directory holding geometry/, texts/ and bibliography.csv")
	dst := flag.String("dataset", filepath.Join("data", "dataset"), "dataset directory: holds dataset.json, receives the layers and bibliography.json")
	readme := flag.String("readme", filepath.Join("data", "README.md"), "README whose review list to rewrite (\"\" for none)")
	check := flag.Bool("check", false, "write nothing; fail if the dataset directory or the README differs from a fresh build")
	flag.Parse()
	if err := run(*src, *dst, *readme, *check); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(src, dst, readme string, check bool) error {
	out, err := Build(os.DirFS(src), src, os.DirFS(dst), dst)
	if err != nil {
		return err
	}
	files := map[string]string{}
	content := map[string][]byte{}
	for name, b := range out.Files {
		files[name] = filepath.Join(dst, name)
		content[name] = b
	}
	if readme != "" {
		old, err := os.ReadFile(readme)
		if err != nil {
			return fmt.Errorf("read %s: %w", readme, err)
		}
		b, err := withReviewList(old, out.Review)
		if err != nil {
			return fmt.Errorf("%s: %w", readme, err)
		}
		files[readme] = readme
		content[readme] = b
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	stale := 0
	for _, name := range names {
		path := files[name]
		old, _ := os.ReadFile(path)
		if bytes.Equal(old, content[name]) {
			continue
		}
		stale++
		if check {
			fmt.Fprintf(os.Stderr, "%s is out of date\n", path)
			continue
		}
		if err := writeAtomic(path, content[name]); err != nil {
			return err
		}
		fmt.Printf("wrote %s\n", path)
	}
	if check && stale > 0 {
		return fmt.Errorf("%d files out of date: run go run ./data/gen/build", stale)
	}
	if stale == 0 {
		fmt.Printf("up to date: %d files in %s", len(out.Files), dst)
		if readme != "" {
			fmt.Printf(" and the review list of %s", readme)
		}
		fmt.Println()
	}
	if len(out.Uncited) > 0 {
		fmt.Printf("%d works of the bibliography are cited by no feature and no card: %s\n", len(out.Uncited), strings.Join(out.Uncited, ", "))
	}
	if len(out.Review) > 0 {
		fmt.Printf("%d features await a native speaker's review (see %s)\n", len(out.Review), readme)
	}
	return nil
}

// writeAtomic writes a file through a temporary file and a rename, so that a
// server watching the directory never reads half a layer.
func writeAtomic(path string, b []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		os.Remove(tmp.Name())
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
