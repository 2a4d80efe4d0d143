package main

import (
	"context"

	"wecom-bridge/backend/configaudit"
	"wecom-bridge/backend/contract"
	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/jobs"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/push"
	"wecom-bridge/backend/review"
	"wecom-bridge/backend/services"
	"wecom-bridge/backend/syncer"
)

// App is the facade bound to the window (Wails) and to serve mode's RPC.
// One exported method per UI action; each only delegates to backend/services.
// Lifecycle hooks are unexported so they are not bound.
type App struct {
	ctx context.Context
	svc *services.Services
}

// NewApp wraps the services.
func NewApp(svc *services.Services) *App {
	return &App{ctx: context.Background(), svc: svc}
}

// startup receives the Wails context (desktop only).
func (a *App) startup(ctx context.Context) { a.ctx = ctx }

// GetAppInfo returns the version, data directory, database size and mode.
func (a *App) GetAppInfo() (services.AppInfo, error) { return contract.Result(a.svc.AppInfo(a.ctx)) }

// SetLanguage persists the UI language ("zh-CN" or "en").
func (a *App) SetLanguage(lang string) error { return a.svc.SetLanguage(a.ctx, lang) }

// GetStartStatus reports the five getting-started steps and the active corp.
func (a *App) GetStartStatus() (services.StartStatus, error) {
	return contract.Result(a.svc.StartStatus(a.ctx))
}

// MarkUIReady is called once by the frontend after it has mounted.
func (a *App) MarkUIReady() { a.svc.MarkUIReady() }

// --- Setup (接入配置) ---

// ListCorps returns every corp with its apps; secrets appear only as ••••abcd.
func (a *App) ListCorps() ([]corp.Corp, error) { return contract.Result(a.svc.Corps.List(a.ctx)) }

// SaveCorp creates (ID 0) or updates a corp; field errors come back in the result.
func (a *App) SaveCorp(in corp.CorpInput) (corp.SaveResult, error) {
	return contract.Result(a.svc.Corps.SaveCorp(a.ctx, in))
}

// SaveApp creates (ID 0) or updates a self-built app of a corp.
func (a *App) SaveApp(in corp.AppInput) (corp.SaveResult, error) {
	return contract.Result(a.svc.Corps.SaveApp(a.ctx, in))
}

// DeleteCorp deletes a corp once typedName is its name; otherwise it lists what depends on it.
func (a *App) DeleteCorp(id int64, typedName string) (corp.Dependents, error) {
	return contract.Result(a.svc.Corps.DeleteCorp(a.ctx, id, typedName))
}

// DeleteApp deletes an app once typedName is its name; otherwise it lists what depends on it.
func (a *App) DeleteApp(id int64, typedName string) (corp.Dependents, error) {
	return contract.Result(a.svc.Corps.DeleteApp(a.ctx, id, typedName))
}

// SetActiveCorp makes a corp the one shown in the header and used by every page.
func (a *App) SetActiveCorp(id int64) error { return a.svc.Corps.SetActive(a.ctx, id) }

// CheckCorp runs the read-only connectivity check (progress: "corp:check").
func (a *App) CheckCorp(id int64) (*corp.CheckResult, error) {
	return contract.Result(a.svc.CheckCorp(a.ctx, id))
}

// GetCopyValues returns the values to paste into the WeCom admin console.
func (a *App) GetCopyValues(id int64) (*corp.CopyPanel, error) {
	return contract.Result(a.svc.Corps.CopyValues(a.ctx, id))
}

// GetExternalBaseURL returns the external base URL (对外域名) callbacks are built from.
func (a *App) GetExternalBaseURL() (string, error) {
	return contract.Result(a.svc.Corps.ExternalBaseURL(a.ctx))
}

// SetExternalBaseURL stores the external base URL (对外域名).
func (a *App) SetExternalBaseURL(v string) (corp.SaveResult, error) {
	return contract.Result(a.svc.Corps.SetExternalBaseURL(a.ctx, v))
}

// GenerateCallbackKeys returns a random Token and EncodingAESKey, as the WeCom console does.
func (a *App) GenerateCallbackKeys() corp.CallbackKeys {
	return contract.Filled(a.svc.Corps.GenerateCallbackKeys())
}

// GetFieldHelp says, for every field, where to find it in the WeCom admin console.
func (a *App) GetFieldHelp() []corp.FieldInfo { return contract.Filled(corp.FieldHelp()) }

// StartDemo starts the in-process simulator and configures the demo corp.
func (a *App) StartDemo() (*corp.Corp, error) { return contract.Result(a.svc.StartDemo(a.ctx)) }

// RemoveDemo stops the simulator and deletes the demo corp and what depends on it.
func (a *App) RemoveDemo() error { return a.svc.Corps.RemoveDemo(a.ctx) }

// --- Long jobs (pull, rematch, apply, imports, exports) ---

// GetJob returns one job: its state, progress and, once it ended, its result or error.
func (a *App) GetJob(id string) (jobs.Job, error) { return contract.Result(a.svc.Jobs.Get(id)) }

// ListJobs returns the jobs a filter selects (running first), so a page that reopens finds its job.
func (a *App) ListJobs(f jobs.Filter) []jobs.Job { return contract.Filled(a.svc.Jobs.List(f)) }

// CancelJob stops one job (a sync run stays resumable, a pull keeps the previous mirror).
func (a *App) CancelJob(id string) error { return a.svc.Jobs.Cancel(id) }

// --- WeCom pull ---

// PullCorp starts reading the corp's WeCom contacts (agentID 0: its first app) and returns its job id.
func (a *App) PullCorp(corpID, agentID int64) (jobs.Started, error) {
	return contract.Result(a.svc.StartPull(corpID, agentID, a.svc.Actor))
}

// GetMirrorSummary returns what the last pull brought in (counts, pulled_at, privacy flag).
func (a *App) GetMirrorSummary(corpID int64) (*mirror.Summary, error) {
	return contract.Result(a.svc.Mirror.Summary(a.ctx, corpID))
}

// ListPullRuns returns the corp's recent pulls, newest first.
func (a *App) ListPullRuns(corpID int64, limit int) ([]mirror.Run, error) {
	return contract.Result(a.svc.Mirror.Runs(a.ctx, corpID, limit))
}

// ListMirrorUsers pages through pulled WeCom members (search, department filter).
func (a *App) ListMirrorUsers(corpID int64, q mirror.Query) (*mirror.Page, error) {
	return contract.Result(a.svc.Mirror.ListUsers(a.ctx, corpID, q))
}

// --- Local directory (本地通讯录) ---

// PreviewDirectoryImport compares an uploaded file (POST /api/upload) with the directory; nothing changes yet.
func (a *App) PreviewDirectoryImport(uploadID, fileName string, fullSnapshot bool) (*services.ImportPreview, error) {
	return contract.Result(a.svc.PreviewDirectoryImport(a.ctx, uploadID, fileName, fullSnapshot))
}

// ApplyDirectoryImport starts applying exactly a reviewed preview (confirmResignCount when it was flagged); job result: what changed.
func (a *App) ApplyDirectoryImport(previewID int64, confirmResignCount int) (jobs.Started, error) {
	return contract.Result(a.svc.StartDirectoryImport(previewID, confirmResignCount, a.svc.Actor))
}

// ListDirectoryAccounts pages through local accounts (search, department, status, sort).
func (a *App) ListDirectoryAccounts(q directory.Query) (directory.AccountPage, error) {
	return contract.Result(a.svc.Directory.ListAccounts(a.ctx, q))
}

// GetDirectoryTree returns the local department tree with member counts.
func (a *App) GetDirectoryTree() ([]*directory.DeptNode, error) {
	return contract.Result(a.svc.Directory.DepartmentTree(a.ctx))
}

// AddDirectoryAccount creates a local account.
func (a *App) AddDirectoryAccount(in directory.AccountInput) (directory.Account, error) {
	return contract.Result(a.svc.Directory.AddAccount(a.ctx, in))
}

// UpdateDirectoryAccount edits a local account.
func (a *App) UpdateDirectoryAccount(id int64, in directory.AccountInput) (directory.Account, error) {
	return contract.Result(a.svc.Directory.UpdateAccount(a.ctx, id, in))
}

// ResignDirectoryAccount marks a local account resigned.
func (a *App) ResignDirectoryAccount(id int64) (directory.Account, error) {
	return contract.Result(a.svc.Directory.ResignAccount(a.ctx, id))
}

// ReinstateDirectoryAccount makes a resigned account active again.
func (a *App) ReinstateDirectoryAccount(id int64) (directory.Account, error) {
	return contract.Result(a.svc.Directory.ReinstateAccount(a.ctx, id))
}

// AddDirectoryDepartment creates a department under parentID (0: a root).
func (a *App) AddDirectoryDepartment(parentID int64, name string) (directory.Department, error) {
	return contract.Result(a.svc.Directory.AddDepartment(a.ctx, parentID, name))
}

// RenameDirectoryDepartment renames a department.
func (a *App) RenameDirectoryDepartment(id int64, name string) (directory.Department, error) {
	return contract.Result(a.svc.Directory.RenameDepartment(a.ctx, id, name))
}

// MoveDirectoryDepartment moves a department under another (cycles are refused).
func (a *App) MoveDirectoryDepartment(id, newParentID int64) (directory.Department, error) {
	return contract.Result(a.svc.Directory.MoveDepartment(a.ctx, id, newParentID))
}

// DeleteDirectoryDepartment deletes an empty department.
func (a *App) DeleteDirectoryDepartment(id int64) error {
	return a.svc.Directory.DeleteDepartment(a.ctx, id)
}

// ExportDirectory starts writing the directory as "csv" or "xlsx" with a "zh" or "en" header; job result: the file.
func (a *App) ExportDirectory(format, lang string) (jobs.Started, error) {
	return contract.Result(a.svc.StartExportDirectory(format, lang, a.svc.Actor))
}

// --- Binding review (账号绑定) ---

// RematchBindings starts recomputing the corp's proposals from the directory and the last pull (job result: the summary).
func (a *App) RematchBindings(corpID int64) (jobs.Started, error) {
	return contract.Result(a.svc.StartRematch(corpID, a.svc.Actor))
}

// GetBindingSummary returns the header counts of the review page.
func (a *App) GetBindingSummary(corpID int64) (review.Summary, error) {
	return contract.Result(a.svc.Review.Summary(a.ctx, corpID))
}

// ListBindings pages through review rows (filter, search, method, sort).
func (a *App) ListBindings(corpID int64, q review.Query) (review.Page, error) {
	return contract.Result(a.svc.Review.List(a.ctx, corpID, q))
}

// ConfirmBindings confirms the given rows.
func (a *App) ConfirmBindings(corpID int64, rowIDs []int64) (int, error) {
	return contract.Result(a.svc.Review.Confirm(a.ctx, corpID, rowIDs, a.svc.Actor))
}

// RejectBindings rejects the given rows; a rejected pair is never proposed again.
func (a *App) RejectBindings(corpID int64, rowIDs []int64) (int, error) {
	return contract.Result(a.svc.Review.Reject(a.ctx, corpID, rowIDs, a.svc.Actor))
}

// ConfirmHighConfidence confirms every proposed key or name+department match at or above minConfidence.
func (a *App) ConfirmHighConfidence(corpID int64, minConfidence float64) (int, error) {
	return contract.Result(a.svc.Review.ConfirmHighConfidence(a.ctx, corpID, minConfidence, a.svc.Actor))
}

// BindManual binds an account to a member by hand (force replaces an existing binding).
func (a *App) BindManual(corpID int64, account, userid string, force bool) error {
	return a.svc.Review.BindManual(a.ctx, corpID, account, userid, a.svc.Actor, force)
}

// UnbindBindings unbinds rows; more than one needs confirmCount equal to their number.
func (a *App) UnbindBindings(corpID int64, rowIDs []int64, confirmCount int) (int, error) {
	return contract.Result(a.svc.Review.Unbind(a.ctx, corpID, rowIDs, a.svc.Actor, confirmCount))
}

// ResolveAmbiguous picks one candidate of an ambiguous row.
func (a *App) ResolveAmbiguous(corpID, rowID int64, chosen string) error {
	return a.svc.Review.ResolveAmbiguous(a.ctx, corpID, rowID, chosen, a.svc.Actor)
}

// SearchBindingLocals searches local accounts for the manual-bind picker.
func (a *App) SearchBindingLocals(corpID int64, q string, limit int) ([]review.Person, error) {
	return contract.Result(a.svc.Review.SearchLocals(a.ctx, corpID, q, limit))
}

// SearchBindingMembers searches WeCom members for the manual-bind picker.
func (a *App) SearchBindingMembers(corpID int64, q string, limit int) ([]review.Person, error) {
	return contract.Result(a.svc.Review.SearchMembers(a.ctx, corpID, q, limit))
}

// CreateLocalAccountsForUnbound creates and binds local accounts for unbound WeCom members.
func (a *App) CreateLocalAccountsForUnbound(corpID int64) (int, error) {
	return contract.Result(a.svc.CreateLocalAccountsForUnbound(a.ctx, corpID, a.svc.Actor))
}

// GetBindingAudit pages through the binding audit log.
func (a *App) GetBindingAudit(corpID int64, q review.AuditQuery) (review.AuditPage, error) {
	return contract.Result(a.svc.Review.Audit(a.ctx, corpID, q))
}

// ExportBindings starts writing the review rows as "csv" or "xlsx"; job result: the file.
func (a *App) ExportBindings(corpID int64, format string, q review.Query) (jobs.Started, error) {
	return contract.Result(a.svc.StartExportBindings(corpID, format, q, a.svc.Actor))
}

// PreviewBindingImport reads an uploaded bindings file keyed by account, employee_no, mobile or email.
func (a *App) PreviewBindingImport(corpID int64, uploadID, fileName, keyField string) (review.ImportPreview, error) {
	return contract.Result(a.svc.PreviewBindingImport(a.ctx, corpID, uploadID, fileName, keyField))
}

// ApplyBindingImport starts applying exactly a reviewed bindings import of the corp; job result: how many pairs it bound.
func (a *App) ApplyBindingImport(corpID, previewID int64) (jobs.Started, error) {
	return contract.Result(a.svc.StartBindingImport(corpID, previewID, a.svc.Actor))
}

// --- Sync (同步预览 / 同步记录) ---

// PlanSync starts previewing a sync ("from-wecom" or "to-wecom") as a job;
// its result is the stored plan. Nothing is written.
func (a *App) PlanSync(corpID int64, direction string) (jobs.Started, error) {
	return contract.Result(a.svc.StartPlanSync(corpID, syncer.Direction(direction), a.svc.Actor))
}

// GetSyncPlan returns a stored plan with its summary and safety verdict.
func (a *App) GetSyncPlan(planID int64) (*syncer.Plan, error) {
	return contract.Result(a.svc.Sync.GetPlan(a.ctx, planID))
}

// ListSyncPlanOps pages through a plan's operations (type, state, search).
func (a *App) ListSyncPlanOps(planID int64, q syncer.OpQuery) (*syncer.OpPage, error) {
	return contract.Result(a.svc.Sync.PlanOps(a.ctx, planID, q))
}

// GetSyncPlanTree returns one level of the plan's department tree diff ("" for the roots).
func (a *App) GetSyncPlanTree(planID int64, parentKey string) ([]*syncer.TreeNode, error) {
	return contract.Result(a.svc.Sync.PlanTree(a.ctx, planID, parentKey))
}

// ApplySync starts applying exactly the reviewed plan and returns its job id (progress: "sync:progress", rows: "sync:op");
// a blocked plan needs its typed number of removals and of creates (-1: none). CancelJob stops it; it can then be resumed.
// A stale, blocked or stopped plan, or one whose numbers are not confirmed, comes back as the outcome.
func (a *App) ApplySync(planID int64, confirmRemovals, confirmCreates int) (services.ApplyStart, error) {
	return contract.Result(a.svc.StartApply(planID, syncer.Confirm{Removals: confirmRemovals, Creates: confirmCreates}, a.svc.Actor))
}

// ResumeSyncRun starts continuing an interrupted, cancelled or failed run and returns its job id.
func (a *App) ResumeSyncRun(runID int64) (jobs.Started, error) {
	return contract.Result(a.svc.StartResume(runID, a.svc.Actor))
}

// GetSyncRun returns one run with its counts.
func (a *App) GetSyncRun(runID int64) (*syncer.Run, error) {
	return contract.Result(a.svc.Sync.GetRun(a.ctx, runID))
}

// ListSyncHistory pages through previews and runs (同步记录).
func (a *App) ListSyncHistory(corpID int64, q syncer.HistoryQuery) (*syncer.HistoryPage, error) {
	return contract.Result(a.svc.Sync.Runs(a.ctx, corpID, q))
}

// GetSyncOptions returns a direction's options (top department, leavers, scope, safety, schedule).
func (a *App) GetSyncOptions(corpID int64, direction string) (syncer.Options, error) {
	return contract.Result(a.svc.Sync.GetOptions(a.ctx, corpID, syncer.Direction(direction)))
}

// SetSyncOptions stores a direction's options and reloads the schedule.
func (a *App) SetSyncOptions(corpID int64, direction string, o syncer.Options) error {
	return a.svc.SetSyncOptions(a.ctx, corpID, syncer.Direction(direction), o)
}

// ExportSyncPlan starts writing a plan as "json" or "xlsx"; job result: the file.
func (a *App) ExportSyncPlan(planID int64, format string) (jobs.Started, error) {
	return contract.Result(a.svc.StartExportSyncPlan(planID, format, a.svc.Actor))
}

// ExportSyncReport starts writing a run's report as "json" or "xlsx"; job result: the file.
func (a *App) ExportSyncReport(runID int64, format string) (jobs.Started, error) {
	return contract.Result(a.svc.StartExportSyncReport(runID, format, a.svc.Actor))
}

// --- Message push (消息推送 / 推送日志) ---

// ListPushRules returns every push rule with its targets.
func (a *App) ListPushRules() ([]push.Rule, error) {
	return contract.Result(a.svc.Push.ListRules(a.ctx))
}

// SavePushRule creates (ID 0) or updates a rule; limits are checked on save.
func (a *App) SavePushRule(r push.Rule) (push.Rule, error) {
	return contract.Result(a.svc.SavePushRule(a.ctx, r))
}

// DeletePushRule deletes a rule (its log rows stay).
func (a *App) DeletePushRule(id int64) error { return a.svc.Push.DeleteRule(a.ctx, id) }

// SetPushRuleEnabled turns a rule on or off.
func (a *App) SetPushRuleEnabled(id int64, enabled bool) error {
	return a.svc.Push.SetRuleEnabled(a.ctx, id, enabled)
}

// PreviewPushRule renders a rule's targets for a sample message (live card preview).
func (a *App) PreviewPushRule(r push.Rule, sample push.Input) []push.Preview {
	return contract.Filled(a.svc.Push.PreviewRule(r, sample))
}

// SamplePushInput is a sample message for a source, for the preview.
func (a *App) SamplePushInput(source string) push.Input {
	return contract.Filled(push.SampleInput(source))
}

// SendPushTest sends a rule's sample to the admin's own bound account.
func (a *App) SendPushTest(ruleID int64) ([]push.LogRow, error) {
	return contract.Result(a.svc.Push.SendTest(a.ctx, ruleID))
}

// ListPushLogs pages through the push log (time, source, status, recipient, title search).
func (a *App) ListPushLogs(q push.Query) (push.Page, error) {
	return contract.Result(a.svc.Push.ListLogs(a.ctx, q))
}

// GetPushLog returns one delivery with its recipients.
func (a *App) GetPushLog(id int64) (push.LogDetail, error) {
	return contract.Result(a.svc.Push.GetLog(a.ctx, id))
}

// RecallPush recalls deliveries (only within 24 hours).
func (a *App) RecallPush(ids []int64) ([]push.RecallResult, error) {
	return contract.Result(a.svc.Push.Recall(a.ctx, ids, a.svc.Actor))
}

// GetPushStats returns sent/failed counts per "day" or "source" between two dates.
func (a *App) GetPushStats(from, to, groupBy string) ([]push.StatsBucket, error) {
	return contract.Result(a.svc.PushStats(a.ctx, from, to, groupBy))
}

// GetPushSettings returns the intake settings (listener, strict sources, retention).
func (a *App) GetPushSettings() (push.Settings, error) {
	return contract.Result(a.svc.Push.Settings(a.ctx))
}

// SavePushSettings stores the intake settings.
func (a *App) SavePushSettings(s push.Settings) error { return a.svc.SavePushSettings(a.ctx, s) }

// CreateAPIKey creates an intake API key that pushes into corp corpID, with
// its permissions (@all, departments); its secret is shown once.
func (a *App) CreateAPIKey(corpID int64, name string, perms push.KeyPermissions) (services.NewAPIKey, error) {
	return contract.Result(a.svc.CreateAPIKey(a.ctx, corpID, name, perms))
}

// ListConfigAudit returns the newest 200 configuration changes (API base
// URL, proxy, secrets set or cleared, intake settings, key permissions), without values.
func (a *App) ListConfigAudit() ([]configaudit.Entry, error) {
	return contract.Result(configaudit.List(a.ctx, a.svc.Store.DB, "", 200))
}

// ListAPIKeys lists the intake API keys of every corp, with their corp (never their secrets).
func (a *App) ListAPIKeys() ([]push.APIKey, error) {
	return contract.Result(a.svc.Push.ListAPIKeys(a.ctx, 0))
}

// RevokeAPIKey revokes an intake API key.
func (a *App) RevokeAPIKey(id int64) error { return a.svc.Push.RevokeAPIKey(a.ctx, id) }

// GetPushAdminAccount returns the local account that receives test messages.
func (a *App) GetPushAdminAccount() (string, error) {
	return contract.Result(a.svc.PushAdminAccount(a.ctx))
}

// SetPushAdminAccount sets the local account that receives test messages.
func (a *App) SetPushAdminAccount(account string) error {
	return a.svc.SetPushAdminAccount(a.ctx, account)
}
