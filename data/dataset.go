package data

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io/fs"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/timeslice/timeslice/geo"
)

// Dataset is a read and validated dataset: its manifest and its
// features, in Seq order (layer by layer, in manifest order).
type Dataset struct {
	// Manifest is nil for loose files read without one (ReadFS with
	// names); stores then use BareManifest.
	Manifest *Manifest
	Features []geo.Feature
	// Version names the content: a hash of every file read.
	Version string
}

// ReadFS reads and validates a dataset directory (ReadDir) or, given
// names, those GeoJSON files alone, without a manifest: each file's
// layer is its "collection" member or its name. The error, if any, is
// Problems listing everything wrong, or a plain error when a file
// cannot be opened.
func ReadFS(fsys fs.FS, names ...string) (*Dataset, error) {
	if len(names) == 0 {
		return ReadDir(fsys)
	}
	r := reader{fsys: fsys, hash: sha256.New()}
	for _, name := range names {
		if err := r.layerFile(name, ""); err != nil {
			return nil, err
		}
	}
	return r.finish(nil)
}

// ReadDir reads and validates the dataset directory fsys: dataset.json,
// one <layer>.geojson per layer of the manifest and, when present, the
// bibliography the manifest names (it must then be JSON). Features are converted to the manifest's time zone.
func ReadDir(fsys fs.FS) (*Dataset, error) {
	r := reader{fsys: fsys, hash: sha256.New()}
	raw, err := r.file(ManifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, Problems{{File: ManifestFile, Reason: "missing: a dataset directory holds dataset.json and one <layer>.geojson per layer"}}
	}
	if err != nil {
		return nil, err
	}
	m, problems := parseManifest(ManifestFile, raw)
	if m == nil {
		return nil, problems
	}
	r.errs = problems // and look at the layers' files still
	for _, l := range m.Layers {
		if !idPattern.MatchString(l.ID) {
			continue // reported
		}
		name := l.ID + ".geojson"
		if err := r.layerFile(name, l.ID); errors.Is(err, fs.ErrNotExist) {
			r.errs = append(r.errs, Problem{File: name, Reason: fmt.Sprintf("missing: layers[%d] %q of %s has no file", slices.Index(m.LayerIDs(), l.ID), l.ID, ManifestFile)})
		} else if err != nil {
			return nil, err
		}
	}
	others, err := fs.Glob(fsys, "*.geojson")
	if err != nil {
		return nil, fmt.Errorf("list dataset files: %w", err)
	}
	for _, name := range others {
		if _, ok := m.Layer(strings.TrimSuffix(name, ".geojson")); !ok {
			r.errs = append(r.errs, Problem{File: name, Reason: fmt.Sprintf("not a layer of %s: add it to layers or remove the file", ManifestFile)})
		}
	}
	var bib []byte
	if m.Bibliography != "" {
		bib, err = r.file(m.Bibliography)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			bib = nil // optional: served when present
		case err != nil:
			return nil, err
		case !json.Valid(bib):
			r.errs = append(r.errs, Problem{File: m.Bibliography, Reason: "not JSON"})
		}
	}
	ds, err := r.finish(m)
	if err != nil {
		return nil, err
	}
	m.BibliographyData = bib
	return ds, nil
}

// reader accumulates a dataset's files.
type reader struct {
	fsys  fs.FS
	hash  hash.Hash
	feats []geo.Feature
	files []string // files[seq] is the file of feature seq
	errs  Problems
}

// file reads one file whole and adds it to the version hash.
func (r *reader) file(name string) ([]byte, error) {
	b, err := fs.ReadFile(r.fsys, name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	fmt.Fprintf(r.hash, "%s %d\n", name, len(b))
	r.hash.Write(b)
	return b, nil
}

// layerFile reads one GeoJSON file; layer, when set, is the layer the
// manifest expects in it.
func (r *reader) layerFile(name, layer string) error {
	raw, err := r.file(name)
	if err != nil {
		return err
	}
	feats, problems := Read(name, strings.NewReader(string(raw)), len(r.feats))
	r.errs = append(r.errs, problems...)
	if layer != "" && len(feats) > 0 && feats[0].Layer != layer {
		r.errs = append(r.errs, Problem{File: name, Reason: fmt.Sprintf("collection %q: the file of layer %q must hold that layer", feats[0].Layer, layer)})
		return nil
	}
	r.feats = append(r.feats, feats...)
	for range feats {
		r.files = append(r.files, path.Base(name))
	}
	return nil
}

// finish validates across files and converts times to m's zone.
func (r *reader) finish(m *Manifest) (*Dataset, error) {
	files := r.files
	errs := append(r.errs, Validate(r.feats, func(seq int) string { return files[seq] })...)
	if len(errs) > 0 {
		return nil, errs
	}
	ds := &Dataset{Manifest: m, Features: r.feats, Version: hex.EncodeToString(r.hash.Sum(nil))[:16]}
	if m != nil {
		InZone(ds.Features, m.Location())
	}
	return ds, nil
}

// InZone moves the instants of fs into zone loc, in place: answers are
// written in the dataset's time zone.
func InZone(fs []geo.Feature, loc *time.Location) {
	for i := range fs {
		fs[i].From = fs[i].From.In(loc)
		if !fs[i].OpenEnded() {
			fs[i].To = fs[i].To.In(loc)
		}
	}
}

// BareManifest is the manifest of loose files: their layers in order of
// first appearance, titled by id, in UTC, in English, without events.
func BareManifest(fs []geo.Feature) *Manifest {
	m := &Manifest{ID: "dataset", Title: Text{"en": "Dataset"}, Languages: []string{"en"}, DefaultLanguage: "en",
		TimeZone: "Z", loc: time.UTC}
	for i := range fs {
		if _, ok := m.Layer(fs[i].Layer); !ok {
			m.Layers = append(m.Layers, LayerSpec{ID: fs[i].Layer, Title: Text{"en": fs[i].Layer}, Kind: kindOf(&fs[i])})
		}
	}
	if len(fs) > 0 {
		m.Timeline = Span{fs[0].From, fs[0].From.Add(time.Hour)}
		m.Window = View{Start: m.Timeline.Start, End: m.Timeline.End, Speed: "day"}
	}
	return m
}

func kindOf(f *geo.Feature) string {
	switch f.Geometry.GeoJSONType() {
	case "Point", "MultiPoint":
		return "point"
	case "LineString", "MultiLineString":
		return "line"
	}
	return "area"
}
