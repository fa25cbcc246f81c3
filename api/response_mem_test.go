package api

import (
	"bytes"
	"testing"
)

// TestResponseHoldsItsSize: a cached answer holds about its length, not
// the capacity of the buffer it was encoded in (which doubles as it
// grows), so that the cache's accounting is its real memory.
func TestResponseHoldsItsSize(t *testing.T) {
	var buf bytes.Buffer
	for buf.Len() < 100_000 {
		buf.WriteString(`{"type":"Feature","properties":{"name":"x"}},`)
	}
	// As an encoder that doubled its buffer leaves it: half empty.
	body := append(make([]byte, 0, 2*buf.Len()), buf.Bytes()...)
	r := newResponse(200, jsonType, body, "")
	if c := cap(r.body); c > len(r.body)+len(r.body)/4 {
		t.Errorf("body holds %d bytes for %d", c, len(r.body))
	}
	if gz, _ := r.gzipped(); gz == nil || cap(gz) > len(gz)+len(gz)/16 {
		t.Errorf("gzip form holds %d bytes for %d", cap(gz), len(gz))
	}
	if r.size() < int64(cap(r.body)+cap(r.gz)) {
		t.Errorf("size() %d counts less than the answer holds (%d)", r.size(), cap(r.body)+cap(r.gz))
	}
}
