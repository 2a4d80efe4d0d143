package wecomsim

import (
	"sync"
	"time"
)

const (
	oauthCodeTTL  = 5 * time.Minute
	userTicketTTL = 1800 * time.Second
	scopePrivate  = "snsapi_privateinfo"
	scopeBase     = "snsapi_base"
)

type oauthCode struct {
	agent  int // 0: any app of the corp may redeem it
	userid string
	scope  string
	issued time.Time
	used   bool
}

type userTicket struct {
	agent   int
	userid  string
	expires time.Time
}

type oauthStore struct {
	mu      sync.Mutex
	codes   map[string]*oauthCode
	tickets map[string]*userTicket
}

func (o *oauthStore) init() {
	o.codes = map[string]*oauthCode{}
	o.tickets = map[string]*userTicket{}
}

// IssueOAuthCode simulates a member completing OAuth (or QR login) for an app
// and returns the code the redirect would carry. scope is snsapi_base or
// snsapi_privateinfo; the code is single use and valid for 5 minutes.
func (s *Sim) IssueOAuthCode(agentid int, userid, scope string) string {
	if scope == "" {
		scope = scopeBase
	}
	o := &s.oauth
	o.mu.Lock()
	defer o.mu.Unlock()
	code := randomToken()[:32]
	o.codes[code] = &oauthCode{agent: agentid, userid: userid, scope: scope, issued: s.clock.Now()}
	return code
}

func (s *Sim) authGetUserInfo(c *call) (any, *apiError) {
	code := c.param("code")
	if code == "" {
		return nil, apiErrf(41008, "missing code")
	}
	o := &s.oauth
	o.mu.Lock()
	oc := o.codes[code]
	if oc == nil || oc.used || c.now.Sub(oc.issued) > oauthCodeTTL || (oc.agent != 0 && oc.agent != c.agent) {
		o.mu.Unlock()
		return nil, apiErr(40029)
	}
	oc.used = true
	o.mu.Unlock()

	s.mu.RLock()
	m := s.dir.user(oc.userid)
	inScope := m != nil && c.app.seesUser(s.dir, m)
	userid := oc.userid
	if m != nil {
		userid = m.userid
	}
	s.mu.RUnlock()
	if m == nil {
		return nil, apiErr(60111)
	}
	res := struct {
		status
		UserID     string `json:"userid"`
		UserTicket string `json:"user_ticket,omitempty"`
		ExpiresIn  int    `json:"expires_in,omitempty"`
	}{status: statusOK, UserID: userid}
	if oc.scope == scopePrivate && inScope {
		t := randomToken()
		o.mu.Lock()
		o.tickets[t] = &userTicket{agent: c.agent, userid: userid, expires: c.now.Add(userTicketTTL)}
		o.mu.Unlock()
		res.UserTicket, res.ExpiresIn = t, int(userTicketTTL/time.Second)
	}
	return res, nil
}

// authGetUserDetail returns the sensitive fields the member agreed to share,
// which privacy-restricted apps get only this way.
func (s *Sim) authGetUserDetail(c *call) (any, *apiError) {
	var b struct {
		UserTicket string `json:"user_ticket"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.UserTicket == "" {
		return nil, apiErrf(40058, "invalid Parameter, user_ticket is required")
	}
	s.oauth.mu.Lock()
	t := s.oauth.tickets[b.UserTicket]
	s.oauth.mu.Unlock()
	switch {
	case t == nil || t.agent != c.agent:
		return nil, apiErr(84015)
	case !c.now.Before(t.expires):
		return nil, apiErr(84014)
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	m := s.dir.user(t.userid)
	if m == nil {
		return nil, apiErr(60111)
	}
	v := userView(m, false)
	return struct {
		status
		UserID  string `json:"userid"`
		Gender  string `json:"gender"`
		Avatar  string `json:"avatar"`
		QRCode  string `json:"qr_code"`
		Mobile  string `json:"mobile"`
		Email   string `json:"email"`
		BizMail string `json:"biz_mail"`
		Address string `json:"address"`
	}{statusOK, v.UserID, v.Gender, v.Avatar, v.QRCode, v.Mobile, v.Email, v.BizMail, v.Address}, nil
}
