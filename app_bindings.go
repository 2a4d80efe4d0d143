package main

import (
	"wecom-bridge/backend/contract"
	"wecom-bridge/backend/review"
)

// CountHighConfidence says, per method, how many rows ConfirmHighConfidence
// with minConfidence would confirm now.
func (a *App) CountHighConfidence(corpID int64, minConfidence float64) (review.HighConfidence, error) {
	return contract.Result(a.svc.Review.CountHighConfidence(a.ctx, corpID, minConfidence))
}

// BindingCandidates returns the namesake picker's candidates of one
// ambiguous row, with their details; a ListBindings page carries only their
// ids.
func (a *App) BindingCandidates(corpID, rowID int64) (review.CandidateList, error) {
	return contract.Result(a.svc.Review.Candidates(a.ctx, corpID, rowID))
}
