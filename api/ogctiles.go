package api

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gorilla/mux"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/tiles"
)

// OGC API – Tiles, Part 1 (OGC 20-057): every collection has one vector
// tileset, cut on WebMercatorQuad, whose tiles are the slices of the
// collection (datetime is carried from the tileset into its links).

const (
	relTilesetsVector = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector"
	relTilingScheme   = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme"
	relTilingSchemes  = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes"
	tileJSONType      = "application/vnd.mapbox.tile+json"
)

// tilesConformance lists the OGC API – Tiles classes the server meets.
func tilesConformance() []string {
	return []string{
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/datetime",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
		"http://www.opengis.net/spec/tms/2.0/conf/tilematrixset",
		"http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset",
		"http://www.opengis.net/spec/tms/2.0/conf/tilesetmetadata",
		"http://www.opengis.net/spec/tms/2.0/conf/json-tilesetmetadata",
	}
}

// tilesetSummary is one entry of a tileset list; tilesetJSON the full
// tileset description.
type tilesetSummary struct {
	Title            string `json:"title"`
	DataType         string `json:"dataType"`
	CRS              string `json:"crs"`
	TileMatrixSetURI string `json:"tileMatrixSetURI"`
	Links            []link `json:"links"`
}

type tilesetJSON struct {
	tilesetSummary
	Description string                   `json:"description"`
	Limits      []tiles.TileMatrixLimits `json:"tileMatrixSetLimits"`
	BoundingBox boundingBox              `json:"boundingBox"`
	Layers      []tilesetLayer           `json:"layers"`
	// Extent gives the collection's time extent: what datetime may ask.
	Extent struct {
		Temporal temporalExtent `json:"temporal"`
	} `json:"extent"`
	// Datetime is the datetime carried into the tile links, if any.
	Datetime string `json:"datetime,omitempty"`
}

type boundingBox struct {
	LowerLeft  [2]float64 `json:"lowerLeft"`
	UpperRight [2]float64 `json:"upperRight"`
	CRS        string     `json:"crs"`
}

type tilesetLayer struct {
	ID            string `json:"id"`
	Title         string `json:"title"`
	DataType      string `json:"dataType"`
	MinTileMatrix string `json:"minTileMatrix"`
	MaxTileMatrix string `json:"maxTileMatrix"`
}

// tilesetQuery reads datetime (checked, kept as given) and f; tilejson
// is allowed when tileJSON is true.
func tilesetQuery(q url.Values, tileJSON bool, loc *time.Location) (dt string, wantTileJSON bool, err *apiError) {
	rest := url.Values{}
	for k, v := range q {
		rest[k] = v
	}
	if tileJSON && rest.Get("f") == "tilejson" && len(rest["f"]) == 1 {
		wantTileJSON = true
		delete(rest, "f")
	}
	if _, err := tileQuery(rest, loc); err != nil {
		return "", false, err
	}
	return rest.Get("datetime"), wantTileJSON, nil
}

// withDatetime appends datetime=dt to u's query when dt is set.
func withDatetime(u, dt string) string {
	if dt == "" {
		return u
	}
	sep := "?"
	if strings.Contains(u, "?") {
		sep = "&"
	}
	return u + sep + "datetime=" + url.QueryEscape(dt)
}

func tilesetSummaryOf(c data.Collection, base, dt string) tilesetSummary {
	self := base + "/collections/" + c.ID + "/tiles/" + tiles.WebMercatorQuadID
	return tilesetSummary{
		Title: c.Title + " (vector tiles, WebMercatorQuad)", DataType: "vector",
		CRS: tiles.WebMercatorCRS, TileMatrixSetURI: tiles.WebMercatorQuadURI,
		Links: []link{
			{Href: withDatetime(self, dt), Rel: "self", Type: jsonType, Title: "This tileset"},
			{Href: base + "/tileMatrixSets/" + tiles.WebMercatorQuadID, Rel: relTilingScheme, Type: jsonType, Title: "The tile matrix set"},
		},
	}
}

// tilesetOf reads a tileset request: the collection, the datetime as
// given (checked in the dataset's time zone) and whether f=tilejson asks
// for TileJSON (allowed when tileJSON is true).
func (s *Server) tilesetOf(ctx context.Context, r *http.Request, id string, tileJSON bool) (c data.Collection, dt string, wantTileJSON bool, err error) {
	m, err := s.manifest(ctx)
	if err != nil {
		return c, "", false, err
	}
	dt, wantTileJSON, perr := tilesetQuery(r.URL.Query(), tileJSON, m.Location())
	if perr != nil {
		return c, "", false, perr
	}
	c, err = s.findCollection(ctx, id)
	return c, dt, wantTileJSON, err
}

// tilesets answers /collections/{collectionId}/tiles: the list of the
// collection's tilesets (one, WebMercatorQuad).
func (s *Server) tilesets(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["collectionId"]
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		c, dt, _, err := s.tilesetOf(ctx, r, id, false)
		if err != nil {
			return nil, err
		}
		out := struct {
			Links    []link           `json:"links"`
			Tilesets []tilesetSummary `json:"tilesets"`
		}{
			Links: []link{
				{Href: withDatetime(base+"/collections/"+id+"/tiles", dt), Rel: "self", Type: jsonType, Title: "Tilesets of " + c.Title},
				{Href: base + "/collections/" + id, Rel: "collection", Type: jsonType, Title: c.Title},
			},
			Tilesets: []tilesetSummary{tilesetSummaryOf(c, base, dt)},
		}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// tileset answers /collections/{collectionId}/tiles/WebMercatorQuad: the
// tileset description, or with f=tilejson its TileJSON 3.0 document.
func (s *Server) tileset(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["collectionId"]
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		c, dt, wantTileJSON, err := s.tilesetOf(ctx, r, id, true)
		if err != nil {
			return nil, err
		}
		self := base + "/collections/" + id + "/tiles/" + tiles.WebMercatorQuadID
		if wantTileJSON {
			return s.tileJSON(ctx, c, withDatetime(self+"/{z}/{y}/{x}", dt))
		}
		tileJSONURL := withDatetime(self+"?f=tilejson", dt)
		out := tilesetJSON{tilesetSummary: tilesetSummaryOf(c, base, dt), Description: c.Description, Datetime: dt}
		out.Links = append(out.Links,
			link{Href: withDatetime(self+"/{tileMatrix}/{tileRow}/{tileCol}", dt), Rel: "item", Type: mvtType, Title: "Tiles (Mapbox vector tiles)"},
			link{Href: tileJSONURL, Rel: "alternate", Type: tileJSONType, Title: "This tileset as TileJSON 3.0"},
			link{Href: base + "/collections/" + id, Rel: "collection", Type: jsonType, Title: c.Title},
		)
		bound := c.Bound
		if c.Count == 0 {
			bound.Min, bound.Max = [2]float64{-180, -tiles.MaxLat}, [2]float64{180, tiles.MaxLat}
		}
		out.Limits = tiles.Limits(bound)
		out.BoundingBox = boundingBox{LowerLeft: bound.Min, UpperRight: bound.Max, CRS: crs84}
		out.Layers = []tilesetLayer{{ID: id, Title: c.Title, DataType: "vector", MinTileMatrix: "0", MaxTileMatrix: fmt.Sprint(tiles.MaxZoom)}}
		out.Extent.Temporal = temporalExtent{Interval: [][2]*string{{timePtr(c.Start), timePtr(c.End)}}, TRS: trs}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// tileJSON builds the TileJSON 3.0 document of a collection's tiles at
// tileURL (a template with {z}, {x} and {y}).
func (s *Server) tileJSON(ctx context.Context, c data.Collection, tileURL string) (*response, error) {
	m, err := s.manifest(ctx)
	if err != nil {
		return nil, err
	}
	page, err := s.store(ctx).Items(ctx, c.ID, data.Query{Limit: maxLimit})
	if err != nil {
		return nil, fmt.Errorf("fields of %s: %w", c.ID, err)
	}
	tj := tiles.NewTileJSON(c.ID, c.Title, c.Description, tileURL, c.Bound, page.Features)
	tj.Attribution = m.In(m.Attribution)
	if tj.Attribution == "" {
		tj.Attribution = "Timeslice dataset: see each feature's sources"
	}
	return jsonResponse(http.StatusOK, jsonType, tj, cacheControl)
}

// tileMatrixSets answers /tileMatrixSets: the one set tiles are cut on.
func (s *Server) tileMatrixSets(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		if err := checkParams(r.URL.Query()); err != nil {
			return nil, err
		}
		tms := tiles.WebMercatorQuad()
		type entry struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			URI   string `json:"uri"`
			Links []link `json:"links"`
		}
		out := struct {
			Links          []link  `json:"links"`
			TileMatrixSets []entry `json:"tileMatrixSets"`
		}{
			Links: []link{{Href: base + "/tileMatrixSets", Rel: "self", Type: jsonType, Title: "Tile matrix sets"}},
			TileMatrixSets: []entry{{ID: tms.ID, Title: tms.Title, URI: tms.URI, Links: []link{
				{Href: base + "/tileMatrixSets/" + tms.ID, Rel: relTilingScheme, Type: jsonType, Title: tms.Title},
			}}},
		}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// tileMatrixSet answers /tileMatrixSets/{tileMatrixSetId}.
func (s *Server) tileMatrixSet(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["tileMatrixSetId"]
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		if err := checkParams(r.URL.Query()); err != nil {
			return nil, err
		}
		if id != tiles.WebMercatorQuadID {
			return nil, notFound("no tile matrix set %q: this server has %s only", id, tiles.WebMercatorQuadID)
		}
		return jsonResponse(http.StatusOK, jsonType, tiles.WebMercatorQuad(), cacheControl)
	})
}
