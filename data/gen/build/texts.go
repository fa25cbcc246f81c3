package main

import (
	"io"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/data/gen/internal/genjson"
)

// texts is one row of a layer's texts table.
type texts struct {
	id          string
	name        map[string]string
	caption     map[string]string
	note        map[string]string
	certainty   string
	sources     [][2]string // key, pages
	curatorNote string
	review      []string
	view        view
	line        int
}

// view is where the page's camera looks when it shows a feature (an event):
// a zoom for its point or an extent to fit, and the features it concerns,
// which are highlighted. All optional; a curator sets them in the zoom,
// extent and concerns columns.
type view struct {
	zoom        *int
	extent      []float64 // west, south, east, north
	concerns    []string  // feature ids or tracks, in any layer
	concernsCol int
}

var langRE = regexp.MustCompile(`^[a-z]{2,3}$`)

// textColumns says which columns a texts table may have: the fixed ones,
// name, caption and note in a language of the manifest, and names in any
// other language (a place's Vietnamese name, say).
func textColumns(m *data.Manifest) func(string) bool {
	return func(c string) bool {
		switch c {
		case "id", "certainty", "sources", "curator_note", "review", "zoom", "extent", "concerns":
			return true
		}
		field, lang, ok := strings.Cut(c, "_")
		if !ok {
			return false
		}
		switch field {
		case "name":
			return langRE.MatchString(lang)
		case "caption", "note":
			return slices.Contains(m.Languages, lang)
		}
		return false
	}
}

// readTexts reads a layer's texts table, checking every cell it can without
// the geometry: languages, certainty, source keys against the bibliography
// (unless works is nil: the bibliography could not be read).
func readTexts(file string, r io.Reader, m *data.Manifest, works map[string]Work, ps *problems) []texts {
	def := m.DefaultLanguage
	t := readTable(file, r, textColumns(m), []string{"id", "name_" + def, "certainty", "sources"}, ps)
	var out []texts
	seen := map[string]int{}
	for _, rw := range t.rows {
		bad := func(col, format string, args ...any) { ps.add(file, rw.line, rw.cols[col], format, args...) }
		x := texts{id: rw.get("id"), line: rw.line, name: map[string]string{}, caption: map[string]string{}, note: map[string]string{},
			certainty: rw.get("certainty"), curatorNote: rw.get("curator_note")}
		if x.id == "" {
			bad("id", "row without an id")
			continue
		}
		if l, dup := seen[x.id]; dup {
			bad("id", "id %q already has a row (line %d)", x.id, l)
			continue
		}
		seen[x.id] = rw.line
		for _, c := range t.header {
			field, lang, _ := strings.Cut(c, "_")
			v := rw.get(c)
			if v == "" {
				continue
			}
			switch field {
			case "name":
				x.name[lang] = v
			case "caption":
				x.caption[lang] = v
			case "note":
				x.note[lang] = v
			}
		}
		if x.name[def] == "" {
			bad("name_"+def, "feature %s has no name in %s", x.id, def)
		}
		for _, f := range []struct {
			field string
			text  map[string]string
		}{{"caption", x.caption}, {"note", x.note}} {
			if len(f.text) > 0 && f.text[def] == "" {
				bad(f.field+"_"+def, "feature %s has a %s in other languages but not in %s", x.id, f.field, def)
			}
		}
		switch x.certainty {
		case "high", "medium", "low":
		default:
			bad("certainty", "certainty %q: want high, medium or low", x.certainty)
		}
		srcs, err := parseSources(rw.get("sources"))
		switch {
		case err != nil:
			bad("sources", "%v", err)
		case len(srcs) == 0:
			bad("sources", "feature %s has no sources", x.id)
		}
		keys := map[string]bool{}
		for _, s := range srcs {
			if _, ok := works[s[0]]; !ok && works != nil {
				bad("sources", "unknown source key %q (not in the bibliography)", s[0])
			}
			if keys[s[0]] {
				bad("sources", "source key %q cited twice: join its pages, e.g. %s:58-60", s[0], s[0])
			}
			keys[s[0]] = true
		}
		x.sources = srcs
		for _, code := range strings.Fields(rw.get("review")) {
			if !slices.Contains(m.Languages, code) {
				bad("review", "review %q: want language codes of the manifest (%s) separated by spaces", code, strings.Join(m.Languages, " "))
			}
			x.review = append(x.review, code)
		}
		x.view = readView(rw, bad)
		out = append(out, x)
	}
	return out
}

// maxViewZoom is the deepest zoom a curator may ask the camera for.
const maxViewZoom = 18

// readView reads a row's zoom, extent and concerns cells. The concerns are
// checked against the dataset's ids later, when every layer has been read.
func readView(rw row, bad func(col, format string, args ...any)) view {
	var v view
	if z := rw.get("zoom"); z != "" {
		n, err := strconv.Atoi(z)
		if err != nil || n < 0 || n > maxViewZoom {
			bad("zoom", "zoom %q: want a whole number from 0 to %d", z, maxViewZoom)
		} else {
			v.zoom = &n
		}
	}
	if e := rw.get("extent"); e != "" {
		fs := strings.Fields(e)
		var ext []float64
		for _, f := range fs {
			n, err := strconv.ParseFloat(f, 64)
			if err != nil || math.IsNaN(n) || math.IsInf(n, 0) {
				break
			}
			ext = append(ext, n)
		}
		switch {
		case len(ext) != 4 || len(fs) != 4:
			bad("extent", "extent %q: want four numbers separated by spaces: west south east north", e)
		case ext[0] < -180 || ext[2] > 180 || ext[1] < -90 || ext[3] > 90 || ext[0] >= ext[2] || ext[1] >= ext[3]:
			bad("extent", "extent %q: want west < east within ±180 and south < north within ±90", e)
		default:
			v.extent = ext
		}
	}
	v.concerns = strings.Fields(rw.get("concerns"))
	v.concernsCol = rw.cols["concerns"]
	return v
}

// byLanguage orders a text by language: the manifest's languages first, in
// its order, then any other (sorted).
type byLanguage struct {
	order []string
	text  map[string]string
}

func (b byLanguage) MarshalJSON() ([]byte, error) {
	var keys []string
	done := map[string]bool{}
	for _, l := range b.order {
		if b.text[l] != "" {
			keys = append(keys, l)
			done[l] = true
		}
	}
	var rest []string
	for l := range b.text {
		if !done[l] && b.text[l] != "" {
			rest = append(rest, l)
		}
	}
	sort.Strings(rest)
	keys = append(keys, rest...)
	var buf strings.Builder
	buf.WriteByte('{')
	for i, k := range keys {
		if i > 0 {
			buf.WriteByte(',')
		}
		kb, _ := genjson.Marshal(k)
		vb, err := genjson.Marshal(b.text[k])
		if err != nil {
			return nil, err
		}
		buf.Write(kb)
		buf.WriteByte(':')
		buf.Write(vb)
	}
	buf.WriteByte('}')
	return []byte(buf.String()), nil
}
