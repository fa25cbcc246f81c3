package api

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/gorilla/mux"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// collections answers /collections.
func (s *Server) collections(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		if err := checkParams(r.URL.Query()); err != nil {
			return nil, err
		}
		cs, err := s.store(ctx).Collections(ctx)
		if err != nil {
			return nil, fmt.Errorf("list collections: %w", err)
		}
		out := struct {
			Links       []link           `json:"links"`
			Collections []collectionJSON `json:"collections"`
		}{Links: []link{{Href: base + "/collections", Rel: "self", Type: jsonType, Title: "Collections"}}}
		for _, c := range cs {
			out.Collections = append(out.Collections, encodeCollection(c, base))
		}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// collection answers /collections/{collectionId}.
func (s *Server) collection(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["collectionId"]
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		if err := checkParams(r.URL.Query()); err != nil {
			return nil, err
		}
		c, err := s.findCollection(ctx, id)
		if err != nil {
			return nil, err
		}
		return jsonResponse(http.StatusOK, jsonType, encodeCollection(c, base), cacheControl)
	})
}

// findCollection returns one collection with its extents.
func (s *Server) findCollection(ctx context.Context, id string) (data.Collection, error) {
	cs, err := s.store(ctx).Collections(ctx)
	if err != nil {
		return data.Collection{}, fmt.Errorf("list collections: %w", err)
	}
	for _, c := range cs {
		if c.ID == id {
			return c, nil
		}
	}
	return data.Collection{}, notFound("no collection %q: see /collections", id)
}

// hasLayer answers 404 for a layer the manifest does not have.
func hasLayer(m *data.Manifest, id string) error {
	if _, ok := m.Layer(id); !ok {
		return notFound("no collection %q: see /collections", id)
	}
	return nil
}

// items answers /collections/{collectionId}/items.
func (s *Server) items(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["collectionId"]
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		params := r.URL.Query()
		m, err := s.manifest(ctx)
		if err != nil {
			return nil, err
		}
		q, perr := itemsQuery(params, m.Location())
		if perr != nil {
			return nil, perr
		}
		if err := hasLayer(m, id); err != nil {
			return nil, err
		}
		page, shared, err := s.slices.items(ctx, s.store(ctx), id, q)
		if err != nil {
			return nil, fmt.Errorf("items of %s: %w", id, err)
		}
		self := base + "/collections/" + id + "/items"
		links := []link{
			{Href: pageHref(self, params, q.Offset, q.Limit), Rel: "self", Type: geoJSON, Title: "This page"},
			{Href: base + "/collections/" + id, Rel: "collection", Type: jsonType, Title: "The collection"},
		}
		if next := q.Offset + len(page.Features); next < page.Matched && len(page.Features) > 0 {
			links = append(links, link{Href: pageHref(self, params, next, q.Limit), Rel: "next", Type: geoJSON, Title: "Next page"})
		}
		if q.Offset > 0 {
			prev := max(q.Offset-q.Limit, 0)
			links = append(links, link{Href: pageHref(self, params, prev, q.Limit), Rel: "prev", Type: geoJSON, Title: "Previous page"})
		}
		lb, err := json.Marshal(links)
		if err != nil {
			return nil, err
		}
		tail := append(lb, '}')
		if shared != nil { // the features of every instant of a span: written once
			h, err := s.slices.head(shared, func() (*answerHead, error) {
				text, z, err := s.itemsHead(ctx, page, q.Datetime)
				if err != nil {
					return nil, err
				}
				return newAnswerHead(text, z, &s.slices.bufs), nil
			})
			if err != nil {
				return nil, err
			}
			return h.response(tail, cacheControl), nil
		}
		b, z, err := s.itemsHead(ctx, page, q.Datetime)
		if err != nil {
			return nil, err
		}
		return newResponse(http.StatusOK, geoJSON, append(b, tail...), cacheControl).zipWith(z), nil
	})
}

// itemsHead writes a page's answer up to its links, which the caller
// appends with the closing brace, and the zipper of its features.
func (s *Server) itemsHead(ctx context.Context, page data.Page, dt *geo.Datetime) ([]byte, *zipper, error) {
	b := []byte(`{"type":"FeatureCollection","features":`) // appendSlice sizes it
	z := &zipper{c: s.feats}
	b, err := s.feats.appendSlice(ctx, b, page.Features, dt, z)
	if err != nil {
		return nil, nil, err
	}
	b = append(b, `,"numberMatched":`...)
	b = strconv.AppendInt(b, int64(page.Matched), 10)
	b = append(b, `,"numberReturned":`...)
	b = strconv.AppendInt(b, int64(len(page.Features)), 10)
	return append(b, `,"links":`...), z, nil
}

// pageHref is the items URL with the same filters and another offset.
func pageHref(self string, params url.Values, offset, limit int) string {
	q := url.Values{}
	for k, v := range params {
		q[k] = v
	}
	q.Set("limit", strconv.Itoa(limit))
	q.Set("offset", strconv.Itoa(offset))
	if offset == 0 {
		q.Del("offset")
	}
	return self + "?" + q.Encode()
}

// item answers /collections/{collectionId}/items/{featureId}.
func (s *Server) item(w http.ResponseWriter, r *http.Request) {
	vars := mux.Vars(r)
	layer, id := vars["collectionId"], vars["featureId"]
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		m, err := s.plainManifest(ctx, r)
		if err != nil {
			return nil, err
		}
		if err := hasLayer(m, layer); err != nil {
			return nil, err
		}
		f, err := s.store(ctx).Item(ctx, layer, id)
		if err != nil {
			return nil, fmt.Errorf("feature %s/%s: %w", layer, id, err)
		}
		coll := base + "/collections/" + layer
		b, err := appendFeature(nil, &f, []link{
			{Href: coll + "/items/" + url.PathEscape(id), Rel: "self", Type: geoJSON, Title: "This feature"},
			{Href: coll, Rel: "collection", Type: jsonType, Title: "The collection"},
		})
		if err != nil {
			return nil, err
		}
		return newResponse(http.StatusOK, geoJSON, b, cacheControl), nil
	})
}
