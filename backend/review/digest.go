package review

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"math"
	"sync"
)

// digestOf is the stored digest of a row's or a side's column values (the
// digest columns of bind_rows and bind_sides, migration 0025): the first 8
// bytes of a SHA-256 of the values, each typed and length-prefixed so that
// no two different value lists share an encoding. Never 0, which means
// "unknown". SHA-256, not a quicker hash: the values come from directories
// anyone may edit, and a rematch keeps a row whose digest it finds again.
func digestOf(vals ...any) int64 {
	d := newDigester()
	for _, v := range vals {
		d.add(v)
	}
	return d.sum()
}

// digesters reuse their buffers: a rematch digests 300,000 rows and sides.
var digesters = sync.Pool{New: func() any { return &digester{buf: make([]byte, 0, 1024)} }}

func newDigester() *digester {
	d := digesters.Get().(*digester)
	d.buf = d.buf[:0]
	return d
}

// digest is digestOf(r.content()...), without boxing 24 values a row.
func (r *rowRec) digest() int64 {
	d := newDigester()
	d.num('i', uint64(r.CorpID))
	d.str(r.State)
	d.str(r.Method)
	d.num('f', math.Float64bits(r.Confidence))
	for _, s := range []string{r.Reason, r.ReasonCode, r.ReasonArgs, r.Account, r.LocalName, r.LocalDept, r.LocalMobile, r.LocalPosition} {
		d.str(s)
	}
	d.flag(r.LocalInactive)
	for _, s := range []string{r.UserID, r.WeComName, r.WeComDept, r.WeComMobile, r.WeComPosition} {
		d.str(s)
	}
	d.flag(r.WeComInactive)
	d.str(r.Anchor)
	d.str(r.Candidates)
	d.num('i', uint64(int64(r.CandidateCount)))
	d.str(r.SearchText)
	d.str(r.Conflicts)
	return d.sum()
}

// digest is digestOf(s.values(corpID)...), without boxing.
func (s *sideRec) digest(corpID int64) int64 {
	d := newDigester()
	d.num('i', uint64(corpID))
	for _, v := range []string{s.Side, s.Key, s.Name, s.EmployeeNo, s.Mobile, s.Email, s.Position} {
		d.str(v)
	}
	d.paths(s.DeptPaths)
	d.flag(s.Inactive)
	d.str(s.SearchText)
	return d.sum()
}

// digester accumulates the encoding of values for digestOf.
type digester struct{ buf []byte }

func (d *digester) add(v any) {
	switch x := v.(type) {
	case string:
		d.str(x)
	case int64:
		d.num('i', uint64(x))
	case int:
		d.num('i', uint64(int64(x)))
	case float64:
		d.num('f', math.Float64bits(x))
	case bool:
		d.flag(x)
	case deptPaths:
		d.paths(x)
	default:
		panic(fmt.Sprintf("review: digestOf: unsupported %T", v)) // a programming error, caught by any test
	}
}

// flag is a bool as SQLite stores it, the integer 0 or 1.
func (d *digester) flag(b bool) {
	n := uint64(0)
	if b {
		n = 1
	}
	d.num('i', n)
}

func (d *digester) paths(x deptPaths) {
	d.num('p', uint64(len(x)))
	for _, p := range x {
		d.num('n', uint64(len(p)))
		for _, s := range p {
			d.str(s)
		}
	}
}

func (d *digester) str(s string) {
	d.num('s', uint64(len(s)))
	d.buf = append(d.buf, s...)
}

func (d *digester) num(tag byte, n uint64) {
	d.buf = append(d.buf, tag)
	d.buf = binary.LittleEndian.AppendUint64(d.buf, n)
}

// sum128 is the first 16 bytes of the SHA-256; d goes back to the pool.
func (d *digester) sum128() recHash {
	h := sha256.Sum256(d.buf)
	digesters.Put(d)
	return recHash(h[:16])
}

// memoKey is a per-process hash of the encoding (rematch_memo.go); d goes
// back to the pool.
func (d *digester) memoKey() uint64 {
	k := maphash.Bytes(memoSeed, d.buf)
	digesters.Put(d)
	return k
}

// sum is the digest; d goes back to the pool.
func (d *digester) sum() int64 {
	h := sha256.Sum256(d.buf)
	digesters.Put(d)
	v := int64(binary.LittleEndian.Uint64(h[:8]))
	if v == 0 {
		v = 1
	}
	return v
}
