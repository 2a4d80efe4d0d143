package binding

import (
	"reflect"
	"testing"
)

// A privacy-restricted app sees names only: two 韩梅梅 on each side are
// ambiguous by name; WeCom's lookups of the accounts' mobiles bind them
// with certainty (0.98), and the reason names the masked mobile and userid.
func TestLookupsBindNamesakes(t *testing.T) {
	ms := []Member{mem("HanMeimei", "韩梅梅", "公司/研发"), mem("hanmm2", "韩梅梅", "公司/研发")}
	ls := []Local{withMobile(loc("hmm1", "韩梅梅", "公司/研发"), "13800138000"), withEmail(loc("hmm2", "韩梅梅", "公司/研发"), "Hmm2@Example.com")}

	r := Match(ms, ls, nil, noKeyPairs)
	if len(r.Proposals) != 2 || r.Proposals[0].State != StateAmbiguous || r.Proposals[1].State != StateAmbiguous {
		t.Fatalf("without lookups: %s, want two ambiguous rows", dump(r.Proposals))
	}
	if got := r.Unsettled(ls); !reflect.DeepEqual(got, []int{0, 1}) {
		t.Fatalf("unsettled = %v, want both accounts", got)
	}

	lk := Lookups{Mobile: map[string]string{"13800138000": "hanmeimei"}, Email: map[string]string{"hmm2@example.com": "hanmm2"}}
	r = MatchLookups(ms, ls, nil, noKeyPairs, lk)
	want := []Proposal{bindingP("hmm1", "HanMeimei", MethodMobileLookup, StateProposed), bindingP("hmm2", "hanmm2", MethodEmailLookup, StateProposed)}
	if len(r.Proposals) != 2 {
		t.Fatalf("with lookups: %s", dump(r.Proposals))
	}
	for i, p := range r.Proposals {
		if p.Account != want[i].Account || p.UserID != want[i].UserID || p.Method != want[i].Method || p.State != want[i].State || p.Confidence != 0.98 {
			t.Errorf("proposal %d = %s, want %s at 0.98", i, dump([]Proposal{p}), dump([]Proposal{want[i]}))
		}
	}
	if p := r.Proposals[0]; p.ReasonCode != ReasonKeyMobileLookup || !reflect.DeepEqual(p.Args(), map[string]string{"mobile": "138****8000", "userid": "HanMeimei"}) ||
		p.Reason != "WeCom says mobile 138****8000 belongs to HanMeimei" {
		t.Errorf("reason = %q %s %v", p.Reason, p.ReasonCode, p.Args())
	}
	if got := r.Unsettled(ls); len(got) != 0 {
		t.Errorf("unsettled after lookups = %v, want none", got)
	}
	// AutoConfirmKeys confirms lookup bindings like other keys.
	r = MatchLookups(ms, ls, nil, Policy{AutoConfirmKeys: true}, lk)
	if r.Proposals[0].State != StateConfirmed {
		t.Errorf("auto-confirm keys: %s", dump(r.Proposals[:1]))
	}
}

// Lookups never override a person: a confirmed pair stays, a rejected pair is
// never proposed, and key matches and decided rows are not unsettled.
func TestLookupsRespectDecisions(t *testing.T) {
	ms := []Member{mem("u1", "李雷", "公司"), mem("u2", "李雷", "公司"), mMobile(mem("u3", "王芳", "公司"), "13900000003")}
	ls := []Local{
		withMobile(loc("a", "李雷", "公司"), "13900000001"),
		withMobile(loc("b", "李雷", "公司"), "13900000002"),
		withMobile(loc("c", "王芳", "公司"), "13900000003"), // settled by the mobile key
		withMobile(resigned(loc("d", "赵六", "公司")), "13900000004"),
	}
	lk := Lookups{Mobile: map[string]string{"13900000001": "u2", "13900000002": "u2"}}
	ex := []Existing{{Account: "a", UserID: "u1", State: StateConfirmed}, {Account: "b", UserID: "u2", State: StateRejected}}
	r := MatchLookups(ms, ls, ex, noKeyPairs, lk)
	if p := r.Proposals[0]; p.Account != "a" || p.UserID != "u1" || p.State != StateConfirmed {
		t.Errorf("confirmed pair: %s", dump(r.Proposals))
	}
	for _, p := range r.Proposals {
		if p.Account == "b" && p.UserID == "u2" {
			t.Errorf("rejected pair proposed by lookup: %s", dump([]Proposal{p}))
		}
	}
	if got := r.Unsettled(ls); !reflect.DeepEqual(got, []int{1}) {
		t.Errorf("unsettled = %v, want only b (a decided, c keyed, d resigned)", got)
	}
}

func TestMaskMobile(t *testing.T) {
	for in, want := range map[string]string{"": "", "13800138000": "138****8000", "+8613800138000": "+86****8000", "12345": "*2345", "123": "****"} {
		if got := MaskMobile(in); got != want {
			t.Errorf("MaskMobile(%q) = %q, want %q", in, got, want)
		}
	}
}
