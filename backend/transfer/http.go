package transfer

import (
	"encoding/json"
	"net/http"
	"strings"
)

// UploadHandler serves POST /api/upload: the raw file as the body (any
// content type); answers {"id","bytes"}. Auth is the caller's job.
func (s *Store) UploadHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodPost {
			jsonError(w, http.StatusMethodNotAllowed, "use POST with the file as the body")
			return
		}
		id, n, err := s.PutUpload(r.Body)
		if err != nil {
			jsonError(w, http.StatusRequestEntityTooLarge, err.Error())
			return
		}
		w.Header().Set("Content-Type", "application/json")
		json.NewEncoder(w).Encode(map[string]any{"id": id, "bytes": n})
	})
}

// DownloadHandler serves GET /api/download/<name> from the exports directory.
func (s *Store) DownloadHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := strings.TrimPrefix(r.URL.Path, "/api/download/")
		p, ok := s.exportPath(name)
		if !ok {
			jsonError(w, http.StatusNotFound, "no such export: export it again")
			return
		}
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
		http.ServeFile(w, r, p)
	})
}

func jsonError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]any{"error": map[string]string{"code": "transfer", "message": msg}})
}
