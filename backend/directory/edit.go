package directory

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// AddAccount creates an active account.
func (s *Service) AddAccount(ctx context.Context, in AccountInput) (Account, error) {
	in, err := cleanInput(in)
	if err != nil {
		return Account{}, err
	}
	var id int64
	err = s.write(ctx, "add account", in.Account, func(tx *sqlx.Tx) (any, error) {
		if err := checkAccountFree(ctx, tx, in.Account, 0); err != nil {
			return nil, err
		}
		if err := checkDeptIDs(ctx, tx, in.DeptIDs); err != nil {
			return nil, err
		}
		now := store.TimeOf(s.now())
		r, err := tx.ExecContext(ctx, `INSERT INTO dir_accounts(account, name, employee_no, mobile, email, position,
			wecom_userid, status, created_at, updated_at) VALUES(?,?,?,?,?,?,?,'active',?,?)`,
			in.Account, in.Name, in.EmployeeNo, in.Mobile, in.Email, in.Position, in.WeComUserID, now, now)
		if err != nil {
			return nil, err
		}
		if id, err = r.LastInsertId(); err != nil {
			return nil, err
		}
		return in, setDepts(ctx, tx, id, in.DeptIDs)
	})
	if err != nil {
		return Account{}, err
	}
	return s.GetAccount(ctx, id)
}

// UpdateAccount replaces an account's fields and departments. Its status is
// changed only by ResignAccount and ReinstateAccount.
func (s *Service) UpdateAccount(ctx context.Context, id int64, in AccountInput) (Account, error) {
	in, err := cleanInput(in)
	if err != nil {
		return Account{}, err
	}
	err = s.write(ctx, "edit account", in.Account, func(tx *sqlx.Tx) (any, error) {
		if err := checkAccountFree(ctx, tx, in.Account, id); err != nil {
			return nil, err
		}
		if err := checkDeptIDs(ctx, tx, in.DeptIDs); err != nil {
			return nil, err
		}
		r, err := tx.ExecContext(ctx, `UPDATE dir_accounts SET account = ?, name = ?, employee_no = ?, mobile = ?,
			email = ?, position = ?, wecom_userid = ?, updated_at = ? WHERE id = ?`,
			in.Account, in.Name, in.EmployeeNo, in.Mobile, in.Email, in.Position, in.WeComUserID, store.TimeOf(s.now()), id)
		if err != nil {
			return nil, err
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return nil, usererr.Wrap(ErrNotFound, "directory_account_not_found", usererr.Args{"id": id})
		}
		return in, setDepts(ctx, tx, id, in.DeptIDs)
	})
	if err != nil {
		return Account{}, err
	}
	return s.GetAccount(ctx, id)
}

// ResignAccount marks an active account resigned.
func (s *Service) ResignAccount(ctx context.Context, id int64) (Account, error) {
	return s.setStatus(ctx, id, StatusResigned)
}

// ReinstateAccount makes a resigned account active again.
func (s *Service) ReinstateAccount(ctx context.Context, id int64) (Account, error) {
	return s.setStatus(ctx, id, StatusActive)
}

func (s *Service) setStatus(ctx context.Context, id int64, to Status) (Account, error) {
	action := map[Status]string{StatusResigned: "resign account", StatusActive: "reinstate account"}[to]
	err := s.write(ctx, action, fmt.Sprint(id), func(tx *sqlx.Tx) (any, error) {
		var cur struct {
			Account string `db:"account"`
			Status  Status `db:"status"`
		}
		err := tx.GetContext(ctx, &cur, `SELECT account, status FROM dir_accounts WHERE id = ?`, id)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, usererr.Wrap(ErrNotFound, "directory_account_not_found", usererr.Args{"id": id})
		}
		if err != nil {
			return nil, err
		}
		if cur.Status == to {
			return nil, fieldErr("status", "directory_status_unchanged", usererr.Args{"account": cur.Account, "status": to, "statusZh": statusZh(to)})
		}
		now := store.TimeOf(s.now())
		var resignedAt any
		if to == StatusResigned {
			resignedAt = now
		}
		_, err = tx.ExecContext(ctx, `UPDATE dir_accounts SET status = ?, resigned_at = ?, updated_at = ? WHERE id = ?`,
			string(to), resignedAt, now, id)
		return map[string]string{"account": cur.Account, "status": string(to)}, err
	})
	if err != nil {
		return Account{}, err
	}
	return s.GetAccount(ctx, id)
}

// cleanInput trims and validates a manual add or edit, normalising the mobile.
func cleanInput(in AccountInput) (AccountInput, error) {
	var is *issue
	if in.Account, is = checkAccount(in.Account); is != nil {
		return in, is.fieldError("account")
	}
	in.Name = strings.TrimSpace(in.Name)
	if in.Name == "" {
		return in, fieldErr("name", "directory_name_empty", nil)
	}
	in.EmployeeNo = strings.TrimSpace(in.EmployeeNo)
	in.Position = strings.TrimSpace(in.Position)
	for _, f := range []struct {
		c column
		v string
	}{{colName, in.Name}, {colEmployeeNo, in.EmployeeNo}, {colPosition, in.Position}} {
		if is := checkText(f.c, f.v); is != nil {
			return in, is.fieldError(f.c.String())
		}
	}
	if in.Mobile, is = normalizeMobile(in.Mobile); is != nil {
		return in, is.fieldError("mobile")
	}
	if in.Email, is = checkEmail(in.Email); is != nil {
		return in, is.fieldError("email")
	}
	if len(in.DeptIDs) > maxDeptsPerAccount {
		return in, newIssue(ProblemTooManyDepts, "limit", strconv.Itoa(maxDeptsPerAccount)).fieldError("department")
	}
	if in.WeComUserID, is = checkWeComUserID(in.WeComUserID); is != nil {
		return in, is.fieldError("wecom_userid")
	}
	seen := map[int64]bool{}
	for _, d := range in.DeptIDs {
		if seen[d] {
			return in, fieldErr("department", "directory_department_twice", usererr.Args{"id": d})
		}
		seen[d] = true
	}
	return in, nil
}

// checkAccountFree refuses an account name another account (other than self)
// already uses, ignoring letter case as WeCom does.
func checkAccountFree(ctx context.Context, tx *sqlx.Tx, account string, self int64) error {
	var other struct {
		ID      int64  `db:"id"`
		Account string `db:"account"`
		Name    string `db:"name"`
	}
	err := tx.GetContext(ctx, &other, `SELECT id, account, name FROM dir_accounts WHERE account = ? AND id <> ?`, account, self)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return err
	}
	return fieldErr("account", "directory_account_taken", usererr.Args{"account": account, "otherName": other.Name, "otherAccount": other.Account})
}

func checkDeptIDs(ctx context.Context, tx *sqlx.Tx, ids []int64) error {
	for _, id := range ids {
		var n int
		if err := tx.GetContext(ctx, &n, `SELECT COUNT(*) FROM dir_departments WHERE id = ?`, id); err != nil {
			return err
		}
		if n == 0 {
			return fieldErr("department", "directory_department_not_found", usererr.Args{"id": id})
		}
	}
	return nil
}

func setDepts(ctx context.Context, tx *sqlx.Tx, accountID int64, ids []int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM dir_account_departments WHERE account_id = ?`, accountID); err != nil {
		return err
	}
	for ord, d := range ids {
		if _, err := tx.ExecContext(ctx, `INSERT INTO dir_account_departments(account_id, dept_id, ord) VALUES(?,?,?)`,
			accountID, d, ord); err != nil {
			return err
		}
	}
	return nil
}
