package usererr

// checkMessages: the Setup page's connectivity check (backend/corp/check*.go):
// step titles, what each step found, and the fix of a failed step.
var checkMessages = map[string]entry{
	// Step titles.
	"check_title_dns":                 {"解析域名 (DNS)", "Resolve the host (DNS)"},
	"check_title_tcp":                 {"建立连接 (TCP)", "Connect (TCP)"},
	"check_title_tls":                 {"加密握手 (TLS)", "Secure handshake (TLS)"},
	"check_title_secrets":             {"读取已保存的密钥", "Read the stored secrets"},
	"check_title_apps":                {"自建应用", "Self-built apps"},
	"check_title_app_token":           {"应用“{app}”获取 access_token", "App “{app}”: get access_token"},
	"check_title_app_agent":           {"应用“{app}”AgentId 与 Secret 匹配", "App “{app}”: AgentId matches the Secret"},
	"check_title_app_scope":           {"应用“{app}”可见范围", "App “{app}”: visible scope"},
	"check_title_contact_token":       {"通讯录同步 Secret 获取 access_token", "Directory sync Secret: get access_token"},
	"check_title_contact_departments": {"通讯录同步 Secret 读取部门列表", "Directory sync Secret: list departments"},
	"check_title_customer_token":      {"客户联系 Secret 获取 access_token", "Customer contact Secret: get access_token"},
	"check_title_api_ips":             {"企业微信 API IP 清单（用于防火墙）", "WeCom API IP list (for firewall rules)"},

	// What a step found.
	"check_not_checked": {
		"未检查：前一步“{step}”未通过。",
		"Not checked: “{step}” did not pass."},
	"check_error": {
		"请求失败：{error}",
		"The request failed: {error}"},
	"check_wecom_error": {
		"错误码 {errcode} {title}：{errmsg}",
		"errcode {errcode} {titleEn}: {errmsg}"},
	"check_secrets_unreadable": {
		"已保存的密钥无法在本机解密（数据库来自另一台机器，或密钥文件丢失）。",
		"The stored secrets cannot be decrypted on this machine (the database comes from another machine, or the key file is lost)."},
	"check_no_app": {
		"还没有配置自建应用。",
		"No self-built app is configured."},
	"check_token_ok": {
		"成功，有效期 {seconds} 秒",
		"OK, valid for {seconds} s"},
	"check_agent_other": {
		"此 Secret 属于 AgentId {got}（{gotName}），而不是 {want}。",
		"This Secret belongs to AgentId {got} ({gotName}), not {want}."},
	"check_app_disabled": {
		"应用“{app}”已停用。",
		"App “{app}” is disabled."},
	"check_agent_ok": {
		"AgentId {agentId} 是企业微信中的应用“{app}”",
		"AgentId {agentId} is the app “{app}” in WeCom"},
	"check_scope_empty": {
		"可见范围为空：看不到任何部门或成员。",
		"The visible scope is empty: no department or member is visible."},
	"check_scope": {
		"可见 {depts} 个部门、{partial}{members} 名成员{deptless|；只含成员、不含部门，同步时看不到部门结构|}{private|；该应用读不到手机号和邮箱（2022-06-20 后创建的应用），匹配成员将主要依靠姓名|}",
		"{depts|1 department|# departments} and {partial}{members|1 member|# members} visible{deptless|; members only, so sync sees no department structure|}{private|; this app gets no mobile or email (created after 2022-06-20), so matching relies mostly on names|}"},
	"check_scope_partial": {
		"（只统计了前 {counted} 个部门）至少 ",
		"at least (counting the first {counted} departments) "},
	"check_contact_unset": {
		"未配置通讯录同步 Secret（只读模式可不填）",
		"No directory sync Secret (optional when read-only)"},
	"check_contact_departments": {
		"通讯录共 {count} 个部门（权限：{writable|读写|只读}）",
		"{count|1 department|# departments} in the directory (permission: {writable|read-write|read-only})"},
	"check_customer_unset": {
		"未配置客户联系 Secret（可选）",
		"No customer contact Secret (optional)"},
	"check_ips_no_token": {
		"未检查：没有一个 Secret 能获取 access_token。",
		"Not checked: no Secret could get an access_token."},
	"check_api_ips": {
		"{count} 个地址：{ips}。只开放部分出口IP时，请放行这些地址的 443 端口；清单会变化，建议定期重新查看。",
		"{count|1 address|# addresses}: {ips}. If outbound traffic is restricted, allow port 443 to these; the list changes, so look again from time to time."},
	"check_bad_base_url": {
		"API 地址 {url} 不是有效的网址",
		"The API base URL {url} is not a URL"},
	"check_bad_proxy_url": {
		"代理地址不是有效的网址",
		"The proxy URL is not a URL"},
	"check_via_proxy": {
		"（经代理 {proxy}）",
		" (via proxy {proxy})"},
	"check_dns_ip": {
		"{host} 是 IP 地址，无需解析{via}",
		"{host} is an IP address; nothing to resolve{via}"},
	"check_dns_ok": {
		"{host} 解析为 {addrs}{via}",
		"{host} resolves to {addrs}{via}"},
	"check_tcp_ok": {
		"已连接 {addr}（{remote}）{via}",
		"Connected to {addr} ({remote}){via}"},
	"check_tls_na": {
		"不使用 TLS（http 地址，例如模拟器）",
		"Not used (http base URL, e.g. the simulator)"},
	"check_tls_ok": {
		"{version}，证书 {subject}，签发者 {issuer}，有效期至 {until}{via}",
		"{version}, certificate {subject} issued by {issuer}, valid until {until}{via}"},
	"check_tls_ok_plain": {
		"{version}（无证书信息）{via}",
		"{version} (no certificate details){via}"},
	"check_stopped": {
		"“{corp}”的检查已停止。",
		"The check of “{corp}” was stopped."},

	// Fixes.
	"check_fix_secrets": {
		"在“接入配置”中重新填写该企业的各个 Secret、Token 和 EncodingAESKey 后保存，再检查。",
		"Enter the corp's Secrets, Tokens and EncodingAESKeys again in Setup, save, and check again."},
	"check_fix_request": {
		"无法完成请求：查看前面的网络步骤（DNS / TCP / TLS），以及 API 地址和代理设置。",
		"The request did not complete: see the network steps (DNS, TCP, TLS) and the API base URL and proxy settings."},
	"check_fix_wecom": {
		"按错误码 {errcode} 处理：{fix}",
		"For errcode {errcode}: {fixEn}"},
	"check_fix_no_app": {
		"添加至少一个自建应用（AgentId + Secret）：应用管理 → 自建 → 创建应用；读取成员详情、发消息和登录都需要它。",
		"Add at least one self-built app (AgentId + Secret) from the admin console: 应用管理 → 自建 → 创建应用. Reading member details, messages and login need it."},
	"check_fix_corp_id": {
		"企业ID 不对（当前为 {corpId}）：到 我的企业 → 企业信息 → 企业ID 复制正确的值。",
		"The corp ID is wrong (now {corpId}): copy it from the admin console: 我的企业 → 企业信息 → 企业ID."},
	"check_fix_app_secret": {
		"应用“{app}”的 Secret 不对（或已重置、应用已停用）：到 应用管理 → 自建 → {app} → Secret 点“查看”重新获取并粘贴。AgentId 和 Secret 必须来自同一个应用。",
		"App “{app}”'s Secret is wrong, was reset, or the app is disabled: view it again in the admin console (应用管理 → 自建 → {app} → Secret) and paste it. The AgentId and Secret must come from the same app."},
	"check_fix_agent_mismatch": {
		"AgentId 和 Secret 必须来自同一个应用：到 应用管理 → 自建 → 该应用 的同一页面复制 AgentId 和 Secret。",
		"The AgentId and the Secret must come from the same app: copy both from the same page of the admin console (应用管理 → 自建 → the app)."},
	"check_fix_scope": {
		"扩大可见范围：到 应用管理 → 自建 → {app} → 可见范围 添加部门（同步整个企业请选根部门）。同步和登录只看得到可见范围内的部门和成员；只选成员、不选部门时看不到部门结构。",
		"Widen the visible scope in the admin console (应用管理 → 自建 → {app} → 可见范围): add departments, the root for the whole corp. Sync and login only see departments and members in the scope; members alone give no department structure."},
	"check_fix_contact_secret": {
		"通讯录同步 Secret 不对（或已重置）：到 安全与管理 → 管理工具 → 通讯录同步 → Secret 点“查看”重新获取并粘贴。",
		"The directory sync Secret is wrong or was reset: view it again in the admin console (安全与管理 → 管理工具 → 通讯录同步 → Secret) and paste it."},
	"check_fix_customer_secret": {
		"客户联系 Secret 不对（或已重置）：到 客户与上下游 → 客户联系 → API → Secret 点“查看”重新获取。2023-12-01 后新企业须改用自建应用调用客户联系接口。",
		"The customer contact Secret is wrong or was reset: view it again in the admin console (客户联系 → API → Secret). Corps created after 2023-12-01 must use a self-built app instead."},
	"check_fix_endpoint": {
		"在“接入配置”中修正 API 地址或代理。",
		"Correct the API base URL or proxy in Setup."},
	"check_fix_dns": {
		"本机无法解析 {host}：检查服务器的 DNS 设置（/etc/resolv.conf 或网卡 DNS）或 hosts 文件；私有化部署请核对 API 地址。",
		"This machine cannot resolve {host}: check its DNS settings or hosts file; for a private deployment check the API base URL."},
	"check_fix_tcp": {
		"连不上 {addr}：请网络管理员放行本服务器到 {addr} 的出站连接（企业微信 API 的 IP 见最后一步“API IP 清单”）；若必须经代理上网，请在“接入配置”填写代理。",
		"Cannot connect to {addr}: ask the network admin to allow outbound connections to {addr} (WeCom's API IPs are in the last step); if this server needs a proxy, set it in Setup."},
	"check_fix_tls_untrusted": {
		"证书不受信任：网络中可能有解密网关或中间人代理。请把其根证书加入本机系统信任库，或让网关对 qyapi.weixin.qq.com 放行不解密。",
		"Untrusted certificate: a decrypting gateway or proxy may be in the way. Add its root certificate to this machine's trust store, or have it pass qyapi.weixin.qq.com through undecrypted."},
	"check_fix_tls_hostname": {
		"证书与域名不符：核对 API 地址（私有化部署请用证书上的域名，而不是 IP）。",
		"The certificate does not match the host: check the API base URL (for a private deployment use the certificate's host name, not an IP)."},
	"check_fix_tls_proxy": {
		"代理拒绝了连接：核对代理地址、账号密码，以及代理是否允许访问该域名的 443 端口。",
		"The proxy refused: check the proxy address and credentials, and that it allows port 443 to this host."},
	"check_fix_tls": {
		"TLS 握手失败：检查系统时间是否正确、网络是否拦截 HTTPS，或联系网络管理员。",
		"The TLS handshake failed: check the system clock, whether HTTPS is intercepted, or ask the network admin."},
	"check_failed_step": {
		"上次检查未通过：{title}：{detail}",
		"The last check failed: {title}: {detail}"},
}
