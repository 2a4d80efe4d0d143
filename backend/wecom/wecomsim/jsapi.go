package wecomsim

import (
	"strconv"
	"sync"
	"time"
)

const (
	ticketTTL          = 7200 * time.Second
	corpTicketsPerHour = 400 // "一小时内，一个企业最多可获取400次"
	appTicketsPerHour  = 100 // "且单个应用不能超过100次"
)

// ticketStore caches JS-SDK tickets (one for the corp, one per agent) and
// counts fetches per hour.
type ticketStore struct {
	mu      sync.Mutex
	tickets map[string]*token // "corp" or "agent:N"
	hour    int64
	perCorp int
	perApp  map[int]int
}

func (t *ticketStore) get(key string, agent int, now time.Time) (*token, *apiError) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.tickets == nil {
		t.tickets, t.perApp = map[string]*token{}, map[int]int{}
	}
	if h := now.Unix() / 3600; h != t.hour {
		t.hour, t.perCorp, t.perApp = h, 0, map[int]int{}
	}
	if t.perCorp >= corpTicketsPerHour || t.perApp[agent] >= appTicketsPerHour {
		return nil, apiErrf(45009, "api freq out of limit, jsapi ticket fetched too often this hour")
	}
	t.perCorp++
	t.perApp[agent]++
	cur := t.tickets[key]
	if cur == nil || !now.Before(cur.expires) {
		cur = &token{value: randomToken()[:86], agent: agent, expires: now.Add(ticketTTL)}
		t.tickets[key] = cur
	}
	return cur, nil
}

type ticketJSON struct {
	status
	Ticket    string `json:"ticket"`
	ExpiresIn int    `json:"expires_in"`
}

func ticketAnswer(t *token, now time.Time) ticketJSON {
	return ticketJSON{statusOK, t.value, int(t.expires.Sub(now) / time.Second)}
}

// jsapiTicket answers get_jsapi_ticket (the corp ticket for wx.config).
func (s *Sim) jsapiTicket(c *call) (any, *apiError) {
	t, err := s.tickets.get("corp", c.agent, c.now)
	if err != nil {
		return nil, err
	}
	return ticketAnswer(t, c.now), nil
}

// agentTicket answers ticket/get?type=agent_config (the app ticket for wx.agentConfig).
func (s *Sim) agentTicket(c *call) (any, *apiError) {
	if c.param("type") != "agent_config" {
		return nil, apiErrf(40058, "invalid Parameter, type must be agent_config")
	}
	t, err := s.tickets.get("agent:"+strconv.Itoa(c.agent), c.agent, c.now)
	if err != nil {
		return nil, err
	}
	return ticketAnswer(t, c.now), nil
}
