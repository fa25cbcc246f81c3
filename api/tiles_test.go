package api_test

import (
	"bytes"
	"strconv"
	"strings"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/encoding/mvt"
	"github.com/paulmach/orb/maptile"

	"github.com/timeslice/timeslice/api"
)

// ogcTileset is what the tests read of a tileset description.
type ogcTileset struct {
	DataType         string
	TileMatrixSetURI string
	Links            []link
	Limits           []struct {
		TileMatrix                                     string
		MinTileRow, MaxTileRow, MinTileCol, MaxTileCol uint32
	} `json:"tileMatrixSetLimits"`
	Extent struct {
		Temporal struct{ Interval [][2]*string }
	}
}

func linkOfType(links []link, rel, typ string) string {
	for _, l := range links {
		if l.Rel == rel && l.Type == typ {
			return l.Href
		}
	}
	return ""
}

// TestOGCTiles follows the links an OGC API – Tiles client follows, from
// the collection to a tile, with datetime carried along.
func TestOGCTiles(t *testing.T) {
	srv := fixtureServer(t, api.Options{CacheBytes: 1 << 20})
	coll := decode[struct{ Links []link }](t, get(t, srv.URL+"/collections/flows"))
	tilesURL := linkOfType(coll.Links, "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector", "application/json")
	if tilesURL != srv.URL+"/collections/flows/tiles" {
		t.Fatalf("tilesets-vector link %q", tilesURL)
	}
	list := decode[struct{ Tilesets []ogcTileset }](t, get(t, tilesURL+"?datetime=1979-01-05T17:00:00Z"))
	if len(list.Tilesets) != 1 || list.Tilesets[0].DataType != "vector" ||
		list.Tilesets[0].TileMatrixSetURI != "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad" {
		t.Fatalf("tilesets %+v", list.Tilesets)
	}
	self := linkOf(list.Tilesets[0].Links, "self")
	wantSelf := srv.URL + "/collections/flows/tiles/WebMercatorQuad?datetime=1979-01-05T17%3A00%3A00Z"
	if self != wantSelf {
		t.Fatalf("tileset self link %q, want %q", self, wantSelf)
	}
	ts := decode[ogcTileset](t, get(t, self))
	tmpl := linkOfType(ts.Links, "item", "application/vnd.mapbox-vector-tile")
	wantTmpl := srv.URL + "/collections/flows/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}?datetime=1979-01-05T17%3A00%3A00Z"
	if tmpl != wantTmpl {
		t.Fatalf("tile template %q, want %q", tmpl, wantTmpl)
	}
	if iv := ts.Extent.Temporal.Interval; len(iv) != 1 || iv[0][0] == nil || *iv[0][0] != "1979-01-01T00:00:00+07:00" {
		t.Errorf("time extent %v", iv)
	}
	if len(ts.Limits) != 17 || ts.Limits[0].TileMatrix != "0" || ts.Limits[0].MaxTileCol != 0 {
		t.Errorf("limits %+v", ts.Limits)
	}
	tms := decode[struct {
		ID, CRS  string
		Matrices []struct {
			ID                                   string
			CellSize                             float64
			MatrixWidth, MatrixHeight, TileWidth int
			PointOfOrigin                        [2]float64
		} `json:"tileMatrices"`
	}](t, get(t, linkOf(ts.Links, "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme")))
	if tms.ID != "WebMercatorQuad" || len(tms.Matrices) != 17 || tms.Matrices[8].MatrixWidth != 256 ||
		tms.Matrices[0].PointOfOrigin[0] != -20037508.342789244 || tms.Matrices[0].CellSize != 156543.03392804097 {
		t.Errorf("tile matrix set %+v", tms)
	}

	// The tile over the Route 1 flow, at the instant the tileset names:
	// row before column.
	tile := maptile.At(orb.Point{105.6, 11.15}, 7)
	url := strings.NewReplacer("{tileMatrix}", "7", "{tileRow}", itoa(tile.Y), "{tileCol}", itoa(tile.X)).Replace(tmpl)
	mt := get(t, url)
	if mt.status != 200 || mt.header.Get("Content-Type") != "application/vnd.mapbox-vector-tile" || mt.header.Get("ETag") == "" {
		t.Fatalf("tile: %d %v", mt.status, mt.header)
	}
	if ids := tileIDs(t, mt.body, "walk-1", 2000); ids != "walk-1" {
		t.Errorf("tile features %v, want walk-1 only", ids)
	}
	// The alias answers the same bytes.
	alias := get(t, srv.URL+"/collections/flows/tiles/7/"+itoa(tile.X)+"/"+itoa(tile.Y)+".mvt?datetime=1979-01-05T17:00:00Z")
	if alias.status != 200 || string(alias.body) != string(mt.body) {
		t.Errorf("alias: %d, %d bytes, want the OGC path's %d", alias.status, len(alias.body), len(mt.body))
	}

	// TileJSON, linked from the tileset, with datetime carried along.
	tjURL := linkOfType(ts.Links, "alternate", "application/vnd.mapbox.tile+json")
	tj := decode[struct {
		TileJSON     string
		Tiles        []string
		VectorLayers []struct {
			ID     string
			Fields map[string]string
		} `json:"vector_layers"`
	}](t, get(t, tjURL))
	wantURL := srv.URL + "/collections/flows/tiles/WebMercatorQuad/{z}/{y}/{x}?datetime=1979-01-05T17%3A00%3A00Z"
	if tj.TileJSON != "3.0.0" || len(tj.Tiles) != 1 || tj.Tiles[0] != wantURL || tj.VectorLayers[0].Fields["people"] != "Number" {
		t.Fatalf("TileJSON %+v", tj)
	}
}

// tileIDs decodes a tile and returns its feature ids, checking the
// people of feature id when it is there.
func tileIDs(t *testing.T, b []byte, id string, people float64) string {
	t.Helper()
	layers, err := mvt.Unmarshal(b)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, f := range layers[0].Features {
		ids = append(ids, f.Properties["id"].(string))
		if f.Properties["id"] == id && f.Properties["people"] != people {
			t.Errorf("%s people = %v, want %v", id, f.Properties["people"], people)
		}
	}
	return strings.Join(ids, ",")
}

func TestTileErrors(t *testing.T) {
	srv := fixtureServer(t, api.Options{CacheBytes: 1 << 20})
	for path, want := range map[string]struct {
		status int
		param  string
	}{
		"/collections/flows/tiles/WebMercatorQuad/17/0/0":               {400, "tileMatrix"},
		"/collections/flows/tiles/WebMercatorQuad/07/0/0":               {400, "tileMatrix"},
		"/collections/flows/tiles/WebMercatorQuad/x/0/0":                {400, "tileMatrix"},
		"/collections/flows/tiles/WebMercatorQuad/2/4/0":                {400, "tileRow"},
		"/collections/flows/tiles/WebMercatorQuad/2/0/4":                {400, "tileCol"},
		"/collections/flows/tiles/WebMercatorQuad/2/0/-1":               {400, "tileCol"},
		"/collections/flows/tiles/WebMercatorQuad/0/0/0?datetime=x":     {400, "datetime"},
		"/collections/flows/tiles/WebMercatorQuad/0/0/0?bbox=1,2,3,4":   {400, "bbox"},
		"/collections/flows/tiles/WebMercatorQuad?f=xml":                {400, "f"},
		"/collections/flows/tiles/WebMercatorQuad/0/0":                  {404, ""},
		"/collections/flows/tiles/WorldCRS84Quad":                       {404, ""},
		"/collections/armies/tiles/WebMercatorQuad/0/0/0":               {404, ""},
		"/collections/armies/tiles":                                     {404, ""},
		"/tileMatrixSets/WorldCRS84Quad":                                {404, ""},
		"/collections/flows/tiles/17/0/0.mvt":                           {404, ""}, // the alias: too deep
		"/collections/flows/tiles/2/4/0.mvt":                            {404, ""},
		"/collections/flows/tiles/WebMercatorQuad/0/0/0":                {200, ""},
		"/collections/flows/tiles/WebMercatorQuad/0/0/0?datetime=../..": {200, ""},
		"/collections/flows/tiles/0/0/0.mvt":                            {200, ""},
		// Nothing of the fixture lies over the Atlantic: an empty tile.
		"/collections/flows/tiles/WebMercatorQuad/4/7/7": {204, ""},
		"/collections/flows/tiles/4/7/7.mvt":             {204, ""},
	} {
		a := get(t, srv.URL+path)
		if a.status != want.status {
			t.Errorf("%s: status %d, want %d: %s", path, a.status, want.status, a.body)
			continue
		}
		switch {
		case a.status == 204 && len(a.body) != 0:
			t.Errorf("%s: 204 with %d bytes", path, len(a.body))
		case a.status >= 400:
			e := decode[struct{ Code, Description, Parameter string }](t, a)
			if e.Description == "" || e.Parameter != want.param || a.header.Get("Content-Type") != "application/json" {
				t.Errorf("%s: error body %s, want parameter %q", path, a.body, want.param)
			}
		}
	}
}

func TestTileConformance(t *testing.T) {
	srv := fixtureServer(t, api.Options{})
	c := decode[struct{ ConformsTo []string }](t, get(t, srv.URL+"/conformance"))
	for _, want := range []string{
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
		"http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt",
	} {
		if !strings.Contains(strings.Join(c.ConformsTo, " "), want) {
			t.Errorf("/conformance lacks %s", want)
		}
	}
	list := decode[struct {
		TileMatrixSets []struct{ ID string }
	}](t, get(t, srv.URL+"/tileMatrixSets"))
	if len(list.TileMatrixSets) != 1 || list.TileMatrixSets[0].ID != "WebMercatorQuad" {
		t.Errorf("tile matrix sets %+v", list)
	}
}

func itoa(n uint32) string { return strconv.FormatUint(uint64(n), 10) }

// TestTileGzip: a tile is gzipped when the client accepts it, under its
// own ETag, and unzips to the plain tile.
func TestTileGzip(t *testing.T) {
	srv := embeddedServer(t)
	url := srv.URL + "/collections/control/tiles/WebMercatorQuad/8/119/202?datetime=1979-01-08"
	plain := get(t, url)
	gz := get(t, url, "Accept-Encoding", "gzip")
	if plain.status != 200 || plain.header.Get("Content-Encoding") != "" || len(plain.body) < 1024 {
		t.Fatalf("plain: %d %v, %d bytes", plain.status, plain.header, len(plain.body))
	}
	if gz.header.Get("Content-Encoding") != "gzip" || !strings.Contains(gz.header.Get("Vary"), "Accept-Encoding") ||
		gz.header.Get("ETag") == plain.header.Get("ETag") || len(gz.body) >= len(plain.body) {
		t.Fatalf("gzip: %v, %d bytes (plain %d)", gz.header, len(gz.body), len(plain.body))
	}
	if b, err := gunzip(gz.body); err != nil || !bytes.Equal(b, plain.body) {
		t.Errorf("gunzipped tile differs from the plain one (%v)", err)
	}
	t.Logf("tile: %d bytes, %d gzipped", len(plain.body), len(gz.body))
}
