package postgis

import (
	"errors"
	"log/slog"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
)

type lockedLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestRedialBackoff: while the database refuses connections, a burst of
// calls makes a dial or two, not one each, logs the outage once, and the
// errors still read as unavailable (503); once it listens again, dials
// go through and its return is logged.
func TestRedialBackoff(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close() // nothing listens there now: dials are refused

	var logs lockedLog
	var dials atomic.Int32
	d := &dialer{backoff: &redial{log: slog.New(slog.NewTextHandler(&logs, nil))}}
	d.net.Control = func(string, string, syscall.RawConn) error { dials.Add(1); return nil }
	for range 200 {
		_, err := d.Dial("tcp", addr)
		if err == nil || !errors.Is(classify(err), data.ErrUnavailable) {
			t.Fatalf("dial to a closed port: %v, want an unavailable error", err)
		}
	}
	if n := dials.Load(); n > 3 {
		t.Errorf("%d dials for 200 calls in a burst, want a few", n)
	}
	if n := strings.Count(logs.String(), "level=ERROR"); n != 1 {
		t.Errorf("%d error lines for one outage, want 1:\n%s", n, logs.String())
	}

	ln, err = net.Listen("tcp", addr)
	if err != nil {
		t.Skipf("port taken meanwhile: %v", err)
	}
	defer ln.Close()
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		c, err := d.Dial("tcp", addr)
		if err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no dial went through once the port listened: %v", err)
		}
	}
	if !strings.Contains(logs.String(), "reachable again") {
		t.Errorf("the end of the outage is not logged:\n%s", logs.String())
	}
}
