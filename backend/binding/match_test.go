package binding

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// Builders keep the tables readable. Departments are given as "a/b/c".

func loc(account, name, dept string) Local {
	return Local{Account: account, Name: name, DeptPaths: paths(dept)}
}

func mem(userid, name, dept string) Member {
	return Member{UserID: userid, Name: name, DeptPaths: paths(dept), Active: true}
}

func paths(ds ...string) [][]string {
	var out [][]string
	for _, d := range ds {
		if d != "" {
			out = append(out, strings.Split(d, "/"))
		}
	}
	return out
}

func withMobile(l Local, mobile string) Local { l.Mobile = mobile; return l }
func withEmail(l Local, email string) Local   { l.Email = email; return l }
func withEmpNo(l Local, no string) Local      { l.EmployeeNo = no; return l }
func resigned(l Local) Local                  { l.Resigned = true; return l }
func mMobile(m Member, mobile string) Member  { m.Mobile = mobile; return m }
func mEmail(m Member, email string) Member    { m.Email = email; return m }
func inactive(m Member) Member                { m.Active = false; return m }

// bindingP is an expected binding; reasons are checked separately.
func bindingP(account, userid string, m Method, s State) Proposal {
	return Proposal{Account: account, UserID: userid, Method: m, State: s, Confidence: Confidence(m)}
}

func ambLocal(account string, m Method, conf float64, cands ...Candidate) Proposal {
	return Proposal{Account: account, Method: m, State: StateAmbiguous, Confidence: conf, Candidates: cands}
}

func ambMember(userid string, m Method, conf float64, cands ...Candidate) Proposal {
	return Proposal{UserID: userid, Method: m, State: StateAmbiguous, Confidence: conf, Candidates: cands}
}

func candM(mb Member, m Method, score float64) Candidate {
	return Candidate{UserID: mb.UserID, Name: mb.Name, DeptPaths: mb.DeptPaths, Method: m, Score: score}
}

func candL(l Local, m Method, score float64) Candidate {
	return Candidate{Account: l.Account, Name: l.Name, DeptPaths: l.DeptPaths, Method: m, Score: score}
}

var (
	byAccount  = Policy{KeyPairs: []KeyPair{{WeCom: FieldUserID, Local: FieldAccount}}}
	byEmpNo    = Policy{KeyPairs: []KeyPair{{WeCom: FieldUserID, Local: FieldEmployeeNo}}}
	byBothKeys = Policy{KeyPairs: []KeyPair{{WeCom: FieldUserID, Local: FieldAccount}, {WeCom: FieldUserID, Local: FieldEmployeeNo}}}
	noKeyPairs = Policy{}
)

type matchCase struct {
	name       string
	members    []Member
	locals     []Local
	existing   []Existing
	policy     Policy
	want       []Proposal
	unboundL   []string
	unboundM   []string
	wantStale  []Existing
	wantReason []string // substrings of each proposal's reason, in order (optional)
	// wantArgs: each proposal's reason code and its arguments, in order
	// (optional); "code" holds the code.
	wantArgs []map[string]string
}

func runMatchCases(t *testing.T, cases []matchCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := Match(c.members, c.locals, c.existing, c.policy)
			got := make([]Proposal, len(r.Proposals))
			for i, p := range r.Proposals {
				if c.wantReason != nil && !strings.Contains(p.Reason, c.wantReason[i]) {
					t.Errorf("proposal %d reason %q does not contain %q", i, p.Reason, c.wantReason[i])
				}
				if p.Reason == "" {
					t.Errorf("proposal %d has no reason", i)
				}
				if p.ReasonCode == "" {
					t.Errorf("proposal %d (%s) has no reason code", i, p.Reason)
				}
				if c.wantArgs != nil {
					args := p.Args()
					if args == nil {
						args = map[string]string{}
					}
					args["code"] = string(p.ReasonCode)
					if !reflect.DeepEqual(args, c.wantArgs[i]) {
						t.Errorf("proposal %d (%s): code and args %v, want %v", i, p.Reason, args, c.wantArgs[i])
					}
				}
				clearReason(&p)
				got[i] = p
			}
			if !reflect.DeepEqual(got, nilIfEmpty(c.want)) {
				t.Errorf("proposals:\n got %s\nwant %s", dump(got), dump(c.want))
			}
			if !sameStrings(r.UnboundLocal, c.unboundL) {
				t.Errorf("unbound local = %q, want %q", r.UnboundLocal, c.unboundL)
			}
			if !sameStrings(r.UnboundMembers, c.unboundM) {
				t.Errorf("unbound members = %q, want %q", r.UnboundMembers, c.unboundM)
			}
			if !reflect.DeepEqual(r.Stale, c.wantStale) {
				t.Errorf("stale = %+v, want %+v", r.Stale, c.wantStale)
			}
		})
	}
}

// clearReason blanks the reason: the tables compare the rest.
func clearReason(p *Proposal) {
	p.Reason, p.ReasonCode, p.ReasonArgs = "", "", nil
}

func nilIfEmpty(p []Proposal) []Proposal {
	if len(p) == 0 {
		return []Proposal{}
	}
	return p
}

func sameStrings(a, b []string) bool {
	if len(a) == 0 && len(b) == 0 {
		return true
	}
	return reflect.DeepEqual(a, b)
}

func dump(ps []Proposal) string {
	var b strings.Builder
	for _, p := range ps {
		fmt.Fprintf(&b, "\n  {%s|%s %s %s %.2f", p.Account, p.UserID, p.Method, p.State, p.Confidence)
		for _, c := range p.Candidates {
			fmt.Fprintf(&b, " [%s%s %s %s %.4f %v]", c.Account, c.UserID, c.Name, c.Method, c.Score, c.DeptPaths)
		}
		b.WriteString("}")
	}
	return b.String()
}

func TestMatchExistingDecisions(t *testing.T) {
	a := loc("a", "张三", "公司/研发")
	b := loc("b", "李四", "公司/研发")
	A := mem("A", "王五", "公司/销售")
	B := mem("B", "李四", "公司/研发")
	runMatchCases(t, []matchCase{{
		name:    "confirmed kept even though names differ, original method kept",
		members: []Member{A}, locals: []Local{a},
		existing: []Existing{{Account: "a", UserID: "A", State: StateConfirmed, Method: MethodMobile}},
		want:     []Proposal{bindingP("a", "A", MethodMobile, StateConfirmed)},
		wantArgs: []map[string]string{{"code": "confirmed_earlier_by", "method": "mobile"}},
	}, {
		name:    "confirmed without a method is existing; userid compared case-insensitively",
		members: []Member{mem("ZhangSan", "王五", "")}, locals: []Local{a},
		existing: []Existing{{Account: "a", UserID: "zhangsan", State: StateConfirmed}},
		want:     []Proposal{bindingP("a", "ZhangSan", MethodExisting, StateConfirmed)},
		wantArgs: []map[string]string{{"code": "confirmed_earlier"}},
	}, {
		name:    "confirmed beats keys: the member it holds is not proposed again",
		members: []Member{mem("b", "王五", "")}, locals: []Local{a, b},
		existing: []Existing{{Account: "a", UserID: "b", State: StateConfirmed, Method: MethodManual}},
		policy:   byAccount,
		want:     []Proposal{bindingP("a", "b", MethodManual, StateConfirmed)},
		unboundL: []string{"b"},
	}, {
		name:    "rejected pair never re-proposed, both sides free for others",
		members: []Member{mem("a", "张三", "公司/研发"), mem("A2", "张三", "公司/研发")}, locals: []Local{a},
		existing: []Existing{{Account: "a", UserID: "a", State: StateRejected}},
		policy:   byAccount,
		want:     []Proposal{bindingP("a", "A2", MethodName, StateProposed)},
		unboundM: []string{"a"},
	}, {
		name:    "rejected pair dropped from ambiguous candidates",
		members: []Member{mem("A1", "张三", "公司/研发"), mem("A2", "张三", "公司/研发"), mem("A3", "张三", "公司/研发")}, locals: []Local{a},
		existing: []Existing{{Account: "a", UserID: "A2", State: StateRejected}},
		want: []Proposal{ambLocal("a", MethodName, ConfidenceAmbiguousName,
			candM(mem("A1", "张三", "公司/研发"), MethodName, 1), candM(mem("A3", "张三", "公司/研发"), MethodName, 1))},
		unboundM: []string{"A2"},
	}, {
		name:    "confirmed with a missing member is stale and frees the account",
		members: []Member{B}, locals: []Local{a, b},
		existing:  []Existing{{Account: "b", UserID: "gone", State: StateConfirmed}},
		want:      []Proposal{bindingP("b", "B", MethodName, StateProposed)},
		unboundL:  []string{"a"},
		wantStale: []Existing{{Account: "b", UserID: "gone", State: StateConfirmed}},
	}, {
		name:    "two confirmed bindings on one member: the first wins, the second is stale",
		members: []Member{A}, locals: []Local{a, b},
		existing: []Existing{
			{Account: "a", UserID: "A", State: StateConfirmed, Method: MethodName},
			{Account: "b", UserID: "A", State: StateConfirmed, Method: MethodName},
		},
		want:      []Proposal{bindingP("a", "A", MethodName, StateConfirmed)},
		unboundL:  []string{"b"},
		wantStale: []Existing{{Account: "b", UserID: "A", State: StateConfirmed, Method: MethodName}},
	}, {
		name:    "import proposal kept as proposed; earlier proposals of derived methods recomputed",
		members: []Member{A, B}, locals: []Local{a, b},
		existing: []Existing{
			{Account: "a", UserID: "A", State: StateProposed, Method: MethodImport},
			{Account: "b", UserID: "A", State: StateProposed, Method: MethodName},
		},
		want: []Proposal{
			bindingP("a", "A", MethodImport, StateProposed),
			bindingP("b", "B", MethodName, StateProposed),
		},
		wantArgs: []map[string]string{
			{"code": "proposed_by", "method": "import"},
			{"code": "name_same_dept", "name": "李四", "dept": "研发"},
		},
	}, {
		name:    "an import proposal on a rejected pair is stale, not proposed",
		members: []Member{A}, locals: []Local{a},
		existing: []Existing{
			{Account: "a", UserID: "A", State: StateProposed, Method: MethodImport},
			{Account: "a", UserID: "A", State: StateRejected},
		},
		unboundL:  []string{"a"},
		unboundM:  []string{"A"},
		wantStale: []Existing{{Account: "a", UserID: "A", State: StateProposed, Method: MethodImport}},
	}, {
		name:    "confirmed resigned account kept for an active member",
		members: []Member{A}, locals: []Local{resigned(a)},
		existing: []Existing{{Account: "a", UserID: "A", State: StateConfirmed, Method: MethodUserID}},
		want:     []Proposal{bindingP("a", "A", MethodUserID, StateConfirmed)},
	}})
}

func TestMatchKeys(t *testing.T) {
	runMatchCases(t, []matchCase{{
		name:       "userid = account, case-insensitive",
		members:    []Member{mem("zhangwei", "张伟", "")},
		locals:     []Local{loc("ZhangWei", "张伟 (new)", "")},
		policy:     byAccount,
		want:       []Proposal{bindingP("ZhangWei", "zhangwei", MethodUserID, StateProposed)},
		wantReason: []string{"WeCom userid zhangwei = account ZhangWei"},
		wantArgs:   []map[string]string{{"code": "key_userid", "userid": "zhangwei", "account": "ZhangWei"}},
	}, {
		name:       "userid = employee_no",
		members:    []Member{mem("e001", "张伟", "")},
		locals:     []Local{withEmpNo(loc("zw", "Zhang Wei", ""), "E001")},
		policy:     byEmpNo,
		want:       []Proposal{bindingP("zw", "e001", MethodEmployeeNo, StateProposed)},
		wantReason: []string{"employee number E001"},
		wantArgs:   []map[string]string{{"code": "key_employee_no", "userid": "e001", "employee_no": "E001"}},
	}, {
		name:     "userid = account not used when not configured",
		members:  []Member{mem("zw", "张伟", "")},
		locals:   []Local{loc("zw", "李四", "")},
		policy:   byEmpNo,
		unboundL: []string{"zw"}, unboundM: []string{"zw"},
	}, {
		name:       "mobile with +86 prefix",
		members:    []Member{mMobile(mem("u1", "张伟", ""), "13812345678")},
		locals:     []Local{withMobile(loc("a", "张伟", ""), "+86 138-1234-5678")},
		policy:     byAccount,
		want:       []Proposal{bindingP("a", "u1", MethodMobile, StateProposed)},
		wantReason: []string{"same mobile 13812345678"},
		wantArgs:   []map[string]string{{"code": "key_mobile", "mobile": "13812345678"}},
	}, {
		name:       "email in mixed case",
		members:    []Member{mEmail(mem("u1", "张伟", ""), "zhang.wei@example.com")},
		locals:     []Local{withEmail(loc("a", "Zhang Wei", ""), " Zhang.Wei@Example.COM")},
		policy:     byAccount,
		want:       []Proposal{bindingP("a", "u1", MethodEmail, StateProposed)},
		wantReason: []string{"same email zhang.wei@example.com"},
		wantArgs:   []map[string]string{{"code": "key_email", "email": "zhang.wei@example.com"}},
	}, {
		name:    "two keys of one account point at the same member: one binding, earliest key",
		members: []Member{mMobile(mEmail(mem("a", "张伟", ""), "a@x.cn"), "13800000001")},
		locals:  []Local{withEmail(withMobile(loc("a", "张伟", ""), "13800000001"), "A@x.cn")},
		policy:  byAccount,
		want:    []Proposal{bindingP("a", "a", MethodUserID, StateProposed)},
	}, {
		name: "two accounts' keys point at the same member: earlier key wins, the other stays free",
		members: []Member{
			mMobile(mem("x", "张伟", ""), "13800000001"),
			mem("c", "李四", ""),
		},
		locals: []Local{
			withMobile(loc("y", "李四", ""), "13800000001"),
			loc("x", "张伟", ""),
		},
		policy: byAccount,
		want: []Proposal{
			bindingP("y", "c", MethodName, StateProposed),
			bindingP("x", "x", MethodUserID, StateProposed),
		},
	}, {
		name: "mobile says A, email says B: ambiguous with both",
		members: []Member{
			mMobile(mem("A", "张伟", "公司/研发"), "13800000001"),
			mEmail(mem("B", "张伟", "公司/销售"), "zw@x.cn"),
		},
		locals: []Local{withEmail(withMobile(loc("zw", "张伟", ""), "13800000001"), "zw@x.cn")},
		policy: byAccount,
		want: []Proposal{ambLocal("zw", MethodMobile, ConfidenceAmbiguousKeys,
			candM(mMobile(mem("A", "张伟", "公司/研发"), "13800000001"), MethodMobile, 0.97),
			candM(mEmail(mem("B", "张伟", "公司/销售"), "zw@x.cn"), MethodEmail, 0.95))},
		wantReason: []string{"A (mobile) B (email)"},
		wantArgs:   []map[string]string{{"code": "key_conflict", "userids": "A, B", "methods": "mobile, email"}},
	}, {
		name:    "userid = account says A, userid = employee_no says B: ambiguous",
		members: []Member{mem("a1", "张伟", ""), mem("e1", "张伟", "")},
		locals:  []Local{withEmpNo(loc("a1", "张伟", ""), "E1")},
		policy:  byBothKeys,
		want: []Proposal{ambLocal("a1", MethodUserID, ConfidenceAmbiguousKeys,
			candM(mem("a1", "张伟", ""), MethodUserID, 0.99),
			candM(mem("e1", "张伟", ""), MethodEmployeeNo, 0.99))},
	}, {
		name: "a member claimed by a stronger key is not evidence of a conflict",
		members: []Member{
			mMobile(mem("A", "甲", ""), "13800000001"),
			mEmail(mem("y", "乙", ""), "x@x.cn"),
		},
		locals: []Local{
			withEmail(withMobile(loc("x", "丙", ""), "13800000001"), "x@x.cn"),
			loc("y", "丁", ""),
		},
		policy: byAccount,
		want: []Proposal{
			bindingP("x", "A", MethodMobile, StateProposed),
			bindingP("y", "y", MethodUserID, StateProposed),
		},
	}, {
		name:    "two accounts share one mobile: ambiguous on the member",
		members: []Member{mMobile(mem("A", "张伟", ""), "13800000001"), mem("B", "李四", "")},
		locals: []Local{
			withMobile(loc("x", "张伟", "公司/研发"), "138 0000 0001"),
			withMobile(loc("y", "李四", "公司/销售"), "+8613800000001"),
		},
		policy: byAccount,
		want: []Proposal{ambMember("A", MethodMobile, ConfidenceAmbiguousKeys,
			candL(withMobile(loc("x", "张伟", "公司/研发"), "138 0000 0001"), MethodMobile, 0.97),
			candL(withMobile(loc("y", "李四", "公司/销售"), "+8613800000001"), MethodMobile, 0.97))},
		unboundM:   []string{"B"}, // y is held by the ambiguous row, so its name is not tried
		wantReason: []string{"share this member's mobile: x, y"},
		wantArgs:   []map[string]string{{"code": "key_shared", "method": "mobile", "accounts": "x, y"}},
	}, {
		name:     "resigned account not proposed for an active member, by key or by name",
		members:  []Member{mem("a", "张伟", "")},
		locals:   []Local{resigned(loc("a", "张伟", ""))},
		policy:   byAccount,
		unboundL: []string{"a"}, unboundM: []string{"a"},
	}, {
		name:    "resigned account may match an inactive member",
		members: []Member{inactive(mem("a", "张伟", ""))},
		locals:  []Local{resigned(loc("a", "张伟", ""))},
		policy:  byAccount,
		want:    []Proposal{bindingP("a", "a", MethodUserID, StateProposed)},
	}, {
		name:    "active account may match an inactive member",
		members: []Member{inactive(mem("a", "张伟", ""))},
		locals:  []Local{loc("a", "张伟", "")},
		policy:  byAccount,
		want:    []Proposal{bindingP("a", "a", MethodUserID, StateProposed)},
	}, {
		name:     "unsupported key pair is skipped",
		members:  []Member{mem("a", "甲", "")},
		locals:   []Local{loc("a", "乙", "")},
		policy:   Policy{KeyPairs: []KeyPair{{WeCom: "mobile", Local: "account"}}},
		unboundL: []string{"a"}, unboundM: []string{"a"},
	}, {
		name:    "duplicate ids: the first record wins, the rest are skipped",
		members: []Member{mem("a", "甲", ""), mem("A", "甲", "")},
		locals:  []Local{loc("a", "乙", ""), loc("a", "甲", ""), loc("", "甲", "")},
		policy:  byAccount,
		want:    []Proposal{bindingP("a", "a", MethodUserID, StateProposed)},
	}})
}

func TestMatchPolicyAutoConfirm(t *testing.T) {
	members := []Member{mem("a", "甲", ""), mMobile(mem("u2", "乙", ""), "13800000002"), mem("u3", "丙", "")}
	locals := []Local{loc("a", "甲", ""), withMobile(loc("b", "乙", ""), "13800000002"), loc("c", "丙", "")}
	for _, tc := range []struct {
		keys, names bool
		want        []State
	}{
		{false, false, []State{StateProposed, StateProposed, StateProposed}},
		{true, false, []State{StateConfirmed, StateConfirmed, StateProposed}},
		{false, true, []State{StateProposed, StateProposed, StateConfirmed}},
		{true, true, []State{StateConfirmed, StateConfirmed, StateConfirmed}},
	} {
		t.Run(fmt.Sprintf("keys=%v,names=%v", tc.keys, tc.names), func(t *testing.T) {
			p := byAccount
			p.AutoConfirmKeys, p.AutoConfirmNames = tc.keys, tc.names
			r := Match(members, locals, nil, p)
			want := []Proposal{
				bindingP("a", "a", MethodUserID, tc.want[0]),
				bindingP("b", "u2", MethodMobile, tc.want[1]),
				bindingP("c", "u3", MethodName, tc.want[2]),
			}
			for i := range r.Proposals {
				clearReason(&r.Proposals[i])
			}
			if !reflect.DeepEqual(r.Proposals, want) {
				t.Fatalf("got %s\nwant %s", dump(r.Proposals), dump(want))
			}
		})
	}
}

// Ambiguous rows are never auto-confirmed, whatever the policy.
func TestMatchAmbiguousNeverAutoConfirmed(t *testing.T) {
	p := Policy{AutoConfirmKeys: true, AutoConfirmNames: true}
	r := Match([]Member{mem("A", "张伟", "公司/研发"), mem("B", "张伟", "公司/研发")},
		[]Local{loc("a", "张伟", "公司/研发")}, nil, p)
	if len(r.Proposals) != 1 || r.Proposals[0].State != StateAmbiguous {
		t.Fatalf("got %s", dump(r.Proposals))
	}
}

func TestPolicyValidate(t *testing.T) {
	if err := byBothKeys.Validate(); err != nil {
		t.Fatal(err)
	}
	if err := DefaultPolicy().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := Policy{KeyPairs: []KeyPair{{WeCom: FieldUserID, Local: FieldAccount}, {WeCom: "userid", Local: "mobile"}}}
	if err := bad.Validate(); err == nil || !strings.Contains(err.Error(), "key pair 2") {
		t.Fatalf("Validate() = %v, want an error naming key pair 2", err)
	}
}

func TestMatchStats(t *testing.T) {
	members := []Member{mem("a", "甲", ""), mem("B", "张伟", "x/研发"), mem("C", "张伟", "x/研发"), mem("D", "丁", ""), mem("", "空", "")}
	locals := []Local{loc("a", "甲", ""), loc("z", "张伟", "x/研发"), loc("q", "戊", ""), loc("r", "己", "")}
	existing := []Existing{{Account: "q", UserID: "D", State: StateRejected}}
	r := Match(members, locals, existing, byAccount)
	want := Stats{
		Locals: 4, Members: 4, SkippedMembers: 1,
		ByMethod:       map[Method]int{MethodUserID: 1},
		ByState:        map[State]int{StateProposed: 1, StateAmbiguous: 1},
		NamesakeGroups: 1,
		RejectedPairs:  1,
	}
	if !reflect.DeepEqual(r.Stats, want) {
		t.Fatalf("stats = %+v, want %+v", r.Stats, want)
	}
}

// Match is deterministic and leaves its input alone.
func TestMatchDeterministicAndPure(t *testing.T) {
	members, locals, existing, _ := synthetic(2000, 7)
	before := fmt.Sprintf("%v%v%v", members, locals, existing)
	r1 := Match(members, locals, existing, byAccount)
	r2 := Match(members, locals, existing, byAccount)
	if !reflect.DeepEqual(r1, r2) {
		t.Fatal("two runs differ")
	}
	if after := fmt.Sprintf("%v%v%v", members, locals, existing); after != before {
		t.Fatal("Match modified its input")
	}
	checkOneToOne(t, r1)
}

// checkOneToOne asserts the global invariant: each account and each userid is
// in at most one binding, and records in bindings are in no ambiguous row.
func checkOneToOne(t *testing.T, r Result) {
	t.Helper()
	accounts, userids := map[string]bool{}, map[string]bool{}
	for _, p := range r.Proposals {
		if p.State == StateAmbiguous {
			continue
		}
		if accounts[p.Account] || userids[strings.ToLower(p.UserID)] {
			t.Fatalf("%s|%s bound twice", p.Account, p.UserID)
		}
		accounts[p.Account], userids[strings.ToLower(p.UserID)] = true, true
	}
	for _, p := range r.Proposals {
		if p.State != StateAmbiguous {
			continue
		}
		if accounts[p.Account] || userids[strings.ToLower(p.UserID)] {
			t.Fatalf("ambiguous row anchored on a bound record: %+v", p)
		}
		for _, c := range p.Candidates {
			if accounts[c.Account] || userids[strings.ToLower(c.UserID)] {
				t.Fatalf("bound record offered as a candidate: %+v", c)
			}
		}
	}
}
