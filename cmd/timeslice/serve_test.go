package main

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestShutdownSlowClient: on SIGTERM, a client that stopped reading a
// large answer gets the grace period, then its connection is closed: it
// sees an answer shorter than its Content-Length (cut, not passed off
// as whole) and serve exits successfully.
func TestShutdownSlowClient(t *testing.T) {
	dir := t.TempDir()
	const size = 32 << 20 // far more than the socket buffers hold
	if err := os.WriteFile(filepath.Join(dir, "big.bin"), make([]byte, size), 0o644); err != nil {
		t.Fatal(err)
	}
	addr := freeAddr(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	var logs syncBuffer
	go func() {
		done <- run(ctx, []string{"serve", "--addr", addr, "--files", dir, "--grace", "200ms", "--log-level", "warn"}, &logs, &logs)
	}()
	var c net.Conn
	for deadline := time.Now().Add(20 * time.Second); ; {
		var err error
		if c, err = net.Dial("tcp", addr); err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("server never listened: %v\n%s", err, logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	defer c.Close()
	c.(*net.TCPConn).SetReadBuffer(4096)
	c.SetDeadline(time.Now().Add(30 * time.Second)) // a safety net, not a measure
	if _, err := io.WriteString(c, "GET /files/big.bin HTTP/1.1\r\nHost: x\r\n\r\n"); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReaderSize(c, 1024)
	res, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The answer has started; the client reads no further. SIGTERM:
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("serve returned %v after SIGTERM, want success\n%s", err, logs.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not exit after its grace period")
	}
	n, err := io.Copy(io.Discard, res.Body)
	if err == nil || n >= size || res.ContentLength != size {
		t.Errorf("answer after shutdown: %d of %d bytes (Content-Length %d), err %v: want it cut, visibly", n, size, res.ContentLength, err)
	}
	if !strings.Contains(logs.String(), "grace period over") {
		t.Errorf("no log of the cut connections:\n%s", logs.String())
	}
}
