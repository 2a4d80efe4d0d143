package review

import (
	"context"
	"time"

	"wecom-bridge/backend/store"
)

// The connectivity check proves one lookup works with a value of the local
// directory. It shares the rematches' answers (bind_lookups), so it spends
// as little of WeCom's daily failure budget as they do: it prefers a value
// WeCom already attributed to a member, never asks again about a value that
// found no owner within lookupRetry, and its own answer is kept (and so
// counted by the next rematch's budget).

// LookupValue is one normalised mobile or email (one of the two is set).
type LookupValue struct {
	Mobile string
	Email  string
}

func (v LookupValue) key() lookupKey {
	if v.Mobile != "" {
		return lookupKey{kindMobile, v.Mobile}
	}
	return lookupKey{kindEmail, v.Email}
}

// ProbeValue picks the value the check should ask about, from values in
// the directory's order: the first one WeCom attributed to an owner within
// lookupKeep, else the first one that did not fail within lookupRetry.
// ok is false when every value failed within lookupRetry (recent says how
// many) or there is none.
func (s *Service) ProbeValue(ctx context.Context, corpID int64, values []LookupValue) (v LookupValue, recent int, ok bool, err error) {
	c, err := loadLookups(ctx, s.st.DB, corpID, s.now())
	if err != nil {
		return LookupValue{}, 0, false, err
	}
	first := -1
	for i, val := range values {
		k := val.key()
		if k.value == "" {
			continue
		}
		if owner := c.owner(k); owner != "" {
			return val, 0, true, nil
		}
		if c.known[k] {
			recent++ // no owner within lookupRetry: not asked again
			continue
		}
		if first < 0 {
			first = i
		}
	}
	if first < 0 {
		return LookupValue{}, recent, false, nil
	}
	return values[first], 0, true, nil
}

// owner is the cached owner of k, "" when none is known.
func (c *lookupCache) owner(k lookupKey) string {
	if k.kind == kindMobile {
		return c.answers.Mobile[k.value]
	}
	return c.answers.Email[k.value]
}

// RecordProbe keeps the check's answer as a rematch's: userid "" with
// WeCom's errcode (46004, 40058) when it found no owner.
func (s *Service) RecordProbe(ctx context.Context, corpID int64, v LookupValue, userid string, errcode int) error {
	if err := store.CheckCorp(ctx, s.st.DB, corpID); err != nil {
		return err
	}
	return s.storeLookups(ctx, corpID, s.now(), []lookupAnswer{{key: v.key(), userID: userid, errcode: errcode}}, false)
}

// RecordLookupBlock keeps WeCom's daily block (45009) met by the check as a
// rematch's (bind_corp_state.lookup_blocked_at): no rematch asks again
// before it ends. It returns when it ends: WeCom's next midnight.
func (s *Service) RecordLookupBlock(ctx context.Context, corpID int64) (time.Time, error) {
	if err := store.CheckCorp(ctx, s.st.DB, corpID); err != nil {
		return time.Time{}, err
	}
	now := s.now()
	if err := s.storeLookups(ctx, corpID, now, nil, true); err != nil {
		return time.Time{}, err
	}
	return lookupBlockEnds(now), nil
}
