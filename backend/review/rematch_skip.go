package review

import (
	"cmp"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/json"
	"errors"
	"hash"
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

// inputsBase digests both sides, the policy and the build.
func inputsBase(corpID int64, locals []LocalRecord, members []MemberRecord, policy string, lookups bool) []byte {
	d := newInputHash()
	d.str("review rematch inputs 1")
	d.str(buildID())
	d.num(uint64(corpID))
	d.str(policy)
	d.flag(lookups)
	d.num(uint64(len(locals)))
	for i := range locals {
		l := &locals[i]
		d.str(l.Account)
		d.str(l.Name)
		d.str(l.EmployeeNo)
		d.str(l.Mobile)
		d.str(l.Email)
		d.paths(l.DeptPaths)
		d.flag(l.Resigned)
		d.str(l.Position)
	}
	d.num(uint64(len(members)))
	for i := range members {
		m := &members[i]
		d.str(m.UserID)
		d.str(m.Name)
		d.str(m.Mobile)
		d.str(m.Email)
		d.paths(m.DeptPaths)
		d.flag(m.Active)
		d.str(m.Position)
	}
	return d.sum()
}

// inputsDigest adds the review version and the fresh lookup answers to base.
func inputsDigest(base []byte, version int64, c *lookupCache) []byte {
	d := newInputHash()
	d.buf = append(d.buf, base...)
	d.num(uint64(version))
	keys := make([]lookupKey, 0, len(c.known))
	for k := range c.known {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b lookupKey) int {
		return cmp.Or(cmp.Compare(a.kind, b.kind), cmp.Compare(a.value, b.value))
	})
	d.num(uint64(len(keys)))
	for _, k := range keys {
		d.str(k.kind)
		d.str(k.value)
		d.str(c.owner(k))
	}
	return d.sum()
}

// inputHash writes values typed and length-prefixed, so that no two value
// lists share an encoding, through a buffer (a Write per value costs more
// than the hashing at 200,000 records).
type inputHash struct {
	h   hash.Hash
	buf []byte
}

func newInputHash() *inputHash { return &inputHash{h: sha256.New(), buf: make([]byte, 0, 64<<10)} }

func (d *inputHash) num(n uint64) {
	d.buf = binary.LittleEndian.AppendUint64(append(d.buf, 'n'), n)
	if len(d.buf) >= 60<<10 {
		d.flush()
	}
}

func (d *inputHash) str(s string) {
	d.num(uint64(len(s)))
	d.buf = append(d.buf, s...)
}

func (d *inputHash) flag(b bool) {
	if b {
		d.num(1)
	} else {
		d.num(0)
	}
}

func (d *inputHash) paths(p [][]string) {
	d.num(uint64(len(p)))
	for _, path := range p {
		d.num(uint64(len(path)))
		for _, s := range path {
			d.str(s)
		}
	}
}

func (d *inputHash) flush() {
	d.h.Write(d.buf)
	d.buf = d.buf[:0]
}

func (d *inputHash) sum() []byte {
	d.flush()
	return d.h.Sum(nil)
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
