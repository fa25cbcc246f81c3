package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestOutputUpToDate regenerates the six layers and compares them with the
// committed geometry files: edit the tables, then run go run ./data/gen/pointlines.
func TestOutputUpToDate(t *testing.T) {
	dir := t.TempDir()
	for _, l := range layers() {
		if err := writeLayer(dir, l.name, l.feats); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, l.name+".geojson"))
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(filepath.Join("..", "..", "source", "geometry", l.name+".geojson"))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/source/geometry/%s.geojson is out of date: run go run ./data/gen/pointlines", l.name)
		}
	}
}

// TestDeterministic checks that two runs give the same bytes.
func TestDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		for _, l := range layers() {
			if err := writeLayer(dir, l.name, l.feats); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, l := range layers() {
		x, _ := os.ReadFile(filepath.Join(a, l.name+".geojson"))
		y, _ := os.ReadFile(filepath.Join(b, l.name+".geojson"))
		if !bytes.Equal(x, y) {
			t.Errorf("%s: two runs differ", l.name)
		}
	}
}
