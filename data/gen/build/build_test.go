package main

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
)

var (
	sourceDir  = filepath.Join("..", "..", "source")
	datasetDir = filepath.Join("..", "..", "dataset")
)

// TestDatasetUpToDate fails when the committed data/dataset/ differs from what
// go run ./data/gen/build would write: edit data/source/, then rebuild.
func TestDatasetUpToDate(t *testing.T) {
	out, err := Build(os.DirFS(sourceDir), "data/source", os.DirFS(datasetDir), "data/dataset")
	if err != nil {
		t.Fatal(err)
	}
	files := out.Files
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		got, err := os.ReadFile(filepath.Join(datasetDir, name))
		if err != nil {
			t.Errorf("data/dataset/%s: %v (run go run ./data/gen/build)", name, err)
			continue
		}
		if !bytes.Equal(got, files[name]) {
			t.Errorf("data/dataset/%s differs from a fresh build of data/source: run go run ./data/gen/build", name)
		}
	}
	// Every layer file in the dataset directory comes from the tables.
	layers, _ := filepath.Glob(filepath.Join(datasetDir, "*.geojson"))
	for _, l := range layers {
		if _, ok := files[filepath.Base(l)]; !ok {
			t.Errorf("%s is not built from data/source (not a layer of the manifest?)", l)
		}
	}
	// The README's review list is the tables' review column.
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	want, err := withReviewList(readme, out.Review)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(readme, want) {
		t.Error("the review list of data/README.md differs from the tables: run go run ./data/gen/build")
	}
}

// TestDeterministic builds twice and compares the bytes.
func TestDeterministic(t *testing.T) {
	a, err := Build(os.DirFS(sourceDir), "data/source", os.DirFS(datasetDir), "data/dataset")
	if err != nil {
		t.Fatal(err)
	}
	b, err := Build(os.DirFS(sourceDir), "data/source", os.DirFS(datasetDir), "data/dataset")
	if err != nil {
		t.Fatal(err)
	}
	for name := range a.Files {
		if !bytes.Equal(a.Files[name], b.Files[name]) {
			t.Errorf("%s: two builds differ", name)
		}
	}
}

// A small dataset for the error tests: one layer, two languages.
const (
	tinyManifest = `{"id":"tiny","title":{"en":"Tiny"},"languages":["en","fr"],"default_language":"en","time_zone":"UTC",
"window":{"start":"2000-01-01T00:00:00Z","end":"2001-01-01T00:00:00Z","speed":"week"},
"timeline":{"start":"2000-01-01T00:00:00Z","end":"2001-01-01T00:00:00Z"},
"layers":[{"id":"sites","title":{"en":"Sites"},"kind":"point","style":{},"legend":{},"popup":[]}]}`
	tinyGeometry = `{"type":"FeatureCollection","collection":"sites","features":[
{"type":"Feature","id":"a","geometry":{"type":"Point","coordinates":[1,2]},"properties":{"valid_from":"2000-01-01T00:00:00Z","valid_to":null,"track":null,"interpolate":"step"}},
{"type":"Feature","id":"b","geometry":{"type":"Point","coordinates":[3,4]},"properties":{"interpolate":"step","track":null,"valid_from":"2000-01-01T00:00:00Z","valid_to":null}}
]}
`
	tinyBib = "key,authors,title,container,date,pages,url,kind,consulted,note\n" +
		"doe2001,Jane Doe,A Book,Somewhere: Press,2001,,,book,original,\n" +
		"roe1999,Ann Roe,An Article,Journal 3(2),1999-05,10-20,https://doi.org/10.1/x,article,abstract: only the abstract,\n"
	tinyTexts = "id,name_en,name_fr,note_en,note_fr,certainty,sources,curator_note,review\n" +
		"a,Site A,Site A,A note.,Une note.,high,doe2001:5,check it,fr\n" +
		"b,Site B,,,,low,roe1999:12-14; doe2001,,\n"
)

func tiny(texts, bib string) (fstest.MapFS, fstest.MapFS) {
	src := fstest.MapFS{
		"geometry/sites.geojson": {Data: []byte(tinyGeometry)},
		"texts/sites.csv":        {Data: []byte(texts)},
		"bibliography.csv":       {Data: []byte(bib)},
	}
	return src, fstest.MapFS{"dataset.json": {Data: []byte(tinyManifest)}}
}

func TestBuildTiny(t *testing.T) {
	src, ds := tiny(tinyTexts, tinyBib)
	out, err := Build(src, "src", ds, "ds")
	if err != nil {
		t.Fatal(err)
	}
	got := string(out.Files["sites.geojson"])
	for _, want := range []string{
		// Alphabetical properties stay alphabetical, texts in their place.
		`"properties":{"certainty":"low","interpolate":"step","name":{"en":"Site B"},"sources":[{"key":"roe1999","title":"An Article","authors":"Ann Roe","container":"Journal 3(2)","date":"1999-05","pages":"12-14","url":"https://doi.org/10.1/x","citation":"Ann Roe, “An Article”, Journal 3(2), May 1999, pp. 12–14"},{"key":"doe2001","title":"A Book","authors":"Jane Doe","container":"Somewhere: Press","date":"2001","citation":"Jane Doe, A Book (Somewhere: Press, 2001)"}],"track":null,`,
		// Generator order: name after interpolate, the rest at the end.
		`"properties":{"valid_from":"2000-01-01T00:00:00Z","valid_to":null,"track":null,"interpolate":"step","name":{"en":"Site A","fr":"Site A"},"sources":[{"key":"doe2001","title":"A Book","authors":"Jane Doe","container":"Somewhere: Press","date":"2001","pages":"5","citation":"Jane Doe, A Book (Somewhere: Press, 2001), p. 5"}],"certainty":"high","note":{"en":"A note.","fr":"Une note."},"curator_note":"check it","review":["fr"]}`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("sites.geojson lacks\n%s\nin\n%s", want, got)
		}
	}
	if len(out.Review) != 1 || out.Review[0].ID != "a" || out.Review[0].Name != "Site A" || strings.Join(out.Review[0].Languages, " ") != "fr" {
		t.Errorf("review %+v, want a (fr)", out.Review)
	}
	readme := "# Data\n\n" + reviewBegin + "\nold\n" + reviewEnd + "\n"
	b, err := withReviewList([]byte(readme), out.Review)
	if err != nil || string(b) != "# Data\n\n"+reviewBegin+"\n1 feature:\n\n- `sites/a` (fr): Site A\n"+reviewEnd+"\n" {
		t.Errorf("review list: %v\n%s", err, b)
	}
	if _, err := withReviewList([]byte("# Data\n"), nil); err == nil {
		t.Error("a README without the markers must be an error")
	}
	if b := string(out.Files["bibliography.json"]); !strings.HasPrefix(b, `{"works":[`+"\n"+`{"key":"doe2001",`) {
		t.Errorf("bibliography.json: %s", b)
	}
}

// viewTexts gives site a a camera view: a zoom, an extent and the features it
// concerns.
func viewTexts(zoom, extent, concerns string) string {
	lines := strings.Split(tinyTexts, "\n")
	lines[0] += ",zoom,extent,concerns"
	lines[1] += "," + zoom + "," + extent + "," + concerns
	lines[2] += ",,,"
	return strings.Join(lines, "\n")
}

func TestBuildView(t *testing.T) {
	src, ds := tiny(viewTexts("9", "0.5 1.5 3.5 4.5", "b a"), tinyBib)
	out, err := Build(src, "src", ds, "ds")
	if err != nil {
		t.Fatal(err)
	}
	got := string(out.Files["sites.geojson"])
	if want := `"review":["fr"],"zoom":9,"extent":[0.5,1.5,3.5,4.5],"concerns":["b","a"]}`; !strings.Contains(got, want) {
		t.Errorf("sites.geojson lacks\n%s\nin\n%s", want, got)
	}
	if strings.Count(got, `"zoom"`) != 1 || strings.Contains(got, `"concerns":[]`) {
		t.Errorf("a row without a view must carry none:\n%s", got)
	}
}

// TestBuildErrors checks that each mistake a curator can make is refused with
// file:line:column and words that name it.
func TestBuildErrors(t *testing.T) {
	for _, c := range []struct {
		name, texts, bib, want string
	}{
		{"unknown id", tinyTexts + "c,Site C,,,,low,doe2001,,\n", tinyBib, `src/texts/sites.csv:4:1: unknown feature id "c"`},
		{"missing row", strings.Join(strings.Split(tinyTexts, "\n")[:2], "\n") + "\n", tinyBib, `src/texts/sites.csv: no row for feature "b" (src/geometry/sites.geojson:3)`},
		{"unknown source key", strings.Replace(tinyTexts, "doe2001:5", "doe2002:5", 1), tinyBib, `src/texts/sites.csv:2:40: unknown source key "doe2002"`},
		{"unknown column", strings.Replace(tinyTexts, "review", "reviewed", 1), tinyBib, `src/texts/sites.csv:1:67: unknown column "reviewed"`},
		{"language not in the manifest", strings.Replace(tinyTexts, "note_fr", "note_km", 1), tinyBib, `src/texts/sites.csv:1:28: unknown column "note_km"`},
		{"bad certainty", strings.Replace(tinyTexts, ",high,", ",sure,", 1), tinyBib, `src/texts/sites.csv:2:35: certainty "sure": want high, medium or low`},
		{"no name", strings.Replace(tinyTexts, "a,Site A,", "a,,", 1), tinyBib, `src/texts/sites.csv:2:3: feature a has no name in en`},
		{"duplicate id", tinyTexts + "a,Site A,,,,low,doe2001,,\n", tinyBib, `src/texts/sites.csv:4:1: id "a" already has a row (line 2)`},
		{"bad review", strings.Replace(tinyTexts, "check it,fr", "check it,french", 1), tinyBib, `review "french"`},
		{"no sources", strings.Replace(tinyTexts, "low,roe1999:12-14; doe2001", "low,", 1), tinyBib, `src/texts/sites.csv:3:17: feature b has no sources`},
		{"bad kind", tinyTexts, strings.Replace(tinyBib, ",book,", ",novel,", 1), `src/bibliography.csv:2:49: kind "novel"`},
		{"bad consulted", tinyTexts, strings.Replace(tinyBib, ",original,", ",read,", 1), `consulted "read"`},
		{"merge conflict", strings.Replace(tinyTexts, "b,Site B", "<<<<<<< HEAD\nb,Site B", 1) + "=======\nb,Site B2,,,,low,doe2001,,\n>>>>>>> other\n", tinyBib, `src/texts/sites.csv:3:1: unresolved merge conflict`},
		{"zoom not a number", viewTexts("nine", "", ""), tinyBib, `src/texts/sites.csv:2:62: zoom "nine": want a whole number from 0 to 18`},
		{"zoom too deep", viewTexts("19", "", ""), tinyBib, `zoom "19": want a whole number from 0 to 18`},
		{"extent of three numbers", viewTexts("", "1 2 3", ""), tinyBib, `src/texts/sites.csv:2:63: extent "1 2 3": want four numbers separated by spaces: west south east north`},
		{"extent with commas", viewTexts("", "1;2;3;4", ""), tinyBib, `extent "1;2;3;4": want four numbers`},
		{"extent upside down", viewTexts("", "3 4 1 2", ""), tinyBib, `extent "3 4 1 2": want west < east within ±180 and south < north within ±90`},
		{"concerns an unknown id", viewTexts("", "", "b z"), tinyBib, `src/texts/sites.csv:2:64: feature a concerns "z": no feature or track of the dataset has that id`},
		{"bad quote", tinyTexts + "\"c,x\n", tinyBib, `src/texts/sites.csv:4:6: extraneous or missing " in quoted-field`},
	} {
		t.Run(c.name, func(t *testing.T) {
			src, ds := tiny(c.texts, c.bib)
			_, err := Build(src, "src", ds, "ds")
			if err == nil {
				t.Fatal("built without error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error\n%v\nlacks %q", err, c.want)
			}
		})
	}
}

// TestConflictedBibliography: a bibliography left with merge markers is
// reported once, not as every key that cites it.
func TestConflictedBibliography(t *testing.T) {
	bib := strings.Replace(tinyBib, "doe2001,", "<<<<<<< HEAD\ndoe2001,", 1) + "=======\n>>>>>>> other\n"
	src, ds := tiny(tinyTexts, bib)
	_, err := Build(src, "src", ds, "ds")
	if err == nil || !strings.HasPrefix(err.Error(), "3 problems") || strings.Contains(err.Error(), "unknown source key") {
		t.Errorf("got %v", err)
	}
}

// TestGeometryMustNotCarryTexts: a name in the geometry file would silently
// compete with the table's.
func TestGeometryMustNotCarryTexts(t *testing.T) {
	src, ds := tiny(tinyTexts, tinyBib)
	src["geometry/sites.geojson"] = &fstest.MapFile{Data: []byte(strings.Replace(tinyGeometry, `"interpolate":"step"}}`+",\n"+`{"type":"Feature","id":"b"`, `"interpolate":"step","name":{"en":"x"}}}`+",\n"+`{"type":"Feature","id":"b"`, 1))}
	_, err := Build(src, "src", ds, "ds")
	if err == nil || !strings.Contains(err.Error(), `src/geometry/sites.geojson:2: feature a: "name" belongs in the texts table`) {
		t.Errorf("got %v", err)
	}
}

// TestRun writes a tiny dataset directory, then checks it.
func TestRun(t *testing.T) {
	src, ds := tiny(tinyTexts, tinyBib)
	srcDir, dst := t.TempDir(), t.TempDir()
	for name, f := range src {
		path := filepath.Join(srcDir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dst, "dataset.json"), ds["dataset.json"].Data, 0o644); err != nil {
		t.Fatal(err)
	}
	readme := filepath.Join(dst, "README.md")
	if err := os.WriteFile(readme, []byte(reviewBegin+"\n"+reviewEnd+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(srcDir, dst, readme, true); err == nil {
		t.Error("-check passed before the first build")
	}
	if err := run(srcDir, dst, readme, false); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"sites.geojson", "bibliography.json"} {
		if _, err := os.Stat(filepath.Join(dst, name)); err != nil {
			t.Errorf("%s not written: %v", name, err)
		}
	}
	if b, _ := os.ReadFile(readme); !strings.Contains(string(b), "- `sites/a` (fr): Site A") {
		t.Errorf("README review list not written:\n%s", b)
	}
	if err := run(srcDir, dst, readme, true); err != nil {
		t.Errorf("-check after a build: %v", err)
	}
	if err := os.WriteFile(filepath.Join(dst, "sites.geojson"), []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := run(srcDir, dst, readme, true); err == nil {
		t.Error("-check passed on an edited layer file")
	}
	if leftovers, _ := filepath.Glob(filepath.Join(dst, ".*")); len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// TestCards: the manifest's cards cite works by key too; an unknown key is an
// error, and a work cited by nothing is reported.
func TestCards(t *testing.T) {
	src, ds := tiny(tinyTexts, tinyBib+"poe1850,Edgar Poe,Tales,,1850,,,book,original,\n")
	cards := func(key string) []byte {
		return []byte(strings.Replace(tinyManifest, `"layers"`, `"cards":{"intro":{"title":{"en":"Intro"},"sections":[{"id":"q","heading":{"en":"Q"},"text":{"en":"Text."},"sources":[{"key":"`+key+`"}]}]}},"layers"`, 1))
	}
	ds["dataset.json"] = &fstest.MapFile{Data: cards("roe1999")}
	out, err := Build(src, "src", ds, "ds")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(out.Uncited, " ") != "poe1850" {
		t.Errorf("uncited %v, want poe1850", out.Uncited)
	}
	ds["dataset.json"] = &fstest.MapFile{Data: cards("poe1851")}
	_, err = Build(src, "src", ds, "ds")
	if err == nil || !strings.Contains(err.Error(), `ds/dataset.json: cards.intro.sections[0] (q).sources[0]: unknown source key "poe1851"`) {
		t.Errorf("got %v", err)
	}
}

func TestPageRef(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"395", "p. 395"},
		{"341-343", "pp. 341–343"},
		{"36,62", "pp. 36,62"},
		{"¶58", "para. 58"},
		{"¶58-60", "paras 58–60"},
	} {
		if got := pageRef(c.in); got != c.want {
			t.Errorf("pageRef(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
