package main

import (
	"time"

	"wecom-bridge/backend/autoreply"
	"wecom-bridge/backend/callback"
	"wecom-bridge/backend/callbackapps"
	"wecom-bridge/backend/contract"
	"wecom-bridge/backend/push"
)

// --- 回调: the event log, auto-reply rules, card buttons ---

// ListCallbackEvents returns the callback log, newest first, filtered by corp, app, type, state and time.
func (a *App) ListCallbackEvents(f callback.Filter) ([]callback.Event, error) {
	return contract.Result(a.svc.Callbacks.List(a.ctx, f))
}

// ReplayCallbackEvent processes a failed event again.
func (a *App) ReplayCallbackEvent(id int64) (callback.Event, error) {
	return contract.Result(a.svc.Callbacks.Replay(a.ctx, id))
}

// CallbackDayCounts counts a corp's callback events per day (received, processed, failed, duplicate, refused).
func (a *App) CallbackDayCounts(corpRef int64, days int) ([]callbackapps.DayCount, error) {
	return contract.Result(callbackapps.DayCounts(a.ctx, a.svc.Store.DB, corpRef, days, time.Now()))
}

// ListAutoReplyRules lists a corp's auto-reply rules (app, search, enabled filters).
func (a *App) ListAutoReplyRules(f autoreply.Filter) ([]autoreply.Rule, error) {
	return contract.Result(a.svc.AutoReply.List(a.ctx, f))
}

// SaveAutoReplyRule creates (id 0) or updates an auto-reply rule; the error names the field.
func (a *App) SaveAutoReplyRule(in autoreply.RuleInput) (autoreply.Rule, error) {
	return contract.Result(a.svc.AutoReply.Save(a.ctx, in))
}

// SetAutoReplyRuleEnabled turns a rule on or off.
func (a *App) SetAutoReplyRuleEnabled(id int64, enabled bool) (autoreply.Rule, error) {
	return contract.Result(a.svc.AutoReply.SetEnabled(a.ctx, id, enabled))
}

// DeleteAutoReplyRules deletes rules (batch delete) and returns how many went.
func (a *App) DeleteAutoReplyRules(ids []int64) (int, error) {
	return contract.Result(a.svc.AutoReply.Delete(a.ctx, ids))
}

// ListAutoReplyApps lists a corp's apps with their 是否开启应用回调 switch and rule counts.
func (a *App) ListAutoReplyApps(corpRef int64) ([]autoreply.AppSwitch, error) {
	return contract.Result(a.svc.AutoReply.Switches(a.ctx, corpRef))
}

// SetAutoReplySwitch turns an app's 是否开启应用回调 on or off.
func (a *App) SetAutoReplySwitch(appRef int64, enabled bool) error {
	return a.svc.AutoReply.SetSwitch(a.ctx, appRef, enabled)
}

// TryAutoReply shows which rule a sample message hits and its reply.
func (a *App) TryAutoReply(appRef int64, action, text string) (autoreply.TryResult, error) {
	return contract.Result(a.svc.AutoReply.Try(a.ctx, appRef, action, text))
}

// ListCardWebhooks lists the push rules with their card-click webhook (secret masked).
func (a *App) ListCardWebhooks() ([]push.RuleWebhook, error) {
	return contract.Result(a.svc.Push.ListRuleWebhooks(a.ctx))
}

// SetCardWebhook sets or removes a rule's webhook URL; a new secret is returned once.
func (a *App) SetCardWebhook(ruleID int64, url string, rotate bool) (push.RuleWebhook, error) {
	return contract.Result(a.svc.Push.SetRuleWebhook(a.ctx, ruleID, url, rotate))
}

// ListCardClicks lists a corp's template-card clicks with the card update and webhook state.
func (a *App) ListCardClicks(corpRef int64) ([]push.CardClick, error) {
	return contract.Result(a.svc.Push.ListCardClicks(a.ctx, corpRef, 200))
}
