package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// TokenRepo persists WeCom access tokens so a restart does not call gettoken
// again. It satisfies wecom.TokenStore structurally (stdlib types only), so
// store does not import the client.
type TokenRepo struct{ s *Store }

// Tokens returns the token repository.
func (s *Store) Tokens() *TokenRepo { return &TokenRepo{s: s} }

// LoadToken returns "" when no token is cached for key.
func (r *TokenRepo) LoadToken(ctx context.Context, key string) (string, time.Time, error) {
	var row struct {
		Token     string `db:"token"`
		ExpiresAt string `db:"expires_at"`
	}
	err := r.s.DB.GetContext(ctx, &row, `SELECT token, expires_at FROM wecom_tokens WHERE key = ?`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, nil
	}
	if err != nil {
		return "", time.Time{}, err
	}
	exp, err := time.Parse(time.RFC3339Nano, row.ExpiresAt)
	if err != nil {
		return "", time.Time{}, nil // unreadable row: treat as absent, it will be overwritten
	}
	return row.Token, exp, nil
}

// SaveToken stores (or replaces) the token for key.
func (r *TokenRepo) SaveToken(ctx context.Context, key, token string, expiresAt time.Time) error {
	_, err := r.s.DB.ExecContext(ctx, `INSERT INTO wecom_tokens(key, token, expires_at) VALUES(?,?,?)
		ON CONFLICT(key) DO UPDATE SET token=excluded.token, expires_at=excluded.expires_at`,
		key, token, expiresAt.UTC().Format(time.RFC3339Nano))
	return err
}

// DeleteToken forgets the token for key.
func (r *TokenRepo) DeleteToken(ctx context.Context, key string) error {
	_, err := r.s.DB.ExecContext(ctx, `DELETE FROM wecom_tokens WHERE key = ?`, key)
	return err
}
