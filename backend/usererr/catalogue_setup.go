package usererr

// setupFields: what each field of the Setup forms is, its format and where
// its value is found (backend/corp/fieldhelp.go): field_<form>_<field>,
// with _format and _where.
var setupFields = map[string]entry{
	"field_corp_name":        {"名称", "Name"},
	"field_corp_name_format": {"1–64 个字符", "1–64 characters"},
	"field_corp_name_where": {
		"自己起的名字，显示在顶部，例如公司简称",
		"Any name you like, shown in the header, e.g. the company's short name"},
	"field_corp_corp_id":        {"企业ID", "Corp ID"},
	"field_corp_corp_id_format": {"ww 或 wx + 16 位十六进制", "ww or wx + 16 hex characters"},
	"field_corp_corp_id_where": {
		"企业微信管理后台 → 我的企业 → 企业信息 → 企业ID（页面底部）",
		"WeCom admin console → 我的企业 (My Company) → 企业信息 → 企业ID (bottom of the page)"},
	"field_corp_api_base_url":        {"API 地址", "API base URL"},
	"field_corp_api_base_url_format": {"http(s)://主机[:端口]", "http(s)://host[:port]"},
	"field_corp_api_base_url_where": {
		"公有云保持默认 https://qyapi.weixin.qq.com；私有化部署或政务微信填写其 API 服务地址（问服务商或运维）",
		"Keep https://qyapi.weixin.qq.com for the public cloud; for a private deployment enter its API address, which the vendor or ops can tell you"},
	"field_corp_proxy_url":        {"HTTP 代理", "HTTP proxy"},
	"field_corp_proxy_url_format": {"http://主机:端口 或 socks5://主机:端口（可选）", "http://host:port or socks5://host:port (optional)"},
	"field_corp_proxy_url_where": {
		"服务器只能经代理上网时填写，例如 http://proxy.corp:3128；留空表示直连",
		"Only if this server reaches the internet through a proxy, e.g. http://proxy.corp:3128; empty = direct"},
	"field_corp_contact_permission":        {"通讯录权限", "Directory permission"},
	"field_corp_contact_permission_format": {"read（只读）或 write（读写）", "read or write"},
	"field_corp_contact_permission_where": {
		"只读：以企业微信为准，只从企业微信读取；读写：还可把本地通讯录同步到企业微信，需要通讯录同步 Secret",
		"Read-only: WeCom is the source of truth and is only read. Read-write: local changes may be synced to WeCom; needs the 通讯录同步 Secret"},
	"field_corp_contact_secret":        {"通讯录同步 Secret", "Directory sync Secret"},
	"field_corp_contact_secret_format": {"43 位字母、数字、- 或 _", "43 letters, digits, - or _"},
	"field_corp_contact_secret_where": {
		"管理后台 → 安全与管理 → 管理工具 → 通讯录同步 → Secret（点“查看”，在企业微信中接收）",
		"Admin console → 安全与管理 → 管理工具 → 通讯录同步 → Secret → 查看; the value arrives in the WeCom app"},
	"field_corp_customer_secret":        {"客户联系 Secret", "Customer contact Secret"},
	"field_corp_customer_secret_format": {"43 位字母、数字、- 或 _（可选）", "43 letters, digits, - or _ (optional)"},
	"field_corp_customer_secret_where": {
		"管理后台 → 客户与上下游 → 客户联系 → API → Secret（点“查看”）",
		"Admin console → 客户与上下游 → 客户联系 → API → Secret → 查看"},
	"field_corp_callback_token":        {"通讯录回调 Token", "Directory callback Token"},
	"field_corp_callback_token_format": {"1–32 位字母或数字", "1–32 letters or digits"},
	"field_corp_callback_token_where": {
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → Token（可在此处生成后粘贴过去，两边须一致）",
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → Token (generate it here and paste it there; both sides must match)"},
	"field_corp_callback_aes_key":        {"通讯录回调 EncodingAESKey", "Directory callback EncodingAESKey"},
	"field_corp_callback_aes_key_format": {"43 位字母或数字", "43 letters or digits"},
	"field_corp_callback_aes_key_where": {
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → EncodingAESKey（两边须一致）",
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → EncodingAESKey (both sides must match)"},
	"field_app_name":        {"应用名称", "App name"},
	"field_app_name_format": {"1–64 个字符", "1–64 characters"},
	"field_app_name_where": {
		"应用管理 → 自建 → 应用名称（也可自己起名）",
		"应用管理 → 自建 → the app's name (or any name you like)"},
	"field_app_agent_id":        {"应用 AgentId", "AgentId"},
	"field_app_agent_id_format": {"整数，例如 1000002", "a whole number like 1000002"},
	"field_app_agent_id_where": {
		"应用管理 → 自建 → 应用 → AgentId",
		"Admin console → 应用管理 → 自建 → the app → AgentId"},
	"field_app_secret":        {"应用 Secret", "App Secret"},
	"field_app_secret_format": {"43 位字母、数字、- 或 _", "43 letters, digits, - or _"},
	"field_app_secret_where": {
		"应用管理 → 自建 → 应用 → Secret（点“查看”，在企业微信中接收）",
		"Admin console → 应用管理 → 自建 → the app → Secret → 查看; the value arrives in the WeCom app"},
	"field_app_callback_token":        {"消息回调 Token", "Message callback Token"},
	"field_app_callback_token_format": {"1–32 位字母或数字", "1–32 letters or digits"},
	"field_app_callback_token_where": {
		"应用管理 → 自建 → 应用 → 接收消息 → 设置API接收 → Token（两边须一致）",
		"应用管理 → 自建 → the app → 接收消息 → 设置API接收 → Token (both sides must match)"},
	"field_app_callback_aes_key":        {"消息回调 EncodingAESKey", "Message callback EncodingAESKey"},
	"field_app_callback_aes_key_format": {"43 位字母或数字", "43 letters or digits"},
	"field_app_callback_aes_key_where": {
		"应用管理 → 自建 → 应用 → 接收消息 → 设置API接收 → EncodingAESKey（两边须一致）",
		"应用管理 → 自建 → the app → 接收消息 → 设置API接收 → EncodingAESKey (both sides must match)"},
	"field_app_home_url":        {"应用主页", "App home page"},
	"field_app_home_url_format": {"http(s)://…（可选）", "http(s)://… (optional)"},
	"field_app_home_url_where": {
		"本系统的网址；填好后到 应用管理 → 自建 → 应用 → 应用主页 设置（见“复制面板”）",
		"This system's web address; then set it under 应用管理 → 自建 → the app → 应用主页 (see the copy panel)"},
	"field_settings_external_base_url":        {"对外域名", "External base URL"},
	"field_settings_external_base_url_format": {"https://主机[:端口][/路径]", "https://host[:port][/path]"},
	"field_settings_external_base_url_where": {
		"本系统在公网（私有化企业微信可为内网）可访问的地址，企业微信用它回调、跳转；域名须备案并设为应用的可信域名",
		"Where WeCom can reach this system (public; an intranet address is fine for a private deployment). Used for callbacks and redirects; must be the apps' trusted domain"}}

// setupMessages: the Setup page's field errors, copy panel, deletes and the
// `corp` CLI (backend/corp).
var setupMessages = map[string]entry{
	"field_name_empty":    {"请填写名称。", "Enter a name."},
	"field_name_too_long": {"最多 {max} 个字符，当前 {n} 个。", "At most {max} characters; this has {n}."},
	"field_corp_id_empty": {"请填写企业ID。", "Enter the corp ID."},
	"field_corp_id_bad": {
		"应为 ww 或 wx 开头、后跟 16 位十六进制字符（共 18 位），例如 ww1234567890abcdef；当前是 {n} 位{looks}。",
		"Must be ww or wx followed by 16 hex characters (18 in all), e.g. ww1234567890abcdef; this has {n} characters{looks}."},
	"field_secret_empty": {"请填写 Secret。", "Enter the Secret."},
	"field_secret_bad": {
		"应为 43 位字母、数字、- 或 _；当前是 {n} 位{looks}。请在管理后台重新“查看”并完整复制。",
		"Must be 43 letters, digits, - or _; this has {n} characters{looks}. View it again in the admin console and copy all of it."},
	"field_looks_corp_id":  {"，看起来像企业ID", ", which looks like a corp ID"},
	"field_looks_secret":   {"，看起来像 Secret", ", which looks like a Secret"},
	"field_looks_agent_id": {"，看起来像 AgentId", ", which looks like an AgentId"},
	"field_token_bad": {
		"应为 1–32 位英文字母或数字；当前是 {n} 位或含其他字符。可点“生成”获取新的 Token。",
		"Must be 1–32 letters or digits; this has {n} characters or others. Click Generate for a new Token."},
	"field_aes_key_bad": {
		"应为恰好 43 位字母或数字（base64，不含 = 号）；当前是 {n} 位。可点“生成”获取新的 EncodingAESKey。",
		"Must be exactly 43 letters or digits (base64 without =); this has {n}. Click Generate for a new EncodingAESKey."},
	"field_aes_key_missing": {
		"已填 Token，还需填写 EncodingAESKey（两者一起使用）。",
		"A Token is set; the EncodingAESKey is needed too (they work together)."},
	"field_token_missing": {
		"已填 EncodingAESKey，还需填写 Token（两者一起使用）。",
		"An EncodingAESKey is set; the Token is needed too (they work together)."},
	"field_url_empty": {"请填写网址，例如 https://bridge.example.com。", "Enter a URL, e.g. https://bridge.example.com."},
	"field_url_bad": {
		"应为 http:// 或 https:// 开头的完整网址，例如 https://bridge.example.com。",
		"Must be a full URL starting with http:// or https://, e.g. https://bridge.example.com."},
	"field_url_query": {"不能带 ? 或 # 之后的部分。", "Must not have a ?query or #fragment."},
	"field_proxy_bad": {
		"格式应为 http://主机:端口，例如 http://proxy.corp:3128。",
		"Must look like http://host:port, e.g. http://proxy.corp:3128."},
	"field_proxy_scheme":   {"只支持 http、https 或 socks5 代理。", "Only http, https and socks5 proxies are supported."},
	"field_agent_empty":    {"请填写 AgentId，例如 1000002。", "Enter the AgentId, e.g. 1000002."},
	"field_agent_bad":      {"AgentId 必须是整数，例如 1000002。", "AgentId must be a whole number like 1000002."},
	"field_permission_bad": {"请选择 read（只读）或 write（读写）。", "Choose read or write."},
	"field_contact_secret_for_write": {
		"“读写”权限需要通讯录同步 Secret；只读可以不填。",
		"Read-write needs the directory sync Secret; read-only does not."},
	"field_secret_host_moved": {
		"{error}（{what}换了主机：已保存的 Secret 不会发往新地址，请重新填写。）",
		"{error} ({whatEn} points to another host: the stored secret is not sent there; enter it again.)"},
	"host_api_base": {"API 地址", "The API base URL"},
	"host_proxy":    {"代理", "The proxy"},

	"secret_key_mismatch": {
		"保存的密钥无法解密（加密密钥 {stored} 不是本机的密钥 {ours}，数据库可能是从其他电脑复制来的）：请重新填写各个 Secret、Token 和 EncodingAESKey。",
		"The stored secret was encrypted with key {stored}, not this machine's key {ours} (was the database copied from another computer?): enter the secrets again."},
	"secret_damaged": {
		"保存的密钥已损坏，无法读取：请重新填写该 Secret。",
		"The stored secret is damaged and cannot be read: enter it again."},

	"corp_id_taken": {
		"该企业ID已配置为“{name}”，请直接编辑它。",
		"This corp ID is already configured as “{name}”; edit that one instead."},
	"agent_id_taken": {
		"该企业已有 AgentId 为 {agentId} 的应用“{name}”，请直接编辑它。",
		"This corp already has an app with AgentId {agentId} (“{name}”); edit that one instead."},
	"app_not_found": {
		"应用 {id} 不存在（可能已被删除）：请刷新列表。",
		"App {id} does not exist (it may have been deleted); reload the list."},
	"corp_ref_not_found": {
		"没有企业 {ref}：请给出它的 ID、企业ID（ww…）或名称（见 corp list）",
		"No corp {ref}: give its id, corp ID (ww…) or name (see corp list)"},
	"corp_needs_secrets": {
		"企业“{corp}”保存的密钥无法在本机读取：请在 接入配置 中重新填写各个 Secret、Token 和 EncodingAESKey。",
		"The stored secrets of corp “{corp}” cannot be read on this machine: enter the Secrets, Tokens and EncodingAESKeys again in Setup."},

	// The copy panel (backend/corp/copy.go).
	"copy_external_unset": {
		"请先在“基础设置”中填写对外域名（企业微信和成员浏览器访问本系统的地址），下面的网址才能使用。",
		"Set the external base URL (where WeCom and members' browsers reach this system) first; until then the URLs below are placeholders."},
	"copy_corp_id": {"企业ID", "Corp ID"},
	"copy_corp_id_where": {
		"其他系统需要企业ID时使用（我的企业 → 企业信息 → 企业ID）",
		"For other systems that ask for the corp ID (我的企业 → 企业信息 → 企业ID)"},
	"copy_contact_callback": {"通讯录变更回调 URL", "Directory change callback URL"},
	"copy_contact_callback_where": {
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → URL（Token 和 EncodingAESKey 填本系统中保存的同一对）",
		"In the admin console (管理工具 → 通讯录同步 → 设置接收事件服务器 → URL), with the same Token and EncodingAESKey as saved here"},
	"copy_trusted_domain": {"可信域名", "Trusted domain"},
	"copy_trusted_domain_where": {
		"应用管理 → 自建 → 每个应用 → 网页授权及JS-SDK → 设置可信域名（须与 OAuth 回调域名完全一致，含端口；并完成域名归属校验）",
		"For each app in the admin console (应用管理 → 自建 → the app → 网页授权及JS-SDK → 设置可信域名); it must match the OAuth redirect host exactly, port included, and its ownership must be verified"},
	"copy_app_callback": {"“{app}”消息回调 URL", "“{app}” message callback URL"},
	"copy_app_callback_where": {
		"应用管理 → 自建 → {app} → 接收消息 → 设置API接收 → URL（Token/EncodingAESKey 与本系统一致）",
		"In the admin console (应用管理 → 自建 → {app} → 接收消息 → 设置API接收 → URL), with the same Token and EncodingAESKey as here"},
	"copy_app_home": {"“{app}”应用主页", "“{app}” home page"},
	"copy_app_home_where": {
		"应用管理 → 自建 → {app} → 应用主页 → 设置（网页地址）",
		"In the admin console (应用管理 → 自建 → {app} → 应用主页), as a web address"},
	"copy_app_oauth_home": {"“{app}”免登录主页（OAuth）", "“{app}” single sign-on home (OAuth)"},
	"copy_app_oauth_home_where": {
		"需要成员打开应用即自动登录时，用它代替上面的应用主页（应用管理 → 自建 → {app} → 应用主页）；redirect_uri 已 URL 编码，否则会报 50001",
		"Use instead of the plain home page when members should be signed in automatically (应用管理 → 自建 → {app} → 应用主页); redirect_uri is URL-encoded, else WeCom answers 50001"},

	// What depends on a corp or an app (backend/corp/dependents.go).
	"dependent_apps":         {"自建应用 {n} 个", "{n|1 app|# apps}"},
	"dependent_members":      {"已拉取的成员 {n} 名", "{n|1 pulled member|# pulled members}"},
	"dependent_bindings":     {"已确认或拒绝的绑定 {n} 条", "{n|1 confirmed or rejected binding|# confirmed or rejected bindings}"},
	"dependent_proposals":    {"待审核的绑定 {n} 条", "{n|1 binding|# bindings} to review"},
	"dependent_plans":        {"同步计划与报告 {n} 份", "{n|1 sync plan or report|# sync plans and reports}"},
	"dependent_schedules":    {"定时同步 {n} 个", "{n|1 sync schedule|# sync schedules}"},
	"dependent_pushRules":    {"推送规则 {n} 条", "{n|1 push rule|# push rules}"},
	"dependent_queuedPushes": {"待发送的推送 {n} 条", "{n|1 queued push|# queued pushes}"},
	"dependent_apiKeys":      {"API 密钥 {n} 个（吊销而不删除）", "{n|1 API key|# API keys} (revoked, not deleted)"},
	"dependent_other":        {"{key} {n} 项", "{key}: {n}"},
	"delete_confirm_corp":    {"输入企业名称“{name}”确认删除。", "Type the name “{name}” to delete this corp."},
	"delete_confirm_app":     {"输入应用名称“{name}”确认删除。", "Type the name “{name}” to delete this app."},
	"delete_in_use_corp": {
		"企业“{name}”仍被使用：{items}。输入名称确认后将一并删除。",
		"Corp “{name}” is in use ({itemsEn}); type its name to delete it together with these."},
	"delete_in_use_app": {
		"应用“{name}”仍被使用：{items}。输入名称确认后，用它发送的推送规则将被停用并注明原因。",
		"App “{name}” is in use ({itemsEn}); type its name to delete it: the push rules that send as it are then disabled with a note."},
	"deleted_corp": {"已删除企业“{name}”。", "Deleted corp “{name}”."},
	"deleted_app":  {"已删除应用“{name}”。", "Deleted app “{name}”."},

	// The `corp` CLI (backend/corp/cli*.go).
	"corp_cli_missing_command": {"corp：缺少命令（add、list、check 或 remove）", "corp: missing command (add, list, check or remove)"},
	"corp_cli_unknown_command": {"corp：未知命令 {cmd}（可用 add、list、check 或 remove）", "corp: unknown command {cmd} (want add, list, check or remove)"},
	"corp_cli_none":            {"还没有配置企业。用 wecom-bridge corp add 添加。", "No corp yet: add one with wecom-bridge corp add."},
	"corp_cli_check_head":      {"连通性检查：{corp}", "Connectivity check: {corp}"},
	"corp_cli_fix":             {"修复：{fix}", "Fix: {fix}"},
	"corp_cli_all_passed":      {"全部通过（{ms} 毫秒）", "All passed ({ms} ms)"},
	"corp_cli_failed":          {"{n} 项未通过（{ms} 毫秒）", "{n|1 step|# steps} failed ({ms} ms)"},
	"corp_cli_check_failed": {
		"“{corp}”的连通性检查有 {n} 项未通过：处理办法见上面",
		"The connectivity check of “{corp}”: {n|1 step|# steps} failed; see the fixes above"},
	"corp_cli_no_corp":      {"还没有配置企业：用 wecom-bridge corp add 添加", "No corp configured: add one with wecom-bridge corp add"},
	"corp_cli_one_corp":     {"请只给一个企业（ID、企业ID或名称），而不是 {n} 个", "Give one corp (id, corp ID or name), not {n}."},
	"corp_cli_removed_demo": {"已删除演示企业。", "Removed the demo corp."},
	"corp_cli_remove_which": {
		"corp remove：请给出要删除的企业（ID、企业ID或名称；见 corp list）",
		"corp remove: give the corp to remove (id, corp ID or name; see corp list)"},
	"corp_cli_confirm_mismatch": {
		"企业“{corp}”未删除：--confirm {typed} 不是它的名称",
		"Corp “{corp}” was not removed: --confirm {typed} is not its name"},
	"corp_cli_type_name": {"输入企业名称确认删除：", "Type the corp's name to confirm: "},
	"corp_cli_not_removed": {
		"企业“{corp}”未删除（输入的名称不一致；脚本请用 --confirm 名称）",
		"Corp “{corp}” was not removed (the name typed did not match; scripts pass --confirm NAME)"},
	"corp_cli_bad_pair": {"{value}：应为 键=值", "{value}: want KEY=VALUE"},
	"corp_cli_stdin_line": {
		"--secrets-stdin 第 {line} 行：应为 键=值（此处不显示值）",
		"--secrets-stdin line {line}: want KEY=VALUE (the value is not shown here)"},
	"corp_cli_unexpected_arg": {
		"corp add：多余的参数 {arg}；Secret 只能通过环境变量或 --secrets-stdin 提供，不能写在参数里",
		"corp add: unexpected {arg}; secrets go in environment variables or --secrets-stdin, never in arguments"},
	"corp_cli_nothing_saved": {"未保存：上面有 {n} 个问题", "Nothing saved: {n|1 problem|# problems} above"},
	"corp_cli_app_not_saved": {"应用 {app} 未保存：上面有 {n} 个问题", "App {app} not saved: {n|1 problem|# problems} above"},
	"corp_cli_added":         {"已添加：{corp}（id {id}）", "Added: {corp} (id {id})"},
	"corp_cli_updated":       {"已更新：{corp}（id {id}）", "Updated: {corp} (id {id})"},
	"corp_cli_app_saved":     {"  应用：{app}（AgentId {agentId}）", "  App: {app} (AgentId {agentId})"},
	"corp_cli_generated_head": {
		"新生成的回调密钥（只显示这一次，请粘贴到企业微信管理后台）：",
		"Generated callback keys (shown once; paste them into the WeCom admin console):"},
	"corp_cli_generated_contact": {"通讯录回调：Token={token} EncodingAESKey={aesKey}", "Directory callback: Token={token} EncodingAESKey={aesKey}"},
	"corp_cli_generated_app":     {"应用 {app}（{agentId}）消息回调：Token={token} EncodingAESKey={aesKey}", "App {app} ({agentId}) message callback: Token={token} EncodingAESKey={aesKey}"},
	"corp_cli_next":              {"下一步：wecom-bridge corp check {id}", "Next: wecom-bridge corp check {id}"},
	"corp_cli_trimmed":           {"{what}：已去掉粘贴带入的空白或不可见字符：{fields}", "{what}: cleaned pasted whitespace in: {fields}"},
	"corp_cli_where":             {"在哪里找：{where}", "Where: {where}"},
}
