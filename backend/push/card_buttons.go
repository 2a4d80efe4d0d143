package push

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"wecom-bridge/backend/wecom"
)

// Card buttons (issue 14 item 4, 云桥 3.1.4 quick approval): a message sent
// with buttons to a template_card target becomes a button_interaction card.
// Its task id names the push-log row and the chunk (wb-<delivery>-<seq>), so
// a click (template_card_event) finds the row it came from.

// Button is a card button as the source system sends it.
type Button struct {
	Key   string `json:"key"`             // returned in the click; 1–128 of [A-Za-z0-9_-@.]
	Text  string `json:"text"`            // ≤ 10 characters
	Style int    `json:"style,omitempty"` // 1–4 (WeCom's colours); 0 = 1
}

const (
	maxButtons       = 6
	maxButtonText    = 10
	maxButtonKey     = 128
	buttonKeyAllowed = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-@."
	taskIDPrefix     = "wb-"
)

func validateButtons(bs []Button) *ValidationError {
	if len(bs) > maxButtons {
		return invalid("too_many_buttons", "buttons", "has %d buttons; a card takes at most %d", len(bs), maxButtons)
	}
	seen := map[string]bool{}
	for i, b := range bs {
		f := fmt.Sprintf("buttons[%d]", i)
		switch {
		case b.Key == "" || len(b.Key) > maxButtonKey || strings.Trim(b.Key, buttonKeyAllowed) != "":
			return invalid("invalid_button_key", f+".key", "give a key of 1 to %d letters, digits, _ - @ . (it comes back with the click)", maxButtonKey)
		case seen[b.Key]:
			return invalid("duplicate_button_key", f+".key", "%q is used by another button; keys must be unique", b.Key)
		case strings.TrimSpace(b.Text) == "" || utf8.RuneCountInString(b.Text) > maxButtonText:
			return invalid("invalid_button_text", f+".text", "give the button a text of 1 to %d characters, e.g. \"同意\"", maxButtonText)
		case b.Style < 0 || b.Style > 4:
			return invalid("invalid_button_style", f+".style", "style is 1 to 4")
		}
		seen[b.Key] = true
	}
	return nil
}

// buttonCard is the button_interaction card of a message with buttons. The
// task id is set per chunk when it is sent (withTaskID).
func buttonCard(title, content, link string, bs []Button) *wecom.TemplateCard {
	card := &wecom.TemplateCard{CardType: wecom.CardButtonInteraction, MainTitle: &wecom.CardMainTitle{Title: title}}
	if content != "" {
		card.SubTitleText = content
	}
	if link != "" {
		card.CardAction = &wecom.CardAction{Type: 1, URL: link}
	}
	for _, b := range bs {
		card.ButtonList = append(card.ButtonList, wecom.CardButton{Text: strings.TrimSpace(b.Text), Key: b.Key, Style: b.Style})
	}
	return card
}

// TaskID is the task id of chunk seq of delivery id.
func TaskID(deliveryID int64, seq int) string {
	return taskIDPrefix + strconv.FormatInt(deliveryID, 10) + "-" + strconv.Itoa(seq)
}

// ParseTaskID returns the delivery a task id names; ok false for task ids
// this bridge did not make.
func ParseTaskID(taskID string) (deliveryID int64, ok bool) {
	rest, found := strings.CutPrefix(taskID, taskIDPrefix)
	if !found {
		return 0, false
	}
	d, seq, found := strings.Cut(rest, "-")
	if !found {
		return 0, false
	}
	id, err1 := strconv.ParseInt(d, 10, 64)
	_, err2 := strconv.Atoi(seq)
	if err1 != nil || err2 != nil || id <= 0 {
		return 0, false
	}
	return id, true
}

// withTaskID gives an interactive card its chunk's task id.
func withTaskID(m *wecom.Message, deliveryID int64, seq int) {
	if c := m.TemplateCard; c != nil && c.CardType == wecom.CardButtonInteraction {
		c.TaskID = TaskID(deliveryID, seq)
	}
}

// buttonText is the text of the button with key in a delivery's rendered body.
func buttonText(body, key string) string {
	m, err := chunkMessage(body, "", "")
	if err != nil || m.TemplateCard == nil {
		return ""
	}
	for _, b := range m.TemplateCard.ButtonList {
		if b.Key == key {
			return b.Text
		}
	}
	return ""
}
