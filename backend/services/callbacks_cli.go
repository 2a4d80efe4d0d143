package services

import (
	"context"
	"io"
)

// RunCallbacksCLI implements `wecom-bridge callbacks list|replay ...`
// (docs/callbacks.md).
func (s *Services) RunCallbacksCLI(ctx context.Context, args []string, stdout io.Writer) error {
	return s.Callbacks.RunCLI(ctx, func(ctx context.Context, ref string) (int64, error) {
		c, err := s.Corps.Find(ctx, ref)
		if err != nil {
			return 0, err
		}
		return c.ID, nil
	}, args, stdout)
}
