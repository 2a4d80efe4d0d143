package server

import (
	"bytes"
	"io/fs"
	"net/http"
	"path"
	"strings"
)

const shimTag = `<script src="/api/shim.js"></script>`

// serveUI serves the built frontend. index.html gets the shim injected as the
// first script in <head>, so window.go and window.runtime exist before the
// app's module script runs.
func (s *Server) serveUI(w http.ResponseWriter, r *http.Request) {
	p := strings.TrimPrefix(path.Clean(r.URL.Path), "/")
	if p == "" || p == "index.html" {
		s.serveIndex(w)
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
	s.serveIndex(w)
}

func (s *Server) serveIndex(w http.ResponseWriter) {
	b, err := fs.ReadFile(s.assets, "index.html")
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err != nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte(notBuiltPage))
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

const notBuiltPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>WeCom Bridge</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>界面尚未构建 / The UI is not built</h1>
<p>这个二进制文件没有包含前端。请在源码目录运行 <code>make build</code>（或 <code>make serve</code>）。</p>
<p>This binary was built without the frontend. Run <code>make build</code> (or <code>make serve</code>) in the source tree.</p>
</body></html>`
