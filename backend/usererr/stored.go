package usererr

import (
	"encoding/json"
	"strings"
)

// Stored is how a message is kept in a TEXT column (a run's error, a push's
// failure): JSON {code, args}, rendered again from the catalogue when read.
// The zero message is stored as "".
func (m Message) Stored() string {
	if m.IsZero() {
		return ""
	}
	if m.Code == CodeText { // a text of its own: kept as it is
		b, _ := json.Marshal(Message{Code: CodeText, ZH: m.ZH, EN: m.EN})
		return string(b)
	}
	b, err := json.Marshal(struct {
		Code string `json:"code"`
		Args Args   `json:"args,omitempty"`
	}{m.Code, m.Args})
	if err != nil { // an argument JSON cannot hold: keep the texts
		b, _ = json.Marshal(Message{Code: CodeText, ZH: m.ZH, EN: m.EN})
	}
	return string(b)
}

// CodeText is the code of a text stored before messages existed; it shows
// as it was written (the half in each language when it has both).
const CodeText = "text"

// FromStored reads a column written by Stored ("" is the zero message). Older
// rows hold plain text, or "中文 ‖ English": they come back as CodeText.
func FromStored(text string) Message {
	if text == "" {
		return Message{}
	}
	if strings.HasPrefix(text, "{") {
		var m Message
		if json.Unmarshal([]byte(text), &m) == nil && m.Code != "" {
			if m.Code == CodeText {
				return Message{Code: CodeText, Args: Args{}, ZH: m.ZH, EN: m.EN}
			}
			return Msg(m.Code, m.Args)
		}
	}
	if zh, en, ok := strings.Cut(text, " ‖ "); ok {
		return Message{Code: CodeText, Args: Args{}, ZH: zh, EN: en}
	}
	return Message{Code: CodeText, Args: Args{}, ZH: text, EN: text}
}

// Ptr returns &m, or nil for the zero message (a JSON field left out).
func (m Message) Ptr() *Message {
	if m.IsZero() {
		return nil
	}
	return &m
}
