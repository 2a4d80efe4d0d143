package syncer

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/robfig/cron/v3"
	"wecom-bridge/backend/usererr"
)

// Leaver handling (离职用户处理方式).
const (
	LeaversDisable = "disable" // the default: the member keeps its data and can be re-enabled
	LeaversDelete  = "delete"  // irreversible: WeCom drops the member's messages and data
)

// DefaultRefreshMinutes is how old the mirror may be before a preview pulls.
const DefaultRefreshMinutes = 5

// DefaultDisabledDept is the department disabled members move to (禁用成员移动到统一部门).
const DefaultDisabledDept = "已禁用用户"

// Options are the sync settings (同步设置) of one corp and direction.
// Fields marked "to-wecom" or "from-wecom" only matter in that direction.
type Options struct {
	// TopDepartment (顶级部门). to-wecom: the WeCom department the local
	// roots are mounted under; 0 means the single local root is the WeCom
	// root (their names must match). from-wecom: the WeCom department whose
	// children become the local roots; 0 means the WeCom root is the local root.
	TopDepartment int64 `json:"topDepartment"`

	CreateUsers     bool   `json:"createUsers"`     // to-wecom: create members for new accounts (新用户是否添加到企业微信)
	Invite          bool   `json:"invite"`          // to-wecom: send WeCom's invitation with each create (to_invite)
	IncludePartTime bool   `json:"includePartTime"` // to-wecom: all of an account's departments, not only the main one
	DeptAuthority   bool   `json:"deptAuthority"`   // to-wecom: the local directory alone decides a member's departments
	Leavers         string `json:"leavers"`         // to-wecom: disable (default) or delete
	DeleteAfterDays int    `json:"deleteAfterDays"` // to-wecom: delete members this sync disabled ≥ N days ago; 0 = never
	MoveDisabled    bool   `json:"moveDisabled"`    // to-wecom: move disabled members into DisabledDept
	DisabledDept    string `json:"disabledDept"`    // to-wecom: its name, created under the top department if missing

	CreateAccounts  bool `json:"createAccounts"`  // from-wecom: create local accounts for unbound members
	ResignLeavers   bool `json:"resignLeavers"`   // from-wecom: resign accounts whose member left, was deleted or disabled
	SyncDepartments bool `json:"syncDepartments"` // from-wecom: mirror the department tree locally (是否同步到本地)

	// ManageKeyMatches also manages members whose binding was proposed by a
	// key (userid, employee number, mobile, email) and awaits confirmation.
	// Off by default; name matches are never managed unconfirmed.
	ManageKeyMatches bool `json:"manageKeyMatches"`

	// RefreshMinutes: a preview pulls WeCom first when the mirror is older
	// than this many minutes (default 5; 0 pulls before every preview).
	RefreshMinutes int `json:"refreshMinutes"`

	Fields   FieldMapping `json:"fields"` // nil: DefaultFields(direction)
	Scope    Scope        `json:"scope"`
	Safety   Safety       `json:"safety"`
	Schedule Schedule     `json:"schedule"`
}

// FieldMapping maps local account fields to WeCom member fields. Local
// fields: name, position, mobile, email, employee_no. WeCom fields: name,
// position, mobile, email, alias, or "extattr:NAME" (a text custom field
// NAME, which must exist in the WeCom admin console). to-wecom writes the
// WeCom field from the local one; from-wecom the other way round, and an
// empty WeCom value never clears a local one (WeCom often withholds them).
type FieldMapping map[string]string

// Scope narrows what is synced (同步范围). Departments are paths of the
// truth side ("总部/研发部"): those subtrees are synced, with their
// ancestors as structure. A user is in scope when it sits in one of them
// (or Departments is empty), is listed in IncludeUsers (or it is empty), and
// is not in ExcludeUsers: exclusion wins. Users are accounts or userids,
// compared ignoring case. Bound members that fall out of scope are planned
// as removals (to-wecom), never dropped silently.
type Scope struct {
	Departments  []string `json:"departments"`
	IncludeUsers []string `json:"includeUsers"`
	ExcludeUsers []string `json:"excludeUsers"`
}

// Safety are the thresholds (安全设置) that block a plan until the admin
// confirms its number of removals. 0 turns a threshold off. Two checks
// cannot be turned off: a plan computed from a read with errors is blocked,
// and a plan whose source has no users never removes anyone.
type Safety struct {
	MaxRemovals       int     `json:"maxRemovals"`       // block when disables+deletes (resigns) exceed this
	MaxRemovalPercent float64 `json:"maxRemovalPercent"` // … or exceed this share of the target's users
	MaxUserDrop       int     `json:"maxUserDrop"`       // block when the target's users drop by more than this since the last run
	// MaxCreates and MaxGrowthPercent block a plan that creates more members
	// (accounts) than this, or grows the target's active users by more than
	// this share, until the admin types the number of creates.
	MaxCreates       int     `json:"maxCreates"`
	MaxGrowthPercent float64 `json:"maxGrowthPercent"`
}

// Schedule holds cron expressions (5 fields or @every/@daily…; "" = off),
// like O2OA's syncCron and forceSyncCron.
type Schedule struct {
	Cron      string `json:"cron"`      // a sync from the current inputs
	ForceCron string `json:"forceCron"` // a forced full sync: both sides are read again first
	// Notify are the WeCom userids of the admins told, by an app message, when
	// a scheduled sync does not apply on its own and waits for review.
	Notify []string `json:"notify"`
	// AutoApply (自动执行定时计划): a plan made by the schedule or by a
	// contact-change callback is applied on its own when it passes the
	// safety checks and touches only confirmed (or product-created) pairs.
	// Off, every such plan is kept as a preview waiting for the admin
	// (PendingPreviews). On by default: what schedules always did.
	AutoApply bool `json:"autoApply"`
}

// Field names of FieldMapping.
const (
	FieldName       = "name"
	FieldPosition   = "position"
	FieldMobile     = "mobile"
	FieldEmail      = "email"
	FieldEmployeeNo = "employee_no"
	FieldAlias      = "alias"
	extAttrPrefix   = "extattr:"
)

var localFields = []string{FieldName, FieldPosition, FieldMobile, FieldEmail, FieldEmployeeNo}

// DefaultFields is the mapping used when Options.Fields is nil.
func DefaultFields(d Direction) FieldMapping {
	if d == FromWeCom {
		return FieldMapping{FieldName: FieldName, FieldPosition: FieldPosition}
	}
	return FieldMapping{FieldName: FieldName, FieldPosition: FieldPosition, FieldMobile: FieldMobile, FieldEmail: FieldEmail}
}

// DefaultOptions are the settings of a corp that has saved none.
func DefaultOptions(d Direction) Options {
	return Options{
		CreateUsers:    true,
		DeptAuthority:  true,
		Leavers:        LeaversDisable,
		DisabledDept:   DefaultDisabledDept,
		Fields:         DefaultFields(d),
		Safety:         Safety{MaxRemovals: 50, MaxRemovalPercent: 20, MaxCreates: 200, MaxGrowthPercent: 50},
		RefreshMinutes: DefaultRefreshMinutes,
		Schedule:       Schedule{AutoApply: true},
	}
}

// cronParser accepts standard 5-field expressions and descriptors (@daily, @every 1h).
var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// normalized fills defaults and trims lists; it does not validate.
func (o Options) normalized(d Direction) Options {
	if o.Leavers == "" {
		o.Leavers = LeaversDisable
	}
	if strings.TrimSpace(o.DisabledDept) == "" {
		o.DisabledDept = DefaultDisabledDept
	}
	o.DisabledDept = strings.TrimSpace(o.DisabledDept)
	if o.Fields == nil {
		o.Fields = DefaultFields(d)
	}
	clean := func(in []string) []string {
		var out []string
		for _, s := range in {
			if s = strings.Trim(strings.TrimSpace(s), "/"); s != "" && !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
		return out
	}
	o.Scope.Departments = clean(o.Scope.Departments)
	o.Scope.IncludeUsers = clean(o.Scope.IncludeUsers)
	o.Scope.ExcludeUsers = clean(o.Scope.ExcludeUsers)
	o.Schedule.Cron = strings.TrimSpace(o.Schedule.Cron)
	o.Schedule.ForceCron = strings.TrimSpace(o.Schedule.ForceCron)
	o.Schedule.Notify = trimList(o.Schedule.Notify)
	return o
}

// Validate checks the options for direction d and says what to change.
func (o Options) Validate(d Direction) error {
	if d != FromWeCom && d != ToWeCom {
		_, err := ParseDirection(string(d))
		return err
	}
	switch o.Leavers {
	case LeaversDisable, LeaversDelete:
	default:
		return usererr.New("sync_option_leavers", usererr.Args{"value": o.Leavers})
	}
	if o.TopDepartment < 0 {
		return usererr.New("sync_option_top_department", usererr.Args{"value": o.TopDepartment})
	}
	if o.DeleteAfterDays < 0 {
		return usererr.New("sync_option_delete_after", usererr.Args{"value": o.DeleteAfterDays})
	}
	if problem := deptNameProblem(o.DisabledDept); problem != nil {
		return usererr.New("sync_option_disabled_dept", usererr.Args{"value": o.DisabledDept, "problem": *problem})
	}
	s := o.Safety
	if s.MaxRemovals < 0 || s.MaxUserDrop < 0 || s.MaxRemovalPercent < 0 || s.MaxRemovalPercent > 100 ||
		s.MaxCreates < 0 || s.MaxGrowthPercent < 0 || s.MaxGrowthPercent > 100000 {
		return usererr.New("sync_option_safety", nil)
	}
	if o.RefreshMinutes < 0 || o.RefreshMinutes > 24*60 {
		return usererr.New("sync_option_refresh", usererr.Args{"value": o.RefreshMinutes})
	}
	if err := o.Fields.validate(); err != nil {
		return err
	}
	for _, spec := range []string{o.Schedule.Cron, o.Schedule.ForceCron} {
		if spec == "" {
			continue
		}
		sched, err := cronParser.Parse(spec)
		if err != nil {
			return usererr.Wrap(err, "sync_option_cron", usererr.Args{"value": spec})
		}
		if err := checkInterval(spec, sched); err != nil {
			return err
		}
	}
	return nil
}

func (m FieldMapping) validate() error {
	seen := map[string]string{}
	for local, remote := range m {
		if !slices.Contains(localFields, local) {
			return usererr.New("sync_option_local_field", usererr.Args{"field": local, "choices": strings.Join(localFields, ", ")})
		}
		switch {
		case remote == FieldName, remote == FieldPosition, remote == FieldMobile, remote == FieldEmail, remote == FieldAlias:
		case strings.HasPrefix(remote, extAttrPrefix) && strings.TrimSpace(remote[len(extAttrPrefix):]) != "":
		default:
			return usererr.New("sync_option_wecom_field", usererr.Args{"local": local, "field": remote})
		}
		if other, dup := seen[remote]; dup {
			return usererr.New("sync_option_field_twice", usererr.Args{"first": other, "second": local, "field": remote})
		}
		seen[remote] = local
	}
	return nil
}

// deptNameProblem applies WeCom's department name rules: 1~32 characters,
// none of \:*?"<>|. It returns "" when the name is fine.
func deptNameProblem(name string) *usererr.Message {
	n := utf8.RuneCountInString(strings.TrimSpace(name))
	switch {
	case n == 0:
		return msgPtr("dept_name_empty", nil)
	case n > 32:
		return msgPtr("dept_name_too_long", usererr.Args{"count": n})
	case strings.ContainsAny(name, "\\:*?\"<>|｜"):
		return msgPtr("dept_name_bad_chars", nil)
	}
	return nil
}

// validUserID applies WeCom's userid rules: 1~64 bytes of [0-9A-Za-z_-@.],
// starting with a letter or digit.
func validUserID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		alnum := c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if i == 0 && !alnum {
			return false
		}
		if !alnum && c != '_' && c != '-' && c != '@' && c != '.' {
			return false
		}
	}
	return true
}

// trimList trims each entry and drops empty ones.
func trimList(in []string) []string {
	out := make([]string, 0, len(in))
	for _, v := range in {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}
