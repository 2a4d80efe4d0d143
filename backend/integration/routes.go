package integration

import "net/http"

// Routes maps a ServeMux pattern to a handler that does its own auth.
type Routes map[string]http.Handler

// Only gives h the requests match accepts and lets the others through to
// the handler the route table is mounted over (Mount's fallback). ServeMux
// wildcards take whole segments, so a route for some names at the root
// ("GET /{file}" for WeCom's WW_verify_*.txt) would otherwise answer every
// other single-segment path too (serve mode's /favicon.ico, /index.html).
func Only(match func(*http.Request) bool, h http.Handler) http.Handler {
	return guarded{match: match, h: h}
}

type guarded struct {
	match func(*http.Request) bool
	h     http.Handler
}

// ServeHTTP on its own (not mounted): what match refuses is 404.
func (g guarded) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	g.or(http.NotFoundHandler()).ServeHTTP(w, r)
}

func (g guarded) or(fallback http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if g.match(r) {
			g.h.ServeHTTP(w, r)
			return
		}
		fallback.ServeHTTP(w, r)
	})
}

// Mount adds the routes to mux; a request an Only route refuses goes to
// fallback, the handler of "/" on mux (serve mode's page), else 404.
func (r Routes) Mount(mux *http.ServeMux, fallback http.Handler) {
	for pattern, h := range r {
		if g, ok := h.(guarded); ok {
			h = g.or(fallback)
		}
		mux.Handle(pattern, h)
	}
}

// Mux serves the routes (404 for any other path).
func (r Routes) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	r.Mount(mux, http.NotFoundHandler())
	return mux
}
