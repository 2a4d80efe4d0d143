package push

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/wecom"
)

type deliveryRow struct {
	ID      int64  `db:"id"`
	CorpID  int64  `db:"corp_id"`
	AgentID int64  `db:"agent_id"`
	Body    string `db:"body"`
}

// process works on one message until it is done, deferred (retry backoff,
// the per-member limit) or the service stops. Everything it does is in the
// journal, so a process that is cut off anywhere resumes from the database.
func (s *Service) process(ctx context.Context, id int64) {
	// An internal error defers the message briefly instead of returning it
	// to the dispatcher at once, which would spin on a persistent fault.
	failed := func(what string, err error) {
		if ctx.Err() == nil {
			s.log.Error("push: "+what, "message", id, "err", err)
			s.deferMessage(ctx, id, s.now().Add(s.retryBase), what+": "+err.Error())
		}
	}
	m, err := s.loadMessage(ctx, id)
	if errors.Is(err, sql.ErrNoRows) {
		return
	}
	if err != nil {
		failed("load message", err)
		return
	}
	// The dispatcher's list may be stale: a goroutine that held this message
	// a moment ago may have deferred it since.
	if m.State == stateDone || m.NotBefore > ms(s.now()) {
		return
	}
	if m.State == stateQueued {
		if !s.planMessage(ctx, m) {
			return
		}
	}
	var ds []deliveryRow
	if err := s.sel(ctx, nil, &ds, `SELECT id, corp_id, agent_id, body FROM push_deliveries
		WHERE message_id = ? AND status = 'queued' ORDER BY id`, id); err != nil {
		failed("load deliveries", err)
		return
	}
	if len(ds) == 0 { // settled already; never leave it for the dispatcher to find again
		if _, err := s.workerExec(ctx, `UPDATE push_messages SET state = 'done' WHERE id = ?`, id); err != nil {
			failed("close message", err)
		}
		return
	}
	for _, d := range ds {
		if ok, err := s.sendDelivery(ctx, m, d); err != nil {
			failed(fmt.Sprintf("delivery %d", d.ID), err)
			return
		} else if !ok {
			return
		}
	}
}

func (s *Service) loadMessage(ctx context.Context, id int64) (*queuedMessage, error) {
	var m queuedMessage
	if err := s.get(ctx, nil, &m, `SELECT id, source, payload, state, attempts, not_before, test_rule_id, api_key_id, created_at
		FROM push_messages WHERE id = ?`, id); err != nil {
		return nil, err
	}
	if err := json.Unmarshal([]byte(m.Payload), &m.input); err != nil {
		// Planned as it is: no recipients, so its delivery fails and says so.
		m.input = Input{Source: m.Source, Title: fmt.Sprintf("(message %d: stored payload is damaged: %v)", id, err)}
	}
	return &m, nil
}

// planMessage plans and saves a queued message. A failed lookup is retried
// with backoff; after the last attempt the message is logged as failed.
func (s *Service) planMessage(ctx context.Context, m *queuedMessage) bool {
	plans, err := s.plan(ctx, m)
	if err != nil && ctx.Err() != nil {
		return false
	}
	if err != nil {
		m.Attempts++
		if m.Attempts < s.maxAttempts && m.TestRuleID == nil { // a test send reports at once
			next := s.now().Add(s.backoff(m.Attempts))
			s.log.Warn("push: planning failed, will retry", "message", m.ID, "attempt", m.Attempts, "err", err)
			if _, dbErr := s.workerExec(ctx, `UPDATE push_messages SET attempts = ?, not_before = ?, last_error = ? WHERE id = ?`,
				m.Attempts, ms(next), err.Error(), m.ID); dbErr != nil {
				s.log.Error("push: defer message", "message", m.ID, "err", dbErr)
			}
			return false
		}
		p := noRulePlan(m.input)
		p.status, p.errText = StatusFailed, usererr.Msg("push_plan_failed", usererr.Args{"error": messageOf(err)})
		p.fix = usererr.Msg("push_fix_plan", nil)
		plans = []deliveryPlan{p}
	}
	if err := s.savePlan(ctx, m, plans); err != nil {
		if ctx.Err() == nil {
			s.log.Error("push: save plan", "message", m.ID, "err", err)
			s.deferMessage(ctx, m.ID, s.now().Add(s.retryBase), err.Error())
		}
		return false
	}
	s.changed.mark()
	return true
}

// sendDelivery sends a delivery's pending chunks in order. It returns false
// when the message must wait (deferred) or the service is stopping, and an
// error when the journal could not be read or written.
func (s *Service) sendDelivery(ctx context.Context, m *queuedMessage, d deliveryRow) (bool, error) {
	var chunks []chunkRow
	if err := s.sel(ctx, nil, &chunks, `SELECT `+chunkColumns+` FROM push_chunks
		WHERE delivery_id = ? AND state = 'pending' ORDER BY seq`, d.ID); err != nil {
		return false, fmt.Errorf("load chunks: %w", err)
	}
	client, cred, err := s.appClient(ctx, d.CorpID, d.AgentID)
	for _, c := range chunks {
		var o chunkOutcome
		if err != nil {
			o = chunkOutcome{state: "failed", errText: err.Error()}
		} else {
			users := wecom.SplitIDs(c.ToUser)
			if wait := s.limits.reserve(memberScope(d.CorpID, d.AgentID), users, s.now()); wait > 0 {
				s.deferMessage(ctx, m.ID, s.now().Add(wait), fmt.Sprintf("waiting %v: a recipient reached WeCom's 30 messages a minute", wait.Round(time.Second)))
				return false, nil
			}
			var ok bool
			if o, ok = s.sendChunk(ctx, client, cred, d, c); !ok {
				return false, nil
			}
		}
		var notBefore int64
		if o.state == "pending" {
			notBefore = ms(s.now().Add(s.backoff(c.Attempts + 1)))
		}
		if err := s.recordChunk(ctx, m.ID, d.ID, c.Seq, o, notBefore); err != nil {
			if ctx.Err() != nil {
				return false, nil
			}
			return false, fmt.Errorf("journal chunk %d: %w", c.Seq, err)
		}
		if o.state == "pending" {
			return false, nil
		}
	}
	return true, nil
}

// sendChunk makes one message/send call. ok is false when the service is
// stopping: the chunk stays pending and a resend is deduplicated by WeCom.
func (s *Service) sendChunk(ctx context.Context, client *wecom.Client, cred wecom.Credential, d deliveryRow, c chunkRow) (chunkOutcome, bool) {
	msg, err := chunkMessage(d.Body, c.ToUser, c.ToParty)
	if err != nil {
		return chunkOutcome{state: "failed", errText: err.Error()}, true
	}
	withTaskID(&msg, d.ID, c.Seq)
	res, err := client.SendMessage(ctx, cred, msg)
	if ctx.Err() != nil {
		return chunkOutcome{}, false
	}
	if s.afterSend != nil {
		s.afterSend(d.ID, c.Seq)
		if ctx.Err() != nil {
			return chunkOutcome{}, false
		}
	}
	o := chunkOutcome{state: "sent", at: ms(s.now())}
	if res != nil {
		o.msgid, o.invalidUser, o.invalidParty, o.unlicensed = res.MsgID, res.InvalidUser, res.InvalidParty, res.UnlicensedUser
	}
	if err == nil {
		return o, true
	}
	o.state, o.errcode, o.errText = "failed", wecom.ErrCode(err), err.Error()
	if o.errcode == codeAllInvalid && o.invalidUser == "" && o.invalidParty == "" {
		// 81013 means every recipient was invalid; WeCom may list them only in errmsg.
		o.invalidUser, o.invalidParty = c.ToUser, c.ToParty
	}
	if retryable(err) && c.Attempts+1 < s.maxAttempts {
		o.state = "pending"
		s.log.Warn("push: send failed, will retry", "delivery", d.ID, "chunk", c.Seq, "attempt", c.Attempts+1, "err", err)
	}
	return o, true
}

// codeAllInvalid is WeCom's "user & party & tag all invalid".
const codeAllInvalid = 81013

// retryable: system busy, rate limits and broken connections may pass later;
// configuration errors and refused content never do.
func retryable(err error) bool {
	if code := wecom.ErrCode(err); code != 0 {
		return wecom.IsRetryable(code)
	}
	var he *wecom.HTTPError
	if errors.As(err, &he) {
		return he.StatusCode >= 500 || he.StatusCode == 429
	}
	var ue *url.Error
	var ne net.Error
	return errors.As(err, &ue) || errors.As(err, &ne)
}

// appClient is the corp's client and the credential of the app agentID.
func (s *Service) appClient(ctx context.Context, corpID, agentID int64) (*wecom.Client, wecom.Credential, error) {
	if s.clients == nil {
		return nil, wecom.Credential{}, errors.New("no WeCom clients are wired into the push service")
	}
	client, apps, err := s.clients.Client(ctx, corpID)
	if err != nil {
		return nil, wecom.Credential{}, usererr.Wrap(err, "push_corp_cannot_send", usererr.Args{"corp": corpID, "error": messageOf(err)})
	}
	for _, a := range apps {
		if a.AgentID == agentID {
			return client, a, nil
		}
	}
	return nil, wecom.Credential{}, usererr.New("push_app_gone", usererr.Args{"corp": corpID, "agentId": agentID})
}

func (s *Service) deferMessage(ctx context.Context, id int64, until time.Time, reason string) {
	if _, err := s.workerExec(ctx, `UPDATE push_messages SET not_before = ?, last_error = ? WHERE id = ?`,
		ms(until), reason, id); err != nil && ctx.Err() == nil {
		s.log.Error("push: defer message", "message", id, "err", err)
	}
}

// backoff doubles from retryBase up to retryMax with the attempt number (1-based).
func (s *Service) backoff(attempt int) time.Duration {
	d := s.retryBase
	for i := 1; i < attempt && d < s.retryMax; i++ {
		d *= 2
	}
	return min(d, s.retryMax)
}

func memberScope(corpID, agentID int64) string {
	return fmt.Sprintf("%d|%d", corpID, agentID)
}
