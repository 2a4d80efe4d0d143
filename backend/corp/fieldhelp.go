package corp

// Field names as they appear in CorpInput/AppInput JSON and in FieldError.Field.
const (
	FieldName              = "name"
	FieldCorpID            = "corpId"
	FieldAPIBaseURL        = "apiBaseUrl"
	FieldProxyURL          = "proxyUrl"
	FieldContactPermission = "contactPermission"
	FieldContactSecret     = "contactSecret"
	FieldCustomerSecret    = "customerSecret"
	FieldCallbackToken     = "callbackToken"
	FieldCallbackAESKey    = "callbackAesKey"
	FieldAgentID           = "agentId"
	FieldSecret            = "secret"
	FieldHomeURL           = "homeUrl"
	FieldExternalBaseURL   = "externalBaseUrl"
)

// Forms that FieldHelp entries belong to.
const (
	FormCorp     = "corp"
	FormApp      = "app"
	FormSettings = "settings"
)

// FieldInfo tells the admin what a field is and where to find its value.
type FieldInfo struct {
	Form    string `json:"form"`  // corp | app | settings
	Field   string `json:"field"` // e.g. "corpId"
	Label   string `json:"label"`
	LabelEN string `json:"labelEn"`
	Format  string `json:"format"` // e.g. "ww + 16 hex"
	Where   string `json:"where"`  // path in the WeCom admin console (or in this app)
	WhereEN string `json:"whereEn"`
}

var fieldHelp = []FieldInfo{
	{FormCorp, FieldName, "名称", "Name", "1–64 个字符 / 1–64 characters",
		"自己起的名字，显示在顶部，例如公司简称", "Any name you like, shown in the header, e.g. the company's short name"},
	{FormCorp, FieldCorpID, "企业ID", "Corp ID", "ww 或 wx + 16 位十六进制 / ww or wx + 16 hex characters",
		"企业微信管理后台 → 我的企业 → 企业信息 → 企业ID（页面底部）",
		"WeCom admin console → 我的企业 (My Company) → 企业信息 → 企业ID (bottom of the page)"},
	{FormCorp, FieldAPIBaseURL, "API 地址", "API base URL", "http(s)://host[:port]",
		"公有云保持默认 https://qyapi.weixin.qq.com；私有化部署或政务微信填写其 API 服务地址（问服务商或运维）",
		"Keep https://qyapi.weixin.qq.com for the public cloud; for a private deployment or 政务微信 enter its API address (ask the vendor or ops)"},
	{FormCorp, FieldProxyURL, "HTTP 代理", "HTTP proxy", "http://host:port 或 socks5://host:port（可选）",
		"服务器只能经代理上网时填写，例如 http://proxy.corp:3128；留空表示直连",
		"Only if this server reaches the internet through a proxy, e.g. http://proxy.corp:3128; empty = direct"},
	{FormCorp, FieldContactPermission, "通讯录权限", "Directory permission", "read（只读）/ write（读写）",
		"只读：以企业微信为准，只从企业微信读取；读写：还可把本地通讯录同步到企业微信，需要通讯录同步 Secret",
		"Read-only: WeCom is the source of truth and is only read. Read-write: local changes may be synced to WeCom; needs the 通讯录同步 Secret"},
	{FormCorp, FieldContactSecret, "通讯录同步 Secret", "Directory sync Secret", "43 位字母、数字、- 或 _ / 43 letters, digits, - or _",
		"管理后台 → 安全与管理 → 管理工具 → 通讯录同步 → Secret（点“查看”，在企业微信中接收）",
		"Admin console → 安全与管理 → 管理工具 → 通讯录同步 → Secret (click 查看; it arrives in the WeCom app)"},
	{FormCorp, FieldCustomerSecret, "客户联系 Secret", "Customer contact Secret", "43 位字母、数字、- 或 _（可选）",
		"管理后台 → 客户与上下游 → 客户联系 → API → Secret（点“查看”）",
		"Admin console → 客户与上下游 → 客户联系 → API → Secret (click 查看)"},
	{FormCorp, FieldCallbackToken, "通讯录回调 Token", "Directory callback Token", "1–32 位字母或数字 / 1–32 letters or digits",
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → Token（可在此处生成后粘贴过去，两边须一致）",
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → Token (generate it here and paste it there; both sides must match)"},
	{FormCorp, FieldCallbackAESKey, "通讯录回调 EncodingAESKey", "Directory callback EncodingAESKey", "43 位字母或数字 / 43 letters or digits",
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → EncodingAESKey（两边须一致）",
		"管理工具 → 通讯录同步 → 设置接收事件服务器 → EncodingAESKey (both sides must match)"},
	{FormApp, FieldName, "应用名称", "App name", "1–64 个字符",
		"应用管理 → 自建 → 应用名称（也可自己起名）", "应用管理 → 自建 → the app's name (or any name you like)"},
	{FormApp, FieldAgentID, "AgentId", "AgentId", "整数，例如 1000002 / a whole number like 1000002",
		"应用管理 → 自建 → 应用 → AgentId", "Admin console → 应用管理 → 自建 → the app → AgentId"},
	{FormApp, FieldSecret, "应用 Secret", "App Secret", "43 位字母、数字、- 或 _",
		"应用管理 → 自建 → 应用 → Secret（点“查看”，在企业微信中接收）",
		"Admin console → 应用管理 → 自建 → the app → Secret (click 查看; it arrives in the WeCom app)"},
	{FormApp, FieldCallbackToken, "消息回调 Token", "Message callback Token", "1–32 位字母或数字",
		"应用管理 → 自建 → 应用 → 接收消息 → 设置API接收 → Token（两边须一致）",
		"应用管理 → 自建 → the app → 接收消息 → 设置API接收 → Token (both sides must match)"},
	{FormApp, FieldCallbackAESKey, "消息回调 EncodingAESKey", "Message callback EncodingAESKey", "43 位字母或数字",
		"应用管理 → 自建 → 应用 → 接收消息 → 设置API接收 → EncodingAESKey（两边须一致）",
		"应用管理 → 自建 → the app → 接收消息 → 设置API接收 → EncodingAESKey (both sides must match)"},
	{FormApp, FieldHomeURL, "应用主页", "App home page", "http(s)://…（可选）",
		"本系统的网址；填好后到 应用管理 → 自建 → 应用 → 应用主页 设置（见“复制面板”）",
		"This system's web address; then set it under 应用管理 → 自建 → the app → 应用主页 (see the copy panel)"},
	{FormSettings, FieldExternalBaseURL, "对外域名", "External base URL", "https://host[:port][/path]",
		"本系统在公网（私有化企业微信可为内网）可访问的地址，企业微信用它回调、跳转；域名须备案并设为应用的可信域名",
		"Where WeCom can reach this system (public; an intranet address is fine for a private deployment). Used for callbacks and redirects; must be the apps' trusted domain"},
}

// FieldHelp returns, for every field of the setup forms, what it is, its
// format and where to find the value. The UI shows it under each field.
func FieldHelp() []FieldInfo { return append([]FieldInfo(nil), fieldHelp...) }

// help returns the entry for form/field (an empty one if unknown).
func help(form, field string) FieldInfo {
	for _, h := range fieldHelp {
		if h.Form == form && h.Field == field {
			return h
		}
	}
	return FieldInfo{}
}
