package wecomsim

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Member actions that make the simulator send an app callback: a member
// "sends" a text or an image to an app, or clicks a button of a template
// card an app sent them.

// MaxMemberText bounds a simulated member message (WeCom: 2048 bytes).
const MaxMemberText = 2048

type inboundMsg struct {
	XMLName      xml.Name  `xml:"xml"`
	ToUserName   cdataOut  `xml:"ToUserName"`
	FromUserName cdataOut  `xml:"FromUserName"`
	CreateTime   int64     `xml:"CreateTime"`
	MsgType      cdataOut  `xml:"MsgType"`
	Content      *cdataOut `xml:"Content,omitempty"`
	PicURL       *cdataOut `xml:"PicUrl,omitempty"`
	MediaID      *cdataOut `xml:"MediaId,omitempty"`
	Event        *cdataOut `xml:"Event,omitempty"`
	EventKey     *cdataOut `xml:"EventKey,omitempty"`
	TaskID       *cdataOut `xml:"TaskId,omitempty"`
	CardType     *cdataOut `xml:"CardType,omitempty"`
	ResponseCode *cdataOut `xml:"ResponseCode,omitempty"`
	MsgID        string    `xml:"MsgId,omitempty"`
	AgentID      int       `xml:"AgentID"`
}

func cd(v string) *cdataOut { return &cdataOut{v} }

// memberOf returns the member's userid as created when agent's app sees them.
func (s *Sim) memberOf(agentID int, userID string) (string, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	a := s.apps[agentID]
	if a == nil {
		return "", fmt.Errorf("no app with agentid %d", agentID)
	}
	users, _, _, _ := s.recipients(a, []string{userID}, nil, nil)
	if len(users) == 0 {
		return "", fmt.Errorf("member %q does not exist, is disabled or is outside app %d's visible range", userID, agentID)
	}
	return users[0].userid, nil
}

// SendAppMessage has member userID send a text (or, with image, a picture)
// to app agentID: the simulator delivers the message callback and records a
// passive reply in the message log.
func (s *Sim) SendAppMessage(ctx context.Context, agentID int, userID, text string, image bool) (CallbackDelivery, error) {
	if !image && (strings.TrimSpace(text) == "" || len(text) > MaxMemberText || !utf8.ValidString(text)) {
		return CallbackDelivery{}, fmt.Errorf("text must be 1 to %d bytes of UTF-8", MaxMemberText)
	}
	uid, err := s.memberOf(agentID, userID)
	if err != nil {
		return CallbackDelivery{}, err
	}
	now := s.clock.Now()
	s.msgs.mu.Lock()
	s.msgs.seq++
	msgID := strconv.FormatUint(4561255354251345929+s.msgs.seq, 10)
	s.msgs.mu.Unlock()
	m := inboundMsg{ToUserName: cdataOut{s.corpID}, FromUserName: cdataOut{uid}, CreateTime: now.Unix(),
		MsgID: msgID, AgentID: agentID}
	if image {
		m.MsgType = cdataOut{"image"}
		m.PicURL = cd("https://wework.qpic.cn/sim/" + msgID + ".png")
		m.MediaID = cd("sim-media-" + msgID)
	} else {
		m.MsgType, m.Content = cdataOut{"text"}, cd(text)
	}
	plain, _ := xml.Marshal(m)
	return s.SendCallback(ctx, agentID, m.MsgType.Value, plain)
}

// ClickCard has member userID click the button with key on the template
// card msgID: the simulator sends template_card_event with the card's task
// id and a fresh response code (valid 72 h, once) for message/update_template_card.
func (s *Sim) ClickCard(ctx context.Context, msgID, userID, key string) (CallbackDelivery, error) {
	s.msgs.mu.Lock()
	msg := s.msgs.byID[msgID]
	if msg == nil || msg.TaskID == "" {
		s.msgs.mu.Unlock()
		return CallbackDelivery{}, fmt.Errorf("no template card with msgid %q", msgID)
	}
	agent, taskID, body := msg.AgentID, msg.TaskID, msg.Body
	delivered := false
	for _, u := range msg.Delivered {
		delivered = delivered || strings.EqualFold(u, userID)
	}
	s.msgs.mu.Unlock()
	if !delivered {
		return CallbackDelivery{}, fmt.Errorf("member %q did not receive message %s", userID, msgID)
	}
	var sent struct {
		TemplateCard *templateCard `json:"template_card"`
	}
	if json.Unmarshal(body, &sent) != nil || sent.TemplateCard == nil {
		return CallbackDelivery{}, fmt.Errorf("message %s is not a template card", msgID)
	}
	card := sent.TemplateCard
	if !cardHasKey(card, key) {
		return CallbackDelivery{}, fmt.Errorf("the card has no button with key %q", key)
	}
	uid, err := s.memberOf(agent, userID)
	if err != nil {
		return CallbackDelivery{}, err
	}
	now := s.clock.Now()
	s.msgs.mu.Lock()
	code := s.msgs.newID("code", s.corpID, now)
	s.msgs.codes[code] = &responseCode{msg: msg, issued: now}
	s.msgs.mu.Unlock()
	ev := inboundMsg{ToUserName: cdataOut{s.corpID}, FromUserName: cdataOut{uid}, CreateTime: now.Unix(),
		MsgType: cdataOut{"event"}, Event: cd("template_card_event"), EventKey: cd(key), TaskID: cd(taskID),
		CardType: cd(card.CardType), ResponseCode: cd(code), AgentID: agent}
	plain, _ := xml.Marshal(ev)
	return s.SendCallback(ctx, agent, "template_card_event", plain)
}

func cardHasKey(c *templateCard, key string) bool {
	if key == "" {
		return false
	}
	for _, b := range c.ButtonList {
		if b.Type == 0 && b.Key == key {
			return true
		}
	}
	if c.SubmitButton != nil && c.SubmitButton.Key == key {
		return true
	}
	if c.ActionMenu != nil {
		for _, a := range c.ActionMenu.ActionList {
			if a.Key == key {
				return true
			}
		}
	}
	return false
}

// recordPassiveReply puts a decrypted passive reply in the message log, as
// delivered to the member it answers.
func (s *Sim) recordPassiveReply(agentID int, toUser, msgType, content string, plain []byte) {
	now := s.clock.Now()
	body, _ := json.Marshal(map[string]string{"xml": string(plain)})
	l := &s.msgs
	l.mu.Lock()
	defer l.mu.Unlock()
	m := &SentMessage{MsgID: l.newID("msg", s.corpID, now), AgentID: agentID, MsgType: msgType, Text: content,
		ToUser: toUser, Delivered: []string{toUser}, SentAt: now, Body: body, Via: "passive_reply"}
	l.list = append(l.list, m)
	l.byID[m.MsgID] = m
}
