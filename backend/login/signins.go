package login

import (
	"context"

	"wecom-bridge/backend/store"
)

// Sign-in results.
const (
	ResultOK          = "ok"
	ResultUnbound     = "unbound"     // no binding for the member
	ResultUnconfirmed = "unconfirmed" // a binding awaits review
	ResultResigned    = "resigned"    // the local account has resigned
	ResultNotMember   = "not_member"  // not a member of the corp (external user)
	ResultState       = "state"       // state missing, expired or from another browser
	ResultWeComError  = "wecom_error" // the code could not be exchanged
)

// SignIn is one line of the sign-in log.
type SignIn struct {
	ID      int64  `json:"id" db:"id"`
	At      string `json:"at" db:"-"` // store.Time.String()
	CorpID  int64  `json:"corpId" db:"corp_id"`
	Via     string `json:"via" db:"via"` // client id, or "free"
	UserID  string `json:"userid" db:"userid"`
	Account string `json:"account" db:"account"`
	Result  string `json:"result" db:"result"`
	Detail  string `json:"detail" db:"detail"`
}

// SignInPage is one page of the log, newest first.
type SignInPage struct {
	Rows  []SignIn `json:"rows"`
	Total int      `json:"total"`
}

const maxDetail = 300

// RecordSignIn appends to the sign-in log.
func (s *Service) RecordSignIn(ctx context.Context, e SignIn) error {
	if len(e.Detail) > maxDetail {
		e.Detail = Clip(e.Detail)
	}
	_, err := s.st.DB.ExecContext(ctx, `INSERT INTO login_signins(at, corp_id, via, userid, account, result, detail)
		VALUES (?, ?, ?, ?, ?, ?, ?)`, store.TimeOf(s.now()), e.CorpID, e.Via, e.UserID, e.Account, e.Result, e.Detail)
	return err
}

// SignIns lists the log, newest first; limit is bounded to 1–200.
func (s *Service) SignIns(ctx context.Context, offset, limit int) (SignInPage, error) {
	if limit < 1 || limit > 200 {
		limit = 50
	}
	if offset < 0 {
		offset = 0
	}
	p := SignInPage{Rows: []SignIn{}}
	if err := s.st.DB.GetContext(ctx, &p.Total, `SELECT COUNT(*) FROM login_signins`); err != nil {
		return p, err
	}
	var rows []struct {
		SignIn
		AtMS store.Time `db:"at_ms"`
	}
	err := s.st.DB.SelectContext(ctx, &rows, `SELECT id, at AS at_ms, corp_id, via, userid, account, result, detail
		FROM login_signins ORDER BY id DESC LIMIT ? OFFSET ?`, limit, offset)
	for _, r := range rows {
		r.SignIn.At = r.AtMS.String()
		p.Rows = append(p.Rows, r.SignIn)
	}
	return p, err
}
