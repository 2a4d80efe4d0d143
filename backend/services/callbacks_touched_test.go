package services

import (
	"context"
	"strings"
	"testing"

	"wecom-bridge/backend/review"
)

type storedRow struct {
	ID       int64  `db:"id"`
	State    string `db:"state"`
	Account  string `db:"account"`
	UserID   string `db:"userid"`
	Position string `db:"wecom_position"`
	Name     string `db:"wecom_name"`
}

func storedRows(t *testing.T, s *Services, corpRef int64) map[int64]storedRow {
	t.Helper()
	var rows []storedRow
	if err := s.Store.DB.Select(&rows, `SELECT id, state, account, userid, wecom_position, wecom_name FROM bind_rows WHERE corp_id = ?`, corpRef); err != nil {
		t.Fatal(err)
	}
	out := make(map[int64]storedRow, len(rows))
	for _, r := range rows {
		out[r.ID] = r
	}
	return out
}

// TestContactChangeRematchesOnlyTouchedRows: the simulator changes a
// member's position through the API and sends the encrypted change_contact
// over HTTP; the receiver updates the mirror and rematches only that
// member's group: its row shows the new position, every other row keeps
// its id and content, nothing is audited and the corp's last full match
// (matched_at) is not redone.
func TestContactChangeRematchesOnlyTouchedRows(t *testing.T) {
	s, c, _ := callbackEnv(t)
	ctx := context.Background()
	before := storedRows(t, s, c.ID)
	sum, err := s.Review.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	audits, err := s.Review.Audit(ctx, c.ID, review.AuditQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	var target storedRow
	for _, r := range before {
		if r.UserID != "" && r.State != "ambiguous" && (target.ID == 0 || r.ID < target.ID) {
			target = r
		}
	}
	changePosition(t, s, c.ID, target.UserID, "回调重匹配岗")
	var after map[int64]storedRow
	eventually(t, "the touched row shows the new position", func() bool {
		after = storedRows(t, s, c.ID)
		for _, r := range after {
			if strings.EqualFold(r.UserID, target.UserID) && r.Position == "回调重匹配岗" {
				return true
			}
		}
		return false
	})
	others := 0
	for id, r := range before {
		if strings.EqualFold(r.UserID, target.UserID) || r.Name == target.Name {
			continue // the touched member and its namesakes: its group
		}
		if after[id] != r {
			t.Fatalf("row %d outside the group changed: %+v → %+v", id, r, after[id])
		}
		others++
	}
	if others < 10 || len(after) != len(before) {
		t.Fatalf("rows %d → %d, %d unrelated compared", len(before), len(after), others)
	}
	if sum2, _ := s.Review.Summary(ctx, c.ID); sum2.MatchedAt != sum.MatchedAt {
		t.Fatalf("the whole corp was rematched: %s → %s", sum.MatchedAt, sum2.MatchedAt)
	}
	if audits2, _ := s.Review.Audit(ctx, c.ID, review.AuditQuery{Limit: 1}); audits2.Total != audits.Total {
		t.Fatalf("audit %d → %d", audits.Total, audits2.Total)
	}
}
