package syncer

import (
	"errors"
	"fmt"
	"strconv"
	"time"

	"wecom-bridge/backend/usererr"
)

// Warning is something the admin should know about a plan that does not
// stop it, e.g. an account whose name is not a valid WeCom userid: a
// catalogue message (its code says which kind) about a subject (an
// account, userid or department path).
type Warning struct {
	usererr.Message
	Subject string `json:"subject,omitempty"`
}

// maxWarnings caps the warnings kept per plan; Summary.Warnings has the total.
const maxWarnings = 500

// ErrPlanStopped is matched (errors.Is) by the *StopError of a plan that
// could not be computed, e.g. because the root department names differ.
var ErrPlanStopped = errors.New("sync plan stopped")

// StopError says why a plan stopped (同步立刻中止) and what to do.
type StopError struct {
	usererr.Message
}

func (e *StopError) Error() string                { return e.EN }
func (e *StopError) Is(target error) bool         { return target == ErrPlanStopped }
func (e *StopError) UserMessage() usererr.Message { return e.Message }

// TreeNode is one department of the plan's tree-diff view.
type TreeNode struct {
	Key       string `json:"key"`
	ParentKey string `json:"parentKey"`
	Name      string `json:"name"`
	// State: matched (orange), new (purple), removed (red), moved and
	// renamed (with From → To), unchanged (nothing changes in its subtree:
	// shown folded).
	State    string `json:"state"`
	From     string `json:"from,omitempty"`
	To       string `json:"to,omitempty"`
	LocalID  int64  `json:"localId,omitempty"`
	WeComID  int64  `json:"wecomId,omitempty"`
	Added    int    `json:"added"`   // members created or re-enabled here
	Updated  int    `json:"updated"` // members updated or moved here
	Removed  int    `json:"removed"` // members disabled, deleted or resigned from here
	Children int    `json:"children"`
	seq      int
	changed  bool
}

// Node states.
const (
	NodeMatched   = "matched"
	NodeNew       = "new"
	NodeRemoved   = "removed"
	NodeMoved     = "moved"
	NodeRenamed   = "renamed"
	NodeUnchanged = "unchanged"
)

// planStats feed the summary and the safety check.
type planStats struct {
	sourceActive int // active, in-scope users at the truth side
	targetUsers  int // users in the target before (not quit)
	targetActive int // active users in the target before
	activeAfter  int // projected active users in the target after
	notCreated   int // new users left out because creating is off
}

// planner computes one plan in memory.
type planner struct {
	dir        Direction
	in         *Inputs
	opt        Options
	now        time.Time
	links      map[int64]int64      // local department id → WeCom department id
	disabledAt map[string]time.Time // lower-cased userid → when this sync disabled it
	scope      *scopeSet
	managed    *managed
	fields     []mappedPair // opt.Fields in a stable order

	phases    [phaseDeptsDeletes + 1][]*Op
	warnings  []Warning
	warnTotal int
	nodes     map[string]*TreeNode
	nodeOrder []string
	stop      *StopError
	stats     planStats
}

func newPlanner(dir Direction, in *Inputs, opt Options, now time.Time, links map[int64]int64, disabledAt map[string]time.Time) *planner {
	return &planner{dir: dir, in: in, opt: opt, now: now, links: links, disabledAt: disabledAt,
		scope: newScope(opt.Scope), fields: opt.Fields.pairs(), nodes: map[string]*TreeNode{}}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// warn notes the catalogue message code (with args) about subject.
func (p *planner) warn(code, subject string, args usererr.Args) {
	p.warnTotal++
	if len(p.warnings) < maxWarnings {
		p.warnings = append(p.warnings, Warning{usererr.Msg(code, args), subject})
	}
}

// stopWith stops the plan with the catalogue message code.
func (p *planner) stopWith(code string, args usererr.Args) {
	p.stop = &StopError{usererr.Msg(code, args)}
}

func (p *planner) emit(op *Op) {
	op.State = StatePending
	p.phases[op.Phase] = append(p.phases[op.Phase], op)
}

func (p *planner) addNode(key, parent, name string, localID, wecomID int64) *TreeNode {
	if n := p.nodes[key]; n != nil {
		return n
	}
	n := &TreeNode{Key: key, ParentKey: parent, Name: name, State: NodeMatched, LocalID: localID, WeComID: wecomID, seq: len(p.nodeOrder)}
	p.nodes[key] = n
	p.nodeOrder = append(p.nodeOrder, key)
	return n
}

// count adds a member change to node key; kind is 'a'dded, 'u'pdated or 'r'emoved.
func (p *planner) count(key string, kind byte) {
	if n := p.nodes[key]; n != nil {
		n.count(kind)
	}
}

func (n *TreeNode) count(kind byte) {
	if n == nil {
		return
	}
	switch kind {
	case 'a':
		n.Added++
	case 'u':
		n.Updated++
	case 'r':
		n.Removed++
	}
}

// ops returns the operations in apply order with their sequence numbers.
func (p *planner) ops() []*Op {
	n := 0
	for _, ph := range p.phases {
		n += len(ph)
	}
	all := make([]*Op, 0, n)
	for _, ph := range p.phases {
		all = append(all, ph...)
	}
	for i, op := range all {
		op.Seq = i + 1
		op.Why = reasonMessage(op)
	}
	return all
}

// treeNodes finishes the tree view: a node is unchanged (folded) when
// nothing changes in its subtree, and counts its children.
func (p *planner) treeNodes() []*TreeNode {
	out := make([]*TreeNode, 0, len(p.nodeOrder))
	for _, k := range p.nodeOrder {
		n := p.nodes[k]
		if n.State != NodeMatched || n.Added+n.Updated+n.Removed > 0 {
			n.changed = true
		}
		if pn := p.nodes[n.ParentKey]; pn != nil {
			pn.Children++
		} else {
			n.ParentKey = ""
		}
		out = append(out, n)
	}
	// Children come after their parents in nodeOrder, except removed nodes;
	// propagate until stable (two passes cover the removed ones).
	for pass := 0; pass < 3; pass++ {
		for i := len(out) - 1; i >= 0; i-- {
			if n := out[i]; n.changed {
				if pn := p.nodes[n.ParentKey]; pn != nil {
					pn.changed = true
				}
			}
		}
	}
	for _, n := range out {
		if n.State == NodeMatched && !n.changed {
			n.State = NodeUnchanged
		}
	}
	return out
}

// summary counts the operations.
func (p *planner) summary(ops []*Op) Summary {
	s := Summary{Counts: map[OpType]int{}, Total: len(ops), SourceUsers: p.stats.sourceActive,
		TargetUsers: p.stats.targetActive, UsersAfter: p.stats.activeAfter, NotCreated: p.stats.notCreated,
		Warnings: p.warnTotal, Untouched: p.managed.total, Unconfirmed: p.managed.unconfirmed(p.dir, ops)}
	for _, op := range ops {
		s.Counts[op.Type]++
		if op.Type.isRemoval() {
			s.Removals++
		}
	}
	return s
}

// Summary counts a plan's operations and users.
type Summary struct {
	Counts      map[OpType]int `json:"counts"`
	Total       int            `json:"total"`
	Removals    int            `json:"removals"`    // disable_user + delete_user (+ local_resign_account)
	SourceUsers int            `json:"sourceUsers"` // active users in scope at the truth side
	TargetUsers int            `json:"targetUsers"` // active users in the target now
	UsersAfter  int            `json:"usersAfter"`  // active users in the target after the plan
	NotCreated  int            `json:"notCreated"`  // new users left out because creating them is off
	Untouched   int            `json:"untouched"`   // review rows left alone because they await a decision
	Warnings    int            `json:"warnings"`
	// Unconfirmed counts operations on pairs managed only through a key
	// match awaiting confirmation (ManageKeyMatches): such a plan is never
	// applied by a schedule or a callback on its own.
	Unconfirmed int `json:"unconfirmed"`
}

// String is the one-line summary the CLI prints.
func (s Summary) String() string {
	out := fmt.Sprintf("%d operations", s.Total)
	for _, t := range AllOpTypes {
		if n := s.Counts[t]; n > 0 {
			out += fmt.Sprintf(", %s %d", t, n)
		}
	}
	return out + fmt.Sprintf("; %d removals; users %d → %d", s.Removals, s.TargetUsers, s.UsersAfter)
}
