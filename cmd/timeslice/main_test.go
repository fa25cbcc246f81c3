package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestValidateCommand(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "places.geojson")
	bad := filepath.Join(dir, "bad.geojson")
	os.WriteFile(good, []byte(`{"type":"FeatureCollection","collection":"places","features":[
		{"type":"Feature","id":"pp","geometry":{"type":"Point","coordinates":[104.916,11.5625]},
		 "properties":{"valid_from":"1978-04-01T00:00:00+07:00","valid_to":null,"track":null,
		 "name":{"en":"Phnom Penh"},"sources":[{"title":"GeoNames"}],"certainty":"high"}}]}`), 0o644)
	os.WriteFile(bad, []byte(`{"type":"FeatureCollection","collection":"camps","features":[
		{"type":"Feature","id":"sa-kaeo","geometry":{"type":"Point","coordinates":[102.06,13.82]},
		 "properties":{"valid_from":"1979-10-24T00:00:00+07:00","valid_to":"1979-10-01T00:00:00+07:00",
		 "name":{"en":"Sa Kaeo"},"sources":[],"certainty":"high"}},
		{"type":"Feature","geometry":{"type":"Point","coordinates":[102.06,13.82]},"properties":{}}]}`), 0o644)

	broken := copyDir(t, secondDir)
	os.Remove(filepath.Join(broken, "routes.geojson"))
	editFile(t, filepath.Join(broken, "dataset.json"), `"Europe/Paris"`, `"Mars/Olympus"`)
	editFile(t, filepath.Join(broken, "dataset.json"), `"fr": "Jalons"`, `"de": "Meilensteine"`)

	tests := []struct {
		name     string
		args     []string
		wantCode int
		wantOut  []string
	}{
		{"embedded dataset", []string{"validate"}, 0, []string{"ok:", "the embedded dataset"}},
		{"good file", []string{"validate", good}, 0, []string{"ok: 1 features"}},
		{"bad file", []string{"validate", good, bad}, 1, []string{
			bad + ": feature sa-kaeo: valid_to 1979-10-01T00:00:00+07:00 is not after valid_from",
			bad + ": feature sa-kaeo: no sources",
			bad + ": feature #1: no id",
		}},
		{"missing file", []string{"validate", filepath.Join(dir, "nope.geojson")}, 1, nil},
		{"dataset directory", []string{"validate", secondDir}, 0, []string{
			"ok: second-synthetic (Convois, printemps 2021 (données synthétiques)): 4 layers, 13 features, time zone Europe/Paris"}},
		{"broken dataset directory", []string{"validate", broken}, 1, []string{
			filepath.Join(broken, "dataset.json") + `: time_zone: "Mars/Olympus" is not a known IANA time zone`,
			filepath.Join(broken, "dataset.json") + `: layers[3].title: no text in the default language "fr"`,
			filepath.Join(broken, "routes.geojson") + `: missing: layers[1] "routes" of dataset.json has no file`,
		}},
		{"unknown command", []string{"frobnicate"}, 2, nil},
		{"no command", nil, 2, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), tc.args, &out, &errOut)
			code := 0
			if err != nil {
				code = exitCode(err)
			}
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d (err %v, stderr %s)", code, tc.wantCode, err, errOut.String())
			}
			for _, w := range tc.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}

// secondDir is the second test dataset (see data/testdata/second).
const secondDir = "../../data/testdata/second"

// copyDir copies the files of dir into a temporary directory.
func copyDir(t *testing.T, dir string) string {
	t.Helper()
	out := t.TempDir()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		b, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(out, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return out
}

// editFile replaces old (which must be there) by new in a file.
func editFile(t *testing.T, name, old, new string) {
	t.Helper()
	b, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(old)) {
		t.Fatalf("%s has no %s", name, old)
	}
	if err := os.WriteFile(name, bytes.Replace(b, []byte(old), []byte(new), 1), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestServeWatch serves a copy of the second dataset with --watch and
// edits it: a valid edit is served, an invalid one is logged and the
// last valid dataset kept.
func TestServeWatch(t *testing.T) {
	dir := copyDir(t, secondDir)
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	var logs syncBuffer
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--data", dir, "--watch", "--cache-mb", "8"}, &logs, &logs)
	}()
	// waitFor polls /collections until it contains want.
	waitFor := func(want string) {
		t.Helper()
		deadline := time.Now().Add(20 * time.Second)
		for {
			res, err := http.Get("http://" + addr + "/collections")
			if err == nil {
				b, _ := io.ReadAll(res.Body)
				res.Body.Close()
				if strings.Contains(string(b), want) {
					return
				}
			}
			if time.Now().After(deadline) {
				t.Fatalf("/collections never showed %s\n%s", want, logs.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor(`"title":"Routes"`)
	editFile(t, filepath.Join(dir, "dataset.json"), `"fr": "Routes"`, `"fr": "Chemins"`)
	waitFor(`"title":"Chemins"`)
	editFile(t, filepath.Join(dir, "dataset.json"), `"Europe/Paris"`, `"Europe/Nowhere"`)
	for !strings.Contains(logs.String(), "still serving the last valid dataset") {
		time.Sleep(20 * time.Millisecond)
	}
	waitFor(`"title":"Chemins"`)
	if !strings.Contains(logs.String(), "time_zone: \\\"Europe/Nowhere\\\" is not a known IANA time zone") {
		t.Errorf("the log does not name the problem:\n%s", logs.String())
	}
	cancel()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
}

func freeAddr(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func TestServeAndShutdown(t *testing.T) {
	addr := freeAddr(t)
	t.Setenv("TIMESLICE_ADDR", addr) // the environment names the address
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	var logs syncBuffer
	go func() { done <- run(ctx, []string{"serve", "--log-level", "warn"}, &logs, &logs) }()
	deadline := time.Now().Add(20 * time.Second)
	for {
		res, err := http.Get("http://" + addr + "/collections/places/items?datetime=1979-01-08")
		if err == nil {
			res.Body.Close()
			if res.StatusCode != 200 {
				t.Fatalf("status %d", res.StatusCode)
			}
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server never answered: %v\n%s", err, logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel() // as SIGTERM does
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v", err)
		}
	case <-time.After(15 * time.Second):
		t.Fatal("serve did not shut down")
	}
	if _, err := http.Get("http://" + addr + "/healthz"); err == nil {
		t.Error("server still answering after shutdown")
	}
}

func TestServeFlags(t *testing.T) {
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"serve", "--log-level", "loud"}, "--log-level"},
		{[]string{"serve", "--cache-mb", "-1"}, "--cache-mb"},
		{[]string{"serve", "extra"}, "no arguments"},
		{[]string{"serve", "--nope"}, "not defined"},
		{[]string{"serve", "--addr", "256.0.0.1:1"}, "listen"},
		{[]string{"serve", "--data", "x", "--db", "postgres://x"}, "exclusive"},
		{[]string{"serve", "--watch"}, "--watch needs --data"},
	}
	for _, tc := range tests {
		var out bytes.Buffer
		err := run(context.Background(), tc.args, &out, &out)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%v: err = %v, want one containing %q", tc.args, err, tc.want)
		}
		var ue usageError
		if tc.want != "listen" && !errors.As(err, &ue) {
			t.Errorf("%v: %v is not a usage error", tc.args, err)
		}
	}
}
