// Package usererr holds everything the admin reads from the backend: one
// message type, {code, args, zh, en}, rendered from one catalogue
// (catalogue*.go in this package).
//
// A Message is a value (a check step's fix, a plan's stop, a push's failure);
// an *Error is a Message that is also a Go error. Both cross the Go↔UI
// boundary intact: serve mode's RPC error body carries the message and the
// desktop window's Wails ErrorFormatter rejects the call with it
// (ForUI). The UI shows the admin's language only. An error that is not a
// message reaches the UI as "internal" with a reference; its details go to
// the log.
//
// Error() is the English text (logs are English); the CLI prints the
// language of the terminal (In).
package usererr

import (
	"errors"
	"fmt"
	"os"
	"strings"
)

// Args are a message's named arguments, filled into the catalogue's
// templates as {name}. Values should be strings or numbers.
type Args map[string]any

// Message is a text for the admin: a stable code, its arguments, and the
// catalogue's rendering in both UI languages.
type Message struct {
	Code string `json:"code"`
	Args Args   `json:"args"`
	ZH   string `json:"zh"`
	EN   string `json:"en"`
}

// Msg renders code with args from the catalogue. An unknown code (a bug the
// catalogue test catches for literal codes) renders as the code itself.
func Msg(code string, args Args) Message {
	if args == nil {
		args = Args{}
	}
	zh, en := render(code, args)
	return Message{Code: code, Args: args, ZH: zh, EN: en}
}

// IsZero reports whether m is empty (no code).
func (m Message) IsZero() bool { return m.Code == "" }

// In returns the text in lang ("en" or anything starting with "en" is
// English, everything else Chinese).
func (m Message) In(lang string) string {
	if len(lang) >= 2 && lang[:2] == "en" {
		return m.EN
	}
	return m.ZH
}

// Error is a Message that is a Go error: what is wrong and what to do next.
type Error struct {
	Message
	Cause error // optional: what went wrong underneath, for errors.As/Is and the log
}

func (e *Error) Error() string { return e.EN }

// Unwrap exposes the cause (a *wecom.Error, say) to errors.As and errors.Is.
func (e *Error) Unwrap() error { return e.Cause }

// ErrorCode is the code the RPC error carries.
func (e *Error) ErrorCode() string { return e.Code }

// New returns the catalogue's message code with args as an error.
func New(code string, args Args) *Error { return &Error{Message: Msg(code, args)} }

// Wrap is New keeping cause reachable through errors.As and errors.Is. The
// texts do not quote the cause unless args carry it.
func Wrap(cause error, code string, args Args) *Error {
	e := New(code, args)
	e.Cause = cause
	return e
}

// FromMessage turns a message into an error.
func FromMessage(m Message) *Error { return &Error{Message: m} }

// Messenger is an error type that says itself as a catalogue message: a
// typed error callers also test with errors.Is/As (review.ConflictError).
type Messenger interface {
	error
	UserMessage() Message
}

// As returns the message error err is or wraps (a Messenger's message too).
func As(err error) (*Error, bool) {
	var e *Error
	if errors.As(err, &e) {
		return e, true
	}
	var m Messenger
	if errors.As(err, &m) {
		return &Error{Message: m.UserMessage(), Cause: err}, true
	}
	return nil, false
}

// Is reports whether err is (or wraps) a message error with this code.
func Is(err error, code string) bool {
	e, ok := As(err)
	return ok && e.Code == code
}

// Detail is the text for a log line: the English text and, when there is
// one, the cause.
func (e *Error) Detail() string {
	if e.Cause == nil {
		return e.EN
	}
	return fmt.Sprintf("%s (cause: %v)", e.EN, e.Cause)
}

// ZH is the Chinese text of the message err is or wraps ("" if none); for tests and the CLI.
func ZH(err error) string {
	if e, ok := As(err); ok {
		return e.ZH
	}
	return ""
}

// ForTerminal is err's text for the CLI: a message in the terminal's
// language (LC_ALL, LC_MESSAGES, LANG: zh… is Chinese, anything else
// English), any other error as it is.
func ForTerminal(err error) string {
	e, ok := As(err)
	if !ok {
		return err.Error()
	}
	return TerminalText(e.Message)
}

// TerminalText is m in the terminal's language (LC_ALL, LC_MESSAGES, LANG:
// zh… is Chinese, anything else English): what the CLI prints.
func TerminalText(m Message) string { return m.In(TerminalLanguage()) }

// TerminalLanguage is the terminal's language: "zh" when LC_ALL,
// LC_MESSAGES or LANG (the first one set) starts with zh, else "en".
func TerminalLanguage() string {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if lang := os.Getenv(v); lang != "" {
			if strings.HasPrefix(lang, "zh") {
				return "zh"
			}
			return "en"
		}
	}
	return "en"
}
