// Package usererr holds errors written for the admin, in both UI languages.
//
// Error() is "中文 ‖ English". Both the desktop (Wails rejects a call with
// the error's text) and serve mode (the RPC error message) carry that one
// string, so the frontend shows the half in its language
// (frontend/src/format/error-text.ts). The CLI and the log keep both halves,
// which is what a Chinese admin reading an English log wants.
package usererr

import (
	"errors"
	"fmt"
)

// Sep joins the two languages; it does not occur in ordinary messages.
const Sep = " ‖ "

// Error is a message for the admin: what is wrong and what to do next.
type Error struct {
	Code  string // stable, machine-readable: "not_pulled", "no_app", …
	ZH    string
	EN    string
	Cause error // optional: what went wrong underneath, for errors.As/Is
}

func (e *Error) Error() string { return e.ZH + Sep + e.EN }

// Unwrap exposes the cause (a *wecom.Error, say) to errors.As and errors.Is.
func (e *Error) Unwrap() error { return e.Cause }

// ErrorCode is the code the RPC error carries (server.CodedError).
func (e *Error) ErrorCode() string { return e.Code }

// New returns an error with fixed texts.
func New(code, zh, en string) *Error { return &Error{Code: code, ZH: zh, EN: en} }

// Newf formats both texts with the same arguments; use explicit argument
// indexes (%[2]s) where the two languages order them differently.
func Newf(code, zh, en string, args ...any) *Error {
	return &Error{Code: code, ZH: fmt.Sprintf(zh, args...), EN: fmt.Sprintf(en, args...)}
}

// Wrapf is Newf keeping cause reachable through errors.As and errors.Is; the
// texts say the cause themselves (pass it among args if they quote it).
func Wrapf(cause error, code, zh, en string, args ...any) *Error {
	e := Newf(code, zh, en, args...)
	e.Cause = cause
	return e
}

// Is reports whether err is (or wraps) a usererr.Error with this code.
func Is(err error, code string) bool {
	var e *Error
	return errors.As(err, &e) && e.Code == code
}
