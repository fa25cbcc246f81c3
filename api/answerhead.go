package api

import (
	"hash/crc32"
	"io"
	"net/http"
	"sync"

	"github.com/cespare/xxhash/v2"
)

// Every instant of a span (slicecache.go) has the same features, so the
// same answer but for its links, which name the instant and come last.
// answerHead keeps what comes before them, encoded once per shared page:
// the text, its xxHash state and CRC-32, and (on first demand) its
// spliced gzip form up to the end of the last feature. An answer to an
// instant of the span is then the head and a tail of its own, the links:
// a few hundred bytes made per request where the whole body was written
// anew, and a visitor dragging the timeline asks a new instant at every
// frame. The bytes sent, the ETag and the gzip form are those of the
// whole body.
type answerHead struct {
	text   []byte // the answer up to its links; shared, never appended to
	digest xxhash.Digest
	crc    uint32

	mu  sync.Mutex
	zip *zipper // makes gz; nil once it is made
	gz  []byte  // the gzip header and blocks of text[:at]
	at  int

	bufs *sync.Pool // of *[]byte, where an answer's two parts are joined
}

// newAnswerHead keeps text, whose features z spliced (an instant's
// answer: z.splice is set); bufs lends the buffers answers are sent
// from.
func newAnswerHead(text []byte, z *zipper, bufs *sync.Pool) *answerHead {
	text = text[:len(text):len(text)]
	d := xxhash.New()
	d.Write(text)
	return &answerHead{text: text, digest: *d, crc: crc32.ChecksumIEEE(text), zip: z, bufs: bufs}
}

// write writes a then b to w in one piece, joined in a lent buffer: a
// large first write goes to the socket at once, and a second would cost
// the answer a third system call (a tenth fewer answers a second in
// scripts/load.sh).
func (h *answerHead) write(w io.Writer, a, b []byte) {
	bp, _ := h.bufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	buf := append(append((*bp)[:0], a...), b...)
	w.Write(buf)
	*bp = buf
	h.bufs.Put(bp)
}

// response is the answer made of h and tail.
func (h *answerHead) response(tail []byte, cacheCtl string) *response {
	d := h.digest
	d.Write(tail)
	return &response{
		status:      http.StatusOK,
		contentType: geoJSON,
		body:        h.text,
		tail:        tail,
		head:        h,
		etag:        etagSum(d.Sum64()),
		cacheCtl:    cacheCtl,
		zippable:    len(h.text)+len(tail) >= minGzip,
	}
}

// gzip returns the gzip form of h's text followed by tail, in two parts:
// the head's, shared, and the tail's.
func (h *answerHead) gzip(tail []byte) (gz, gzTail []byte) {
	h.mu.Lock()
	if h.zip != nil {
		h.gz, h.at = h.zip.head(h.text, len(h.text)/3+64)
		h.gz = h.gz[:len(h.gz):len(h.gz)]
		h.zip = nil
	}
	gz, at := h.gz, h.at
	h.mu.Unlock()
	rest := make([]byte, 0, len(h.text)-at+len(tail))
	rest = append(append(rest, h.text[at:]...), tail...)
	gzTail = make([]byte, 0, len(rest)+5*(len(rest)/0xffff+1)+13)
	return gz, gzipEnd(gzTail, rest, crc32.Update(h.crc, crc32.IEEETable, tail), len(h.text)+len(tail))
}
