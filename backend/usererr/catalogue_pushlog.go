package usererr

// pushLogMessages: why a push failed or is partial, what to do, and why it
// cannot be recalled (backend/push: plan.go, deliver.go, settle.go, logs.go),
// shown in the push log and returned by the intake API.
var pushLogMessages = map[string]entry{
	"push_unbound": {
		"{n} 个收件人未绑定，或是未知的部门",
		"{n|1 recipient is|# recipients are} not bound, or unknown departments"},
	"push_none_resolved": {
		"没有可发送的收件人：{n} 个未绑定或未知",
		"No recipient could be resolved: {n} not bound or unknown"},
	"push_no_rule": {
		"没有启用的规则接收来源 {source} 的消息",
		"No enabled rule takes source {source}"},
	"push_render_failed": {
		"消息无法按规则生成：{error}",
		"The message could not be rendered by the rule: {error}"},
	"push_plan_failed": {
		"无法准备消息：{error}",
		"Could not prepare the message: {error}"},
	"push_send_failed": {
		"发送失败：{error}",
		"Sending failed: {error}"},
	"push_chunks_failed": {
		"发送失败（{chunks} 批中有 {failed} 批失败）：{error}",
		"Sending failed ({failed} of {chunks} batches): {error}"},
	"push_fix_bind": {
		"在 账号绑定 中确认这些账号的绑定",
		"Confirm these accounts' bindings on the Bindings page."},
	"push_fix_bind_or_userids": {
		"在 账号绑定 中确认这些账号的绑定，或改用 userids 发送",
		"Confirm these accounts' bindings on the Bindings page, or send userids."},
	"push_fix_add_rule": {
		"在 消息推送 中为该来源（或“全部来源”）新建并启用规则",
		"On the Push page, add and enable a rule for this source (or for all sources)."},
	"push_fix_url": {
		"在规则的推送目标中设置 URL 模板，或让来源系统随消息发送 url",
		"Set the target's URL template, or have the source system send url with the message."},
	"push_fix_plan": {
		"检查规则、企业配置与绑定后重新发送",
		"Check the rules, the corp setup and the bindings, then send again."},
	"push_fix_resend": {
		"重新发送该消息",
		"Send the message again."},
	"push_fix_network": {
		"检查网络与企业微信服务状态后重新发送",
		"Check the network and WeCom's status, then send again."},
	"push_corp_cannot_send": {
		"企业 {corp} 无法发送：{error}；请在 接入配置 中检查",
		"Corp {corp} cannot send: {error}; check it in Setup."},
	"push_app_gone": {
		"企业 {corp} 中已没有 AgentId 为 {agentId} 的应用：请在 接入配置 中添加它，或修改规则",
		"Corp {corp} has no app with AgentId {agentId} any more: add it in Setup or change the rule."},
	"push_recall_done": {
		"已撤回",
		"Already recalled"},
	"push_recall_nothing": {
		"未发送，无可撤回的消息",
		"Nothing was sent, so there is nothing to recall"},
	"push_recall_expired": {
		"已超过 24 小时（发送于 {sentAt}），企业微信只能撤回 24 小时内的消息",
		"Sent more than 24 h ago ({sentAt}); WeCom only recalls messages within 24 h"},
	"push_log_not_found": {
		"推送记录 {id} 不存在（可能已按保留天数清理）",
		"Push log row {id} does not exist (it may have been pruned)."},
	"push_recall_failed": {
		"撤回失败：{error}",
		"The recall failed: {error}"},
	"push_test_content": {
		"这是一条来自企微桥的测试消息",
		"A test message from WeCom Bridge"},
	"push_invalid": {
		"推送内容有误（{field}）：{message}",
		"{field}: {message}"},
	"push_rule_disabled_app_gone": {
		"发送应用“{app}”（AgentId {agentId}）已被删除，规则已停用：请选择另一个应用后重新启用",
		"The app “{app}” (AgentId {agentId}) it sent as was deleted, so the rule was disabled: choose another app and enable it again."},
}
