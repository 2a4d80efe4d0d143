package server

import (
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"

	"wecom-bridge/backend/usererr"
)

// handleTicket: POST /api/auth/ticket (bearer) → {"ticket","expiresInSeconds"},
// a single-use stand-in for the token where a header cannot be sent
// (/api/events?ticket=…, /api/download/…?ticket=…).
func (s *Server) handleTicket(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use POST")
		return
	}
	t, err := s.sess.issueTicket()
	if err != nil {
		authError(w, http.StatusTooManyRequests, "too_many_tickets", nil)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	json.NewEncoder(w).Encode(map[string]any{"ticket": t, "expiresInSeconds": int(TicketTTL.Seconds())})
}

// handleRotate: POST /api/auth/rotate (bearer, JSON) signs every browser out:
// a new token replaces the old one in its file, tickets are dropped and open
// event streams end. The new token is not in the answer; serve prints the
// new URL where it printed the first one.
func (s *Server) handleRotate(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "use POST")
		return
	}
	t, err := s.sess.rotate()
	if errors.Is(err, ErrTokenFromEnv) {
		authError(w, http.StatusConflict, ErrTokenFromEnv.Code, nil)
		return
	}
	if err != nil {
		ref := usererr.NewRef()
		slog.Error("serve: rotate token", "ref", ref, "err", err)
		w.Header().Set("Cache-Control", "no-store")
		writeMessage(w, http.StatusInternalServerError, usererr.Internal(ref))
		return
	}
	slog.Info("serve: token rotated; every browser session was signed out")
	if s.onRotate != nil {
		s.onRotate(t)
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Write([]byte(`{"ok":true}`))
}

// serveEvents is the SSE stream, ended when the token is rotated.
func (s *Server) serveEvents(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithCancel(r.Context())
	defer cancel()
	revoked, _ := r.Context().Value(revokedKey{}).(<-chan struct{})
	if revoked == nil {
		revoked = s.sess.revokedCh()
	}
	go func() {
		select {
		case <-revoked:
			cancel()
		case <-ctx.Done():
		}
	}()
	s.hub.ServeHTTP(w, r.WithContext(ctx))
}
