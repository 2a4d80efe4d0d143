package oidc

import (
	"context"
	"time"
)

// SetClock sets the provider's clock (tests only).
func SetClock(s *Service, now func() time.Time) { s.now = now }

// RedeemCode redeems code as the token endpoint does and returns why it
// was refused (tests only).
func RedeemCode(ctx context.Context, s *Service, code string) error {
	_, err := s.redeemCode(ctx, code)
	return err
}
