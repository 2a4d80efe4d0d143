package oidc

import (
	"context"
	"errors"
	"time"

	jose "github.com/go-jose/go-jose/v4"
	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"wecom-bridge/backend/login"
)

// storage is op.Storage over the service: clients, keys and sign-ins in
// flight (authorization requests, codes: inflight.go) in SQLite, so a
// restart resumes them; access tokens in memory (opaque, encrypted with a
// key of this process: a restart ends them, and clients sign in again).
type storage struct{ s *Service }

var (
	errNotFound   = errors.New("oidc: not found or expired")
	errNoRefresh  = errors.New("oidc: refresh tokens are not issued")
	errNoJWTGrant = errors.New("oidc: the JWT profile grant is not supported")
	errFull       = errors.New("oidc: too many sign-ins in flight; try again in a few minutes")
)

func (st *storage) CreateAuthRequest(ctx context.Context, req *oidc.AuthRequest, _ string) (op.AuthRequest, error) {
	if req.CodeChallenge != "" && req.CodeChallengeMethod != oidc.CodeChallengeMethodS256 {
		return nil, oidc.ErrInvalidRequest().WithDescription("code_challenge_method must be S256")
	}
	if err := checkRequest(req); err != nil {
		return nil, err
	}
	s := st.s
	a := &authRequest{id: randomID(16), clientID: req.ClientID, redirectURI: req.RedirectURI, state: req.State,
		nonce: req.Nonce, scopes: req.Scopes, responseType: req.ResponseType, responseMode: req.ResponseMode,
		expires: s.now().Add(authRequestTTL)}
	if req.CodeChallenge != "" {
		a.challenge = &oidc.CodeChallenge{Challenge: req.CodeChallenge, Method: req.CodeChallengeMethod}
	}
	if err := s.saveRequest(ctx, a); err != nil {
		return nil, err
	}
	return a, nil
}

func (st *storage) request(ctx context.Context, id string) (*authRequest, error) {
	return st.s.loadRequest(ctx, id)
}

func (st *storage) AuthRequestByID(ctx context.Context, id string) (op.AuthRequest, error) {
	return st.request(ctx, id)
}

// AuthRequestByCode redeems the code: the token exchange asks once, and a
// code is single use, so it is taken (deleted) here, atomically.
func (st *storage) AuthRequestByCode(ctx context.Context, code string) (op.AuthRequest, error) {
	return st.s.redeemCode(ctx, code)
}

func (st *storage) SaveAuthCode(ctx context.Context, id, code string) error {
	return st.s.saveCode(ctx, id, code)
}

// DeleteAuthRequest runs after the code is exchanged (the row is already
// gone: AuthRequestByCode took it).
func (st *storage) DeleteAuthRequest(ctx context.Context, id string) error {
	return st.s.deleteRequest(ctx, id)
}

func (st *storage) CreateAccessToken(_ context.Context, req op.TokenRequest) (string, time.Time, error) {
	s := st.s
	t := &accessToken{subject: req.GetSubject(), scopes: req.GetScopes(), expires: s.now().Add(accessTokenTTL)}
	if a, ok := req.(*authRequest); ok {
		t.clientID = a.clientID
	}
	id := randomID(16)
	m := &s.mem
	m.mu.Lock()
	defer m.mu.Unlock()
	if !room(m.tokens, s.now(), func(t *accessToken) time.Time { return t.expires }) {
		return "", time.Time{}, errFull
	}
	m.tokens[id] = t
	return id, t.expires, nil
}

func (st *storage) CreateAccessAndRefreshTokens(context.Context, op.TokenRequest, string) (string, string, time.Time, error) {
	return "", "", time.Time{}, errNoRefresh
}

func (st *storage) TokenRequestByRefreshToken(context.Context, string) (op.RefreshTokenRequest, error) {
	return nil, op.ErrInvalidRefreshToken
}

// TerminateSession (end-session endpoint) signs the member out of the
// bridge in every browser and revokes their access tokens.
func (st *storage) TerminateSession(_ context.Context, userID, _ string) error {
	m := &st.s.mem
	m.mu.Lock()
	defer m.mu.Unlock()
	for k, v := range m.sessions {
		if v.sub == userID {
			delete(m.sessions, k)
		}
	}
	for k, v := range m.tokens {
		if v.subject == userID {
			delete(m.tokens, k)
		}
	}
	return nil
}

func (st *storage) RevokeToken(_ context.Context, token, _, clientID string) *oidc.Error {
	m := &st.s.mem
	m.mu.Lock()
	defer m.mu.Unlock()
	if t := m.tokens[token]; t != nil && t.clientID != clientID {
		return oidc.ErrInvalidClient().WithDescription("the token belongs to another client")
	}
	delete(m.tokens, token)
	return nil
}

func (st *storage) GetRefreshTokenInfo(context.Context, string, string) (string, string, error) {
	return "", "", op.ErrInvalidRefreshToken
}

func (st *storage) SigningKey(ctx context.Context) (op.SigningKey, error) {
	k, err := st.s.activeKey(ctx)
	return signingKey{k}, err
}

func (st *storage) SignatureAlgorithms(context.Context) ([]jose.SignatureAlgorithm, error) {
	return []jose.SignatureAlgorithm{jose.RS256}, nil
}

func (st *storage) KeySet(ctx context.Context) ([]op.Key, error) {
	keys, err := st.s.publicKeys(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]op.Key, 0, len(keys))
	for _, k := range keys {
		out = append(out, publicKey{k})
	}
	return out, nil
}

func (st *storage) GetClientByClientID(ctx context.Context, clientID string) (op.Client, error) {
	r, err := st.s.clientRow(ctx, clientID)
	if err != nil {
		return nil, err
	}
	return opClient{r.client()}, nil
}

func (st *storage) AuthorizeClientIDSecret(ctx context.Context, clientID, secret string) error {
	return st.s.checkSecret(ctx, clientID, secret)
}

// SetUserinfoFromScopes fills the ID token's claims (the client asserts
// userinfo claims in the ID token): only for a subject still confirmed.
func (st *storage) SetUserinfoFromScopes(ctx context.Context, info *oidc.UserInfo, sub, _ string, scopes []string) error {
	m, res, err := st.s.memberOf(ctx, sub)
	if err != nil {
		return err
	}
	if res != login.ResultOK {
		return errors.New("oidc: the member's binding is no longer confirmed or the account resigned")
	}
	m.fill(info, sub, scopes)
	return nil
}

func (st *storage) SetUserinfoFromToken(ctx context.Context, info *oidc.UserInfo, tokenID, sub, _ string) error {
	m := &st.s.mem
	m.mu.Lock()
	t := m.tokens[tokenID]
	m.mu.Unlock()
	if t == nil || t.subject != sub || !st.s.now().Before(t.expires) {
		return errNotFound
	}
	return st.SetUserinfoFromScopes(ctx, info, sub, t.clientID, t.scopes)
}

func (st *storage) SetIntrospectionFromToken(ctx context.Context, resp *oidc.IntrospectionResponse, tokenID, sub, clientID string) error {
	m := &st.s.mem
	m.mu.Lock()
	t := m.tokens[tokenID]
	m.mu.Unlock()
	if t == nil || t.subject != sub || !st.s.now().Before(t.expires) {
		return errNotFound
	}
	resp.Active = true
	resp.Subject = sub
	resp.ClientID = t.clientID
	resp.Scope = t.scopes
	resp.Expiration = oidc.FromTime(t.expires)
	return nil
}

func (st *storage) GetPrivateClaimsFromScopes(context.Context, string, string, []string) (map[string]any, error) {
	return map[string]any{}, nil
}

func (st *storage) GetKeyByIDAndClientID(context.Context, string, string) (*jose.JSONWebKey, error) {
	return nil, errNoJWTGrant
}

func (st *storage) ValidateJWTProfileScopes(context.Context, string, []string) ([]string, error) {
	return nil, errNoJWTGrant
}

func (st *storage) Health(ctx context.Context) error { return st.s.st.DB.PingContext(ctx) }
