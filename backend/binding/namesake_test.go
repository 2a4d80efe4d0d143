package binding

import "testing"

func TestMatchNames(t *testing.T) {
	const (
		rdBackend = "总部/研发中心/后端组"
		mkBrand   = "总部/市场部/品牌组"
		fiAcct    = "总部/财务部/会计组"
	)
	l1, l2, l3 := loc("l1", "张伟", rdBackend), loc("l2", "张伟", mkBrand), loc("l3", "张伟", fiAcct)
	A, B := mem("A", "张伟", "某某科技/研发中心/后端组"), mem("B", "张伟", "某某科技/市场部/品牌组")

	same := "公司/研发/后端"
	sz := loc("z", "张伟", same)
	sx, sy := loc("x", "张伟", same), loc("y", "张伟", same)
	sA, sB := mem("A", "张伟", same), mem("B", "张伟", same)

	twoDepts := mem("A", "张伟", "")
	twoDepts.DeptPaths = paths("公司/研发/后端", "公司/财务/会计")

	runMatchCases(t, []matchCase{{
		name:    "3 local 张伟 vs 2 WeCom in different departments: 2 by department, the third unbound",
		members: []Member{A, B}, locals: []Local{l1, l2, l3},
		want: []Proposal{
			bindingP("l1", "A", MethodNameDept, StateProposed),
			bindingP("l2", "B", MethodNameDept, StateProposed),
		},
		unboundL:   []string{"l3"},
		wantReason: []string{"department 后端组 fits best (score 0.75)", "department 品牌组"},
		wantArgs: []map[string]string{
			{"code": "namesake_dept", "name": "张伟", "locals": "3", "wecom": "2", "dept": "后端组", "score": "0.75"},
			{"code": "namesake_dept", "name": "张伟", "locals": "3", "wecom": "2", "dept": "品牌组", "score": "0.75"},
		},
	}, {
		name:    "same name in the same department: ambiguous on the local",
		members: []Member{sA, sB}, locals: []Local{sz},
		want: []Proposal{ambLocal("z", MethodName, ConfidenceAmbiguousName,
			candM(sA, MethodName, 1), candM(sB, MethodName, 1))},
		wantReason: []string{"departments do not tell them apart"},
		wantArgs:   []map[string]string{{"code": "namesake_ambiguous", "name": "张伟", "locals": "1", "wecom": "2"}},
	}, {
		name:    "two locals, one member, same department: ambiguous on the member",
		members: []Member{sA}, locals: []Local{sx, sy},
		want: []Proposal{ambMember("A", MethodName, ConfidenceAmbiguousName,
			candL(sx, MethodName, 1), candL(sy, MethodName, 1))},
	}, {
		name:    "two and two in the same department: a row per local",
		members: []Member{sA, sB}, locals: []Local{sx, sy},
		want: []Proposal{
			ambLocal("x", MethodName, ConfidenceAmbiguousName, candM(sA, MethodName, 1), candM(sB, MethodName, 1)),
			ambLocal("y", MethodName, ConfidenceAmbiguousName, candM(sA, MethodName, 1), candM(sB, MethodName, 1)),
		},
	}, {
		name: "one resolved by department, the tied rest ambiguous",
		members: []Member{
			mem("A", "张伟", "公司/研发/后端"), mem("B", "张伟", "公司/市场/品牌"), mem("C", "张伟", "公司/市场/品牌"),
		},
		locals: []Local{
			loc("l1", "张伟", "公司/研发/后端"), loc("l2", "张伟", "公司/市场/品牌"), loc("l3", "张伟", "公司/市场/品牌"),
		},
		want: []Proposal{
			bindingP("l1", "A", MethodNameDept, StateProposed),
			ambLocal("l2", MethodName, ConfidenceAmbiguousName,
				candM(mem("B", "张伟", "公司/市场/品牌"), MethodName, 1), candM(mem("C", "张伟", "公司/市场/品牌"), MethodName, 1)),
			ambLocal("l3", MethodName, ConfidenceAmbiguousName,
				candM(mem("B", "张伟", "公司/市场/品牌"), MethodName, 1), candM(mem("C", "张伟", "公司/市场/品牌"), MethodName, 1)),
		},
	}, {
		name:    "one-to-one name: Tom Li vs tom  li",
		members: []Member{mem("u1", "tom  li", "x/研发")}, locals: []Local{loc("a", "Tom Li", "y/研发")},
		want:       []Proposal{bindingP("a", "u1", MethodName, StateProposed)},
		wantReason: []string{"only one “Tom Li” on each side; same department 研发"},
		wantArgs:   []map[string]string{{"code": "name_same_dept", "name": "Tom Li", "dept": "研发"}},
	}, {
		name:    "one-to-one name: full-width letters and space",
		members: []Member{mem("u1", "ＴＯＭ　ＬＩ", "x/研发")}, locals: []Local{loc("a", "Tom Li", "x/销售")},
		want:       []Proposal{bindingP("a", "u1", MethodName, StateProposed)},
		wantReason: []string{"departments differ"},
		wantArgs:   []map[string]string{{"code": "name_depts_differ", "name": "Tom Li"}},
	}, {
		name:    "one-to-one name: full-width space inside a Chinese name",
		members: []Member{mem("u1", "欧阳\u3000娜娜", "")}, locals: []Local{loc("a", " 欧阳 娜娜", "")},
		want: []Proposal{bindingP("a", "u1", MethodName, StateProposed)},
	}, {
		name:    "one-to-one name: zero-width space pasted into a name",
		members: []Member{mem("u1", "张\u200b伟", "")}, locals: []Local{loc("a", "张伟", "")},
		want: []Proposal{bindingP("a", "u1", MethodName, StateProposed)},
	}, {
		name:    "different names do not match",
		members: []Member{mem("u1", "张伟", "")}, locals: []Local{loc("a", "张玮", "")},
		unboundL: []string{"a"}, unboundM: []string{"u1"},
	}, {
		name: "tie-break 1: equal leaf beats a larger overlap",
		members: []Member{
			mem("A", "张伟", "公司/研发/前端"), // overlap 2/4, other leaf: 0.25
			mem("B", "张伟", "其他/销售/后端"), // same leaf, overlap 1/5: 0.6
		},
		locals:   []Local{loc("z", "张伟", "公司/研发/后端")},
		want:     []Proposal{bindingP("z", "B", MethodNameDept, StateProposed)},
		unboundM: []string{"A"},
	}, {
		name: "tie-break 2: among equal leaves, the larger overlap wins",
		members: []Member{
			mem("A", "张伟", "上海分公司/研发/后端"),
			mem("B", "张伟", "北京分公司/研发/后端"),
		},
		locals:   []Local{loc("z", "张伟", "北京分公司/研发/后端")},
		want:     []Proposal{bindingP("z", "B", MethodNameDept, StateProposed)},
		unboundM: []string{"A"},
	}, {
		name: "tie-break 3: a best match without an equal leaf is not enough; candidates best first",
		members: []Member{
			mem("B", "张伟", "其他/财务"),
			mem("A", "张伟", "公司/研发"),
		},
		locals: []Local{loc("z", "张伟", "公司/销售")},
		want: []Proposal{ambLocal("z", MethodName, ConfidenceAmbiguousName,
			candM(mem("A", "张伟", "公司/研发"), MethodName, 0.5*(1.0/3)),
			candM(mem("B", "张伟", "其他/财务"), MethodName, 0))},
	}, {
		name: "tie-break 4: a pair removed in one round settles a tie in the next",
		members: []Member{
			mem("A", "张伟", "P/研发/后端"),
			mem("B", "张伟", "Q2/研发/后端"),
		},
		locals: []Local{loc("l1", "张伟", "P/研发/后端"), loc("l2", "张伟", "Q/研发/后端")},
		want: []Proposal{
			bindingP("l1", "A", MethodNameDept, StateProposed),
			bindingP("l2", "B", MethodNameDept, StateProposed),
		},
	}, {
		name: "tie-break 5: a second department counts",
		members: []Member{
			mem("B", "张伟", "公司/研发/后端"),
			twoDepts,
		},
		locals:   []Local{loc("z", "张伟", "公司/财务/会计")},
		want:     []Proposal{bindingP("z", "A", MethodNameDept, StateProposed)},
		unboundM: []string{"B"},
	}, {
		name:     "a resigned namesake is out of the group: the other one is a plain name match",
		members:  []Member{mem("A", "张伟", "公司/销售")},
		locals:   []Local{resigned(loc("x", "张伟", "公司/研发")), loc("y", "张伟", "公司/财务")},
		want:     []Proposal{bindingP("y", "A", MethodName, StateProposed)},
		unboundL: []string{"x"},
	}, {
		name:    "a namesake bound by key leaves the group",
		members: []Member{mem("A", "张伟", "公司/销售"), mem("B", "张伟", "公司/研发")},
		locals:  []Local{loc("a", "张伟", "公司/研发"), loc("y", "张伟", "公司/研发")},
		policy:  byAccount,
		want: []Proposal{
			bindingP("a", "A", MethodUserID, StateProposed),
			bindingP("y", "B", MethodName, StateProposed),
		},
	}, {
		name:     "namesakes on one side only stay unbound",
		members:  []Member{mem("A", "李四", "")},
		locals:   []Local{loc("x", "张伟", "公司/研发"), loc("y", "张伟", "公司/研发")},
		unboundL: []string{"x", "y"}, unboundM: []string{"A"},
	}, {
		name:     "name match honours auto-confirm for names only",
		members:  []Member{mem("A", "张伟", "公司/研发"), mem("B", "张伟", "公司/销售")},
		locals:   []Local{loc("x", "张伟", "公司/研发")},
		policy:   Policy{AutoConfirmNames: true},
		want:     []Proposal{bindingP("x", "A", MethodNameDept, StateConfirmed)},
		unboundM: []string{"B"},
	}})
}
