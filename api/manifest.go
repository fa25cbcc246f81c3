package api

import (
	"net/http"
)

// manifest serves the dataset's manifest as it was given.
func (s *Server) manifest(w http.ResponseWriter, r *http.Request) {
	if len(s.opts.Manifest) == 0 {
		s.fail(w, r, notFound("this server has no dataset manifest"))
		return
	}
	if err := checkParams(r.URL.Query()); err != nil {
		s.fail(w, r, err)
		return
	}
	newResponse(http.StatusOK, jsonType, s.opts.Manifest, cacheControl).send(w, r)
}
