package corp

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"wecom-bridge/backend/usererr"
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
	Key   string          `json:"key"` // e.g. "contact_callback_url", "app_callback_url:1000002"
	Label usererr.Message `json:"label"`
	Value string          `json:"value"`
	Where usererr.Message `json:"where"` // where to paste it
}

// CopyPanel is the copy panel of one corp.
type CopyPanel struct {
	ExternalBaseURL string           `json:"externalBaseUrl"`
	ExternalBaseSet bool             `json:"externalBaseSet"`
	Warning         *usererr.Message `json:"warning,omitempty"` // e.g. the external base URL must be set first
	Values          []CopyValue      `json:"values"`
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
		p.Warning = usererr.Msg("copy_external_unset", nil).Ptr()
	}
	add := func(key, code string, args usererr.Args, value string) {
		p.Values = append(p.Values, CopyValue{Key: key, Label: usererr.Msg(code, args), Value: value, Where: usererr.Msg(code+"_where", args)})
	}
	add("corp_id", "copy_corp_id", nil, c.CorpID)
	add("contact_callback_url", "copy_contact_callback", nil, base+"/callback/contact/"+c.Key)
	if host := hostOf(base); base != externalPlaceholder && host != "" {
		add("trusted_domain", "copy_trusted_domain", nil, host)
	}
	for _, a := range c.Apps {
		agent := strconv.FormatInt(a.AgentID, 10)
		app := usererr.Args{"app": a.Name}
		add("app_callback_url:"+agent, "copy_app_callback", app, base+"/callback/app/"+c.Key+"/"+agent)
		home := a.HomeURL
		if home == "" {
			home = base + "/"
		}
		add("app_home_url:"+agent, "copy_app_home", app, home)
		add("app_oauth_home_url:"+agent, "copy_app_oauth_home", app, oauthHome(c.CorpID, a.AgentID, home))
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
