package oidc

import (
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"

	"github.com/jmoiron/sqlx"
	"github.com/zitadel/oidc/v3/pkg/oidc"

	"wecom-bridge/backend/store"
)

// Sign-ins in flight live in SQLite (migration 0030), so a restarted app
// resumes them: the authorization requests with their codes
// (oidc_auth_requests) and the WeCom logins between the login step and
// WeCom's return (oidc_login_states). Codes, states and cookie nonces are
// kept as SHA-256 hashes only; every row expires after authRequestTTL, is
// purged once expired, and each table holds at most maxPending rows.

// Bounds of what a client sends with an authorization request.
const (
	maxStateLen     = 2048
	maxNonceLen     = 512
	maxScopes       = 16
	maxScopeLen     = 64
	maxChallengeLen = 128 // RFC 7636: 43 to 128 characters
	maxFreeToLen    = 4096
)

// Why a code is refused at the token endpoint (the parent of the library's
// invalid_grant "invalid code"; neither names the code).
var (
	ErrCodeUnknown = errors.New("oidc: the authorization code is unknown or was already redeemed: sign in again")
	ErrCodeExpired = errors.New("oidc: the authorization code expired (codes last 10 minutes): sign in again")
)

// hashSecret is how codes, states and nonces are kept.
func hashSecret(s string) string {
	h := sha256.Sum256([]byte(s))
	return hex.EncodeToString(h[:])
}

// requestJSON is the authorization request as the client sent it.
type requestJSON struct {
	RedirectURI  string              `json:"redirect_uri"`
	State        string              `json:"state,omitempty"`
	Nonce        string              `json:"nonce,omitempty"`
	Scopes       []string            `json:"scopes"`
	ResponseType oidc.ResponseType   `json:"response_type"`
	ResponseMode oidc.ResponseMode   `json:"response_mode,omitempty"`
	Challenge    *oidc.CodeChallenge `json:"challenge,omitempty"`
}

type authRequestRow struct {
	ID        string     `db:"id"`
	ClientID  string     `db:"client_id"`
	Request   string     `db:"request"`
	Subject   string     `db:"subject"`
	AuthTime  store.Time `db:"auth_time"`
	ExpiresAt store.Time `db:"expires_at"`
}

const authRequestCols = `id, client_id, request, subject, auth_time, expires_at`

func (r *authRequestRow) request() (*authRequest, error) {
	var j requestJSON
	if err := json.Unmarshal([]byte(r.Request), &j); err != nil {
		return nil, err
	}
	a := &authRequest{id: r.ID, clientID: r.ClientID, redirectURI: j.RedirectURI, state: j.State, nonce: j.Nonce,
		scopes: j.Scopes, responseType: j.ResponseType, responseMode: j.ResponseMode, challenge: j.Challenge,
		subject: r.Subject, expires: r.ExpiresAt.Time()}
	if !r.AuthTime.IsZero() {
		a.authTime, a.done = r.AuthTime.Time(), true
	}
	if a.scopes == nil {
		a.scopes = []string{}
	}
	return a, nil
}

// checkRequest bounds what the client sent, naming the parameter.
func checkRequest(req *oidc.AuthRequest) error {
	tooLong := func(name string, max int) error {
		return oidc.ErrInvalidRequest().WithDescription("%s is too long (at most %d characters)", name, max)
	}
	switch {
	case len(req.State) > maxStateLen:
		return tooLong("state", maxStateLen)
	case len(req.Nonce) > maxNonceLen:
		return tooLong("nonce", maxNonceLen)
	case len(req.CodeChallenge) > maxChallengeLen:
		return tooLong("code_challenge", maxChallengeLen)
	case len(req.Scopes) > maxScopes:
		return oidc.ErrInvalidRequest().WithDescription("scope has too many values (at most %d)", maxScopes)
	}
	for _, sc := range req.Scopes {
		if len(sc) > maxScopeLen {
			return tooLong("each scope value", maxScopeLen)
		}
	}
	return nil
}

// insertBounded purges the table's expired rows, refuses with errFull when
// it still holds maxPending, and else runs insert, in one transaction.
func (s *Service) insertBounded(ctx context.Context, table string, insert func(tx *sqlx.Tx) error) error {
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `DELETE FROM `+table+` WHERE expires_at <= ?`, store.TimeOf(s.now())); err != nil {
		return err
	}
	var n int
	if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM `+table); err != nil {
		return err
	}
	if n >= maxPending {
		return errFull
	}
	if err := insert(tx); err != nil {
		return err
	}
	return tx.Commit()
}

// saveRequest keeps a new authorization request.
func (s *Service) saveRequest(ctx context.Context, a *authRequest) error {
	body, err := json.Marshal(requestJSON{RedirectURI: a.redirectURI, State: a.state, Nonce: a.nonce, Scopes: a.scopes,
		ResponseType: a.responseType, ResponseMode: a.responseMode, Challenge: a.challenge})
	if err != nil {
		return err
	}
	return s.insertBounded(ctx, "oidc_auth_requests", func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO oidc_auth_requests(id, client_id, request, expires_at) VALUES(?, ?, ?, ?)`,
			a.id, a.clientID, string(body), store.TimeOf(a.expires))
		return err
	})
}

// loadRequest is the unexpired authorization request id.
func (s *Service) loadRequest(ctx context.Context, id string) (*authRequest, error) {
	var r authRequestRow
	err := s.st.DB.GetContext(ctx, &r, `SELECT `+authRequestCols+` FROM oidc_auth_requests WHERE id = ? AND expires_at > ?`,
		id, store.TimeOf(s.now()))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	return r.request()
}

// signedIn marks the request as signed in by sub; false when it is gone.
func (s *Service) signedIn(ctx context.Context, id, sub string) (bool, error) {
	res, err := s.st.DB.ExecContext(ctx, `UPDATE oidc_auth_requests SET subject = ?, auth_time = ? WHERE id = ? AND expires_at > ?`,
		sub, store.TimeOf(s.now()), id, store.TimeOf(s.now()))
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// saveCode keeps the code issued for request id, hashed.
func (s *Service) saveCode(ctx context.Context, id, code string) error {
	res, err := s.st.DB.ExecContext(ctx, `UPDATE oidc_auth_requests SET code_hash = ? WHERE id = ? AND expires_at > ?`,
		hashSecret(code), id, store.TimeOf(s.now()))
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n != 1 {
		return errNotFound
	}
	return nil
}

// redeemCode takes the request of code and deletes it in the same
// statement: of two redemptions of one code, one gets it.
func (s *Service) redeemCode(ctx context.Context, code string) (*authRequest, error) {
	var r authRequestRow
	err := s.st.DB.GetContext(ctx, &r, `DELETE FROM oidc_auth_requests WHERE code_hash = ? RETURNING `+authRequestCols, hashSecret(code))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrCodeUnknown
	}
	if err != nil {
		return nil, err
	}
	if !s.now().Before(r.ExpiresAt.Time()) {
		return nil, ErrCodeExpired
	}
	return r.request()
}

// deleteRequest ends a request (after its code is redeemed: already gone).
func (s *Service) deleteRequest(ctx context.Context, id string) error {
	_, err := s.st.DB.ExecContext(ctx, `DELETE FROM oidc_auth_requests WHERE id = ?`, id)
	return err
}

// saveState keeps a WeCom login under state, bound to the cookie nonce.
func (s *Service) saveState(ctx context.Context, state string, ls *loginState) error {
	if len(ls.freeTo) > maxFreeToLen {
		return errors.New("oidc: the free-login target is too long")
	}
	return s.insertBounded(ctx, "oidc_login_states", func(tx *sqlx.Tx) error {
		_, err := tx.ExecContext(ctx, `INSERT INTO oidc_login_states(state_hash, nonce_hash, corp_id, agent_id, auth_request_id, free_to, expires_at)
			VALUES(?, ?, ?, ?, ?, ?, ?)`, hashSecret(state), hashSecret(ls.nonce), ls.corpID, ls.agentID, ls.authReqID, ls.freeTo,
			store.TimeOf(ls.expires))
		return err
	})
}

// takeStateRow returns the unexpired login of state if nonce is its
// browser's, and deletes it: a state is used once. A wrong nonce leaves it
// for its own browser.
func (s *Service) takeStateRow(ctx context.Context, state, nonce string) (*loginState, error) {
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	var r struct {
		NonceHash string     `db:"nonce_hash"`
		CorpID    int64      `db:"corp_id"`
		AgentID   int64      `db:"agent_id"`
		AuthReqID string     `db:"auth_request_id"`
		FreeTo    string     `db:"free_to"`
		ExpiresAt store.Time `db:"expires_at"`
	}
	key := hashSecret(state)
	err = tx.GetContext(ctx, &r, `SELECT nonce_hash, corp_id, agent_id, auth_request_id, free_to, expires_at
		FROM oidc_login_states WHERE state_hash = ?`, key)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, errNotFound
	}
	if err != nil {
		return nil, err
	}
	if subtle.ConstantTimeCompare([]byte(r.NonceHash), []byte(hashSecret(nonce))) != 1 || !s.now().Before(r.ExpiresAt.Time()) {
		return nil, errNotFound
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM oidc_login_states WHERE state_hash = ?`, key); err != nil {
		return nil, err
	}
	if err := tx.Commit(); err != nil {
		return nil, err
	}
	return &loginState{nonce: nonce, corpID: r.CorpID, agentID: r.AgentID, authReqID: r.AuthReqID, freeTo: r.FreeTo,
		expires: r.ExpiresAt.Time()}, nil
}
