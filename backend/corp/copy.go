package corp

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"wecom-bridge/backend/wecom"
)

// SettingExternalBaseURL is the settings key of the 对外域名: where WeCom and
// members' browsers reach this system (云桥 “基础参数设置”).
const SettingExternalBaseURL = "external_base_url"

// externalPlaceholder stands in for an unset external base URL; it is
// deliberately not a pasteable URL.
const externalPlaceholder = "https://<对外域名>"

// CopyValue is one value the admin pastes into the WeCom admin console.
type CopyValue struct {
	Key     string `json:"key"` // e.g. "contact_callback_url", "app_callback_url:1000002"
	Label   string `json:"label"`
	LabelEN string `json:"labelEn"`
	Value   string `json:"value"`
	Where   string `json:"where"` // where to paste it
	WhereEN string `json:"whereEn"`
}

// CopyPanel is the copy panel of one corp.
type CopyPanel struct {
	ExternalBaseURL string      `json:"externalBaseUrl"`
	ExternalBaseSet bool        `json:"externalBaseSet"`
	Warning         string      `json:"warning,omitempty"` // e.g. the external base URL must be set first
	WarningEN       string      `json:"warningEn,omitempty"`
	Values          []CopyValue `json:"values"`
}

// ExternalBaseURL returns the 对外域名 ("" when not set).
func (s *Service) ExternalBaseURL(ctx context.Context) (string, error) {
	return s.st.GetSetting(ctx, SettingExternalBaseURL, "")
}

// SetExternalBaseURL validates and stores the 对外域名 ("" clears it).
func (s *Service) SetExternalBaseURL(ctx context.Context, v string) (SaveResult, error) {
	var c cleaner
	c.clean(FieldExternalBaseURL, &v, compact)
	v = strings.TrimRight(v, "/")
	res := SaveResult{Trimmed: c.trimmed, Errors: validateExternalBaseURL(v)}
	if len(res.Errors) > 0 {
		return res, nil
	}
	if err := s.st.SetSetting(ctx, SettingExternalBaseURL, v); err != nil {
		return res, err
	}
	res.OK = true
	return res, nil
}

// CopyValues builds the copy panel of corp id: callback URLs, trusted
// domain, app home pages and their OAuth links, from the 对外域名.
func (s *Service) CopyValues(ctx context.Context, id int64) (*CopyPanel, error) {
	c, err := s.Get(ctx, id)
	if err != nil {
		return nil, err
	}
	base, err := s.ExternalBaseURL(ctx)
	if err != nil {
		return nil, err
	}
	p := &CopyPanel{ExternalBaseURL: base, ExternalBaseSet: base != "", Values: []CopyValue{}}
	if base == "" {
		base = externalPlaceholder
		p.Warning = "请先在“基础设置”中填写对外域名（企业微信和成员浏览器访问本系统的地址），下面的网址才能使用。"
		p.WarningEN = "Set the external base URL (where WeCom and members' browsers reach this system) first; until then the URLs below are placeholders."
	}
	add := func(v CopyValue) { p.Values = append(p.Values, v) }
	add(CopyValue{Key: "corp_id", Label: "企业ID", LabelEN: "Corp ID", Value: c.CorpID,
		Where: "其他系统需要企业ID时使用（我的企业 → 企业信息 → 企业ID）", WhereEN: "For other systems that ask for the corp ID (我的企业 → 企业信息 → 企业ID)"})
	add(CopyValue{Key: "contact_callback_url", Label: "通讯录变更回调 URL", LabelEN: "Directory change callback URL",
		Value:   base + "/callback/contact/" + c.Key,
		Where:   "管理工具 → 通讯录同步 → 设置接收事件服务器 → URL（Token 和 EncodingAESKey 填本系统中保存的同一对）",
		WhereEN: "管理工具 → 通讯录同步 → 设置接收事件服务器 → URL (with the same Token and EncodingAESKey as saved here)"})
	if host := hostOf(base); base != externalPlaceholder && host != "" {
		add(CopyValue{Key: "trusted_domain", Label: "可信域名", LabelEN: "Trusted domain", Value: host,
			Where:   "应用管理 → 自建 → 每个应用 → 网页授权及JS-SDK → 设置可信域名（须与 OAuth 回调域名完全一致，含端口；并完成域名归属校验）",
			WhereEN: "应用管理 → 自建 → each app → 网页授权及JS-SDK → trusted domain (must match the OAuth redirect host exactly, port included; verify ownership)"})
	}
	for _, a := range c.Apps {
		agent := strconv.FormatInt(a.AgentID, 10)
		add(CopyValue{Key: "app_callback_url:" + agent, Label: fmt.Sprintf("“%s”消息回调 URL", a.Name), LabelEN: fmt.Sprintf("%q message callback URL", a.Name),
			Value:   base + "/callback/app/" + c.Key + "/" + agent,
			Where:   fmt.Sprintf("应用管理 → 自建 → %s → 接收消息 → 设置API接收 → URL（Token/EncodingAESKey 与本系统一致）", a.Name),
			WhereEN: fmt.Sprintf("应用管理 → 自建 → %s → 接收消息 → 设置API接收 → URL (same Token/EncodingAESKey as here)", a.Name)})
		home := a.HomeURL
		if home == "" {
			home = base + "/"
		}
		add(CopyValue{Key: "app_home_url:" + agent, Label: fmt.Sprintf("“%s”应用主页", a.Name), LabelEN: fmt.Sprintf("%q home page", a.Name),
			Value: home, Where: fmt.Sprintf("应用管理 → 自建 → %s → 应用主页 → 设置（网页地址）", a.Name),
			WhereEN: fmt.Sprintf("应用管理 → 自建 → %s → 应用主页 (web address)", a.Name)})
		add(CopyValue{Key: "app_oauth_home_url:" + agent, Label: fmt.Sprintf("“%s”免登录主页（OAuth）", a.Name), LabelEN: fmt.Sprintf("%q single sign-on home (OAuth)", a.Name),
			Value:   oauthHome(c.CorpID, a.AgentID, home),
			Where:   fmt.Sprintf("需要成员打开应用即自动登录时，用它代替上面的应用主页（应用管理 → 自建 → %s → 应用主页）；redirect_uri 已 URL 编码，否则会报 50001", a.Name),
			WhereEN: fmt.Sprintf("Use instead of the plain home page when members should be signed in automatically (应用管理 → 自建 → %s → 应用主页); redirect_uri is URL-encoded, else WeCom answers 50001", a.Name)})
	}
	return p, nil
}

// oauthHome wraps home in the in-WeCom OAuth link (snsapi_base).
func oauthHome(corpID string, agentID int64, home string) string {
	u, err := wecom.AuthorizeURL(wecom.AuthorizeParams{CorpID: corpID, AgentID: agentID, RedirectURI: home, Scope: wecom.ScopeBase, State: "STATE"})
	if err == nil {
		return u
	}
	// The builder refuses placeholders; build the documented link by hand.
	return "https://open.weixin.qq.com/connect/oauth2/authorize?appid=" + url.QueryEscape(corpID) +
		"&redirect_uri=" + url.QueryEscape(home) + "&response_type=code&scope=snsapi_base&state=STATE&agentid=" +
		strconv.FormatInt(agentID, 10) + "#wechat_redirect"
}

func hostOf(base string) string {
	u, err := url.Parse(base)
	if err != nil {
		return ""
	}
	return u.Host
}
