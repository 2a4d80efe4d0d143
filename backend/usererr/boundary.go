package usererr

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
)

// CodeInternal is the code of an error that is not a message: the UI shows
// "内部错误 / internal error" with the reference, the log has the details.
const CodeInternal = "internal"

// ForUI is what crosses the Go↔UI boundary for a failed call: the message
// err is or wraps, or an internal-error message with a fresh reference whose
// details (method, error text) are logged here. Both serve mode's RPC error body and
// the desktop window's Wails ErrorFormatter send this value.
func ForUI(method string, err error) Message {
	if e, ok := As(err); ok {
		if e.Cause != nil {
			slog.Info("call refused", "method", method, "code", e.Code, "cause", e.Cause.Error())
		}
		return e.Message
	}
	ref := newRef()
	slog.Error("internal error", "ref", ref, "method", method, "err", err)
	return Msg(CodeInternal, Args{"ref": ref})
}

// Internal is the message for a failure whose details went to the log under
// ref (a panic caught at the boundary, say).
func Internal(ref string) Message { return Msg(CodeInternal, Args{"ref": ref}) }

// NewRef returns a short reference to quote in an internal error and its log line.
func NewRef() string { return newRef() }

func newRef() string {
	var b [5]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}
