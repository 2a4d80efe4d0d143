package wecomsim

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Message limits from the message/send documentation.
const (
	MaxToUser            = 1000
	MaxToParty           = 100
	MaxToTag             = 100
	maxTextBytes         = 2048
	defaultDupInterval   = 1800
	maxDupInterval       = 4 * 3600
	recallWindow         = 24 * time.Hour
	responseCodeValidFor = 72 * time.Hour
)

type article struct {
	Title    string `json:"title"`
	URL      string `json:"url"`
	AppID    string `json:"appid"`
	PagePath string `json:"pagepath"`
}

type sendBody struct {
	ToUser                 string `json:"touser"`
	ToParty                string `json:"toparty"`
	ToTag                  string `json:"totag"`
	MsgType                string `json:"msgtype"`
	AgentID                int    `json:"agentid"`
	EnableDuplicateCheck   int    `json:"enable_duplicate_check"`
	DuplicateCheckInterval int    `json:"duplicate_check_interval"`
	Text                   *struct {
		Content string `json:"content"`
	} `json:"text"`
	Markdown *struct {
		Content string `json:"content"`
	} `json:"markdown"`
	TextCard *struct {
		Title       string `json:"title"`
		Description string `json:"description"`
		URL         string `json:"url"`
	} `json:"textcard"`
	News *struct {
		Articles []article `json:"articles"`
	} `json:"news"`
	TemplateCard json.RawMessage `json:"template_card"`
}

// splitIDs splits a "a|b|c" recipient string, dropping empty parts.
func splitIDs(s string) []string {
	if s == "" {
		return nil
	}
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// truncateBytes cuts s to at most n bytes on a rune boundary.
func truncateBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// content checks the body of each message type and returns the text to record.
func (b *sendBody) content() (text string, card *templateCard, err *apiError) {
	switch b.MsgType {
	case "text":
		if b.Text == nil || b.Text.Content == "" {
			return "", nil, apiErr(44004)
		}
		return truncateBytes(b.Text.Content, maxTextBytes), nil, nil
	case "markdown":
		if b.Markdown == nil || b.Markdown.Content == "" {
			return "", nil, apiErr(44004)
		}
		if len(b.Markdown.Content) > maxTextBytes {
			return "", nil, apiErrf(45002, "content size out of limit, markdown content exceeds 2048 bytes")
		}
		return b.Markdown.Content, nil, nil
	case "textcard":
		t := b.TextCard
		switch {
		case t == nil || t.Title == "":
			return "", nil, apiErrf(41016, "missing title")
		case t.Description == "":
			return "", nil, apiErrf(41033, "missing description")
		case t.URL == "":
			return "", nil, apiErrf(41010, "missing url")
		case len(t.Title) > 128 || utf8.RuneCountInString(t.Description) > 512 || len(t.URL) > 2048:
			return "", nil, apiErrf(40058, "invalid Parameter, textcard field exceeds its length limit")
		}
		return t.Title, nil, nil
	case "news":
		if b.News == nil || len(b.News.Articles) == 0 || len(b.News.Articles) > 8 {
			return "", nil, apiErr(45008)
		}
		for _, a := range b.News.Articles {
			if a.Title == "" {
				return "", nil, apiErrf(41016, "missing title")
			}
			if a.URL == "" && (a.AppID == "" || a.PagePath == "") {
				return "", nil, apiErrf(41010, "missing url")
			}
		}
		return b.News.Articles[0].Title, nil, nil
	case "template_card":
		card, err := parseTemplateCard(b.TemplateCard)
		if err != nil {
			return "", nil, err
		}
		return card.title(), card, nil
	}
	return "", nil, apiErrf(40008, "invalid message type %q", b.MsgType)
}

// recipients resolves touser/toparty/totag within the app's scope. Unknown,
// out-of-scope and disabled members are returned as invalid.
func (s *Sim) recipients(a *app, toUser, toParty, toTag []string) (users []*member, badUser, badParty, badTag []string) {
	d := s.dir
	seen := map[*member]bool{}
	add := func(m *member) {
		if !seen[m] && !m.disabled() {
			seen[m] = true
			users = append(users, m)
		}
	}
	if len(toUser) == 1 && toUser[0] == "@all" {
		for _, m := range d.bySeq {
			if !m.deleted && a.seesUser(d, m) {
				add(m)
			}
		}
		return users, nil, nil, nil
	}
	for _, id := range toUser {
		m := d.user(id)
		if m == nil || m.disabled() || !a.seesUser(d, m) {
			badUser = append(badUser, strings.ToLower(id))
			continue
		}
		add(m)
	}
	addDept := func(x *dept) {
		x.walk(func(y *dept) bool {
			for _, m := range y.members {
				add(m)
			}
			return true
		})
	}
	for _, p := range toParty {
		id, err := strconv.Atoi(p)
		x := d.depts[id]
		if err != nil || x == nil || !a.seesDept(x) {
			badParty = append(badParty, p)
			continue
		}
		addDept(x)
	}
	for _, t := range toTag {
		id, err := strconv.Atoi(t)
		tg := s.tags[id]
		if err != nil || tg == nil {
			badTag = append(badTag, t)
			continue
		}
		for _, key := range tg.users {
			if m := d.users[key]; m != nil && a.seesUser(d, m) {
				add(m)
			}
		}
		for _, pid := range tg.parties {
			if x := d.depts[pid]; x != nil && a.seesDept(x) {
				addDept(x)
			}
		}
	}
	return users, badUser, badParty, badTag
}

type sendResult struct {
	status
	InvalidUser    string `json:"invaliduser,omitempty"`
	InvalidParty   string `json:"invalidparty,omitempty"`
	InvalidTag     string `json:"invalidtag,omitempty"`
	UnlicensedUser string `json:"unlicenseduser,omitempty"`
	MsgID          string `json:"msgid"`
	ResponseCode   string `json:"response_code,omitempty"`
}

func resultOf(m *SentMessage) sendResult {
	return sendResult{statusOK, m.InvalidUser, m.InvalidParty, m.InvalidTag, m.UnlicensedUser, m.MsgID, m.ResponseCode}
}

// SetUnlicensed marks members as in the app's scope but without a 基础接口许可
// (interface licence): message/send still answers errcode 0, lists them in
// unlicenseduser and does not deliver to them. No userids: everyone licensed.
func (s *Sim) SetUnlicensed(userids ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nolicen = map[string]bool{}
	for _, id := range userids {
		s.nolicen[strings.ToLower(id)] = true
	}
}

// licensed splits users into those with a licence and the userids (lower
// case, as WeCom answers) of those without one. Callers hold s.mu.
func (s *Sim) licensed(users []*member) (ok []*member, unlicensed []string) {
	for _, m := range users {
		if s.nolicen[m.key] {
			unlicensed = append(unlicensed, m.key)
			continue
		}
		ok = append(ok, m)
	}
	return ok, unlicensed
}

func (s *Sim) messageSend(c *call) (any, *apiError) {
	var b sendBody
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	switch {
	case b.AgentID == 0:
		return nil, apiErr(41011)
	case b.AgentID != c.agent:
		return nil, apiErr(301002)
	}
	text, card, err := b.content()
	if err != nil {
		return nil, err
	}
	toUser, toParty, toTag := splitIDs(b.ToUser), splitIDs(b.ToParty), splitIDs(b.ToTag)
	if len(toUser) == 1 && toUser[0] == "@all" {
		toParty, toTag = nil, nil
	}
	switch {
	case len(toUser) > MaxToUser:
		return nil, apiErrf(40032, "invalid userid list size, touser holds %d userids, at most %d", len(toUser), MaxToUser)
	case len(toParty) > MaxToParty:
		return nil, apiErr(82002)
	case len(toTag) > MaxToTag:
		return nil, apiErr(82003)
	case len(toUser)+len(toParty)+len(toTag) == 0:
		return nil, apiErr(82001)
	}

	var compact bytes.Buffer
	json.Compact(&compact, c.body)
	dupKey := ""
	interval := time.Duration(0)
	if b.EnableDuplicateCheck == 1 {
		secs := b.DuplicateCheckInterval
		if secs <= 0 {
			secs = defaultDupInterval
		}
		interval = time.Duration(min(secs, maxDupInterval)) * time.Second
		dupKey = strconv.Itoa(c.agent) + "|" + compact.String()
		s.msgs.mu.Lock()
		e, ok := s.msgs.dup[dupKey]
		s.msgs.mu.Unlock()
		if ok && c.now.Sub(e.at) < interval {
			return resultOf(e.msg), nil
		}
	}

	s.mu.RLock()
	users, badUser, badParty, badTag := s.recipients(c.app, toUser, toParty, toTag)
	users, unlicensed := s.licensed(users)
	s.mu.RUnlock()
	if len(users) == 0 && len(badUser)+len(badParty)+len(badTag) > 0 {
		return nil, apiErrf(81013, "user & party & tag all invalid, invaliduser: %s, invalidparty: %s, invalidtag: %s",
			strings.Join(badUser, "|"), strings.Join(badParty, "|"), strings.Join(badTag, "|"))
	}

	l := &s.msgs
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.dup[dupKey]; ok && dupKey != "" && c.now.Sub(e.at) < interval {
		return resultOf(e.msg), nil // an identical send won the race
	}
	if card != nil && card.TaskID != "" {
		k := memberKey{c.agent, card.TaskID}
		if l.taskIDs[k] {
			return nil, apiErrf(40058, "invalid Parameter, task_id %s already used by this app", card.TaskID)
		}
		l.taskIDs[k] = true
	}
	msg := &SentMessage{
		MsgID: l.newID("msg", s.corpID, c.now), AgentID: c.agent, MsgType: b.MsgType, Text: text,
		ToUser: b.ToUser, ToParty: b.ToParty, ToTag: b.ToTag, SentAt: c.now,
		InvalidUser: strings.Join(badUser, "|"), InvalidParty: strings.Join(badParty, "|"),
		InvalidTag: strings.Join(badTag, "|"), UnlicensedUser: strings.Join(unlicensed, "|"), Body: json.RawMessage(compact.Bytes()),
		Delivered: make([]string, 0, len(users)),
	}
	for _, m := range users {
		if l.admit(c.agent, m.key, c.now, s.cfg.memberPerMinute, s.cfg.memberPerHour) {
			msg.Delivered = append(msg.Delivered, m.userid)
		} else {
			msg.Dropped = append(msg.Dropped, m.userid)
			l.dropped++
		}
	}
	if card != nil {
		msg.TaskID = card.TaskID
		if card.interactive() {
			msg.ResponseCode = l.newID("code", s.corpID, c.now)
			l.codes[msg.ResponseCode] = &responseCode{msg: msg, issued: c.now}
		}
	}
	l.list = append(l.list, msg)
	l.byID[msg.MsgID] = msg
	if dupKey != "" {
		l.dup[dupKey] = dupEntry{at: c.now, msg: msg}
	}
	return resultOf(msg), nil
}

func (s *Sim) messageRecall(c *call) (any, *apiError) {
	var b struct {
		MsgID string `json:"msgid"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	if b.MsgID == "" {
		return nil, apiErrf(40058, "invalid Parameter, msgid is required")
	}
	s.msgs.mu.Lock()
	defer s.msgs.mu.Unlock()
	m := s.msgs.byID[b.MsgID]
	switch {
	case m == nil:
		return nil, apiErrf(40058, "invalid Parameter, msgid not found")
	case m.AgentID != c.agent:
		return nil, apiErrf(40058, "invalid Parameter, the message was sent by another agent")
	case m.RecalledAt != nil:
		return nil, apiErrf(40058, "invalid Parameter, the message has already been recalled")
	case c.now.Sub(m.SentAt) > recallWindow:
		return nil, apiErr(42052)
	}
	t := c.now
	m.RecalledAt = &t
	return statusOK, nil
}
