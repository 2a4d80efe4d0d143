package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// TokenEnv overrides the generated serve token.
const TokenEnv = "WECOM_BRIDGE_TOKEN"

const cookieName = "wecom_bridge_token"

// LoadOrCreateToken returns $WECOM_BRIDGE_TOKEN, else the token in
// <data>/serve.token, creating it (mode 0600) on first use.
func LoadOrCreateToken(dataDir string) (string, error) {
	if t := strings.TrimSpace(os.Getenv(TokenEnv)); t != "" {
		return t, nil
	}
	path := filepath.Join(dataDir, "serve.token")
	if b, err := os.ReadFile(path); err == nil {
		if t := strings.TrimSpace(string(b)); t != "" {
			return t, nil
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	buf := make([]byte, 24)
	if _, err := rand.Read(buf); err != nil {
		return "", err
	}
	t := hex.EncodeToString(buf)
	if err := os.WriteFile(path, []byte(t+"\n"), 0o600); err != nil {
		return "", fmt.Errorf("write %s: %w", path, err)
	}
	return t, nil
}

// requestToken finds the token in the Authorization header, the cookie or ?token=.
func requestToken(r *http.Request) (tok string, fromQuery bool) {
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimSpace(strings.TrimPrefix(h, "Bearer ")), false
	}
	if q := r.URL.Query().Get("token"); q != "" {
		return q, true
	}
	if c, err := r.Cookie(cookieName); err == nil {
		return c.Value, false
	}
	return "", false
}

func (s *Server) tokenOK(tok string) bool {
	return tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) == 1
}

// requireToken guards the UI, RPC and SSE. A valid ?token= sets an HttpOnly
// cookie and redirects to the same URL without it, so the token does not stay
// in the address bar or in history.
func (s *Server) requireToken(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		tok, fromQuery := requestToken(r)
		if !s.tokenOK(tok) {
			if strings.HasPrefix(r.URL.Path, "/api/") {
				writeError(w, http.StatusUnauthorized, "unauthorized",
					"missing or wrong serve token: send Authorization: Bearer <token> (see <data>/serve.token)")
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusUnauthorized)
			fmt.Fprint(w, unauthorizedPage)
			return
		}
		if fromQuery {
			http.SetCookie(w, &http.Cookie{Name: cookieName, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
			if r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/") {
				q := r.URL.Query()
				q.Del("token")
				u := *r.URL
				u.RawQuery = q.Encode()
				http.Redirect(w, r, u.String(), http.StatusFound)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

const unauthorizedPage = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>WeCom Bridge</title>
<body style="font-family:sans-serif;max-width:40em;margin:4em auto">
<h1>需要访问令牌 / Token required</h1>
<p>请打开 <code>wecom-bridge serve</code> 启动时打印的网址（包含 <code>?token=</code>）。令牌保存在数据目录的 <code>serve.token</code> 文件中。</p>
<p>Open the URL that <code>wecom-bridge serve</code> printed when it started (it contains <code>?token=</code>). The token is in <code>serve.token</code> in the data directory.</p>
</body></html>`
