package review

import (
	"context"
	"strings"

	"wecom-bridge/backend/usererr"
)

// Person is one entry of the manual-bind picker: a local account (Account
// set) or a WeCom member (UserID set), with where it stands now.
type Person struct {
	Account  string `json:"account,omitempty"`
	UserID   string `json:"userid,omitempty"`
	Name     string `json:"name"`
	Dept     string `json:"dept,omitempty"`
	Mobile   string `json:"mobile,omitempty"` // masked
	Position string `json:"position,omitempty"`
	Inactive bool   `json:"inactive,omitempty"` // resigned account / inactive member
	// State of the record: proposed or confirmed (bound to BoundTo), ambiguous
	// (anchor of row RowID), unbound_local / unbound_wecom, or "held" (a
	// candidate of ambiguous rows).
	State   string `json:"state"`
	BoundTo string `json:"boundTo,omitempty"`
	RowID   int64  `json:"rowId,omitempty"`
}

// StateHeld is Person.State for a record that is only a candidate of
// ambiguous rows.
const StateHeld = "held"

// MaxPicker is the most entries a picker search returns.
const MaxPicker = 100

// SearchLocals finds local accounts for the manual-bind picker: every
// account of the last match whose fields contain every term of q (all of
// them when q is empty), unbound ones first, then by name.
func (s *Service) SearchLocals(ctx context.Context, corpID int64, q string, limit int) ([]Person, error) {
	return s.searchSide(ctx, corpID, sideLocal, q, limit)
}

// SearchMembers is SearchLocals for WeCom members.
func (s *Service) SearchMembers(ctx context.Context, corpID int64, q string, limit int) ([]Person, error) {
	return s.searchSide(ctx, corpID, sideWeCom, q, limit)
}

func (s *Service) searchSide(ctx context.Context, corpID int64, side, q string, limit int) ([]Person, error) {
	switch {
	case limit == 0:
		limit = 20
	case limit < 0 || limit > MaxPicker:
		return nil, invalidMsg("review_bad_picker_limit", usererr.Args{"value": limit, "max": MaxPicker})
	}
	self, other, unbound := "account", "userid", StateUnboundLocal
	if side == sideWeCom {
		self, other, unbound = "userid", "account", StateUnboundWeCom
	}
	conds := []string{"s.corp_id = ?", "s.side = ?"}
	args := []any{unbound, side, corpID, side}
	for _, t := range searchTerms(q) {
		c, a := termCond("s.search_text", t)
		conds, args = append(conds, c), append(args, a)
	}
	args = append(args, unbound, limit)
	rows, err := s.st.DB.QueryxContext(ctx, `SELECT s.key, s.name, s.dept_paths, s.mobile, s.position, s.inactive,
			COALESCE(r.id, 0), COALESCE(r.state, 'held'), COALESCE(r.`+other+`, '')
		FROM bind_sides s
		LEFT JOIN bind_rows r ON r.corp_id = s.corp_id AND r.`+self+` = s.key
			AND (r.state IN ('proposed', 'confirmed', ?) OR (r.state = 'ambiguous' AND r.anchor = ?))
		WHERE `+strings.Join(conds, " AND ")+`
		ORDER BY CASE COALESCE(r.state, 'held') WHEN ? THEN 0 WHEN 'held' THEN 1 WHEN 'ambiguous' THEN 1
			WHEN 'proposed' THEN 2 ELSE 3 END, s.name, s.key
		LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Person{}
	for rows.Next() {
		var p Person
		var key, mobile string
		var dp deptPaths
		if err := rows.Scan(&key, &p.Name, &dp, &mobile, &p.Position, &p.Inactive, &p.RowID, &p.State, &p.BoundTo); err != nil {
			return nil, err
		}
		if side == sideLocal {
			p.Account = key
		} else {
			p.UserID = key
		}
		p.Dept, p.Mobile = dp.Text(), maskMobile(mobile)
		out = append(out, p)
	}
	return out, rows.Err()
}
