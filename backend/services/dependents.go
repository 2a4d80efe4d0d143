package services

import (
	"context"

	"wecom-bridge/backend/corp"
)

// wireDependents registers, with the corp service, what every feature keeps
// for a corp or an app, so deleting one lists all of it before asking for the
// typed name. Called once by Open: the list the admin sees is this wiring.
func (s *Services) wireDependents() {
	s.Corps.RegisterCorpDependents(
		corp.Counter{Key: "members", Count: s.Mirror.CountMembers},
		corp.Counter{Key: "bindings", Count: s.Review.CountDecisions},
		corp.Counter{Key: "proposals", Count: s.Review.CountProposals},
		corp.Counter{Key: "plans", Count: s.Sync.CountPlans},
		corp.Counter{Key: "schedules", Count: s.Sync.CountSchedules},
		corp.Counter{Key: "pushRules", Count: s.Push.CountRulesForCorp},
		corp.Counter{Key: "queuedPushes", Count: s.Push.CountQueuedForCorp},
		corp.Counter{Key: "apiKeys", Count: s.Push.CountAPIKeysForCorp},
	)
	s.Corps.RegisterCorpDeletedHooks(s.Push.ForgetCorp)
	s.Corps.RegisterAppDeleteHooks(func(ctx context.Context, appID int64) error {
		_, err := s.Push.DisableRulesForApp(ctx, appID)
		return err
	})
	s.Corps.RegisterAppDependents(
		corp.Counter{Key: "pushRules", Count: s.Push.CountRulesForApp},
	)
}
