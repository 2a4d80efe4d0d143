package wecom

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"time"
)

// TokenStore persists access tokens across restarts. key is TokenKey(corpID,
// secret) and never contains the secret. LoadToken returns token "" when it
// has none. Implementations must be safe for concurrent use.
type TokenStore interface {
	LoadToken(ctx context.Context, key string) (token string, expiresAt time.Time, err error)
	SaveToken(ctx context.Context, key, token string, expiresAt time.Time) error
	DeleteToken(ctx context.Context, key string) error
}

// TokenKey is the cache and store key of a secret's token:
// corpID + ":" + the first 16 hex characters of sha256(secret).
func TokenKey(corpID, secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return corpID + ":" + hex.EncodeToString(sum[:])[:16]
}

// MemoryTokenStore is a TokenStore in process memory.
type MemoryTokenStore struct {
	mu     sync.Mutex
	tokens map[string]storedToken
}

type storedToken struct {
	token     string
	expiresAt time.Time
}

// NewMemoryTokenStore returns an empty in-memory store.
func NewMemoryTokenStore() *MemoryTokenStore {
	return &MemoryTokenStore{tokens: map[string]storedToken{}}
}

// LoadToken implements TokenStore.
func (s *MemoryTokenStore) LoadToken(_ context.Context, key string) (string, time.Time, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tokens[key]
	return t.token, t.expiresAt, nil
}

// SaveToken implements TokenStore.
func (s *MemoryTokenStore) SaveToken(_ context.Context, key, token string, expiresAt time.Time) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tokens[key] = storedToken{token: token, expiresAt: expiresAt}
	return nil
}

// DeleteToken implements TokenStore.
func (s *MemoryTokenStore) DeleteToken(_ context.Context, key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.tokens, key)
	return nil
}
