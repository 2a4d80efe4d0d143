package review

import (
	"context"
	"strings"

	"wecom-bridge/backend/usererr"
)

// ActionRenameUserID: WeCom renamed a member's userid (a contact callback's
// NewUserID); the member's decisions moved to the new userid.
const ActionRenameUserID = "rename_userid"

// RenameUserID moves the corp's decisions (confirmed and rejected) from
// oldID to newID, audited, so a userid rename keeps its binding; the next
// Rematch rebuilds the rows from the mirror. It returns how many decisions
// moved (0 when the member had none, or newID already has its own).
func (s *Service) RenameUserID(ctx context.Context, corpID int64, oldID, newID, actor string) (int, error) {
	oldID, newID = strings.TrimSpace(oldID), strings.TrimSpace(newID)
	if oldID == "" || newID == "" || strings.EqualFold(oldID, newID) {
		return 0, nil
	}
	moved := 0
	err := s.edit(ctx, corpID, actor, func(o *txOps) error {
		var ds []decision
		if err := o.sel(&ds, `SELECT `+decisionCols+` FROM bind_decisions WHERE corp_id = ? AND userid = ?`, corpID, oldID); err != nil {
			return err
		}
		var taken int
		if err := o.get(&taken, `SELECT COUNT(*) FROM bind_decisions WHERE corp_id = ? AND userid = ?`, corpID, newID); err != nil {
			return err
		}
		if len(ds) == 0 || taken > 0 {
			return nil
		}
		if err := o.exec(`UPDATE bind_decisions SET userid = ? WHERE corp_id = ? AND userid = ?`, newID, corpID, oldID); err != nil {
			return err
		}
		for _, d := range ds {
			if err := o.audit(AuditEntry{Action: ActionRenameUserID, Account: d.Account, UserID: newID, FromState: d.State,
				FromMethod: d.Method, ToState: d.State, ToMethod: d.Method, Note: noteMsg("userid_renamed", usererr.Args{"old": oldID, "new": newID})}); err != nil {
				return err
			}
		}
		moved = len(ds)
		return nil
	})
	return moved, err
}
