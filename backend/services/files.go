package services

import "net/http"

// FileHandlers are the upload and download endpoints, by path prefix.
// Serve mode puts them behind the serve token; the desktop window reaches
// them through the Wails asset server.
func (s *Services) FileHandlers() map[string]http.Handler {
	return map[string]http.Handler{
		"/api/upload":    s.Transfer.UploadHandler(),
		"/api/download/": s.Transfer.DownloadHandler(),
	}
}

// FileHandlerMux serves FileHandlers on one mux (desktop).
func (s *Services) FileHandlerMux() http.Handler {
	mux := http.NewServeMux()
	for p, h := range s.FileHandlers() {
		mux.Handle(p, h)
	}
	return mux
}
