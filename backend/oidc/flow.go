package oidc

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/zitadel/oidc/v3/pkg/op"

	"wecom-bridge/backend/login"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// The login step: the provider sends the browser to /oidc/login?id=…; a
// member already signed in to the bridge in this browser (same corp) is done
// at once, anyone else goes to WeCom — silent OAuth2 (snsapi_base) inside the
// WeCom client, the web QR login page in any other browser. WeCom comes back
// to /oidc/wecom/return?code=…&state=…, where state must be the one this
// browser was given (cookie) and is used once.

const (
	stateCookie   = "wb_login"
	sessionCookie = "wb_session"
)

func (s *Service) serveLogin(w http.ResponseWriter, r *http.Request) {
	st := &storage{s}
	a, err := st.request(r.Context(), r.URL.Query().Get("id"))
	if err != nil {
		s.refuse(w, r, login.ResultState, nil)
		return
	}
	row, err := s.clientRow(r.Context(), a.clientID)
	if err != nil {
		s.refuse(w, r, login.ResultState, nil)
		return
	}
	if sess := s.sessionOf(r, row.CorpID); sess != nil {
		s.complete(w, r, a.id, sess.sub)
		return
	}
	s.toWeCom(w, r, &loginState{corpID: row.CorpID, agentID: row.AgentID, authReqID: a.id})
}

// serveFree: a free-login link. Signed by this installation (no open
// redirect); the member signs in with WeCom unless already signed in here.
func (s *Service) serveFree(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	agent, _ := strconv.ParseInt(q.Get("a"), 10, 64)
	to := q.Get("to")
	if len(to) > 4096 || !s.login.VerifyFree(r.Context(), q.Get("c"), agent, to, q.Get("sig")) {
		refusal(w, r, http.StatusBadRequest, "bad_link", usererr.Msg("login_free_link_invalid", nil))
		return
	}
	c, err := s.corps.Find(r.Context(), q.Get("c"))
	if err != nil || c.Key != q.Get("c") {
		refusal(w, r, http.StatusGone, "corp_removed", usererr.Msg("login_free_link_corp_removed", nil))
		return
	}
	if s.sessionOf(r, c.ID) != nil {
		http.Redirect(w, r, to, http.StatusFound)
		return
	}
	s.toWeCom(w, r, &loginState{corpID: c.ID, agentID: agent, freeTo: to})
}

// toWeCom remembers the login under a fresh state bound to this browser and
// sends the browser to WeCom.
func (s *Service) toWeCom(w http.ResponseWriter, r *http.Request, ls *loginState) {
	ctx := r.Context()
	c, err := s.corps.Get(ctx, ls.corpID)
	if err != nil {
		s.refuse(w, r, login.ResultWeComError, nil)
		return
	}
	issuer := s.issuer(r)
	state := randomID(16)
	ls.nonce, ls.expires = randomID(16), s.now().Add(authRequestTTL)
	if err := s.saveState(ctx, state, ls); errors.Is(err, errFull) {
		http.Error(w, errFull.Error(), http.StatusServiceUnavailable)
		return
	} else if err != nil {
		s.refuse(w, r, login.ResultWeComError, map[string]any{"detail": "internal"})
		return
	}
	ret := issuer + PathReturn
	origin := login.Origin(c.APIBaseURL)
	var to string
	if strings.Contains(strings.ToLower(r.UserAgent()), "wxwork") {
		to, err = wecom.AuthorizeURL(wecom.AuthorizeParams{CorpID: c.CorpID, AgentID: ls.agentID, RedirectURI: ret,
			Scope: wecom.ScopeBase, State: state, Origin: origin})
	} else {
		to, err = wecom.SSOLoginURL(wecom.LoginParams{CorpID: c.CorpID, AgentID: ls.agentID, RedirectURI: ret,
			State: state, Origin: origin})
	}
	if err != nil {
		s.refuse(w, r, login.ResultWeComError, nil)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: stateCookie, Value: ls.nonce, Path: "/", HttpOnly: true,
		Secure: strings.HasPrefix(issuer, "https://"), SameSite: http.SameSiteLaxMode, MaxAge: int(authRequestTTL / time.Second)})
	http.Redirect(w, r, to, http.StatusFound)
}

// serveReturn is WeCom's redirect back with the code.
func (s *Service) serveReturn(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	q := r.URL.Query()
	ls := s.takeState(r, q.Get("state"))
	if ls == nil {
		_ = s.login.RecordSignIn(ctx, login.SignIn{Via: "?", Result: login.ResultState})
		s.refuse(w, r, login.ResultState, nil)
		return
	}
	via := "free"
	if ls.authReqID != "" {
		if a, err := (&storage{s}).request(ctx, ls.authReqID); err == nil {
			via = a.clientID
		}
	}
	log := login.SignIn{CorpID: ls.corpID, Via: via}
	code := q.Get("code")
	if code == "" || len(code) > 512 {
		log.Result, log.Detail = login.ResultWeComError, "no code (cancelled)"
		_ = s.login.RecordSignIn(ctx, log)
		s.refuse(w, r, login.ResultWeComError, map[string]any{"detail": "cancelled"})
		return
	}
	userid, err := s.exchange(ctx, ls, code)
	if err != nil {
		log.Result, log.Detail = login.ResultWeComError, err.Error()
		_ = s.login.RecordSignIn(ctx, log)
		s.refuse(w, r, login.ResultWeComError, map[string]any{"detail": errcodeText(err)})
		return
	}
	if userid == "" {
		log.Result = login.ResultNotMember
		_ = s.login.RecordSignIn(ctx, log)
		s.refuse(w, r, login.ResultNotMember, nil)
		return
	}
	log.UserID = userid
	m, res, err := s.resolve(ctx, ls.corpID, userid)
	if err != nil {
		log.Result, log.Detail = login.ResultWeComError, err.Error()
		_ = s.login.RecordSignIn(ctx, log)
		s.refuse(w, r, login.ResultWeComError, map[string]any{"detail": "internal"})
		return
	}
	log.Account, log.Result = m.account.Account, res
	if res != login.ResultOK {
		_ = s.login.RecordSignIn(ctx, log)
		s.refuse(w, r, res, map[string]any{"userid": userid, "account": m.account.Account})
		return
	}
	sub, err := s.subjectOf(ctx, ls.corpID, m.account.Account)
	if err != nil {
		log.Result, log.Detail = login.ResultWeComError, err.Error()
		_ = s.login.RecordSignIn(ctx, log)
		s.refuse(w, r, login.ResultWeComError, map[string]any{"detail": "internal"})
		return
	}
	_ = s.login.RecordSignIn(ctx, log)
	s.startSession(w, r, &session{sub: sub, account: m.account.Account, userid: userid, corpID: ls.corpID})
	if ls.authReqID != "" {
		s.complete(w, r, ls.authReqID, sub)
		return
	}
	http.Redirect(w, r, ls.freeTo, http.StatusFound)
}

// takeState returns the login of state if this browser holds its nonce;
// a state is used once.
func (s *Service) takeState(r *http.Request, state string) *loginState {
	ck, err := r.Cookie(stateCookie)
	if err != nil || state == "" || len(state) > 64 {
		return nil
	}
	ls, err := s.takeStateRow(r.Context(), state, ck.Value)
	if err != nil {
		return nil
	}
	return ls
}

// exchange turns the code into a userid with the app's credential.
func (s *Service) exchange(ctx context.Context, ls *loginState, code string) (string, error) {
	client, cred, err := s.corps.Client(ctx, ls.corpID)
	if err != nil {
		return "", err
	}
	app, ok := cred.App(ls.agentID)
	if !ok {
		return "", errNotFound
	}
	info, err := client.GetUserInfo(ctx, app, code)
	if err != nil {
		return "", err
	}
	return info.UserID, nil
}

func errcodeText(err error) string {
	if c := wecom.ErrCode(err); c != 0 {
		return "errcode " + strconv.Itoa(c)
	}
	return "network"
}

// complete marks the auth request as signed in and hands the browser back
// to the provider, which redirects to the client with a code.
func (s *Service) complete(w http.ResponseWriter, r *http.Request, id, sub string) {
	if ok, err := s.signedIn(r.Context(), id, sub); err != nil || !ok {
		s.refuse(w, r, login.ResultState, nil)
		return
	}
	prov, _ := s.provider()
	ctx := op.ContextWithIssuer(r.Context(), s.issuer(r))
	http.Redirect(w, r, op.AuthCallbackURL(prov)(ctx, id), http.StatusFound)
}

func (s *Service) startSession(w http.ResponseWriter, r *http.Request, sess *session) {
	sess.expires = s.now().Add(sessionTTL)
	id := randomID(24)
	m := &s.mem
	m.mu.Lock()
	if room(m.sessions, s.now(), func(x *session) time.Time { return x.expires }) {
		m.sessions[id] = sess
	}
	m.mu.Unlock()
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: id, Path: "/", HttpOnly: true,
		Secure: strings.HasPrefix(s.issuer(r), "https://"), SameSite: http.SameSiteLaxMode, MaxAge: int(sessionTTL / time.Second)})
	http.SetCookie(w, &http.Cookie{Name: stateCookie, Value: "", Path: "/", MaxAge: -1})
}

// sessionOf returns this browser's bridge session for corpID, if any.
func (s *Service) sessionOf(r *http.Request, corpID int64) *session {
	ck, err := r.Cookie(sessionCookie)
	if err != nil {
		return nil
	}
	m := &s.mem
	m.mu.Lock()
	defer m.mu.Unlock()
	sess := m.sessions[ck.Value]
	if sess == nil || sess.corpID != corpID || !s.now().Before(sess.expires) {
		return nil
	}
	return sess
}
