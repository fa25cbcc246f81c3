package api

import (
	"context"
	"fmt"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"sync"
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
	// request's Host and X-Forwarded-Proto/Host.
	BaseURL string
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
	// (the load benchmark compares slices against it).
	FilesDir string
	// Manifest is the dataset's manifest (dataset.json), served at
	// /dataset; nil answers 404 there.
	Manifest []byte
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
	store  data.Store
	opts   Options
	log    *slog.Logger
	cache  *cache
	router *mux.Router
	// kioskLog bounds the rate of POST /kiosk/log.
	kioskLog *kioskLog

	verMu sync.Mutex
	ver   string    // the store's data version last read
	verAt time.Time // when it was read
}

// versionTTL is how long a data version read from the store is trusted:
// a change in PostGIS shows within this long.
const versionTTL = time.Second

// cacheControl is sent with data answers: the history does not change
// while a deployment runs, and the ETag makes revalidation cheap.
const cacheControl = "public, max-age=3600"

// New returns the API over store.
func New(store data.Store, opts Options) *Server {
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.DiscardHandler)
	}
	if opts.Timeout <= 0 {
		opts.Timeout = 5 * time.Second
	}
	opts.BaseURL = strings.TrimSuffix(opts.BaseURL, "/")
	s := &Server{store: store, opts: opts, log: opts.Logger, cache: newCache(opts.CacheBytes), kioskLog: newKioskLog(time.Now)}
	s.router = s.routes()
	return s
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
	get("/collections/{collectionId}/tiles", s.tileJSON)
	get("/collections/{collectionId}/tiles/{z:[0-9]+}/{x:[0-9]+}/{y:[0-9]+}.mvt", s.tile)
	get("/timeline", s.timeline)
	get("/dataset", s.manifest)
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
		r.PathPrefix("/files/").Methods(http.MethodGet, http.MethodHead).
			Handler(http.StripPrefix("/files/", http.FileServer(http.Dir(s.opts.FilesDir))))
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
			slog.String("method", r.Method), slog.String("uri", r.URL.RequestURI()),
			slog.Int("status", rec.status), slog.Int("bytes", rec.bytes),
			slog.Duration("took", time.Since(start)), slog.String("remote", r.RemoteAddr))
	}()
	h := w.Header()
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Expose-Headers", "ETag, Content-Length, Retry-After")
	if r.Method == http.MethodOptions {
		h.Set("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS")
		h.Set("Access-Control-Allow-Headers", "Accept, Accept-Language, If-None-Match, Content-Type")
		h.Set("Access-Control-Max-Age", "86400")
		rec.WriteHeader(http.StatusNoContent)
		return
	}
	s.router.ServeHTTP(rec, r)
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

// dataVersion returns the store's data version, asking the store at most
// once per versionTTL. When it changes, every cached answer is dropped.
func (s *Server) dataVersion(ctx context.Context) (string, error) {
	s.verMu.Lock()
	defer s.verMu.Unlock()
	if s.ver != "" && time.Since(s.verAt) < versionTTL {
		return s.ver, nil
	}
	v, err := s.store.Version(ctx)
	if err != nil {
		return "", fmt.Errorf("data version: %w", err)
	}
	if s.ver != "" && v != s.ver {
		s.log.Info("data changed: cached answers dropped", "from", s.ver, "to", v)
		s.cache.clear()
	}
	s.ver, s.verAt = v, time.Now()
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
	if p := r.Header.Get("X-Forwarded-Proto"); p == "http" || p == "https" {
		scheme = p
	}
	host := r.Host
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
