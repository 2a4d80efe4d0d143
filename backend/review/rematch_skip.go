package review

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"sync"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
)

// A rematch whose inputs are exactly those of the last one would write
// nothing and report the same, so it is not run: it only records who asked
// and when. Its inputs are everything the match and the rows depend on:
//
//   - both sides' records as read, in order (inputsBase);
//   - the policy, and whether lookups are wired;
//   - the program's build (the engine and the rows it makes);
//   - the review version the last rematch's write made: any action,
//     decision or touched rematch since bumps it;
//   - the fresh lookup answers (an answer recorded or aging out changes them).
//
// The last rematch stores the digest only when a rematch of the same inputs
// would do nothing more: it auto-confirmed nothing and left no value to ask
// WeCom about (lookups wired); inputs_lookups is what that rematch's summary
// says of the lookups.

// recHash is the first 16 bytes of a SHA-256 of one record's fields as
// read: what a rematch's inputs digest is made of, and what the memory of
// the last rematch knows a side's digest by (rematch_memo.go).
type recHash [16]byte

// recordHashes are the hashes of the locals and the members, in their order.
type recordHashes struct{ locals, members []recHash }

// hashRecords hashes every record, in parallel: at 100,000 people this is
// most of what a rematch with nothing changed costs.
func hashRecords(locals []LocalRecord, members []MemberRecord) *recordHashes {
	h := &recordHashes{locals: make([]recHash, len(locals)), members: make([]recHash, len(members))}
	parallel(len(locals)+len(members), func(lo, hi int) {
		for i := lo; i < hi; i++ {
			if i < len(locals) {
				h.locals[i] = hashLocal(&locals[i])
			} else {
				h.members[i-len(locals)] = hashMember(&members[i-len(locals)])
			}
		}
	})
	return h
}

func hashLocal(l *LocalRecord) recHash {
	return hashFields('L', l.Resigned, l.DeptPaths, l.Account, l.Name, l.EmployeeNo, l.Mobile, l.Email, l.Position)
}

func hashMember(m *MemberRecord) recHash {
	return hashFields('W', m.Active, m.DeptPaths, m.UserID, m.Name, m.Mobile, m.Email, m.Position)
}

// hashFields hashes a record of the given side (tag): its flag, its
// department paths and its text fields, in a fixed order.
func hashFields(tag byte, flag bool, paths [][]string, text ...string) recHash {
	d := newDigester()
	d.num(tag, uint64(len(text)))
	d.flag(flag)
	d.paths(paths)
	for _, s := range text {
		d.str(s)
	}
	return d.sum128()
}

// inputsBase digests both sides (their records' hashes, in order), the
// policy and the build.
func inputsBase(corpID int64, h *recordHashes, policy string, lookups bool) []byte {
	d := &digester{buf: make([]byte, 0, 256+16*(len(h.locals)+len(h.members)))}
	d.str("review rematch inputs 2")
	d.str(buildID())
	d.num('i', uint64(corpID))
	d.str(policy)
	d.flag(lookups)
	for _, list := range [][]recHash{h.locals, h.members} {
		d.num('n', uint64(len(list)))
		for i := range list {
			d.buf = append(d.buf, list[i][:]...)
		}
	}
	sum := sha256.Sum256(d.buf)
	return sum[:]
}

// inputsDigest adds the review version and the fresh lookup answers to base.
func inputsDigest(base []byte, version int64, c *lookupCache) []byte {
	keys := make([]lookupKey, 0, len(c.known))
	for k := range c.known {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b lookupKey) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.value, b.value))
	})
	d := &digester{buf: append(make([]byte, 0, 64+64*len(keys)), base...)}
	d.num('i', uint64(version))
	d.num('n', uint64(len(keys)))
	for _, k := range keys {
		d.str(k.kind)
		d.str(k.value)
		d.str(c.owner(k))
	}
	sum := sha256.Sum256(d.buf)
	return sum[:]
}

// buildID names the program's build: its VCS revision when it was built
// from a clean checkout, else a digest of its executable; "" when neither
// is known (then no rematch is skipped).
var buildID = sync.OnceValue(func() string {
	if bi, ok := debug.ReadBuildInfo(); ok {
		var rev, modified string
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.modified":
				modified = s.Value
			}
		}
		if rev != "" && modified == "false" {
			return "vcs:" + rev
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	f, err := os.Open(exe)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return "exe:" + string(h.Sum(nil))
})

// skipRematch records a rematch of the same inputs as the last one, when
// they are (digest matches the stored one at version), and reports whether
// it did.
func (s *Service) skipRematch(ctx context.Context, corpID int64, digest []byte, version int64, actor string) (bool, error) {
	if buildID() == "" {
		return false, nil
	}
	res, err := s.st.DB.ExecContext(ctx, `UPDATE bind_corp_state SET matched_at = ?, matched_by = ?, lookups = inputs_lookups
		WHERE corp_id = ? AND version = ? AND inputs_digest = ? AND length(inputs_digest) > 0`,
		store.TimeOf(time.Now()), actor, corpID, version, digest)
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	return n == 1, err
}

// nextInputs is what a rematch stores for the next one: the digest of its
// inputs as its write leaves them (at version, with the lookup answers now
// stored) and the lookups' summary a rematch of them reports, or nil when
// such a rematch would do more (auto-confirm, ask WeCom).
func (o *txOps) nextInputs(base []byte, version int64, in *matchInput, res binding.Result, built builtRows,
	lookups bool, now time.Time) ([]byte, string, error) {
	if len(built.auto) > 0 || buildID() == "" {
		return nil, "", nil
	}
	c, err := loadLookups(o.ctx, o.tx, o.corpID, now)
	if err != nil {
		return nil, "", err
	}
	var next LookupStats // as lookUp reports a rematch that asks nothing
	if lookups {
		todo, _, wanted, cached := c.wanted(in.locals, res.Unsettled(in.locals))
		if len(todo) > 0 && len(in.members) > 0 {
			return nil, "", nil
		}
		next = LookupStats{Wanted: wanted, Cached: cached}
	}
	raw, err := json.Marshal(next)
	if err != nil {
		return nil, "", err
	}
	return inputsDigest(base, version, c), string(raw), nil
}

// storedInputs reads the digest the last rematch stored (nil when none).
func storedInputs(ctx context.Context, q sqlx.QueryerContext, corpID int64) ([]byte, error) {
	var d []byte
	err := sqlx.GetContext(ctx, q, &d, `SELECT inputs_digest FROM bind_corp_state WHERE corp_id = ?`, corpID)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	return d, err
}
