package wecomsim

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Counters is what GET /sim/stats answers.
type Counters struct {
	Calls             map[string]int64 `json:"calls"`    // per API, e.g. "user/get"
	Errcodes          map[int]int64    `json:"errcodes"` // error answers by errcode
	Faults            FaultCounts      `json:"faults"`
	RateLimited       int64            `json:"rate_limited"` // 45009 answers from the per-minute limit
	Messages          int              `json:"messages"`
	DroppedDeliveries int64            `json:"dropped_deliveries"` // over the per-member limit
}

// Stats returns the number of calls per API (only APIs called at least once).
func (s *Sim) Stats() map[string]int64 {
	out := map[string]int64{}
	for api, rt := range s.routes {
		if n := rt.calls.Load(); n > 0 {
			out[api] = n
		}
	}
	return out
}

// Counters returns all counters.
func (s *Sim) Counters() Counters {
	c := Counters{Calls: s.Stats(), Errcodes: map[int]int64{},
		Faults:      FaultCounts{s.faults.errors.Load(), s.faults.http502.Load(), s.faults.drops.Load()},
		RateLimited: s.limits.limited.Load()}
	s.errMu.Lock()
	for k, v := range s.errCount {
		c.Errcodes[k] = v
	}
	s.errMu.Unlock()
	s.msgs.mu.Lock()
	c.Messages, c.DroppedDeliveries = len(s.msgs.list), s.msgs.dropped
	s.msgs.mu.Unlock()
	return c
}

// ResetCounters zeroes the call, errcode and fault counters and starts the
// per-minute rate-limit windows afresh. The message log is kept.
func (s *Sim) ResetCounters() {
	for _, rt := range s.routes {
		rt.calls.Store(0)
	}
	s.resetWindows()
	s.errMu.Lock()
	s.errCount = map[int]int64{}
	s.errMu.Unlock()
	s.faults.errors.Store(0)
	s.faults.http502.Store(0)
	s.faults.drops.Store(0)
	s.limits.limited.Store(0)
}

// Org returns a snapshot of the live organisation in the file format.
func (s *Sim) Org() *Org {
	s.mu.RLock()
	defer s.mu.RUnlock()
	o := &Org{CorpID: s.corpID, ContactSecret: s.contactSecret, Apps: []App{}}
	o.Departments, o.Users = s.dir.org()
	ids := make([]int, 0, len(s.apps))
	for id := range s.apps {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		o.Apps = append(o.Apps, s.apps[id].export())
	}
	return o
}

var adminIndex = []string{
	"GET  /sim/info                  corp id, contact secret, apps and their secrets",
	"GET  /sim/stats                 call, errcode and fault counters",
	"POST /sim/reset-counters        zero counters and rate-limit windows",
	"GET  /sim/messages              message log (?agentid= &userid= &msgid=); DELETE clears it",
	"GET  /sim/faults                fault configuration; POST replaces it",
	"GET  /sim/clock                 simulator time",
	"POST /sim/clock/advance         {\"seconds\":N} or ?d=90s",
	"POST /sim/clock/set             {\"now\":\"2024-01-02T15:04:05+08:00\"}",
	"POST /sim/rate-limit            {\"api\":\"user/get\",\"per_minute\":N} (api \"\" = default)",
	"POST /sim/trusted-ip            {\"agentid\":N|0|-1,\"enabled\":true,\"ips\":[\"127.0.0.1\"]}",
	"POST /sim/contact-detail-block  {\"blocked\":true} (48009 for the contact secret's detail reads)",
	"POST /sim/tokens/revoke         invalidate every access_token (40014)",
	"POST /sim/oauth/code            {\"agentid\":N,\"userid\":\"...\",\"scope\":\"snsapi_base\"} -> {\"code\"}",
	"POST /sim/redirect-domain       {\"agentid\":N,\"domain\":\"host[:port]\"} the app's trusted domain (\"\" = any)",
	"GET  /sim/invites               userids batch/invite has invited",
	"GET  /sim/org                   the organisation in the file format",
}

func adminError(w http.ResponseWriter, code int, format string, args ...any) {
	writeJSON(w, code, map[string]string{"error": fmt.Sprintf(format, args...)})
}

// readAdmin decodes an optional JSON body.
func readAdmin(w http.ResponseWriter, r *http.Request, v any) bool {
	if r.ContentLength == 0 {
		return true
	}
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBody)).Decode(v); err != nil {
		adminError(w, http.StatusBadRequest, "bad JSON body: %v", err)
		return false
	}
	return true
}

func (s *Sim) serveAdmin(w http.ResponseWriter, r *http.Request) {
	path := strings.TrimSuffix(strings.TrimPrefix(r.URL.Path, "/sim"), "/")
	key := r.Method + " " + path
	switch key {
	case "GET ":
		writeJSON(w, http.StatusOK, map[string]any{"endpoints": adminIndex})
	case "GET /info":
		o := s.Org()
		writeJSON(w, http.StatusOK, map[string]any{"corp_id": o.CorpID, "contact_secret": o.ContactSecret, "apps": o.Apps})
	case "GET /stats":
		writeJSON(w, http.StatusOK, s.Counters())
	case "POST /reset-counters":
		s.ResetCounters()
		writeJSON(w, http.StatusOK, s.Counters())
	case "GET /messages":
		writeJSON(w, http.StatusOK, map[string]any{"messages": s.filterMessages(r)})
	case "DELETE /messages":
		s.ClearMessages()
		writeJSON(w, http.StatusOK, map[string]any{"messages": []SentMessage{}})
	case "GET /faults":
		writeJSON(w, http.StatusOK, s.CurrentFaults())
	case "POST /faults":
		var f Faults
		if readAdmin(w, r, &f) {
			s.SetFaults(f)
			writeJSON(w, http.StatusOK, s.CurrentFaults())
		}
	case "GET /clock":
		s.writeClock(w)
	case "POST /clock/advance":
		var b struct {
			Seconds float64 `json:"seconds"`
		}
		if !readAdmin(w, r, &b) {
			return
		}
		d := time.Duration(b.Seconds * float64(time.Second))
		if q := r.URL.Query().Get("d"); q != "" {
			var err error
			if d, err = time.ParseDuration(q); err != nil {
				adminError(w, http.StatusBadRequest, "bad duration %q", q)
				return
			}
		}
		s.clock.Advance(d)
		s.writeClock(w)
	case "POST /clock/set":
		var b struct {
			Now json.RawMessage `json:"now"`
		}
		if !readAdmin(w, r, &b) {
			return
		}
		t, err := parseAdminTime(b.Now)
		if err != nil {
			adminError(w, http.StatusBadRequest, "%v", err)
			return
		}
		s.clock.Set(t)
		s.writeClock(w)
	case "POST /rate-limit":
		var b struct {
			API       string `json:"api"`
			PerMinute int    `json:"per_minute"`
		}
		if readAdmin(w, r, &b) {
			if !s.SetRateLimit(b.API, b.PerMinute) {
				adminError(w, http.StatusBadRequest, "unknown api %q", b.API)
				return
			}
			writeJSON(w, http.StatusOK, b)
		}
	case "POST /trusted-ip":
		var b struct {
			AgentID int      `json:"agentid"`
			Enabled bool     `json:"enabled"`
			IPs     []string `json:"ips"`
		}
		if readAdmin(w, r, &b) {
			if b.Enabled {
				s.SetTrustedIPOnly(b.AgentID, b.IPs...)
			} else {
				s.ClearTrustedIPOnly(b.AgentID)
			}
			writeJSON(w, http.StatusOK, b)
		}
	case "POST /contact-detail-block":
		var b struct {
			Blocked bool `json:"blocked"`
		}
		if readAdmin(w, r, &b) {
			s.SetContactDetailBlocked(b.Blocked)
			writeJSON(w, http.StatusOK, b)
		}
	case "POST /tokens/revoke":
		s.RevokeTokens()
		writeJSON(w, http.StatusOK, map[string]bool{"revoked": true})
	case "POST /oauth/code":
		var b struct {
			AgentID int    `json:"agentid"`
			UserID  string `json:"userid"`
			Scope   string `json:"scope"`
		}
		if readAdmin(w, r, &b) {
			writeJSON(w, http.StatusOK, map[string]string{"code": s.IssueOAuthCode(b.AgentID, b.UserID, b.Scope)})
		}
	case "POST /redirect-domain":
		var b struct {
			AgentID int    `json:"agentid"`
			Domain  string `json:"domain"`
		}
		if readAdmin(w, r, &b) {
			if err := s.SetRedirectDomain(b.AgentID, b.Domain); err != nil {
				adminError(w, http.StatusBadRequest, "%v", err)
				return
			}
			writeJSON(w, http.StatusOK, b)
		}
	case "GET /invites":
		writeJSON(w, http.StatusOK, map[string][]string{"invited": s.Invited()})
	case "GET /org":
		w.Header().Set("Content-Type", "application/json; charset=UTF-8")
		s.Org().Dump(w)
	default:
		if !s.serveCallbackAdmin(w, r, key) && !s.serveContactAdmin(w, r, key) {
			adminError(w, http.StatusNotFound, "no admin endpoint %s; GET /sim/ lists them", key)
		}
	}
}

func (s *Sim) writeClock(w http.ResponseWriter) {
	now := s.clock.Now()
	writeJSON(w, http.StatusOK, map[string]any{"now": now.Format(time.RFC3339Nano), "unix": now.Unix()})
}

// parseAdminTime accepts an RFC 3339 string or unix seconds.
func parseAdminTime(raw json.RawMessage) (time.Time, error) {
	var sec int64
	if json.Unmarshal(raw, &sec) == nil {
		return time.Unix(sec, 0), nil
	}
	var str string
	if err := json.Unmarshal(raw, &str); err != nil {
		return time.Time{}, fmt.Errorf("now must be RFC 3339 text or unix seconds")
	}
	return time.Parse(time.RFC3339, str)
}

func (s *Sim) filterMessages(r *http.Request) []SentMessage {
	q := r.URL.Query()
	agent, _ := strconv.Atoi(q.Get("agentid"))
	user, msgid := q.Get("userid"), q.Get("msgid")
	out := []SentMessage{}
	for _, m := range s.Messages() {
		if (agent != 0 && m.AgentID != agent) || (msgid != "" && m.MsgID != msgid) ||
			(user != "" && !slices.ContainsFunc(m.Delivered, func(u string) bool { return strings.EqualFold(u, user) })) {
			continue
		}
		out = append(out, m)
	}
	return out
}
