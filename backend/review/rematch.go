package review

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"time"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
)

// Rematch reads both sides, runs the engine with the corp's decisions as
// binding.Existing, and rewrites the corp's review rows in one transaction.
// Decisions are kept: confirmed pairs stay confirmed, rejected pairs come
// back as rejected rows and are never proposed again. Bindings the policy
// confirms by itself become decisions too, audited as auto_confirm under
// actor. The policy is validated and saved as the corp's policy.
func (s *Service) Rematch(ctx context.Context, corpID int64, policy binding.Policy, actor string) (Summary, error) {
	return s.RematchProgress(ctx, corpID, policy, actor, nil)
}

// Phases of a rematch, as its progress reports them: read both sides, ask
// WeCom about the accounts the keys did not settle (only when there are
// any), match, save; or, after reading, unchanged: the inputs are those of
// the last rematch, which is not run again (rematch_skip.go).
const (
	PhaseRead      = "read"
	PhaseLookup    = "lookup"
	PhaseMatch     = "match"
	PhaseSave      = "save"
	PhaseUnchanged = "unchanged"
)

// RematchProgress is Rematch reporting its phases (and the lookups' done
// of total) to progress, which may be nil.
func (s *Service) RematchProgress(ctx context.Context, corpID int64, policy binding.Policy, actor string,
	progress func(phase string, done, total int)) (Summary, error) {
	report := func(phase string, done, total int) {
		if progress != nil {
			progress(phase, done, total)
		}
	}
	if err := needActor(actor); err != nil {
		return Summary{}, err
	}
	if err := policy.Validate(); err != nil {
		return Summary{}, fmt.Errorf("%w: %v", ErrInvalid, err)
	}
	if err := store.CheckCorp(ctx, s.st.DB, corpID); err != nil {
		return Summary{}, err
	}
	report(PhaseRead, 0, 0)
	locals, err := s.src.Locals(ctx)
	if err != nil {
		return Summary{}, fmt.Errorf("read the local directory: %w; fix the directory and rematch", err)
	}
	members, err := s.src.Members(ctx, corpID)
	if err != nil {
		return Summary{}, fmt.Errorf("read the pulled WeCom members of corp %d: %w; pull WeCom contacts again and rematch", corpID, err)
	}
	rawPolicy, err := encodePolicy(policy)
	if err != nil {
		return Summary{}, err
	}
	hashes := hashRecords(locals, members)
	base := inputsBase(corpID, hashes, rawPolicy, s.lookups != nil)
	// Match outside the write lock (a second or two at 100,000), then write
	// only if no decision changed meanwhile; otherwise match again under the
	// lock, so a confirmation made in between is never lost.
	ver, err := version(ctx, s.st.DB, corpID)
	if err != nil {
		return Summary{}, err
	}
	now := s.now()
	cache, err := loadLookups(ctx, s.st.DB, corpID, now)
	if err != nil {
		return Summary{}, err
	}
	if last, err := storedInputs(ctx, s.st.DB, corpID); err != nil {
		return Summary{}, err
	} else if len(last) > 0 && bytes.Equal(last, inputsDigest(base, ver, cache)) {
		if skipped, err := s.skipRematch(ctx, corpID, last, ver, actor); err != nil {
			return Summary{}, err
		} else if skipped {
			report(PhaseUnchanged, 0, 0)
			return s.Summary(ctx, corpID)
		}
	}
	memo := s.memos.of(corpID)
	in := prepareInput(locals, members, hashes)
	in.memo = memo.sides
	// The sides' digests (for the rows' keys and the save) are computed
	// while the engine runs.
	digested := make(chan struct{})
	go func() {
		defer close(digested)
		in.sideDigests(corpID)
	}()
	ds, err := loadDecisions(ctx, s.st.DB, corpID)
	if err != nil {
		return Summary{}, err
	}
	report(PhaseMatch, 0, 0)
	s.matches.Add(1)
	res := binding.MatchLookups(in.members, in.locals, existing(ds), policy, cache.answers)
	stats, err := s.lookUp(ctx, corpID, in, &res, cache, now, report)
	if err != nil {
		return Summary{}, err
	}
	if stats.Found > 0 {
		report(PhaseMatch, 0, 0)
		res = binding.MatchLookups(in.members, in.locals, existing(ds), policy, cache.answers)
	}
	report(PhaseSave, 0, 0)
	<-digested
	built := buildRows(corpID, in, ds, res, memo)
	// Planned against what the last rematch stored when that is still
	// true; a small change is written on an ordinary connection (the bulk
	// one's large page cache costs more to set up and give back than a few
	// thousand records take to write).
	var plan *savePlan
	edit := s.bulkEdit
	if k := s.known.at(corpID, ver); k != nil {
		if plan = planSave(corpID, k, in, &built); plan.sides.writes()+plan.rows.writes() <= smallSave {
			edit = s.edit
		}
	}
	var wrote *knownDigests
	err = edit(ctx, corpID, actor, func(o *txOps) error {
		cur, err := version(ctx, o.tx, corpID)
		if err != nil {
			return err
		}
		if cur != ver {
			if ds, err = loadDecisions(ctx, o.tx, corpID); err != nil {
				return err
			}
			res = binding.MatchLookups(in.members, in.locals, existing(ds), policy, cache.answers)
			built = buildRows(corpID, in, ds, res, memo)
			plan = nil
		}
		if plan == nil {
			if plan, err = o.planStored(in, &built); err != nil {
				return err
			}
		}
		next, nextLookups, err := o.nextInputs(base, cur+1, in, res, built, s.lookups != nil, now)
		if err != nil {
			return err
		}
		if wrote, err = o.storeMatch(rawPolicy, in, ds, &built, res, stats, plan, next, nextLookups); err != nil {
			return err
		}
		wrote.version = cur + 1 // writeOn's bump
		return nil
	})
	if err != nil {
		s.known.set(corpID, nil)
		return Summary{}, err
	}
	s.known.set(corpID, wrote)
	s.memos.set(corpID, nextMemo(in, &built))
	return s.Summary(ctx, corpID)
}

func pairKey(account, userid string) string { return foldKey(account) + "\x00" + foldKey(userid) }

// smallSave is the most records (deleted and inserted sides and rows) a
// rematch writes on an ordinary connection.
const smallSave = 20_000

// storeMatch makes the corp's sides and rows those of the match as planned
// (writing only what changed), turns the policy's confirmations into
// decisions and records the match. It returns the stored pairs it left
// (their version unset).
func (o *txOps) storeMatch(rawPolicy string, in *matchInput, ds []decision, built *builtRows, res binding.Result,
	lookups LookupStats, plan *savePlan, next []byte, nextLookups string) (*knownDigests, error) {
	k, err := o.save(plan, in, built)
	if err != nil {
		return nil, err
	}
	if err := o.recordAutoConfirmed(ds, built.auto); err != nil {
		return nil, err
	}
	lraw, err := json.Marshal(lookups)
	if err != nil {
		return nil, err
	}
	if next == nil {
		next = []byte{}
	}
	return k, o.exec(`INSERT INTO bind_corp_state(corp_id, policy, matched_at, matched_by,
			skipped_locals, skipped_members, stale, lookups, inputs_digest, inputs_lookups)
		VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(corp_id) DO UPDATE SET policy = excluded.policy, matched_at = excluded.matched_at,
			matched_by = excluded.matched_by, skipped_locals = excluded.skipped_locals,
			skipped_members = excluded.skipped_members, stale = excluded.stale, lookups = excluded.lookups,
			inputs_digest = excluded.inputs_digest, inputs_lookups = excluded.inputs_lookups`,
		o.corpID, rawPolicy, store.TimeOf(time.Now()), o.actor, in.skippedLocals+res.Stats.SkippedLocals, in.skippedMembers+res.Stats.SkippedMembers,
		len(res.Stale), string(lraw), next, nextLookups)
}

// ambiguousFrom builds the row of an ambiguous proposal, anchored on the side
// the engine chose.
func ambiguousFrom(corpID int64, p *binding.Proposal, rs reason, in *matchInput) rowRec {
	anchor := in.local(p.Account)
	if p.Account == "" {
		anchor = in.member(p.UserID)
	}
	cands := make([]Candidate, len(p.Candidates))
	for i, c := range p.Candidates {
		s := in.local(c.Account)
		if c.Account == "" {
			s = in.member(c.UserID)
		}
		cands[i] = candidateFrom(c, s)
	}
	return ambiguousRow(corpID, string(p.Method), p.Confidence, rs, anchor, cands)
}

// recordAutoConfirmed turns the policy's confirmations into decisions. A
// confirmed decision already holding one side can only be stale (the engine
// would otherwise have kept it): it is dropped and audited. Stale ones are
// found in memory, not by a query per binding: a first match with
// AutoConfirmKeys may confirm tens of thousands.
func (o *txOps) recordAutoConfirmed(ds []decision, auto []binding.Proposal) error {
	byAccount, byUserID := map[string]decision{}, map[string]decision{}
	for _, d := range ds {
		if d.State == StateConfirmed {
			byAccount[foldKey(d.Account)], byUserID[foldKey(d.UserID)] = d, d
		}
	}
	for _, p := range auto {
		for _, d := range []decision{byAccount[foldKey(p.Account)], byUserID[foldKey(p.UserID)]} {
			if d.Account == "" {
				continue
			}
			if err := o.dropStale(d, p.Account+" ↔ "+p.UserID); err != nil {
				return err
			}
			delete(byAccount, foldKey(d.Account))
			delete(byUserID, foldKey(d.UserID))
		}
		if err := o.putDecision(p.Account, p.UserID, StateConfirmed, string(p.Method), "auto-confirmed by policy"); err != nil {
			return err
		}
		if err := o.audit(AuditEntry{Action: ActionAutoConfirm, Account: p.Account, UserID: p.UserID,
			ToState: StateConfirmed, ToMethod: string(p.Method), Note: proposalNote(&p)}); err != nil {
			return err
		}
	}
	return nil
}
