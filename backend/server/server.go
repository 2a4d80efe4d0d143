// Package server is serve mode: the same UI in a browser. It serves the built
// frontend with a shim script that defines window.go.main.App.* (over
// POST /api/rpc/<Method>) and window.runtime.Events* (over GET /api/events,
// SSE), guarded by the serve token. Integration endpoints (intake API,
// callbacks, SSO) are mounted beside it with their own auth.
package server

import (
	_ "embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"strings"

	"wecom-bridge/backend/events"
)

//go:embed shim.js
var shimTemplate string

// Config wires the server.
type Config struct {
	Bound        any   // the App whose exported methods are callable
	Assets       fs.FS // the built frontend (frontend/dist)
	Hub          *events.Hub
	Token        string
	Integrations map[string]http.Handler // path prefix → handler with its own auth (e.g. "/api/v1/")
	Authed       map[string]http.Handler // path prefix → handler behind the serve token (uploads, downloads)
}

// Server is the serve-mode HTTP handler.
type Server struct {
	token   string
	methods map[string]method
	hub     *events.Hub
	assets  fs.FS
	shim    []byte
	mux     *http.ServeMux
}

// New builds the handler.
func New(cfg Config) *Server {
	s := &Server{token: cfg.Token, methods: methodTable(cfg.Bound), hub: cfg.Hub, assets: cfg.Assets}
	names, _ := json.Marshal(s.MethodNames())
	s.shim = []byte(strings.Replace(shimTemplate, "var methods = __METHODS__;", "var methods = "+string(names)+";", 1))
	mux := http.NewServeMux()
	mux.Handle("/api/rpc/", s.requireToken(http.HandlerFunc(s.handleRPC)))
	mux.Handle("/api/events", s.requireToken(s.hub))
	mux.Handle("/api/shim.js", s.requireToken(http.HandlerFunc(s.serveShim)))
	mux.HandleFunc("/api/health", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true}`))
	})
	for prefix, h := range cfg.Authed {
		mux.Handle(prefix, s.requireToken(h))
	}
	for prefix, h := range cfg.Integrations {
		mux.Handle(prefix, h)
	}
	mux.Handle("/api/", s.requireToken(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such endpoint: "+r.URL.Path)
	})))
	mux.Handle("/", s.requireToken(http.HandlerFunc(s.serveUI)))
	s.mux = mux
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

func (s *Server) serveShim(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(s.shim)
}
