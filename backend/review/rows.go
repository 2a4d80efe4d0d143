package review

import (
	"encoding/json"
	"math"
	"strings"

	"wecom-bridge/backend/binding"
)

// Row states. The first four are binding.State values; a record that nothing
// in the other side resembles gets an unbound row of its own.
const (
	StateProposed     = string(binding.StateProposed)
	StateConfirmed    = string(binding.StateConfirmed)
	StateRejected     = string(binding.StateRejected)
	StateAmbiguous    = string(binding.StateAmbiguous)
	StateUnboundLocal = "unbound_local"
	StateUnboundWeCom = "unbound_wecom"
)

// Row is one row of the review screen: the local account on the left, the
// WeCom member on the right, how they matched in the middle. A side that is
// absent has empty fields. An ambiguous row has one side (Anchor) and its
// Candidates on the other.
type Row struct {
	ID         int64   `json:"id"`
	State      string  `json:"state"`
	Method     string  `json:"method,omitempty"`
	Confidence float64 `json:"confidence"`
	// Reason is the English text. A List page leaves it out when ReasonCode
	// is set (the screen words the code); rows without a code keep it.
	Reason string `json:"reason,omitempty"`
	// ReasonCode and ReasonArgs say Reason as a stable code and its values
	// (reason.go, binding/reason.go); empty for rows written before codes.
	ReasonCode    string            `json:"reason_code,omitempty"`
	ReasonArgs    map[string]string `json:"reason_args"`
	Account       string            `json:"account,omitempty"`
	LocalName     string            `json:"localName,omitempty"`
	LocalDept     string            `json:"localDept,omitempty"`
	LocalMobile   string            `json:"localMobile,omitempty"` // masked: 138****1234
	LocalPosition string            `json:"localPosition,omitempty"`
	LocalResigned bool              `json:"localResigned,omitempty"`
	UserID        string            `json:"userid,omitempty"`
	WeComName     string            `json:"wecomName,omitempty"`
	WeComDept     string            `json:"wecomDept,omitempty"`
	WeComMobile   string            `json:"wecomMobile,omitempty"` // masked
	WeComPosition string            `json:"wecomPosition,omitempty"`
	WeComInactive bool              `json:"wecomInactive,omitempty"`
	Anchor        string            `json:"anchor,omitempty"` // "local" or "wecom", ambiguous rows only
	// Conflicts lists the fields a binding's sides both know and disagree on
	// (mobile, email, department, position; conflicts.go).
	Conflicts []string `json:"conflicts"`
	// Candidates are every candidate of a whole row, best first. A List page
	// carries only the best few (MaxCandidatesInPage) and of each only its
	// account or userid, for the row to say who they are; MoreCandidates
	// counts the rest. The namesake picker loads their details (position,
	// main department, masked mobile, bound elsewhere) when it opens, with
	// Service.Candidates: a page of 200 namesake rows stays near 100 KB
	// however many details a candidate gains.
	Candidates     []Candidate `json:"candidates"`
	MoreCandidates int         `json:"moreCandidates,omitempty"`
}

// Candidate is one possible counterpart of an ambiguous row: a WeCom member
// (UserID) for a row anchored on a local account, or the reverse.
type Candidate struct {
	Account  string `json:"account,omitempty"`
	UserID   string `json:"userid,omitempty"`
	Name     string `json:"name,omitempty"`
	Dept     string `json:"dept,omitempty"`
	MainDept string `json:"mainDept,omitempty"` // the main department's path
	Position string `json:"position,omitempty"`
	Mobile   string `json:"mobile,omitempty"` // masked: 138****1234
	Method   string `json:"method,omitempty"`
	// Score ranks the candidates (department similarity for namesakes);
	// absent when 0, and in a List page.
	Score float64 `json:"score,omitempty"`
	// BoundTo is the counterpart of a proposed or confirmed binding that
	// already holds this candidate (filled when rows are read).
	BoundTo string `json:"boundTo,omitempty"`
}

// rowRec is a row of bind_rows.
type rowRec struct {
	ID             int64   `db:"id"`
	CorpID         int64   `db:"corp_id"`
	State          string  `db:"state"`
	Method         string  `db:"method"`
	Confidence     float64 `db:"confidence"`
	Reason         string  `db:"reason"`
	ReasonCode     string  `db:"reason_code"`
	ReasonArgs     string  `db:"reason_args"` // JSON object, "" for none
	Account        string  `db:"account"`
	LocalName      string  `db:"local_name"`
	LocalDept      string  `db:"local_dept"`
	LocalMobile    string  `db:"local_mobile"`
	LocalPosition  string  `db:"local_position"`
	LocalInactive  bool    `db:"local_inactive"`
	UserID         string  `db:"userid"`
	WeComName      string  `db:"wecom_name"`
	WeComDept      string  `db:"wecom_dept"`
	WeComMobile    string  `db:"wecom_mobile"`
	WeComPosition  string  `db:"wecom_position"`
	WeComInactive  bool    `db:"wecom_inactive"`
	Anchor         string  `db:"anchor"`
	Candidates     string  `db:"candidates"`
	CandidateCount int     `db:"candidate_count"`
	SearchText     string  `db:"search_text"`
	Conflicts      string  `db:"conflicts"` // comma-separated, see conflicts.go
	// Digest is digestOf the other columns but id, as stored (0: unknown,
	// e.g. after an UPDATE); args computes it afresh.
	Digest int64 `db:"digest"`
}

// rowCols lists bind_rows' columns in the order of rowRec.args.
const rowCols = `corp_id, state, method, confidence, reason, reason_code, reason_args, account, local_name,
	local_dept, local_mobile, local_position, local_inactive, userid, wecom_name, wecom_dept, wecom_mobile,
	wecom_position, wecom_inactive, anchor, candidates, candidate_count, search_text, conflicts, digest`

const rowColCount = 25

// args are the row's values for rowCols, its digest computed from the others
// (every insert goes through here, so every inserted row has a true one).
func (r *rowRec) args() []any {
	return append(r.content(), r.digest())
}

// content is every stored column but id and digest.
func (r *rowRec) content() []any {
	return append(make([]any, 0, rowColCount),
		r.CorpID, r.State, r.Method, r.Confidence, r.Reason, r.ReasonCode, r.ReasonArgs, r.Account,
		r.LocalName, r.LocalDept,
		r.LocalMobile, r.LocalPosition, r.LocalInactive, r.UserID, r.WeComName, r.WeComDept, r.WeComMobile,
		r.WeComPosition, r.WeComInactive, r.Anchor, r.Candidates, r.CandidateCount, r.SearchText, r.Conflicts)
}

func (r *rowRec) setLocal(s *sideRec) {
	r.Account, r.LocalName, r.LocalDept = s.Key, s.Name, s.DeptPaths.Text()
	r.LocalMobile, r.LocalPosition, r.LocalInactive = maskMobile(s.Mobile), s.Position, s.Inactive
}

func (r *rowRec) setWeCom(s *sideRec) {
	r.UserID, r.WeComName, r.WeComDept = s.Key, s.Name, s.DeptPaths.Text()
	r.WeComMobile, r.WeComPosition, r.WeComInactive = maskMobile(s.Mobile), s.Position, s.Inactive
}

// setReason stores the reason's text, code and arguments.
func (r *rowRec) setReason(rs reason) {
	r.Reason, r.ReasonCode, r.ReasonArgs = rs.text, rs.code, rs.args
}

// pairRow is a binding or a rejected pair, with the fields its sides
// disagree on.
func pairRow(corpID int64, state, method string, confidence float64, rs reason, l, w *sideRec) rowRec {
	r := rowRec{CorpID: corpID, State: state, Method: method, Confidence: confidence,
		Conflicts: strings.Join(conflictsOf(l, w), ",")}
	r.setReason(rs)
	r.setLocal(l)
	r.setWeCom(w)
	r.SearchText = l.SearchText + "\x1f" + w.SearchText
	return r
}

// unboundRow is a record with no binding and no ambiguous row.
func unboundRow(corpID int64, s *sideRec) rowRec {
	r := rowRec{CorpID: corpID, SearchText: s.SearchText}
	if s.Side == sideLocal {
		r.State = StateUnboundLocal
		r.setReason(reason{text: "no WeCom member resembles this account", code: ReasonUnboundLocal})
		r.setLocal(s)
	} else {
		r.State = StateUnboundWeCom
		r.setReason(reason{text: "no local account resembles this member", code: ReasonUnboundWeCom})
		r.setWeCom(s)
	}
	return r
}

// ambiguousRow is anchored on one side, with candidates from the other.
func ambiguousRow(corpID int64, method string, confidence float64, rs reason, anchor *sideRec, cands []Candidate) rowRec {
	r := rowRec{CorpID: corpID, State: StateAmbiguous, Method: method, Confidence: confidence, Anchor: anchor.Side}
	r.setReason(rs)
	if anchor.Side == sideLocal {
		r.setLocal(anchor)
	} else {
		r.setWeCom(anchor)
	}
	r.setCandidates(anchor.SearchText, cands)
	return r
}

// setCandidates stores the candidates and rebuilds the search text: the
// anchor's fields plus each candidate's id and name, so searching for a
// held account finds the row that holds it.
func (r *rowRec) setCandidates(anchorSearch string, cands []Candidate) {
	b, _ := json.Marshal(cands)
	r.Candidates, r.CandidateCount = string(b), len(cands)
	var sb strings.Builder
	sb.WriteString(anchorSearch)
	for _, c := range cands {
		sb.WriteString("\x1f")
		sb.WriteString(binding.NormalizeName(c.Account + c.UserID))
		sb.WriteString("\x1f")
		sb.WriteString(binding.NormalizeName(c.Name))
	}
	r.SearchText = sb.String()
}

func (r *rowRec) candidates() []Candidate {
	cs := []Candidate{}
	if r.Candidates == "" {
		return cs
	}
	_ = json.Unmarshal([]byte(r.Candidates), &cs) // written by setCandidates
	return cs
}

// view turns a stored row into the API shape, whole: every candidate and
// the English reason.
func (r *rowRec) view() Row {
	return Row{
		ID: r.ID, State: r.State, Method: r.Method, Confidence: r.Confidence, Reason: r.Reason,
		ReasonCode: r.ReasonCode, ReasonArgs: decodeArgs(r.ReasonArgs),
		Account: r.Account, LocalName: r.LocalName, LocalDept: r.LocalDept, LocalMobile: r.LocalMobile,
		LocalPosition: r.LocalPosition, LocalResigned: r.LocalInactive,
		UserID: r.UserID, WeComName: r.WeComName, WeComDept: r.WeComDept, WeComMobile: r.WeComMobile,
		WeComPosition: r.WeComPosition, WeComInactive: r.WeComInactive, Anchor: r.Anchor,
		Candidates: r.candidates(), Conflicts: splitConflicts(r.Conflicts),
	}
}

// pageView is view trimmed for a List page (see Row): the English reason
// only when there is no code to word it, and of the candidates only the
// first MaxCandidatesInPage's ids.
func (r *rowRec) pageView() Row {
	v := r.view()
	if v.ReasonCode != "" {
		v.Reason = "" // the screen words the code in the reader's language
	}
	if len(v.Candidates) > MaxCandidatesInPage {
		v.MoreCandidates = len(v.Candidates) - MaxCandidatesInPage
		v.Candidates = v.Candidates[:MaxCandidatesInPage]
	}
	for i, c := range v.Candidates {
		v.Candidates[i] = Candidate{Account: c.Account, UserID: c.UserID}
	}
	return v
}

// candidateFrom converts an engine candidate, with the details the namesake
// picker shows from its side s (position, main department, masked mobile),
// rounding the score so the stored JSON stays short.
func candidateFrom(c binding.Candidate, s *sideRec) Candidate {
	out := Candidate{
		Account: c.Account, UserID: c.UserID, Name: c.Name, Dept: deptPaths(c.DeptPaths).Text(),
		Method: string(c.Method), Score: math.Round(c.Score*1000) / 1000,
	}
	if s != nil {
		out.MainDept, out.Position, out.Mobile = mainPath(s.DeptPaths), s.Position, maskMobile(s.Mobile)
	}
	return out
}

// isPair reports whether the row binds two records (proposed or confirmed).
func (r *rowRec) isPair() bool { return r.State == StateProposed || r.State == StateConfirmed }
