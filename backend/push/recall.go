package push

import (
	"context"
	"fmt"
	"strings"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// RecallResult is what became of one delivery's recall.
type RecallResult struct {
	DeliveryID int64 `json:"delivery_id"`
	OK         bool  `json:"ok"`
	// Refused: not sent to WeCom at all (over 24 h, nothing sent, already recalled).
	Refused  bool             `json:"refused,omitempty"`
	Recalled int              `json:"recalled"` // WeCom messages (chunks) recalled
	Error    *usererr.Message `json:"error,omitempty"`
	Fix      *usererr.Message `json:"fix,omitempty"`
}

// Recall recalls deliveries (撤回): every WeCom message of each is recalled
// with message/recall. A delivery sent 24 h ago or more is refused without
// calling WeCom, with the reason. The recall records actor and time, and the
// status becomes recalled once all its messages are.
func (s *Service) Recall(ctx context.Context, deliveryIDs []int64, actor string) ([]RecallResult, error) {
	actor = strings.TrimSpace(actor)
	if actor == "" {
		actor = "admin"
	}
	out := make([]RecallResult, 0, len(deliveryIDs))
	for _, id := range deliveryIDs {
		r, err := s.recallOne(ctx, id, actor)
		if err != nil {
			return out, err
		}
		out = append(out, r)
	}
	s.changed.mark()
	return out, nil
}

func (s *Service) recallOne(ctx context.Context, id int64, actor string) (RecallResult, error) {
	res := RecallResult{DeliveryID: id}
	rows, err := s.logRows(ctx, `WHERE d.id = ?`, id)
	if err != nil {
		return res, err
	}
	if len(rows) == 0 {
		res.Refused, res.Error = true, usererr.Msg("push_log_not_found", usererr.Args{"id": id}).Ptr()
		return res, nil
	}
	row := rows[0]
	if ok, reason := recallable(row, s.now()); !ok {
		res.Refused, res.Error = true, reason
		return res, nil
	}
	client, cred, err := s.appClient(ctx, row.CorpID, row.AgentID)
	if err != nil {
		res.Error = usererr.Msg("push_recall_failed", usererr.Args{"error": messageOf(err)}).Ptr()
		return res, nil
	}
	var chunks []chunkRow
	if err := s.st.DB.SelectContext(ctx, &chunks, `SELECT `+chunkColumns+` FROM push_chunks
		WHERE delivery_id = ? AND state = 'sent' AND msgid <> '' ORDER BY seq`, id); err != nil {
		return res, err
	}
	var failures []string
	for _, c := range chunks {
		if c.SentAt != nil && s.now().Sub(fromMS(*c.SentAt)) >= recallWindow {
			failures = append(failures, fmt.Sprintf("chunk %d was sent more than 24 h ago", c.Seq+1))
			continue
		}
		err := client.RecallMessage(ctx, cred, c.MsgID)
		if err != nil {
			if ctx.Err() != nil {
				return res, ctx.Err()
			}
			failures = append(failures, err.Error())
			if code := wecom.ErrCode(err); code != 0 && res.Fix == nil {
				res.Fix = fixFor(code, err.Error()).Ptr()
			}
			continue
		}
		res.Recalled++
		if _, err := s.writeExec(ctx, `UPDATE push_chunks SET state = 'recalled', recalled_at = ? WHERE delivery_id = ? AND seq = ?`,
			ms(s.now()), id, c.Seq); err != nil {
			return res, err
		}
	}
	res.OK = len(failures) == 0
	failed := strings.Join(failures, "; ")
	if !res.OK {
		res.Error = usererr.Msg("push_recall_failed", usererr.Args{"error": failed}).Ptr()
	}
	var left int
	if err := s.st.DB.GetContext(ctx, &left, `SELECT COUNT(*) FROM push_chunks WHERE delivery_id = ? AND state = 'sent'`, id); err != nil {
		return res, err
	}
	q := `UPDATE push_deliveries SET recall_error = ?, recalled_by = ?, recalled_at = ? WHERE id = ?`
	if left == 0 {
		q = `UPDATE push_deliveries SET status = 'recalled', recall_error = ?, recalled_by = ?, recalled_at = ? WHERE id = ?`
	}
	if res.Recalled == 0 {
		_, err = s.writeExec(ctx, `UPDATE push_deliveries SET recall_error = ? WHERE id = ?`, failed, id)
	} else {
		_, err = s.writeExec(ctx, q, failed, actor, ms(s.now()), id)
	}
	if err == nil && res.OK {
		s.log.Info("push: recalled", "delivery", id, "by", actor, "messages", res.Recalled)
	}
	return res, err
}
