package data

import (
	"context"
	"errors"
	"time"

	"github.com/paulmach/orb"

	"github.com/timeslice/timeslice/geo"
)

// ErrNotFound is returned for an unknown layer or feature.
var ErrNotFound = errors.New("not found")

// ErrUnavailable wraps errors of a store whose backend cannot be reached
// (a database that is down); the API answers 503 for it.
var ErrUnavailable = errors.New("store unavailable")

// Query selects features of one layer.
type Query struct {
	// Datetime nil selects every keyframe. An instant selects the slice
	// at that instant, linear tracks interpolated; an interval selects
	// the keyframes that intersect it, as they are.
	Datetime *geo.Datetime
	// BBox nil selects everywhere.
	BBox *geo.BBox
	// Offset skips that many matches; Limit (> 0) caps what is returned.
	Offset, Limit int
}

// Page is one page of matching features, in Seq order.
type Page struct {
	Features []geo.Feature
	// Matched counts every feature the query matched, before paging.
	Matched int
}

// Collection is a layer with its extents.
type Collection struct {
	Layer
	// Count is the number of keyframes in the layer.
	Count int
	// Bound is the spatial extent; meaningless when Count is 0.
	Bound orb.Bound
	// Start is the earliest valid_from; End the latest valid_to, zero
	// when some feature is open-ended.
	Start, End time.Time
}

// Store serves the dataset. Implementations: Memory (embedded dataset)
// and postgis.Store. Both return the same answers for the same data.
type Store interface {
	// Collections lists the manifest's layers, in its order, with their
	// extents.
	Collections(ctx context.Context) ([]Collection, error)
	// Items returns features of a layer; ErrNotFound for an unknown layer.
	Items(ctx context.Context, layer string, q Query) (Page, error)
	// Item returns one keyframe by id; ErrNotFound if there is none.
	Item(ctx context.Context, layer, id string) (geo.Feature, error)
	// Timeline returns the time extent, keyframe instants and events.
	// Every instant a store returns is in the manifest's time zone.
	Timeline(ctx context.Context) (Timeline, error)
	// Ready returns nil when the store can answer.
	Ready(ctx context.Context) error
	// Version names the state of the data: it changes when the data
	// does (a PostGIS load), so that answers cached under an old version
	// are not served again.
	Version(ctx context.Context) (string, error)
	// Manifest returns the dataset's manifest: its layers, time zone
	// and texts.
	Manifest(ctx context.Context) (*Manifest, error)
}
