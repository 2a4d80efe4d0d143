package server

import (
	"crypto/subtle"
	"errors"
	"sync"
	"time"

	"wecom-bridge/backend/usererr"
)

// TicketTTL is how long an SSE/download ticket stays valid (it is used once).
const TicketTTL = 30 * time.Second

// maxTickets bounds the outstanding tickets.
const maxTickets = 256

var errTooManyTickets = errors.New("too many outstanding tickets; use the ones you have or wait 30 s")

// ErrTokenFromEnv: the token is set by $WECOM_BRIDGE_TOKEN and cannot be rotated here.
// It is the catalogue's token_from_env message, which the rotate endpoint answers with.
var ErrTokenFromEnv = usererr.New("token_from_env", nil)

// session holds the current serve token, the short-lived tickets that stand
// in for it where a browser cannot send a header (EventSource, a download
// link), and a channel closed when the token is rotated, which ends the
// event streams opened under the old token.
type session struct {
	mu      sync.Mutex
	token   string
	file    string // where a rotated token is written; "" = from the environment
	tickets map[string]time.Time
	revoked chan struct{}
	now     func() time.Time
}

func newSession(t Token) *session {
	return &session{token: t.Value, file: t.File, tickets: map[string]time.Time{}, revoked: make(chan struct{}), now: time.Now}
}

func (s *session) tokenOK(tok string) bool {
	s.mu.Lock()
	cur := s.token
	s.mu.Unlock()
	return tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(cur)) == 1
}

// issueTicket returns a new single-use ticket valid for TicketTTL.
func (s *session) issueTicket() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	for t, exp := range s.tickets {
		if !now.Before(exp) {
			delete(s.tickets, t)
		}
	}
	if len(s.tickets) >= maxTickets {
		return "", errTooManyTickets
	}
	t := newToken()
	s.tickets[t] = now.Add(TicketTTL)
	return t, nil
}

// useTicket consumes a ticket; true if it was valid.
func (s *session) useTicket(t string) bool {
	if t == "" {
		return false
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	exp, ok := s.tickets[t]
	delete(s.tickets, t)
	return ok && s.now().Before(exp)
}

// revokedCh is closed when the token in force now is rotated.
func (s *session) revokedCh() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.revoked
}

// rotate replaces the token (writing it to its file), drops every ticket and
// ends the event streams opened under the old token.
func (s *session) rotate() (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.file == "" {
		return "", ErrTokenFromEnv
	}
	t := newToken()
	if err := writeTokenFile(s.file, t); err != nil {
		return "", err
	}
	s.token = t
	s.tickets = map[string]time.Time{}
	close(s.revoked)
	s.revoked = make(chan struct{})
	return t, nil
}
