package postgis

import (
	"context"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"syscall"
	"unicode/utf8"

	"github.com/lib/pq"

	"github.com/timeslice/timeslice/data"
)

// classify wraps err with data.ErrUnavailable when it means the database
// cannot answer now (down, restarting, unreachable, overloaded or too
// slow), so that the API answers 503 and a retry may succeed. Other
// errors are returned as they are.
func classify(err error) error {
	if err == nil || errors.Is(err, data.ErrUnavailable) || !unavailable(err) {
		return err
	}
	return fmt.Errorf("%w: %w", data.ErrUnavailable, err)
}

func unavailable(err error) bool {
	if errors.Is(err, driver.ErrBadConn) || errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, syscall.ECONNREFUSED) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ENOENT) {
		return true
	}
	if e, ok := errors.AsType[*pq.Error](err); ok {
		code := string(e.Code)
		switch {
		case strings.HasPrefix(code, "08"), // connection exception
			code == "57P01", code == "57P02", code == "57P03", // shutdown, crash, cannot connect now
			code == "53300", // too many connections
			code == "57014", // statement timeout (query canceled)
			code == "40001": // serialization failure: retryable
			return true
		}
		return false
	}
	if _, ok := errors.AsType[net.Error](err); ok {
		return true
	}
	// lib/pq reports a connection that died under it as plain errors.
	msg := err.Error()
	return strings.Contains(msg, "bad connection") || strings.Contains(msg, "connection refused") ||
		strings.Contains(msg, "broken pipe") || strings.Contains(msg, "connection reset")
}

// isUndefinedTable reports a query on a table that does not exist.
func isUndefinedTable(err error) bool {
	e, ok := errors.AsType[*pq.Error](err)
	return ok && (e.Code == "42P01" || e.Code == "3F000")
}

// callErr is classify for a call made with ctx: when ctx has ended, the
// error says so (the driver reports a cancelled query as a server error),
// so that a client that went away is not taken for a database that did.
func callErr(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	switch cerr := ctx.Err(); {
	case errors.Is(cerr, context.Canceled):
		if !errors.Is(err, cerr) {
			err = fmt.Errorf("%w: %w", cerr, err)
		}
		return err // the caller gave up: not the database's fault
	case cerr != nil && !errors.Is(err, cerr):
		err = fmt.Errorf("%w: %w", cerr, err)
	}
	return classify(err)
}

// storableText reports whether PostgreSQL's text type can hold s: valid
// UTF-8 without NUL.
func storableText(s string) bool {
	return utf8.ValidString(s) && !strings.ContainsRune(s, 0)
}
