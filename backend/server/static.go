package server

import (
	"bytes"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"wecom-bridge/backend/usererr"
)

const shimTag = `<script src="/api/shim.js"></script>`

// serveUI serves the built frontend. index.html gets the shim injected as the
// first script in <head>, so window.go and window.runtime exist before the
// app's module script runs.
func (s *Server) serveUI(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if p == "" || p == "index.html" {
		s.serveIndex(w, r)
		return
	}
	if f, err := fs.Stat(s.assets, p); err == nil && !f.IsDir() {
		if strings.HasPrefix(p, "assets/") {
			w.Header().Set("Cache-Control", "public, max-age=31536000, immutable") // Vite hashes these names
		}
		http.ServeFileFS(w, r, s.assets, p)
		return
	}
	// Unknown paths fall back to the SPA (hash routing keeps this rare).
	s.serveIndex(w, r)
}

func (s *Server) serveIndex(w http.ResponseWriter, r *http.Request) {
	b, err := fs.ReadFile(s.assets, "index.html")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err != nil {
		writeNotice(w, r, http.StatusServiceUnavailable, usererr.Msg("serve_page_not_built_title", nil), usererr.Msg("serve_page_not_built", nil))
		return
	}
	if i := bytes.Index(b, []byte("<head>")); i >= 0 {
		i += len("<head>")
		b = append(b[:i:i], append([]byte(shimTag), b[i:]...)...)
	} else {
		b = append([]byte(shimTag), b...)
	}
	w.Write(b)
}
