package api

import (
	"context"
	"net/http"

	"github.com/timeslice/timeslice/data"
)

const schemaType = "application/schema+json"

// dataset answers /dataset: the dataset's manifest as the server read
// it (its layers, texts, time zone, window, chapters and styles), with
// links to its JSON Schema and its bibliography.
func (s *Server) dataset(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		m, err := s.plainManifest(ctx, r)
		if err != nil {
			return nil, err
		}
		out := struct {
			*data.Manifest
			Links []link `json:"links"`
		}{Manifest: m, Links: []link{
			{Href: base + "/dataset", Rel: "self", Type: jsonType, Title: "This document"},
			{Href: base + "/dataset/schema", Rel: "describedby", Type: schemaType, Title: "The manifest's JSON Schema"},
			{Href: base + "/collections", Rel: "data", Type: jsonType, Title: "The layers as collections"},
		}}
		if m.BibliographyData != nil {
			out.Links = append(out.Links, link{Href: base + "/dataset/bibliography", Rel: "bibliography", Type: jsonType,
				Title: "The works the dataset cites"})
		}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// datasetSchema answers /dataset/schema: the manifest's JSON Schema.
func (s *Server) datasetSchema(w http.ResponseWriter, r *http.Request) {
	if err := checkParams(r.URL.Query()); err != nil {
		s.fail(w, r, err)
		return
	}
	newResponse(http.StatusOK, schemaType, data.ManifestSchema(), cacheControl).send(w, r)
}

// bibliography answers /dataset/bibliography: the dataset's bibliography
// file as given; 404 when it has none.
func (s *Server) bibliography(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		m, err := s.plainManifest(ctx, r)
		if err != nil {
			return nil, err
		}
		if m.BibliographyData == nil {
			return nil, notFound("this dataset has no bibliography")
		}
		return newResponse(http.StatusOK, jsonType, m.BibliographyData, cacheControl), nil
	})
}
