package binding

import "testing"

// An ambiguous row always offers a choice: a namesake whose only eligible
// candidate nobody else is left with is a name proposal, and records left
// with the same single candidate become one row anchored on it.
func TestAmbiguousRowsHaveTwoCandidates(t *testing.T) {
	zw := func(id string) Member { return mem(id, "张伟", "公司/研发") }
	lz := func(acc string) Local { return loc(acc, "张伟", "公司/研发") }
	rej := func(a, u string) Existing { return Existing{Account: a, UserID: u, State: StateRejected} }

	// a can only be m2 (a–m1 rejected); b could be either. Before the rule,
	// a was an "ambiguous" row of one; now a–m2 is proposed, leaving b–m1.
	r := Match([]Member{zw("m1"), zw("m2")}, []Local{lz("a"), lz("b")}, []Existing{rej("a", "m1")}, noKeyPairs)
	if len(r.Proposals) != 2 {
		t.Fatalf("proposals = %s, want a–m2 and b–m1", dump(r.Proposals))
	}
	for _, p := range r.Proposals {
		if p.State != StateProposed || p.Method != MethodName {
			t.Errorf("proposal %s, want a proposed name match", dump([]Proposal{p}))
		}
	}
	if r.Proposals[0].Account != "a" || r.Proposals[0].UserID != "m2" || r.Proposals[1].UserID != "m1" {
		t.Errorf("proposals = %s, want a–m2, b–m1", dump(r.Proposals))
	}

	// a and b can only be m1: one row anchored on m1 lists both; m2 and m3
	// are left unbound.
	r = Match([]Member{zw("m1"), zw("m2"), zw("m3")}, []Local{lz("a"), lz("b")},
		[]Existing{rej("a", "m2"), rej("a", "m3"), rej("b", "m2"), rej("b", "m3")}, noKeyPairs)
	if len(r.Proposals) != 1 || r.Proposals[0].UserID != "m1" || len(r.Proposals[0].Candidates) != 2 {
		t.Fatalf("proposals = %s, want one row anchored on m1 with a and b", dump(r.Proposals))
	}
	if !sameStrings(r.UnboundMembers, []string{"m2", "m3"}) {
		t.Errorf("unbound members = %q, want m2, m3", r.UnboundMembers)
	}
}

// Over a realistic directory (namesakes, resigned accounts, inactive members,
// rejections), no ambiguous row has fewer than two candidates and no resigned
// account is offered to an active member, as a binding or as a candidate.
func TestEvidenceInvariantsOnSyntheticData(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		members, locals, existing, _ := synthetic(3000, seed)
		resigned := map[string]bool{}
		for _, l := range locals {
			if l.Resigned {
				resigned[l.Account] = true
			}
		}
		active := map[string]bool{}
		for _, m := range members {
			if m.Active {
				active[foldID(m.UserID)] = true
			}
		}
		confirmed := map[string]bool{}
		for _, e := range existing {
			if e.State == StateConfirmed {
				confirmed[e.Account] = true
			}
		}
		r := Match(members, locals, existing, DefaultPolicy())
		for _, p := range r.Proposals {
			if p.State == StateAmbiguous {
				if len(p.Candidates) < 2 {
					t.Errorf("seed %d: ambiguous row with %d candidate(s): %s", seed, len(p.Candidates), dump([]Proposal{p}))
				}
				for _, c := range p.Candidates {
					if (resigned[p.Account] && active[foldID(c.UserID)]) || (resigned[c.Account] && active[foldID(p.UserID)]) {
						t.Errorf("seed %d: resigned account offered to an active member: %s", seed, dump([]Proposal{p}))
					}
				}
				continue
			}
			if resigned[p.Account] && active[foldID(p.UserID)] && !confirmed[p.Account] {
				t.Errorf("seed %d: resigned %s proposed for active %s by %s", seed, p.Account, p.UserID, p.Method)
			}
		}
	}
}

// A resigned namesake is never a candidate of an active member's row: the
// other namesake is proposed by name.
func TestResignedNeverCandidateForActive(t *testing.T) {
	r := Match([]Member{mem("m1", "张伟", "公司/研发")},
		[]Local{resigned(loc("old", "张伟", "公司/研发")), loc("new", "张伟", "公司/研发")}, nil, noKeyPairs)
	if len(r.Proposals) != 1 || r.Proposals[0].Account != "new" || r.Proposals[0].State != StateProposed {
		t.Fatalf("proposals = %s, want only new–m1 proposed", dump(r.Proposals))
	}
	if !sameStrings(r.UnboundLocal, []string{"old"}) {
		t.Errorf("unbound local = %q, want old", r.UnboundLocal)
	}
}
