package review

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"golang.org/x/sync/errgroup"

	"wecom-bridge/backend/store"
)

// Summary is the 同步内容 box above the review table.
type Summary struct {
	MembersPulled  int    `json:"membersPulled"`  // WeCom members in the last match
	LocalAccounts  int    `json:"localAccounts"`  // local accounts in the last match
	ToConfirm      int    `json:"toConfirm"`      // proposed bindings awaiting a person
	Ambiguous      int    `json:"ambiguous"`      // ambiguous rows (namesakes, keys that disagree)
	Confirmed      int    `json:"confirmed"`      // confirmed bindings
	Rejected       int    `json:"rejected"`       // rejected pairs
	UnboundLocal   int    `json:"unboundLocal"`   // local accounts nothing in WeCom resembles
	UnboundWeCom   int    `json:"unboundWecom"`   // WeCom members nothing local resembles
	Conflicts      int    `json:"conflicts"`      // bindings whose sides disagree on a field both know
	ToCreate       int    `json:"toCreate"`       // local accounts that would be created for them (see UnboundMembersToCreate)
	SkippedLocals  int    `json:"skippedLocals"`  // inputs without an account, or a duplicate one
	SkippedMembers int    `json:"skippedMembers"` // inputs without a userid, or a duplicate one
	StaleDecisions int    `json:"staleDecisions"` // confirmed decisions kept although a side is missing
	MatchedAt      string `json:"matchedAt"`      // "" before the first Rematch
	MatchedBy      string `json:"matchedBy"`
	// Lookups: what the last match asked WeCom (see lookup.go).
	Lookups LookupStats `json:"lookups"`
}

// Summary counts the corp's review rows.
func (s *Service) Summary(ctx context.Context, corpID int64) (Summary, error) {
	var sum Summary
	if err := store.CheckCorp(ctx, s.st.DB, corpID); err != nil {
		return sum, err
	}
	var st struct {
		MatchedAt      store.Time `db:"matched_at"`
		MatchedBy      string     `db:"matched_by"`
		SkippedLocals  int        `db:"skipped_locals"`
		SkippedMembers int        `db:"skipped_members"`
		Stale          int        `db:"stale"`
		Lookups        string     `db:"lookups"`
	}
	err := s.st.DB.GetContext(ctx, &st, `SELECT matched_at, matched_by, skipped_locals, skipped_members, stale, lookups
		FROM bind_corp_state WHERE corp_id = ?`, corpID)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return sum, err
	}
	if st.Lookups != "" {
		if err := json.Unmarshal([]byte(st.Lookups), &sum.Lookups); err != nil {
			return sum, fmt.Errorf("bind_corp_state.lookups of corp %d: %w", corpID, err)
		}
	}
	sum.MatchedAt, sum.MatchedBy = st.MatchedAt.String(), st.MatchedBy
	sum.SkippedLocals, sum.SkippedMembers, sum.StaleDecisions = st.SkippedLocals, st.SkippedMembers, st.Stale

	// The counts are independent reads: run at once (WAL readers do not wait
	// for one another), a summary at 100,000 rows costs its slowest count.
	var states, sides []keyCount
	var g errgroup.Group
	g.Go(func() error {
		return s.st.DB.SelectContext(ctx, &states, `SELECT state AS k, COUNT(*) AS n FROM bind_rows
			WHERE corp_id = ? GROUP BY state`, corpID)
	})
	g.Go(func() error {
		return s.st.DB.SelectContext(ctx, &sides, `SELECT side AS k, COUNT(*) AS n FROM bind_sides
			WHERE corp_id = ? GROUP BY side`, corpID)
	})
	g.Go(func() error {
		return s.st.DB.GetContext(ctx, &sum.Conflicts, `SELECT COUNT(*) FROM bind_rows INDEXED BY bind_rows_conflicts
			WHERE corp_id = ? AND conflicts <> '' AND state IN ('proposed', 'confirmed')`, corpID)
	})
	g.Go(func() error {
		return s.st.DB.GetContext(ctx, &sum.ToCreate, `SELECT COUNT(*) FROM bind_rows r WHERE `+toCreateWhere, corpID)
	})
	if err := g.Wait(); err != nil {
		return sum, err
	}
	for _, c := range states {
		switch c.Key {
		case StateProposed:
			sum.ToConfirm = c.N
		case StateAmbiguous:
			sum.Ambiguous = c.N
		case StateConfirmed:
			sum.Confirmed = c.N
		case StateRejected:
			sum.Rejected = c.N
		case StateUnboundLocal:
			sum.UnboundLocal = c.N
		case StateUnboundWeCom:
			sum.UnboundWeCom = c.N
		}
	}
	for _, c := range sides {
		if c.Key == sideLocal {
			sum.LocalAccounts = c.N
		} else {
			sum.MembersPulled = c.N
		}
	}
	return sum, nil
}

// keyCount is a row of a GROUP BY count.
type keyCount struct {
	Key string `db:"k"`
	N   int    `db:"n"`
}

// toCreateWhere selects the unbound WeCom members a local account would be
// created for: active ones whose userid does not already name a local
// account (that clash needs a person: bind by hand).
const toCreateWhere = `r.corp_id = ? AND r.state = 'unbound_wecom' AND r.wecom_inactive = 0
	AND NOT EXISTS (SELECT 1 FROM bind_sides l WHERE l.corp_id = r.corp_id AND l.side = 'local' AND l.key = r.userid)`

// MemberToCreate is a WeCom member without a local account, with what the
// directory needs to create one. Mobile and Email are as WeCom gave them
// (normalised), often empty.
type MemberToCreate struct {
	Account   string     `json:"account"` // suggested local account: the userid
	UserID    string     `json:"userid"`
	Name      string     `json:"name"`
	DeptPaths [][]string `json:"deptPaths"`
	Mobile    string     `json:"mobile"`
	Email     string     `json:"email"`
	Position  string     `json:"position"`
}

// UnboundMembersToCreate lists the members counted in Summary.ToCreate, in
// review order, for the optional "create local accounts" action.
func (s *Service) UnboundMembersToCreate(ctx context.Context, corpID int64) ([]MemberToCreate, error) {
	rows, err := s.st.DB.QueryxContext(ctx, `SELECT w.key, w.name, w.dept_paths, w.mobile, w.email, w.position
		FROM bind_rows r JOIN bind_sides w ON w.corp_id = r.corp_id AND w.side = 'wecom' AND w.key = r.userid
		WHERE `+toCreateWhere+` ORDER BY r.id`, corpID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []MemberToCreate{}
	for rows.Next() {
		var m MemberToCreate
		var dp deptPaths
		if err := rows.Scan(&m.UserID, &m.Name, &dp, &m.Mobile, &m.Email, &m.Position); err != nil {
			return nil, err
		}
		m.Account, m.DeptPaths = m.UserID, dp
		out = append(out, m)
	}
	return out, rows.Err()
}

// ConfirmedPairs returns the corp's confirmed bindings, account → userid,
// for sync and push. Only bindings whose two sides were present in the last
// match count.
func (s *Service) ConfirmedPairs(ctx context.Context, corpID int64) (map[string]string, error) {
	rows, err := s.st.DB.QueryContext(ctx, `SELECT account, userid FROM bind_rows
		WHERE corp_id = ? AND state = 'confirmed'`, corpID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var a, u string
		if err := rows.Scan(&a, &u); err != nil {
			return nil, err
		}
		out[a] = u
	}
	return out, rows.Err()
}
