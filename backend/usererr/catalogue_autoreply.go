package usererr

// autoreplyMessages: auto-reply rules for app messages (回调 → 自动回复) and
// the push rules' card-click webhooks (回调 → 卡片按钮).
var autoreplyMessages = map[string]entry{
	"autoreply_name": {
		"规则名称：请填写 1 到 {max} 个字符",
		"Rule name: enter 1 to {max} characters."},
	"autoreply_action": {
		"用户动作 {value} 无效：请选择 发送文字 或 发送图片",
		"User action {value} is not valid; choose text or image."},
	"autoreply_match": {
		"匹配方式 {value} 无效：请选择 包含、开头、结束、完全匹配 或 直接托管",
		"Match {value} is not valid; choose contains, prefix, suffix, exact or hosted."},
	"autoreply_keyword_missing": {
		"关键字：包含、开头、结束和完全匹配需要一个关键字；要回复任何文字请选择 直接托管",
		"Keyword: contains, prefix, suffix and exact need a keyword; to answer any text choose hosted."},
	"autoreply_keyword_long": {
		"关键字有 {n} 个字符，最多 {max} 个：请缩短它",
		"Keyword: {n} characters, at most {max}; shorten it."},
	"autoreply_keyword_control": {
		"关键字不能包含换行或控制字符",
		"Keyword: line breaks and control characters are not allowed."},
	"autoreply_reply_missing": {
		"回复内容：请填写匹配后回复给成员的文字",
		"Reply: enter the text sent back to the member when the rule matches."},
	"autoreply_reply_long": {
		"回复内容有 {n} 个字符，最多 {max} 个：请缩短它",
		"Reply: {n} characters, at most {max}; shorten it."},
	"autoreply_reply_control": {
		"回复内容只能包含文字、换行和链接，不能包含其他控制字符",
		"Reply: only text, line breaks and links are allowed, no other control characters."},
	"autoreply_priority": {
		"优先级 {value} 无效：请填写 {min} 到 {max} 之间的整数（数字越小越先匹配）",
		"Priority {value} is not valid: enter a whole number from {min} to {max} (smaller matches first)."},
	"autoreply_priority_text": {
		"优先级 {value} 不是整数：请填写 {min} 到 {max} 之间的整数，不支持小数",
		"Priority {value} is not a whole number: enter {min} to {max}; decimals are not allowed."},
	"autoreply_app_not_found": {
		"应用（编号 {id}）不存在：它可能已被删除，请刷新页面后重新选择应用",
		"The app (id {id}) does not exist: it may have been deleted; reload the page and choose the app again."},
	"autoreply_agent_not_found": {
		"企业 {corp} 没有 AgentId 为 {agent} 的应用：请先在 接入配置 中添加它",
		"Corp {corp} has no app with AgentId {agent}: add it in Setup first."},
	"autoreply_rule_not_found": {
		"自动回复规则 {id} 不存在：它可能已被删除，请刷新列表",
		"Auto-reply rule {id} does not exist: it may have been deleted; reload the list."},
	"autoreply_too_many": {
		"该应用已有 {max} 条自动回复规则：请先删除不用的规则",
		"This app already has {max} auto-reply rules: delete unused ones first."},
	"autoreply_try_long": {
		"试一试的消息有 {n} 个字符，最多 {max} 个",
		"The sample message has {n} characters, at most {max}."},
	"autoreply_delete_none": {
		"请至少选择一条要删除的规则",
		"Select at least one rule to delete."},
	"autoreply_delete_many": {
		"一次最多删除 {max} 条规则",
		"Delete at most {max} rules at a time."},
	"webhook_url_invalid": {
		"Webhook 地址 {url} 不是 http(s) 地址：请填写来源系统接收按钮点击的完整地址，例如 https://oa.example.com/wecom/click",
		"Webhook URL {url} is not an http(s) URL: enter the full address where the source system receives button clicks, e.g. https://oa.example.com/wecom/click."},
	"webhook_rule_not_found": {
		"推送规则 {id} 不存在：它可能已被删除，请刷新列表",
		"Push rule {id} does not exist: it may have been deleted; reload the list."},
	"cbapp_no_rule": {
		"未自动回复：应用回调开关关闭，或没有匹配这条{type}消息的启用规则",
		"No auto-reply: the app's callback switch is off, or no enabled rule matches this {type} message."},
	"cbapp_replied": {
		"已按规则“{rule}”（编号 {id}）被动回复",
		"Replied (passive reply) by rule \"{rule}\" (id {id})."},
	"cbapp_enter_agent": {
		"成员 {user} 进入应用（已记录）",
		"Member {user} entered the app (logged)."},
	"cbapp_logged": {
		"已记录（{type} 事件无需处理）",
		"Logged ({type} needs no action)."},
	"cbapp_click_unmatched": {
		"按钮点击的 TaskId {task} 不是本桥推送的卡片：仅记录",
		"The click's TaskId {task} is not a card this bridge sent: logged only."},
	"cbapp_click": {
		"成员 {user} 点击了“{button}”（推送日志 #{delivery}）",
		"Member {user} clicked \"{button}\" (push log #{delivery})."},
	"cbapp_card_updated": {
		"卡片已更新",
		"Card updated."},
	"cbapp_card_failed": {
		"卡片更新失败：{error}。可在事件列表中重放此事件",
		"The card update failed: {error}. Replay the event from the list."},
	"cbapp_webhook_pending": {
		"已排队转发到来源系统的 Webhook",
		"Queued for the source system's webhook."},
	"cbapp_webhook_delivered": {
		"已转发到来源系统的 Webhook",
		"Delivered to the source system's webhook."},
	"cbapp_webhook_failed": {
		"转发到来源系统的 Webhook 失败",
		"Delivery to the source system's webhook failed."},
}
