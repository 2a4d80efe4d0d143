package wecomsim

import (
	"bytes"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
)

type cardOption struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// templateCard holds the template_card fields the simulator validates.
type templateCard struct {
	CardType  string `json:"card_type"`
	TaskID    string `json:"task_id"`
	MainTitle *struct {
		Title string `json:"title"`
	} `json:"main_title"`
	SubTitleText string `json:"sub_title_text"`
	CardAction   *struct {
		Type  int    `json:"type"`
		URL   string `json:"url"`
		AppID string `json:"appid"`
	} `json:"card_action"`
	ActionMenu *struct {
		ActionList []struct {
			Key string `json:"key"`
		} `json:"action_list"`
	} `json:"action_menu"`
	ButtonList []struct {
		Type int    `json:"type"`
		Text string `json:"text"`
		Key  string `json:"key"`
		URL  string `json:"url"`
	} `json:"button_list"`
	Checkbox *struct {
		OptionList []cardOption `json:"option_list"`
	} `json:"checkbox"`
	SelectList []struct {
		OptionList []cardOption `json:"option_list"`
	} `json:"select_list"`
	SubmitButton *struct {
		Key string `json:"key"`
	} `json:"submit_button"`
	JumpList              []json.RawMessage `json:"jump_list"`
	HorizontalContentList []json.RawMessage `json:"horizontal_content_list"`
	VerticalContentList   []json.RawMessage `json:"vertical_content_list"`
}

var cardTypes = []string{"text_notice", "news_notice", "button_interaction", "vote_interaction", "multiple_interaction"}

// interactive cards (and notice cards with an action menu) get a response_code.
func (t *templateCard) interactive() bool {
	return t.ActionMenu != nil || strings.HasSuffix(t.CardType, "_interaction")
}

func (t *templateCard) title() string {
	if t.MainTitle != nil && t.MainTitle.Title != "" {
		return t.MainTitle.Title
	}
	return t.SubTitleText
}

func validTaskID(id string) bool {
	if id == "" || len(id) > 128 {
		return false
	}
	return strings.Trim(id, "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-@") == ""
}

func parseTemplateCard(raw json.RawMessage) (*templateCard, *apiError) {
	var t templateCard
	if len(raw) == 0 || json.Unmarshal(raw, &t) != nil {
		return nil, apiErrf(40058, "invalid Parameter, template_card is missing or malformed")
	}
	if !slices.Contains(cardTypes, t.CardType) {
		return nil, apiErr(42031)
	}
	if (t.interactive() || t.TaskID != "") && !validTaskID(t.TaskID) {
		return nil, apiErr(42014)
	}
	switch {
	case len(t.JumpList) > 3:
		return nil, apiErrf(42042, "invalid template_card jump_list size")
	case len(t.HorizontalContentList) > 6:
		return nil, apiErrf(42035, "invalid template_card horizontal_content_list size")
	case len(t.VerticalContentList) > 4:
		return nil, apiErrf(42036, "invalid template_card vertical_content_list size")
	}
	switch t.CardType {
	case "text_notice", "news_notice":
		a := t.CardAction
		if a == nil || (a.Type == 1 && a.URL == "") || (a.Type == 2 && a.AppID == "") || a.Type < 1 || a.Type > 2 {
			return nil, apiErr(42045)
		}
		if t.title() == "" {
			return nil, apiErrf(40058, "invalid Parameter, main_title.title or sub_title_text is required")
		}
	case "button_interaction":
		if len(t.ButtonList) == 0 || len(t.ButtonList) > 6 {
			return nil, apiErrf(40058, "invalid Parameter, button_list must hold 1~6 buttons")
		}
		for _, b := range t.ButtonList {
			if b.Text == "" {
				return nil, apiErrf(42038, "invalid template_card button_list text")
			}
			if (b.Type == 0 && b.Key == "") || (b.Type == 1 && b.URL == "") {
				return nil, apiErr(42039)
			}
		}
	case "vote_interaction":
		if t.Checkbox == nil || len(t.Checkbox.OptionList) == 0 || len(t.Checkbox.OptionList) > 20 {
			return nil, apiErr(42037)
		}
		if t.SubmitButton == nil || t.SubmitButton.Key == "" {
			return nil, apiErr(42046)
		}
	case "multiple_interaction":
		if len(t.SelectList) == 0 || len(t.SelectList) > 3 {
			return nil, apiErr(42047)
		}
		for _, sl := range t.SelectList {
			if len(sl.OptionList) == 0 || len(sl.OptionList) > 10 {
				return nil, apiErr(42037)
			}
		}
		if t.SubmitButton == nil || t.SubmitButton.Key == "" {
			return nil, apiErr(42046)
		}
	}
	return &t, nil
}

// messageUpdateTemplateCard updates a sent interactive card by its
// response_code: single use, valid 72 hours, only for the sending app.
func (s *Sim) messageUpdateTemplateCard(c *call) (any, *apiError) {
	var b struct {
		UserIDs      []string `json:"userids"`
		PartyIDs     []int    `json:"partyids"`
		TagIDs       []int    `json:"tagids"`
		AtAll        int      `json:"atall"`
		AgentID      int      `json:"agentid"`
		ResponseCode string   `json:"response_code"`
		Button       *struct {
			ReplaceName string `json:"replace_name"`
		} `json:"button"`
		TemplateCard json.RawMessage `json:"template_card"`
	}
	if err := c.decode(&b); err != nil {
		return nil, err
	}
	switch {
	case b.AgentID == 0:
		return nil, apiErr(41011)
	case b.AgentID != c.agent:
		return nil, apiErr(301002)
	case b.ResponseCode == "":
		return nil, apiErrf(40058, "invalid Parameter, response_code is required")
	case len(b.UserIDs) > MaxToUser:
		return nil, apiErr(40032)
	case len(b.PartyIDs) > MaxToParty:
		return nil, apiErr(82002)
	case len(b.TagIDs) > MaxToTag:
		return nil, apiErr(82003)
	case b.AtAll == 0 && len(b.UserIDs)+len(b.PartyIDs)+len(b.TagIDs) == 0:
		return nil, apiErr(82001)
	case (b.Button == nil || b.Button.ReplaceName == "") && len(b.TemplateCard) == 0:
		return nil, apiErrf(40058, "invalid Parameter, button.replace_name or template_card is required")
	}
	if len(b.TemplateCard) > 0 {
		if _, err := parseTemplateCard(b.TemplateCard); err != nil {
			return nil, err
		}
	}
	parties := make([]string, len(b.PartyIDs))
	for i, p := range b.PartyIDs {
		parties[i] = strconv.Itoa(p)
	}
	tags := make([]string, len(b.TagIDs))
	for i, t := range b.TagIDs {
		tags[i] = strconv.Itoa(t)
	}
	users := b.UserIDs
	if b.AtAll == 1 {
		users, parties, tags = []string{"@all"}, nil, nil
	}
	s.mu.RLock()
	targets, badUser, _, _ := s.recipients(c.app, users, parties, tags)
	s.mu.RUnlock()

	s.msgs.mu.Lock()
	defer s.msgs.mu.Unlock()
	rc := s.msgs.codes[b.ResponseCode]
	switch {
	case rc == nil || rc.used:
		return nil, apiErrf(40058, "invalid Parameter, response_code is invalid or already used")
	case rc.msg.AgentID != c.agent:
		return nil, apiErr(42015)
	case c.now.Sub(rc.issued) > responseCodeValidFor:
		return nil, apiErrf(40058, "invalid Parameter, response_code expired")
	}
	rc.used = true
	ids := make([]string, len(targets))
	for i, m := range targets {
		ids[i] = m.userid
	}
	var compact bytes.Buffer
	json.Compact(&compact, c.body)
	rc.msg.Updates = append(rc.msg.Updates, CardUpdate{At: c.now, UserIDs: ids, Body: compact.Bytes()})
	if badUser == nil {
		badUser = []string{}
	}
	return struct {
		status
		InvalidUser []string `json:"invaliduser"`
	}{statusOK, badUser}, nil
}
