package api

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/timeslice/timeslice/data"
	"github.com/timeslice/timeslice/geo"
)

// TestAnswerHeadSameAsWhole: an answer made of a shared head and its
// tail sends exactly what the whole body sends, plain and gzipped, with
// the same ETag and length, for every layer of the embedded dataset and
// tails short and long (one past a stored block's 65,535 bytes).
func TestAnswerHeadSameAsWhole(t *testing.T) {
	ds, err := data.Embedded()
	if err != nil {
		t.Fatal(err)
	}
	s := New(data.NewMemory(ds), Options{})
	ctx := withVersion(context.Background(), "v1")
	at := &geo.Datetime{Instant: time.Date(1979, 1, 8, 5, 0, 0, 0, time.UTC), IsInstant: true}
	tails := [][]byte{[]byte(`[]}`), append(append([]byte(`[{"href":"`), bytes.Repeat([]byte("x"), 70_000)...), `"}]}`...)}
	compared := 0
	for _, l := range ds.Manifest.LayerIDs() {
		page, err := s.store(ctx).Items(ctx, l, data.Query{Datetime: at, Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		for _, tail := range tails {
			text, z, err := s.itemsHead(ctx, page, at)
			if err != nil {
				t.Fatal(err)
			}
			whole := newResponse(http.StatusOK, geoJSON, append(bytes.Clone(text), tail...), cacheControl).zipWith(z)
			text, z, err = s.itemsHead(ctx, page, at)
			if err != nil {
				t.Fatal(err)
			}
			h := newAnswerHead(text, z, &sync.Pool{})
			for _, enc := range []string{"", "gzip"} {
				want, got := sent(whole, enc), sent(h.response(tail, cacheControl), enc)
				if !bytes.Equal(got.Body.Bytes(), want.Body.Bytes()) {
					t.Fatalf("%s %q: %d bytes sent from a head, %d from the whole body", l, enc, got.Body.Len(), want.Body.Len())
				}
				for _, k := range []string{"ETag", "Content-Length", "Content-Encoding"} {
					if got.Header().Get(k) != want.Header().Get(k) {
						t.Errorf("%s %q: %s %q from a head, %q from the whole body", l, enc, k, got.Header().Get(k), want.Header().Get(k))
					}
				}
				compared++
			}
		}
	}
	if compared == 0 {
		t.Fatal("no layer: the test compares nothing")
	}
}

// sent is what r sends to a GET that accepts enc.
func sent(r *response, enc string) *httptest.ResponseRecorder {
	rec := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/", nil)
	if enc != "" {
		req.Header.Set("Accept-Encoding", enc)
	}
	r.send(rec, req)
	return rec
}
