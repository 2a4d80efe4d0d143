package mirror

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
)

// Summary is what the contacts page shows above the mirror.
type Summary struct {
	CorpID            int64      `json:"corpId"`
	HasMirror         bool       `json:"hasMirror"`
	RunID             int64      `json:"runId"` // the pull the mirror came from; plans record it
	PulledAt          *time.Time `json:"pulledAt,omitempty"`
	Departments       int        `json:"departments"`
	Users             int        `json:"users"`
	PrivacyRestricted bool       `json:"privacyRestricted"` // mobile and email withheld: name matching is all there is
	LastRun           *Run       `json:"lastRun,omitempty"` // may be newer than the mirror when it failed
	Running           bool       `json:"running"`
}

// Summary returns the counts and age of the corp's mirror and its last run.
func (s *Service) Summary(ctx context.Context, corpID int64) (*Summary, error) {
	sum := &Summary{CorpID: corpID, Running: s.running(corpID)}
	var st struct {
		RunID       int64      `db:"run_id"`
		PulledAt    store.Time `db:"pulled_at"`
		Departments int        `db:"departments"`
		Users       int        `db:"users"`
		Privacy     bool       `db:"privacy_restricted"`
	}
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		err := tx.GetContext(ctx, &st, `SELECT run_id, pulled_at, departments, users, privacy_restricted
			FROM mirror_state WHERE corp_id = ?`, corpID)
		switch {
		case errors.Is(err, sql.ErrNoRows):
		case err != nil:
			return err
		default:
			t := st.PulledAt.Time()
			sum.HasMirror, sum.RunID, sum.PulledAt = true, st.RunID, &t
			sum.Departments, sum.Users, sum.PrivacyRestricted = st.Departments, st.Users, st.Privacy
		}
		runs, err := runs(ctx, tx, corpID, 1)
		if len(runs) > 0 {
			sum.LastRun = &runs[0]
		}
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read the mirror summary of corp %d: %w", corpID, err)
	}
	return sum, nil
}

// Departments returns the corp's mirrored departments in department/list
// order (parents before children).
func (s *Service) Departments(ctx context.Context, corpID int64) ([]Department, error) {
	var rows []struct {
		ID        int64  `db:"id"`
		ParentID  int64  `db:"parent_id"`
		Name      string `db:"name"`
		NameEN    string `db:"name_en"`
		SortOrder int64  `db:"sort_order"`
		Leaders   string `db:"leaders"`
		Path      string `db:"path"`
	}
	if err := s.db.SelectContext(ctx, &rows, `SELECT id, parent_id, name, name_en, sort_order, leaders, path
		FROM mirror_departments WHERE corp_id = ? ORDER BY seq`, corpID); err != nil {
		return nil, fmt.Errorf("read the mirrored departments of corp %d: %w", corpID, err)
	}
	out := make([]Department, len(rows))
	for i, r := range rows {
		d := Department{ID: r.ID, ParentID: r.ParentID, Name: r.Name, NameEN: r.NameEN, SortOrder: r.SortOrder}
		if err := json.Unmarshal([]byte(r.Leaders), &d.Leaders); err != nil {
			return nil, fmt.Errorf("mirrored department %d: %w", r.ID, err)
		}
		if err := json.Unmarshal([]byte(r.Path), &d.Path); err != nil {
			return nil, fmt.Errorf("mirrored department %d: %w", r.ID, err)
		}
		out[i] = d
	}
	return out, nil
}

const userColumns = `userid, name, alias, position, mobile, email, biz_mail, telephone, gender, status, enable,
	main_department, departments`

// scanUsers reads rows of userColumns (plus extra destinations, if any);
// withPaths adds the department paths.
func scanUsers(rows *sql.Rows, capHint int, extra ...any) ([]User, error) {
	defer rows.Close()
	out := make([]User, 0, capHint)
	var deps string
	for rows.Next() {
		var u User
		dest := []any{&u.UserID, &u.Name, &u.Alias, &u.Position, &u.Mobile, &u.Email, &u.BizMail,
			&u.Telephone, &u.Gender, &u.Status, &u.Enable, &u.MainDepartment, &deps}
		if err := rows.Scan(append(dest, extra...)...); err != nil {
			return nil, err
		}
		var err error
		if u.Departments, err = parseIDs(deps); err != nil {
			return nil, fmt.Errorf("mirrored member %q: departments %q: %w", u.UserID, deps, err)
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// parseIDs reads the JSON id arrays the swap writes ("[1,5,7]") without
// encoding/json, which would double the time of a 100,000-member read.
func parseIDs(s string) ([]int64, error) {
	s = strings.TrimSpace(s)
	if len(s) < 2 || s[0] != '[' || s[len(s)-1] != ']' {
		return nil, errors.New("not a JSON array")
	}
	s = s[1 : len(s)-1]
	if strings.TrimSpace(s) == "" {
		return []int64{}, nil
	}
	out := make([]int64, 0, strings.Count(s, ",")+1)
	for part := range strings.SplitSeq(s, ",") {
		n, err := strconv.ParseInt(strings.TrimSpace(part), 10, 64)
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// withPaths sets each member's department paths from the mirrored
// departments, so they always agree with Departments. Paths are not stored
// per member: that would make the swap write (and readers parse) the same
// names 100,000 times.
func withPaths(ctx context.Context, q sqlx.QueryerContext, corpID int64, users []User, all bool) error {
	query, args := `SELECT id, path FROM mirror_departments WHERE corp_id = ?`, []any{corpID}
	if !all {
		ids := []int64{}
		for _, u := range users {
			ids = append(ids, u.Departments...)
		}
		query += ` AND id IN (SELECT value FROM json_each(?))`
		args = append(args, jsonText(ids))
	}
	var rows []struct {
		ID   int64  `db:"id"`
		Path string `db:"path"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, query, args...); err != nil {
		return fmt.Errorf("read the department paths of corp %d: %w", corpID, err)
	}
	paths := make(map[int64][]string, len(rows))
	for _, r := range rows {
		var p []string
		if err := json.Unmarshal([]byte(r.Path), &p); err != nil {
			return fmt.Errorf("mirrored department %d: path: %w", r.ID, err)
		}
		paths[r.ID] = p
	}
	for i := range users {
		finishUser(&users[i], paths)
	}
	return nil
}

// Users returns every mirrored member of the corp, ordered by userid, for
// matching and sync. DeptPaths lists root → leaf names, main department first.
func (s *Service) Users(ctx context.Context, corpID int64) ([]User, error) {
	var out []User
	err := s.read(ctx, func(tx *sqlx.Tx) error {
		var n int
		_ = tx.GetContext(ctx, &n, `SELECT users FROM mirror_state WHERE corp_id = ?`, corpID)
		rows, err := tx.QueryContext(ctx, `SELECT `+userColumns+` FROM mirror_users WHERE corp_id = ? ORDER BY userid`, corpID)
		if err != nil {
			return err
		}
		if out, err = scanUsers(rows, n); err != nil {
			return err
		}
		return withPaths(ctx, tx, corpID, out, true)
	})
	if err != nil {
		return nil, fmt.Errorf("read the mirrored members of corp %d: %w", corpID, err)
	}
	return out, nil
}

// read runs fn in a read-only transaction: one WAL snapshot, so reads that
// span several statements never mix two mirrors when a swap commits between
// them. (ReadOnly makes the driver BEGIN DEFERRED despite the store's
// immediate default, so readers never wait for the write lock.)
func (s *Service) read(ctx context.Context, fn func(tx *sqlx.Tx) error) error {
	tx, err := s.db.BeginTxx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}
