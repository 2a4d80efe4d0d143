package review

import (
	"strconv"
	"sync"

	"wecom-bridge/backend/store"
)

// A rematch writes only what changed: the stored rows and sides of the corp
// are known by their digests (migration 0025), a new one whose digest is
// already stored is kept as it is (with its id), stored ones no longer made
// are deleted, and only the rest is inserted. A rematch with nothing changed
// writes no row; one after a pull writes the rows of the people who changed.
//
// A full rematch also remembers the (id, digest) pairs it left (knownDigests,
// per corp, with the review version its write made), so the next one does
// not read 300,000 of them back at 100,000 people: every write of a corp's
// review goes through writeOn, which bumps the version, so an unchanged
// version proves the pairs are still those stored. Any other write (an
// action, a touched rematch, another process) makes the next rematch read
// them again.

// knownDigests are a corp's stored row and side digests as of version.
type knownDigests struct {
	version     int64
	rows, sides []idDigest
}

// digestMemory holds the last full rematch's knownDigests of each corp.
type digestMemory struct {
	mu sync.Mutex
	m  map[int64]*knownDigests
}

// at returns the corp's pairs if they are those of version, else nil.
func (d *digestMemory) at(corpID, version int64) *knownDigests {
	d.mu.Lock()
	defer d.mu.Unlock()
	if k := d.m[corpID]; k != nil && k.version == version {
		return k
	}
	return nil
}

// set remembers k for the corp (nil forgets).
func (d *digestMemory) set(corpID int64, k *knownDigests) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.m == nil {
		d.m = map[int64]*knownDigests{}
	}
	if k == nil {
		delete(d.m, corpID)
		return
	}
	d.m[corpID] = k
}

// syncTable is a table a sync writes.
type syncTable struct {
	name string // bind_rows or bind_sides
	cols string // inserted columns, digest last
	n    int    // how many
}

var (
	rowsTable  = syncTable{"bind_rows", rowCols, rowColCount}
	sidesTable = syncTable{"bind_sides", sideCols, 12}
)

// pairing is a sync planned against the stored (id, digest) pairs of a
// table: each fresh digest is paired with a stored record of the same
// digest (each stored record serves one); the stored records left unpaired
// are deleted, the fresh digests no stored record had are inserted.
type pairing struct {
	stored []idDigest
	insert []int  // indexes of the fresh digests to insert
	kept   []bool // per stored record
	nkept  int
}

func pair(stored []idDigest, fresh []int64) pairing {
	// first[d] is the first stored record of digest d not yet paired; next
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
	p := pairing{stored: stored, kept: make([]bool, len(stored))}
	for i, d := range fresh {
		j, ok := first[d]
		if !ok {
			p.insert = append(p.insert, i)
			continue
		}
		p.kept[j], p.nkept = true, p.nkept+1
		if next[j] >= 0 {
			first[d] = next[j]
		} else {
			delete(first, d)
		}
	}
	return p
}

// writes is how many records the pairing deletes and inserts.
func (p *pairing) writes() int { return len(p.stored) - p.nkept + len(p.insert) }

// savePlan is a full rematch's sync of the corp's sides and rows.
type savePlan struct{ sides, rows pairing }

// planSave pairs in's sides and rows with k's, known to be those stored.
func planSave(corpID int64, k *knownDigests, in *matchInput, built *builtRows) *savePlan {
	return &savePlan{sides: pair(k.sides, in.sideDigests(corpID)), rows: pair(k.rows, built.rowDigests())}
}

// planStored is planSave against the pairs stored, read through the
// (corp_id, digest) indexes (INDEXED BY: they cover the query, so the
// tables themselves, several hundred bytes a row, are not read).
func (o *txOps) planStored(in *matchInput, built *builtRows) (*savePlan, error) {
	var k knownDigests
	var err error
	if k.sides, err = o.idDigests(`SELECT id, digest FROM bind_sides INDEXED BY bind_sides_digest WHERE corp_id = ?`, []any{o.corpID}); err != nil {
		return nil, err
	}
	if k.rows, err = o.idDigests(`SELECT id, digest FROM bind_rows INDEXED BY bind_rows_digest WHERE corp_id = ?`, []any{o.corpID}); err != nil {
		return nil, err
	}
	return planSave(o.corpID, &k, in, built), nil
}

// save makes the corp's sides and rows those of in and built as planned,
// and returns the pairs it left (their version unset).
func (o *txOps) save(p *savePlan, in *matchInput, built *builtRows) (*knownDigests, error) {
	var k knownDigests
	var err error
	if k.sides, err = o.sync(sidesTable, p.sides, o.sideValues(in), true); err != nil {
		return nil, err
	}
	if k.rows, err = o.sync(rowsTable, p.rows, rowValues(built), true); err != nil {
		return nil, err
	}
	return &k, nil
}

// sideValues are the inserted values of in's side i; rowValues of built's row i.
func (o *txOps) sideValues(in *matchInput) func(i int) []any {
	fresh := in.sideDigests(o.corpID)
	return func(i int) []any { return append(in.side(i).values(o.corpID), fresh[i]) }
}

func rowValues(built *builtRows) func(i int) []any {
	return func(i int) []any {
		r := built.row(i)
		return append(r.content(), r.Digest)
	}
}

// syncRowsOf makes the stored rows that query (with args) selects the given
// ones: a group's (RematchTouched).
func (o *txOps) syncRowsOf(query string, args []any, built *builtRows) error {
	stored, err := o.idDigests(query, args)
	if err != nil {
		return err
	}
	_, err = o.sync(rowsTable, pair(stored, built.rowDigests()), rowValues(built), false)
	return err
}

// sideCols are bind_sides' columns in the order of sideRec.values, digest last.
const sideCols = `corp_id, side, key, name, employee_no, mobile, email, position, dept_paths, inactive, search_text, digest`

// values are the side's stored columns but digest (dept_paths is written
// as JSON by its Value method and digested as the paths).
func (s *sideRec) values(corpID int64) []any {
	return []any{corpID, s.Side, s.Key, s.Name, s.EmployeeNo, s.Mobile, s.Email, s.Position, s.DeptPaths, s.Inactive, s.SearchText}
}

// syncSidesOf makes the stored sides that query (with args) selects those of in.
func (o *txOps) syncSidesOf(query string, args []any, in *matchInput) error {
	stored, err := o.idDigests(query, args)
	if err != nil {
		return err
	}
	_, err = o.sync(sidesTable, pair(stored, in.sideDigests(o.corpID)), o.sideValues(in), false)
	return err
}

// sync carries out p on t: it deletes the stored records p did not keep
// and inserts values(i) of the fresh ones it lists, deleting first:
// (corp_id, side, key) is unique, and a changed side is a deleted and an
// inserted one. With track it returns the table's pairs of the set after
// the write (the kept ones and the inserted ones).
func (o *txOps) sync(t syncTable, p pairing, values func(i int) []any, track bool) ([]idDigest, error) {
	if err := o.deleteUnkept(t, p); err != nil {
		return nil, err
	}
	var after []idDigest
	var maxID int64
	if track {
		after = make([]idDigest, 0, p.nkept+len(p.insert))
		for i, s := range p.stored {
			if p.kept[i] {
				after = append(after, s)
			}
		}
		// Inserted rows take ids above every id in the table: rowids of
		// INTEGER PRIMARY KEY (and AUTOINCREMENT) grow past the largest.
		if err := o.tx.GetContext(o.ctx, &maxID, `SELECT COALESCE(MAX(id), 0) FROM `+t.name); err != nil {
			return nil, err
		}
	}
	b, err := store.NewBulkInsert(o.ctx, o.tx, `INSERT INTO `+t.name+`(`+t.cols+`) VALUES `, t.n)
	if err != nil {
		return nil, err
	}
	for _, i := range p.insert {
		if err := b.Add(o.ctx, values(i)...); err != nil {
			return nil, err
		}
	}
	if err := b.Flush(o.ctx); err != nil {
		return nil, err
	}
	if !track || len(p.insert) == 0 {
		return after, nil
	}
	added, err := o.idDigests(`SELECT id, digest FROM `+t.name+` WHERE id > ? AND corp_id = ?`, []any{maxID, o.corpID})
	return append(after, added...), err
}

// deleteUnkept deletes the stored records of t that p did not keep, in one
// statement.
func (o *txOps) deleteUnkept(t syncTable, p pairing) error {
	if p.nkept == len(p.stored) {
		return nil
	}
	ids := make([]byte, 0, 8*(len(p.stored)-p.nkept)+2)
	ids = append(ids, '[')
	for i, s := range p.stored {
		if p.kept[i] {
			continue
		}
		if len(ids) > 1 {
			ids = append(ids, ',')
		}
		ids = strconv.AppendInt(ids, s.ID, 10)
	}
	ids = append(ids, ']')
	_, err := o.tx.ExecContext(o.ctx, `DELETE FROM `+t.name+` WHERE id IN (SELECT value FROM json_each(?))`, string(ids))
	return err
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
