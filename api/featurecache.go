package api

import (
	"bytes"
	"compress/flate"
	"context"
	"encoding/binary"
	"hash/crc32"
	"slices"
	"sync"

	"github.com/timeslice/timeslice/geo"
)

// A slice is mostly keyframes as they are: every feature of a step layer,
// and the linear ones at their first instant. Their GeoJSON never changes
// for a data version, so featureCache keeps it per keyframe, with its
// deflate form, and a cache miss splices both; only the features a linear
// track moves are written (and compressed) anew.

// featureCacheBudget bounds the bytes a featureCache keeps; past it,
// features are written every time.
const featureCacheBudget = 64 << 20

// pieceLevel is the deflate level of every feature's piece of a gzipped
// slice, cached or not, so that a slice always zips to the same bytes.
const pieceLevel = flate.BestSpeed

// featureCache keeps the encoded GeoJSON of keyframes, for one data
// version at a time.
type featureCache struct {
	mu      sync.RWMutex
	version string
	kept    map[featureKey]encoded
	used    int

	zw sync.Pool // *flate.Writer at pieceLevel
	gw sync.Pool // *gzip.Writer at the default level
}

type featureKey struct{ layer, id string }

// encoded is one feature's GeoJSON and its deflate piece.
type encoded struct{ json, z []byte }

type versionKey struct{}

// withVersion records in ctx the data version read before the store was
// asked: what the store answers is of that version or newer, so bytes
// kept under it are never older than it.
func withVersion(ctx context.Context, version string) context.Context {
	return context.WithValue(ctx, versionKey{}, version)
}

// asIs reports whether a store returns f exactly as its keyframe for dt:
// no instant, an interval, a step keyframe, or an instant at which
// geo.At cannot have moved it.
func asIs(f *geo.Feature, dt *geo.Datetime) bool {
	return dt == nil || !dt.IsInstant || f.Interp != geo.Linear || f.OpenEnded() || !dt.Instant.After(f.From)
}

// featureGuess is the room made for a feature that is not kept encoded;
// answerTail for what follows the features (counts and links).
const (
	featureGuess = 512
	answerTail   = 1024
)

// appendSlice writes fs as a JSON array, as appendFeatures does, taking
// keyframes from the cache; z learns where each feature lies in b and
// its deflate piece when there is one. The answer to an instant, what a
// player asks at every frame, is zipped by splicing; other answers
// (lists of keyframes, downloads more than frames) compress whole.
func (c *featureCache) appendSlice(ctx context.Context, b []byte, fs []geo.Feature, dt *geo.Datetime, z *zipper) ([]byte, error) {
	version, _ := ctx.Value(versionKey{}).(string)
	z.splice = dt != nil && dt.IsInstant
	// One look at the cache first: the kept features give the body's size,
	// so it is allocated once (a guess for the others, and the links).
	kept := make([]encoded, len(fs))
	cacheable := make([]bool, len(fs)) // written as its keyframe: kept after writing
	need := 1 + len(fs) + answerTail
	c.mu.RLock()
	current := c.version == version
	for i := range fs {
		f := &fs[i]
		cacheable[i] = version != "" && asIs(f, dt)
		if cacheable[i] && current {
			kept[i] = c.kept[featureKey{f.Layer, f.ID}]
		}
		if kept[i].json != nil {
			need += len(kept[i].json)
		} else {
			need += featureGuess
		}
	}
	c.mu.RUnlock()
	b = slices.Grow(b, need)
	b = append(b, '[')
	var err error
	for i := range fs {
		if i > 0 {
			b = append(b, ',')
		}
		f := &fs[i]
		start := len(b)
		if e := kept[i]; e.json != nil {
			b = append(b, e.json...)
			z.add(start, len(b), e.z)
			continue
		}
		if b, err = appendFeature(b, f, nil); err != nil {
			return nil, err
		}
		if !cacheable[i] {
			z.add(start, len(b), nil)
			continue
		}
		e := encoded{json: append([]byte(nil), b[start:]...)}
		e.z = c.deflate(nil, e.json)
		c.put(version, featureKey{f.Layer, f.ID}, e)
		z.add(start, len(b), e.z)
	}
	return append(b, ']'), nil
}

// put keeps e for k under version; another version empties the cache
// first (versions are not ordered: around a change the cache may start
// over more than once, never mix versions).
func (c *featureCache) put(version string, k featureKey, e encoded) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.version != version {
		c.version, c.kept, c.used = version, map[featureKey]encoded{}, 0
	}
	size := len(e.json) + len(e.z) + len(k.layer) + len(k.id)
	if _, ok := c.kept[k]; ok || c.used+size > featureCacheBudget {
		return
	}
	c.kept[k] = e
	c.used += size
}

// deflate appends to dst the deflate piece of p: compressed at pieceLevel
// and sync-flushed, so that it ends on a byte boundary and any piece can
// follow it in one stream.
func (c *featureCache) deflate(dst, p []byte) []byte {
	buf := bytes.NewBuffer(dst)
	w, _ := c.zw.Get().(*flate.Writer)
	if w == nil {
		w, _ = flate.NewWriter(buf, pieceLevel)
	} else {
		w.Reset(buf)
	}
	w.Write(p)
	w.Flush()
	c.zw.Put(w)
	return buf.Bytes()
}

// zipper makes the gzip form of a body. Spliced, from its pieces: the
// features' deflate pieces (compressed now when not cached) and, between
// them, the rest of the body as stored blocks; that costs a copy and a
// CRC, not a compression of the whole body, for a larger answer (+18% on
// the control slice: features compress apart). Otherwise the whole body,
// at the default level, with a pooled writer.
type zipper struct {
	c      *featureCache
	splice bool
	segs   []segment
}

// segment is body[start:end], with its deflate piece or nil.
type segment struct {
	start, end int
	z          []byte
}

func (z *zipper) add(start, end int, piece []byte) {
	if z.splice { // otherwise the body is zipped whole
		z.segs = append(z.segs, segment{start, end, piece})
	}
}

// gzip returns the gzip form of body.
func (z *zipper) gzip(body []byte) []byte {
	if !z.splice {
		return gzipWhole(&z.c.gw, body)
	}
	out, at := z.head(body, len(body)/3+64)
	return gzipEnd(out, body[at:], crc32.ChecksumIEEE(body), len(body))
}

// head starts a spliced gzip form of body (room for size bytes): the
// gzip header, then the deflate blocks of body up to the end of its last
// segment, returned with that end. gzipEnd finishes it.
func (z *zipper) head(body []byte, size int) (out []byte, at int) {
	out = make([]byte, 0, size)
	out = append(out, 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff) // no name, no time, OS unknown
	for _, s := range z.segs {
		out = stored(out, body[at:s.start])
		if s.z != nil {
			out = append(out, s.z...)
		} else {
			out = z.c.deflate(out, body[s.start:s.end])
		}
		at = s.end
	}
	return out, at
}

// gzipEnd appends to a spliced gzip form the rest of the body as stored
// blocks and the gzip trailer: the CRC-32 and length of the whole body.
func gzipEnd(out, rest []byte, crc uint32, n int) []byte {
	out = stored(out, rest)
	out = append(out, 1, 0, 0, 0xff, 0xff) // the final block: stored, empty
	out = binary.LittleEndian.AppendUint32(out, crc)
	return binary.LittleEndian.AppendUint32(out, uint32(n))
}

// stored appends p as stored (uncompressed) deflate blocks.
func stored(dst, p []byte) []byte {
	for len(p) > 0 {
		n := min(len(p), 0xffff)
		dst = append(dst, 0, byte(n), byte(n>>8), byte(^n), byte(^n>>8))
		dst = append(dst, p[:n]...)
		p = p[n:]
	}
	return dst
}
