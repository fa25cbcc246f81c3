package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/gen/internal/genjson"
)

// Output is what a build produces.
type Output struct {
	// Files are the files to write in the dataset directory, keyed by name: one
	// <layer>.geojson per layer of the manifest, and the bibliography.
	Files map[string][]byte
	// Review lists the features whose texts await a native speaker's review.
	Review []Flag
	// Uncited lists the works of the bibliography that no feature and no card
	// cites (not an error: a curator may be adding them).
	Uncited []string
}

// Flag is a feature flagged for review in some languages.
type Flag struct {
	Layer, ID, Name string
	Languages       []string
}

// Build reads the curator tables in source (geometry/, texts/,
// bibliography.csv) and the manifest in dataset, and returns what to write.
// srcName and dsName are how source and dataset are named in messages (their
// paths). Nothing is returned unless every table is valid.
func Build(source fs.FS, srcName string, dataset fs.FS, dsName string) (Output, error) {
	m, err := readManifest(dataset, dsName)
	if err != nil {
		return Output{}, err
	}
	var ps problems
	name := func(p string) string { return path.Join(srcName, p) }

	bibFile := name("bibliography.csv")
	bib, err := source.Open("bibliography.csv")
	if err != nil {
		return Output{}, fmt.Errorf("read bibliography: %w", err)
	}
	works := readBibliography(bibFile, bib, &ps)
	bib.Close()

	out := Output{Files: map[string][]byte{}}
	cited := checkCards(m, works, path.Join(dsName, "dataset.json"), &ps)
	known := map[string]bool{} // every feature id and track, for the concerns
	type concern struct {
		file string
		row  texts
	}
	var concerns []concern
	for _, l := range m.Layers {
		geomFile, textFile := name("geometry/"+l.ID+".geojson"), name("texts/"+l.ID+".csv")
		gb, err := fs.ReadFile(source, "geometry/"+l.ID+".geojson")
		if err != nil {
			ps.add(geomFile, 0, 0, "layer %s of the manifest has no geometry: %v", l.ID, err)
			continue
		}
		geom := readGeometry(geomFile, gb, &ps)
		if geom.Collection != "" && geom.Collection != l.ID {
			ps.add(geomFile, 1, 0, "collection %q: want %q", geom.Collection, l.ID)
		}
		tf, err := source.Open("texts/" + l.ID + ".csv")
		if err != nil {
			ps.add(textFile, 0, 0, "layer %s has no texts table: %v", l.ID, err)
			continue
		}
		rows := readTexts(textFile, tf, m, works, &ps)
		tf.Close()
		for _, f := range geom.Features {
			known[f.ID] = true
			if t := f.track(); t != "" {
				known[t] = true
			}
		}
		for _, r := range rows {
			if len(r.view.concerns) > 0 {
				concerns = append(concerns, concern{textFile, r})
			}
		}
		b, err := mergeLayer(l.ID, geom, rows, m, works, geomFile, textFile, &ps)
		if err != nil {
			return Output{}, fmt.Errorf("encode %s: %w", l.ID, err)
		}
		out.Files[l.ID+".geojson"] = b
		for _, r := range rows {
			for _, s := range r.sources {
				cited[s[0]] = true
			}
			if len(r.review) > 0 {
				out.Review = append(out.Review, Flag{Layer: l.ID, ID: r.id, Name: r.name[m.DefaultLanguage], Languages: r.review})
			}
		}
	}
	for _, c := range concerns {
		for _, id := range c.row.view.concerns {
			if !known[id] {
				ps.add(c.file, c.row.line, c.row.view.concernsCol, "feature %s concerns %q: no feature or track of the dataset has that id", c.row.id, id)
			}
		}
	}
	if err := ps.err(); err != nil {
		return Output{}, err
	}
	b, err := encodeBibliography(works)
	if err != nil {
		return Output{}, err
	}
	out.Files[bibliographyFile(m)] = b
	for k := range works {
		if !cited[k] {
			out.Uncited = append(out.Uncited, k)
		}
	}
	sort.Strings(out.Uncited)
	return out, nil
}

// checkCards checks the source keys of the manifest's cards against the
// bibliography and returns the keys they cite.
func checkCards(m *data.Manifest, works map[string]Work, file string, ps *problems) map[string]bool {
	cited := map[string]bool{}
	if m.Cards == nil {
		return cited
	}
	for _, c := range []struct {
		name string
		card data.Card
	}{{"epilogue", m.Cards.Epilogue}, {"intro", m.Cards.Intro}} {
		for i, sec := range c.card.Sections {
			for j, s := range sec.Sources {
				if _, ok := works[s.Key]; !ok && works != nil {
					ps.add(file, 0, 0, "cards.%s.sections[%d] (%s).sources[%d]: unknown source key %q (not in the bibliography)", c.name, i, sec.ID, j, s.Key)
				}
				cited[s.Key] = true
			}
		}
	}
	return cited
}

// mergeLayer joins a layer's geometry and texts by feature id, in the
// geometry's feature order, and encodes the layer file.
func mergeLayer(layer string, geom geomLayer, rows []texts, m *data.Manifest, works map[string]Work, geomFile, textFile string, ps *problems) ([]byte, error) {
	byID := map[string]texts{}
	for _, r := range rows {
		byID[r.id] = r
	}
	inGeom := map[string]bool{}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, "{\"type\":\"FeatureCollection\",\"collection\":%q,\"features\":[\n", layer)
	for i, f := range geom.Features {
		if inGeom[f.ID] {
			ps.add(geomFile, f.line, 0, "duplicate feature id %q", f.ID)
			continue
		}
		inGeom[f.ID] = true
		t, ok := byID[f.ID]
		if !ok {
			ps.add(textFile, 0, 0, "no row for feature %q (%s:%d)", f.ID, geomFile, f.line)
			continue
		}
		p, err := textProps(t, m, works)
		if err != nil {
			return nil, err
		}
		js, err := genjson.Marshal(struct {
			Type       string          `json:"type"`
			ID         string          `json:"id"`
			Geometry   json.RawMessage `json:"geometry"`
			Properties json.RawMessage `json:"properties"`
		}{"Feature", f.ID, f.Geometry, encodeProps(place(f.Properties, p))})
		if err != nil {
			return nil, fmt.Errorf("feature %s: %w", f.ID, err)
		}
		buf.Write(js)
		if i < len(geom.Features)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]}\n")
	for _, r := range rows {
		if !inGeom[r.id] {
			ps.add(textFile, r.line, 1, "unknown feature id %q (not in %s)", r.id, geomFile)
		}
	}
	return buf.Bytes(), nil
}

// textProps turns a row of texts into the properties the API serves.
func textProps(t texts, m *data.Manifest, works map[string]Work) (props, error) {
	var out props
	add := func(key string, v any) error {
		b, err := genjson.Marshal(v)
		if err != nil {
			return fmt.Errorf("%s: %w", key, err)
		}
		out = append(out, prop{key, b})
		return nil
	}
	cited := make([]Cited, 0, len(t.sources))
	for _, s := range t.sources {
		cited = append(cited, cite(works[s[0]], s[1]))
	}
	steps := []struct {
		key  string
		skip bool
		v    any
	}{
		{"name", false, byLanguage{m.Languages, t.name}},
		{"caption", len(t.caption) == 0, byLanguage{m.Languages, t.caption}},
		{"sources", false, cited},
		{"certainty", false, t.certainty},
		{"note", len(t.note) == 0, byLanguage{m.Languages, t.note}},
		{"curator_note", t.curatorNote == "", t.curatorNote},
		{"review", len(t.review) == 0, t.review},
		{"zoom", t.view.zoom == nil, t.view.zoom},
		{"extent", t.view.extent == nil, t.view.extent},
		{"concerns", len(t.view.concerns) == 0, t.view.concerns},
	}
	for _, s := range steps {
		if s.skip {
			continue
		}
		if err := add(s.key, s.v); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// place puts the text properties among the geometry's. A layer whose
// properties are in alphabetical order keeps that order; otherwise the name
// and caption follow "interpolate" and the rest (sources, certainty, note,
// curator_note, review) close the object, as the polygon generator always
// wrote them.
func place(geom, text props) props {
	out := append(props(nil), geom...)
	if geom.sorted() {
		out = append(out, text...)
		sort.SliceStable(out, func(i, j int) bool { return out[i].key < out[j].key })
		return out
	}
	at := geom.index("interpolate") + 1
	var head, tail props
	for _, p := range text {
		if p.key == "name" || p.key == "caption" {
			head = append(head, p)
		} else {
			tail = append(tail, p)
		}
	}
	out = append(append(append(props(nil), geom[:at]...), head...), geom[at:]...)
	return append(out, tail...)
}

func encodeProps(ps props) json.RawMessage {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range ps {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := genjson.Marshal(p.key)
		b.Write(k)
		b.WriteByte(':')
		b.Write(p.value)
	}
	b.WriteByte('}')
	return b.Bytes()
}

// encodeBibliography writes {"works": [...]} sorted by key, one work a line.
func encodeBibliography(works map[string]Work) ([]byte, error) {
	keys := make([]string, 0, len(works))
	for k := range works {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var buf bytes.Buffer
	buf.WriteString("{\"works\":[\n")
	for i, k := range keys {
		b, err := genjson.Marshal(works[k])
		if err != nil {
			return nil, fmt.Errorf("bibliography %s: %w", k, err)
		}
		buf.Write(b)
		if i < len(keys)-1 {
			buf.WriteByte(',')
		}
		buf.WriteByte('\n')
	}
	buf.WriteString("]}\n")
	return buf.Bytes(), nil
}
