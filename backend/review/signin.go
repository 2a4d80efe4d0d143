package review

import "context"

// SignInBinding is what a sign-in with WeCom may use of the review: the
// account of a member's confirmed binding, or why there is none.
type SignInBinding struct {
	Account string // set only when Confirmed
	// Pending names the account of a binding awaiting review (proposed,
	// or the member is a candidate of an ambiguous row: Pending "" then).
	Pending   string
	Confirmed bool
	Awaiting  bool // a proposed or ambiguous row holds the member
}

// ForSignIn looks up the member userid of corp in the review. Only a
// confirmed binding signs a member in (the review is law).
func (s *Service) ForSignIn(ctx context.Context, corpID int64, userid string) (SignInBinding, error) {
	var out SignInBinding
	rows, err := s.st.DB.QueryContext(ctx, `SELECT state, account FROM bind_rows
		WHERE corp_id = ? AND userid = ? AND state IN ('confirmed', 'proposed', 'ambiguous')`, corpID, userid)
	if err != nil {
		return out, err
	}
	defer rows.Close()
	for rows.Next() {
		var state, account string
		if err := rows.Scan(&state, &account); err != nil {
			return out, err
		}
		if state == "confirmed" {
			return SignInBinding{Account: account, Confirmed: true}, rows.Close()
		}
		out.Awaiting = true
		if state == "proposed" {
			out.Pending = account
		}
	}
	return out, rows.Err()
}

// ConfirmedUserID returns the WeCom userid confirmed for account ("" when
// the account has no confirmed binding any more).
func (s *Service) ConfirmedUserID(ctx context.Context, corpID int64, account string) (string, error) {
	var u []string
	err := s.st.DB.SelectContext(ctx, &u, `SELECT userid FROM bind_rows
		WHERE corp_id = ? AND account = ? AND state = 'confirmed' LIMIT 1`, corpID, account)
	if err != nil || len(u) == 0 {
		return "", err
	}
	return u[0], nil
}
