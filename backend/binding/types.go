// Package binding proposes bindings between local directory accounts and WeCom
// members.
//
// WeCom withholds mobile and email from self-built apps created after
// 2022-06-20, so a name is often the only key left. Rather than guess, Match
// proposes every binding with its method, a confidence and a reason, flags
// namesakes it cannot separate as ambiguous, and leaves the decision to a
// person. Match is a pure function: no database, no HTTP, no clock; the same
// input always gives the same output, in the same order.
package binding

import "fmt"

// State is the review state of a binding.
type State string

// Review states.
const (
	StateProposed  State = "proposed"  // the engine suggests it; a person has not decided
	StateConfirmed State = "confirmed" // a person (or an auto-confirm policy) accepted it
	StateRejected  State = "rejected"  // a person refused this exact pair
	StateAmbiguous State = "ambiguous" // several candidates fit; a person must choose
)

// Method says how a binding was found. The values are stored and shown, so
// they never change.
type Method string

// Methods, strongest first.
const (
	MethodExisting   Method = "existing"        // kept from an earlier decision
	MethodUserID     Method = "userid"          // WeCom userid = local account
	MethodEmployeeNo Method = "employee_no"     // WeCom userid = local employee number
	MethodMobile     Method = "mobile"          // normalised mobile numbers are equal
	MethodEmail      Method = "email"           // normalised emails are equal
	MethodName       Method = "name"            // the only local and the only member with this name
	MethodNameDept   Method = "name+department" // namesakes told apart by department
	MethodManual     Method = "manual"          // bound by hand in the review screen
	MethodImport     Method = "import"          // from an imported binding file
)

// isKey reports whether m is a key match (eligible for Policy.AutoConfirmKeys).
func (m Method) isKey() bool {
	switch m {
	case MethodUserID, MethodEmployeeNo, MethodMobile, MethodEmail, MethodMobileLookup, MethodEmailLookup:
		return true
	}
	return false
}

// isName reports whether m is a name match (eligible for Policy.AutoConfirmNames).
func (m Method) isName() bool { return m == MethodName || m == MethodNameDept }

// Local is one account of the organisation's own directory.
type Local struct {
	Account    string // unique, compared exactly
	Name       string
	EmployeeNo string
	Mobile     string
	Email      string
	// DeptPaths lists the account's departments, main department first; each
	// path holds department names from the root to the leaf.
	DeptPaths [][]string
	Resigned  bool
}

// Member is one member of the WeCom contact mirror.
type Member struct {
	UserID string // unique per corp, compared case-insensitively as WeCom does
	Name   string
	Mobile string // often empty: withheld from apps created after 2022-06-20
	Email  string // likewise
	// DeptPaths lists the member's departments, main department first; each
	// path holds department names from the root to the leaf.
	DeptPaths [][]string
	Active    bool // status 1 (active) or 4 (not yet joined), and enabled
}

// Existing is an earlier decision about a pair, read back from the store.
//
//   - confirmed: kept as it is, even if names or keys no longer agree.
//   - rejected: that exact pair is never proposed again; both sides stay free
//     to match others.
//   - proposed with method manual or import: kept as a proposal (it states a
//     fact the engine cannot derive).
//   - anything else (proposed or ambiguous from an earlier run): ignored and
//     recomputed.
type Existing struct {
	Account string
	UserID  string
	State   State
	Method  Method
}

// WeCom and local field names usable in a KeyPair.
const (
	FieldUserID     = "userid"      // WeCom side
	FieldAccount    = "account"     // local side, gives MethodUserID
	FieldEmployeeNo = "employee_no" // local side, gives MethodEmployeeNo
)

// KeyPair says which WeCom field equals which local field.
type KeyPair struct {
	WeCom string // FieldUserID
	Local string // FieldAccount or FieldEmployeeNo
}

// method is the binding method a pair produces, or "" if the pair is not
// supported.
func (k KeyPair) method() Method {
	if k.WeCom != FieldUserID {
		return ""
	}
	switch k.Local {
	case FieldAccount:
		return MethodUserID
	case FieldEmployeeNo:
		return MethodEmployeeNo
	}
	return ""
}

// Policy configures matching.
type Policy struct {
	// KeyPairs are tried in order, before mobile and email. Pairs that
	// Validate rejects are skipped by Match.
	KeyPairs []KeyPair
	// AutoConfirmKeys confirms userid, employee_no, mobile and email matches,
	// and those WeCom's lookups made (mobile_lookup, email_lookup), without
	// review.
	AutoConfirmKeys bool
	// AutoConfirmNames confirms name and name+department matches without
	// review. Off by default: a name is a guess until a person says so.
	AutoConfirmNames bool
}

// DefaultPolicy matches WeCom userid against the local account and confirms
// nothing by itself.
func DefaultPolicy() Policy {
	return Policy{KeyPairs: []KeyPair{{WeCom: FieldUserID, Local: FieldAccount}}}
}

// Validate reports the first unsupported key pair. Check it when the policy is
// saved: Match skips such pairs rather than fail.
func (p Policy) Validate() error {
	for i, k := range p.KeyPairs {
		if k.method() == "" {
			return fmt.Errorf("binding: key pair %d (%q = %q) is not supported; use %q with %q or %q",
				i+1, k.WeCom, k.Local, FieldUserID, FieldAccount, FieldEmployeeNo)
		}
	}
	return nil
}

// Proposal is one row of the review screen.
//
// A binding (state proposed or confirmed) has both Account and UserID. An
// ambiguous proposal is anchored on one side: Account is set and Candidates
// are WeCom members, or UserID is set and Candidates are local accounts.
type Proposal struct {
	Account    string
	UserID     string
	Method     Method // for ambiguous proposals, the strongest evidence among the candidates
	State      State
	Confidence float64 // 0..1, fixed per method; see confidence.go
	Reason     string  // one line for the reviewer, in English, with the values that matched
	// ReasonCode and ReasonArgs say Reason as a stable code and its values,
	// for a screen to translate (reason.go); Args lists them by name.
	// ReasonArgs is nil when the code needs nothing beyond the proposal;
	// the rows of one namesake group share one, so treat it as read-only.
	ReasonCode ReasonCode
	ReasonArgs *ReasonArgs
	Candidates []Candidate
}

// Candidate is one possible counterpart of an ambiguous proposal.
type Candidate struct {
	Account   string // set when the proposal is anchored on a member
	UserID    string // set when the proposal is anchored on a local account
	Name      string
	DeptPaths [][]string // as given in the input, main department first
	Method    Method     // the evidence linking it to the anchor
	// Score ranks candidates within one proposal, best first: department
	// similarity (0..1, see department.go) for name evidence, the method's
	// confidence for key evidence.
	Score float64
}

// Result is the outcome of Match.
type Result struct {
	// Proposals: bindings and ambiguous rows (rejected pairs are not repeated;
	// the store keeps them). Rows owned by a local account
	// come first, in the order of the locals given to Match; rows anchored on
	// a member follow, in the order of the members.
	Proposals []Proposal
	// UnboundLocal lists accounts with no binding that appear in no ambiguous
	// proposal either: nothing in WeCom looks like them. Input order.
	UnboundLocal []string
	// UnboundMembers lists the same for WeCom userids. Input order.
	UnboundMembers []string
	// Stale lists confirmed or explicit (manual/import) bindings that could
	// not be kept: a side is missing from the input, or an earlier binding in
	// the existing list already holds that side.
	Stale []Existing
	Stats Stats
}

// Stats summarises a Match run.
type Stats struct {
	Locals, Members int // distinct accounts and userids considered
	// SkippedLocals and SkippedMembers count inputs without an id or with an
	// id already seen (the first one wins).
	SkippedLocals, SkippedMembers int
	ByMethod                      map[Method]int // bindings (not ambiguous rows) per method
	ByState                       map[State]int  // proposals per state
	KeyConflicts                  int            // ambiguous rows caused by keys that disagree
	NamesakeGroups                int            // names matched on both sides with more than one record on a side
	RejectedPairs                 int            // rejected pairs honoured
}
