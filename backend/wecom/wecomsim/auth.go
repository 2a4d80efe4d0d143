package wecomsim

import (
	"crypto/rand"
	"encoding/base64"
	"net/netip"
	"slices"
	"sync"
	"time"
)

// token is an issued access_token.
type token struct {
	value   string
	agent   int // 0 = 通讯录同步 secret
	expires time.Time
	revoked bool
}

type tokenStore struct {
	mu      sync.RWMutex
	byValue map[string]*token
	current map[int]*token
}

func (t *tokenStore) init() {
	t.byValue = map[string]*token{}
	t.current = map[int]*token{}
}

// issue returns the agent's live token, or a new one once it has expired:
// WeCom answers the same token while it is valid.
func (t *tokenStore) issue(agent int, now time.Time, ttl time.Duration) *token {
	t.mu.Lock()
	defer t.mu.Unlock()
	if cur := t.current[agent]; cur != nil && !cur.revoked && now.Before(cur.expires) {
		return cur
	}
	tok := &token{value: randomToken(), agent: agent, expires: now.Add(ttl)}
	t.byValue[tok.value] = tok
	t.current[agent] = tok
	return tok
}

func (t *tokenStore) lookup(v string) (token, bool) {
	t.mu.RLock()
	defer t.mu.RUnlock()
	tok := t.byValue[v]
	if tok == nil {
		return token{}, false
	}
	return *tok, true
}

func (t *tokenStore) revokeAll() {
	t.mu.Lock()
	defer t.mu.Unlock()
	for _, tok := range t.byValue {
		tok.revoked = true
	}
}

func randomToken() string {
	b := make([]byte, 96)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// accessPolicy holds the runtime switches checked on every call. It is
// replaced whole (copy on write), so reads need no lock.
type accessPolicy struct {
	corpIPs       []string         // non-nil: 企业可信IP for every secret
	agentIPs      map[int][]string // per secret; agentid 0 = the contact secret
	contactDetail bool             // 48009 for the contact secret's detail reads
}

// AgentCorp and AgentContact name the targets of SetTrustedIPOnly besides agentids.
const (
	AgentCorp    = -1 // every secret of the corp
	AgentContact = 0  // the 通讯录同步 secret
)

// SetTrustedIPOnly turns on the trusted-IP rule for one secret (an agentid,
// AgentContact or AgentCorp): calls from other IPs fail with 60020. With no
// ips every caller is refused, as for a new app with no 企业可信IP configured.
// Entries may be addresses or CIDR prefixes.
func (s *Sim) SetTrustedIPOnly(agentid int, ips ...string) {
	s.updatePolicy(func(p *accessPolicy) {
		list := append([]string{}, ips...)
		if agentid == AgentCorp {
			p.corpIPs = list
			return
		}
		p.agentIPs[agentid] = list
	})
}

// ClearTrustedIPOnly turns the trusted-IP rule off for one secret (or AgentCorp).
func (s *Sim) ClearTrustedIPOnly(agentid int) {
	s.updatePolicy(func(p *accessPolicy) {
		if agentid == AgentCorp {
			p.corpIPs = nil
			return
		}
		delete(p.agentIPs, agentid)
	})
}

// SetContactDetailBlocked switches the 2022-08-15 rule on or off: the contact
// secret's detail reads (user/get, user/list, user/simplelist,
// department/list, department/get) fail with 48009.
func (s *Sim) SetContactDetailBlocked(on bool) {
	s.updatePolicy(func(p *accessPolicy) { p.contactDetail = on })
}

func (s *Sim) updatePolicy(fn func(*accessPolicy)) {
	for {
		old := s.policy.Load()
		p := &accessPolicy{corpIPs: old.corpIPs, agentIPs: map[int][]string{}, contactDetail: old.contactDetail}
		for k, v := range old.agentIPs {
			p.agentIPs[k] = v
		}
		fn(p)
		if s.policy.CompareAndSwap(old, p) {
			return
		}
	}
}

// RevokeTokens invalidates every issued access_token (they then answer
// 40014), as WeCom may do before expiry.
func (s *Sim) RevokeTokens() { s.tokens.revokeAll() }

func ipAllowed(list []string, ip string) bool {
	addr, err := netip.ParseAddr(ip)
	return slices.ContainsFunc(list, func(e string) bool {
		if e == ip {
			return true
		}
		pfx, perr := netip.ParsePrefix(e)
		return perr == nil && err == nil && pfx.Contains(addr)
	})
}

// authorize checks the access_token, trusted IPs and the route's access rule.
func (s *Sim) authorize(c *call, rt *route) *apiError {
	if rt.access == accessNone {
		return nil
	}
	v := c.param("access_token")
	if v == "" {
		return apiErr(41001)
	}
	tok, ok := s.tokens.lookup(v)
	if !ok || tok.revoked {
		return apiErr(40014)
	}
	if !c.now.Before(tok.expires) {
		return apiErr(42001)
	}
	p := s.policy.Load()
	if p.corpIPs != nil && !ipAllowed(p.corpIPs, c.ip) {
		return apiErr(60020)
	}
	if list, on := p.agentIPs[tok.agent]; on && !ipAllowed(list, c.ip) {
		return apiErr(60020)
	}
	c.agent = tok.agent
	if tok.agent != 0 {
		s.mu.RLock()
		c.app = s.apps[tok.agent]
		s.mu.RUnlock()
	}
	switch {
	case rt.access == accessApp && c.app == nil:
		return apiErrf(48002, "api forbidden, the contact sync secret can only sync contacts and cannot call %s", rt.api)
	case rt.access == accessContact && c.app != nil:
		return apiErrf(48002, "api forbidden, only the contact sync secret may call %s", rt.api)
	case rt.access == accessContactDetail && c.app == nil && p.contactDetail:
		return apiErr(48009)
	}
	return nil
}

// getToken answers gettoken?corpid=&corpsecret=.
func (s *Sim) getToken(c *call) (any, *apiError) {
	corp, secret := c.param("corpid"), c.param("corpsecret")
	switch {
	case corp == "":
		return nil, apiErr(41002)
	case secret == "":
		return nil, apiErr(41004)
	case corp != s.corpID:
		return nil, apiErr(40013)
	}
	agent := 0
	if secret != s.contactSecret {
		s.mu.RLock()
		a := s.secrets[secret]
		s.mu.RUnlock()
		if a == nil {
			return nil, apiErr(40001)
		}
		agent = a.agentID
	}
	tok := s.tokens.issue(agent, c.now, s.cfg.tokenTTL)
	return struct {
		status
		AccessToken string `json:"access_token"`
		ExpiresIn   int    `json:"expires_in"`
	}{statusOK, tok.value, int(tok.expires.Sub(c.now).Round(time.Second) / time.Second)}, nil
}
