package api_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
)

// TestMalformedQuery: a pair url.ParseQuery would drop (and with it a
// filter) is a 400 naming the parameter and the problem, never the
// unfiltered collection.
func TestMalformedQuery(t *testing.T) {
	srv := fixtureServer(t, api.Options{})
	for _, tc := range []struct{ query, param, says string }{
		{"datetime=1979-01-07%", "datetime", "%-escape"},
		{"datetime=1979-01-07;limit=5", "datetime", "';'"},
		{"limit=5&bbox=1%2G", "bbox", "%-escape"},
		{"da%zztetime=1979", "da%zztetime", "%-escape"},
	} {
		for _, path := range []string{"/collections/flows/items", "/collections", "/"} {
			a := get(t, srv.URL+path+"?"+tc.query)
			e := decode[struct{ Code, Description, Parameter string }](t, a)
			if a.status != http.StatusBadRequest || e.Parameter != tc.param || !strings.Contains(e.Description, tc.says) {
				t.Errorf("%s?%s: %d %s, want 400 naming %s and %s", path, tc.query, a.status, a.body, tc.param, tc.says)
			}
		}
	}
}

// TestForwardedHeaders: X-Forwarded-* only shape links with TrustProxy,
// and a base URL wins over them; answers say what they vary by.
func TestForwardedHeaders(t *testing.T) {
	fwd := []string{"X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example"}
	for _, tc := range []struct {
		name     string
		opts     api.Options
		wantHost string
		vary     bool
	}{
		{"default", api.Options{}, "", false},
		{"trust-proxy", api.Options{TrustProxy: true}, "https://evil.example/", true},
		{"base-url wins", api.Options{TrustProxy: true, BaseURL: "https://maps.example.org"}, "https://maps.example.org/", false},
	} {
		srv := fixtureServer(t, tc.opts)
		want := tc.wantHost
		if want == "" {
			want = srv.URL + "/"
		}
		for _, path := range []string{"/collections", "/?f=json"} {
			a := get(t, srv.URL+path, fwd...)
			if !bytes.Contains(a.body, []byte(`"`+want)) || (want != "https://evil.example/" && bytes.Contains(a.body, []byte("evil.example"))) {
				t.Errorf("%s %s: links do not start with %s: %s", tc.name, path, want, a.body)
			}
			if v := strings.Join(a.header.Values("Vary"), ","); strings.Contains(v, "X-Forwarded-Host") != tc.vary {
				t.Errorf("%s %s: Vary %q", tc.name, path, v)
			}
		}
	}
}

// TestVaryAndSecurityHeaders: / varies by Accept (page or JSON), gzip by
// Accept-Encoding; every answer carries the security headers.
func TestVaryAndSecurityHeaders(t *testing.T) {
	srv := fixtureServer(t, api.Options{})
	for _, tc := range []struct {
		path, accept, vary string
	}{
		{"/", "text/html", "Accept"},
		{"/", "application/json", "Accept"},
		{"/collections/flows/items", "", "Accept-Encoding"},
	} {
		a := get(t, srv.URL+tc.path, "Accept", tc.accept, "Accept-Encoding", "gzip")
		if v := strings.Join(a.header.Values("Vary"), ", "); !strings.Contains(v, tc.vary) {
			t.Errorf("%s (Accept %s): Vary %q, want %s", tc.path, tc.accept, v, tc.vary)
		}
		for _, h := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy", "X-Frame-Options"} {
			if a.header.Get(h) == "" {
				t.Errorf("%s: no %s", tc.path, h)
			}
		}
		if csp := a.header.Get("Content-Security-Policy"); !strings.Contains(csp, "frame-ancestors 'none'") || strings.Contains(csp, "script-src 'self' 'unsafe-inline'") {
			t.Errorf("%s: CSP %q", tc.path, csp)
		}
	}
}

// syncBuffer is a log sink safe for the server's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLogSize: a huge URI writes a log line and an error body of bounded
// size, not a copy of itself.
func TestLogSize(t *testing.T) {
	var logs syncBuffer
	srv := fixtureServer(t, api.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	huge := strings.Repeat("x", 200_000)
	for _, path := range []string{
		"/collections/flows/items?datetime=" + huge,
		"/collections/flows/items?" + huge + "=1",
		"/collections/" + huge,
		"/collections/flows/items?datetime=" + huge + "%",
	} {
		before := len(logs.String())
		a := get(t, srv.URL+path)
		if a.status != http.StatusBadRequest && a.status != http.StatusNotFound {
			t.Errorf("status %d", a.status)
		}
		if len(a.body) > 1024 {
			t.Errorf("%s…: error body of %d bytes", path[:40], len(a.body))
		}
		if n := len(logs.String()) - before; n > 1024 {
			t.Errorf("%s…: %d bytes of log", path[:40], n)
		}
	}
}

// downStore is a store whose backend is gone.
type downStore struct{ data.Store }

func (downStore) Version(context.Context) (string, error) {
	return "", fmt.Errorf("ping: %w", data.ErrUnavailable)
}

// TestOutageLoggedOnce: while the store is down every request answers 503
// but only the first logs an error.
func TestOutageLoggedOnce(t *testing.T) {
	ds, err := data.ReadFS(os.DirFS("testdata"))
	if err != nil {
		t.Fatal(err)
	}
	var logs syncBuffer
	h := api.New(downStore{data.NewMemory(ds)}, api.Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	for range 50 {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/collections/flows/items", nil))
		if rec.Code != http.StatusServiceUnavailable {
			t.Fatalf("status %d, want 503", rec.Code)
		}
	}
	if n := strings.Count(logs.String(), "level=ERROR"); n != 1 {
		t.Errorf("%d error lines for one outage, want 1:\n%s", n, logs.String())
	}
}
