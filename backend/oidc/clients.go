package oidc

import (
	"context"
	"crypto/subtle"
	"database/sql"
	"encoding/json"
	"errors"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/zitadel/oidc/v3/pkg/oidc"
	"github.com/zitadel/oidc/v3/pkg/op"

	"wecom-bridge/backend/login"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

const (
	maxRedirectURIs = 10
	maxURI          = 2000
)

// ClientInput registers a relying party.
type ClientInput struct {
	Name         string   `json:"name"`
	CorpID       int64    `json:"corpId"`
	AgentID      int64    `json:"agentId"` // the app whose 可信域名 is the bridge's domain
	RedirectURIs []string `json:"redirectUris"`
	LogoutURIs   []string `json:"logoutUris"`
}

// Client is a registered relying party as listed (never its secret).
type Client struct {
	ClientID     string   `json:"clientId"`
	Name         string   `json:"name"`
	CorpID       int64    `json:"corpId"`
	AgentID      int64    `json:"agentId"`
	RedirectURIs []string `json:"redirectUris"`
	LogoutURIs   []string `json:"logoutUris"`
	CreatedBy    string   `json:"createdBy"`
	CreatedAt    string   `json:"createdAt"`
}

// NewClient is a client just added: the only time its secret is shown.
type NewClient struct {
	Client
	Secret string `json:"secret"`
}

// AddClient registers a client and returns its id and secret (shown once).
func (s *Service) AddClient(ctx context.Context, in ClientInput, actor string) (NewClient, error) {
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" || utf8.RuneCountInString(in.Name) > 64 {
		return NewClient{}, usererr.New("oidc_bad_client_name", nil)
	}
	uris, err := cleanURIs(in.RedirectURIs, true)
	if err != nil {
		return NewClient{}, err
	}
	logout, err := cleanURIs(in.LogoutURIs, false)
	if err != nil {
		return NewClient{}, err
	}
	c, err := s.corps.Get(ctx, in.CorpID)
	if err != nil {
		return NewClient{}, err
	}
	found := false
	for _, a := range c.Apps {
		found = found || a.AgentID == in.AgentID
	}
	if !found {
		return NewClient{}, usererr.New("login_unknown_app", usererr.Args{"agentId": in.AgentID, "corp": c.Name})
	}
	secret := randomSecret()
	sealed, err := s.vault.Encrypt(secret)
	if err != nil {
		return NewClient{}, err
	}
	out := NewClient{Client: Client{ClientID: "wb-" + randomID(8), Name: in.Name, CorpID: in.CorpID, AgentID: in.AgentID,
		RedirectURIs: uris, LogoutURIs: logout, CreatedBy: actor}, Secret: secret}
	ru, _ := json.Marshal(uris)
	lu, _ := json.Marshal(logout)
	_, err = s.st.DB.ExecContext(ctx, `INSERT INTO oidc_clients(client_id, name, corp_id, agent_id, secret_sealed, redirect_uris, logout_uris, created_by)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, out.ClientID, out.Name, out.CorpID, out.AgentID, sealed, string(ru), string(lu), actor)
	return out, err
}

// cleanURIs: absolute http(s), no fragment, bounded; exact strings are kept
// (matching is exact).
func cleanURIs(in []string, required bool) ([]string, error) {
	out := []string{}
	for _, u := range in {
		u = strings.TrimSpace(u)
		if u == "" {
			continue
		}
		p, err := url.Parse(u)
		if len(u) > maxURI || err != nil || (p.Scheme != "http" && p.Scheme != "https") || p.Host == "" || p.Fragment != "" || strings.Contains(u, "#") {
			return nil, usererr.New("oidc_bad_redirect_uri", usererr.Args{"uri": login.Clip(u)})
		}
		out = append(out, u)
	}
	if (required && len(out) == 0) || len(out) > maxRedirectURIs {
		return nil, usererr.New("oidc_no_redirect_uri", usererr.Args{"max": maxRedirectURIs})
	}
	return out, nil
}

type clientRow struct {
	ClientID     string     `db:"client_id"`
	Name         string     `db:"name"`
	CorpID       int64      `db:"corp_id"`
	AgentID      int64      `db:"agent_id"`
	SecretSealed string     `db:"secret_sealed"`
	RedirectURIs string     `db:"redirect_uris"`
	LogoutURIs   string     `db:"logout_uris"`
	CreatedBy    string     `db:"created_by"`
	CreatedAt    store.Time `db:"created_at"`
}

func (r clientRow) client() Client {
	c := Client{ClientID: r.ClientID, Name: r.Name, CorpID: r.CorpID, AgentID: r.AgentID, CreatedBy: r.CreatedBy,
		CreatedAt: r.CreatedAt.String(), RedirectURIs: []string{}, LogoutURIs: []string{}}
	_ = json.Unmarshal([]byte(r.RedirectURIs), &c.RedirectURIs)
	_ = json.Unmarshal([]byte(r.LogoutURIs), &c.LogoutURIs)
	return c
}

const clientCols = `client_id, name, corp_id, agent_id, secret_sealed, redirect_uris, logout_uris, created_by, created_at`

// Clients lists the registered clients.
func (s *Service) Clients(ctx context.Context) ([]Client, error) {
	var rows []clientRow
	if err := s.st.DB.SelectContext(ctx, &rows, `SELECT `+clientCols+` FROM oidc_clients ORDER BY created_at, client_id`); err != nil {
		return nil, err
	}
	out := make([]Client, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.client())
	}
	return out, nil
}

// RemoveClient deletes a client; its members can no longer sign in there.
func (s *Service) RemoveClient(ctx context.Context, clientID string) error {
	res, err := s.st.DB.ExecContext(ctx, `DELETE FROM oidc_clients WHERE client_id = ?`, clientID)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return usererr.New("oidc_client_not_found", usererr.Args{"client": login.Clip(clientID)})
	}
	return nil
}

func (s *Service) clientRow(ctx context.Context, clientID string) (*clientRow, error) {
	var r clientRow
	err := s.st.DB.GetContext(ctx, &r, `SELECT `+clientCols+` FROM oidc_clients WHERE client_id = ?`, clientID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, usererr.New("oidc_client_not_found", usererr.Args{"client": login.Clip(clientID)})
	}
	return &r, err
}

// checkSecret compares in constant time with the sealed secret.
func (s *Service) checkSecret(ctx context.Context, clientID, secret string) error {
	r, err := s.clientRow(ctx, clientID)
	if err != nil {
		return err
	}
	plain, err := s.vault.Decrypt(r.SecretSealed)
	if err != nil {
		return err
	}
	if subtle.ConstantTimeCompare([]byte(plain), []byte(secret)) != 1 {
		return errors.New("oidc: wrong client secret")
	}
	return nil
}

// opClient is a registered client as the op package sees it: a confidential
// web application using the authorization code flow, redirect URIs matched
// exactly.
type opClient struct{ Client }

func (c opClient) GetID() string                       { return c.ClientID }
func (c opClient) RedirectURIs() []string              { return c.Client.RedirectURIs }
func (c opClient) PostLogoutRedirectURIs() []string    { return c.LogoutURIs }
func (c opClient) ApplicationType() op.ApplicationType { return op.ApplicationTypeWeb }
func (c opClient) AuthMethod() oidc.AuthMethod         { return oidc.AuthMethodBasic }
func (c opClient) ResponseTypes() []oidc.ResponseType {
	return []oidc.ResponseType{oidc.ResponseTypeCode}
}
func (c opClient) GrantTypes() []oidc.GrantType         { return []oidc.GrantType{oidc.GrantTypeCode} }
func (c opClient) LoginURL(id string) string            { return PathLogin + "?id=" + url.QueryEscape(id) }
func (c opClient) AccessTokenType() op.AccessTokenType  { return op.AccessTokenTypeBearer }
func (c opClient) IDTokenLifetime() time.Duration       { return idTokenTTL }
func (c opClient) DevMode() bool                        { return false }
func (c opClient) IsScopeAllowed(string) bool           { return false }
func (c opClient) IDTokenUserinfoClaimsAssertion() bool { return true }
func (c opClient) ClockSkew() time.Duration             { return 0 }
func (c opClient) RestrictAdditionalIdTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
func (c opClient) RestrictAdditionalAccessTokenScopes() func([]string) []string {
	return func(s []string) []string { return s }
}
