package services

import (
	"context"
	"fmt"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/syncer"
)

// The getting-started steps each feature has landed so far.
func init() {
	stepSources["connect"] = func(ctx context.Context, s *Services) (progress, error) {
		list, err := s.Corps.List(ctx)
		if err != nil {
			return progress{}, err
		}
		demo, checked := 0, 0
		for _, c := range list {
			if c.Demo {
				demo++
			}
			if s.checkPassed(ctx, c.ID) {
				checked++
			}
		}
		// Done once a corp's connectivity check passed, not when a corp merely exists.
		p := progress{count: len(list), done: checked > 0, detail: fmt.Sprintf("%d corp(s)", len(list)),
			facts: map[string]int{"corps": len(list), "checked": checked}}
		if demo > 0 {
			p.detail += fmt.Sprintf(", %d demo", demo)
			p.facts["demo"] = demo
		}
		return p, nil
	}
	stepSources["import"] = func(ctx context.Context, s *Services) (progress, error) {
		page, err := s.Directory.ListAccounts(ctx, directory.Query{Status: "active", Limit: 1})
		if err != nil {
			return progress{}, err
		}
		return progress{count: page.Total, done: page.Total > 0, detail: fmt.Sprintf("%d active account(s)", page.Total),
			facts: map[string]int{"active": page.Total}}, nil
	}
	stepSources["bind"] = func(ctx context.Context, s *Services) (progress, error) {
		c, err := s.Corps.Active(ctx)
		if err != nil || c == nil {
			return progress{}, err
		}
		sum, err := s.Review.Summary(ctx, c.ID)
		if err != nil {
			return progress{}, err
		}
		// Done when pairs are confirmed and none waits for a person.
		return progress{count: sum.Confirmed, done: sum.Confirmed > 0 && sum.ToConfirm == 0 && sum.Ambiguous == 0,
			detail: fmt.Sprintf("%d confirmed, %d to review, %d ambiguous", sum.Confirmed, sum.ToConfirm, sum.Ambiguous),
			facts:  map[string]int{"confirmed": sum.Confirmed, "toReview": sum.ToConfirm, "ambiguous": sum.Ambiguous}}, nil
	}
	syncStep := func(kind string) progressSource {
		return func(ctx context.Context, s *Services) (progress, error) {
			c, err := s.Corps.Active(ctx)
			if err != nil || c == nil {
				return progress{}, err
			}
			page, err := s.Sync.Runs(ctx, c.ID, syncer.HistoryQuery{Kind: kind, Limit: 1})
			if err != nil {
				return progress{}, err
			}
			return progress{count: page.Total, done: page.Total > 0,
				detail: fmt.Sprintf("%d sync(s) %s", page.Total, map[string]string{"": "previewed", "run": "applied"}[kind]),
				facts:  map[string]int{"syncs": page.Total}}, nil
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
