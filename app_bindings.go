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
