package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"

	"github.com/timeslice/timeslice/geo"
)

// timeline answers /timeline: what a player needs to draw its time axis.
func (s *Server) timeline(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		m, err := s.plainManifest(ctx, r)
		if err != nil {
			return nil, err
		}
		tl, err := s.store(ctx).Timeline(ctx)
		if err != nil {
			return nil, fmt.Errorf("timeline: %w", err)
		}
		out := struct {
			Start    *string         `json:"start"`
			End      *string         `json:"end"`
			Instants []string        `json:"instants"`
			Events   json.RawMessage `json:"events"`
			Links    []link          `json:"links"`
		}{
			Start: timePtr(tl.Start), End: timePtr(tl.End),
			Instants: make([]string, len(tl.Instants)),
			Links: []link{
				{Href: base + "/timeline", Rel: "self", Type: jsonType, Title: "This document"},
			},
		}
		if m.EventsLayer != "" {
			out.Links = append(out.Links, link{Href: base + "/collections/" + url.PathEscape(m.EventsLayer) + "/items",
				Rel: "related", Type: geoJSON, Title: "The events"})
		}
		for i, t := range tl.Instants {
			out.Instants[i] = geo.FormatTime(t)
		}
		if out.Events, err = appendFeatures(nil, tl.Events); err != nil {
			return nil, err
		}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// healthz answers /healthz: the process is up.
func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	res, _ := jsonResponse(http.StatusOK, jsonType, map[string]string{"status": "ok"}, "no-store")
	res.send(w, r)
}

// readyz answers /readyz: the store can answer.
func (s *Server) readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	if err := s.store(ctx).Ready(ctx); err != nil {
		s.log.Warn("not ready", "err", err)
		res, _ := jsonResponse(http.StatusServiceUnavailable, jsonType,
			map[string]string{"status": "unavailable", "description": "the data store is not answering"}, "no-store")
		w.Header().Set("Retry-After", "2")
		res.send(w, r)
		return
	}
	res, _ := jsonResponse(http.StatusOK, jsonType, map[string]string{"status": "ready"}, "no-store")
	res.send(w, r)
}
