package syncer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"wecom-bridge/backend/wecom"
)

// Direction says which side is the truth.
type Direction string

// Directions.
const (
	FromWeCom Direction = "from-wecom" // 以企业微信为准: the plan changes the local directory
	ToWeCom   Direction = "to-wecom"   // 以本地为准: the plan changes WeCom
)

// ParseDirection accepts "from-wecom" and "to-wecom".
func ParseDirection(s string) (Direction, error) {
	switch d := Direction(s); d {
	case FromWeCom, ToWeCom:
		return d, nil
	}
	return "", fmt.Errorf("unknown sync direction %q: use from-wecom (WeCom is the truth) or to-wecom (the local directory is the truth)", s)
}

// Trigger is what started a plan or a run.
type Trigger string

// Triggers.
const (
	TriggerManual   Trigger = "manual"
	TriggerSchedule Trigger = "schedule"
	TriggerCallback Trigger = "callback"
)

func (t Trigger) valid() bool {
	return t == TriggerManual || t == TriggerSchedule || t == TriggerCallback
}

// LocalDept is a department of the local directory. ParentID is 0 for a
// root; Path holds the names from the root down to this department.
type LocalDept struct {
	ID       int64
	ParentID int64
	Name     string
	Path     []string
}

// LocalUser is an account of the local directory. DeptPaths are department
// paths (names from the root), the main department first.
type LocalUser struct {
	Account, Name, EmployeeNo, Mobile, Email, Position string
	// WeComUserID is the userid a to-wecom sync creates the member under when
	// the account is bound to none; "" means the account itself.
	WeComUserID string
	DeptPaths   [][]string
	Resigned    bool
	ResignedAt  time.Time
}

// WeComDept is a WeCom department. The root has ParentID 0.
type WeComDept struct {
	ID, ParentID int64
	Name         string
	Order        int64
}

// WeComUser is a WeCom member. Status: 1 active, 2 disabled, 4 not activated,
// 5 quit; a member counts as disabled when Status is 2. Alias and ExtAttrs
// are only compared when a field mapping writes them (ExtAttrs nil means
// "not read": extattr values are then written but never compared).
type WeComUser struct {
	UserID, Name, Mobile, Email, Position string
	Departments                           []int64
	MainDepartment                        int64
	Status                                int
	Enable                                int
	Alias                                 string
	ExtAttrs                              map[string]string
}

// Inputs are the desired and observed state a plan is computed from.
type Inputs struct {
	LocalDepts []LocalDept
	LocalUsers []LocalUser
	WeComDepts []WeComDept
	WeComUsers []WeComUser
	// Bindings are the confirmed links, local account → WeCom userid.
	Bindings map[string]string
	// Rejected are pairs a person refused in the binding review: the sync
	// never changes either side through such a pair.
	Rejected []Pair
	// Pending are the review rows that await a decision (proposed and
	// ambiguous): the sync leaves their accounts and members alone.
	Pending []PendingPair
	// WeComReadAt is when the WeCom side was read (the mirror's last pull).
	WeComReadAt time.Time
	// SourceErrors lists reads that failed part-way; a plan with any is blocked.
	SourceErrors []string
	// LastRunUserCount is the number of active users in the target after the
	// last successful run (Service.LastRunUserCount), for the drop check.
	LastRunUserCount int
	// WeComFieldsWithheld says WeCom withheld mobile and email from the read
	// (privacy rules since 2022): they are then written on create only and
	// never compared, instead of looking different on every member.
	WeComFieldsWithheld bool
}

// Pair is a local account and a WeCom member.
type Pair struct {
	Account string `json:"account"`
	UserID  string `json:"userid"`
}

// PendingPair is a review row awaiting a decision. A proposed row has both
// sides; an ambiguous row has its anchor (Account or UserID) and the other
// side's Candidates.
type PendingPair struct {
	State      string   `json:"state"` // proposed or ambiguous
	Method     string   `json:"method,omitempty"`
	Account    string   `json:"account,omitempty"`
	UserID     string   `json:"userid,omitempty"`
	Candidates []string `json:"candidates"`
}

// WeComWriter is what a to-wecom apply calls. BindClient adapts a
// *wecom.Client and the 通讯录同步 credential to it.
type WeComWriter interface {
	CreateDepartment(ctx context.Context, d wecom.DepartmentCreate) (int64, error)
	UpdateDepartment(ctx context.Context, d wecom.DepartmentUpdate) error
	DeleteDepartment(ctx context.Context, id int64) error
	// ListDepartments (department/list?id=) and ListDepartmentIDs
	// (department/simplelist) find the department a 60008 conflicts with.
	ListDepartments(ctx context.Context, id int64) ([]wecom.Department, error)
	ListDepartmentIDs(ctx context.Context, id int64) ([]wecom.DepartmentID, error)
	CreateUser(ctx context.Context, u wecom.UserWrite) error
	UpdateUser(ctx context.Context, u wecom.UserWrite) error
	DeleteUser(ctx context.Context, userID string) error
}

// BindClient returns the WeComWriter of client under cred (the 通讯录同步 secret).
func BindClient(client *wecom.Client, cred wecom.Credential) WeComWriter {
	return boundClient{client, cred}
}

type boundClient struct {
	c    *wecom.Client
	cred wecom.Credential
}

func (b boundClient) CreateDepartment(ctx context.Context, d wecom.DepartmentCreate) (int64, error) {
	return b.c.CreateDepartment(ctx, b.cred, d)
}
func (b boundClient) UpdateDepartment(ctx context.Context, d wecom.DepartmentUpdate) error {
	return b.c.UpdateDepartment(ctx, b.cred, d)
}
func (b boundClient) DeleteDepartment(ctx context.Context, id int64) error {
	return b.c.DeleteDepartment(ctx, b.cred, id)
}
func (b boundClient) ListDepartments(ctx context.Context, id int64) ([]wecom.Department, error) {
	return b.c.ListDepartments(ctx, b.cred, id)
}
func (b boundClient) ListDepartmentIDs(ctx context.Context, id int64) ([]wecom.DepartmentID, error) {
	return b.c.ListDepartmentIDs(ctx, b.cred, id)
}
func (b boundClient) CreateUser(ctx context.Context, u wecom.UserWrite) error {
	return b.c.CreateUser(ctx, b.cred, u)
}
func (b boundClient) UpdateUser(ctx context.Context, u wecom.UserWrite) error {
	return b.c.UpdateUser(ctx, b.cred, u)
}
func (b boundClient) DeleteUser(ctx context.Context, userID string) error {
	return b.c.DeleteUser(ctx, b.cred, userID)
}

// LocalAccount is an account a from-wecom apply creates.
type LocalAccount struct {
	Account, Name, EmployeeNo, Mobile, Email, Position string
	DeptIDs                                            []int64 // main department first
}

// AccountChange is an update of a local account: nil fields stay unchanged.
type AccountChange struct {
	Name, EmployeeNo, Mobile, Email, Position *string
	DeptIDs                                   []int64 // nil: unchanged; main department first
	Resigned                                  *bool   // false re-activates a resigned account
}

// LocalWriter is what a from-wecom apply calls; the caller implements it over
// the local directory. Every method must be safe to repeat (a crash may
// re-run an operation that already happened):
//   - CreateDepartment returns the id of an existing sibling with the same
//     name instead of failing;
//   - CreateAccount returns an error wrapping ErrLocalExists when the
//     account exists (the apply then updates it instead);
//   - ResignAccount of a resigned account does nothing.
type LocalWriter interface {
	CreateDepartment(ctx context.Context, parentID int64, name string) (int64, error) // parentID 0: a root
	RenameDepartment(ctx context.Context, id int64, name string) error
	MoveDepartment(ctx context.Context, id, parentID int64) error // parentID 0: make it a root
	CreateAccount(ctx context.Context, a LocalAccount) error
	UpdateAccount(ctx context.Context, account string, ch AccountChange) error
	ResignAccount(ctx context.Context, account string, at time.Time) error
}

// Targets are the writers an apply uses: WeCom for to-wecom, Local for from-wecom.
type Targets struct {
	WeCom WeComWriter
	Local LocalWriter
	// ReadBack reads WeCom again after a to-wecom run (nil: no read-back).
	ReadBack func(ctx context.Context) (*Observed, error)
}

// ErrLocalExists is what LocalWriter.CreateAccount wraps when the account exists.
var ErrLocalExists = errors.New("local account already exists")
