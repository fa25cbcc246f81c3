package api

import (
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

const (
	geoJSON  = "application/geo+json"
	jsonType = "application/json"
	crs84    = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
	trs      = "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"
)

// link is an OGC API link object.
type link struct {
	Href  string `json:"href"`
	Rel   string `json:"rel"`
	Type  string `json:"type,omitempty"`
	Title string `json:"title,omitempty"`
}

// collectionJSON describes one collection with its extents.
type collectionJSON struct {
	ID          string   `json:"id"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Extent      extent   `json:"extent"`
	ItemType    string   `json:"itemType"`
	CRS         []string `json:"crs"`
	StorageCRS  string   `json:"storageCrs"`
	Links       []link   `json:"links"`
}

type extent struct {
	Spatial  spatialExtent  `json:"spatial"`
	Temporal temporalExtent `json:"temporal"`
}

type spatialExtent struct {
	BBox [][4]float64 `json:"bbox"`
	CRS  string       `json:"crs"`
}

type temporalExtent struct {
	Interval [][2]*string `json:"interval"`
	TRS      string       `json:"trs"`
}

func encodeCollection(c data.Collection, base string) collectionJSON {
	self := base + "/collections/" + c.ID
	out := collectionJSON{
		ID: c.ID, Title: c.Title, Description: c.Description,
		ItemType: "feature", CRS: []string{crs84}, StorageCRS: crs84,
		Extent: extent{
			Spatial:  spatialExtent{BBox: [][4]float64{{c.Bound.Min[0], c.Bound.Min[1], c.Bound.Max[0], c.Bound.Max[1]}}, CRS: crs84},
			Temporal: temporalExtent{Interval: [][2]*string{{timePtr(c.Start), timePtr(c.End)}}, TRS: trs},
		},
		Links: []link{
			{Href: self, Rel: "self", Type: jsonType, Title: c.Title},
			{Href: self + "/items", Rel: "items", Type: geoJSON, Title: c.Title + " (GeoJSON)"},
			{Href: self + "/tiles", Rel: relTilesetsVector, Type: jsonType, Title: c.Title + " (vector tilesets, OGC API – Tiles)"},
		},
	}
	if c.Count == 0 {
		out.Extent.Spatial.BBox = [][4]float64{{-180, -90, 180, 90}}
	}
	return out
}

// timePtr formats t, or returns nil (JSON null, unbounded) for zero.
func timePtr(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := geo.FormatTime(t)
	return &s
}
