package push

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"wecom-bridge/backend/usererr"
)

// Input is a message as other systems submit it (POST /api/v1/messages).
type Input struct {
	Source   string `json:"source"`
	Title    string `json:"title"`
	Content  string `json:"content,omitempty"`
	URL      string `json:"url,omitempty"`
	ImageURL string `json:"image_url,omitempty"`
	BtnTxt   string `json:"btntxt,omitempty"`
	To       To     `json:"to"`
	// MsgType is the type the sender has in mind (default textcard): it sets
	// the title's limit, and targets of type "auto" send as it.
	MsgType        string            `json:"msgtype,omitempty"`
	IdempotencyKey string            `json:"idempotency_key,omitempty"`
	Data           map[string]string `json:"data,omitempty"` // extra {{placeholders}}
	// Buttons turn a template_card target's card into button_interaction
	// (card_buttons.go); other message types leave them out.
	Buttons []Button `json:"buttons,omitempty"`
}

// To names the recipients: local accounts (mapped through confirmed
// bindings), WeCom userids as given, and department paths like "总部/研发中心".
type To struct {
	Accounts    []string `json:"accounts,omitempty"`
	UserIDs     []string `json:"userids,omitempty"`
	Departments []string `json:"departments,omitempty"`
}

// Count is the number of names in t.
func (t To) Count() int { return len(t.Accounts) + len(t.UserIDs) + len(t.Departments) }

// ValidationError is a refused input: Code is stable for programs, Field
// names the JSON field ("to", "title", "to.userids[2]"), Message says what to do.
type ValidationError struct {
	Code    string `json:"code"`
	Field   string `json:"field,omitempty"`
	Message string `json:"message"`
	// Detail is the refusal as the catalogue's message {code,args,zh,en},
	// when it has one (wrong_corp), for a sender that shows it to people.
	Detail *usererr.Message `json:"detail,omitempty"`
	status int              // HTTP status when not 400 (403: a permission the key lacks, another corp)
}

func (e *ValidationError) Error() string {
	if e.Field == "" {
		return e.Message
	}
	return e.Field + ": " + e.Message
}

// UserMessage is the refusal for the admin (a rule, a test send): the field
// and what to change, in the words the intake API gives its callers.
func (e *ValidationError) UserMessage() usererr.Message {
	return usererr.Msg("push_invalid", usererr.Args{"field": e.Field, "message": e.Message})
}

func invalid(code, field, format string, args ...any) *ValidationError {
	return &ValidationError{Code: code, Field: field, Message: fmt.Sprintf(format, args...)}
}

// placeholderName is what a data key (and a {{placeholder}}) may be called.
var placeholderName = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,31}$`)

// standardFields are the placeholders every message has.
var standardFields = []string{"title", "content", "url", "image_url", "source", "btntxt"}

// normalize trims the input and fills defaults: msgtype textcard, and the
// source from the API key's name when the sender gave none.
func (in *Input) normalize(defaultSource string) {
	in.Source = strings.TrimSpace(in.Source)
	if in.Source == "" {
		in.Source = defaultSource
	}
	in.MsgType = strings.ToLower(strings.TrimSpace(in.MsgType))
	if in.MsgType == "" {
		in.MsgType = TypeTextCard
	}
	in.Title = strings.TrimSpace(in.Title)
	in.URL = strings.TrimSpace(in.URL)
	in.ImageURL = strings.TrimSpace(in.ImageURL)
	in.BtnTxt = strings.TrimSpace(in.BtnTxt)
	in.IdempotencyKey = strings.TrimSpace(in.IdempotencyKey)
	in.To.Accounts = cleanNames(in.To.Accounts)
	in.To.UserIDs = cleanNames(in.To.UserIDs)
	in.To.Departments = cleanNames(in.To.Departments)
}

// cleanNames trims names and drops empty and repeated ones (case-insensitively:
// WeCom userids are).
func cleanNames(names []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, n := range names {
		n = strings.TrimSpace(n)
		k := strings.ToLower(n)
		if n == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, n)
	}
	return out
}

// validate checks what the sender controls; limits of rendered templates are
// the rules' business (truncated and flagged, never refused).
func (in *Input) validate() *ValidationError {
	if !isSendType(in.MsgType) {
		return invalid("invalid_msgtype", "msgtype", "%q is not a message type; use one of %s", in.MsgType, strings.Join(sendTypes, ", "))
	}
	if in.Source == "" {
		return invalid("missing_source", "source", "name the sending system, e.g. \"oa\" or \"日报\"; rules match on it")
	}
	if !limitSourceName.fits(in.Source) {
		return invalid("source_too_long", "source", "is over %s", limitSourceName)
	}
	if in.To.Count() == 0 {
		return invalid("no_recipients", "to", "no recipients: give to.accounts, to.userids or to.departments")
	}
	switch {
	case in.Title == "" && in.MsgType != TypeText && in.MsgType != TypeMarkdown:
		return invalid("missing_title", "title", "a %s message needs a title", in.MsgType)
	case in.Title == "" && strings.TrimSpace(in.Content) == "":
		return invalid("missing_title", "title", "give a title or content")
	}
	if l := titleLimit(in.MsgType); !l.fits(in.Title) {
		return invalid("title_too_long", "title", "is %d bytes (%d characters); a %s title takes at most %s, so shorten it",
			len(in.Title), len([]rune(in.Title)), in.MsgType, l)
	}
	if !limitBtnTxt.fits(in.BtnTxt) {
		return invalid("btntxt_too_long", "btntxt", "%q is over 4 characters (WeCom's button limit); e.g. \"详情\"", in.BtnTxt)
	}
	for _, f := range []struct{ name, v string }{{"url", in.URL}, {"image_url", in.ImageURL}} {
		if err := checkURL(f.name, f.v); err != nil {
			return err
		}
	}
	if !limitIdempotency.fits(in.IdempotencyKey) {
		return invalid("idempotency_key_too_long", "idempotency_key", "is over %s", limitIdempotency)
	}
	if err := in.To.validate(); err != nil {
		return err
	}
	if err := validateButtons(in.Buttons); err != nil {
		return err
	}
	for k := range in.Data {
		if !placeholderName.MatchString(k) {
			return invalid("invalid_data_key", "data."+k, "data keys are letters, digits and _ (up to 32), starting with a letter")
		}
		for _, std := range standardFields {
			if k == std {
				return invalid("invalid_data_key", "data."+k, "%q is a standard field; send it at the top level", k)
			}
		}
	}
	return nil
}

func checkURL(field, v string) *ValidationError {
	if v == "" {
		return nil
	}
	if !limitURL.fits(v) {
		return invalid("url_too_long", field, "is over %s", limitURL)
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalid("invalid_url", field, "%q is not an http(s) URL", v)
	}
	return nil
}

func (t To) validate() *ValidationError {
	for i, id := range t.UserIDs {
		if !limitAccountOrID.fits(id) || strings.ContainsAny(id, "|,") {
			return invalid("invalid_userid", fmt.Sprintf("to.userids[%d]", i), "%q is not a WeCom userid (1 to 64 letters, digits, -, _, ., @)", id)
		}
	}
	for i, a := range t.Accounts {
		if !limitAccountOrID.fits(a) {
			return invalid("invalid_account", fmt.Sprintf("to.accounts[%d]", i), "is over %s", limitAccountOrID)
		}
	}
	for i, d := range t.Departments {
		if !limitDepartmentLen.fits(d) {
			return invalid("invalid_department", fmt.Sprintf("to.departments[%d]", i), "is over %s", limitDepartmentLen)
		}
	}
	return nil
}
