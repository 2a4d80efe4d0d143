// Package syncer plans and applies directory syncs between the organisation's
// own directory and WeCom, in either direction (云桥 4.2–4.3):
//
//   - to-wecom (以本地为准): the local directory is the truth; the plan changes
//     WeCom through the 通讯录同步 secret.
//   - from-wecom (以企业微信为准): WeCom is the truth; the plan changes the
//     local directory through a LocalWriter the caller provides.
//
// Nothing is written while planning. A plan is a persisted list of operations
// with before/after values and a reason each, a fingerprint of what it was
// computed from and a safety verdict. Apply refuses a stale or unsafe plan,
// then journals every operation in SQLite before and after it runs, so a
// crash or a cancel resumes where it stopped: every WeCom write is idempotent
// (60102 on create becomes an update, 60111 on delete counts as done, 60008 on
// a department create adopts the existing department).
//
// The package does not import the directory, mirror or binding packages: the
// caller gathers Inputs from them and implements the small interfaces here.
package syncer
