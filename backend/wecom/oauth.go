package wecom

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"strings"
)

// OAuth2 scopes of the in-WeCom authorize link.
const (
	ScopeBase        = "snsapi_base"        // silent: userid only
	ScopePrivateInfo = "snsapi_privateinfo" // consent: user_ticket for GetUserDetail; needs AgentID
)

// Login endpoints (facts §6).
const (
	oauthAuthorizeURL = "https://open.weixin.qq.com/connect/oauth2/authorize"
	ssoLoginURL       = "https://login.work.weixin.qq.com/wwlogin/sso/login"
	qrConnectURL      = "https://open.work.weixin.qq.com/wwopen/sso/qrConnect"
)

// OAuthUserInfo is auth/getuserinfo's answer: UserID (+ UserTicket with
// snsapi_privateinfo) for a member, OpenID/ExternalUserID for a non-member.
type OAuthUserInfo struct {
	UserID         string `json:"userid"`
	UserTicket     string `json:"user_ticket"` // ≤512 bytes, valid 1800 s
	OpenID         string `json:"openid"`
	ExternalUserID string `json:"external_userid"`
}

// UserDetail is auth/getuserdetail's answer: the sensitive fields the member consented to.
type UserDetail struct {
	UserID  string `json:"userid"`
	Gender  string `json:"gender"`
	Avatar  string `json:"avatar"`
	QRCode  string `json:"qr_code"`
	Mobile  string `json:"mobile"`
	Email   string `json:"email"`
	BizMail string `json:"biz_mail"`
	Address string `json:"address"`
}

// GetUserInfo calls auth/getuserinfo with an OAuth or QR-login code (single use, 5 min).
func (c *Client) GetUserInfo(ctx context.Context, cred Credential, code string) (*OAuthUserInfo, error) {
	var out OAuthUserInfo
	if err := c.do(ctx, cred, get("auth/getuserinfo", url.Values{"code": {code}}), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// GetUserDetail calls auth/getuserdetail with a user_ticket.
func (c *Client) GetUserDetail(ctx context.Context, cred Credential, userTicket string) (*UserDetail, error) {
	body := struct {
		UserTicket string `json:"user_ticket"`
	}{userTicket}
	var out UserDetail
	if err := c.do(ctx, cred, post("auth/getuserdetail", body), &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// stateRe: state is [a-zA-Z0-9], ≤128 bytes.
var stateRe = regexp.MustCompile(`^[A-Za-z0-9]{0,128}$`)

// AuthorizeParams builds the in-WeCom OAuth2 link.
type AuthorizeParams struct {
	CorpID      string
	AgentID     int64  // recommended; required for ScopePrivateInfo
	RedirectURI string // its domain must be the app's 可信域名 (else 50001)
	Scope       string // ScopeBase (default) or ScopePrivateInfo
	State       string
	Origin      string // "" = WeCom's host; else scheme://host of a private deployment or the simulator
}

// AuthorizeURL returns the OAuth2 authorize link to open inside WeCom, with
// parameters in the documented order and #wechat_redirect.
func AuthorizeURL(p AuthorizeParams) (string, error) {
	if p.Scope == "" {
		p.Scope = ScopeBase
	}
	if p.Scope != ScopeBase && p.Scope != ScopePrivateInfo {
		return "", fmt.Errorf("wecom: unknown OAuth scope %q", p.Scope)
	}
	if p.Scope == ScopePrivateInfo && p.AgentID == 0 {
		return "", errors.New("wecom: snsapi_privateinfo needs the agentid")
	}
	if err := checkLogin(p.CorpID, p.RedirectURI, p.State); err != nil {
		return "", err
	}
	q := []param{{"appid", p.CorpID}, {"redirect_uri", p.RedirectURI}, {"response_type", "code"},
		{"scope", p.Scope}, {"state", p.State}}
	if p.AgentID != 0 {
		q = append(q, param{"agentid", strconv.FormatInt(p.AgentID, 10)})
	}
	return withOrigin(oauthAuthorizeURL, p.Origin) + "?" + encode(q) + "#wechat_redirect", nil
}

// LoginParams builds the web (PC browser) QR login links.
type LoginParams struct {
	CorpID      string // appid; a SuiteID with LoginType "ServiceApp"
	AgentID     int64
	RedirectURI string // its domain must be the app's 可信域名
	State       string
	Lang        string // "zh" or "en"; empty = WeCom's choice
	LoginType   string // "CorpApp" (default) or "ServiceApp"
	Origin      string // "" = WeCom's host; else scheme://host of a private deployment or the simulator
}

// SSOLoginURL returns the current web login link (wwlogin/sso/login). The
// browser comes back to RedirectURI?code=…&state=…; exchange the code with GetUserInfo.
func SSOLoginURL(p LoginParams) (string, error) {
	if p.LoginType == "" {
		p.LoginType = "CorpApp"
	}
	if err := checkLogin(p.CorpID, p.RedirectURI, p.State); err != nil {
		return "", err
	}
	q := []param{{"login_type", p.LoginType}, {"appid", p.CorpID}}
	if p.LoginType == "CorpApp" {
		if p.AgentID == 0 {
			return "", errors.New("wecom: web login needs the agentid")
		}
		q = append(q, param{"agentid", strconv.FormatInt(p.AgentID, 10)})
	}
	q = append(q, param{"redirect_uri", p.RedirectURI}, param{"state", p.State})
	if p.Lang != "" {
		q = append(q, param{"lang", p.Lang})
	}
	return withOrigin(ssoLoginURL, p.Origin) + "?" + encode(q), nil
}

// QRConnectURL returns the legacy qrConnect login link (WeCom recommends SSOLoginURL).
func QRConnectURL(p LoginParams) (string, error) {
	if err := checkLogin(p.CorpID, p.RedirectURI, p.State); err != nil {
		return "", err
	}
	if p.AgentID == 0 {
		return "", errors.New("wecom: qrConnect needs the agentid")
	}
	q := []param{{"appid", p.CorpID}, {"agentid", strconv.FormatInt(p.AgentID, 10)},
		{"redirect_uri", p.RedirectURI}, {"state", p.State}}
	if p.Lang != "" {
		q = append(q, param{"lang", p.Lang})
	}
	return withOrigin(qrConnectURL, p.Origin) + "?" + encode(q), nil
}

func checkLogin(corpID, redirectURI, state string) error {
	if corpID == "" {
		return errors.New("wecom: login link needs the corp ID")
	}
	u, err := url.Parse(redirectURI)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("wecom: redirect_uri %q is not an absolute http(s) URL", redirectURI)
	}
	if !stateRe.MatchString(state) {
		return errors.New("wecom: state must be at most 128 letters and digits")
	}
	return nil
}

type param struct{ key, value string }

// encode keeps the documented parameter order (url.Values would sort) and
// always url-encodes values, redirect_uri included.
func encode(ps []param) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.key + "=" + url.QueryEscape(p.value)
	}
	return strings.Join(parts, "&")
}

// withOrigin moves one of WeCom's login pages to origin (scheme://host), the
// same path on a private deployment or the simulator.
func withOrigin(page, origin string) string {
	if origin == "" {
		return page
	}
	u, _ := url.Parse(page)
	return strings.TrimRight(origin, "/") + u.Path
}
