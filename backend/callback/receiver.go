package callback

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/wecom/wxcrypt"
)

// MaxBodyBytes caps a callback body (1 MiB); a bigger one is refused (413).
const MaxBodyBytes = 1 << 20

// errBadAESKey: the saved EncodingAESKey does not make a cipher.
var errBadAESKey = errors.New("the saved EncodingAESKey is not valid")

// replyBudget bounds the App handler's Reply: WeCom waits 5 s at most.
const replyBudget = time.Second

// Routes are the receiver's ServeMux patterns, for the integration route table.
func (s *Service) Routes() map[string]http.Handler {
	return map[string]http.Handler{
		"/callback/contact/{key}":       http.HandlerFunc(s.serveContact),
		"/callback/app/{key}/{agentid}": http.HandlerFunc(s.serveApp),
	}
}

func (s *Service) serveContact(w http.ResponseWriter, r *http.Request) {
	s.serve(w, r, r.PathValue("key"), 0, KindContact)
}

func (s *Service) serveApp(w http.ResponseWriter, r *http.Request) {
	agent, err := strconv.ParseInt(r.PathValue("agentid"), 10, 64)
	if err != nil || agent <= 0 {
		s.refuse(r.Context(), w, 0, 0, reasonUnknownEndpoint, http.StatusNotFound, "the agentid in the URL is not a number")
		return
	}
	s.serve(w, r, r.PathValue("key"), agent, KindApp)
}

// endpoint is what a request resolved to.
type endpoint struct {
	cfg   *corp.CallbackConfig
	crypt *wxcrypt.Crypt
	kind  string
}

func (s *Service) serve(w http.ResponseWriter, r *http.Request, key string, agentID int64, kind string) {
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		w.Header().Set("Allow", "GET, POST")
		http.Error(w, "use GET (URL check) or POST (callback)", http.StatusMethodNotAllowed)
		return
	}
	ctx := r.Context()
	cfg, c, err := s.resolve(ctx, key, agentID, r.Method == http.MethodGet)
	if errors.Is(err, errBadAESKey) {
		s.refuse(ctx, w, cfg.CorpRef, agentID, reasonNotConfigured, http.StatusNotFound, "the saved EncodingAESKey is not valid")
		return
	}
	if err != nil {
		reason := reasonNotConfigured
		var corpRef int64
		if errors.Is(err, corp.ErrNotFound) {
			reason = reasonUnknownEndpoint
		} else if cfg != nil {
			corpRef = cfg.CorpRef
		}
		s.refuse(ctx, w, corpRef, agentID, reason, http.StatusNotFound, err.Error())
		return
	}
	ep := endpoint{cfg: cfg, crypt: c, kind: kind}
	q := rawQuery(r.URL.RawQuery)
	if r.Method == http.MethodGet {
		s.verify(ctx, w, ep, q)
		return
	}
	s.receive(ctx, w, r, ep, q)
}

// verify answers WeCom's URL check with the decrypted echostr, as plain text
// with no quotes or newline.
func (s *Service) verify(ctx context.Context, w http.ResponseWriter, ep endpoint, q map[string]string) {
	plain, err := ep.crypt.VerifyURL(q["msg_signature"], q["timestamp"], q["nonce"], q["echostr"])
	if err != nil {
		s.refuseCrypto(ctx, w, ep, err)
		return
	}
	if err := s.markVerified(ep.cfg.CorpRef, ep.cfg.AgentID); err != nil {
		s.log.Warn("callback: could not record the URL check", "corp", ep.cfg.CorpID, "agentid", ep.cfg.AgentID, "err", err)
	}
	s.log.Info("callback: URL verified by WeCom", "corp", ep.cfg.CorpID, "agentid", ep.cfg.AgentID)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write(plain)
}

// receive verifies, decrypts and persists a POSTed callback, then answers
// (with the App handler's passive reply, if any).
func (s *Service) receive(ctx context.Context, w http.ResponseWriter, r *http.Request, ep endpoint, q map[string]string) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.refuse(ctx, w, ep.cfg.CorpRef, ep.cfg.AgentID, reasonTooLarge, http.StatusRequestEntityTooLarge, "body over 1 MiB")
			return
		}
		s.refuse(ctx, w, ep.cfg.CorpRef, ep.cfg.AgentID, reasonUndecryptable, http.StatusBadRequest, "could not read the body: "+err.Error())
		return
	}
	plain, err := ep.crypt.Decrypt(q["msg_signature"], q["timestamp"], q["nonce"], body)
	if err != nil {
		s.refuseCrypto(ctx, w, ep, err)
		return
	}
	msg, err := ParseMessage(plain)
	if err != nil {
		s.refuse(ctx, w, ep.cfg.CorpRef, ep.cfg.AgentID, reasonUndecryptable, http.StatusBadRequest, "the decrypted message is not XML")
		return
	}
	ev, err := s.record(ep.cfg.CorpRef, ep.cfg.AgentID, ep.kind, msg, plain)
	if err != nil {
		// Not persisted: WeCom must retry, so the answer is not 200.
		s.log.Error("callback: could not persist", "corp", ep.cfg.CorpID, "agentid", ep.cfg.AgentID, "err", err)
		http.Error(w, "could not store the callback; retry", http.StatusServiceUnavailable)
		return
	}
	if ev.State == StateReceived {
		s.kick(ep.kind)
	}
	reply := s.reply(ctx, ep, ev)
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	w.Write(reply)
}

// reply is the encrypted passive reply to ev, or nothing (an empty 200).
func (s *Service) reply(ctx context.Context, ep endpoint, ev Event) []byte {
	if ep.kind != KindApp || s.app == nil {
		return nil
	}
	rctx, cancel := context.WithTimeout(ctx, replyBudget)
	defer cancel()
	plain, err := s.app.Reply(rctx, ev)
	if err != nil || len(plain) == 0 {
		if err != nil {
			s.log.Warn("callback: no passive reply", "event", ev.ID, "err", err)
		}
		return nil
	}
	out, err := ep.crypt.Encrypt(plain, "", "")
	if err != nil {
		s.log.Warn("callback: could not encrypt the passive reply", "event", ev.ID, "err", err)
		return nil
	}
	return out
}

// rawQuery decodes the query the way WeCom's samples do: %XX escapes are
// decoded but a literal "+" stays a "+" (echostr is base64; turning "+" into
// a space is the classic "echostr校验失败").
func rawQuery(raw string) map[string]string {
	out := map[string]string{}
	for _, kv := range strings.Split(raw, "&") {
		k, v, _ := strings.Cut(kv, "=")
		if len(k) > 64 {
			continue
		}
		dk, err1 := url.PathUnescape(k)
		dv, err2 := url.PathUnescape(v)
		if err1 != nil || err2 != nil {
			continue
		}
		if _, seen := out[dk]; !seen {
			out[dk] = dv
		}
	}
	return out
}
