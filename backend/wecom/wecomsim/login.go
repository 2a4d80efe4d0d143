package wecomsim

import (
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// The simulated login pages (facts §6): the in-WeCom OAuth2 authorize page
// (/connect/oauth2/authorize), the new web login (/wwlogin/sso/login) and the
// old QR login (/wwopen/sso/qrConnect). WeCom shows a QR code there; the
// simulator shows the app's members to pick instead, or logs in the member
// named by the simulator extension ?sim_userid= (alias ?userid=) at once.
// Either way the browser goes back to redirect_uri?code=CODE&state=STATE.

const maxPickerMembers = 200 // members listed on the picker page

type loginRequest struct {
	path     string
	agent    int
	scope    string
	target   *url.URL
	state    string
	userid   string
	loginURL *url.URL
}

// parseLogin checks the login link as WeCom does; a failure is an errcode
// page (50001 when redirect_uri's host is not the app's trusted domain).
func (s *Sim) parseLogin(r *http.Request) (*loginRequest, *apiError) {
	q := r.URL.Query()
	lr := &loginRequest{path: r.URL.Path, scope: scopeBase, state: q.Get("state"), loginURL: r.URL}
	if q.Get("appid") != s.corpID {
		return nil, apiErrf(40013, "invalid corpid: appid does not match the corp")
	}
	target, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || (target.Scheme != "http" && target.Scheme != "https") || target.Host == "" {
		return nil, apiErrf(40054, "invalid redirect_uri: must be an absolute http(s) URL, url-encoded")
	}
	lr.target = target
	if v := q.Get("agentid"); v != "" {
		if lr.agent, err = strconv.Atoi(v); err != nil {
			return nil, apiErrf(40056, "invalid agentid")
		}
	}
	switch lr.path {
	case "/connect/oauth2/authorize":
		lr.scope = q.Get("scope")
		if lr.scope != scopeBase && lr.scope != scopePrivate {
			return nil, apiErrf(40058, "invalid scope: snsapi_base or snsapi_privateinfo")
		}
		if lr.scope == scopePrivate && lr.agent == 0 {
			return nil, apiErrf(40056, "agentid is required for snsapi_privateinfo")
		}
	case "/wwlogin/sso/login":
		if lt := q.Get("login_type"); lt != "CorpApp" {
			return nil, apiErrf(40058, "invalid login_type: the simulator serves CorpApp")
		}
		if lr.agent == 0 {
			return nil, apiErrf(40056, "agentid is required for login_type=CorpApp")
		}
	default: // qrConnect
		if lr.agent == 0 {
			return nil, apiErrf(40056, "agentid is required")
		}
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	if lr.agent != 0 && s.apps[lr.agent] == nil {
		return nil, apiErrf(40056, "invalid agentid")
	}
	if !s.trustedRedirect(lr.agent, target.Host) {
		return nil, apiErrf(50001, "redirect_url未登记可信域名: %s is not the app's trusted domain", target.Host)
	}
	lr.userid = q.Get("sim_userid")
	if lr.userid == "" {
		lr.userid = q.Get("userid")
	}
	return lr, nil
}

// trustedRedirect: host (with its port) must equal the app's trusted domain
// (redirect_domain). An app without one configured accepts any host (the
// simulator's default, so scripts work before agent/set). With agentid 0 any
// app of the corp may vouch for the host. Caller holds s.mu.
func (s *Sim) trustedRedirect(agent int, host string) bool {
	host = strings.ToLower(host)
	check := func(a *app) bool { return a.redirectDomain == "" || strings.ToLower(a.redirectDomain) == host }
	if agent != 0 {
		return check(s.apps[agent])
	}
	for _, a := range s.apps {
		if check(a) {
			return true
		}
	}
	return false
}

// SetRedirectDomain sets an app's trusted domain (host[:port]) as the admin
// console does; "" accepts any host.
func (s *Sim) SetRedirectDomain(agentid int, domain string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.apps[agentid]
	if a == nil {
		return fmt.Errorf("no app %d", agentid)
	}
	a.redirectDomain = domain
	return nil
}

func (s *Sim) serveAuthorize(w http.ResponseWriter, r *http.Request) {
	lr, e := s.parseLogin(r)
	if e != nil {
		loginErrorPage(w, e)
		return
	}
	if lr.userid == "" {
		s.servePicker(w, lr)
		return
	}
	s.mu.RLock()
	m := s.dir.user(lr.userid)
	var ok bool
	if m != nil {
		a := s.apps[lr.agent]
		ok = !m.deleted && !m.disabled() && m.status != 4 && m.status != 5 && (a == nil || a.seesUser(s.dir, m))
	}
	s.mu.RUnlock()
	switch {
	case m == nil:
		loginErrorPage(w, apiErrf(60111, "no such member: %s", lr.userid))
		return
	case !ok:
		loginErrorPage(w, apiErrf(60011, "无权限: %s is disabled, not activated or outside the app's visible range", lr.userid))
		return
	}
	v := lr.target.Query()
	v.Set("code", s.IssueOAuthCode(lr.agent, m.userid, lr.scope))
	if lr.state != "" {
		v.Set("state", lr.state)
	}
	lr.target.RawQuery = v.Encode()
	http.Redirect(w, r, lr.target.String(), http.StatusFound)
}

type pickerEntry struct {
	UserID, Name, Href string
}

var pickerPage = template.Must(template.New("picker").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>企业微信登录（模拟器）</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:2em auto">
<h1>企业微信登录（模拟器）</h1>
<p>WeCom shows a QR code here. Pick the member who scans it (or add <code>sim_userid=USERID</code> to the link).</p>
<ul>{{range .}}<li><a data-userid="{{.UserID}}" href="{{.Href}}">{{.Name}} ({{.UserID}})</a></li>{{end}}</ul>
</body></html>`))

// servePicker lists the active members the app can see, each a link that
// logs that member in.
func (s *Sim) servePicker(w http.ResponseWriter, lr *loginRequest) {
	s.mu.RLock()
	a := s.apps[lr.agent]
	list := []pickerEntry{}
	for _, m := range s.dir.bySeq {
		if len(list) == maxPickerMembers {
			break
		}
		if m.deleted || m.disabled() || m.status == 4 || m.status == 5 || (a != nil && !a.seesUser(s.dir, m)) {
			continue
		}
		u := *lr.loginURL
		q := u.Query()
		q.Set("sim_userid", m.userid)
		u.RawQuery = q.Encode()
		list = append(list, pickerEntry{m.userid, m.name, u.RequestURI()})
	}
	s.mu.RUnlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	pickerPage.Execute(w, list)
}

var errorPage = template.Must(template.New("err").Parse(`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>企业微信</title></head>
<body style="font-family:sans-serif;max-width:40em;margin:2em auto">
<h1>无法登录</h1><p>errcode={{.Code}}</p><p>{{.Text}}</p></body></html>`))

// loginErrorPage is WeCom's error page in the browser, with the errcode.
func loginErrorPage(w http.ResponseWriter, e *apiError) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusBadRequest)
	errorPage.Execute(w, struct {
		Code int
		Text string
	}{e.code, e.text})
}
