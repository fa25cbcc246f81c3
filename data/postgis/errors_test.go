package postgis

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"
	"testing"

	"github.com/lib/pq"

	"github.com/timeslice/timeslice/data"
)

func TestClassify(t *testing.T) {
	for _, tc := range []struct {
		name        string
		err         error
		unavailable bool
	}{
		{"refused", &net.OpError{Op: "dial", Err: syscall.ECONNREFUSED}, true},
		{"bad connection", fmt.Errorf("query: %w", driver.ErrBadConn), true},
		{"eof", io.ErrUnexpectedEOF, true},
		{"shutting down", &pq.Error{Code: "57P01"}, true},
		{"starting up", &pq.Error{Code: "57P03"}, true},
		{"connection failure", &pq.Error{Code: "08006"}, true},
		{"statement timeout", &pq.Error{Code: "57014"}, true},
		{"syntax error", &pq.Error{Code: "42601"}, false},
		{"permission denied", &pq.Error{Code: "42501"}, false},
		{"not found", data.ErrNotFound, false},
	} {
		if got := errors.Is(classify(tc.err), data.ErrUnavailable); got != tc.unavailable {
			t.Errorf("%s: unavailable = %v, want %v", tc.name, got, tc.unavailable)
		}
	}
}

func TestCallErr(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	err := callErr(ctx, fmt.Errorf("query: %w", &pq.Error{Code: "57014", Message: "canceling statement due to user request"}))
	if !errors.Is(err, context.Canceled) || errors.Is(err, data.ErrUnavailable) {
		t.Errorf("a query cancelled with its context: %v, want context.Canceled and not ErrUnavailable", err)
	}
	dctx, dcancel := context.WithTimeout(context.Background(), 0)
	defer dcancel()
	<-dctx.Done()
	err = callErr(dctx, fmt.Errorf("query: %w", &pq.Error{Code: "57014"}))
	if !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, data.ErrUnavailable) {
		t.Errorf("a query past its deadline: %v, want DeadlineExceeded and ErrUnavailable", err)
	}
	if err := callErr(context.Background(), nil); err != nil {
		t.Errorf("callErr(nil) = %v", err)
	}
}
