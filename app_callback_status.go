package main

import (
	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/contract"
)

// GetCallbackEndpoints tells the copy panel whether WeCom verified each
// callback URL of the corp (last URL check) and when its last event arrived.
func (a *App) GetCallbackEndpoints(corpID int64) ([]callback.EndpointStatus, error) {
	return contract.Result(a.svc.CallbackEndpoints(a.ctx, corpID))
}
