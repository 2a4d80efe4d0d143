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
	"contact_member_added": {
		"成员 {name}（{userid}）已加入镜像",
		"Member {name} ({userid}) added to the mirror."},
	"contact_member_updated": {
		"成员 {name}（{userid}）已在镜像中更新",
		"Member {name} ({userid}) updated in the mirror."},
	"contact_member_removed": {
		"成员 {userid} 已从镜像中移除",
		"Member {userid} removed from the mirror."},
	"contact_member_renamed": {
		"成员账号 {old} 改为 {new}：镜像已更新，{n} 条绑定随之转移",
		"Userid {old} renamed to {new}: the mirror follows and {n|# binding decision|# binding decisions} moved with it."},
	"contact_dept_updated": {
		"部门 {name}（{id}）已在镜像中更新",
		"Department {name} ({id}) updated in the mirror."},
	"contact_dept_removed": {
		"部门 {id} 已从镜像中移除",
		"Department {id} removed from the mirror."},
	"contact_tag_changed": {
		"标签 {tagId} 有变更（镜像不保存标签，已记录）",
		"Tag {tagId} changed (the mirror keeps no tags; logged)."},
	"contact_read_skipped": {
		"未能读取 {what} 的详情（{detail}）：镜像将在下次拉取通讯录时更新；请确认有应用的可见范围包含它",
		"Could not read {what} ({detail}): the mirror catches up on the next pull; check that an app's visible scope includes it."},
	"contact_bad_id": {
		"回调中的部门 ID {value} 不是数字",
		"The department id {value} in the callback is not a number."},
	"contact_rematched": {
		"账号绑定随即重新匹配",
		"Bindings are rematched right after."},
	"contact_plan_queued": {
		"通讯录安静 {seconds} 秒后将按同步计划设置生成增量同步",
		"An incremental sync follows the schedule settings once contacts are quiet for {seconds} s."},
	"contact_batch_job": {
		"异步任务 {jobId}（{jobType}）完成，错误码 {errCode}",
		"Batch job {jobId} ({jobType}) finished with errcode {errCode}."},
	"contact_external_stored": {
		"客户联系变更（{changeType}）已记录，供客户联系功能使用",
		"External-contact change ({changeType}) stored for the external-contact feature."},
}
