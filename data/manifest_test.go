package data_test

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// second is the second dataset's directory: synthetic, in French and
// English, in Paris time.
const second = "testdata/second"

// secondFS returns the second dataset's files, the manifest changed by
// edit (nil: as is).
func secondFS(t *testing.T, edit func(m map[string]any)) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	entries, err := os.ReadDir(second)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(second, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		fsys[e.Name()] = &fstest.MapFile{Data: b}
	}
	if edit != nil {
		var m map[string]any
		if err := json.Unmarshal(fsys["dataset.json"].Data, &m); err != nil {
			t.Fatal(err)
		}
		edit(m)
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		fsys["dataset.json"].Data = b
	}
	return fsys
}

func layer(m map[string]any, i int) map[string]any { return m["layers"].([]any)[i].(map[string]any) }

func TestManifestProblems(t *testing.T) {
	tests := []struct {
		name string
		edit func(m map[string]any)
		fs   func(fs fstest.MapFS)
		file string // of the problem
		want string // in the problem
	}{
		{name: "unknown top-level key", edit: func(m map[string]any) { m["titel"] = m["title"] },
			file: "dataset.json", want: "titel: unknown key"},
		{name: "unknown style key", edit: func(m map[string]any) { layer(m, 1)["style"].(map[string]any)["colour"] = "red" },
			file: "dataset.json", want: "layers[1].style.colour: unknown key"},
		{name: "missing layer file", fs: func(fs fstest.MapFS) { delete(fs, "routes.geojson") },
			file: "routes.geojson", want: `missing: layers[1] "routes" of dataset.json has no file`},
		{name: "unknown time zone", edit: func(m map[string]any) { m["time_zone"] = "Europe/Pariss" },
			file: "dataset.json", want: `time_zone: "Europe/Pariss" is not a known IANA time zone`},
		{name: "offset out of range", edit: func(m map[string]any) { m["time_zone"] = "+25:00" },
			file: "dataset.json", want: `time_zone: "+25:00" is not an offset from UTC`},
		{name: "zone abbreviation", edit: func(m map[string]any) { m["time_zone"] = "CET" },
			file: "dataset.json", want: `time_zone: "CET" is neither a fixed offset`},
		{name: "layer without a title in the default language", edit: func(m map[string]any) { layer(m, 0)["title"] = map[string]any{"en": "Sectors"} },
			file: "dataset.json", want: `layers[0].title: no text in the default language "fr"`},
		{name: "text in a language not listed", edit: func(m map[string]any) { layer(m, 0)["title"].(map[string]any)["km"] = "x" },
			file: "dataset.json", want: `layers[0].title.km: "km" is not one of languages`},
		{name: "default language not listed", edit: func(m map[string]any) { m["default_language"] = "de" },
			file: "dataset.json", want: `default_language: "de" is not one of languages`},
		{name: "chapter outside the timeline", edit: func(m map[string]any) {
			m["chapters"].([]any)[1].(map[string]any)["end"] = "2021-05-01T00:00:00+02:00"
		}, file: "dataset.json", want: "chapters[1]: 2021-03-28T00:00:00+01:00 – 2021-05-01T00:00:00+02:00 is outside the timeline"},
		{name: "overlapping chapters", edit: func(m map[string]any) {
			m["chapters"].([]any)[1].(map[string]any)["start"] = "2021-03-27T00:00:00+01:00"
		}, file: "dataset.json", want: "chapters[1]: starts 2021-03-27T00:00:00+01:00, before chapters[0] ends"},
		{name: "unknown events layer", edit: func(m map[string]any) { m["events_layer"] = "events" },
			file: "dataset.json", want: `events_layer: "events" is not one of layers [secteurs routes depots jalons]`},
		{name: "bad kind", edit: func(m map[string]any) { layer(m, 2)["kind"] = "dot" },
			file: "dataset.json", want: `layers[2].kind: "dot": want area, line, point or event`},
		{name: "duplicate layer", edit: func(m map[string]any) { layer(m, 2)["id"] = "routes" },
			file: "dataset.json", want: `layers[2].id: "routes" is also layers[1]`},
		{name: "bad speed", edit: func(m map[string]any) { m["window"].(map[string]any)["speed"] = "hour" },
			file: "dataset.json", want: `window.speed: "hour": want day, week or month`},
		{name: "bad scale", edit: func(m map[string]any) {
			layer(m, 1)["style"].(map[string]any)["width_by"].(map[string]any)["scale"] = "log"
		},
			file: "dataset.json", want: `layers[1].style.width_by.scale: "log": want sqrt or linear`},
		{name: "wrong type", edit: func(m map[string]any) { m["languages"] = "fr" },
			file: "dataset.json", want: "cannot unmarshal string into Go struct field Manifest.languages"},
		{name: "not JSON", fs: func(fs fstest.MapFS) { fs["dataset.json"].Data = []byte("{") },
			file: "dataset.json", want: "not JSON"},
		{name: "no manifest", fs: func(fs fstest.MapFS) { delete(fs, "dataset.json") },
			file: "dataset.json", want: "missing: a dataset directory holds dataset.json"},
		{name: "file of no layer", fs: func(fs fstest.MapFS) { fs["rivers.geojson"] = fs["routes.geojson"] },
			file: "rivers.geojson", want: "not a layer of dataset.json"},
		{name: "file holding another layer", fs: func(fs fstest.MapFS) { fs["depots.geojson"] = fs["jalons.geojson"] },
			file: "depots.geojson", want: `collection "jalons": the file of layer "depots" must hold that layer`},
		{name: "bibliography not JSON", fs: func(fs fstest.MapFS) { fs["bibliography.json"] = &fstest.MapFile{Data: []byte("works")} },
			file: "bibliography.json", want: "not JSON"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fsys := secondFS(t, tc.edit)
			if tc.fs != nil {
				tc.fs(fsys)
			}
			_, err := data.ReadDir(fsys)
			var ps data.Problems
			if !errors.As(err, &ps) {
				t.Fatalf("want Problems, got %v", err)
			}
			for _, p := range ps {
				if p.File == tc.file && strings.Contains(p.Reason, tc.want) {
					return
				}
			}
			t.Errorf("no problem in %s containing %q; got:\n%v", tc.file, tc.want, ps)
		})
	}
}

// TestSecondDataset reads the second dataset: its instants are written
// in Paris time, summer or winter, and its layers come in manifest order.
func TestSecondDataset(t *testing.T) {
	ds, err := data.ReadDir(os.DirFS(second))
	if err != nil {
		t.Fatal(err)
	}
	m := ds.Manifest
	if m.Location().String() != "Europe/Paris" || m.DefaultLanguage != "fr" || m.EventsLayer != "jalons" {
		t.Fatalf("manifest: zone %s, default language %s, events %s", m.Location(), m.DefaultLanguage, m.EventsLayer)
	}
	if m.BibliographyData == nil || ds.Version == "" {
		t.Error("no bibliography or no version")
	}
	mem := data.NewMemory(ds)
	ctx := context.Background()
	cs, _ := mem.Collections(ctx)
	var ids []string
	for _, c := range cs {
		ids = append(ids, c.ID+":"+c.Title)
	}
	if got := strings.Join(ids, " "); got != "secteurs:Secteurs routes:Routes depots:Dépôts jalons:Jalons" {
		t.Errorf("collections %s", got)
	}
	f, err := mem.Item(ctx, "routes", "r1-2")
	if err != nil {
		t.Fatal(err)
	}
	if a, b := geo.FormatTime(f.From), geo.FormatTime(f.To); a != "2021-03-27T08:00:00+01:00" || b != "2021-04-03T08:00:00+02:00" {
		t.Errorf("r1-2 valid %s – %s, want winter then summer time", a, b)
	}
	// A bare date is a day in Paris: 28 March 2021 has 23 hours.
	d, err := geo.ParseDatetime("2021-03-28", m.Location())
	if err != nil {
		t.Fatal(err)
	}
	if h := d.End.Sub(d.Start); h != 23*time.Hour {
		t.Errorf("28 March 2021 in Paris lasts %v, want 23h", h)
	}
	p, err := mem.Items(ctx, "jalons", data.Query{Datetime: &d})
	if err != nil || p.Matched != 1 || p.Features[0].ID != "j2" {
		t.Errorf("events of 28 March: %+v, %v", p, err)
	}
	// Halfway along r1-1 the road has grown and carries 25 vehicles.
	at := time.Date(2021, 3, 23, 20, 0, 0, 0, m.Location())
	p, err = mem.Items(ctx, "routes", data.Query{Datetime: &geo.Datetime{Instant: at, IsInstant: true}})
	if err != nil || p.Matched != 2 {
		t.Fatalf("routes at %v: %+v, %v", at, p, err)
	}
	if v := p.Features[0].Props["vehicles"]; v != 25.0 {
		t.Errorf("vehicles halfway = %v, want 25", v)
	}
	tl, _ := mem.Timeline(ctx)
	if len(tl.Events) != 3 || tl.Events[0].ID != "j1" || tl.Events[2].ID != "j3" {
		t.Errorf("timeline events %v", tl.Events)
	}
}

// TestManifestSchema checks that manifest.schema.json names exactly the
// keys Manifest reads, at every level.
func TestManifestSchema(t *testing.T) {
	var schema map[string]any
	if err := json.Unmarshal(data.ManifestSchema(), &schema); err != nil {
		t.Fatal(err)
	}
	defs := schema["$defs"].(map[string]any)
	var walk func(path string, s map[string]any, typ reflect.Type)
	walk = func(path string, s map[string]any, typ reflect.Type) {
		if ref, ok := s["$ref"].(string); ok {
			s = defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
		}
		for typ.Kind() == reflect.Pointer {
			typ = typ.Elem()
		}
		switch typ.Kind() {
		case reflect.Struct:
			if typ == reflect.TypeFor[time.Time]() {
				return
			}
			props, _ := s["properties"].(map[string]any)
			if s["additionalProperties"] != false {
				t.Errorf("%s: the schema allows unknown keys", path)
			}
			fields := map[string]reflect.Type{}
			for i := range typ.NumField() {
				f := typ.Field(i)
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if f.IsExported() && name != "-" && name != "" {
					fields[name] = f.Type
				}
			}
			for name, ft := range fields {
				ps, ok := props[name].(map[string]any)
				if !ok {
					t.Errorf("%s.%s: in Manifest, not in the schema", path, name)
					continue
				}
				walk(path+"."+name, ps, ft)
			}
			for name := range props {
				if _, ok := fields[name]; !ok {
					t.Errorf("%s.%s: in the schema, not in Manifest", path, name)
				}
			}
		case reflect.Slice:
			if items, ok := s["items"].(map[string]any); ok {
				walk(path+"[]", items, typ.Elem())
			}
		case reflect.Map:
			if add, ok := s["additionalProperties"].(map[string]any); ok {
				walk(path+".*", add, typ.Elem())
			}
		}
	}
	walk("", schema, reflect.TypeFor[data.Manifest]())
}

// TestEmbeddedManifestRoundTrip: the manifest served is the one read.
func TestEmbeddedManifestRoundTrip(t *testing.T) {
	for _, fsys := range []func() (*data.Dataset, error){data.Embedded, func() (*data.Dataset, error) { return data.ReadDir(os.DirFS(second)) }} {
		ds, err := fsys()
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(ds.Manifest)
		if err != nil {
			t.Fatal(err)
		}
		back, err := data.ParseManifest("again", b)
		if err != nil {
			t.Fatalf("the manifest as served does not validate: %v", err)
		}
		b2, _ := json.Marshal(back)
		if string(b) != string(b2) {
			t.Errorf("manifest changes when read again:\n%s\n%s", b, b2)
		}
	}
}
