package oidc

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"time"

	jose "github.com/go-jose/go-jose/v4"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Key rotation: the newest unretired RS256 key signs. It is replaced after
// rotateAfter (or on demand); a retired key stays in the JWKS for keepRetired
// so the ID tokens it signed still verify, then it is deleted.
const (
	rotateAfter = 30 * 24 * time.Hour
	keepRetired = 48 * time.Hour
	keyBits     = 2048
)

type keyRow struct {
	KID       string     `db:"kid"`
	Private   string     `db:"private_pem"`
	CreatedAt store.Time `db:"created_at"`
	RetiredAt store.Time `db:"retired_at"` // NULL (0) while it signs
}

type rsaKey struct {
	kid  string
	priv *rsa.PrivateKey
}

// op.SigningKey and op.Key.
func (k rsaKey) SignatureAlgorithm() jose.SignatureAlgorithm { return jose.RS256 }
func (k rsaKey) Algorithm() jose.SignatureAlgorithm          { return jose.RS256 }
func (k rsaKey) ID() string                                  { return k.kid }
func (k rsaKey) Use() string                                 { return "sig" }

type signingKey struct{ rsaKey }

func (k signingKey) Key() any { return k.priv }

type publicKey struct{ rsaKey }

func (k publicKey) Key() any { return &k.priv.PublicKey }

// KeyInfo is one signing key as listed (never the private half).
type KeyInfo struct {
	KID       string `json:"kid"`
	CreatedAt string `json:"createdAt"`
	RetiredAt string `json:"retiredAt"`
}

// Keys lists the signing keys, newest first.
func (s *Service) Keys(ctx context.Context) ([]KeyInfo, error) {
	var rows []keyRow
	if err := s.st.DB.SelectContext(ctx, &rows, `SELECT kid, private_pem, created_at, retired_at FROM oidc_keys ORDER BY created_at DESC`); err != nil {
		return nil, err
	}
	out := make([]KeyInfo, 0, len(rows))
	for _, r := range rows {
		out = append(out, KeyInfo{KID: r.KID, CreatedAt: r.CreatedAt.String(), RetiredAt: r.RetiredAt.String()})
	}
	return out, nil
}

// RotateKey retires the signing key and makes a new one.
func (s *Service) RotateKey(ctx context.Context) (KeyInfo, error) {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	k, err := s.newKey(ctx)
	return KeyInfo{KID: k.kid, CreatedAt: store.TimeOf(s.now()).String()}, err
}

// activeKey returns the signing key, making or rotating it when due.
func (s *Service) activeKey(ctx context.Context) (rsaKey, error) {
	s.keyMu.Lock()
	defer s.keyMu.Unlock()
	var r keyRow
	err := s.st.DB.GetContext(ctx, &r, `SELECT kid, private_pem, created_at, retired_at FROM oidc_keys
		WHERE retired_at IS NULL ORDER BY created_at DESC LIMIT 1`)
	if err == nil {
		if s.now().Sub(r.CreatedAt.Time()) < rotateAfter {
			return s.parseKey(r)
		}
	}
	return s.newKey(ctx)
}

// newKey retires every current key and stores a new one. Caller holds keyMu.
func (s *Service) newKey(ctx context.Context) (rsaKey, error) {
	priv, err := rsa.GenerateKey(rand.Reader, keyBits)
	if err != nil {
		return rsaKey{}, err
	}
	pemText := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(priv)}))
	sealed, err := s.vault.Encrypt(pemText)
	if err != nil {
		return rsaKey{}, err
	}
	k := rsaKey{kid: randomID(8), priv: priv}
	now := store.TimeOf(s.now())
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return rsaKey{}, err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `UPDATE oidc_keys SET retired_at = ? WHERE retired_at IS NULL`, now); err != nil {
		return rsaKey{}, err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM oidc_keys WHERE retired_at IS NOT NULL AND retired_at < ?`,
		store.TimeOf(s.now().Add(-keepRetired))); err != nil {
		return rsaKey{}, err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO oidc_keys(kid, private_pem, created_at) VALUES (?, ?, ?)`, k.kid, sealed, now); err != nil {
		return rsaKey{}, err
	}
	return k, tx.Commit()
}

func (s *Service) parseKey(r keyRow) (rsaKey, error) {
	plain, err := s.vault.Decrypt(r.Private)
	if err != nil {
		return rsaKey{}, usererr.Wrap(err, "oidc_no_signing_key", nil)
	}
	b, _ := pem.Decode([]byte(plain))
	if b == nil {
		return rsaKey{}, usererr.New("oidc_no_signing_key", nil)
	}
	priv, err := x509.ParsePKCS1PrivateKey(b.Bytes)
	if err != nil {
		return rsaKey{}, usererr.Wrap(err, "oidc_no_signing_key", nil)
	}
	return rsaKey{kid: r.KID, priv: priv}, nil
}

// publicKeys are the keys the JWKS publishes: the signing key and the
// retired ones still within keepRetired.
func (s *Service) publicKeys(ctx context.Context) ([]rsaKey, error) {
	if _, err := s.activeKey(ctx); err != nil {
		return nil, err
	}
	var rows []keyRow
	if err := s.st.DB.SelectContext(ctx, &rows, `SELECT kid, private_pem, created_at, retired_at FROM oidc_keys
		WHERE retired_at IS NULL OR retired_at >= ? ORDER BY created_at DESC`, store.TimeOf(s.now().Add(-keepRetired))); err != nil {
		return nil, err
	}
	out := []rsaKey{}
	for _, r := range rows {
		if k, err := s.parseKey(r); err == nil {
			out = append(out, k)
		}
	}
	return out, nil
}
