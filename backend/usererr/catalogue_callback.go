package usererr

// callbackMessages: the callback receiver, its event log and what contact
// changes did (backend/callback, backend/contactsync).
var callbackMessages = map[string]entry{
	"callback_event_not_found": {
		"没有编号为 {id} 的回调事件：请用 callbacks list 查看编号（事件保留期过后会被清理）",
		"No callback event {id}: see `callbacks list` for ids (events past the retention are removed)."},
	"callback_replay_not_failed": {
		"回调事件 {id} 的状态是 {state}，只有处理失败的事件可以重放",
		"Callback event {id} is {state}; only failed events can be replayed."},
	"callback_bad_state": {
		"状态 {value} 无效：请使用 received、processed、duplicate 或 failed",
		"State {value} is not valid; use received, processed, duplicate or failed."},
	"callback_process_failed": {
		"处理回调事件失败（{detail}）：排除原因后可在 回调 页面或用 callbacks replay 重放",
		"Processing the callback failed ({detail}); fix the cause, then replay it on the Callbacks page or with `callbacks replay`."},
	"callback_effect_logged": {
		"已记录，无需处理",
		"Logged; nothing to do."},
}
