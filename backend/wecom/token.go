package wecom

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"time"

	"wecom-bridge/backend/logging"
)

const (
	// refreshMargin: a token is replaced this long before WeCom's expires_in
	// (or a quarter of its lifetime, if shorter), so calls never race the expiry.
	refreshMargin = 5 * time.Minute
	// tokenFetchTimeout bounds a refresh, which runs detached from the caller
	// that started it: other callers share its result through the single flight.
	tokenFetchTimeout = 30 * time.Second
	defaultTokenTTL   = 7200 * time.Second
)

// TokenResponse is gettoken's answer.
type TokenResponse struct {
	AccessToken string `json:"access_token"`
	ExpiresIn   int    `json:"expires_in"` // seconds, normally 7200
}

// tokenEntry is the cached token of one secret.
type tokenEntry struct {
	token     string
	refreshAt time.Time
	rejected  string // the last token WeCom rejected; never reloaded from the store
}

// GetToken calls gettoken directly, bypassing the cache: use it to check a
// secret. Calls that need a token use AccessToken.
func (c *Client) GetToken(ctx context.Context, cred Credential) (*TokenResponse, error) {
	if cred.Secret == "" {
		return nil, fmt.Errorf("wecom gettoken: credential %s has no secret", cred)
	}
	q := url.Values{"corpid": {c.corpID}, "corpsecret": {cred.Secret}}
	r := request{api: "gettoken", method: "GET", query: q, noToken: true}
	var out TokenResponse
	if err := c.do(ctx, cred, r, &out); err != nil {
		return nil, err
	}
	if out.AccessToken == "" {
		return nil, errors.New("wecom gettoken: answer has no access_token")
	}
	return &out, nil
}

// AccessToken returns cred's cached token, fetching a new one (once, however
// many callers ask at the same time) when it is missing or about to expire.
// A token persisted by an earlier run is reused from the TokenStore.
func (c *Client) AccessToken(ctx context.Context, cred Credential) (string, error) {
	if cred.Secret == "" {
		return "", fmt.Errorf("wecom: credential %s has no secret", cred)
	}
	key := TokenKey(c.corpID, cred.Secret)
	if t := c.cachedToken(key); t != "" {
		return t, nil
	}
	ch := c.flight.DoChan(key, func() (any, error) {
		fctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), tokenFetchTimeout)
		defer cancel()
		return c.refreshToken(fctx, cred, key)
	})
	select {
	case <-ctx.Done():
		return "", fmt.Errorf("wecom gettoken: %w", ctx.Err())
	case res := <-ch:
		if res.Err != nil {
			return "", res.Err
		}
		return res.Val.(string), nil
	}
}

func (c *Client) cachedToken(key string) string {
	now := c.clock.Now()
	c.mu.Lock()
	defer c.mu.Unlock()
	if e := c.tokens[key]; e != nil && e.token != "" && now.Before(e.refreshAt) {
		return e.token
	}
	return ""
}

// refreshToken runs inside the single flight for key.
func (c *Client) refreshToken(ctx context.Context, cred Credential, key string) (string, error) {
	if t := c.cachedToken(key); t != "" {
		return t, nil // another flight finished between our check and this one
	}
	logging.AddSecret(cred.Secret) // belt and braces: redact it from any log line
	now := c.clock.Now()
	c.mu.Lock()
	var rejected string
	if e := c.tokens[key]; e != nil {
		rejected = e.rejected
	}
	c.mu.Unlock()

	tok, exp, err := c.store.LoadToken(ctx, key)
	switch {
	case err != nil:
		c.log.Warn("wecom: token store load failed", "key", key, "err", err)
	case tok != "" && tok != rejected && now.Before(exp.Add(-refreshMargin)):
		c.setToken(key, tok, exp.Add(-refreshMargin))
		c.log.Debug("wecom: token reused from store", "cred", cred, "key", key, "expires", exp)
		return tok, nil
	}

	resp, err := c.GetToken(ctx, cred)
	if err != nil {
		return "", err
	}
	ttl := time.Duration(resp.ExpiresIn) * time.Second
	if ttl <= 0 {
		ttl = defaultTokenTTL
	}
	exp = now.Add(ttl)
	c.setToken(key, resp.AccessToken, exp.Add(-min(refreshMargin, ttl/4)))
	if err := c.store.SaveToken(ctx, key, resp.AccessToken, exp); err != nil {
		c.log.Warn("wecom: token store save failed", "key", key, "err", err)
	}
	c.log.Info("wecom: new access token", "cred", cred, "key", key, "expires_in", resp.ExpiresIn)
	return resp.AccessToken, nil
}

func (c *Client) setToken(key, token string, refreshAt time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e := c.tokens[key]
	if e == nil {
		e = &tokenEntry{}
		c.tokens[key] = e
	}
	e.token, e.refreshAt = token, refreshAt
}

// invalidateToken drops token after WeCom rejected it (40001/40014/42001),
// unless a newer token has replaced it already.
func (c *Client) invalidateToken(ctx context.Context, cred Credential, token string) {
	key := TokenKey(c.corpID, cred.Secret)
	c.mu.Lock()
	e := c.tokens[key]
	current := e != nil && e.token == token
	c.mu.Unlock()
	if !current {
		return
	}
	// Store first, memory second: until memory drops it nobody reloads from the store.
	if err := c.store.DeleteToken(ctx, key); err != nil {
		c.log.Warn("wecom: token store delete failed", "key", key, "err", err)
	}
	c.mu.Lock()
	if e.token == token {
		e.token, e.rejected = "", token
	}
	c.mu.Unlock()
}

// isTokenError: the token was refused; refresh it and retry once.
func isTokenError(code int) bool {
	return code == 40001 || code == 40014 || code == 42001
}
