package review

import (
	"context"
	"encoding/json"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/binding"
)

// The group a contact change can affect: the touched members and accounts
// and every record linked to them, transitively, by evidence the engine
// uses (binding.LocalKeys / MemberKeys: userid, mobile, email, name, the
// lookups' answers), by a decision, or by a row they share now (a pair, an
// ambiguous row's anchor and candidates: what the last match said, which a
// changed name or mobile may no longer say). Matching the group alone gives
// its records the rows the whole corp's match would give them, and every
// current row is either wholly in the group or wholly out of it.

// node names a record of either side: "l:" + folded account or "w:" +
// folded userid.
type node string

func localNode(account string) node { return node("l:" + foldKey(account)) }
func memberNode(userid string) node { return node("w:" + foldKey(userid)) }

// oldRow is a current review row, as far as grouping needs it.
type oldRow struct {
	ID         int64  `db:"id"`
	State      string `db:"state"`
	Account    string `db:"account"`
	UserID     string `db:"userid"`
	Candidates string `db:"candidates"`
}

func (r *oldRow) nodes() []node {
	var out []node
	if r.Account != "" {
		out = append(out, localNode(r.Account))
	}
	if r.UserID != "" {
		out = append(out, memberNode(r.UserID))
	}
	if r.State == StateAmbiguous && r.Candidates != "" {
		var cs []struct {
			Account string `json:"account"`
			UserID  string `json:"userid"`
		}
		_ = json.Unmarshal([]byte(r.Candidates), &cs) // written by this package; unreadable = no candidates
		for _, c := range cs {
			if c.Account != "" {
				out = append(out, localNode(c.Account))
			}
			if c.UserID != "" {
				out = append(out, memberNode(c.UserID))
			}
		}
	}
	return out
}

// rowFinder finds the current rows of a record: its pairs and unbound rows
// through the (corp_id, account) and (corp_id, userid) indexes, its
// ambiguous rows (as anchor or candidate) from the corp's ambiguous rows,
// read once through the state index. A group of a hundred records reads a
// few hundred rows, not the corp's.
type rowFinder struct {
	ctx       context.Context
	q         sqlx.QueryerContext
	corpID    int64
	ambiguous map[node][]oldRow
}

func newRowFinder(ctx context.Context, q sqlx.QueryerContext, corpID int64) (*rowFinder, error) {
	var amb []oldRow
	if err := sqlx.SelectContext(ctx, q, &amb, `SELECT id, state, account, userid, candidates FROM bind_rows
		WHERE corp_id = ? AND state = 'ambiguous'`, corpID); err != nil {
		return nil, err
	}
	f := &rowFinder{ctx: ctx, q: q, corpID: corpID, ambiguous: map[node][]oldRow{}}
	for _, r := range amb {
		for _, n := range r.nodes() {
			f.ambiguous[n] = append(f.ambiguous[n], r)
		}
	}
	return f, nil
}

func (f *rowFinder) rowsOf(n node) ([]oldRow, error) {
	col := "account"
	if n[0] == 'w' {
		col = "userid"
	}
	var rows []oldRow
	if err := sqlx.SelectContext(f.ctx, f.q, &rows, `SELECT id, state, account, userid, '' AS candidates FROM bind_rows
		WHERE corp_id = ? AND `+col+` = ? AND state <> 'ambiguous'`, f.corpID, string(n[2:])); err != nil {
		return nil, err
	}
	return append(rows, f.ambiguous[n]...), nil
}

// touchedGroup is the group of the seeds.
type touchedGroup struct {
	nodes  map[node]bool
	rowIDs []int64 // current rows in the group
}

// groupOf grows the group from the seeds over in (both sides as they are
// now), the decisions ds, the lookups' answers lk and the current rows
// (rowsOf). It gives up (ok false) once the group passes limit records: the
// whole corp's rematch is then the cheaper way.
func groupOf(in *matchInput, ds []decision, lk binding.Lookups, rowsOf func(node) ([]oldRow, error), seeds []node,
	limit int) (touchedGroup, bool, error) {
	byKey := make(map[string][]node, 2*(len(in.locals)+len(in.members)))
	keysOf := make(map[node][]string, len(in.locals)+len(in.members))
	for i := range in.locals {
		n := localNode(in.locals[i].Account)
		ks := binding.LocalKeys(&in.locals[i], lk)
		keysOf[n] = ks
		for _, k := range ks {
			byKey[k] = append(byKey[k], n)
		}
	}
	for i := range in.members {
		n := memberNode(in.members[i].UserID)
		ks := binding.MemberKeys(&in.members[i])
		keysOf[n] = ks
		for _, k := range ks {
			byKey[k] = append(byKey[k], n)
		}
	}
	links := map[node][]node{} // decisions
	for _, d := range ds {
		l, w := localNode(d.Account), memberNode(d.UserID)
		links[l], links[w] = append(links[l], w), append(links[w], l)
	}

	g := touchedGroup{nodes: map[node]bool{}}
	rowIn := map[int64]bool{}
	queue := make([]node, 0, len(seeds))
	push := func(n node) {
		if !g.nodes[n] {
			g.nodes[n] = true
			queue = append(queue, n)
		}
	}
	for _, n := range seeds {
		push(n)
	}
	doneKey := map[string]bool{}
	for len(queue) > 0 {
		if len(g.nodes) > limit {
			return g, false, nil
		}
		n := queue[0]
		queue = queue[1:]
		for _, k := range keysOf[n] {
			if doneKey[k] {
				continue
			}
			doneKey[k] = true
			for _, m := range byKey[k] {
				push(m)
			}
		}
		for _, m := range links[n] {
			push(m)
		}
		rows, err := rowsOf(n)
		if err != nil {
			return g, false, err
		}
		for i := range rows {
			if rowIn[rows[i].ID] {
				continue
			}
			rowIn[rows[i].ID] = true
			g.rowIDs = append(g.rowIDs, rows[i].ID)
			for _, m := range rows[i].nodes() {
				push(m)
			}
		}
	}
	return g, len(g.nodes) <= limit, nil
}
