package oidc

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"sync"
	"time"

	"github.com/zitadel/oidc/v3/pkg/oidc"
)

// authRequest is one authorization request between /oidc/authorize and the
// token exchange (op.AuthRequest), as kept in oidc_auth_requests.
type authRequest struct {
	id, clientID, redirectURI, state, nonce string
	scopes                                  []string
	responseType                            oidc.ResponseType
	responseMode                            oidc.ResponseMode
	challenge                               *oidc.CodeChallenge
	subject                                 string
	authTime                                time.Time
	done                                    bool
	expires                                 time.Time
}

func (a *authRequest) GetID() string                         { return a.id }
func (a *authRequest) GetACR() string                        { return "" }
func (a *authRequest) GetAMR() []string                      { return []string{"wecom"} }
func (a *authRequest) GetAudience() []string                 { return []string{a.clientID} }
func (a *authRequest) GetAuthTime() time.Time                { return a.authTime }
func (a *authRequest) GetClientID() string                   { return a.clientID }
func (a *authRequest) GetCodeChallenge() *oidc.CodeChallenge { return a.challenge }
func (a *authRequest) GetNonce() string                      { return a.nonce }
func (a *authRequest) GetRedirectURI() string                { return a.redirectURI }
func (a *authRequest) GetResponseType() oidc.ResponseType    { return a.responseType }
func (a *authRequest) GetResponseMode() oidc.ResponseMode    { return a.responseMode }
func (a *authRequest) GetScopes() []string                   { return a.scopes }
func (a *authRequest) GetState() string                      { return a.state }
func (a *authRequest) GetSubject() string                    { return a.subject }
func (a *authRequest) Done() bool                            { return a.done }

// accessToken is an issued (opaque) access token.
type accessToken struct {
	subject, clientID string
	scopes            []string
	expires           time.Time
}

// loginState is a WeCom login in flight (kept in oidc_login_states): the state sent to WeCom, bound to
// the browser by a cookie nonce, and what to do on return.
type loginState struct {
	nonce     string
	corpID    int64
	agentID   int64
	authReqID string // an OIDC sign-in, or
	freeTo    string // a free-login link's target
	expires   time.Time
}

// session is a member signed in to the bridge in this browser.
type session struct {
	sub, account, userid string
	corpID               int64
	expires              time.Time
}

// memory is what lives only as long as the process: access tokens (their
// opaque form is encrypted with this process's key) and members' sessions
// in the bridge (a restart signs them in with WeCom again).
type memory struct {
	mu       sync.Mutex
	tokens   map[string]*accessToken
	sessions map[string]*session
}

func (m *memory) init() {
	m.tokens = map[string]*accessToken{}
	m.sessions = map[string]*session{}
}

// room drops expired entries of a map when it is full and reports whether
// there is room for one more. Caller holds m.mu.
func room[V any](mp map[string]V, now time.Time, expires func(V) time.Time) bool {
	if len(mp) < maxPending {
		return true
	}
	for k, v := range mp {
		if !now.Before(expires(v)) {
			delete(mp, k)
		}
	}
	return len(mp) < maxPending
}

// randomID returns n random bytes as hex (ids, cookie values).
func randomID(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// randomSecret returns a client secret: 32 random bytes, base64url.
func randomSecret() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
