// Package oidc is the bridge's OpenID Connect provider: other systems
// (Grafana, GitLab, Jenkins, an OA) sign members in with WeCom through it.
//
// It is built on github.com/zitadel/oidc/v3 (package op), a maintained,
// OpenID-certified Go library that implements discovery, the authorization
// code flow with PKCE, the token, userinfo, JWKS and end-session endpoints
// and leaves storage and the login UI to us, which is where the bridge's own
// rules live: a WeCom member becomes a local account only through a
// confirmed binding of the review; anyone else gets a page saying who to ask.
package oidc

import (
	"crypto/rand"
	"net/http"
	"sync"
	"time"

	"github.com/zitadel/oidc/v3/pkg/op"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/login"
	"wecom-bridge/backend/review"
	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
)

// Endpoint paths. Discovery is at /.well-known/openid-configuration.
const (
	PathAuthorize  = "/oidc/authorize"
	PathToken      = "/oidc/token"
	PathUserinfo   = "/oidc/userinfo"
	PathKeys       = "/oidc/keys"
	PathEndSession = "/oidc/end_session"
	PathRevoke     = "/oidc/revoke"
	PathIntrospect = "/oidc/introspect"
	PathLogin      = "/oidc/login"        // the provider's login step (Client.LoginURL)
	PathReturn     = "/oidc/wecom/return" // WeCom's redirect_uri: the app's 可信域名 must be the issuer's host
	PathDiscovery  = "/.well-known/openid-configuration"
)

// Lifetimes and bounds.
const (
	authRequestTTL = 10 * time.Minute
	accessTokenTTL = time.Hour
	idTokenTTL     = time.Hour
	sessionTTL     = 8 * time.Hour
	maxPending     = 20000 // auth requests, login states, tokens, sessions: each map is bounded
)

// Service is the provider. Safe for concurrent use.
type Service struct {
	st      *store.Store
	corps   *corp.Service
	review  *review.Service
	dir     *directory.Service
	login   *login.Service
	vault   *secrets.Vault
	now     func() time.Time
	mem     memory
	keyMu   sync.Mutex
	once    sync.Once
	handler http.Handler
	prov    *op.Provider
}

// New builds the provider over the store and the services it asks.
func New(st *store.Store, corps *corp.Service, rv *review.Service, dir *directory.Service, lg *login.Service) *Service {
	s := &Service{st: st, corps: corps, review: rv, dir: dir, login: lg, vault: corps.Vault(), now: time.Now}
	s.mem.init()
	return s
}

// provider builds the zitadel provider once. The issuer is read per
// request: the 对外域名 when set, else the served address.
func (s *Service) provider() (*op.Provider, http.Handler) {
	s.once.Do(func() {
		var key [32]byte
		_, _ = rand.Read(key[:]) // access tokens are opaque and live in memory: a restart ends them
		cfg := &op.Config{CryptoKey: key, CodeMethodS256: true, AuthMethodPost: true,
			SupportedScopes: []string{"openid", "profile", "email", "phone", "wecom"},
			SupportedClaims: supportedClaims}
		p, err := op.NewProvider(cfg, &storage{s}, s.issuerFunc,
			op.WithAllowInsecure(), // http issuers are fine on an intranet; the 对外域名 is https when public
			op.WithCustomEndpoints(op.NewEndpoint(PathAuthorize), op.NewEndpoint(PathToken), op.NewEndpoint(PathUserinfo),
				op.NewEndpoint(PathRevoke), op.NewEndpoint(PathEndSession), op.NewEndpoint(PathKeys)),
			op.WithCustomIntrospectionEndpoint(op.NewEndpoint(PathIntrospect)))
		if err != nil {
			panic("oidc: " + err.Error()) // only a programming error gets here
		}
		s.prov, s.handler = p, p
	})
	return s.prov, s.handler
}

func (s *Service) issuerFunc(bool) (op.IssuerFromRequest, error) {
	return func(r *http.Request) string { return s.issuer(r) }, nil
}

// issuer: the 对外域名, else the served address, else this request's host.
func (s *Service) issuer(r *http.Request) string {
	if iss, err := s.login.Issuer(r.Context()); err == nil && iss != "" {
		return iss
	}
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// Routes are the provider's endpoints for the integration listener
// (services.IntegrationRoutes), as ServeMux patterns.
func (s *Service) Routes() map[string]http.Handler {
	_, h := s.provider()
	return map[string]http.Handler{
		"GET " + PathDiscovery:  h,
		"/oidc/":                h,
		"GET " + PathLogin:      http.HandlerFunc(s.serveLogin),
		"GET " + PathReturn:     http.HandlerFunc(s.serveReturn),
		"GET " + login.FreePath: http.HandlerFunc(s.serveFree),
	}
}
