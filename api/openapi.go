package api

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"net/http"
)

const openAPIType = "application/vnd.oai.openapi+json;version=3.0"

// openAPIDoc is the OpenAPI 3.0 definition of the API; its server URL is
// filled in per request.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI answers /api.
func (s *Server) openAPI(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		if err := checkParams(r.URL.Query()); err != nil {
			return nil, err
		}
		var doc map[string]any
		if err := json.Unmarshal(openAPIDoc, &doc); err != nil {
			return nil, fmt.Errorf("read openapi.json: %w", err)
		}
		doc["servers"] = []map[string]string{{"url": base, "description": "This server"}}
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(doc); err != nil {
			return nil, err
		}
		return newResponse(http.StatusOK, openAPIType, buf.Bytes(), cacheControl), nil
	})
}
