package push

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"wecom-bridge/backend/store"
)

// MaxBodyBytes caps a request body; a bigger one is answered 413 (field "body").
const MaxBodyBytes = 1 << 20

// IntakeHandler serves the intake API:
//
//	POST /api/v1/messages        queue a message → 202 {"id","status":"queued"}
//	GET  /api/v1/messages/{id}   its status and deliveries
//
// Mount it at /api/v1/ without stripping the prefix (a stripped path works too).
// Every request needs `Authorization: Bearer <API key>`. Errors are
// {"error":{"code","field","message"}}. See docs/push-api.md.
func (s *Service) IntakeHandler() http.Handler {
	return http.HandlerFunc(s.serveIntake)
}

func (s *Service) serveIntake(w http.ResponseWriter, r *http.Request) {
	c, err := s.authenticate(r.Context(), r.Header.Get("Authorization"))
	if err != nil {
		var ae *authError
		if errors.As(err, &ae) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="wecom-bridge"`)
			writeError(w, http.StatusUnauthorized, &ValidationError{Code: "unauthorized", Field: "Authorization", Message: ae.msg})
			return
		}
		s.internalError(w, "check the API key", "retry later", err)
		return
	}
	if !s.admit(w, r, c) {
		return
	}
	path := strings.TrimPrefix(r.URL.Path, "/api/v1")
	switch {
	case path == "/messages" || path == "/messages/":
		if r.Method != http.MethodPost {
			methodNotAllowed(w, http.MethodPost)
			return
		}
		s.handlePost(w, r, c)
	case strings.HasPrefix(path, "/messages/"):
		if r.Method != http.MethodGet {
			methodNotAllowed(w, http.MethodGet)
			return
		}
		s.handleGet(w, r, c, strings.TrimPrefix(path, "/messages/"))
	default:
		writeError(w, http.StatusNotFound, &ValidationError{Code: "not_found",
			Message: fmt.Sprintf("no such endpoint %s; use POST /api/v1/messages or GET /api/v1/messages/{id}", r.URL.Path)})
	}
}

// admit applies the key's rate limit: over it, 429 with Retry-After.
func (s *Service) admit(w http.ResponseWriter, r *http.Request, c caller) bool {
	set, err := s.cachedSettings(r.Context())
	if err != nil {
		s.internalError(w, "read the intake settings", "retry later", err)
		return false
	}
	ok, wait := s.rates.allow(c.keyID, set, s.now())
	if ok {
		return true
	}
	secs := retryAfterSeconds(wait)
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	writeError(w, http.StatusTooManyRequests, &ValidationError{Code: "rate_limited",
		Message: fmt.Sprintf("this API key sent more than %d requests a second (burst %d); retry after %d s, "+
			"or ask the WeCom Bridge admin to raise the limit (Settings → Integrations)", set.RatePerSecond, set.RateBurst, secs)})
	return false
}

func (s *Service) handlePost(w http.ResponseWriter, r *http.Request, c caller) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			writeError(w, http.StatusRequestEntityTooLarge, &ValidationError{Code: "body_too_large", Field: "body",
				Message: fmt.Sprintf("the body is over %d bytes (1 MiB); send fewer recipients per message or a shorter content", MaxBodyBytes)})
			return
		}
		writeError(w, http.StatusBadRequest, &ValidationError{Code: "invalid_body", Field: "body", Message: "could not read the body: " + err.Error()})
		return
	}
	in, verr := decodeInput(body)
	if verr != nil {
		writeError(w, http.StatusBadRequest, verr)
		return
	}
	if in.IdempotencyKey == "" {
		in.IdempotencyKey = r.Header.Get("Idempotency-Key")
	}
	acc, replay, err := s.accept(r.Context(), c, in)
	var ve *ValidationError
	switch {
	case errors.As(err, &ve):
		writeError(w, cmp.Or(ve.status, http.StatusBadRequest), ve)
		return
	case err != nil:
		s.internalError(w, "queue the message", "retry later; the message was not accepted", err)
		return
	}
	if replay {
		w.Header().Set("Idempotent-Replayed", "true")
	}
	w.Header().Set("Location", "/api/v1/messages/"+strconv.FormatInt(acc.ID, 10))
	writeJSON(w, http.StatusAccepted, acc)
}

// decodeInput parses the body strictly: a misspelt field ("touser") is an
// error naming it rather than a message silently sent to nobody.
func decodeInput(body []byte) (Input, *ValidationError) {
	var in Input
	if len(bytes.TrimSpace(body)) == 0 {
		return in, invalid("invalid_json", "body", "the body is empty; send a JSON object (see docs/push-api.md)")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	err := dec.Decode(&in)
	if err == nil && dec.More() {
		err = errors.New("extra data after the JSON object")
	}
	if err == nil {
		return in, nil
	}
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		return in, invalid("invalid_json", "body", "not valid JSON at byte %d: %v", syn.Offset, syn)
	case errors.As(err, &typ):
		field := typ.Field
		if field == "" {
			field = "body"
		}
		return in, invalid("invalid_type", field, "is a JSON %s; want %s", typ.Value, jsonTypeName(typ.Type.String()))
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return in, invalid("unknown_field", name, "is not a field of a message; see docs/push-api.md (recipients go in \"to\")")
	}
	return in, invalid("invalid_json", "body", "not a valid message: %v", err)
}

func jsonTypeName(goType string) string {
	switch {
	case goType == "string":
		return "a string"
	case strings.HasPrefix(goType, "[]"):
		return "an array of strings"
	case strings.HasPrefix(goType, "map["):
		return "an object of string values"
	}
	return "an object"
}

func (s *Service) handleGet(w http.ResponseWriter, r *http.Request, c caller, rawID string) {
	id, err := strconv.ParseInt(rawID, 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, invalid("invalid_id", "id", "%q is not a message id (the number POST answered)", rawID))
		return
	}
	m, err := s.Message(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) || (err == nil && m.apiKeyID != c.keyID) {
		// Another key's message is reported as missing, not as forbidden.
		writeError(w, http.StatusNotFound, invalid("not_found", "id", "no message %d for this API key (messages are kept for the retention period)", id))
		return
	}
	if err != nil {
		s.internalError(w, "read the message", "retry later", err)
		return
	}
	writeJSON(w, http.StatusOK, m)
}

func (s *Service) internalError(w http.ResponseWriter, what, next string, err error) {
	s.log.Error("push intake: could not "+what, "err", err)
	writeError(w, http.StatusInternalServerError, &ValidationError{Code: "internal",
		Message: fmt.Sprintf("could not %s (%v); %s", what, err, next)})
}

func methodNotAllowed(w http.ResponseWriter, allow string) {
	w.Header().Set("Allow", allow)
	writeError(w, http.StatusMethodNotAllowed, &ValidationError{Code: "method_not_allowed", Message: "use " + allow})
}

func writeError(w http.ResponseWriter, code int, e *ValidationError) {
	writeJSON(w, code, map[string]*ValidationError{"error": e})
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	json.NewEncoder(w).Encode(v)
}
