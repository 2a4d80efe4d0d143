// Package directory is the organisation's own user directory: a tree of
// departments and the accounts in them, kept in the store's SQLite file.
//
// Accounts come in through CSV/XLSX imports (preview first, then apply exactly
// the preview) or manual edits, and go out through exports and the plain
// reads (AllAccounts, AllDepartments) that the binding engine and the sync
// planner use.
package directory

import (
	"errors"
	"time"
	"wecom-bridge/backend/usererr"

	"wecom-bridge/backend/store"
)

// Status of an account.
type Status string

// Account statuses.
const (
	StatusActive   Status = "active"
	StatusResigned Status = "resigned"
)

// Department is one node of the department tree.
type Department struct {
	ID        int64    `json:"id"`
	ParentID  int64    `json:"parentId"` // 0 for a root
	Name      string   `json:"name"`
	SortOrder int      `json:"sortOrder"`
	Path      []string `json:"path"` // names from the root to this department
}

// Account is one person of the local directory.
type Account struct {
	ID         int64  `json:"id"`
	Account    string `json:"account"` // the login, unique (case-insensitively)
	Name       string `json:"name"`
	EmployeeNo string `json:"employeeNo"`
	Mobile     string `json:"mobile"` // normalised: 11 digits, or +CC-… for international numbers
	Email      string `json:"email"`
	Position   string `json:"position"`
	// WeComUserID is the userid a sync gives the member it creates for this
	// account when it is bound to none; "" means the account itself.
	WeComUserID string     `json:"wecomUserid"`
	Status      Status     `json:"status"`
	ResignedAt  *time.Time `json:"resignedAt,omitempty"`
	// DeptIDs and DeptPaths list the departments, main department first; each
	// path holds names from the root to the leaf.
	DeptIDs   []int64    `json:"deptIds"`
	DeptPaths [][]string `json:"deptPaths"`
	CreatedAt time.Time  `json:"createdAt"`
	UpdatedAt time.Time  `json:"updatedAt"`
}

// AccountInput is what a manual add or edit supplies.
type AccountInput struct {
	Account     string  `json:"account"`
	Name        string  `json:"name"`
	EmployeeNo  string  `json:"employeeNo"`
	Mobile      string  `json:"mobile"`
	Email       string  `json:"email"`
	Position    string  `json:"position"`
	WeComUserID string  `json:"wecomUserid"` // "" = the account
	DeptIDs     []int64 `json:"deptIds"`     // main department first
}

// FieldError is a validation failure of one field. Field uses the import
// column names (account, name, mobile, department…). Code and Args are set
// when the failure is one of the import problems (problems.go).
type FieldError struct {
	Field   string
	Message string
	Code    string
	Args    map[string]string
	msg     usererr.Message // set by fieldErr; problems build theirs in UserMessage
}

func (e *FieldError) Error() string { return e.Field + ": " + e.Message }

// UserMessage is the failure for the admin: the catalogue message fieldErr
// made, or the import problem's, naming a column in each language
// (directory_column_*: 账号 / Account).
func (e *FieldError) UserMessage() usererr.Message {
	if !e.msg.IsZero() {
		return e.msg
	}
	return problemMessage(e.Code, e.Args)
}

// fieldErr is a refused value of field, said by the catalogue's code.
func fieldErr(field, code string, args usererr.Args) error {
	m := usererr.Msg(code, args)
	return &FieldError{Field: field, Message: m.EN, msg: m}
}

// ErrNotFound is returned (wrapped) when an account, department or preview
// does not exist. It is the store's, so either name matches.
var ErrNotFound = store.ErrNotFound

// ErrStalePreview is returned (wrapped) by Apply when the directory changed
// after the preview was made.
var ErrStalePreview = errors.New("the directory changed after this preview was made")

// ErrResignNotConfirmed is returned (wrapped) by Apply when a flagged preview
// is applied without confirming the number of accounts it resigns.
var ErrResignNotConfirmed = errors.New("the number of accounts to resign was not confirmed")

// statusMessage is a status as the page and a Chinese export say it: the
// catalogue's directory_account_status_<status>.
func statusMessage(s Status) usererr.Message {
	if s != StatusResigned {
		s = StatusActive
	}
	return usererr.Msg("directory_account_status_"+string(s), nil)
}

// statusZh is a status in Chinese (the export's and the import's word).
func statusZh(s Status) string { return statusMessage(s).ZH }

