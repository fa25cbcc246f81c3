package api

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/cespare/xxhash/v2"
)

// cacheControl is sent with every answer built from the data (and the
// files that go with it). The data can change under a running server (a
// PostGIS load shows within versionTTL; a new deployment embeds another
// dataset), so a browser or a proxy may reuse an answer for a minute
// only, then revalidates it with its strong ETag: 304 while the data is
// the same, the new answer once it changed. A minute covers a kiosk's
// loop through the timeline and a server restart; an answer is never
// more than a minute (and versionTTL) behind the data.
const cacheControl = "public, max-age=60"

// response is an encoded answer, ready to send any number of times.
type response struct {
	status      int
	contentType string
	body        []byte // the answer; its head when tail is set
	tail        []byte // what follows a head shared with other answers
	head        *answerHead
	etag        string // strong ETag of body; the gzip variant adds "-gz"
	cacheCtl    string
	zippable    bool // gzip may pay: large enough and a text type

	gzOnce sync.Once
	gz     []byte  // gzip of body, made on first demand; nil when not smaller
	gzTail []byte  // what follows gz, when the body has a tail
	zip    *zipper // makes gz from the body's pieces, when set
}

// zipWith has the gzip form made by z, from the pieces of the body.
func (r *response) zipWith(z *zipper) *response {
	r.zip = z
	return r
}

// size is what the answer takes in the cache: the body's buffers, and its
// gzip form counted at a quarter of the body (JSON compresses better). A
// shared head is counted whole in every answer that holds it: the budget
// is never exceeded, whichever answers outlive the others.
func (r *response) size() int64 {
	n := len(r.body) + len(r.tail)
	return int64(cap(r.body) + cap(r.tail) + n/4 + 256)
}

// minGzip is the size under which gzip is not worth its header.
const minGzip = 1024

// newResponse encodes body once: its ETag and, when large enough, its
// gzip form.
func newResponse(status int, contentType string, body []byte, cacheCtl string) *response {
	if cap(body) > len(body)+len(body)/4 {
		// An encoder's buffer grows by doubling: a cached answer would
		// hold up to twice its size. A buffer sized beforehand (a slice's
		// answer) is kept as it is, its spare room counted by size().
		body = append(make([]byte, 0, len(body)), body...)
	}
	r := &response{
		status:      status,
		contentType: contentType,
		body:        body,
		etag:        etagOf(body),
		cacheCtl:    cacheCtl,
	}
	r.zippable = len(body) >= minGzip && compressible(contentType)
	return r
}

// etagOf is the strong ETag of a body: its 64-bit xxHash in hex. It only
// tells versions of one answer apart, so it needs no cryptographic hash;
// SHA-256 took a quarter of a cache miss's CPU. It is the same on every
// server and after a restart, so revalidation holds behind a balancer.
func etagOf(body []byte) string { return etagSum(xxhash.Sum64(body)) }

// etagSum is the ETag of a body whose xxHash is h.
func etagSum(h uint64) string {
	var b [18]byte
	b[0], b[17] = '"', '"'
	const hexDigits = "0123456789abcdef"
	for i := 16; i >= 1; i-- {
		b[i] = hexDigits[h&0xf]
		h >>= 4
	}
	return string(b[:])
}

// gzipped returns the gzip form of the body, in two parts when the body
// has a tail, compressing it the first time only; nil when gzip does not
// pay.
func (r *response) gzipped() (gz, gzTail []byte) {
	if !r.zippable {
		return nil, nil
	}
	r.gzOnce.Do(func() {
		if r.head != nil {
			if gz, tail := r.head.gzip(r.tail); len(gz)+len(tail) < len(r.body)+len(r.tail) {
				r.gz, r.gzTail = gz, tail
			}
			return
		}
		if r.zip != nil {
			if gz := r.zip.gzip(r.body); len(gz) < len(r.body) {
				r.gz = gz
			}
			r.zip = nil
			return
		}
		if gz := gzipWhole(nil, r.body); len(gz) < len(r.body) {
			r.gz = gz
		}
	})
	return r.gz, r.gzTail
}

// gzipWhole compresses body at the default level, with a writer from pool
// when one is given (a new writer otherwise), into a slice of its length:
// no spare capacity held in the cache.
func gzipWhole(pool *sync.Pool, body []byte) []byte {
	var buf bytes.Buffer
	var w *gzip.Writer
	if pool != nil {
		w, _ = pool.Get().(*gzip.Writer)
	}
	if w == nil {
		w, _ = gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	} else {
		w.Reset(&buf)
	}
	w.Write(body)
	w.Close()
	if pool != nil {
		pool.Put(w)
	}
	return append(make([]byte, 0, buf.Len()), buf.Bytes()...)
}

// compressible reports whether gzip pays on a type: text, and vector
// tiles (protocol buffers of small integers and repeated keys: a third
// smaller).
func compressible(ct string) bool {
	return strings.Contains(ct, "json") || strings.HasPrefix(ct, "text/") || strings.Contains(ct, "javascript") ||
		strings.Contains(ct, "svg") || ct == mvtType
}

// jsonResponse marshals v; it only fails on a programming error.
func jsonResponse(status int, contentType string, v any, cacheCtl string) (*response, error) {
	body, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return newResponse(status, contentType, body, cacheCtl), nil
}

// send writes r, answering 304 when If-None-Match names it and using
// gzip when the client accepts it.
func (r *response) send(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	var gz, gzTail []byte
	if acceptsGzip(req) {
		gz, gzTail = r.gzipped()
	}
	etag := r.etag
	if gz != nil {
		etag = strings.TrimSuffix(r.etag, `"`) + `-gz"`
	}
	if r.zippable {
		h.Add("Vary", "Accept-Encoding")
	}
	if r.status == http.StatusOK {
		h.Set("ETag", etag)
	}
	if r.cacheCtl != "" {
		h.Set("Cache-Control", r.cacheCtl)
	}
	if r.status == http.StatusOK && etagMatch(req.Header.Get("If-None-Match"), r.etag) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if r.status == http.StatusNoContent {
		w.WriteHeader(r.status)
		return
	}
	h.Set("Content-Type", r.contentType)
	body, tail := r.body, r.tail
	if gz != nil {
		h.Set("Content-Encoding", "gzip")
		body, tail = gz, gzTail
	}
	h.Set("Content-Length", strconv.Itoa(len(body)+len(tail)))
	w.WriteHeader(r.status)
	if req.Method != http.MethodHead {
		if r.head != nil {
			r.head.write(w, body, tail)
		} else {
			w.Write(body)
		}
	}
}

// etagMatch reports whether an If-None-Match header names etag (in
// either encoding) or is "*". Weak comparison, as RFC 9110 asks for
// If-None-Match.
func etagMatch(header, etag string) bool {
	if header == "" {
		return false
	}
	base := strings.Trim(etag, `"`)
	for _, t := range strings.Split(header, ",") {
		t = strings.TrimSpace(t)
		if t == "*" {
			return true
		}
		t = strings.Trim(strings.TrimPrefix(t, "W/"), `"`)
		if t == base || t == base+"-gz" {
			return true
		}
	}
	return false
}

func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		name, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if name = strings.TrimSpace(name); name != "gzip" && name != "*" {
			continue
		}
		_, q, found := strings.Cut(strings.ReplaceAll(params, " ", ""), "q=")
		if !found {
			return true
		}
		v, err := strconv.ParseFloat(q, 64)
		return err == nil && v > 0
	}
	return false
}
