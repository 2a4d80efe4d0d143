package services

import (
	"context"
	"io"

	"wecom-bridge/backend/callback"
)

// RunCallbacksCLI implements `wecom-bridge callbacks list|replay|rule ...`
// (docs/callbacks.md).
func (s *Services) RunCallbacksCLI(ctx context.Context, args []string, stdout io.Writer) error {
	find := func(ctx context.Context, ref string) (int64, error) {
		c, err := s.Corps.Find(ctx, ref)
		if err != nil {
			return 0, err
		}
		return c.ID, nil
	}
	if len(args) > 0 && args[0] == "rule" { // auto-reply rules (backend/autoreply)
		return s.AutoReply.RunCLI(ctx, find, args[1:], stdout)
	}
	return s.Callbacks.RunCLI(ctx, find, args, stdout)
}

// CallbackEndpoints is, for the copy panel, whether WeCom verified each of
// the corp's callback URLs (contact first, then each app) and when its last
// event arrived.
func (s *Services) CallbackEndpoints(ctx context.Context, corpID int64) ([]callback.EndpointStatus, error) {
	c, err := s.Corps.Get(ctx, corpID)
	if err != nil {
		return nil, err
	}
	agents := make([]int64, 0, len(c.Apps))
	for _, a := range c.Apps {
		agents = append(agents, a.AgentID)
	}
	return s.Callbacks.Endpoints(ctx, corpID, agents)
}
