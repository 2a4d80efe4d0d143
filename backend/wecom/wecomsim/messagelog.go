package wecomsim

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"slices"
	"sync"
	"time"
)

// SentMessage is one accepted message/send call as the simulator recorded it.
type SentMessage struct {
	MsgID        string   `json:"msgid"`
	AgentID      int      `json:"agentid"`
	MsgType      string   `json:"msgtype"`
	Text         string   `json:"text"` // text/markdown content (as delivered), else the title
	ToUser       string   `json:"touser,omitempty"`
	ToParty      string   `json:"toparty,omitempty"`
	ToTag        string   `json:"totag,omitempty"`
	Delivered    []string `json:"delivered"`         // userids that got it
	Dropped      []string `json:"dropped,omitempty"` // over the per-member limit, silently not delivered
	InvalidUser  string   `json:"invaliduser,omitempty"`
	InvalidParty string   `json:"invalidparty,omitempty"`
	InvalidTag   string   `json:"invalidtag,omitempty"`
	// UnlicensedUser: in scope without a 基础接口许可, not delivered (SetUnlicensed).
	UnlicensedUser string          `json:"unlicenseduser,omitempty"`
	TaskID         string          `json:"task_id,omitempty"`
	ResponseCode   string          `json:"response_code,omitempty"`
	SentAt         time.Time       `json:"sent_at"`
	RecalledAt     *time.Time      `json:"recalled_at,omitempty"`
	Updates        []CardUpdate    `json:"updates,omitempty"`
	Body           json.RawMessage `json:"body"` // the request as sent
	// Via is "passive_reply" for a reply the receiver gave in its answer to a
	// callback (callback_out.go); "" for message/send.
	Via string `json:"via,omitempty"`
}

// CardUpdate is one accepted message/update_template_card call.
type CardUpdate struct {
	At      time.Time       `json:"at"`
	UserIDs []string        `json:"userids"`
	Body    json.RawMessage `json:"body"`
}

type memberKey struct {
	agent int
	user  string
}

// memberCount counts deliveries to one member from one app in the current
// calendar minute and hour.
type memberCount struct {
	minute, hour     int64
	inMinute, inHour int
}

type dupEntry struct {
	at  time.Time
	msg *SentMessage
}

type responseCode struct {
	msg    *SentMessage
	issued time.Time
	used   bool
}

// messageLog records deliveries and holds the state of duplicate checks,
// per-member limits, response codes and task ids.
type messageLog struct {
	mu        sync.Mutex
	list      []*SentMessage
	byID      map[string]*SentMessage
	dup       map[string]dupEntry
	perMember map[memberKey]*memberCount
	codes     map[string]*responseCode
	taskIDs   map[memberKey]bool // agent + task_id
	seq       uint64
	dropped   int64
}

func (l *messageLog) init() {
	l.byID = map[string]*SentMessage{}
	l.dup = map[string]dupEntry{}
	l.perMember = map[memberKey]*memberCount{}
	l.codes = map[string]*responseCode{}
	l.taskIDs = map[memberKey]bool{}
}

// newID derives a WeCom-looking opaque id (43 characters of base64url).
func (l *messageLog) newID(kind, corp string, now time.Time) string {
	l.seq++
	sum := sha256.Sum256(fmt.Appendf(nil, "%s|%s|%d|%d", kind, corp, l.seq, now.UnixNano()))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

// admit applies the per-member limits (per app, per minute and per hour) to
// one delivery; false means WeCom drops it silently.
func (l *messageLog) admit(agent int, user string, now time.Time, perMin, perHour int) bool {
	k := memberKey{agent, user}
	c := l.perMember[k]
	if c == nil {
		c = &memberCount{}
		l.perMember[k] = c
	}
	minute, hour := now.Unix()/60, now.Unix()/3600
	if c.minute != minute {
		c.minute, c.inMinute = minute, 0
	}
	if c.hour != hour {
		c.hour, c.inHour = hour, 0
	}
	if (perMin > 0 && c.inMinute >= perMin) || (perHour > 0 && c.inHour >= perHour) {
		return false
	}
	c.inMinute++
	c.inHour++
	return true
}

// Messages returns the recorded messages, oldest first.
func (s *Sim) Messages() []SentMessage {
	s.msgs.mu.Lock()
	defer s.msgs.mu.Unlock()
	out := make([]SentMessage, len(s.msgs.list))
	for i, m := range s.msgs.list {
		out[i] = m.copy()
	}
	return out
}

// Message returns the recorded message with msgid.
func (s *Sim) Message(msgid string) (SentMessage, bool) {
	s.msgs.mu.Lock()
	defer s.msgs.mu.Unlock()
	m := s.msgs.byID[msgid]
	if m == nil {
		return SentMessage{}, false
	}
	return m.copy(), true
}

// ClearMessages empties the message log (limits and duplicate checks start over).
func (s *Sim) ClearMessages() {
	s.msgs.mu.Lock()
	defer s.msgs.mu.Unlock()
	s.msgs.list = nil
	s.msgs.dropped = 0
	s.msgs.init()
}

func (m *SentMessage) copy() SentMessage {
	c := *m
	c.Updates = slices.Clone(m.Updates)
	if m.RecalledAt != nil {
		t := *m.RecalledAt
		c.RecalledAt = &t
	}
	return c
}
