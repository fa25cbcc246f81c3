package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
)

// prop is one property of a feature, its value kept as written.
type prop struct {
	key   string
	value json.RawMessage
}

// props are a feature's properties in their order in the file.
type props []prop

// UnmarshalJSON reads an object keeping the order of its keys.
func (ps *props) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return fmt.Errorf("properties: want an object")
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return err
		}
		*ps = append(*ps, prop{t.(string), v})
	}
	_, err := dec.Token()
	return err
}

func (ps props) sorted() bool {
	return sort.SliceIsSorted(ps, func(i, j int) bool { return ps[i].key < ps[j].key })
}

func (ps props) index(key string) int {
	for i, p := range ps {
		if p.key == key {
			return i
		}
	}
	return -1
}

// geomFeature is one feature of a geometry file.
type geomFeature struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties props           `json:"properties"`
	line       int
}

// track is the feature's track property, or "".
func (f geomFeature) track() string {
	i := f.Properties.index("track")
	if i < 0 {
		return ""
	}
	var t string
	_ = json.Unmarshal(f.Properties[i].value, &t) // null or absent: no track
	return t
}

// geomLayer is a geometry file: a FeatureCollection whose features carry
// times, tracks and numbers, but no texts.
type geomLayer struct {
	Type       string        `json:"type"`
	Collection string        `json:"collection"`
	Features   []geomFeature `json:"features"`
}

// textKeys are the properties the texts tables own: a geometry file must not
// carry them.
var textKeys = map[string]bool{"name": true, "caption": true, "note": true, "certainty": true, "sources": true, "curator_note": true, "review": true,
	"zoom": true, "extent": true, "concerns": true}

// readGeometry parses a geometry file and finds the line of each feature.
func readGeometry(file string, b []byte, ps *problems) geomLayer {
	var l geomLayer
	if err := json.Unmarshal(b, &l); err != nil {
		ps.add(file, 0, 0, "%v", err)
		return l
	}
	for i := range l.Features {
		f := &l.Features[i]
		id, _ := json.Marshal(f.ID)
		if at := bytes.Index(b, append([]byte(`"id":`), id...)); at >= 0 {
			f.line = bytes.Count(b[:at], []byte("\n")) + 1
		}
		if f.ID == "" {
			ps.add(file, f.line, 0, "feature %d has no id", i)
		}
		for _, p := range f.Properties {
			if textKeys[p.key] {
				ps.add(file, f.line, 0, "feature %s: %q belongs in the texts table, not in the geometry", f.ID, p.key)
			}
		}
	}
	return l
}
