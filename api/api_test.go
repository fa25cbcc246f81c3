package api_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
)

// fixtureServer serves the small test dataset in testdata/.
func fixtureServer(t testing.TB, opts api.Options) *httptest.Server {
	t.Helper()
	ds, err := data.ReadFS(os.DirFS("testdata"))
	if err != nil {
		t.Fatal(err)
	}
	if opts.Frontend == nil {
		opts.Frontend = fstest.MapFS{
			"index.html":  {Data: []byte("<!doctype html><html><body>map</body></html>")},
			"favicon.svg": {Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)},
		}
	}
	srv := httptest.NewServer(api.New(data.NewMemory(ds), opts))
	t.Cleanup(srv.Close)
	return srv
}

type answer struct {
	status int
	header http.Header
	body   []byte
}

// gunzip returns the content of a gzip stream's first member (a spliced
// answer must be one member whole), or the error that stopped it.
func gunzip(b []byte) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	zr.Multistream(false)
	return io.ReadAll(zr)
}

func get(t testing.TB, url string, header ...string) answer {
	t.Helper()
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// The transport would decompress gzip itself and hide what was sent.
	tr := &http.Transport{DisableCompression: true}
	res, err := (&http.Client{Transport: tr}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return answer{res.StatusCode, res.Header, body}
}

func decode[T any](t testing.TB, a answer) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(a.body, &v); err != nil {
		t.Fatalf("decode %s: %v", a.body, err)
	}
	return v
}

type link struct{ Href, Rel, Type string }

type fcJSON struct {
	Type     string
	Features []struct {
		ID       string
		Geometry struct {
			Type        string
			Coordinates json.RawMessage
		}
		Properties map[string]any
	}
	NumberMatched, NumberReturned int
	Links                         []link
}

func linkOf(links []link, rel string) string {
	for _, l := range links {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

func TestEndpoints(t *testing.T) {
	srv := fixtureServer(t, api.Options{CacheBytes: 1 << 20})
	tests := []struct {
		path, accept string
		status       int
		ctype        string
		contains     string
	}{
		{"/", "application/json", 200, "application/json", `"rel":"service-desc"`},
		{"/?f=json", "text/html", 200, "application/json", `"rel":"conformance"`},
		{"/", "text/html,application/xhtml+xml", 200, "text/html", "<html"},
		{"/conformance", "", 200, "application/json", "ogcapi-features-1/1.0/conf/geojson"},
		{"/api", "", 200, "application/vnd.oai.openapi+json;version=3.0", `"openapi": "3.0.3"`},
		{"/?f=json", "", 200, "application/json", `"title":"Timeslice: API test fixture"`},
		{"/?f=json", "", 200, "application/json", `"rel":"describedby"`},
		{"/collections", "", 200, "application/json", `"collections":[{"id":"flows","title":"Flows","description":"Test flows."`},
		{"/dataset", "", 200, "application/json", `"time_zone":"+07:00"`},
		{"/dataset", "", 200, "application/json", `"rel":"describedby","type":"application/schema+json"`},
		{"/dataset/schema", "", 200, "application/schema+json", `"$schema"`},
		{"/dataset/bibliography", "", 404, "application/json", `no bibliography`},
		{"/collections/flows", "", 200, "application/json", `"interval":[["1979-01-01T00:00:00+07:00",null]]`},
		{"/collections/flows/items", "", 200, "application/geo+json", `"numberMatched":5`},
		{"/collections/flows/items/walk-2", "", 200, "application/geo+json", `"rel":"collection"`},
		{"/timeline", "", 200, "application/json", `"instants":["1978-12-02T00:00:00+07:00"`},
		{"/healthz", "", 200, "application/json", `"ok"`},
		{"/readyz", "", 200, "application/json", `"ready"`},
		{"/basemap", "", 200, "application/json", `"layers":[]`},
		{"/static/index.html", "", 200, "text/html", "<html"},
		{"/favicon.ico", "", 200, "image/svg+xml", "<svg"},
		{"/collections/armies", "", 404, "application/json", `"code":"NotFound"`},
		{"/collections/armies/items", "", 404, "application/json", `"code":"NotFound"`},
		{"/collections/flows/items/nope", "", 404, "application/json", `"code":"NotFound"`},
		{"/nowhere", "", 404, "application/json", `"code":"NotFound"`},
		{"/static/nope.js", "", 404, "application/json", `"code":"NotFound"`},
		{"/static/", "", 404, "application/json", `"code":"NotFound"`},
		{"/basemap/countries.geojson", "", 404, "application/json", `"code":"NotFound"`},
	}
	for _, tc := range tests {
		t.Run(tc.path, func(t *testing.T) {
			a := get(t, srv.URL+tc.path, "Accept", tc.accept)
			if a.status != tc.status {
				t.Errorf("status %d, want %d: %s", a.status, tc.status, a.body)
			}
			if ct := a.header.Get("Content-Type"); !strings.HasPrefix(ct, tc.ctype) {
				t.Errorf("Content-Type %q, want %q", ct, tc.ctype)
			}
			if !bytes.Contains(a.body, []byte(tc.contains)) {
				t.Errorf("body does not contain %s:\n%.600s", tc.contains, a.body)
			}
			if a.header.Get("Access-Control-Allow-Origin") != "*" {
				t.Error("no CORS header")
			}
		})
	}
}

func TestBadParameters(t *testing.T) {
	srv := fixtureServer(t, api.Options{})
	tests := []struct{ query, param string }{
		{"datetime=yesterday", "datetime"},
		{"datetime=", "datetime"},
		{"datetime=1979-02-01/1979-01-01", "datetime"},
		{"datetime=1979-01-01&datetime=1979-01-02", "datetime"},
		{"bbox=1,2,3", "bbox"},
		{"bbox=102,15,108,10", "bbox"},
		{"bbox=a,b,c,d", "bbox"},
		{"limit=0", "limit"},
		{"limit=-5", "limit"},
		{"limit=ten", "limit"},
		{"limit=1e3", "limit"},
		{"offset=-1", "offset"},
		{"offset=x", "offset"},
		{"f=xml", "f"},
		{"foo=bar", "foo"},
		{"bbox-crs=x", "bbox-crs"},
		{"properties=name", "properties"},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			a := get(t, srv.URL+"/collections/flows/items?"+tc.query)
			if a.status != http.StatusBadRequest {
				t.Fatalf("status %d, want 400: %s", a.status, a.body)
			}
			e := decode[struct{ Code, Description, Parameter string }](t, a)
			if e.Parameter != tc.param || e.Code != "InvalidParameterValue" || !strings.Contains(e.Description, tc.param) {
				t.Errorf("error body %s does not name %s", a.body, tc.param)
			}
		})
	}
	// Other endpoints take no parameters but f.
	for _, path := range []string{"/", "/conformance", "/collections", "/collections/flows", "/collections/flows/items/f4", "/timeline", "/api"} {
		if a := get(t, srv.URL+path+"?datetime=1979-01-01", "Accept", "application/json"); a.status != 400 {
			t.Errorf("%s with an unknown parameter: status %d, want 400", path, a.status)
		}
	}
	// A limit above the maximum is not an error: it is the maximum.
	if a := get(t, srv.URL+"/collections/flows/items?limit=1000000"); a.status != 200 {
		t.Errorf("limit=1000000: status %d, want 200", a.status)
	}
	// Wrong method.
	res, err := http.Post(srv.URL+"/collections", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", res.StatusCode)
	}
}

// FuzzItemsQuery checks that no raw query string makes the items
// endpoint answer anything but 200 or 400, and that one url.ParseQuery
// cannot read whole is a 400 (never a 200 with a pair dropped).
func FuzzItemsQuery(f *testing.F) {
	for _, s := range []string{"datetime=1979-01-05T00:00:00Z&bbox=100,10,110,15&limit=2&offset=1", "bbox=170,-10,-170,10", "datetime=../..", "limit=%00",
		"datetime=1979-01-07%", "datetime=1979-01-07;limit=5", "&&=&", "%3D=%26"} {
		f.Add(s)
	}
	ds, err := data.ReadFS(os.DirFS("testdata"))
	if err != nil {
		f.Fatal(err)
	}
	h := api.New(data.NewMemory(ds), api.Options{})
	f.Fuzz(func(t *testing.T, q string) {
		req := httptest.NewRequest(http.MethodGet, "/collections/flows/items", nil)
		req.URL.RawQuery = q
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 && rec.Code != 400 {
			t.Fatalf("query %q: status %d: %s", q, rec.Code, rec.Body)
		}
		if _, err := url.ParseQuery(q); err != nil && rec.Code != 400 {
			t.Fatalf("query %q (%v): status %d, want 400", q, err, rec.Code)
		}
	})
}

func TestPaging(t *testing.T) {
	srv := fixtureServer(t, api.Options{CacheBytes: 1 << 20})
	all := decode[fcJSON](t, get(t, srv.URL+"/collections/flows/items?limit=10000"))
	if all.NumberMatched != 5 || all.NumberReturned != 5 || linkOf(all.Links, "next") != "" {
		t.Fatalf("one page of all: matched %d returned %d next %q", all.NumberMatched, all.NumberReturned, linkOf(all.Links, "next"))
	}
	// Follow next links two at a time: 2 + 2 + 1.
	var ids []string
	url := srv.URL + "/collections/flows/items?limit=2"
	for pages := 0; url != ""; pages++ {
		if pages > 5 {
			t.Fatal("next links do not end")
		}
		p := decode[fcJSON](t, get(t, url))
		if p.NumberMatched != 5 || p.NumberReturned != len(p.Features) {
			t.Errorf("page %d: matched %d returned %d features %d", pages, p.NumberMatched, p.NumberReturned, len(p.Features))
		}
		if pages > 0 && linkOf(p.Links, "prev") == "" {
			t.Errorf("page %d has no prev link", pages)
		}
		for _, f := range p.Features {
			ids = append(ids, f.ID)
		}
		url = linkOf(p.Links, "next")
	}
	want := []string{"walk-1", "walk-2", "west-1", "f4", "f5"}
	if strings.Join(ids, ",") != strings.Join(want, ",") {
		t.Errorf("paged ids %v, want %v", ids, want)
	}
	p := decode[fcJSON](t, get(t, srv.URL+"/collections/flows/items?limit=2&offset=3"))
	if prev := linkOf(p.Links, "prev"); !strings.HasSuffix(prev, "items?limit=2&offset=1") {
		t.Errorf("prev of offset 3 = %q, want offset 1", prev)
	}
	if p := decode[fcJSON](t, get(t, srv.URL+"/collections/flows/items?offset=99")); p.NumberReturned != 0 || p.NumberMatched != 5 || p.Features == nil {
		t.Errorf("offset past the end: returned %d matched %d features %v", p.NumberReturned, p.NumberMatched, p.Features)
	}
}

func TestSlices(t *testing.T) {
	srv := fixtureServer(t, api.Options{})
	items := func(q string) fcJSON {
		return decode[fcJSON](t, get(t, srv.URL+"/collections/flows/items?"+q))
	}
	ids := func(fc fcJSON) string {
		var s []string
		for _, f := range fc.Features {
			s = append(s, f.ID)
		}
		return strings.Join(s, ",")
	}
	tests := []struct{ query, want string }{
		{"datetime=1978-12-31T23:59:59%2B07:00", ""},
		{"datetime=1979-01-01T00:00:00%2B07:00", "walk-1,f4,f5"},
		{"datetime=1978-12-31T17:00:00Z", "walk-1,f4,f5"}, // the same instant in UTC
		{"datetime=1979-01-11T00:00:00%2B07:00", "walk-2,west-1,f4,f5"},
		{"datetime=1979-01-06T00:00:00%2B07:00", "walk-1,west-1,f4,f5"},
		{"datetime=1979-01-06", "walk-1,west-1,f4,f5"}, // a date is that day
		{"datetime=1979-01-04", "walk-1,f4,f5"},        // west-1 starts on the 5th
		{"datetime=1979-01-04/1979-01-05", "walk-1,west-1,f4,f5"},
		{"datetime=../1979-01-01T00:00:00%2B07:00", "walk-1,f4,f5"}, // closed end
		{"datetime=1979-01-11T00:00:00%2B07:00/..", "walk-2,west-1,f4,f5"},
		{"datetime=1979-02-01/..", "west-1,f4,f5"},
		{"bbox=103,13,104,14", "west-1"},
		{"bbox=103,13,104,14&datetime=1979-01-02T00:00:00Z", ""},
		{"bbox=105.6,11,106,11.5", "walk-1,walk-2"},
	}
	for _, tc := range tests {
		if got := ids(items(tc.query)); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.query, got, tc.want)
		}
	}
	// Halfway through walk-1 the line is halfway to walk-2 (resampled to
	// three vertices) and people halfway from 1000 to 3000.
	mid := items("datetime=1979-01-06T00:00:00%2B07:00")
	f := mid.Features[0]
	if string(f.Geometry.Coordinates) != "[[105.8,11.09],[105.497872,11.220373],[105.21,11.38]]" {
		t.Errorf("interpolated geometry %s", f.Geometry.Coordinates)
	}
	if f.Properties["people"] != 2000.0 || f.Properties["valid_from"] != "1979-01-01T00:00:00+07:00" || f.Properties["interpolate"] != "linear" {
		t.Errorf("interpolated properties %v", f.Properties)
	}
	// An interval gives keyframes as they are.
	kf := items("datetime=1979-01-06/1979-01-06")
	if string(kf.Features[0].Geometry.Coordinates) != "[[105.8,11.09],[105.5,11.2]]" || kf.Features[0].Properties["people"] != 1000.0 {
		t.Errorf("interval returned %s %v", kf.Features[0].Geometry.Coordinates, kf.Features[0].Properties["people"])
	}
	// The same instant always yields the same bytes.
	a := get(t, srv.URL+"/collections/flows/items?datetime=1979-01-03T07:13:00Z")
	b := get(t, srv.URL+"/collections/flows/items?datetime=1979-01-03T07:13:00Z")
	if !bytes.Equal(a.body, b.body) || a.header.Get("ETag") != b.header.Get("ETag") {
		t.Error("same instant, different bytes")
	}
}

func TestCachingHeaders(t *testing.T) {
	for _, cacheBytes := range []int64{0, 1 << 20} {
		srv := fixtureServer(t, api.Options{CacheBytes: cacheBytes})
		url := srv.URL + "/collections/flows/items?datetime=1979-01-06"
		a := get(t, url)
		etag := a.header.Get("ETag")
		if !strings.HasPrefix(etag, `"`) || a.header.Get("Cache-Control") == "" {
			t.Fatalf("cache %d: ETag %q Cache-Control %q", cacheBytes, etag, a.header.Get("Cache-Control"))
		}
		if n := get(t, url, "If-None-Match", etag); n.status != http.StatusNotModified || len(n.body) != 0 || n.header.Get("ETag") != etag {
			t.Errorf("cache %d: If-None-Match: status %d, %d bytes, ETag %q", cacheBytes, n.status, len(n.body), n.header.Get("ETag"))
		}
		if n := get(t, url, "If-None-Match", `"other"`); n.status != 200 {
			t.Errorf("cache %d: stale If-None-Match: status %d", cacheBytes, n.status)
		}
		gz := get(t, srv.URL+"/api", "Accept-Encoding", "gzip")
		if gz.header.Get("Content-Encoding") != "gzip" || !strings.Contains(gz.header.Get("Vary"), "Accept-Encoding") {
			t.Fatalf("cache %d: no gzip: %v", cacheBytes, gz.header)
		}
		unzipped, err := gunzip(gz.body)
		if err != nil {
			t.Fatal(err)
		}
		plain := get(t, srv.URL+"/api")
		if !bytes.Equal(unzipped, plain.body) || plain.header.Get("Content-Encoding") != "" {
			t.Errorf("cache %d: gzip body differs from the plain one", cacheBytes)
		}
		if gz.header.Get("ETag") == plain.header.Get("ETag") {
			t.Errorf("cache %d: gzip and plain answers share the strong ETag %s", cacheBytes, gz.header.Get("ETag"))
		}
		if n := get(t, srv.URL+"/api", "If-None-Match", gz.header.Get("ETag"), "Accept-Encoding", "gzip"); n.status != 304 {
			t.Errorf("cache %d: If-None-Match with the gzip ETag: status %d", cacheBytes, n.status)
		}
		if n := get(t, srv.URL+"/api", "Accept-Encoding", "gzip;q=0"); n.header.Get("Content-Encoding") != "" {
			t.Errorf("cache %d: gzip;q=0 still got gzip", cacheBytes)
		}
	}
}

func TestCORSPreflight(t *testing.T) {
	srv := fixtureServer(t, api.Options{})
	req, _ := http.NewRequest(http.MethodOptions, srv.URL+"/collections/flows/items", nil)
	req.Header.Set("Origin", "https://example.org")
	req.Header.Set("Access-Control-Request-Method", "GET")
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent || !strings.Contains(res.Header.Get("Access-Control-Allow-Methods"), "GET") {
		t.Errorf("preflight: %d %v", res.StatusCode, res.Header)
	}
}

func TestTimelineAndItem(t *testing.T) {
	srv := fixtureServer(t, api.Options{})
	tl := decode[struct {
		Start, End string
		Instants   []string
		Events     []struct{ ID string }
	}](t, get(t, srv.URL+"/timeline"))
	if tl.Start != "1978-12-02T00:00:00+07:00" || tl.End != "1979-02-01T00:00:00+07:00" {
		t.Errorf("timeline extent %s – %s", tl.Start, tl.End)
	}
	if len(tl.Events) != 2 || tl.Events[0].ID != "e1" || tl.Events[1].ID != "e2" {
		t.Errorf("events %v, want e1, e2 in time order", tl.Events)
	}
	it := decode[struct {
		ID         string
		Properties map[string]any
		Links      []link
	}](t, get(t, srv.URL+"/collections/flows/items/west-1"))
	note, _ := it.Properties["note"].(map[string]any)
	if it.ID != "west-1" || it.Properties["valid_to"] != nil || it.Properties["track"] != nil || note["en"] != "Sources disagree." {
		t.Errorf("item west-1: %+v", it)
	}
	if self := linkOf(it.Links, "self"); self != srv.URL+"/collections/flows/items/west-1" {
		t.Errorf("self link %q", self)
	}
	// Links follow the host the client used; forwarded headers only count
	// when trusted (TestForwardedHeaders).
	fwd := get(t, srv.URL+"/collections/flows/items/west-1", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "maps.example.org")
	if bytes.Contains(fwd.body, []byte(`maps.example.org`)) {
		t.Errorf("untrusted forwarded host in links: %s", fwd.body)
	}
}
