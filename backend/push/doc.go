// Package push routes messages from other systems to WeCom (消息推送).
//
// Other systems POST a message to the intake API (IntakeHandler) with an API
// key. The message is committed to SQLite before the 202 answer, so nothing
// accepted is lost, restarts included. A worker with bounded concurrency
// drains that queue: it matches the message's source against the rules
// (消息推送规则), renders each target's templates into a WeCom message
// (truncating over-long fields with "…" and flagging them), maps accounts to
// userids through confirmed bindings, and sends in chunks of at most 1000
// users. Each chunk is journalled: a chunk marked sent is never sent again,
// and a chunk whose answer was lost in a crash is resent byte for byte with
// WeCom's duplicate check on, so it is delivered once.
//
// Every message × target is one row of the push log (推送日志), searchable by
// time, source, status, recipient and title (SQLite FTS5), recallable
// within WeCom's 24 hours (撤回), and pruned after the retention period.
package push
