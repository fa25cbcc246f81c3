package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"github.com/timeslice/timeslice/api"
)

// TestOpenAPI checks that /api is a valid OpenAPI 3.0 document and that
// what the server answers matches it.
func TestOpenAPI(t *testing.T) {
	srv := fixtureServer(t, api.Options{})
	a := get(t, srv.URL+"/api")
	ctx := context.Background()
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(a.body)
	if err != nil {
		t.Fatalf("load /api: %v", err)
	}
	if err := doc.Validate(ctx); err != nil {
		t.Fatalf("/api is not valid OpenAPI 3.0: %v", err)
	}
	if doc.Servers[0].URL != srv.URL {
		t.Errorf("server URL %q, want %q", doc.Servers[0].URL, srv.URL)
	}
	// The conformance classes are listed in /api too, the same as at /conformance.
	var conf struct {
		ConformsTo []string `json:"conformsTo"`
	}
	if err := json.Unmarshal(get(t, srv.URL+"/conformance").body, &conf); err != nil {
		t.Fatal(err)
	}
	example := doc.Paths.Find("/conformance").Get.Responses.Status(200).Value.Content.Get("application/json").Example
	if listed, _ := json.Marshal(example); string(listed) != mustJSON(t, conf) || len(conf.ConformsTo) < 10 {
		t.Errorf("/api lists the conformance classes as %s; /conformance says %s", listed, mustJSON(t, conf))
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{
		"/?f=json", "/conformance", "/collections", "/collections/flows",
		"/collections/flows/items?datetime=1979-01-06T00:00:00Z&limit=3",
		"/collections/flows/items?bbox=100,10,110,15&datetime=1979-01-01/1979-02-01",
		"/collections/flows/items/walk-1", "/timeline", "/collections/flows/tiles",
		"/collections/flows/items?limit=0", "/collections/nope",
		"/dataset", "/dataset/schema", "/dataset/bibliography",
		"/collections/flows/tiles?datetime=1979-01-06", "/collections/flows/tiles/WebMercatorQuad",
		"/collections/flows/tiles/WebMercatorQuad?f=tilejson&datetime=1979-01-06T00:00:00Z",
		"/collections/flows/tiles/WebMercatorQuad/0/0/0", "/collections/flows/tiles/WebMercatorQuad/4/7/7",
		"/collections/flows/tiles/WebMercatorQuad/17/0/0", "/collections/flows/tiles/0/0/0.mvt",
		"/tileMatrixSets", "/tileMatrixSets/WebMercatorQuad",
	} {
		req, _ := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+path, nil)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		route, params, err := router.FindRoute(req)
		if err != nil {
			t.Errorf("%s: not in the OpenAPI document: %v", path, err)
			continue
		}
		in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
		if res.StatusCode == 200 {
			if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
				t.Errorf("%s: request does not match the document: %v", path, err)
			}
		}
		out := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: in, Status: res.StatusCode, Header: res.Header,
			Body:    io.NopCloser(bytes.NewReader(body)),
			Options: &openapi3filter.Options{IncludeResponseStatus: true},
		}
		if err := openapi3filter.ValidateResponse(ctx, out); err != nil {
			t.Errorf("%s: %d answer does not match the document: %v", path, res.StatusCode, err)
		}
	}
}

// mustJSON is v as JSON.
func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
