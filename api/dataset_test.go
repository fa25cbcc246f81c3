package api_test

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/paulmach/orb/planar"

	"github.com/timeslice/timeslice/api"
	"github.com/timeslice/timeslice/data"
)

// These tests check sourced dates of the embedded dataset through the
// public API, as a user would see them.

func embeddedServer(t *testing.T) *httptest.Server {
	t.Helper()
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(api.New(data.NewMemory(ds), api.Options{}))
	t.Cleanup(srv.Close)
	return srv
}

func slice(t *testing.T, srv *httptest.Server, layer, at string) *geojson.FeatureCollection {
	t.Helper()
	a := get(t, srv.URL+"/collections/"+layer+"/items?limit=10000&datetime="+url.QueryEscape(at))
	if a.status != 200 {
		t.Fatalf("%s at %s: status %d: %s", layer, at, a.status, a.body)
	}
	fc, err := geojson.UnmarshalFeatureCollection(a.body)
	if err != nil {
		t.Fatal(err)
	}
	return fc
}

// heldAt reports whether p lies in a control feature held (not
// contested) at instant at.
func heldAt(t *testing.T, srv *httptest.Server, p orb.Point, at string) bool {
	for _, f := range slice(t, srv, "control", at).Features {
		if s, _ := f.Properties["status"].(string); s == "contested" {
			continue
		}
		switch g := f.Geometry.(type) {
		case orb.Polygon:
			if planar.PolygonContains(g, p) {
				return true
			}
		case orb.MultiPolygon:
			if planar.MultiPolygonContains(g, p) {
				return true
			}
		}
	}
	return false
}

func TestSourcedDatesThroughTheAPI(t *testing.T) {
	srv := embeddedServer(t)
	phnomPenh := orb.Point{104.9160, 11.5625}
	kratie := orb.Point{106.0188, 12.4881}
	tests := []struct {
		what string
		p    orb.Point
		at   string
		want bool
	}{
		{"Phnom Penh before noon on 7 January 1979", phnomPenh, "1979-01-07T11:59:00+07:00", false},
		{"Phnom Penh from noon on 7 January 1979 (rebel radio, Strangio)", phnomPenh, "1979-01-07T12:00:00+07:00", true},
		{"Phnom Penh on 8 January 1979", phnomPenh, "1979-01-08T12:00:00+07:00", true},
		{"Phnom Penh in 1980", phnomPenh, "1980-06-01T00:00:00+07:00", true},
		{"Kratie on 29 December 1978", kratie, "1978-12-29T12:00:00+07:00", false},
		{"Kratie on 30 December 1978 (Short)", kratie, "1978-12-30T23:00:00+07:00", true},
		{"Phnom Penh before the invasion", phnomPenh, "1978-12-20T00:00:00+07:00", false},
	}
	for _, tc := range tests {
		if got := heldAt(t, srv, tc.p, tc.at); got != tc.want {
			t.Errorf("%s: inside control = %v, want %v", tc.what, got, tc.want)
		}
	}

	// The Phnom Penh perimeter is closed on 8 January 1979.
	closed := false
	for _, f := range slice(t, srv, "perimeter", "1979-01-08T12:00:00+07:00").Features {
		if f.Properties["status"] == "closed" {
			if pg, ok := f.Geometry.(orb.Polygon); ok && planar.PolygonContains(pg, phnomPenh) {
				closed = true
			}
		}
	}
	if !closed {
		t.Error("no closed perimeter around Phnom Penh on 8 January 1979")
	}

	// The axis along Route 1 is longer on 6 January than on 2 January.
	length := func(at string) float64 {
		var l float64
		for _, f := range slice(t, srv, "advances", at).Features {
			l += planar.Length(f.Geometry)
		}
		return l
	}
	if a, b := length("1979-01-02T00:00:00+07:00"), length("1979-01-06T00:00:00+07:00"); !(b > a) {
		t.Errorf("advances do not grow: %.3f° on 2 January, %.3f° on 6 January", a, b)
	}
}

func TestDatasetInsideTheRegion(t *testing.T) {
	srv := embeddedServer(t)
	cs := decode[struct {
		Collections []struct {
			ID     string
			Extent struct{ Spatial struct{ BBox [][4]float64 } }
		}
	}](t, get(t, srv.URL+"/collections"))
	if len(cs.Collections) != 8 {
		t.Fatalf("%d collections, want 8", len(cs.Collections))
	}
	region := orb.Bound{Min: orb.Point{101, 9.5}, Max: orb.Point{109, 15.5}}
	for _, c := range cs.Collections {
		b := c.Extent.Spatial.BBox[0]
		ext := orb.Bound{Min: orb.Point{b[0], b[1]}, Max: orb.Point{b[2], b[3]}}
		if !region.Contains(ext.Min) || !region.Contains(ext.Max) {
			t.Errorf("%s extends to %v, outside lon 101–109, lat 9.5–15.5", c.ID, b)
		}
	}
}
