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
	"push_key_corp_required": {
		"企业：请选择这个密钥推送到哪个企业（一个密钥只能推送到一个企业）",
		"Corp: choose the corp this key pushes into (a key pushes into one corp only)."},
	"push_key_wrong_corp": {
		"API 密钥“{key}”属于企业“{keyCorp}”，不能推送到企业“{corp}”：来源 {source} 的规则只发往“{corp}”。请在 设置 → 集成接口 → API 密钥 中为“{corp}”新建密钥，或为规则添加“{keyCorp}”的推送目标",
		"API key “{key}” belongs to corp “{keyCorp}” and cannot push into corp “{corp}”: the rules for source {source} send only to “{corp}”. Create a key for “{corp}” in Settings → Integrations → API keys, or add a target in “{keyCorp}” to the rule."},
	"push_key_wrong_corp_delivery": {
		"API 密钥“{key}”属于企业“{keyCorp}”，未发送到企业“{corp}”",
		"Not sent: API key “{key}” belongs to corp “{keyCorp}”, not to corp “{corp}”"},
	"push_key_corp_gone_delivery": {
		"API 密钥“{key}”已不属于任何企业（它的企业已删除，或升级时被吊销），消息未发送",
		"Not sent: API key “{key}” no longer belongs to a corp (its corp was deleted, or it was revoked on upgrade)"},
	"push_fix_key_corp": {
		"在 设置 → 集成接口 → API 密钥 中为企业“{corp}”新建密钥，供来源系统使用",
		"Create a key for corp “{corp}” in Settings → Integrations → API keys for the sending system."},
	"push_key_revoked_corp_deleted": {
		"企业“{corp}”已删除，该密钥随之吊销",
		"Revoked because its corp “{corp}” was deleted."},
	"push_key_revoked_no_corp": {
		"升级时无法确定该密钥属于哪个企业（当时有 {corps} 个企业，且它未曾只推送到其中一个），已吊销：请为每个企业新建密钥",
		"Revoked on upgrade: it could not be given one corp ({corps} corps configured, and it had not pushed into exactly one of them). Create one key per corp."},
}
