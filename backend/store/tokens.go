package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// TokenRepo persists WeCom access tokens so a restart does not call gettoken
// again. Tokens are sealed like the secrets (backend/secrets): a copied
// bridge.db without its key yields no working token. It satisfies
// wecom.TokenStore structurally (stdlib types only), so store does not import
// the client.
type TokenRepo struct {
	s    *Store
	seal Sealer
}

// Sealer encrypts and decrypts stored values (*secrets.Vault).
type Sealer interface {
	Encrypt(plain string) (string, error)
	Decrypt(stored string) (string, error)
}

// Tokens returns the token repository sealing with seal.
func (s *Store) Tokens(seal Sealer) *TokenRepo { return &TokenRepo{s: s, seal: seal} }

// LoadToken returns "" when no token is cached for key, or when the stored
// one cannot be opened with this key (another machine's, or a clear token
// from an older version): the client then asks WeCom for a new one.
func (r *TokenRepo) LoadToken(ctx context.Context, key string) (string, time.Time, error) {
	var row struct {
		Token     string `db:"token"`
		ExpiresAt Time   `db:"expires_at"`
	}
	err := r.s.DB.GetContext(ctx, &row, `SELECT token, expires_at FROM wecom_tokens WHERE key = ?`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, nil
	}
	if err != nil {
		return "", time.Time{}, err
	}
	if row.ExpiresAt.IsZero() {
		return "", time.Time{}, nil // unreadable row: treat as absent, it will be overwritten
	}
	exp := row.ExpiresAt.Time()
	token, err := r.seal.Decrypt(row.Token)
	if err != nil || token == "" {
		return "", time.Time{}, nil // sealed by another key or damaged: absent, overwritten on save
	}
	return token, exp, nil
}

// SaveToken stores (or replaces) the token for key.
func (r *TokenRepo) SaveToken(ctx context.Context, key, token string, expiresAt time.Time) error {
	sealed, err := r.seal.Encrypt(token)
	if err != nil {
		return err
	}
	_, err = r.s.DB.ExecContext(ctx, `INSERT INTO wecom_tokens(key, token, expires_at) VALUES(?,?,?)
		ON CONFLICT(key) DO UPDATE SET token=excluded.token, expires_at=excluded.expires_at`,
		key, sealed, TimeOf(expiresAt))
	return err
}

// DeleteToken forgets the token for key.
func (r *TokenRepo) DeleteToken(ctx context.Context, key string) error {
	_, err := r.s.DB.ExecContext(ctx, `DELETE FROM wecom_tokens WHERE key = ?`, key)
	return err
}
