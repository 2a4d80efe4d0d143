package review

import (
	"strconv"

	"wecom-bridge/backend/store"
)

// A rematch writes only what changed: the stored rows and sides of the corp
// are known by their digests (migration 0025), a new one whose digest is
// already stored is kept as it is (with its id), stored ones no longer made
// are deleted, and only the rest is inserted. A rematch with nothing changed
// writes no row; one after a pull writes the rows of the people who changed.

// syncRows makes the corp's review rows the given ones (digests set, as
// buildRows makes them).
func (o *txOps) syncRows(rows []rowRec) error {
	// INDEXED BY: (corp_id, digest) covers the query, so the table itself
	// (several hundred bytes a row) is not read.
	return o.syncRowsOf(`SELECT id, digest FROM bind_rows INDEXED BY bind_rows_digest WHERE corp_id = ?`, []any{o.corpID}, rows)
}

// syncRowsOf makes the stored rows that query (with args) selects the given
// ones: the corp's (syncRows), or a group's (RematchTouched).
func (o *txOps) syncRowsOf(query string, args []any, rows []rowRec) error {
	fresh := make([]int64, len(rows))
	for i := range rows {
		fresh[i] = rows[i].Digest
	}
	insert, err := o.replaceStale(query, args, `DELETE FROM bind_rows WHERE id IN (SELECT value FROM json_each(?))`, fresh)
	if err != nil {
		return err
	}
	b, err := store.NewBulkInsert(o.ctx, o.tx, `INSERT INTO bind_rows(`+rowCols+`) VALUES `, rowColCount)
	if err != nil {
		return err
	}
	for _, i := range insert {
		r := &rows[i]
		if err := b.Add(o.ctx, append(r.content(), r.Digest)...); err != nil {
			return err
		}
	}
	return b.Flush(o.ctx)
}

// sideCols are bind_sides' columns in the order of sideRec.values, digest last.
const sideCols = `corp_id, side, key, name, employee_no, mobile, email, position, dept_paths, inactive, search_text, digest`

// values are the side's stored columns but digest (dept_paths is written
// as JSON by its Value method and digested as the paths).
func (s *sideRec) values(corpID int64) []any {
	return []any{corpID, s.Side, s.Key, s.Name, s.EmployeeNo, s.Mobile, s.Email, s.Position, s.DeptPaths, s.Inactive, s.SearchText}
}

// syncSides makes the corp's sides those of in.
func (o *txOps) syncSides(in *matchInput) error {
	return o.syncSidesOf(`SELECT id, digest FROM bind_sides INDEXED BY bind_sides_digest WHERE corp_id = ?`, []any{o.corpID}, in)
}

// syncSidesOf makes the stored sides that query (with args) selects those of in.
func (o *txOps) syncSidesOf(query string, args []any, in *matchInput) error {
	all := make([]*sideRec, 0, len(in.lSides)+len(in.wSides))
	for _, list := range [][]sideRec{in.lSides, in.wSides} {
		for i := range list {
			all = append(all, &list[i])
		}
	}
	fresh := make([]int64, len(all))
	for i, s := range all {
		fresh[i] = s.digest(o.corpID)
	}
	// Deleted before the inserts: (corp_id, side, key) is unique, and a
	// changed side is a deleted and an inserted one.
	insert, err := o.replaceStale(query, args, `DELETE FROM bind_sides WHERE id IN (SELECT value FROM json_each(?))`, fresh)
	if err != nil {
		return err
	}
	b, err := store.NewBulkInsert(o.ctx, o.tx, `INSERT INTO bind_sides(`+sideCols+`) VALUES `, 12)
	if err != nil {
		return err
	}
	for _, i := range insert {
		if err := b.Add(o.ctx, append(all[i].values(o.corpID), fresh[i])...); err != nil {
			return err
		}
	}
	return b.Flush(o.ctx)
}

// replaceStale reads the stored (id, digest) pairs with list (and args), pairs each
// fresh digest with a stored row of the same digest (each stored row serves
// one), deletes the stored rows left unpaired with del (given the ids as a
// JSON array), and returns the indexes of the fresh digests no stored row
// had: the ones to insert.
func (o *txOps) replaceStale(list string, args []any, del string, fresh []int64) ([]int, error) {
	stored, err := o.idDigests(list, args)
	if err != nil {
		return nil, err
	}
	// first[d] is the first stored row of digest d not yet paired; next
	// chains the others of the same digest (-1 ends a chain).
	first := make(map[int64]int32, len(stored))
	next := make([]int32, len(stored))
	for i := len(stored) - 1; i >= 0; i-- {
		next[i] = -1
		if d := stored[i].Digest; d != 0 { // 0: unknown, never kept
			if j, ok := first[d]; ok {
				next[i] = j
			}
			first[d] = int32(i)
		}
	}
	var insert []int
	kept := make([]bool, len(stored))
	nkept := 0
	for i, d := range fresh {
		j, ok := first[d]
		if !ok {
			insert = append(insert, i)
			continue
		}
		kept[j], nkept = true, nkept+1
		if next[j] >= 0 {
			first[d] = next[j]
		} else {
			delete(first, d)
		}
	}
	if nkept == len(stored) {
		return insert, nil
	}
	ids := make([]byte, 0, 8*(len(stored)-nkept)+2)
	ids = append(ids, '[')
	for i, s := range stored {
		if kept[i] {
			continue
		}
		if len(ids) > 1 {
			ids = append(ids, ',')
		}
		ids = strconv.AppendInt(ids, s.ID, 10)
	}
	ids = append(ids, ']')
	if _, err := o.tx.ExecContext(o.ctx, del, string(ids)); err != nil {
		return nil, err
	}
	return insert, nil
}

type idDigest struct{ ID, Digest int64 }

// idDigests runs list (with args), scanning by hand: sqlx's reflection is
// most of the cost of reading 300,000 pairs.
func (o *txOps) idDigests(list string, args []any) ([]idDigest, error) {
	rows, err := o.tx.QueryContext(o.ctx, list, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []idDigest
	for rows.Next() {
		var p idDigest
		if err := rows.Scan(&p.ID, &p.Digest); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
