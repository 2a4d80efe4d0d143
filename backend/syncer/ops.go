package syncer

import "wecom-bridge/backend/usererr"

// OpType is the kind of an operation.
type OpType string

// Operation types. The WeCom ones change WeCom (to-wecom); the local_ ones
// change the local directory (from-wecom).
const (
	OpCreateDepartment OpType = "create_department"
	OpUpdateDepartment OpType = "update_department" // a rename
	OpMoveDepartment   OpType = "move_department"   // a new parent (and maybe a new name)
	OpDeleteDepartment OpType = "delete_department"
	OpCreateUser       OpType = "create_user"
	OpUpdateUser       OpType = "update_user"
	OpMoveUser         OpType = "move_user" // new departments (and maybe other fields)
	OpDisableUser      OpType = "disable_user"
	OpEnableUser       OpType = "enable_user" // re-enable (and bring the fields up to date)
	OpDeleteUser       OpType = "delete_user"
	// OpInviteUser is reserved: the invitation rides on create_user
	// (to_invite), because WeCom's separate invite API is not in the client.
	OpInviteUser OpType = "invite_user"

	OpLocalCreateAccount    OpType = "local_create_account"
	OpLocalUpdateAccount    OpType = "local_update_account"
	OpLocalResignAccount    OpType = "local_resign_account"
	OpLocalCreateDepartment OpType = "local_create_department"
	OpLocalUpdateDepartment OpType = "local_update_department"
	OpLocalMoveDepartment   OpType = "local_move_department"
)

// AllOpTypes lists every operation type, in the order summaries show them.
var AllOpTypes = []OpType{
	OpCreateDepartment, OpUpdateDepartment, OpMoveDepartment, OpDeleteDepartment,
	OpCreateUser, OpUpdateUser, OpMoveUser, OpDisableUser, OpEnableUser, OpDeleteUser, OpInviteUser,
	OpLocalCreateAccount, OpLocalUpdateAccount, OpLocalResignAccount,
	OpLocalCreateDepartment, OpLocalUpdateDepartment, OpLocalMoveDepartment,
}

// isRemoval says whether t takes a user away: the safety thresholds count these.
func (t OpType) isRemoval() bool {
	return t == OpDisableUser || t == OpDeleteUser || t == OpLocalResignAccount
}

// onUser says whether t changes a member or an account (Op.Target is then
// its userid, or its account for the local_ ones).
func (t OpType) onUser() bool {
	switch t {
	case OpCreateUser, OpUpdateUser, OpMoveUser, OpDisableUser, OpEnableUser, OpDeleteUser, OpInviteUser,
		OpLocalUpdateAccount, OpLocalResignAccount:
		return true
	}
	return false
}

// Phases: apply finishes one before starting the next. Inside a phase
// operations run concurrently, each after the operations it depends on.
const (
	phaseDepartments  = 1 // creates, renames and moves, parents first
	phaseUsers        = 2 // creates, updates, moves, enables
	phaseDisables     = 3
	phaseUserDeletes  = 4
	phaseDeptsDeletes = 5 // leaf departments, deepest first
)

// Journal states of an operation.
const (
	StatePending = "pending"
	StateRunning = "running"
	StateDone    = "done"
	StateFailed  = "failed"
)

// Ref names a department: an existing one by ID (WeCom id for to-wecom,
// local id for from-wecom), or one created in the same plan by Key, whose
// real id the apply resolves from the journal. Path is for people.
type Ref struct {
	ID   int64  `json:"id,omitempty"`
	Key  string `json:"key,omitempty"`
	Path string `json:"path,omitempty"`
}

func (r Ref) same(o Ref) bool {
	if r.Key != "" || o.Key != "" {
		return r.Key == o.Key
	}
	return r.ID == o.ID
}

// Values are one side (before or after) of an operation. Only the fields
// the operation changes are set; nil means "not part of this operation".
type Values struct {
	ID          int64             `json:"id,omitempty"`     // department id
	UserID      string            `json:"userid,omitempty"` // WeCom member
	Account     string            `json:"account,omitempty"`
	Name        *string           `json:"name,omitempty"`
	Parent      *Ref              `json:"parent,omitempty"`
	Path        string            `json:"path,omitempty"`
	Position    *string           `json:"position,omitempty"`
	Mobile      *string           `json:"mobile,omitempty"`
	Email       *string           `json:"email,omitempty"`
	Alias       *string           `json:"alias,omitempty"`
	EmployeeNo  *string           `json:"employeeNo,omitempty"`
	ExtAttrs    map[string]string `json:"extattrs,omitempty"`
	Departments []Ref             `json:"departments,omitempty"` // main department first
	Enable      *int              `json:"enable,omitempty"`
	Status      int               `json:"status,omitempty"`
	ToInvite    *bool             `json:"toInvite,omitempty"`
	Resigned    *bool             `json:"resigned,omitempty"`
	DisabledAt  string            `json:"disabledAt,omitempty"`
}

// Op is one operation of a plan, with its journal state once applied.
type Op struct {
	Seq    int      `json:"seq"`
	Type   OpType   `json:"type"`
	Phase  int      `json:"phase"`
	Key    string   `json:"key,omitempty"`  // plan-local key of a department this op creates or deletes
	Deps   []string `json:"deps,omitempty"` // keys that must be done first
	Target string   `json:"target"`         // userid, account or department name
	Path   string   `json:"path,omitempty"` // department path, for people
	Node   string   `json:"node,omitempty"` // tree node the op belongs to
	Before *Values  `json:"before,omitempty"`
	After  *Values  `json:"after,omitempty"`
	Reason string   `json:"reason"` // a reason code; Why is its text
	Detail string   `json:"detail,omitempty"`
	// Why is the reason for the admin, with its detail (op_text.go).
	Why usererr.Message `json:"why"`

	State    string           `json:"state"`
	Attempts int              `json:"attempts,omitempty"`
	ResultID int64            `json:"resultId,omitempty"` // the id a create got
	Note     *usererr.Message `json:"note,omitempty"`     // e.g. "existed: updated instead"
	Errcode  int              `json:"errcode,omitempty"`
	Errmsg   string           `json:"errmsg,omitempty"` // what failed, technical: WeCom's errmsg or the error
	Fix      *usererr.Message `json:"fix,omitempty"`    // what to do about a failure
}

// Reason codes: why an operation exists. Their words are the catalogue
// messages sync_reason_<code> (reasonMessage).
const (
	ReasonNewDept        = "new_department"
	ReasonRenamedDept    = "renamed_department"
	ReasonMovedDept      = "moved_department"
	ReasonGoneDept       = "department_gone"
	ReasonDisabledDept   = "disabled_department"
	ReasonNewUser        = "new_user"
	ReasonChangedFields  = "fields_changed"
	ReasonChangedDepts   = "departments_changed"
	ReasonRehired        = "active_again"
	ReasonResigned       = "resigned"
	ReasonMissingLocal   = "missing_locally"
	ReasonOutOfScope     = "out_of_scope"
	ReasonDisabledNDays  = "disabled_n_days"
	ReasonMoveDisabled   = "move_disabled"
	ReasonMemberLeft     = "member_left"
	ReasonMemberDisabled = "member_disabled"
	ReasonMemberMissing  = "member_missing"
)

func strp(s string) *string { return &s }
func intp(i int) *int       { return &i }
func boolp(b bool) *bool    { return &b }
