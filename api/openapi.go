package api

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/timeslice/timeslice/data"
)

const openAPIType = "application/vnd.oai.openapi+json;version=3.0"

// openAPIDoc is the OpenAPI 3.0 definition of the API; its server URL is
// filled in per request.
//
//go:embed openapi.json
var openAPIDoc []byte

// fillDataset writes the dataset's title, layer ids and example dates
// into the OpenAPI document doc, whose shape openapi.json fixes.
func fillDataset(doc map[string]any, m *data.Manifest) {
	if info, ok := doc["info"].(map[string]any); ok {
		info["title"] = "Timeslice: " + m.In(m.Title)
	}
	params, _ := doc["components"].(map[string]any)["parameters"].(map[string]any)
	if p, ok := params["collectionId"].(map[string]any); ok {
		p["schema"] = map[string]any{"type": "string", "enum": m.LayerIDs()}
	}
	if p, ok := params["datetime"].(map[string]any); ok {
		start, end := m.Window.Start.In(m.Location()), m.Window.End.In(m.Location())
		mid := start.Add(end.Sub(start) / 2)
		p["examples"] = map[string]any{
			"instant":  map[string]string{"value": mid.Format(time.RFC3339)},
			"interval": map[string]string{"value": start.Format(time.DateOnly) + "/" + end.Format(time.DateOnly)},
			"date":     map[string]string{"value": mid.Format(time.DateOnly)},
		}
	}
}

// fillConformance writes the conformance classes the server implements
// into the OpenAPI document doc, as the example of /conformance's answer.
func fillConformance(doc map[string]any) {
	paths, _ := doc["paths"].(map[string]any)
	get, _ := paths["/conformance"].(map[string]any)["get"].(map[string]any)
	ok, _ := get["responses"].(map[string]any)["200"].(map[string]any)
	if c, found := ok["content"].(map[string]any)[jsonType].(map[string]any); found {
		c["example"] = map[string]any{"conformsTo": conformanceClasses()}
	}
}

// openAPI answers /api.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		m, err := s.plainManifest(ctx, r)
		if err != nil {
			return nil, err
		}
		var doc map[string]any
		if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
			return nil, fmt.Errorf("read openapi.json: %w", err)
		}
		doc["servers"] = []map[string]string{{"url": base, "description": "This server"}}
		fillDataset(doc, m)
		fillConformance(doc)
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return nil, err
		}
		return newResponse(http.StatusOK, openAPIType, buf.Bytes(), cacheControl), nil
	})
}
