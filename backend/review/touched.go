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

func loadOldRows(ctx context.Context, q sqlx.QueryerContext, corpID int64) ([]oldRow, error) {
	var rows []oldRow
	err := sqlx.SelectContext(ctx, q, &rows, `SELECT id, state, account, userid,
		CASE WHEN state = 'ambiguous' THEN candidates ELSE '' END AS candidates FROM bind_rows WHERE corp_id = ?`, corpID)
	return rows, err
}

// touchedGroup is the group of the seeds.
type touchedGroup struct {
	nodes  map[node]bool
	rowIDs []int64 // current rows in the group
}

// groupOf grows the group from the seeds over in (both sides as they are
// now), the decisions ds, the lookups' answers lk and the current rows.
// It gives up (ok false) once the group passes limit records: the whole
// corp's rematch is then the cheaper way.
func groupOf(in *matchInput, ds []decision, lk binding.Lookups, rows []oldRow, seeds []node, limit int) (touchedGroup, bool) {
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
	rowsOf := map[node][]int{} // current rows by record
	rowNodes := make([][]node, len(rows))
	for i := range rows {
		rowNodes[i] = rows[i].nodes()
		for _, n := range rowNodes[i] {
			rowsOf[n] = append(rowsOf[n], i)
		}
	}

	g := touchedGroup{nodes: map[node]bool{}}
	rowIn := make([]bool, len(rows))
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
			return g, false
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
		for _, i := range rowsOf[n] {
			if rowIn[i] {
				continue
			}
			rowIn[i] = true
			g.rowIDs = append(g.rowIDs, rows[i].ID)
			for _, m := range rowNodes[i] {
				push(m)
			}
		}
	}
	return g, len(g.nodes) <= limit
}
