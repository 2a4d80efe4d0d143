package server

import (
	"context"
	"mime"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"wecom-bridge/backend/usererr"
)

// Serve-mode auth has no ambient credential: nothing a browser sends by
// itself (a cookie, HTTP auth, a client certificate) authorizes anything.
// The page gets the token from the URL fragment, keeps it in sessionStorage
// and sends it as Authorization: Bearer. An EventSource or a download link
// cannot send a header, so they carry a single-use ticket from
// POST /api/auth/ticket instead. Before any of that, a request must name
// this server in Host (no DNS rebinding) and, when it says where it comes
// from (Origin, Sec-Fetch-Site), come from the page's own origin.

// credentials says what may authorize a route.
type credentials int

const (
	bearerOnly     credentials = iota
	bearerOrTicket             // GET with ?ticket= (event stream, downloads)
)

// hostCheck decides which Host headers name this server.
type hostCheck struct {
	port     string          // the port the server listens on; "" = any
	names    map[string]bool // lowercase host names and IPs that name it on port
	anyIP    bool            // listening on every interface: any IP literal on port
	loopback bool            // loopback names (localhost, 127.0.0.0/8, ::1) on port
	extra    map[string]bool // --allowed-host names, any port (a TLS proxy in front)
}

// newHostCheck: addrs are the listen address as given and as bound
// ("127.0.0.1:8750"); allowed are extra names a reverse proxy forwards.
// With no address at all, loopback names on any port are allowed.
func newHostCheck(addrs []string, allowed []string) *hostCheck {
	h := &hostCheck{names: map[string]bool{}, extra: map[string]bool{}}
	if len(addrs) == 0 {
		h.loopback = true
	}
	for _, a := range addrs {
		host, port, err := net.SplitHostPort(a)
		if err != nil {
			continue
		}
		if port != "" && port != "0" {
			h.port = port
		}
		host = strings.ToLower(strings.Trim(host, "[]"))
		ip := net.ParseIP(host)
		switch {
		case host == "" || (ip != nil && ip.IsUnspecified()):
			h.anyIP, h.loopback = true, true
		case host == "localhost" || (ip != nil && ip.IsLoopback()):
			h.loopback = true
			h.names[host] = true
		default:
			h.names[host] = true
		}
	}
	for _, n := range allowed {
		if n = strings.ToLower(strings.TrimSpace(n)); n != "" {
			if hn, _, err := net.SplitHostPort(n); err == nil {
				n = hn
			}
			h.extra[strings.Trim(n, "[]")] = true
		}
	}
	return h
}

// ok reports whether the Host header names this server.
func (h *hostCheck) ok(hostHeader string) bool {
	host, port := strings.ToLower(hostHeader), ""
	if hn, p, err := net.SplitHostPort(host); err == nil {
		host, port = hn, p
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if host == "" {
		return false
	}
	if h.extra[host] {
		return true
	}
	if port == "" {
		port = "80"
	}
	if h.port != "" && port != h.port {
		return false
	}
	if h.names[host] {
		return true
	}
	ip := net.ParseIP(host)
	if h.loopback && (host == "localhost" || (ip != nil && ip.IsLoopback())) {
		return true
	}
	return h.anyIP && ip != nil // an IP literal cannot be rebound through DNS
}

// sameOrigin checks Origin and Sec-Fetch-Site when the browser sends them.
func sameOrigin(r *http.Request) (code string, args usererr.Args, ok bool) {
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, r.Host) {
			return "bad_origin", usererr.Args{"origin": o}, false
		}
	}
	switch site := r.Header.Get("Sec-Fetch-Site"); site {
	case "", "same-origin", "none":
	default:
		return "cross_site", usererr.Args{"site": site}, false
	}
	return "", nil, true
}

// authError answers with the admin's message for code (catalogue_serve.go).
func authError(w http.ResponseWriter, status int, code string, args usererr.Args) {
	w.Header().Set("Cache-Control", "no-store")
	writeMessage(w, status, usererr.Msg(code, args))
}

// guardHost refuses a request whose Host does not name this server.
func (s *Server) guardHost(w http.ResponseWriter, r *http.Request) bool {
	if s.hosts.ok(r.Host) {
		return true
	}
	if strings.HasPrefix(r.URL.Path, "/api/") {
		authError(w, http.StatusForbidden, "bad_host", usererr.Args{"host": r.Host})
		return false
	}
	writeNotice(w, r, http.StatusForbidden, usererr.Msg("serve_page_bad_host_title", nil), usererr.Msg("serve_page_bad_host", nil))
	return false
}

// hostOnly serves public content (the page, the shim) to this server's names only.
func (s *Server) hostOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.guardHost(w, r) {
			next.ServeHTTP(w, r)
		}
	})
}

// api guards a token-protected /api route: Host, Origin, the per-client
// throttle, then the bearer token (or a ticket where allowed).
func (s *Server) api(next http.Handler, creds credentials) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.guardHost(w, r) {
			return
		}
		if code, args, ok := sameOrigin(r); !ok {
			authError(w, http.StatusForbidden, code, args)
			return
		}
		client := clientKey(r)
		if wait, blocked := s.throttle.blocked(client); blocked {
			w.Header().Set("Retry-After", strconv.Itoa(retryAfterSeconds(wait)))
			authError(w, http.StatusTooManyRequests, "throttled", usererr.Args{"seconds": retryAfterSeconds(wait)})
			return
		}
		// Taken before the token is checked: a rotation from here on closes
		// it, so an event stream cannot outlive the token it was opened with.
		revoked := s.sess.revokedCh()
		tok, presented := bearer(r)
		authed := presented && s.sess.tokenOK(tok)
		if !presented && creds == bearerOrTicket && r.Method == http.MethodGet {
			if t := r.URL.Query().Get("ticket"); t != "" {
				presented = true
				authed = s.sess.useTicket(t)
			}
		}
		if !authed {
			if presented {
				s.throttle.fail(client)
			}
			w.Header().Set("WWW-Authenticate", `Bearer realm="wecom-bridge"`)
			authError(w, http.StatusUnauthorized, "unauthorized", nil)
			return
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), revokedKey{}, revoked)))
	})
}

// revokedKey carries, in an authorized request's context, the channel closed
// when the token it was authorized with is rotated.
type revokedKey struct{}

// bearer returns the Authorization: Bearer token, and whether one was sent.
func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	if len(h) < 7 || !strings.EqualFold(h[:7], "Bearer ") {
		return "", false
	}
	return strings.TrimSpace(h[7:]), true
}

// jsonOnly refuses a body that is not application/json: a form or a
// text/plain fetch from another page can be sent without a preflight.
func jsonOnly(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
		if err != nil || mt != "application/json" {
			authError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", nil)
			return
		}
		next.ServeHTTP(w, r)
	})
}
