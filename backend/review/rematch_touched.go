package review

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
)

// touchedLimit is the largest group RematchTouched matches on its own
// (records of both sides); a larger one rematches the whole corp.
const touchedLimit = 5000

// TouchedResult says what RematchTouched did.
type TouchedResult struct {
	Records int  `json:"records"` // records of the group matched again (both sides)
	Rows    int  `json:"rows"`    // review rows of the group after the match
	Full    bool `json:"full"`    // the group was too large: the whole corp was rematched
}

// RematchTouched rematches only what a change of the given members
// (userids, old and new) and accounts can affect: their group (touched.go)
// is matched on its own with the corp's decisions and the lookups' answers
// already kept (WeCom is not asked; the next full rematch asks), and only
// the group's sides and rows are rewritten — a row of the group that comes
// out the same keeps its id. Rows outside the group, their ids and the
// audit are untouched. Auto-confirmations of the group are recorded and
// audited as in Rematch. The saved policy is used; the match time and the
// lookups' summary stay those of the last full rematch.
func (s *Service) RematchTouched(ctx context.Context, corpID int64, actor string, userIDs, accounts []string) (TouchedResult, error) {
	if err := needActor(actor); err != nil {
		return TouchedResult{}, err
	}
	if err := store.CheckCorp(ctx, s.st.DB, corpID); err != nil {
		return TouchedResult{}, err
	}
	policy, err := s.GetPolicy(ctx, corpID)
	if err != nil {
		return TouchedResult{}, err
	}
	var seeds []node
	for _, u := range userIDs {
		if foldKey(u) != "" {
			seeds = append(seeds, memberNode(u))
		}
	}
	for _, a := range accounts {
		if foldKey(a) != "" {
			seeds = append(seeds, localNode(a))
		}
	}
	if len(seeds) == 0 {
		return TouchedResult{}, nil
	}
	locals, err := s.src.Locals(ctx)
	if err != nil {
		return TouchedResult{}, fmt.Errorf("read the local directory: %w; fix the directory and rematch", err)
	}
	members, err := s.src.Members(ctx, corpID)
	if err != nil {
		return TouchedResult{}, fmt.Errorf("read the pulled WeCom members of corp %d: %w; pull WeCom contacts again and rematch", corpID, err)
	}
	cache, err := loadLookups(ctx, s.st.DB, corpID, s.now())
	if err != nil {
		return TouchedResult{}, err
	}
	all := prepareInput(locals, members, nil)
	// Grouped and matched outside the write lock, then written only if no
	// decision changed meanwhile; otherwise again under the lock.
	m, err := matchTouched(ctx, s.st.DB, corpID, all, locals, members, cache.answers, policy, seeds)
	if err != nil {
		return TouchedResult{}, err
	}
	err = s.edit(ctx, corpID, actor, func(o *txOps) error {
		if cur, err := version(ctx, o.tx, corpID); err != nil {
			return err
		} else if cur != m.version {
			if m, err = matchTouched(ctx, o.tx, corpID, all, locals, members, cache.answers, policy, seeds); err != nil {
				return err
			}
		}
		if m.full {
			return nil
		}
		staleBefore, err := o.staleIn(m.ds, m.group.rowIDs)
		if err != nil {
			return err
		}
		if err := o.storeGroup(m.group, m.sub, &m.built); err != nil {
			return err
		}
		if err := o.recordAutoConfirmed(m.ds, m.built.auto); err != nil {
			return err
		}
		return o.exec(`UPDATE bind_corp_state SET stale = MAX(0, stale - ? + ?) WHERE corp_id = ?`, staleBefore, m.stale, corpID)
	})
	if err != nil {
		return TouchedResult{}, err
	}
	if m.full {
		if _, err := s.Rematch(ctx, corpID, policy, actor); err != nil {
			return TouchedResult{}, err
		}
		return TouchedResult{Full: true}, nil
	}
	return TouchedResult{Records: len(m.group.nodes), Rows: len(m.built.rows)}, nil
}

// touchedMatch is the group's match, made from the review as of version.
type touchedMatch struct {
	version int64
	full    bool // the group is too large
	group   touchedGroup
	sub     *matchInput
	ds      []decision // the group's decisions
	built   builtRows
	stale   int // the group's confirmed decisions the match could not keep
}

func matchTouched(ctx context.Context, q sqlx.QueryerContext, corpID int64, all *matchInput, locals []LocalRecord,
	members []MemberRecord, lk binding.Lookups, policy binding.Policy, seeds []node) (touchedMatch, error) {
	var m touchedMatch
	var err error
	if m.version, err = version(ctx, q, corpID); err != nil {
		return m, err
	}
	ds, err := loadDecisions(ctx, q, corpID)
	if err != nil {
		return m, err
	}
	rows, err := newRowFinder(ctx, q, corpID)
	if err != nil {
		return m, err
	}
	g, ok, err := groupOf(all, ds, lk, rows.rowsOf, seeds, touchedLimit)
	if err != nil {
		return m, err
	}
	if !ok {
		m.full = true
		return m, nil
	}
	m.group = g
	m.sub = prepareInput(recordsIn(locals, g, func(r *LocalRecord) node { return localNode(r.Account) }),
		recordsIn(members, g, func(r *MemberRecord) node { return memberNode(r.UserID) }), nil)
	for _, d := range ds {
		if g.nodes[localNode(d.Account)] || g.nodes[memberNode(d.UserID)] {
			m.ds = append(m.ds, d)
		}
	}
	res := binding.MatchLookups(m.sub.members, m.sub.locals, existing(m.ds), policy, lk)
	m.built, m.stale = buildRows(corpID, m.sub, m.ds, res, &rematchMemo{}), len(res.Stale)
	return m, nil
}

// recordsIn keeps the records of the group, in input order (duplicates
// too: prepareInput keeps the first, as the whole corp's match does).
func recordsIn[T any](list []T, g touchedGroup, of func(*T) node) []T {
	out := make([]T, 0, 16)
	for i := range list {
		if g.nodes[of(&list[i])] {
			out = append(out, list[i])
		}
	}
	return out
}

// staleIn counts the group's confirmed decisions the last match could not
// keep (no confirmed row of that pair): the part of bind_corp_state.stale
// the group's match replaces.
func (o *txOps) staleIn(ds []decision, rowIDs []int64) (int, error) {
	kept := map[string]bool{}
	if len(rowIDs) > 0 {
		var pairs []struct {
			Account string `db:"account"`
			UserID  string `db:"userid"`
		}
		if err := o.sel(&pairs, `SELECT account, userid FROM bind_rows WHERE state = 'confirmed'
			AND id IN (SELECT value FROM json_each(?))`, jsonList(rowIDs)); err != nil {
			return 0, err
		}
		for _, p := range pairs {
			kept[pairKey(p.Account, p.UserID)] = true
		}
	}
	n := 0
	for _, d := range ds {
		if d.State == StateConfirmed && !kept[pairKey(d.Account, d.UserID)] {
			n++
		}
	}
	return n, nil
}

// storeGroup makes the group's sides and rows those of its match (built
// from sub), leaving every other side and row as it is.
func (o *txOps) storeGroup(g touchedGroup, sub *matchInput, built *builtRows) error {
	var locals, members []string
	for n := range g.nodes {
		if n[0] == 'l' {
			locals = append(locals, string(n[2:]))
		} else {
			members = append(members, string(n[2:]))
		}
	}
	// Two arms, not one OR: each is a lookup in the (corp_id, side, key) index.
	if err := o.syncSidesOf(`SELECT id, digest FROM bind_sides WHERE corp_id = ? AND side = 'local' AND key IN (SELECT value FROM json_each(?))
		UNION ALL SELECT id, digest FROM bind_sides WHERE corp_id = ? AND side = 'wecom' AND key IN (SELECT value FROM json_each(?))`,
		[]any{o.corpID, jsonList(locals), o.corpID, jsonList(members)}, sub); err != nil {
		return err
	}
	return o.syncRowsOf(`SELECT id, digest FROM bind_rows WHERE corp_id = ? AND id IN (SELECT value FROM json_each(?))`,
		[]any{o.corpID, jsonList(g.rowIDs)}, built)
}

// jsonList is a list as a JSON array, for json_each (never null).
func jsonList[T any](list []T) string {
	if len(list) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(list)
	return string(b)
}
