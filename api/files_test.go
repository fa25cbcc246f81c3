package api_test

import (
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/timeslice/timeslice/api"
)

// TestFilesDir: --files serves its regular files and nothing else: no
// symlink out of it, no dotfile, no listing, and a name the system
// refuses is a 404, not a 500.
func TestFilesDir(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "hidden.txt"), []byte("TOPSECRET"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for name, body := range map[string]string{"slice.json": `{"ok":true}`, ".env": "PASSWORD=x", "sub/a.txt": "a", ".git/config": "x"} {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(outside, "hidden.txt"), filepath.Join(dir, "link.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(dir, "out")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink("slice.json", filepath.Join(dir, "inside.json")); err != nil {
		t.Fatal(err)
	}
	srv := fixtureServer(t, api.Options{FilesDir: dir})
	for _, tc := range []struct {
		path   string
		status int
		body   string
	}{
		{"/files/slice.json", 200, `{"ok":true}`},
		{"/files/sub/a.txt", 200, "a"},
		{"/files/inside.json", 200, `{"ok":true}`},
		{"/files/link.txt", 404, ""},
		{"/files/out/hidden.txt", 404, ""},
		{"/files/.env", 404, ""},
		{"/files/.git/config", 404, ""},
		{"/files/", 404, ""},
		{"/files/sub/", 404, ""},
		{"/files/sub", 404, ""},
		{"/files/" + strings.Repeat("a", 300), 404, ""},
		{"/files/" + strings.Repeat("a/", 3000) + "b", 404, ""},
	} {
		a := get(t, srv.URL+tc.path)
		if a.status != tc.status || (tc.body != "" && string(a.body) != tc.body) {
			t.Errorf("%.60s: %d %.80s, want %d %s", tc.path, a.status, a.body, tc.status, tc.body)
		}
		if strings.Contains(string(a.body), "TOPSECRET") || strings.Contains(string(a.body), "PASSWORD") {
			t.Errorf("%.60s leaks: %s", tc.path, a.body)
		}
	}
	if a := get(t, srv.URL+"/files/slice.json"); a.status == http.StatusOK && a.header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("no nosniff on a plain file")
	}
}
