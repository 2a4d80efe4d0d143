package review

import (
	"context"
	"encoding/json"
)

// OpenRow is a review row that awaits a decision (proposed or ambiguous).
// A proposed row has both sides; an ambiguous row its anchor (Account or
// UserID) and the other side's Candidates.
type OpenRow struct {
	State, Method   string
	Account, UserID string
	Candidates      []string
}

// SyncView is what sync needs of the review beyond ConfirmedPairs: the
// pairs a person rejected (never touched) and the rows that await a
// decision (left alone).
type SyncView struct {
	Rejected [][2]string // account, userid
	Open     []OpenRow
}

// ForSync reads the corp's rejected pairs and open rows.
func (s *Service) ForSync(ctx context.Context, corpID int64) (SyncView, error) {
	var v SyncView
	rows, err := s.st.DB.QueryContext(ctx, `SELECT account, userid FROM bind_decisions WHERE corp_id = ? AND state = 'rejected'`, corpID)
	if err != nil {
		return v, err
	}
	for rows.Next() {
		var p [2]string
		if err := rows.Scan(&p[0], &p[1]); err != nil {
			rows.Close()
			return v, err
		}
		v.Rejected = append(v.Rejected, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return v, err
	}
	rows, err = s.st.DB.QueryContext(ctx, `SELECT state, method, account, userid, anchor, candidates FROM bind_rows
		WHERE corp_id = ? AND state IN ('proposed', 'ambiguous') ORDER BY id`, corpID)
	if err != nil {
		return v, err
	}
	defer rows.Close()
	for rows.Next() {
		var r OpenRow
		var anchor, cands string
		if err := rows.Scan(&r.State, &r.Method, &r.Account, &r.UserID, &anchor, &cands); err != nil {
			return v, err
		}
		if cands != "" {
			var cs []Candidate
			_ = json.Unmarshal([]byte(cands), &cs) // written by setCandidates
			for _, c := range cs {
				if anchor == sideLocal {
					r.Candidates = append(r.Candidates, c.UserID)
				} else {
					r.Candidates = append(r.Candidates, c.Account)
				}
			}
		}
		v.Open = append(v.Open, r)
	}
	return v, rows.Err()
}
