package api

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gorilla/mux"

	"github.com/timeslice/timeslice/data"
)

// Options configure a Server. The zero value serves the store alone.
type Options struct {
	// Logger receives the access log and errors; nil discards them.
	Logger *slog.Logger
	// CacheBytes is the budget of the encoded-response cache; 0 turns
	// it off.
	CacheBytes int64
	// BaseURL, when set, is the absolute URL links start with (e.g.
	// "https://maps.example.org"); by default links are built from the
	// request's Host (and X-Forwarded-Proto/Host with TrustProxy).
	BaseURL string
	// TrustProxy builds links from X-Forwarded-Proto and X-Forwarded-Host
	// when BaseURL is empty. Only set it behind a proxy that sets (or
	// strips) them: any client can send them, and the links it would
	// put in cacheable answers would then poison a shared cache.
	TrustProxy bool
	// Timeout bounds each call to the store (default 5 s).
	Timeout time.Duration
	// Frontend holds the web page: index.html at its root, served at /
	// for browsers and under /static/.
	Frontend fs.FS
	// Basemap holds the offline basemap files, <id>.geojson at its root,
	// listed by BasemapLayers in drawing order.
	Basemap       fs.FS
	BasemapLayers []BasemapLayer
	// FilesDir, when set, is served as plain static files under /files/
	// (the load benchmark compares slices against it): regular files
	// only, never a dotfile, a listing or a symlink out of it.
	FilesDir string
	// Kiosk holds the kiosk's defaults, served at /kiosk/config; nil
	// serves none (the page's own).
	Kiosk *KioskConfig
}

// BasemapLayer describes one file of the offline basemap.
type BasemapLayer struct {
	ID, Title, Attribution, License string
}

// Server answers the API. Build it with New.
type Server struct {
	// current is the store requests are answered from; SetStore swaps
	// it. Each request reads it once (ServeHTTP), so that it is answered
	// wholly from one dataset.
	current atomic.Pointer[current]
	opts    Options
	log     *slog.Logger
	cache   *cache
	router  *mux.Router
	// kioskLog bounds the rate of POST /kiosk/log.
	kioskLog *kioskLog

	feats  *featureCache // encoded keyframes, spliced into slices
	slices *sliceCache   // pages of the store shared by the instants of a span

	verMu    sync.Mutex
	ver      string     // the data version last read
	verAt    time.Time  // when it was read
	verStore data.Store // from which store

	outageMu    sync.Mutex
	outageSince time.Time // when the store stopped answering; zero while it answers
}

// current boxes the store a request is answered from.
type current struct{ store data.Store }

// storeKey is the context key of a request's *current.
type storeKey struct{}

// versionTTL is how long a data version read from the store is trusted:
// a change in PostGIS shows within this long.
const versionTTL = time.Second

// New returns the API over store.
func New(store data.Store, opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	opts.BaseURL = strings.TrimSuffix(opts.BaseURL, "/")
	s := &Server{opts: opts, log: opts.Logger, cache: newCache(opts.CacheBytes), feats: &featureCache{}, slices: &sliceCache{}, kioskLog: newKioskLog(time.Now)}
	s.SetStore(store)
	s.router = s.routes()
	return s
}

// SetStore makes the server answer from store from now on (serve
// --watch gives it each new version of a dataset directory). Requests
// under way finish with the store they started with; answers cached for
// the old store are not served again, since its data version differs.
func (s *Server) SetStore(store data.Store) {
	s.current.Store(&current{store: store})
}

// store returns the store the request of ctx is answered from.
func (s *Server) store(ctx context.Context) data.Store {
	if c, ok := ctx.Value(storeKey{}).(*current); ok {
		return c.store
	}
	return s.current.Load().store
}

// plainManifest checks that the request has no parameter but f and
// returns the manifest of its store: the start of most handlers.
func (s *Server) plainManifest(ctx context.Context, r *http.Request) (*data.Manifest, error) {
	if err := checkParams(r.URL.Query()); err != nil {
		return nil, err
	}
	return s.manifest(ctx)
}

// manifest returns the manifest of the request's store.
func (s *Server) manifest(ctx context.Context) (*data.Manifest, error) {
	m, err := s.store(ctx).Manifest(ctx)
	if err != nil {
		return nil, fmt.Errorf("dataset manifest: %w", err)
	}
	return m, nil
}

func (s *Server) routes() *mux.Router {
	r := mux.NewRouter()
	get := func(path string, h http.HandlerFunc) {
		r.HandleFunc(path, h).Methods(http.MethodGet, http.MethodHead)
	}
	get("/", s.landing)
	get("/conformance", s.conformance)
	get("/api", s.openAPI)
	get("/collections", s.collections)
	get("/collections/{collectionId}", s.collection)
	get("/collections/{collectionId}/items", s.items)
	get("/collections/{collectionId}/items/{featureId}", s.item)
	get("/collections/{collectionId}/tiles", s.tilesets)
	get("/collections/{collectionId}/tiles/WebMercatorQuad", s.tileset)
	get("/collections/{collectionId}/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}", s.tile)
	get("/collections/{collectionId}/tiles/{z:[0-9]+}/{x:[0-9]+}/{y:[0-9]+}.mvt", s.tile)
	get("/tileMatrixSets", s.tileMatrixSets)
	get("/tileMatrixSets/{tileMatrixSetId}", s.tileMatrixSet)
	get("/timeline", s.timeline)
	get("/dataset", s.dataset)
	get("/dataset/schema", s.datasetSchema)
	get("/dataset/bibliography", s.bibliography)
	get("/healthz", s.healthz)
	get("/readyz", s.readyz)
	get("/basemap", s.basemapIndex)
	get("/basemap/{file}", s.basemapFile)
	get("/favicon.ico", s.favicon)
	get("/kiosk", s.kioskPage)
	get("/kiosk/config", s.kioskConfig)
	get("/sw.js", s.serviceWorker)
	r.HandleFunc("/kiosk/log", s.postKioskLog).Methods(http.MethodPost)
	r.PathPrefix("/static/").Methods(http.MethodGet, http.MethodHead).HandlerFunc(s.static)
	if s.opts.FilesDir != "" {
		r.PathPrefix("/files/").Methods(http.MethodGet, http.MethodHead).HandlerFunc(s.plainFile)
	}
	r.NotFoundHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, notFound("no resource at %s", r.URL.Path))
	})
	r.MethodNotAllowedHandler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", "GET, HEAD, OPTIONS")
		s.fail(w, r, &apiError{Status: http.StatusMethodNotAllowed, Code: "MethodNotAllowed",
			Description: r.Method + " is not allowed: this API is read-only (GET, HEAD)"})
	})
	return r
}

// ServeHTTP implements http.Handler: CORS, panic recovery and the access
// log around the routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("panic", slog.String("path", r.URL.Path), slog.Any("panic", p))
			if !rec.wrote {
				s.fail(rec, r, &apiError{Status: http.StatusInternalServerError, Code: "InternalError", Description: "internal error"})
			}
		}
		s.log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", clip(r.Method)), slog.String("uri", clip(r.URL.RequestURI())),
			slog.Int("status", rec.status), slog.Int("bytes", rec.bytes),
			slog.Duration("took", time.Since(start)), slog.String("remote", r.RemoteAddr))
	}()
	h := w.Header()
	setSecurityHeaders(h)
	// CORS does not vary by Origin: every origin may read every answer.
	h.Set("Access-Control-Allow-Origin", "*")
	if s.opts.TrustProxy && s.opts.BaseURL == "" {
		// Links are built from these: caches must key on them.
		h.Add("Vary", "X-Forwarded-Host, X-Forwarded-Proto")
	}
	h.Set("Access-Control-Expose-Headers", "ETag, Content-Length, Retry-After")
	if r.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Accept, Accept-Language, If-None-Match, Content-Type")
		h.Set("Access-Control-Max-Age", "86400")
		rec.WriteHeader(http.StatusNoContent)
		return
	}
	if err := checkRawQuery(r.URL.RawQuery); err != nil {
		s.fail(rec, r, err)
		return
	}
	ctx := context.WithValue(r.Context(), storeKey{}, s.current.Load())
	s.router.ServeHTTP(rec, r.WithContext(ctx))
}

// recorder remembers the status and size of an answer for the log.
type recorder struct {
	http.ResponseWriter
	status, bytes int
	wrote         bool
}

func (r *recorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(b []byte) (int, error) {
	r.wrote = true
	n, err := r.ResponseWriter.Write(b)
	r.bytes += n
	return n, err
}

// dataVersion returns the data version of the request's store, asking
// the store at most once per versionTTL (and at once when the store was
// swapped). When it changes, every cached answer is dropped.
func (s *Server) dataVersion(ctx context.Context) (string, error) {
	st := s.store(ctx)
	s.verMu.Lock()
	defer s.verMu.Unlock()
	if s.ver != "" && s.verStore == st && time.Since(s.verAt) < versionTTL {
		return s.ver, nil
	}
	v, err := st.Version(ctx)
	if err != nil {
		return "", fmt.Errorf("data version: %w", err)
	}
	s.storeUp()
	if s.ver != "" && (v != s.ver || s.verStore != st) {
		s.log.Info("data changed: cached answers dropped", "from", s.ver, "to", v)
		s.cache.clear()
	}
	s.ver, s.verAt, s.verStore = v, time.Now(), st
	return v, nil
}

// baseURL is what absolute links start with.
func (s *Server) baseURL(r *http.Request) string {
	if s.opts.BaseURL != "" {
		return s.opts.BaseURL
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	host := r.Host
	if !s.opts.TrustProxy {
		return scheme + "://" + host
	}
	if p := r.Header.Get("X-Forwarded-Proto"); p == "http" || p == "https" {
		scheme = p
	}
	if h := r.Header.Get("X-Forwarded-Host"); h != "" && !strings.ContainsAny(h, "/ ,") {
		host = h
	}
	return scheme + "://" + host
}

// cached answers from the response cache, or builds the answer with
// build and keeps it. Errors are not cached. The key holds the path, the
// canonical query and the base URL the links were built with.
func (s *Server) cached(w http.ResponseWriter, r *http.Request, build func(ctx context.Context, base string) (*response, error)) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.Timeout)
	defer cancel()
	version, err := s.dataVersion(ctx)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	ctx = withVersion(ctx, version)
	base := s.baseURL(r)
	key := r.URL.Path + "?" + r.URL.Query().Encode() + "|" + base + "|" + version
	if res, ok := s.cache.get(key); ok {
		res.send(w, r)
		return
	}
	res, err := build(ctx, base)
	if err != nil {
		s.fail(w, r, err)
		return
	}
	s.cache.put(key, res)
	res.send(w, r)
}
