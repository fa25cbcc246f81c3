package main

import (
	"bytes"
	"context"
	"errors"
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
