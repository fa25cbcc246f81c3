package api

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/gorilla/mux"
	"github.com/paulmach/orb/maptile"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
	"github.com/timeslice/timeslice/tiles"
)

const mvtType = "application/vnd.mapbox-vector-tile"

// tileQuery reads the parameters of a tile request: datetime only.
func tileQuery(q url.Values, loc *time.Location) (*geo.Datetime, *apiError) {
	if err := checkParams(q, "datetime"); err != nil {
		return nil, err
	}
	v, ok := q["datetime"]
	if !ok {
		return nil, nil
	}
	d, err := geo.ParseDatetime(v[0], loc)
	if err != nil {
		return nil, badParam("datetime", "%v", err)
	}
	return &d, nil
}

// tileJSON answers /collections/{collectionId}/tiles: TileJSON 3.0 for
// the layer's vector tiles; a datetime given here is carried into the
// tile URL template.
func (s *Server) tileJSON(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["collectionId"]
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		params := r.URL.Query()
		m, err := s.manifest(ctx)
		if err != nil {
			return nil, err
		}
		if _, err := tileQuery(params, m.Location()); err != nil {
			return nil, err
		}
		c, err := s.findCollection(ctx, id)
		if err != nil {
			return nil, err
		}
		page, err := s.store(ctx).Items(ctx, id, data.Query{Limit: maxLimit})
		if err != nil {
			return nil, fmt.Errorf("fields of %s: %w", id, err)
		}
		tmpl := base + "/collections/" + id + "/tiles/{z}/{x}/{y}.mvt"
		if d := params.Get("datetime"); d != "" {
			tmpl += "?datetime=" + url.QueryEscape(d)
		}
		tj := tiles.NewTileJSON(id, c.Title, c.Description, tmpl, c.Bound, page.Features)
		tj.Attribution = m.In(m.Attribution)
		if tj.Attribution == "" {
			tj.Attribution = "Timeslice dataset: see each feature's sources"
		}
		return jsonResponse(http.StatusOK, jsonType, tj, cacheControl)
	})
}

// tile answers /collections/{collectionId}/tiles/{z}/{x}/{y}.mvt: the
// features of the slice at datetime (or the keyframes of an interval, or
// all keyframes) that meet the tile.
func (s *Server) tile(w http.ResponseWriter, r *http.Request) {
	vars := mux.Vars(r)
	id := vars["collectionId"]
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		m, err := s.manifest(ctx)
		if err != nil {
			return nil, err
		}
		dt, perr := tileQuery(r.URL.Query(), m.Location())
		if perr != nil {
			return nil, perr
		}
		if err := hasLayer(m, id); err != nil {
			return nil, err
		}
		t, err := parseTile(vars["z"], vars["x"], vars["y"])
		if err != nil {
			return nil, err
		}
		bound := tiles.Bound(t)
		bb := geo.BBox{MinLon: bound.Min[0], MinLat: math.Max(bound.Min[1], -90), MaxLon: bound.Max[0], MaxLat: math.Min(bound.Max[1], 90)}
		bb.MinLon, bb.MaxLon = math.Max(bb.MinLon, -180), math.Min(bb.MaxLon, 180)
		page, err := s.store(ctx).Items(ctx, id, data.Query{Datetime: dt, BBox: &bb, Limit: math.MaxInt32})
		if err != nil {
			return nil, fmt.Errorf("tile of %s: %w", id, err)
		}
		b, err := tiles.Encode(id, page.Features, t)
		if err != nil {
			return nil, err
		}
		return newResponse(http.StatusOK, mvtType, b, cacheControl), nil
	})
}

// parseTile reads z/x/y and checks the tile exists.
func parseTile(zs, xs, ys string) (maptile.Tile, error) {
	z, err := strconv.Atoi(zs)
	if err != nil || z < 0 || z > tiles.MaxZoom {
		return maptile.Tile{}, notFound("no tile at zoom %s: zooms go from 0 to %d", zs, tiles.MaxZoom)
	}
	x, errX := strconv.ParseUint(xs, 10, 32)
	y, errY := strconv.ParseUint(ys, 10, 32)
	if errX != nil || errY != nil || x >= 1<<z || y >= 1<<z {
		return maptile.Tile{}, notFound("no tile %s/%s/%s: at zoom %d x and y go from 0 to %d", zs, xs, ys, z, (1<<z)-1)
	}
	return maptile.New(uint32(x), uint32(y), maptile.Zoom(z)), nil
}
