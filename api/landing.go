package api

import (
	"context"
	"net/http"
	"strings"
)

// landing answers /: the web page for a browser, the OGC landing page
// (JSON) for everyone else. f=json or f=html choose explicitly.
func (s *Server) landing(w http.ResponseWriter, r *http.Request) {
	// The same URL is the page or the JSON landing page by Accept.
	w.Header().Add("Vary", "Accept")
	q := r.URL.Query()
	f := q.Get("f")
	wantHTML := f == "html" || (f == "" && strings.Contains(r.Header.Get("Accept"), "text/html"))
	if wantHTML && s.opts.Frontend != nil {
		// The page reads its own state (kiosk, date, view) from the query.
		s.serveFile(w, r, s.opts.Frontend, "index.html", "no-cache")
		return
	}
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		m, err := s.plainManifest(ctx, r)
		if err != nil {
			return nil, err
		}
		desc := m.In(m.Subtitle)
		if desc == "" {
			desc = m.In(m.Description)
		}
		out := struct {
			Title       string `json:"title"`
			Description string `json:"description"`
			Links       []link `json:"links"`
		}{
			Title: "Timeslice: " + m.In(m.Title),
			Description: strings.TrimSpace(desc + " Time-sliced GeoJSON: ask any collection's items with " +
				"datetime=<instant> for the map at that instant."),
			Links: []link{
				{Href: base + "/?f=json", Rel: "self", Type: jsonType, Title: "This document"},
				{Href: base + "/?f=html", Rel: "alternate", Type: "text/html", Title: "The animated map"},
				{Href: base + "/api", Rel: "service-desc", Type: openAPIType, Title: "The API definition (OpenAPI 3.0)"},
				{Href: base + "/conformance", Rel: "conformance", Type: jsonType, Title: "Conformance classes"},
				{Href: base + "/collections", Rel: "data", Type: jsonType, Title: "The collections"},
				{Href: base + "/dataset", Rel: "describedby", Type: jsonType, Title: "The dataset's manifest: layers, styles, time zone, chapters"},
				{Href: base + "/tileMatrixSets", Rel: relTilingSchemes, Type: jsonType, Title: "Tile matrix sets of the vector tiles"},
				{Href: base + "/timeline", Rel: "timeline", Type: jsonType, Title: "Time extent, keyframe instants and events, for players"},
				{Href: base + "/basemap", Rel: "basemap", Type: jsonType, Title: "The offline basemap layers"},
			},
		}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// conformance answers /conformance.
func (s *Server) conformance(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		if err := checkParams(r.URL.Query()); err != nil {
			return nil, err
		}
		out := struct {
			ConformsTo []string `json:"conformsTo"`
		}{ConformsTo: conformanceClasses()}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// conformanceClasses lists the conformance classes the server
// implements, for /conformance and the API definition's example of it.
func conformanceClasses() []string {
	return append([]string{
		"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
		"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
		"http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
	}, tilesConformance()...)
}
