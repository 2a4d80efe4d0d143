package integration

import "net/http"

// Routes maps a ServeMux pattern to a handler that does its own auth.
type Routes map[string]http.Handler

// Mux serves the routes (404 for any other path).
func (r Routes) Mux() *http.ServeMux {
	mux := http.NewServeMux()
	for pattern, h := range r {
		mux.Handle(pattern, h)
	}
	return mux
}
