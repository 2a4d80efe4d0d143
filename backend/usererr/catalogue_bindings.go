package usererr

// bindingMessages: the binding review (backend/review, binding).
var bindingMessages = map[string]entry{
	"binding_taken": {
		"账号 {account} 已绑定企业微信成员 {userid}（已确认，方式 {method}，第 {row} 行）：请先解除那一行的绑定，或强制重新绑定以替换它",
		"Account {account} is already bound to WeCom userid {userid} (confirmed, method {method}, row {row}); unbind that row first, or bind again with force to replace it."},
	"binding_taken_wecom": {
		"企业微信成员 {userid} 已绑定账号 {account}（已确认，方式 {method}，第 {row} 行）：请先解除那一行的绑定，或强制重新绑定以替换它",
		"WeCom userid {userid} is already bound to account {account} (confirmed, method {method}, row {row}); unbind that row first, or bind again with force to replace it."},
}
