// Package login builds what members sign in with: the app home-page OAuth
// link, the web QR login links (new wwlogin and old qrConnect), free-login
// links, their QR code PNGs, and the invitation (join QR code, batch/invite).
// It also keeps the trusted-domain verification file (WW_verify_*.txt) and
// the log of every sign-in through the bridge (the OpenID Connect provider in
// backend/oidc and free-login links write it; the 登录链接 page lists it).
package login

import (
	"context"
	"net/url"
	"strings"
	"time"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom"
)

// Service is the login-links feature. Safe for concurrent use.
type Service struct {
	st    *store.Store
	corps *corp.Service
	vault *secrets.Vault
	// Served is the address the integration listener is served on
	// ("http://127.0.0.1:8750"); the issuer and free links use it when the
	// 对外域名 is not set. Set at wiring time.
	Served func() string
	now    func() time.Time
}

// New builds the service.
func New(st *store.Store, corps *corp.Service) *Service {
	return &Service{st: st, corps: corps, vault: corps.Vault(), now: time.Now}
}

// Store is the store the service writes to (the sign-in log).
func (s *Service) Store() *store.Store { return s.st }

// Corps is the corp service the links are built from.
func (s *Service) Corps() *corp.Service { return s.corps }

// Issuer is where members' browsers and relying parties reach the bridge:
// the 对外域名 when set, else the served address ("" when neither is known).
func (s *Service) Issuer(ctx context.Context) (string, error) {
	base, err := s.corps.ExternalBaseURL(ctx)
	if err != nil || base != "" {
		return base, err
	}
	if s.Served != nil {
		return strings.TrimRight(s.Served(), "/"), nil
	}
	return "", nil
}

// Origin is where a corp's login pages are: "" (WeCom's own hosts) for the
// public API, else the scheme and host of the corp's API base URL (a private
// deployment or the simulator serves the pages beside its API).
func Origin(apiBaseURL string) string {
	if apiBaseURL == "" || strings.HasPrefix(apiBaseURL, wecom.DefaultBaseURL) {
		return ""
	}
	u, err := url.Parse(apiBaseURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
