package review

import (
	"context"
	"database/sql"
	"errors"

	"wecom-bridge/backend/usererr"
)

// MaxPickerCandidates is how many candidates Candidates returns; the rest,
// ranked lower, are counted in CandidateList.More (the manual-bind picker
// searches them all).
const MaxPickerCandidates = 20

// CandidateList is what the namesake picker of one ambiguous row shows: its
// candidates, best first, each with its name, method, score, position, main
// department path, masked mobile and, when a proposed or confirmed binding
// already holds it, that binding's counterpart (BoundTo).
type CandidateList struct {
	RowID      int64       `json:"rowId"`
	Candidates []Candidate `json:"candidates"`
	More       int         `json:"more"` // candidates not listed
}

// Candidates returns the picker's candidates of the corp's ambiguous row
// rowID. A List page carries only their ids (Row.Candidates): the details
// are read when a person opens the picker, so they are as of that moment.
func (s *Service) Candidates(ctx context.Context, corpID, rowID int64) (CandidateList, error) {
	var r rowRec
	err := s.st.DB.GetContext(ctx, &r, selectRow+`WHERE corp_id = ? AND id = ?`, corpID, rowID)
	if errors.Is(err, sql.ErrNoRows) {
		return CandidateList{}, usererr.Wrap(ErrNotFound, "binding_row_gone", usererr.Args{"row": rowID})
	}
	if err != nil {
		return CandidateList{}, err
	}
	if r.State != StateAmbiguous {
		return CandidateList{}, invalidMsg("binding_not_ambiguous", usererr.Args{"row": rowID})
	}
	out := CandidateList{RowID: rowID, Candidates: r.candidates()}
	if n := len(out.Candidates); n > MaxPickerCandidates {
		out.More, out.Candidates = n-MaxPickerCandidates, out.Candidates[:MaxPickerCandidates]
	}
	return out, s.markBound(ctx, corpID, out.Candidates)
}

// markBound fills BoundTo of the candidates: the counterpart of a proposed
// or confirmed binding holding the candidate, found with one query per side.
func (s *Service) markBound(ctx context.Context, corpID int64, cands []Candidate) error {
	for _, side := range []struct{ self, other string }{{"account", "userid"}, {"userid", "account"}} {
		var keys []any
		for _, c := range cands {
			if k := candKey(c, side.self); k != "" {
				keys = append(keys, k)
			}
		}
		if len(keys) == 0 {
			continue
		}
		var bound []struct {
			Key   string `db:"k"`
			Other string `db:"o"`
		}
		if err := s.st.DB.SelectContext(ctx, &bound, `SELECT `+side.self+` AS k, `+side.other+` AS o FROM bind_rows
			WHERE corp_id = ? AND state IN ('proposed', 'confirmed') AND `+side.self+` IN (`+inClause(len(keys))+`)`,
			append([]any{corpID}, keys...)...); err != nil {
			return err
		}
		to := make(map[string]string, len(bound))
		for _, b := range bound {
			to[foldKey(b.Key)] = b.Other
		}
		for i := range cands {
			if k := candKey(cands[i], side.self); k != "" {
				cands[i].BoundTo = to[foldKey(k)]
			}
		}
	}
	return nil
}

func candKey(c Candidate, col string) string {
	if col == "account" {
		return c.Account
	}
	return c.UserID
}
