package syncer

import (
	"cmp"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"hash"
	"slices"
	"strings"
	"time"
)

// Fingerprint is the SHA-256 of direction, inputs and options in a canonical
// form: lists are sorted by their keys, so two reads of the same state give
// the same fingerprint whatever order the sources returned rows in. A
// member's DeptPaths keep their order (the first is the main department).
func Fingerprint(d Direction, in *Inputs, opt Options) string {
	f := newFPWriter()
	f.str("wecom-bridge sync v1")
	f.str(string(d))

	depts := sortedIdx(len(in.LocalDepts), func(a, b int) int { return cmp.Compare(in.LocalDepts[a].ID, in.LocalDepts[b].ID) })
	f.num(int64(len(depts)))
	for _, i := range depts {
		x := &in.LocalDepts[i]
		f.num(x.ID)
		f.num(x.ParentID)
		f.str(x.Name)
		f.strs(x.Path)
	}

	users := sortedIdx(len(in.LocalUsers), func(a, b int) int {
		return cmp.Compare(in.LocalUsers[a].Account, in.LocalUsers[b].Account)
	})
	f.num(int64(len(users)))
	for _, i := range users {
		u := &in.LocalUsers[i]
		f.str(u.Account)
		f.str(u.Name)
		f.str(u.EmployeeNo)
		f.str(u.Mobile)
		f.str(u.Email)
		f.str(u.Position)
		f.str(u.WeComUserID)
		f.num(int64(len(u.DeptPaths)))
		for _, p := range u.DeptPaths {
			f.strs(p)
		}
		f.bool(u.Resigned)
		if u.Resigned && !u.ResignedAt.IsZero() {
			f.str(u.ResignedAt.UTC().Format(time.RFC3339Nano))
		} else {
			f.str("")
		}
	}

	wd := sortedIdx(len(in.WeComDepts), func(a, b int) int { return cmp.Compare(in.WeComDepts[a].ID, in.WeComDepts[b].ID) })
	f.num(int64(len(wd)))
	for _, i := range wd {
		x := &in.WeComDepts[i]
		f.num(x.ID)
		f.num(x.ParentID)
		f.str(x.Name)
		f.num(x.Order)
	}

	wu := sortedIdx(len(in.WeComUsers), func(a, b int) int {
		return cmp.Compare(in.WeComUsers[a].UserID, in.WeComUsers[b].UserID)
	})
	f.num(int64(len(wu)))
	var ids []int64
	for _, i := range wu {
		u := &in.WeComUsers[i]
		f.str(u.UserID)
		f.str(u.Name)
		f.str(u.Mobile)
		f.str(u.Email)
		f.str(u.Position)
		ids = append(ids[:0], u.Departments...)
		slices.Sort(ids)
		f.num(int64(len(ids)))
		for _, id := range ids {
			f.num(id)
		}
		f.num(u.MainDepartment)
		f.num(int64(u.Status))
		f.num(int64(u.Enable))
		f.str(u.Alias)
		f.strMap(u.ExtAttrs)
	}

	f.strMap(in.Bindings)
	f.review(in)
	errs := slices.Clone(in.SourceErrors)
	slices.Sort(errs)
	f.strs(errs)
	f.num(int64(in.LastRunUserCount))
	f.bool(in.WeComFieldsWithheld)

	f.str(canonicalOptions(opt))
	return f.sum()
}

// review hashes the rejected pairs and the rows awaiting review, sorted.
func (f *fpWriter) review(in *Inputs) {
	rej := make([]string, len(in.Rejected))
	for i, r := range in.Rejected {
		rej[i] = pairKey(r.Account, r.UserID)
	}
	slices.Sort(rej)
	f.strs(rej)
	pend := make([]string, len(in.Pending))
	for i, r := range in.Pending {
		pend[i] = strings.Join(append([]string{r.State, r.Method, lower(r.Account), lower(r.UserID)}, r.Candidates...), "\x00")
	}
	slices.Sort(pend)
	f.strs(pend)
}

// canonicalOptions is the options' JSON with the set-like lists sorted,
// without the schedule: it says when plans are made and whether they apply
// on their own, not what they do, so changing it leaves a preview valid.
func canonicalOptions(o Options) string {
	o.Schedule = Schedule{}
	for _, l := range []*[]string{&o.Scope.Departments, &o.Scope.IncludeUsers, &o.Scope.ExcludeUsers} {
		*l = slices.Clone(*l)
		slices.SortFunc(*l, func(a, b string) int { return strings.Compare(strings.ToLower(a), strings.ToLower(b)) })
	}
	b, _ := json.Marshal(o) // maps marshal with sorted keys
	return string(b)
}

func sortedIdx(n int, less func(a, b int) int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	slices.SortFunc(idx, less)
	return idx
}

// fpWriter writes length-prefixed fields, so no two different inputs hash
// the same bytes ("ab"+"c" vs "a"+"bc"). It hashes in large blocks: a
// 100,000-user fingerprint is millions of tiny fields, and a hash call (and
// a []byte copy of the string) per field cost more than the hashing.
type fpWriter struct {
	h   hash.Hash
	buf []byte
}

const fpBlock = 64 << 10

func newFPWriter() *fpWriter { return &fpWriter{h: sha256.New(), buf: make([]byte, 0, 2*fpBlock)} }

func (f *fpWriter) num(n int64) {
	f.buf = binary.AppendVarint(f.buf, n)
	f.flushFull()
}

func (f *fpWriter) str(s string) {
	f.num(int64(len(s)))
	f.buf = append(f.buf, s...)
	f.flushFull()
}

func (f *fpWriter) flushFull() {
	if len(f.buf) >= fpBlock {
		f.h.Write(f.buf)
		f.buf = f.buf[:0]
	}
}

// sum hashes what is buffered and returns the hex digest.
func (f *fpWriter) sum() string {
	f.h.Write(f.buf)
	f.buf = f.buf[:0]
	return hex.EncodeToString(f.h.Sum(nil))
}

func (f *fpWriter) bool(b bool) {
	if b {
		f.num(1)
	} else {
		f.num(0)
	}
}

func (f *fpWriter) strs(ss []string) {
	f.num(int64(len(ss)))
	for _, s := range ss {
		f.str(s)
	}
}

func (f *fpWriter) strMap(m map[string]string) {
	if m == nil {
		f.num(-1)
		return
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	f.num(int64(len(keys)))
	for _, k := range keys {
		f.str(k)
		f.str(m[k])
	}
}
