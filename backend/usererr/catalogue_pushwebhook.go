package usererr

// pushWebhookMessages: the forwarding of template-card button clicks to a
// push rule's webhook (backend/push: webhook_deliver.go, log_webhook.go),
// shown in the push log's Webhook column and on the 回调 page's 卡片按钮 tab.
var pushWebhookMessages = map[string]entry{
	"push_webhook_http": {
		"源系统回应 HTTP {status}",
		"The source system answered HTTP {status}"},
	"push_webhook_network": {
		"连不上源系统：{detail}",
		"Could not reach the source system: {detail}"},
	"push_webhook_no_url": {
		"规则已没有 Webhook 地址",
		"The rule has no webhook URL any more"},
	"push_webhook_secret": {
		"无法读取规则的 Webhook 密钥：在 回调 页面的“卡片按钮”中为该规则更换密钥",
		"The rule's webhook secret cannot be read: rotate it on the Callbacks page (Card buttons)"},
	"push_webhook_retrying": {
		"第 {attempts} 次未送达，{next} 自动重试（最多 {max} 次）",
		"Attempt {attempts} failed; retrying automatically at {next} (at most {max} attempts)"},
	"push_webhook_gave_up": {
		"已尝试 {attempts} 次，不再自动重试：请检查源系统是否在线，以及 回调 页面“卡片按钮”中该规则的 Webhook 地址",
		"Gave up after {attempts} attempts: check that the source system is up and the rule's webhook URL on the Callbacks page (Card buttons)"},
	"push_webhook_gave_up_signature": {
		"已尝试 {attempts} 次，不再自动重试：源系统拒绝了请求，请核对它验签用的密钥与 回调 页面“卡片按钮”中该规则的密钥一致",
		"Gave up after {attempts} attempts: the source system refused the request; check that it verifies the signature with the rule's secret (Callbacks page, Card buttons)"},
}
