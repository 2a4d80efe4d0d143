package wecom

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Message types this client sends.
const (
	MsgText         = "text"
	MsgTextCard     = "textcard"
	MsgNews         = "news"
	MsgMarkdown     = "markdown"
	MsgTemplateCard = "template_card"
)

// Message is the body of message/send. Recipients are "|"-joined strings
// (JoinIDs builds them): ToUser ≤1000 userids or "@all", ToParty and ToTag
// ≤100 ids each. Set exactly one payload; MsgType may be left empty and
// AgentID 0 (the credential's AgentID is used).
type Message struct {
	ToUser                 string        `json:"touser,omitempty"`
	ToParty                string        `json:"toparty,omitempty"`
	ToTag                  string        `json:"totag,omitempty"`
	MsgType                string        `json:"msgtype"`
	AgentID                int64         `json:"agentid"`
	Text                   *Text         `json:"text,omitempty"`
	TextCard               *TextCard     `json:"textcard,omitempty"`
	News                   *News         `json:"news,omitempty"`
	Markdown               *Markdown     `json:"markdown,omitempty"`
	TemplateCard           *TemplateCard `json:"template_card,omitempty"`
	Safe                   int           `json:"safe,omitempty"`                     // 1: no sharing, watermark
	EnableIDTrans          int           `json:"enable_id_trans,omitempty"`          // 1: translate $userName=…$
	EnableDuplicateCheck   int           `json:"enable_duplicate_check,omitempty"`   // 1: drop identical sends
	DuplicateCheckInterval int           `json:"duplicate_check_interval,omitempty"` // seconds, default 1800, max 14400
}

// Text is a text message: content ≤2048 bytes (WeCom truncates), \n and <a href> allowed.
type Text struct {
	Content string `json:"content"`
}

// TextCard is a text card: title ≤128, description ≤512, url required, btntxt ≤4 字.
type TextCard struct {
	Title       string `json:"title"`
	Description string `json:"description"`
	URL         string `json:"url"`
	BtnTxt      string `json:"btntxt,omitempty"`
}

// News holds 1..8 articles.
type News struct {
	Articles []Article `json:"articles"`
}

// Article is one news item; AppID+PagePath open a mini program instead of URL.
type Article struct {
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	URL         string `json:"url,omitempty"`
	PicURL      string `json:"picurl,omitempty"`
	AppID       string `json:"appid,omitempty"`
	PagePath    string `json:"pagepath,omitempty"`
}

// Markdown is a markdown message: content ≤2048 bytes, WeCom's subset.
type Markdown struct {
	Content string `json:"content"`
}

// SendResult is message/send's answer. WeCom fills the invalid lists even with
// errcode 0 (the message went to the rest); "a|b" strings, split by the methods.
type SendResult struct {
	InvalidUser    string `json:"invaliduser"`
	InvalidParty   string `json:"invalidparty"`
	InvalidTag     string `json:"invalidtag"`
	UnlicensedUser string `json:"unlicenseduser"`
	MsgID          string `json:"msgid"`         // for message/recall
	ResponseCode   string `json:"response_code"` // for update_template_card, 72h, once
}

// InvalidUsers splits InvalidUser (WeCom lower-cases them).
func (r *SendResult) InvalidUsers() []string { return SplitIDs(r.InvalidUser) }

// InvalidParties splits InvalidParty.
func (r *SendResult) InvalidParties() []string { return SplitIDs(r.InvalidParty) }

// InvalidTags splits InvalidTag.
func (r *SendResult) InvalidTags() []string { return SplitIDs(r.InvalidTag) }

// UnlicensedUsers splits UnlicensedUser: in scope but without a 基础接口许可.
func (r *SendResult) UnlicensedUsers() []string { return SplitIDs(r.UnlicensedUser) }

// SplitIDs splits WeCom's "a|b|c" lists, dropping empty parts.
func SplitIDs(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// JoinIDs joins userids or department/tag ids with "|" for Message recipients.
func JoinIDs[T string | int64 | int](ids []T) string {
	parts := make([]string, len(ids))
	for i, id := range ids {
		switch v := any(id).(type) {
		case string:
			parts[i] = v
		case int64:
			parts[i] = strconv.FormatInt(v, 10)
		case int:
			parts[i] = strconv.Itoa(v)
		}
	}
	return strings.Join(parts, "|")
}

// SendMessage calls message/send. The result comes back whenever WeCom
// answered, also with an error (81013 = every recipient invalid), so callers
// can log msgid and the invalid lists either way.
func (c *Client) SendMessage(ctx context.Context, cred Credential, m Message) (*SendResult, error) {
	if err := prepareMessage(&m, cred); err != nil {
		return nil, err
	}
	var out SendResult
	err := c.do(ctx, cred, post("message/send", m), &out)
	var apiErr *Error
	if err != nil && !errors.As(err, &apiErr) {
		return nil, err
	}
	return &out, err
}

// prepareMessage fills msgtype and agentid and checks what WeCom would reject
// without spending a call on it.
func prepareMessage(m *Message, cred Credential) error {
	if m.AgentID == 0 {
		m.AgentID = cred.AgentID
	}
	var kinds []string
	for kind, set := range map[string]bool{
		MsgText: m.Text != nil, MsgTextCard: m.TextCard != nil, MsgNews: m.News != nil,
		MsgMarkdown: m.Markdown != nil, MsgTemplateCard: m.TemplateCard != nil,
	} {
		if set {
			kinds = append(kinds, kind)
		}
	}
	switch {
	case len(kinds) != 1:
		return fmt.Errorf("wecom message/send: want exactly one payload, have %d", len(kinds))
	case m.MsgType == "":
		m.MsgType = kinds[0]
	case m.MsgType != kinds[0]:
		return fmt.Errorf("wecom message/send: msgtype %q but payload is %s", m.MsgType, kinds[0])
	}
	if m.ToUser == "" && m.ToParty == "" && m.ToTag == "" {
		return errors.New("wecom message/send: no recipients (touser, toparty and totag are empty)")
	}
	if m.News != nil && (len(m.News.Articles) < 1 || len(m.News.Articles) > 8) {
		return fmt.Errorf("wecom message/send: news needs 1..8 articles, has %d", len(m.News.Articles))
	}
	if m.TemplateCard != nil {
		if err := m.TemplateCard.validate(); err != nil {
			return fmt.Errorf("wecom message/send: %w", err)
		}
	}
	return nil
}

// RecallMessage calls message/recall: only messages sent within 24 h, by the
// same app (else 40058).
func (c *Client) RecallMessage(ctx context.Context, cred Credential, msgID string) error {
	body := struct {
		MsgID string `json:"msgid"`
	}{msgID}
	return c.do(ctx, cred, post("message/recall", body), nil)
}

// UpdateTemplateCard is the body of message/update_template_card. Recipients
// are arrays here (≤1000 users, ≤100 parties and tags). Set Button to replace
// the clicked button's text, or TemplateCard to replace the whole card.
type UpdateTemplateCard struct {
	UserIDs       []string       `json:"userids,omitempty"`
	PartyIDs      []int64        `json:"partyids,omitempty"`
	TagIDs        []int64        `json:"tagids,omitempty"`
	AtAll         int            `json:"atall"`
	AgentID       int64          `json:"agentid"`
	ResponseCode  string         `json:"response_code"`
	Button        *ReplaceButton `json:"button,omitempty"`
	TemplateCard  *TemplateCard  `json:"template_card,omitempty"`
	EnableIDTrans int            `json:"enable_id_trans,omitempty"`
}

// ReplaceButton replaces the clicked button's label.
type ReplaceButton struct {
	ReplaceName string `json:"replace_name"`
}

// UpdateCardResult is update_template_card's answer.
type UpdateCardResult struct {
	InvalidUser IDList `json:"invaliduser"`
}

// IDList decodes a recipient list sent either as "a|b" or as ["a","b"].
type IDList []string

// UnmarshalJSON implements json.Unmarshaler.
func (l *IDList) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err == nil {
		*l = SplitIDs(s)
		return nil
	}
	var arr []string
	if err := json.Unmarshal(b, &arr); err != nil {
		return fmt.Errorf("wecom: id list is neither a string nor an array: %s", b)
	}
	*l = arr
	return nil
}

// UpdateTemplateCard calls message/update_template_card (response_code is
// single use and valid 72 h). AgentID 0 means the credential's.
func (c *Client) UpdateTemplateCard(ctx context.Context, cred Credential, u UpdateTemplateCard) (*UpdateCardResult, error) {
	if u.AgentID == 0 {
		u.AgentID = cred.AgentID
	}
	if u.Button == nil && u.TemplateCard == nil {
		return nil, errors.New("wecom message/update_template_card: set Button or TemplateCard")
	}
	var out UpdateCardResult
	err := c.do(ctx, cred, post("message/update_template_card", u), &out)
	var apiErr *Error
	if err != nil && !errors.As(err, &apiErr) {
		return nil, err
	}
	return &out, err
}
