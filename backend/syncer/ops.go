package syncer

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
	Seq      int      `json:"seq"`
	Type     OpType   `json:"type"`
	Phase    int      `json:"phase"`
	Key      string   `json:"key,omitempty"`  // plan-local key of a department this op creates or deletes
	Deps     []string `json:"deps,omitempty"` // keys that must be done first
	Target   string   `json:"target"`         // userid, account or department name
	Path     string   `json:"path,omitempty"` // department path, for people
	Node     string   `json:"node,omitempty"` // tree node the op belongs to
	Before   *Values  `json:"before,omitempty"`
	After    *Values  `json:"after,omitempty"`
	Reason   string   `json:"reason"` // a reason code; ReasonZH/EN are its text
	ReasonZH string   `json:"reasonZh"`
	ReasonEN string   `json:"reasonEn"`
	Detail   string   `json:"detail,omitempty"`

	State    string `json:"state"`
	Attempts int    `json:"attempts,omitempty"`
	ResultID int64  `json:"resultId,omitempty"` // the id a create got
	Note     string `json:"note,omitempty"`     // e.g. "existed: updated instead"
	Errcode  int    `json:"errcode,omitempty"`
	Errmsg   string `json:"errmsg,omitempty"`
	Fix      string `json:"fix,omitempty"`
	FixEN    string `json:"fixEn,omitempty"`
}

// Reason codes: why an operation exists. ReasonText gives their words.
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

var reasonTexts = map[string][2]string{
	ReasonNewDept:        {"本地新增的部门", "department only exists on the source side"},
	ReasonRenamedDept:    {"部门改名", "department was renamed"},
	ReasonMovedDept:      {"部门移动到新的上级", "department moved to another parent"},
	ReasonGoneDept:       {"已关联的部门已不在同步源中（或不在同步范围内），且已无成员", "a linked department is gone from the source (or out of scope) and is empty"},
	ReasonDisabledDept:   {"存放已禁用成员的部门", "department that holds disabled members"},
	ReasonNewUser:        {"同步源新增的用户", "user only exists on the source side"},
	ReasonChangedFields:  {"字段有变化", "fields changed"},
	ReasonChangedDepts:   {"所在部门有变化", "departments changed"},
	ReasonRehired:        {"用户在同步源中为在职，重新启用", "user is active at the source again"},
	ReasonResigned:       {"本地账号已离职", "local account resigned"},
	ReasonMissingLocal:   {"已关联的账号已从本地目录删除", "bound account was removed from the local directory"},
	ReasonOutOfScope:     {"已关联的账号不在同步范围内", "bound account is out of the sync scope"},
	ReasonDisabledNDays:  {"本同步禁用已满设定天数", "disabled by this sync at least the configured number of days ago"},
	ReasonMoveDisabled:   {"已禁用成员移入统一部门", "disabled member moves into the disabled-members department"},
	ReasonMemberLeft:     {"成员已退出企业", "member quit the corp"},
	ReasonMemberDisabled: {"成员在企业微信中已禁用", "member is disabled in WeCom"},
	ReasonMemberMissing:  {"已关联的成员已从企业微信删除（或不在可见范围）", "bound member was deleted from WeCom (or is outside the visible scope)"},
}

// ReasonText returns the Chinese and English text of a reason code.
func ReasonText(code string) (zh, en string) {
	t, ok := reasonTexts[code]
	if !ok {
		return code, code
	}
	return t[0], t[1]
}

func (o *Op) fillReasonText() { o.ReasonZH, o.ReasonEN = ReasonText(o.Reason) }

func strp(s string) *string { return &s }
func intp(i int) *int       { return &i }
func boolp(b bool) *bool    { return &b }
