package login

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strconv"
	"sync"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/usererr"
)

// FreePath is where a free-login link enters the bridge. The bridge signs
// the member in with WeCom (silently inside WeCom, by QR code in a browser),
// then opens the target, where the member's browser already holds a bridge
// session, so a system signing in through the OIDC provider signs in at once.
const FreePath = "/login/free"

const settingLinkKey = "login_link_key" // sealed HMAC key of free links

var keyMu sync.Mutex

// freeLink builds a signed free-login link: only links built here are
// followed, so the bridge is no open redirect.
func (s *Service) freeLink(ctx context.Context, c *corp.Corp, agentID int64, to string) (string, error) {
	issuer, err := s.Issuer(ctx)
	if err != nil {
		return "", err
	}
	if issuer == "" {
		return "", usererr.New("login_no_issuer", nil)
	}
	sig, err := s.sign(ctx, c.Key, agentID, to)
	if err != nil {
		return "", err
	}
	q := url.Values{"c": {c.Key}, "a": {strconv.FormatInt(agentID, 10)}, "to": {to}, "sig": {sig}}
	return issuer + FreePath + "?" + q.Encode(), nil
}

// VerifyFree reports whether sig is this installation's signature of a
// free link for corpKey, agentID and to.
func (s *Service) VerifyFree(ctx context.Context, corpKey string, agentID int64, to, sig string) bool {
	want, err := s.sign(ctx, corpKey, agentID, to)
	return err == nil && hmac.Equal([]byte(want), []byte(sig))
}

func (s *Service) sign(ctx context.Context, corpKey string, agentID int64, to string) (string, error) {
	key, err := s.linkKey(ctx)
	if err != nil {
		return "", err
	}
	m := hmac.New(sha256.New, key)
	m.Write([]byte(corpKey + "\x00" + strconv.FormatInt(agentID, 10) + "\x00" + to))
	return hex.EncodeToString(m.Sum(nil)[:16]), nil
}

func (s *Service) linkKey(ctx context.Context) ([]byte, error) {
	keyMu.Lock()
	defer keyMu.Unlock()
	stored, err := s.st.GetSetting(ctx, settingLinkKey, "")
	if err != nil {
		return nil, err
	}
	if stored != "" {
		plain, err := s.vault.Decrypt(stored)
		if err != nil {
			return nil, err
		}
		return hex.DecodeString(plain)
	}
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		return nil, err
	}
	sealed, err := s.vault.Encrypt(hex.EncodeToString(key))
	if err != nil {
		return nil, err
	}
	return key, s.st.SetSetting(ctx, settingLinkKey, sealed)
}
