package directory

import (
	"fmt"
	"strings"
	"time"
)

// Format of an import or export file.
type Format string

// Formats.
const (
	FormatCSV  Format = "csv"
	FormatXLSX Format = "xlsx"
)

// ResignThreshold flags an import that would resign too many accounts. A
// preview is flagged when it resigns more than Count accounts or more than
// Percent per cent of the active accounts, whichever is exceeded first.
type ResignThreshold struct {
	Percent float64 `json:"percent"` // 10 means 10 %
	Count   int     `json:"count"`
}

// DefaultResignThreshold is 10 % or 50 accounts.
var DefaultResignThreshold = ResignThreshold{Percent: 10, Count: 50}

// ImportOptions configure Preview.
type ImportOptions struct {
	FileName string `json:"fileName"` // shown back, and used to guess the format
	Format   Format `json:"format"`   // "" detects it from the content
	// FullSnapshot declares the file to be the whole directory: active
	// accounts absent from it are marked resigned. When false they are left alone.
	FullSnapshot bool             `json:"fullSnapshot"`
	Threshold    *ResignThreshold `json:"threshold,omitempty"` // nil: DefaultResignThreshold
}

// ImportRow is one valid row of the file, as it will be stored.
type ImportRow struct {
	Line       int        `json:"line"`
	Account    string     `json:"account"`
	Name       string     `json:"name"`
	EmployeeNo string     `json:"employeeNo,omitempty"`
	Mobile     string     `json:"mobile,omitempty"`
	Email      string     `json:"email,omitempty"`
	Position   string     `json:"position,omitempty"`
	Status     Status     `json:"status"`
	DeptPaths  [][]string `json:"deptPaths"` // main first
	// WeComUserID is the WeCom userid a sync gives the member it creates for
	// this account; "" means the account itself.
	WeComUserID string `json:"wecomUserid,omitempty"`
}

// FieldChange is one changed field of an update. Departments are shown as
// import files write them: 总部/研发;总部/产品.
type FieldChange struct {
	Field  string `json:"field"` // column name: name, mobile, department, status…
	Before string `json:"before"`
	After  string `json:"after"`
}

// UpdateRow is an existing account the file changes. After holds every
// field as it will be stored (columns absent from the file keep their value).
type UpdateRow struct {
	AccountID int64         `json:"accountId"`
	After     ImportRow     `json:"after"`
	Changes   []FieldChange `json:"changes"`
}

// ResignRow is an active account absent from a full-snapshot file.
type ResignRow struct {
	AccountID int64      `json:"accountId"`
	Account   string     `json:"account"`
	Name      string     `json:"name"`
	DeptPaths [][]string `json:"deptPaths"`
}

// Problem is one reason a row was rejected: Message in English, and the same
// as Code with Args (problems.go) for a screen to translate. Code is empty in
// previews stored before codes existed.
type Problem struct {
	Field   string            `json:"field"` // column name
	Message string            `json:"message"`
	Code    string            `json:"code,omitempty"`
	Args    map[string]string `json:"args"`
}

// Rejection is a row that will not be imported, with every problem found.
type Rejection struct {
	Line     int       `json:"line"` // 1-based; the header is line 1
	Account  string    `json:"account,omitempty"`
	Problems []Problem `json:"problems"`
}

func (r Rejection) String() string {
	msgs := make([]string, len(r.Problems))
	for i, p := range r.Problems {
		msgs[i] = p.Message
	}
	return fmt.Sprintf("line %d: %s", r.Line, strings.Join(msgs, "; "))
}

// ResignWarning says a preview resigns more accounts than the threshold.
// Apply then needs the Count confirmed.
type ResignWarning struct {
	Count     int             `json:"count"`   // accounts this import resigns
	Active    int             `json:"active"`  // active accounts in the directory now
	Percent   float64         `json:"percent"` // Count / Active, in per cent
	Threshold ResignThreshold `json:"threshold"`
}

func (w ResignWarning) String() string {
	return fmt.Sprintf("this import marks %d of %d active accounts resigned (%.1f %%), more than the threshold of %d accounts or %.0f %%",
		w.Count, w.Active, w.Percent, w.Threshold.Count, w.Threshold.Percent)
}

// Preview is what an import would do. It is persisted; Apply applies exactly it.
type Preview struct {
	ID           int64     `json:"id"`
	FileName     string    `json:"fileName"`
	Format       Format    `json:"format"`
	Encoding     string    `json:"encoding,omitempty"`  // CSV: UTF-8, UTF-8 (BOM), UTF-16 or GBK
	Delimiter    string    `json:"delimiter,omitempty"` // CSV: comma or tab
	Sheet        string    `json:"sheet,omitempty"`     // XLSX: the sheet read
	FullSnapshot bool      `json:"fullSnapshot"`
	Columns      []string  `json:"columns"` // known columns found in the header
	Warnings     []string  `json:"warnings"`
	DirVersion   int64     `json:"dirVersion"` // the directory version it was computed from
	CreatedAt    time.Time `json:"createdAt"`
	Status       string    `json:"status"` // pending or applied

	DataRows       int            `json:"dataRows"` // non-blank rows below the header
	Adds           []ImportRow    `json:"adds"`
	Updates        []UpdateRow    `json:"updates"`
	Resigns        []ResignRow    `json:"resigns"` // absent from a full snapshot
	Unchanged      int            `json:"unchanged"`
	Rejected       []Rejection    `json:"rejected"`
	NewDepartments [][]string     `json:"newDepartments"` // created on apply, parents first
	ResignCount    int            `json:"resignCount"`    // Resigns plus rows whose status turns resigned
	ResignWarning  *ResignWarning `json:"resignWarning,omitempty"`
}

// Summary is one line of counts, for logs and the CLI.
func (p *Preview) Summary() string {
	return fmt.Sprintf("%d to add, %d to update, %d to mark resigned, %d unchanged, %d rejected",
		len(p.Adds), len(p.Updates), len(p.Resigns), p.Unchanged, len(p.Rejected))
}

// ApplyResult counts what Apply did.
type ApplyResult struct {
	PreviewID          int64 `json:"previewId"`
	Added              int   `json:"added"`
	Updated            int   `json:"updated"`
	Resigned           int   `json:"resigned"`
	DepartmentsCreated int   `json:"departmentsCreated"`
}
