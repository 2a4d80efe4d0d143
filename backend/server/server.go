// Package server is serve mode: the same UI in a browser. It serves the built
// frontend with a shim script that defines window.go.main.App.* (over
// POST /api/rpc/<Method>) and window.runtime.Events* (over GET /api/events,
// SSE), guarded by the serve token (see auth.go). Integration endpoints
// (intake API, callbacks, SSO) are mounted beside it with their own auth.
package server

import (
	_ "embed"
	"encoding/json"
	"io/fs"
	"net/http"
	"strings"

	"wecom-bridge/backend/events"
	"wecom-bridge/backend/integration"
)

//go:embed shim.js
var shimTemplate string

// Config wires the server.
type Config struct {
	Bound        any   // the App whose exported methods are callable
	Assets       fs.FS // the built frontend (frontend/dist)
	Hub          *events.Hub
	Token        Token    // the serve token and the file a rotated one goes to
	Addr         []string // the listen address as given and as bound; Host must name one
	AllowedHosts []string // extra Host names (a TLS reverse proxy in front)
	OnRotate     func(newToken string)
	Integrations integration.Routes      // ServeMux pattern → handler with its own auth (e.g. "/api/v1/"); see integration.Only
	Authed       map[string]http.Handler // path prefix → handler behind the serve token (uploads, downloads)
}

// Server is the serve-mode HTTP handler.
type Server struct {
	sess     *session
	throttle *throttle
	hosts    *hostCheck
	onRotate func(string)
	methods  map[string]method
	hub      *events.Hub
	assets   fs.FS
	shim     []byte
	mux      *http.ServeMux
}

// New builds the handler.
func New(cfg Config) *Server {
	s := &Server{sess: newSession(cfg.Token), throttle: newThrottle(), hosts: newHostCheck(cfg.Addr, cfg.AllowedHosts),
		onRotate: cfg.OnRotate, methods: methodTable(cfg.Bound), hub: cfg.Hub, assets: cfg.Assets}
	names, _ := json.Marshal(s.MethodNames())
	s.shim = []byte(strings.Replace(shimTemplate, "var methods = __METHODS__;", "var methods = "+string(names)+";", 1))
	mux := http.NewServeMux()
	mux.Handle("/api/rpc/", s.api(jsonOnly(http.HandlerFunc(s.handleRPC)), bearerOnly))
	mux.Handle("/api/events", s.api(http.HandlerFunc(s.serveEvents), bearerOrTicket))
	mux.Handle("/api/auth/ticket", s.api(http.HandlerFunc(s.handleTicket), bearerOnly))
	mux.Handle("/api/auth/rotate", s.api(jsonOnly(http.HandlerFunc(s.handleRotate)), bearerOnly))
	mux.Handle("/api/shim.js", s.hostOnly(http.HandlerFunc(s.serveShim)))
	mux.HandleFunc("/api/health", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Write([]byte(`{"ok":true}`))
	})
	for prefix, h := range cfg.Authed {
		mux.Handle(prefix, s.api(h, bearerOrTicket))
	}
	// The page and its assets are public (the token is in the URL fragment,
	// which the server never sees); everything they can do needs the token.
	ui := s.hostOnly(http.HandlerFunc(s.serveUI))
	integration.Routes(cfg.Integrations).Mount(mux, ui)
	mux.Handle("/api/", s.api(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusNotFound, "not_found", "no such endpoint: "+r.URL.Path)
	}), bearerOnly))
	mux.Handle("/", ui)
	s.mux = mux
	return s
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	securityHeaders(w.Header())
	s.mux.ServeHTTP(w, r)
}

func (s *Server) serveShim(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use GET")
		return
	}
	w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.Write(s.shim)
}
