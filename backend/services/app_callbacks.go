package services

import (
	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/callbackapps"
)

// appCallbacks is what app callbacks do: auto-replies and card clicks.
func (s *Services) appCallbacks() callback.AppHandler {
	return &callbackapps.Handler{Replies: s.AutoReply, Push: s.Push}
}
