package tiles

import (
	"math"
	"strconv"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/maptile"
)

// WebMercatorQuadID is the identifier of the one tile matrix set the tiles
// are cut on, as OGC's registry names it.
const WebMercatorQuadID = "WebMercatorQuad"

// WebMercatorQuadURI is the registry URI of WebMercatorQuad.
const WebMercatorQuadURI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad"

// WebMercatorCRS is the URI of WebMercatorQuad's CRS, EPSG:3857.
const WebMercatorCRS = "http://www.opengis.net/def/crs/EPSG/0/3857"

// MaxLat is the latitude where Web Mercator's square world ends.
const MaxLat = 85.0511287798066

// TileMatrixSet is a tile matrix set definition in the JSON encoding of
// OGC Two Dimensional Tile Matrix Set 2.0 (OGC 17-083r4).
type TileMatrixSet struct {
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	URI         string       `json:"uri"`
	CRS         string       `json:"crs"`
	OrderedAxes []string     `json:"orderedAxes"`
	WellKnown   string       `json:"wellKnownScaleSet"`
	Matrices    []TileMatrix `json:"tileMatrices"`

	// The same set in the members of TMS 1.0 (OGC 17-083r2), which GDAL
	// before 3.7 reads and newer readers ignore.
	Type         string         `json:"type"`
	Identifier   string         `json:"identifier"`
	SupportedCRS string         `json:"supportedCRS"`
	BoundingBox  BoundingBox    `json:"boundingBox"`
	MatricesV1   []TileMatrixV1 `json:"tileMatrix"`
}

// BoundingBox is TMS 1.0's bounding box of a tile matrix set.
type BoundingBox struct {
	Type        string     `json:"type"`
	CRS         string     `json:"crs"`
	LowerCorner [2]float64 `json:"lowerCorner"`
	UpperCorner [2]float64 `json:"upperCorner"`
}

// TileMatrixV1 is TMS 1.0's tile matrix.
type TileMatrixV1 struct {
	Type             string     `json:"type"`
	Identifier       string     `json:"identifier"`
	ScaleDenominator float64    `json:"scaleDenominator"`
	TopLeftCorner    [2]float64 `json:"topLeftCorner"`
	TileWidth        int        `json:"tileWidth"`
	TileHeight       int        `json:"tileHeight"`
	MatrixWidth      int        `json:"matrixWidth"`
	MatrixHeight     int        `json:"matrixHeight"`
}

// TileMatrix is one zoom level of a TileMatrixSet.
type TileMatrix struct {
	ID               string     `json:"id"`
	ScaleDenominator float64    `json:"scaleDenominator"`
	CellSize         float64    `json:"cellSize"`
	CornerOfOrigin   string     `json:"cornerOfOrigin"`
	PointOfOrigin    [2]float64 `json:"pointOfOrigin"`
	TileWidth        int        `json:"tileWidth"`
	TileHeight       int        `json:"tileHeight"`
	MatrixWidth      int        `json:"matrixWidth"`
	MatrixHeight     int        `json:"matrixHeight"`
}

// TileMatrixLimits bounds the tiles of one tile matrix that hold data.
type TileMatrixLimits struct {
	TileMatrix string `json:"tileMatrix"`
	MinTileRow uint32 `json:"minTileRow"`
	MaxTileRow uint32 `json:"maxTileRow"`
	MinTileCol uint32 `json:"minTileCol"`
	MaxTileCol uint32 `json:"maxTileCol"`
}

// earthHalf is half the width of the Web Mercator plane in metres.
const earthHalf = math.Pi * 6378137

// WebMercatorQuad returns the definition of WebMercatorQuad from zoom 0 to
// MaxZoom: 256-pixel tiles, origin at the top left, 0.28 mm pixels.
func WebMercatorQuad() TileMatrixSet {
	tms := TileMatrixSet{
		ID: WebMercatorQuadID, Title: "Google Maps Compatible for the World", URI: WebMercatorQuadURI,
		CRS: WebMercatorCRS, OrderedAxes: []string{"X", "Y"},
		WellKnown: "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible",
		Type:      "TileMatrixSetType", Identifier: WebMercatorQuadID, SupportedCRS: WebMercatorCRS,
		BoundingBox: BoundingBox{Type: "BoundingBoxType", CRS: WebMercatorCRS,
			LowerCorner: [2]float64{-earthHalf, -earthHalf}, UpperCorner: [2]float64{earthHalf, earthHalf}},
	}
	for z := 0; z <= MaxZoom; z++ {
		n := 1 << z
		cell := 2 * earthHalf / 256 / float64(n)
		tms.Matrices = append(tms.Matrices, TileMatrix{
			ID: strconv.Itoa(z), ScaleDenominator: cell / 0.00028, CellSize: cell,
			CornerOfOrigin: "topLeft", PointOfOrigin: [2]float64{-earthHalf, earthHalf},
			TileWidth: 256, TileHeight: 256, MatrixWidth: n, MatrixHeight: n,
		})
		tms.MatricesV1 = append(tms.MatricesV1, TileMatrixV1{
			Type: "TileMatrixType", Identifier: strconv.Itoa(z), ScaleDenominator: cell / 0.00028,
			TopLeftCorner: [2]float64{-earthHalf, earthHalf},
			TileWidth:     256, TileHeight: 256, MatrixWidth: n, MatrixHeight: n,
		})
	}
	return tms
}

// Limits returns, for every zoom from 0 to MaxZoom, the range of tiles
// that meet bound (longitude/latitude).
func Limits(bound orb.Bound) []TileMatrixLimits {
	lo := orb.Point{max(bound.Min[0], -180), max(bound.Min[1], -MaxLat)}
	hi := orb.Point{min(bound.Max[0], 180), min(bound.Max[1], MaxLat)}
	var out []TileMatrixLimits
	for z := maptile.Zoom(0); z <= MaxZoom; z++ {
		last := uint32(1)<<z - 1
		nw, se := maptile.At(orb.Point{lo[0], hi[1]}, z), maptile.At(orb.Point{hi[0], lo[1]}, z)
		out = append(out, TileMatrixLimits{
			TileMatrix: strconv.Itoa(int(z)),
			MinTileRow: nw.Y, MaxTileRow: min(se.Y, last),
			MinTileCol: nw.X, MaxTileCol: min(se.X, last),
		})
	}
	return out
}
