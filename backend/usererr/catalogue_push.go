package usererr

// pushMessages: push rules, settings, the intake API and test messages.
var pushMessages = map[string]entry{
	"no_admin_account": {
		"还没有设置接收测试消息的管理员账号：请在 设置 → 推送 中填写您自己的本地账号（需已绑定企业微信成员）",
		"No admin account is set for test messages: in Settings → Push, enter your own local account (bound to your WeCom member)."},
	"admin_unbound": {
		"管理员账号 {account} 还没有绑定该企业的企业微信成员：请先在 账号绑定 中确认它的绑定",
		"The admin account {account} is not bound to a WeCom member of this corp: confirm its binding in Bindings first."},
	"setting_out_of_range": {
		"{field} {value} 超出范围：请填写 1 到 {max}",
		"{fieldEn}: {value} is out of range; use 1 to {max}."},
	"bad_intake_addr": {
		"监听地址 {addr} 不是 主机:端口 的格式（例如 {example}）",
		"Listen address {addr} is not host:port (for example {example})."},
	"bad_intake_port": {
		"监听端口 {port} 必须是 0 到 65535 之间的数字",
		"Listen port {port} must be a number from 0 to 65535."},
	"template_unclosed": {
		"{text} 中的 {open} 没有对应的 {close}",
		"{text} opens {open} without closing {close}."},
	"template_bad_placeholder": {
		"{name} 不是可用的占位符：请使用 {known} 或 data 中的键",
		"{name} is not a placeholder; use {known} or a data key."},
	"intake_listen": {
		"接入接口无法监听 {addr}（{detail}）：端口可能被其他程序占用，请在 设置 → 集成接口 中换一个地址",
		"The intake API cannot listen on {addr} ({detail}): another program may be using the port; choose another address in Settings → Integrations."},
	"bad_key_name": {
		"名称：请给密钥起一个 1 到 64 个字符的名字，例如使用它的系统名",
		"Name: give the key a name of 1 to 64 characters, for example the system that will use it."},
}
