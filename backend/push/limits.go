package push

import (
	"strconv"
	"unicode/utf8"

	"wecom-bridge/backend/wecom"
)

// Message types a target can send. TypeAuto follows the sender's msgtype.
const (
	TypeAuto         = "auto"
	TypeText         = wecom.MsgText
	TypeTextCard     = wecom.MsgTextCard
	TypeNews         = wecom.MsgNews
	TypeMarkdown     = wecom.MsgMarkdown
	TypeTemplateCard = wecom.MsgTemplateCard // a text_notice card
)

// sendTypes are the types a message can be sent as.
var sendTypes = []string{TypeText, TypeTextCard, TypeNews, TypeMarkdown, TypeTemplateCard}

func isSendType(t string) bool {
	for _, x := range sendTypes {
		if x == t {
			return true
		}
	}
	return false
}

// limit is one field's length limit: bytes (UTF-8) or characters.
type limit struct {
	n     int
	runes bool // count characters, not bytes
}

func (l limit) fits(s string) bool {
	if l.runes {
		return utf8.RuneCountInString(s) <= l.n
	}
	return len(s) <= l.n
}

func (l limit) String() string {
	if l.runes {
		return strconv.Itoa(l.n) + " characters"
	}
	return strconv.Itoa(l.n) + " bytes"
}

// Field limits of message/send (reference/wecom-api-facts.md §2.1). The
// textcard description is 512 characters on the current page and 512 bytes
// on older ones: bytes is the stricter reading, so it is the one we keep.
var (
	limitText          = limit{n: 2048}
	limitMarkdown      = limit{n: 2048}
	limitCardTitle     = limit{n: 128}
	limitCardDesc      = limit{n: 512}
	limitURL           = limit{n: 2048}
	limitBtnTxt        = limit{n: 4, runes: true}
	limitNoticeTitle   = limit{n: 36, runes: true}  // template_card main_title.title
	limitNoticeSub     = limit{n: 160, runes: true} // template_card sub_title_text
	limitNoticeJump    = limit{n: 13, runes: true}  // jump_list title, shown on one line
	limitSourceName    = limit{n: 64, runes: true}
	limitIdempotency   = limit{n: 128}
	limitAccountOrID   = limit{n: 64}
	limitDepartmentLen = limit{n: 512}
)

// titleLimit is the limit on the sender's title for a msgtype; text and
// markdown carry the title inside their content.
func titleLimit(msgtype string) limit {
	switch msgtype {
	case TypeText:
		return limitText
	case TypeMarkdown:
		return limitMarkdown
	case TypeTemplateCard:
		return limitNoticeTitle
	}
	return limitCardTitle
}

const ellipsis = "…"

// truncate cuts s to fit l, ending with "…" and never splitting a UTF-8
// sequence. It reports whether it cut.
func truncate(s string, l limit) (string, bool) {
	if l.fits(s) {
		return s, false
	}
	if l.runes {
		n := 0
		for i := range s {
			if n == l.n-1 {
				return s[:i] + ellipsis, true
			}
			n++
		}
		return s, false
	}
	n := l.n - len(ellipsis)
	if n <= 0 {
		return "", true
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n] + ellipsis, true
}
