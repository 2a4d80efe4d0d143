package services

import "wecom-bridge/backend/corp"

// wireDependents registers, with the corp service, what every feature keeps
// for a corp or an app, so deleting one lists all of it before asking for the
// typed name. Called once by Open: the list the admin sees is this wiring.
func (s *Services) wireDependents() {
	s.Corps.RegisterCorpDependents(
		corp.Counter{Key: "members", ZH: "已拉取的成员", EN: "pulled members", Count: s.Mirror.CountMembers},
		corp.Counter{Key: "bindings", ZH: "已确认或拒绝的绑定", EN: "confirmed or rejected bindings", Count: s.Review.CountDecisions},
		corp.Counter{Key: "proposals", ZH: "待审核的绑定", EN: "bindings to review", Count: s.Review.CountProposals},
		corp.Counter{Key: "plans", ZH: "同步计划与报告", EN: "sync plans and reports", Count: s.Sync.CountPlans},
		corp.Counter{Key: "schedules", ZH: "定时同步", EN: "sync schedules", Count: s.Sync.CountSchedules},
		corp.Counter{Key: "pushRules", ZH: "推送规则", EN: "push rules", Count: s.Push.CountRulesForCorp},
		corp.Counter{Key: "queuedPushes", ZH: "待发送的推送", EN: "queued pushes", Count: s.Push.CountQueuedForCorp},
	)
	s.Corps.RegisterAppDependents(
		corp.Counter{Key: "pushRules", ZH: "推送规则", EN: "push rules", Count: s.Push.CountRulesForApp},
	)
}
