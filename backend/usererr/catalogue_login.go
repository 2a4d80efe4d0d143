package usererr

// loginMessages: the 登录链接 page, the OpenID Connect provider's clients and
// the pages members see when a sign-in is refused.
var loginMessages = map[string]entry{
	"login_unknown_app": {
		"企业“{corp}”没有 AgentId 为 {agentId} 的应用：请在 接入配置 中添加它，或选择已有的应用",
		"Corp {corp} has no app with AgentId {agentId}: add it in Setup, or choose one of its apps."},
	"login_bad_state": {
		"state：只能是字母和数字，最多 128 个",
		"state: letters and digits only, at most 128."},
	"login_bad_scope": {
		"scope {scope} 不可用：请选择 snsapi_base（静默授权，只取成员账号）或 snsapi_privateinfo（手动授权，可取手机、邮箱，需要 AgentId）",
		"Scope {scope} is not available: choose snsapi_base (silent, userid only) or snsapi_privateinfo (consent; mobile and email; needs the AgentId)."},
	"login_bad_kind": {
		"链接类型 {kind} 不存在：请选择 oauth、qr、qr_old 或 free",
		"Link kind {kind} does not exist: choose oauth, qr, qr_old or free."},
	"login_no_external_base": {
		"还没有填写对外域名：链接里的地址只在本机可用，成员的手机打不开。请在 设置 中填写对外域名，并把它设为应用的可信域名",
		"The external base URL is not set: the links point at this computer only and members' phones cannot open them. Set it in Settings and make it the apps' trusted domain."},
	"login_redirect_not_trusted": {
		"回调地址的域名 {host} 与对外域名 {trusted} 不同：它必须与应用的可信域名完全一致（包括端口），否则企业微信报 50001",
		"The redirect host {host} differs from the external base URL's {trusted}: it must equal the app's trusted domain exactly (port included), else WeCom answers 50001."},
	"login_target_too_long": {
		"网址太长：最多 {max} 个字符（太长的链接做成二维码后无法扫描）",
		"The URL is too long: at most {max} characters (a QR code of a longer link cannot be scanned)."},
	"login_bad_target": {
		"网址 {url} 不是以 http:// 或 https:// 开头的完整地址",
		"{url} is not a full address starting with http:// or https://."},
	"login_no_issuer": {
		"免登链接需要本系统的对外地址：请在 设置 中填写对外域名",
		"A free-login link needs this system's public address: set the external base URL in Settings."},
	"login_bad_qr_size": {
		"二维码尺寸 {size} 不可用：请选择 s、m 或 l",
		"QR size {size} is not available: choose s, m or l."},
	"login_qr_too_long": {
		"二维码内容为空或超过 {max} 个字符",
		"The QR content is empty or longer than {max} characters."},
	"login_bad_verify_name": {
		"文件名 {name} 不是企业微信的校验文件：请上传企业微信管理后台下载的 WW_verify_xxxx.txt，不要改名",
		"{name} is not WeCom's verification file: upload the WW_verify_xxxx.txt downloaded from the WeCom admin console, unrenamed."},
	"login_bad_verify_content": {
		"校验文件内容为空、超过 {max} 字节或含有非文本字符：请上传企业微信下载的原文件",
		"The verification file is empty, longer than {max} bytes or not plain text: upload the file exactly as WeCom gave it."},
	"login_bad_join_size": {
		"二维码尺寸 {size} 不可用：请选择 1（171 像素）、2（399）、3（741）或 4（2052）",
		"Join QR size {size} is not available: choose 1 (171 px), 2 (399), 3 (741) or 4 (2052)."},
	"login_needs_contact_secret": {
		"邀请成员和加入企业二维码需要通讯录同步 Secret：请在 接入配置 中填写",
		"Invitations and the join QR code need the 通讯录同步 secret: enter it in Setup."},
	"login_invite_empty": {
		"请选择要邀请的成员、部门或标签",
		"Choose members, departments or tags to invite."},
	"login_invite_too_many": {
		"一次最多邀请 {users} 个成员、{parties} 个部门、{tags} 个标签：请分批邀请",
		"One invitation takes at most {users} members, {parties} departments and {tags} tags: invite in batches."},
	"oidc_bad_client_name": {
		"名称：请填写 1 到 64 个字符，例如接入系统的名字（Grafana、GitLab）",
		"Name: 1 to 64 characters, for example the system's name (Grafana, GitLab)."},
	"oidc_bad_redirect_uri": {
		"回调地址 {uri} 不是完整的 http(s) 地址，或含有 #：请填写接入系统文档给出的回调地址，例如 https://grafana.example.com/login/generic_oauth",
		"Redirect URI {uri} is not a full http(s) address or has a #: use the callback the system documents, for example https://grafana.example.com/login/generic_oauth."},
	"oidc_no_redirect_uri": {
		"请至少填写一个回调地址（最多 {max} 个）",
		"Enter at least one redirect URI (at most {max})."},
	"oidc_client_not_found": {
		"接入系统 {client} 不存在：请用 oidc client list 查看",
		"No client {client}: see oidc client list."},
	"oidc_no_signing_key": {
		"签名密钥无法读取：数据库可能来自另一台电脑，请轮换签名密钥",
		"The signing key cannot be read (was the database copied from another computer?): rotate the signing key."},
	// The page a member sees when a sign-in or a free-login link is refused (oidc/refuse.go).
	"login_refused_title": {"无法登录", "You cannot sign in"},
	"login_free_link_invalid": {
		"链接无效或已被修改：它不是这个企微桥生成的。请向管理员重新索取链接",
		"This link was not made by this WeCom Bridge or was changed; ask the admin for the link again."},
	"login_free_link_corp_removed": {
		"该链接所属的企业已从企微桥中删除，链接已失效：请向管理员索取新链接",
		"The corp of this link was removed from WeCom Bridge, so the link no longer works; ask the admin for a new one."},
	"login_refused_unbound": {
		"您的企业微信账号（{userid}）还没有绑定本单位的系统账号，所以不能用企业微信登录。请联系 IT 管理员在 企微桥 → 账号绑定 中为您确认绑定。",
		"Your WeCom account ({userid}) is not bound to an account of your organisation, so it cannot sign you in. Ask your IT administrator to confirm your binding in WeCom Bridge → Bindings."},
	"login_refused_unconfirmed": {
		"您的企业微信账号（{userid}）与系统账号 {account} 的绑定还在等待确认。请联系 IT 管理员在 企微桥 → 账号绑定 中确认后再登录。",
		"The binding of your WeCom account ({userid}) to {account} is waiting for review. Ask your IT administrator to confirm it in WeCom Bridge → Bindings, then sign in again."},
	"login_refused_resigned": {
		"系统账号 {account} 已标记为离职，不能登录。如有疑问请联系 IT 管理员。",
		"The account {account} is marked as resigned and cannot sign in. Ask your IT administrator if this is wrong."},
	"login_refused_not_member": {
		"只有本企业的成员可以登录。请用本企业的企业微信账号扫码，或联系 IT 管理员。",
		"Only members of the organisation can sign in. Scan with your organisation's WeCom account, or ask your IT administrator."},
	"login_refused_state": {
		"登录请求已过期或不是从这个浏览器发起的。请回到原来的系统重新点击“企业微信登录”。",
		"The sign-in request expired or was started in another browser. Go back to the system and choose “Sign in with WeCom” again."},
	"login_refused_wecom": {
		"企业微信没有确认您的身份（{detail}）。请重新登录；如果仍然失败，请联系 IT 管理员。",
		"WeCom did not confirm who you are ({detail}). Sign in again; if it keeps failing, ask your IT administrator."},
}
