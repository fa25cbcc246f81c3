package api

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strings"

	"github.com/gorilla/mux"
)

// basemapIndex answers /basemap: the layers in drawing order.
func (s *Server) basemapIndex(w http.ResponseWriter, r *http.Request) {
	s.cached(w, r, func(ctx context.Context, base string) (*response, error) {
		if err := checkParams(r.URL.Query()); err != nil {
			return nil, err
		}
		type layerJSON struct {
			ID          string `json:"id"`
			Title       string `json:"title"`
			Attribution string `json:"attribution"`
			License     string `json:"license"`
			Href        string `json:"href"`
		}
		out := struct {
			Layers []layerJSON `json:"layers"`
		}{Layers: []layerJSON{}}
		for _, l := range s.opts.BasemapLayers {
			out.Layers = append(out.Layers, layerJSON{l.ID, l.Title, l.Attribution, l.License, base + "/basemap/" + l.ID + ".geojson"})
		}
		return jsonResponse(http.StatusOK, jsonType, out, cacheControl)
	})
}

// basemapFile answers /basemap/{id}.geojson.
func (s *Server) basemapFile(w http.ResponseWriter, r *http.Request) {
	name := mux.Vars(r)["file"]
	if s.opts.Basemap == nil || !strings.HasSuffix(name, ".geojson") {
		s.fail(w, r, notFound("no basemap file %q: see /basemap", name))
		return
	}
	s.serveFile(w, r, s.opts.Basemap, name, cacheControl)
}

// static answers /static/...: the frontend's files.
func (s *Server) static(w http.ResponseWriter, r *http.Request) {
	if s.opts.Frontend == nil {
		s.fail(w, r, notFound("this server has no frontend"))
		return
	}
	// no-cache: revalidate every time (a 304 on loopback costs nothing), so
	// a kiosk never runs old scripts beside a new index.html after a redeploy.
	s.serveFile(w, r, s.opts.Frontend, strings.TrimPrefix(r.URL.Path, "/static/"), "no-cache")
}

// favicon answers /favicon.ico with the frontend's icon: favicon.ico, or
// else favicon.svg.
func (s *Server) favicon(w http.ResponseWriter, r *http.Request) {
	if s.opts.Frontend == nil {
		s.fail(w, r, notFound("no favicon"))
		return
	}
	name := "favicon.ico"
	if _, err := fs.Stat(s.opts.Frontend, name); err != nil {
		name = "favicon.svg"
	}
	s.serveFile(w, r, s.opts.Frontend, name, cacheControl)
}

// plainFile answers /files/...: a regular file of FilesDir, read through
// os.Root so that no symlink leads out of it. Dotfiles (and anything in a
// dot-directory), directories and names the system refuses (too long,
// invalid) are 404s; the file is streamed, not cached.
func (s *Server) plainFile(w http.ResponseWriter, r *http.Request) {
	name := strings.TrimPrefix(r.URL.Path, "/files/")
	missing := func() { s.fail(w, r, notFound("no file %q", r.URL.Path)) }
	if name == "" || !fs.ValidPath(name) {
		missing()
		return
	}
	for part := range strings.SplitSeq(name, "/") {
		if strings.HasPrefix(part, ".") {
			missing()
			return
		}
	}
	root, err := os.OpenRoot(s.opts.FilesDir)
	if err != nil {
		s.fail(w, r, fmt.Errorf("open --files directory: %w", err))
		return
	}
	defer root.Close()
	f, err := root.Open(name)
	if err != nil {
		// Not there, a link out of the root, a name too long: all the
		// same to the client.
		s.log.Debug("files: open refused", "name", clip(name), "err", clip(err.Error()))
		missing()
		return
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() {
		missing()
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, name, st.ModTime(), f)
}

// serveFile sends one file of fsys through the response cache, so it
// gets an ETag and gzip like every other answer.
func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, fsys fs.FS, name, cacheCtl string) {
	name = path.Clean("/" + name)[1:]
	if name == "" || !fs.ValidPath(name) {
		s.fail(w, r, notFound("no file %q", r.URL.Path))
		return
	}
	key := "file:" + r.URL.Path + "|" + name
	if res, ok := s.cache.get(key); ok {
		res.send(w, r)
		return
	}
	if st, err := fs.Stat(fsys, name); err == nil && st.IsDir() {
		s.fail(w, r, notFound("no file %q", r.URL.Path))
		return
	}
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) || errors.Is(err, fs.ErrInvalid) {
			s.fail(w, r, notFound("no file %q", r.URL.Path))
			return
		}
		s.fail(w, r, err)
		return
	}
	res := newResponse(http.StatusOK, contentType(name), body, cacheCtl)
	s.cache.put(key, res)
	res.send(w, r)
}

// contentType picks a file's media type by its extension.
func contentType(name string) string {
	switch path.Ext(name) {
	case ".geojson":
		return geoJSON
	case ".js", ".mjs":
		return "text/javascript; charset=utf-8"
	case ".woff2":
		return "font/woff2"
	case ".woff":
		return "font/woff"
	}
	if t := mime.TypeByExtension(path.Ext(name)); t != "" {
		return t
	}
	return "application/octet-stream"
}
