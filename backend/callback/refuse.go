package callback

import (
	"context"
	"errors"
	"net/http"

	"wecom-bridge/backend/wecom/wxcrypt"
)

// Reasons a request is refused, as counted in callback_rejections.
const (
	reasonBadSignature    = "bad_signature"    // msg_signature does not match (403)
	reasonWrongCorp       = "wrong_corp"       // decrypted, but addressed to another corp ID (403)
	reasonUndecryptable   = "undecryptable"    // not the XML envelope, bad base64/padding/framing (400)
	reasonTooLarge        = "too_large"        // body over 1 MiB (413)
	reasonUnknownEndpoint = "unknown_endpoint" // no corp with that key, or no app with that agentid (404)
	reasonNotConfigured   = "not_configured"   // the endpoint has no usable Token/EncodingAESKey (404)
)

// refuseCrypto maps a wxcrypt error to its reason and status.
func (s *Service) refuseCrypto(ctx context.Context, w http.ResponseWriter, ep endpoint, err error) {
	reason, status := reasonUndecryptable, http.StatusBadRequest
	switch {
	case errors.Is(err, wxcrypt.ErrInvalidSignature):
		reason, status = reasonBadSignature, http.StatusForbidden
	case errors.Is(err, wxcrypt.ErrReceiveIDMismatch):
		reason, status = reasonWrongCorp, http.StatusForbidden
	}
	s.refuse(ctx, w, ep.cfg.CorpRef, ep.cfg.AgentID, reason, status, err.Error())
}

// refuse answers status, logs the reason and counts it for the day. detail
// is for the log: it never holds a secret or the body.
func (s *Service) refuse(ctx context.Context, w http.ResponseWriter, corpRef, agentID int64, reason string, status int, detail string) {
	s.log.Warn("callback: refused", "reason", reason, "status", status, "corp_ref", corpRef, "agentid", agentID, "detail", detail)
	now := s.now()
	err := s.exec(`INSERT INTO callback_rejections (day, corp_ref, agent_id, reason, count, last_at)
		VALUES (?, ?, ?, ?, 1, ?) ON CONFLICT (day, corp_ref, agent_id, reason) DO UPDATE SET count = count + 1, last_at = excluded.last_at`,
		now.UTC().Format("2006-01-02"), corpRef, agentID, reason, now.UnixMilli())
	if err != nil {
		s.log.Error("callback: could not count a refusal", "err", err)
	}
	http.Error(w, "refused: "+reason, status)
}

// markVerified records that WeCom's URL check passed.
func (s *Service) markVerified(corpRef, agentID int64) error {
	return s.exec(`INSERT INTO callback_endpoints (corp_ref, agent_id, verified_at) VALUES (?, ?, ?)
		ON CONFLICT (corp_ref, agent_id) DO UPDATE SET verified_at = excluded.verified_at`, corpRef, agentID, s.now().UnixMilli())
}
