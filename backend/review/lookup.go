package review

import (
	"context"
	"database/sql"
	"errors"
	"strconv"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// WeCom lookups (user/getuserid, user/get_userid_by_email) as a matching
// key. A rematch asks WeCom who owns the mobile or email of each local
// account the other keys did not settle (binding.Result.Unsettled), keeps
// every answer per value with its time (bind_lookups), and matches again
// with the owners found. The budget protects the corp from WeCom's daily
// block (failures above 20 % of the headcount block the lookups for a day):
//
//   - an owner found is reused for lookupKeep, a value WeCom found no owner
//     for is not asked again for lookupRetry;
//   - a run stops asking once the failures of the last lookupRetry reach
//     10 % of the corp's pulled members, and at WeCom's own 45009;
//   - any other error (a secret without permission, say) stops it too;
//   - WeCom's 45009 is remembered (bind_corp_state.lookup_blocked_at): no
//     rematch asks again until WeCom's next day begins (lookupBlockEnds).
//
// Why it stopped is kept with the match and shown in the summary.

// Lookup asks WeCom who owns a mobile or an email.
type Lookup interface {
	// Via says which secret asks: "contact" (通讯录同步) or "app:AGENTID".
	Via() string
	// UserIDByMobile returns the owner's userid; an error wrapping
	// ErrLookupMiss when WeCom found no owner or refused the value,
	// ErrLookupBlocked at its daily block (45009).
	UserIDByMobile(ctx context.Context, mobile string) (string, error)
	UserIDByEmail(ctx context.Context, email string) (string, error)
}

// LookupProvider gives the Lookup of a corp, or nil when the corp has no
// secret that may ask (the summary says so).
type LookupProvider func(ctx context.Context, corpID int64) (Lookup, error)

// Errors a Lookup returns.
var (
	ErrLookupMiss    = errors.New("WeCom found no owner of this value")
	ErrLookupBlocked = errors.New("WeCom blocks the userid lookups for the rest of the day")
)

const (
	lookupKeep  = 7 * 24 * time.Hour // an owner found is asked again after a week
	lookupRetry = 24 * time.Hour     // a failed value is not asked again within a day
	// lookupBudgetPercent of the corp's members: failures of the last day
	// at which a run stops asking (WeCom blocks at 20 %).
	lookupBudgetPercent = 10
)

// wecomDay is the time zone of WeCom's days (China Standard Time, no DST):
// its daily block lasts "1天" (wecom-api-facts §1.2), a day blocks lasting
// until the natural day ends (§3.2).
var wecomDay = time.FixedZone("CST", 8*3600)

// lookupBlockEnds is when a block WeCom answered at ends: the next midnight
// of WeCom's day. Never more than 24 hours later. Should WeCom block for 24
// hours instead, the first rematch after midnight makes one call, gets
// 45009 again and waits for the next midnight.
func lookupBlockEnds(at time.Time) time.Time {
	y, m, d := at.In(wecomDay).Date()
	return time.Date(y, m, d+1, 0, 0, 0, 0, wecomDay)
}

// lookupBlocked reports whether WeCom's block of the corp's lookups still
// holds at now.
func lookupBlocked(ctx context.Context, q sqlx.QueryerContext, corpID int64, now time.Time) (bool, error) {
	var at store.Time
	err := sqlx.GetContext(ctx, q, &at, `SELECT lookup_blocked_at FROM bind_corp_state WHERE corp_id = ?`, corpID)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && at == 0) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	return now.Before(lookupBlockEnds(at.Time())), nil
}

// SetLookups lets rematches ask WeCom through p. Without it (or when p
// gives nil) rematches match on what they have.
func (s *Service) SetLookups(p LookupProvider) { s.lookups = p }

// LookupStats is what a match's lookups did (Summary.Lookups).
type LookupStats struct {
	Via     string `json:"via"`     // "contact", "app:AGENTID", or "" when no lookup could be made
	Wanted  int    `json:"wanted"`  // values of unsettled local accounts
	Cached  int    `json:"cached"`  // of them, answered by an earlier lookup
	Calls   int    `json:"calls"`   // lookups asked of WeCom in this match
	Found   int    `json:"found"`   // calls that named an owner
	Failed  int    `json:"failed"`  // calls that found none
	Skipped int    `json:"skipped"` // values not asked because the lookups stopped
	// Stopped says why lookups stopped or were not made; nil when every
	// value wanted was answered.
	Stopped *usererr.Message `json:"stopped,omitempty"`
}

const (
	kindMobile = "mobile"
	kindEmail  = "email"
)

type lookupKey struct{ kind, value string }

// lookupCache is the corp's fresh answers.
type lookupCache struct {
	answers  binding.Lookups
	known    map[lookupKey]bool // an answer (owner or failure) that is still fresh
	failures int                // failures within lookupRetry
}

func loadLookups(ctx context.Context, q sqlx.QueryerContext, corpID int64, now time.Time) (*lookupCache, error) {
	var rows []struct {
		Kind     string     `db:"kind"`
		Value    string     `db:"value"`
		UserID   string     `db:"userid"`
		LookedAt store.Time `db:"looked_at"`
	}
	if err := sqlx.SelectContext(ctx, q, &rows, `SELECT kind, value, userid, looked_at FROM bind_lookups
		WHERE corp_id = ? AND looked_at >= ?`, corpID, store.TimeOf(now.Add(-lookupKeep))); err != nil {
		return nil, err
	}
	c := &lookupCache{answers: binding.Lookups{Mobile: map[string]string{}, Email: map[string]string{}},
		known: make(map[lookupKey]bool, len(rows))}
	retryAfter := store.TimeOf(now.Add(-lookupRetry))
	for _, r := range rows {
		if r.UserID == "" {
			if r.LookedAt < retryAfter {
				continue // failed more than a day ago: may be asked again
			}
			c.failures++
		} else if r.Kind == kindMobile {
			c.answers.Mobile[r.Value] = r.UserID
		} else {
			c.answers.Email[r.Value] = r.UserID
		}
		c.known[lookupKey{r.Kind, r.Value}] = true
	}
	return c, nil
}

// wanted lists the values of the unsettled accounts (mobile first, each
// value once), the account each is asked for, and how many of them the
// cache already answers.
func (c *lookupCache) wanted(locals []binding.Local, unsettled []int) (todo []lookupKey, owner []int, total, cached int) {
	seen := map[lookupKey]bool{}
	for _, i := range unsettled {
		l := &locals[i]
		for _, k := range []lookupKey{{kindMobile, binding.NormalizeMobile(l.Mobile)}, {kindEmail, binding.NormalizeEmail(l.Email)}} {
			if k.value == "" || seen[k] {
				continue
			}
			seen[k] = true
			total++
			if c.known[k] {
				cached++
				continue
			}
			todo = append(todo, k)
			owner = append(owner, i)
		}
	}
	return todo, owner, total, cached
}

// lookupAnswer is one call's outcome, to be kept.
type lookupAnswer struct {
	key     lookupKey
	userID  string
	errcode int
}

// runLookups asks WeCom for todo within the budget. It records every answer
// in c and returns them for the store, with the stats and whether WeCom
// answered with its daily block.
//
// An account whose mobile WeCom attributed is not asked about its email:
// one answer settles it.
func (s *Service) runLookups(ctx context.Context, lk Lookup, c *lookupCache, todo []lookupKey, owner []int, members int,
	progress func(done, total int)) (out []lookupAnswer, st LookupStats, blocked bool) {
	st = LookupStats{Via: lk.Via()}
	settled := map[int]bool{}
	stop := func(i int, m usererr.Message) {
		st.Skipped = len(todo) - i
		st.Stopped = &m
	}
	for i, k := range todo {
		if c.failures*100 >= members*lookupBudgetPercent {
			stop(i, usererr.Msg("lookup_budget", usererr.Args{"failed": c.failures, "members": members, "skipped": len(todo) - i}))
			break
		}
		if ctx.Err() != nil {
			stop(i, usererr.Msg("lookup_cancelled", usererr.Args{"skipped": len(todo) - i}))
			break
		}
		if settled[owner[i]] {
			continue
		}
		var uid string
		var err error
		if k.kind == kindMobile {
			uid, err = lk.UserIDByMobile(ctx, k.value)
		} else {
			uid, err = lk.UserIDByEmail(ctx, k.value)
		}
		switch {
		case err == nil && uid != "":
			st.Calls++
			st.Found++
			out = append(out, lookupAnswer{key: k, userID: uid})
			settled[owner[i]] = true
			if k.kind == kindMobile {
				c.answers.Mobile[k.value] = uid
			} else {
				c.answers.Email[k.value] = uid
			}
		case err == nil || errors.Is(err, ErrLookupMiss):
			st.Calls++
			st.Failed++
			c.failures++
			out = append(out, lookupAnswer{key: k, errcode: errcodeOf(err)})
		case errors.Is(err, ErrLookupBlocked):
			st.Calls++
			blocked = true
			stop(i, usererr.Msg("lookup_blocked", usererr.Args{"skipped": len(todo) - i}))
		default:
			st.Calls++
			stop(i, usererr.Msg("lookup_failed", usererr.Args{"via": viaText(st.Via), "error": messageOf(err), "skipped": len(todo) - i}))
		}
		if st.Stopped != nil {
			break
		}
		if progress != nil {
			progress(i+1, len(todo))
		}
	}
	return out, st, blocked
}

// MissError is a value WeCom found no owner for (46004) or refused
// (40058); errors.Is(err, ErrLookupMiss) is true.
type MissError struct{ Code int }

func (e *MissError) Error() string {
	return "WeCom found no owner of this value (errcode " + strconv.Itoa(e.Code) + ")"
}

// Is makes errors.Is(err, ErrLookupMiss) true.
func (e *MissError) Is(target error) bool { return target == ErrLookupMiss }

// errcodeOf is the errcode of a miss, or 0.
func errcodeOf(err error) int {
	var e *MissError
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// messageOf is err as the admin reads it: its own message, or its text.
func messageOf(err error) usererr.Message {
	if e, ok := usererr.As(err); ok {
		return e.Message
	}
	return usererr.Msg("lookup_error_text", usererr.Args{"text": err.Error()})
}

// viaText names the secret for a message.
func viaText(via string) usererr.Message {
	if via == "contact" {
		return usererr.Msg("lookup_via_contact", nil)
	}
	return usererr.Msg("lookup_via_app", usererr.Args{"app": via[len("app:"):]})
}

// storeLookups keeps the answers, replacing older ones of the same values,
// and WeCom's block when it answered one (blocked), at once: they are worth
// keeping whatever happens to the match.
func (s *Service) storeLookups(ctx context.Context, corpID int64, now time.Time, answers []lookupAnswer, blocked bool) error {
	if len(answers) == 0 && !blocked {
		return nil
	}
	tx, err := s.st.DB.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	stmt, err := tx.PreparexContext(ctx, `INSERT INTO bind_lookups(corp_id, kind, value, userid, errcode, looked_at)
		VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(corp_id, kind, value) DO UPDATE SET
		userid = excluded.userid, errcode = excluded.errcode, looked_at = excluded.looked_at`)
	if err != nil {
		return err
	}
	defer stmt.Close()
	at := store.TimeOf(now)
	for _, a := range answers {
		if _, err := stmt.ExecContext(ctx, corpID, a.key.kind, a.key.value, a.userID, a.errcode, at); err != nil {
			return err
		}
	}
	if blocked {
		if _, err := tx.ExecContext(ctx, `INSERT INTO bind_corp_state(corp_id, lookup_blocked_at) VALUES(?, ?)
			ON CONFLICT(corp_id) DO UPDATE SET lookup_blocked_at = excluded.lookup_blocked_at`, corpID, at); err != nil {
			return err
		}
	}
	return tx.Commit()
}

// lookUp asks WeCom about the unsettled accounts of res that the cache does
// not answer, within the budget, and keeps the answers.
func (s *Service) lookUp(ctx context.Context, corpID int64, in *matchInput, res *binding.Result, c *lookupCache,
	now time.Time, report func(phase string, done, total int)) (LookupStats, error) {
	if s.lookups == nil {
		return LookupStats{}, nil // lookups not wired: match on what there is
	}
	todo, owner, wanted, cached := c.wanted(in.locals, res.Unsettled(in.locals))
	st := LookupStats{Wanted: wanted, Cached: cached}
	if len(todo) == 0 || len(in.members) == 0 {
		return st, nil
	}
	if blocked, err := lookupBlocked(ctx, s.st.DB, corpID, now); err != nil {
		return st, err
	} else if blocked {
		// WeCom's block of today still holds: asking would only meet it again.
		m := usererr.Msg("lookup_blocked", usererr.Args{"skipped": len(todo)})
		st.Skipped, st.Stopped = len(todo), &m
		return st, nil
	}
	lk, err := s.lookups(ctx, corpID)
	if err != nil {
		m := messageOf(err)
		st.Skipped, st.Stopped = len(todo), &m
		return st, nil
	}
	if lk == nil {
		m := usererr.Msg("lookup_unavailable", usererr.Args{"skipped": len(todo)})
		st.Skipped, st.Stopped = len(todo), &m
		return st, nil
	}
	report(PhaseLookup, 0, len(todo))
	step := max(1, len(todo)/100) // about a hundred progress updates, whatever the count
	answers, run, blocked := s.runLookups(ctx, lk, c, todo, owner, len(in.members), func(done, total int) {
		if done%step == 0 || done == total {
			report(PhaseLookup, done, total)
		}
	})
	run.Wanted, run.Cached = wanted, cached
	if err := s.storeLookups(ctx, corpID, now, answers, blocked); err != nil {
		return run, err
	}
	return run, nil
}
