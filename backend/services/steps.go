package services

import (
	"context"
	"fmt"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/syncer"
)

// The getting-started steps each feature has landed so far.
func init() {
	stepSources["connect"] = func(ctx context.Context, s *Services) (int, string, error) {
		list, err := s.Corps.List(ctx)
		if err != nil {
			return 0, "", err
		}
		demo := 0
		for _, c := range list {
			if c.Demo {
				demo++
			}
		}
		if demo > 0 {
			return len(list), fmt.Sprintf("%d corp(s), %d demo", len(list), demo), nil
		}
		return len(list), fmt.Sprintf("%d corp(s)", len(list)), nil
	}
	stepSources["import"] = func(ctx context.Context, s *Services) (int, string, error) {
		page, err := s.Directory.ListAccounts(ctx, directory.Query{Status: "active", Limit: 1})
		if err != nil {
			return 0, "", err
		}
		return page.Total, fmt.Sprintf("%d active account(s)", page.Total), nil
	}
	stepSources["bind"] = func(ctx context.Context, s *Services) (int, string, error) {
		c, err := s.Corps.Active(ctx)
		if err != nil || c == nil {
			return 0, "", err
		}
		sum, err := s.Review.Summary(ctx, c.ID)
		if err != nil {
			return 0, "", err
		}
		return sum.Confirmed, fmt.Sprintf("%d confirmed, %d to review, %d ambiguous", sum.Confirmed, sum.ToConfirm, sum.Ambiguous), nil
	}
	syncStep := func(kind string) progressSource {
		return func(ctx context.Context, s *Services) (int, string, error) {
			c, err := s.Corps.Active(ctx)
			if err != nil || c == nil {
				return 0, "", err
			}
			page, err := s.Sync.Runs(ctx, c.ID, syncer.HistoryQuery{Kind: kind, Limit: 1})
			if err != nil {
				return 0, "", err
			}
			return page.Total, fmt.Sprintf("%d sync(s) %s", page.Total, map[string]string{"": "previewed", "run": "applied"}[kind]), nil
		}
	}
	stepSources["preview"] = syncStep("")
	stepSources["apply"] = syncStep("run")
	activeCorpSource = func(ctx context.Context, s *Services) (*CorpBadge, error) {
		c, err := s.Corps.Active(ctx)
		if err != nil || c == nil {
			return nil, err
		}
		return &CorpBadge{ID: c.ID, Name: c.Name, CorpID: c.CorpID, Demo: c.Demo}, nil
	}
}
