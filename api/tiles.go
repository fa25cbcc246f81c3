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

// tile answers a vector tile: the features of the slice at datetime (or
// the keyframes of an interval, or all keyframes) that meet the tile;
// 204 when none does. The OGC path names the tile tileMatrix/tileRow/
// tileCol, the older alias z/x/y.
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
		var t maptile.Tile
		if _, ogc := vars["tileMatrix"]; ogc {
			t, err = parseTileMatrix(vars["tileMatrix"], vars["tileRow"], vars["tileCol"])
		} else {
			t, err = parseTile(vars["z"], vars["x"], vars["y"])
		}
		if err != nil {
			return nil, err
		}
		bound := tiles.Bound(t)
		bb := geo.BBox{MinLon: bound.Min[0], MinLat: math.Max(bound.Min[1], -90), MaxLon: bound.Max[0], MaxLat: math.Min(bound.Max[1], 90)}
		bb.MinLon, bb.MaxLon = math.Max(bb.MinLon, -180), math.Min(bb.MaxLon, 180)
		page, _, err := s.slices.items(ctx, s.store(ctx), id, data.Query{Datetime: dt, BBox: &bb, Limit: math.MaxInt32})
		if err != nil {
			return nil, fmt.Errorf("tile of %s: %w", id, err)
		}
		b, err := tiles.Encode(id, page.Features, t)
		if err != nil {
			return nil, err
		}
		if b == nil {
			return newResponse(http.StatusNoContent, mvtType, nil, cacheControl), nil
		}
		return newResponse(http.StatusOK, mvtType, b, cacheControl).zipWith(&zipper{c: s.feats}), nil
	})
}

// parseTile reads the alias's z/x/y and checks the tile exists: 404 when
// it does not.
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

// parseTileMatrix reads OGC API – Tiles' tileMatrix/tileRow/tileCol in
// WebMercatorQuad: a tile matrix the set does not have, or a row or
// column outside it, is a 400 naming the parameter.
func parseTileMatrix(ms, rows, cols string) (maptile.Tile, error) {
	z, err := strconv.Atoi(ms)
	if err != nil || z < 0 || z > tiles.MaxZoom || strconv.Itoa(z) != ms {
		return maptile.Tile{}, badParam("tileMatrix", "%q is not a tile matrix of %s: they go from 0 to %d", ms, tiles.WebMercatorQuadID, tiles.MaxZoom)
	}
	var rc [2]uint64 // row, column
	for i, p := range []struct{ name, v string }{{"tileRow", rows}, {"tileCol", cols}} {
		n, err := strconv.ParseUint(p.v, 10, 32)
		if err != nil || n >= 1<<z {
			return maptile.Tile{}, badParam(p.name, "%q is outside tile matrix %d: rows and columns go from 0 to %d", p.v, z, (1<<z)-1)
		}
		rc[i] = n
	}
	return maptile.New(uint32(rc[1]), uint32(rc[0]), maptile.Zoom(z)), nil
}
