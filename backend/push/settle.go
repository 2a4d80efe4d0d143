package push

import (
	"context"
	"strings"
	"wecom-bridge/backend/usererr"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/wecom"
)

type chunkRow struct {
	DeliveryID   int64  `db:"delivery_id"`
	Seq          int    `db:"seq"`
	ToUser       string `db:"touser"`
	ToParty      string `db:"toparty"`
	State        string `db:"state"`
	Attempts     int    `db:"attempts"`
	MsgID        string `db:"msgid"`
	ErrCode      int    `db:"errcode"`
	Error        string `db:"error"`
	InvalidUser  string `db:"invalid_user"`
	InvalidParty string `db:"invalid_party"`
	Unlicensed   string `db:"unlicensed_user"`
	SentAt       *int64 `db:"sent_at"`
	RecalledAt   *int64 `db:"recalled_at"`
}

const chunkColumns = `delivery_id, seq, touser, toparty, state, attempts, msgid, errcode, error,
	invalid_user, invalid_party, unlicensed_user, sent_at, recalled_at`

// settleDelivery sets a delivery's status from its chunks once none is
// pending: sent, partial (some recipients invalid, unlicensed or unbound, or
// some chunks failed) or failed (nothing went out).
func (s *Service) settleDelivery(ctx context.Context, tx *sqlx.Tx, deliveryID int64) error {
	var chunks []chunkRow
	if err := s.sel(ctx, tx, &chunks, `SELECT `+chunkColumns+` FROM push_chunks WHERE delivery_id = ? ORDER BY seq`, deliveryID); err != nil {
		return err
	}
	var (
		msgids, invUsers, invParties, unlicensed []string
		sent, failed, attempts                   int
		firstSent                                *int64
		fail                                     *chunkRow
		reached                                  int
		toAll                                    bool
	)
	for i, c := range chunks {
		attempts += c.Attempts
		switch c.State {
		case "pending":
			return nil
		case "sent", "recalled":
			sent++
			msgids = append(msgids, c.MsgID)
			n, all := reachedBy(c)
			reached += n
			toAll = toAll || all
			if c.SentAt != nil && (firstSent == nil || *c.SentAt < *firstSent) {
				firstSent = c.SentAt
			}
		case "failed":
			failed++
			if fail == nil {
				fail = &chunks[i]
			}
		}
		invUsers = append(invUsers, wecom.SplitIDs(c.InvalidUser)...)
		invParties = append(invParties, wecom.SplitIDs(c.InvalidParty)...)
		unlicensed = append(unlicensed, wecom.SplitIDs(c.Unlicensed)...)
	}
	var unbound int
	if err := s.get(ctx, tx, &unbound, `SELECT unbound_count FROM push_deliveries WHERE id = ?`, deliveryID); err != nil {
		return err
	}
	invalidCount := len(invUsers) + len(invParties) + len(unlicensed)
	status := StatusSent
	switch {
	case sent == 0:
		status = StatusFailed
	case failed > 0 || invalidCount > 0 || unbound > 0:
		status = StatusPartial
	}
	var errcode int
	var errText, fix usererr.Message
	if fail != nil {
		errcode, fix = fail.ErrCode, fixFor(fail.ErrCode, fail.Error)
		errText = usererr.Msg("push_send_failed", usererr.Args{"error": fail.Error})
		if failed > 1 {
			errText = usererr.Msg("push_chunks_failed", usererr.Args{"error": fail.Error, "failed": failed, "chunks": len(chunks)})
		}
	} else if unbound > 0 {
		errText = usererr.Msg("push_unbound", usererr.Args{"n": unbound})
		fix = usererr.Msg("push_fix_bind", nil)
	}
	_, err := s.exec(ctx, tx, `UPDATE push_deliveries SET status = ?, msgids = ?, invalid_users = ?, invalid_parties = ?,
		unlicensed_users = ?, invalid_count = ?, errcode = ?, error = ?, fix = ?, attempts = ?, sent_at = ?, recipient_count = ?, to_all = ?
		WHERE id = ? AND status = 'queued'`,
		status, jsonList(msgids), jsonList(invUsers), jsonList(invParties), jsonList(unlicensed), invalidCount,
		errcode, errText.Stored(), fix.Stored(), attempts, firstSent, reached, toAll, deliveryID)
	if err == nil {
		s.changed.mark()
	}
	return err
}

// reachedBy is how many of a sent chunk's recipients WeCom took: its users
// and departments less those WeCom answered invalid or unlicensed. A
// department counts once (WeCom does not say how many members it has), and
// @all is reported as such, not counted.
func reachedBy(c chunkRow) (int, bool) {
	users := wecom.SplitIDs(c.ToUser)
	if len(users) == 1 && isEveryone(users[0]) {
		return 0, true
	}
	refused := map[string]bool{}
	for _, id := range append(splitLower(c.InvalidUser), splitLower(c.Unlicensed)...) {
		refused[id] = true
	}
	n := 0
	for _, u := range users {
		if !refused[strings.ToLower(u)] {
			n++
		}
	}
	badParty := map[string]bool{}
	for _, p := range wecom.SplitIDs(c.InvalidParty) {
		badParty[p] = true
	}
	for _, p := range wecom.SplitIDs(c.ToParty) {
		if !badParty[p] {
			n++
		}
	}
	return n, false
}

// fixFor is what the admin should do about a failed send.
func fixFor(errcode int, errmsg string) usererr.Message {
	if errcode == 0 {
		if strings.Contains(errmsg, "damaged") {
			return usererr.Msg("push_fix_resend", nil)
		}
		return usererr.Msg("push_fix_network", nil)
	}
	h := wecom.Hint(errcode, errmsg)
	return h.Fix
}

// messageOf is err's message, or its text as the argument of one.
func messageOf(err error) any {
	if e, ok := usererr.As(err); ok {
		return e.Message
	}
	return err.Error()
}
