package main

import (
	"wecom-bridge/backend/contract"
	"wecom-bridge/backend/syncer"
)

// ListPendingPreviews lists the previews a schedule or a contact callback
// made and did not apply on its own, of one corp (0: of every corp), for the
// home page and the Sync page banners.
func (a *App) ListPendingPreviews(corpID int64) ([]syncer.PendingPreview, error) {
	return contract.Result(a.svc.Sync.PendingPreviews(a.ctx, corpID))
}

// DiscardPendingPreview stops a pending preview from waiting for the admin
// (it stays in the history).
func (a *App) DiscardPendingPreview(planID int64) error {
	return a.svc.Sync.DiscardPreview(a.ctx, planID, a.svc.Actor)
}
