// Package oidctest is a relying party for tests: a small web application
// that signs users in through an OpenID Connect provider with real client
// libraries (github.com/coreos/go-oidc and golang.org/x/oauth2, PKCE S256),
// verifies the ID token and shows the claims it received as JSON. The Go
// tests and the Playwright specs (cmd testrp) use it; production never does.
package oidctest

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"sync"

	gooidc "github.com/coreos/go-oidc/v3/oidc"
	"golang.org/x/oauth2"
)

// RP is the relying party. Paths: /login starts a sign-in, /callback ends
// it, /me shows the signed-in user's claims (or sends the browser to /login
// first, so /me is a "protected page" for free-login links).
type RP struct {
	Issuer, ClientID, Secret, BaseURL string
	Scopes                            []string

	once     sync.Once
	err      error
	provider *gooidc.Provider
	cfg      oauth2.Config
	mu       sync.Mutex
	flows    map[string]string // state → PKCE verifier
	sessions map[string]map[string]any
}

// Claims is what /me and /callback answer.
type Claims struct {
	IDToken  map[string]any `json:"idToken"`
	UserInfo map[string]any `json:"userInfo"`
}

func (rp *RP) setup(ctx context.Context) error {
	rp.once.Do(func() {
		rp.provider, rp.err = gooidc.NewProvider(ctx, rp.Issuer)
		if rp.err != nil {
			return
		}
		scopes := rp.Scopes
		if len(scopes) == 0 {
			scopes = []string{gooidc.ScopeOpenID, "profile", "email", "phone"}
		}
		rp.cfg = oauth2.Config{ClientID: rp.ClientID, ClientSecret: rp.Secret, Endpoint: rp.provider.Endpoint(),
			RedirectURL: rp.BaseURL + "/callback", Scopes: scopes}
		rp.flows = map[string]string{}
		rp.sessions = map[string]map[string]any{}
	})
	return rp.err
}

func random() string {
	b := make([]byte, 16)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// ServeHTTP implements the three pages.
func (rp *RP) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	if err := rp.setup(ctx); err != nil {
		http.Error(w, "discovery: "+err.Error(), http.StatusBadGateway)
		return
	}
	switch r.URL.Path {
	case "/login":
		state, verifier := random(), oauth2.GenerateVerifier()
		rp.mu.Lock()
		rp.flows[state] = verifier
		rp.mu.Unlock()
		http.Redirect(w, r, rp.cfg.AuthCodeURL(state, oauth2.S256ChallengeOption(verifier), gooidc.Nonce(state)), http.StatusFound)
	case "/callback":
		rp.callback(w, r)
	case "/me":
		ck, err := r.Cookie("rp_session")
		rp.mu.Lock()
		var c map[string]any
		if err == nil {
			c = rp.sessions[ck.Value]
		}
		rp.mu.Unlock()
		if c == nil {
			http.Redirect(w, r, "/login", http.StatusFound)
			return
		}
		writeJSON(w, c)
	default:
		http.NotFound(w, r)
	}
}

func (rp *RP) callback(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	rp.mu.Lock()
	verifier, ok := rp.flows[q.Get("state")]
	delete(rp.flows, q.Get("state"))
	rp.mu.Unlock()
	if !ok {
		http.Error(w, "unknown state", http.StatusBadRequest)
		return
	}
	tok, err := rp.cfg.Exchange(ctx, q.Get("code"), oauth2.VerifierOption(verifier))
	if err != nil {
		http.Error(w, "token exchange: "+err.Error(), http.StatusBadGateway)
		return
	}
	raw, _ := tok.Extra("id_token").(string)
	idt, err := rp.provider.Verifier(&gooidc.Config{ClientID: rp.ClientID}).Verify(ctx, raw)
	if err != nil {
		http.Error(w, "id token: "+err.Error(), http.StatusBadGateway)
		return
	}
	if idt.Nonce != q.Get("state") {
		http.Error(w, "nonce mismatch", http.StatusBadGateway)
		return
	}
	var out Claims
	if err := idt.Claims(&out.IDToken); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	ui, err := rp.provider.UserInfo(ctx, oauth2.StaticTokenSource(tok))
	if err != nil {
		http.Error(w, "userinfo: "+err.Error(), http.StatusBadGateway)
		return
	}
	if err := ui.Claims(&out.UserInfo); err != nil {
		http.Error(w, err.Error(), http.StatusBadGateway)
		return
	}
	claims := map[string]any{"idToken": out.IDToken, "userInfo": out.UserInfo}
	id := random()
	rp.mu.Lock()
	rp.sessions[id] = claims
	rp.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: "rp_session", Value: id, Path: "/", HttpOnly: true})
	writeJSON(w, claims)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_ = json.NewEncoder(w).Encode(v)
}
