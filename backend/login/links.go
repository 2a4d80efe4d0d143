package login

import (
	"context"
	"net/url"
	"strconv"
	"unicode/utf8"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// Link kinds.
const (
	KindOAuth   = "oauth"  // app home page: in-WeCom OAuth2 (snsapi_base / snsapi_privateinfo)
	KindQR      = "qr"     // web QR login, new (wwlogin/sso/login)
	KindQROld   = "qr_old" // web QR login, old (wwopen/sso/qrConnect)
	KindFree    = "free"   // free-login link through the bridge
	maxLinkURL  = 2000     // bytes of the target URL (a QR code of a longer link is unreadable on paper)
	maxStateLen = 128
)

// LinkRequest is what the admin fills in on the 登录链接 page.
type LinkRequest struct {
	CorpID  int64  `json:"corpId"`
	AgentID int64  `json:"agentId"`
	Kind    string `json:"kind"`
	Scope   string `json:"scope"` // oauth only: snsapi_base (default) or snsapi_privateinfo
	To      string `json:"to"`    // redirect_uri (oauth, qr, qr_old) or the business URL (free)
	State   string `json:"state"` // optional, [A-Za-z0-9] ≤ 128
}

// Link is a built link.
type Link struct {
	Kind     string            `json:"kind"`
	URL      string            `json:"url"`
	Warnings []usererr.Message `json:"warnings"`
}

// BuildLink builds one link for a corp's app.
func (s *Service) BuildLink(ctx context.Context, req LinkRequest) (Link, error) {
	c, err := s.corps.Get(ctx, req.CorpID)
	if err != nil {
		return Link{}, err
	}
	if !hasApp(c, req.AgentID) {
		return Link{}, usererr.New("login_unknown_app", usererr.Args{"agentId": req.AgentID, "corp": c.Name})
	}
	if err := checkTarget(req.To); err != nil {
		return Link{}, err
	}
	if !stateOK(req.State) {
		return Link{}, usererr.New("login_bad_state", nil)
	}
	link := Link{Kind: req.Kind, Warnings: []usererr.Message{}}
	origin := Origin(c.APIBaseURL)
	switch req.Kind {
	case KindOAuth:
		if req.Scope == "" {
			req.Scope = wecom.ScopeBase
		}
		if req.Scope != wecom.ScopeBase && req.Scope != wecom.ScopePrivateInfo {
			return Link{}, usererr.New("login_bad_scope", usererr.Args{"scope": req.Scope})
		}
		link.URL, err = wecom.AuthorizeURL(wecom.AuthorizeParams{CorpID: c.CorpID, AgentID: req.AgentID,
			RedirectURI: req.To, Scope: req.Scope, State: req.State, Origin: origin})
	case KindQR:
		link.URL, err = wecom.SSOLoginURL(wecom.LoginParams{CorpID: c.CorpID, AgentID: req.AgentID,
			RedirectURI: req.To, State: req.State, Origin: origin})
	case KindQROld:
		link.URL, err = wecom.QRConnectURL(wecom.LoginParams{CorpID: c.CorpID, AgentID: req.AgentID,
			RedirectURI: req.To, State: req.State, Origin: origin})
	case KindFree:
		link.URL, err = s.freeLink(ctx, c, req.AgentID, req.To)
	default:
		return Link{}, usererr.New("login_bad_kind", usererr.Args{"kind": req.Kind})
	}
	if err != nil {
		return Link{}, err
	}
	if w := s.domainWarning(ctx, req); !w.IsZero() {
		link.Warnings = append(link.Warnings, w)
	}
	return link, nil
}

// domainWarning: the redirect must be on the apps' trusted domain, which
// the copy panel gives as the 对外域名's host; say so when they differ.
func (s *Service) domainWarning(ctx context.Context, req LinkRequest) usererr.Message {
	base, err := s.corps.ExternalBaseURL(ctx)
	if err != nil {
		return usererr.Message{}
	}
	if base == "" {
		return usererr.Msg("login_no_external_base", nil)
	}
	if req.Kind == KindFree {
		return usererr.Message{}
	}
	b, _ := url.Parse(base)
	t, _ := url.Parse(req.To)
	if b != nil && t != nil && b.Host != t.Host {
		return usererr.Msg("login_redirect_not_trusted", usererr.Args{"host": t.Host, "trusted": b.Host})
	}
	return usererr.Message{}
}

func hasApp(c *corp.Corp, agentID int64) bool {
	for _, a := range c.Apps {
		if a.AgentID == agentID {
			return true
		}
	}
	return false
}

// checkTarget: an absolute http(s) URL of bounded length.
func checkTarget(to string) error {
	if len(to) > maxLinkURL {
		return usererr.New("login_target_too_long", usererr.Args{"max": maxLinkURL})
	}
	u, err := url.Parse(to)
	if to == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !utf8.ValidString(to) {
		return usererr.New("login_bad_target", usererr.Args{"url": Clip(to)})
	}
	return nil
}

func stateOK(st string) bool {
	if len(st) > maxStateLen {
		return false
	}
	for _, r := range st {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// Clip shortens s to 80 characters for a message.
func Clip(s string) string {
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	return string([]rune(s)[:80]) + "…"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
