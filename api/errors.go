package api

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"

	"github.com/timeslice/timeslice/data"
)

// apiError is the JSON body of every error answer.
type apiError struct {
	Status      int    `json:"-"`
	Code        string `json:"code"`
	Description string `json:"description"`
	// Parameter names the query parameter at fault, for a 400.
	Parameter string `json:"parameter,omitempty"`
}

func (e *apiError) Error() string { return e.Description }

func badParam(name, format string, args ...any) *apiError {
	name = clip(name)
	return &apiError{Status: http.StatusBadRequest, Code: "InvalidParameterValue", Parameter: name,
		Description: fmt.Sprintf("parameter %s: %s", name, fmt.Sprintf(format, clipArgs(args)...))}
}

func notFound(format string, args ...any) *apiError {
	return &apiError{Status: http.StatusNotFound, Code: "NotFound", Description: fmt.Sprintf(format, clipArgs(args)...)}
}

// classify turns a store or handler error into the answer to give.
func classify(err error) *apiError {
	var ae *apiError
	switch {
	case errors.As(err, &ae):
		return ae
	case errors.Is(err, data.ErrNotFound):
		return notFound("%v", err)
	case errors.Is(err, data.ErrUnavailable), errors.Is(err, context.DeadlineExceeded):
		return &apiError{Status: http.StatusServiceUnavailable, Code: "ServiceUnavailable",
			Description: "the data store is not answering; try again shortly"}
	case errors.Is(err, context.Canceled):
		return &apiError{Status: 499, Code: "ClientClosedRequest", Description: "the request was cancelled"}
	}
	return &apiError{Status: http.StatusInternalServerError, Code: "InternalError", Description: "internal error"}
}

// fail writes an error answer; unexpected errors are logged. The store
// being unavailable is logged once per outage (see storeDown), not once
// per request.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, err error) {
	ae := classify(err)
	switch {
	case ae.Status == http.StatusServiceUnavailable:
		s.storeDown(r, err)
	case ae.Status >= 500:
		s.log.LogAttrs(r.Context(), slog.LevelError, "request failed", slog.String("path", clip(r.URL.Path)), slog.Any("err", err))
	}
	res, _ := jsonResponse(ae.Status, "application/json", ae, "no-store")
	if ae.Status == http.StatusServiceUnavailable {
		w.Header().Set("Retry-After", "2")
	}
	res.send(w, r)
}

// storeDown logs the start of an outage of the store: the first 503 after
// the store last answered. storeUp logs its end.
func (s *Server) storeDown(r *http.Request, err error) {
	s.outageMu.Lock()
	defer s.outageMu.Unlock()
	if !s.outageSince.IsZero() {
		return
	}
	s.outageSince = time.Now()
	s.log.LogAttrs(r.Context(), slog.LevelError, "data store unavailable: answering 503 until it is back",
		slog.String("path", clip(r.URL.Path)), slog.Any("err", err))
}

func (s *Server) storeUp() {
	s.outageMu.Lock()
	defer s.outageMu.Unlock()
	if s.outageSince.IsZero() {
		return
	}
	s.log.Info("data store answering again", "outage", time.Since(s.outageSince).Round(time.Millisecond))
	s.outageSince = time.Time{}
}
