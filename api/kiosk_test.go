package api_test

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
)

// kioskManifestJSON is a small manifest a kiosk configuration is checked
// against: its languages, time zone, timeline and layer ids.
const kioskManifestJSON = `{"id": "kiosk-test", "title": {"en": "Kiosk test", "km": "Kiosk test", "fr": "Kiosk test"},
 "languages": ["en", "km", "fr"], "default_language": "en", "time_zone": "+07:00",
 "window": {"start": "1978-12-01T00:00:00+07:00", "end": "1980-12-31T00:00:00+07:00", "speed": "week"},
 "timeline": {"start": "1978-04-01T00:00:00+07:00", "end": "1980-12-31T00:00:00+07:00"},
 "layers": [
  {"id": "roads", "title": {"en": "Roads"}, "kind": "line", "style": {}, "legend": {}, "popup": []},
  {"id": "towns", "title": {"en": "Towns"}, "kind": "point", "style": {}, "legend": {}, "popup": []},
  {"id": "marks", "title": {"en": "Marks"}, "kind": "point", "style": {}, "legend": {}, "popup": []}]}`

// kioskManifest parses kioskManifestJSON.
func kioskManifest(t *testing.T) *data.Manifest {
	t.Helper()
	m, err := data.ParseManifest("dataset.json", []byte(kioskManifestJSON))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestParseKioskConfig(t *testing.T) {
	tests := []struct {
		name, config string
		want         map[string]string
		err          string // a part of the error; "" for none
	}{
		{"empty", `{}`, map[string]string{}, ""},
		{"all keys", `{"window": "1978-12-20/1979-02-01", "speed": "day", "dwell": 9, "languages": ["km", "en"],
			"alternate": "together", "idle": 60, "layers": ["roads", "marks"], "view": [11.5, 104.9, 7.5]}`,
			map[string]string{"window": "1978-12-20/1979-02-01", "speed": "day", "dwell": "9", "languages": "km,en",
				"alternate": "together", "idle": "60", "layers": "roads,marks", "view": "11.5,104.9,7.5"}, ""},
		{"URL forms", `{"languages": "fr,en", "layers": "towns", "view": "12,105,6", "window": "1979-01-01T00:00:00+07:00/1979-01-08"}`,
			map[string]string{"languages": "fr,en", "layers": "towns", "view": "12,105,6", "window": "1979-01-01T00:00:00+07:00/1979-01-08"}, ""},
		{"unknown key", `{"sped": "day"}`, nil, `unknown key "sped"`},
		{"bad speed", `{"speed": "fast"}`, nil, `key "speed": value "fast": want one of day, week, month`},
		{"speed not a string", `{"speed": 7}`, nil, `key "speed": value 7`},
		{"negative dwell", `{"dwell": -1}`, nil, `key "dwell": value -1`},
		{"idle too long", `{"idle": 86400}`, nil, `key "idle": value 86400`},
		{"idle as text", `{"idle": "90"}`, nil, `key "idle": value "90"`},
		{"unknown language", `{"languages": ["en", "de"]}`, nil, `key "languages": value ["en", "de"]: "de" is not one of the dataset's languages`},
		{"language twice", `{"languages": "en,en"}`, nil, `"en" is listed twice`},
		{"no languages", `{"languages": []}`, nil, `key "languages"`},
		{"together needs two", `{"languages": ["en"], "alternate": "together"}`, nil, `key "alternate": value "together"`},
		{"bad alternate", `{"alternate": "both"}`, nil, `key "alternate": value "both"`},
		{"unknown layer", `{"layers": ["roads", "rivers"]}`, nil, `key "layers": value ["roads", "rivers"]: "rivers" is not a layer`},
		{"window reversed", `{"window": "1979-02-01/1978-12-20"}`, nil, `key "window": value "1979-02-01/1978-12-20": the start is not before the end`},
		{"window outside timeline", `{"window": "1975-04-17/1979-01-07"}`, nil, `outside the dataset's timeline`},
		{"window not dates", `{"window": "January/February"}`, nil, `"January" is neither a date`},
		{"window one date", `{"window": "1979-01-07"}`, nil, `key "window": value "1979-01-07": want "START/END"`},
		{"view two numbers", `{"view": [11.5, 104.9]}`, nil, `key "view"`},
		{"view out of range", `{"view": "95,104,7"}`, nil, `key "view": value "95,104,7"`},
		{"not an object", `[1]`, nil, `not a JSON object`},
		{"two objects", `{} {}`, nil, `not a JSON object`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := api.ParseKioskConfig([]byte(tt.config), kioskManifest(t))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			got := c.Params()
			if len(got) != len(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
			for k, v := range tt.want {
				if got[k] != v {
					t.Errorf("%s = %q, want %q", k, got[k], v)
				}
			}
		})
	}
}

func TestKioskRoutes(t *testing.T) {
	cfg, err := api.ParseKioskConfig([]byte(`{"speed": "day", "idle": 30}`), kioskManifest(t))
	if err != nil {
		t.Fatal(err)
	}
	srv := fixtureServer(t, api.Options{Kiosk: cfg})
	page := get(t, srv.URL+"/kiosk")
	if page.status != http.StatusOK || !strings.Contains(string(page.body), "<html") {
		t.Errorf("/kiosk: %d %q, want the page", page.status, page.body)
	}
	conf := decode[map[string]string](t, get(t, srv.URL+"/kiosk/config"))
	if conf["speed"] != "day" || conf["idle"] != "30" || len(conf) != 2 {
		t.Errorf("/kiosk/config = %v", conf)
	}
	if a := get(t, srv.URL+"/sw.js"); a.status != http.StatusNotFound {
		t.Errorf("/sw.js with no sw.js in the frontend: %d, want 404", a.status)
	}
	none := fixtureServer(t, api.Options{})
	if conf := decode[map[string]string](t, get(t, none.URL+"/kiosk/config")); len(conf) != 0 {
		t.Errorf("/kiosk/config with no configuration = %v, want {}", conf)
	}
}

func post(t *testing.T, url, body string) int {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestKioskLog(t *testing.T) {
	var logs syncBuffer
	srv := fixtureServer(t, api.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	url := srv.URL + "/kiosk/log"

	if got := post(t, url, `{"level": "error", "message": "basemap failed", "detail": "TypeError: x", "url": "/kiosk"}`); got != http.StatusNoContent {
		t.Fatalf("a report: %d, want 204", got)
	}
	out := logs.String()
	for _, want := range []string{"level=ERROR", "msg=kiosk", `message="basemap failed"`, `detail="TypeError: x"`, "page=/kiosk"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %s:\n%s", want, out)
		}
	}
	long := strings.Repeat("é", 1500) // 3000 bytes: fits the body, not the text limit
	if got := post(t, url, `{"message": "`+long+`"}`); got != http.StatusNoContent {
		t.Fatalf("a long message: %d, want 204", got)
	}
	if strings.Contains(logs.String(), strings.Repeat("é", 501)) {
		t.Error("a long message was logged whole")
	}
	if got := post(t, url, `{"message": "`+strings.Repeat("x", 5000)+`"}`); got != http.StatusRequestEntityTooLarge {
		t.Errorf("a report of 5 kB: %d, want 413", got)
	}
	if got := post(t, url, `not json`); got != http.StatusBadRequest {
		t.Errorf("not JSON: %d, want 400", got)
	}
	if a := get(t, url); a.status != http.StatusMethodNotAllowed {
		t.Errorf("GET /kiosk/log: %d, want 405", a.status)
	}
	// The bucket holds 20 reports; two went in above. Well past it, the
	// server refuses.
	refused := 0
	for range 40 {
		if post(t, url, `{"message": "again"}`) == http.StatusTooManyRequests {
			refused++
		}
	}
	if refused == 0 {
		t.Error("40 reports in a row were all logged: no rate limit")
	}
	if n := strings.Count(logs.String(), "msg=kiosk"); n > 25 {
		t.Errorf("%d reports logged, want at most about 20", n)
	}
}
