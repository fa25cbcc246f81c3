package api_test

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/timeslice/timeslice/api"
)

// limitedServer serves the fixture API with lim on a loopback port and
// returns its address.
func limitedServer(t *testing.T, lim api.Limits) string {
	t.Helper()
	h := fixtureServer(t, api.Options{}).Config.Handler
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := lim.HTTPServer(h, nil)
	go srv.Serve(lim.Listener(ln, nil))
	t.Cleanup(func() { srv.Close() })
	return ln.Addr().String()
}

// dialFrom opens a connection to addr from the loopback address from
// (127.0.0.x: Linux routes all of 127/8 to lo).
func dialFrom(t *testing.T, from, addr string) net.Conn {
	t.Helper()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}}
	c, err := d.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	// A safety net, not a measure: an answer that never comes fails the
	// test instead of hanging it.
	c.SetDeadline(time.Now().Add(20 * time.Second))
	return c
}

// roundTrip sends one keep-alive request on c and reads the answer.
func roundTrip(c net.Conn, br *bufio.Reader, path string) (int, error) {
	if _, err := io.WriteString(c, "GET "+path+" HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		return 0, err
	}
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		return 0, err
	}
	defer res.Body.Close()
	_, err = io.Copy(io.Discard, res.Body)
	return res.StatusCode, err
}

// TestConnLimits: over the per-address cap, or the total cap, a new
// connection is closed without an answer; others still get theirs.
func TestConnLimits(t *testing.T) {
	addr := limitedServer(t, api.Limits{MaxConns: 4, MaxConnsPerIP: 2})
	held := func(from string) {
		c := dialFrom(t, from, addr)
		if code, err := roundTrip(c, bufio.NewReader(c), "/healthz"); err != nil || code != 200 {
			t.Fatalf("connection from %s under the caps: %d %v", from, code, err)
		}
	}
	refused := func(from string) {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}}
		c, err := d.Dial("tcp", addr)
		if err != nil {
			return // reset before connect returned: refused all the same
		}
		defer c.Close()
		c.SetDeadline(time.Now().Add(20 * time.Second))
		if code, err := roundTrip(c, bufio.NewReader(c), "/healthz"); err == nil {
			t.Errorf("connection from %s over the caps answered %d", from, code)
		}
	}
	held("127.0.0.1")
	held("127.0.0.1")
	refused("127.0.0.1") // third from one address
	held("127.0.0.2")
	held("127.0.0.3")
	refused("127.0.0.4") // fifth in all
}

// TestHeaderLimit: headers over MaxHeaderBytes (default 16 KiB) get 431
// and cost the server no more than that.
func TestHeaderLimit(t *testing.T) {
	addr := limitedServer(t, api.Limits{})
	for _, tc := range []struct {
		size, status int
	}{{8 << 10, 200}, {64 << 10, 431}, {1 << 20, 431}} {
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/healthz", nil)
		req.Header.Set("X-Big", strings.Repeat("h", tc.size))
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatalf("%d bytes of headers: %v", tc.size, err)
		}
		res.Body.Close()
		if res.StatusCode != tc.status {
			t.Errorf("%d bytes of headers: status %d, want %d", tc.size, res.StatusCode, tc.status)
		}
	}
}

// TestSlowRequest: a client that sends headers announcing a body and
// never sends it, or never finishes its headers, is disconnected after
// the read timeouts instead of holding its connection.
func TestSlowRequest(t *testing.T) {
	addr := limitedServer(t, api.Limits{ReadHeaderTimeout: 100 * time.Millisecond, ReadTimeout: 200 * time.Millisecond})
	for name, send := range map[string]string{
		"no body":      "GET /healthz HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n",
		"slow headers": "GET /healthz HTTP/1.1\r\nHost: x\r\n",
	} {
		c := dialFrom(t, "127.0.0.1", addr)
		if _, err := io.WriteString(c, send); err != nil {
			t.Fatal(err)
		}
		// The server closes the connection (EOF or reset); the dial's
		// deadline would end the read otherwise.
		_, err := io.ReadAll(c)
		if ne, ok := err.(net.Error); ok && ne.Timeout() {
			t.Errorf("%s: connection still open", name)
		}
	}
}
