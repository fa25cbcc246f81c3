package api_test

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data/postgis/postgistest"
)

// TestDatabaseDown stops the database under a running server: data
// requests answer 503 with a JSON error within 2 s (never a 500, never a
// hang), /readyz says not ready, /healthz stays up; when the database is
// back the server answers again by itself.
func TestDatabaseDown(t *testing.T) {
	c, st, _ := postgistest.Loaded(t)
	srv := httptest.NewServer(api.New(st, api.Options{}))
	defer srv.Close()
	client := &http.Client{Timeout: 10 * time.Second}
	get := func(path string) (int, http.Header, []byte, time.Duration) {
		t.Helper()
		start := time.Now()
		res, err := client.Get(srv.URL + path)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header, body, time.Since(start)
	}
	paths := []string{
		"/collections",
		"/collections/camps",
		"/collections/camps/items?datetime=1979-01-05T12:00:00%2B07:00",
		"/collections/flows/items?datetime=1979-01-01/1979-02-01&bbox=102,10,106,14",
		"/collections/camps/items/k1",
		"/timeline",
	}
	for _, p := range append(paths, "/readyz") {
		if code, _, body, _ := get(p); code != http.StatusOK {
			t.Fatalf("GET %s with the database up: %d %s", p, code, body)
		}
	}

	if err := c.Stop(); err != nil {
		t.Fatal(err)
	}
	// The server's response cache is off: every request reaches the store.
	for round := range 2 { // the second round finds the pool's connections gone too
		for _, p := range paths {
			code, h, body, took := get(p)
			if code != http.StatusServiceUnavailable {
				t.Errorf("round %d: GET %s with the database down: %d %s, want 503", round, p, code, body)
			}
			var e struct{ Code, Description string }
			if err := json.Unmarshal(body, &e); err != nil || e.Code == "" || h.Get("Content-Type") != "application/json" {
				t.Errorf("GET %s: body %q (%s) is not a JSON error (%v)", p, body, h.Get("Content-Type"), err)
			}
			if took > 2*time.Second {
				t.Errorf("GET %s took %s with the database down, want under 2 s", p, took)
			}
		}
	}
	if code, _, body, took := get("/readyz"); code != http.StatusServiceUnavailable || took > 2*time.Second {
		t.Errorf("/readyz with the database down: %d %s in %s, want 503 within 2 s", code, body, took)
	}
	if code, _, _, _ := get("/healthz"); code != http.StatusOK {
		t.Errorf("/healthz with the database down: %d, want 200 (the process is up)", code)
	}

	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for _, p := range append(paths, "/readyz") {
		for {
			code, _, body, _ := get(p)
			if code == http.StatusOK {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("GET %s after the database came back: %d %s", p, code, body)
			}
			time.Sleep(200 * time.Millisecond)
		}
	}
}
