package review

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
)

// ids lists "account/userid" of a page's rows, for exact comparisons.
func ids(p Page) []string {
	out := []string{}
	for _, r := range p.Rows {
		out = append(out, r.Account+"/"+r.UserID)
	}
	return out
}

func (e *env) list(q Query) Page {
	e.t.Helper()
	p, err := e.svc.List(bg, e.corp, q)
	if err != nil {
		e.t.Fatal(err)
	}
	return p
}

func TestListFilters(t *testing.T) {
	e := fixtureEnv(t)
	if _, err := e.svc.Confirm(bg, e.corp, []int64{e.find(StateProposed, "u9", "sun7").ID}, admin); err != nil {
		t.Fatal(err)
	}
	if _, err := e.svc.Reject(bg, e.corp, []int64{e.find(StateProposed, "u2", "wx_li").ID}, admin); err != nil {
		t.Fatal(err)
	}
	cases := map[string][]string{
		FilterAll:          {"u1/u1", "u2/wx_li", "u7/liuyang1", "u8/liuyang2", "u9/sun7", "/zhangwei_a", "/zhangwei_b", "u5/", "/wx_zhao", "u2/", "/wx_li"},
		"":                 {"u1/u1", "u2/wx_li", "u7/liuyang1", "u8/liuyang2", "u9/sun7", "/zhangwei_a", "/zhangwei_b", "u5/", "/wx_zhao", "u2/", "/wx_li"},
		FilterReview:       {"u1/u1", "u7/liuyang1", "u8/liuyang2"},
		FilterAmbiguous:    {"/zhangwei_a", "/zhangwei_b"},
		FilterConfirmed:    {"u9/sun7"},
		FilterRejected:     {"u2/wx_li"},
		FilterUnboundLocal: {"u5/", "u2/"},
		FilterUnboundWeCom: {"/wx_zhao", "/wx_li"},
	}
	for f, want := range cases {
		p := e.list(Query{Filter: f})
		if got := ids(p); !reflect.DeepEqual(got, want) || p.Total != len(want) {
			t.Errorf("filter %q: total %d, %v; want %v", f, p.Total, got, want)
		}
	}
	if got := ids(e.list(Query{Method: "name+department"})); !reflect.DeepEqual(got, []string{"u7/liuyang1", "u8/liuyang2"}) {
		t.Errorf("method filter: %v", got)
	}
	if got := ids(e.list(Query{Filter: FilterReview, Method: "userid"})); !reflect.DeepEqual(got, []string{"u1/u1"}) {
		t.Errorf("filter+method: %v", got)
	}
}

func TestListSearchesEveryColumn(t *testing.T) {
	e := fixtureEnv(t)
	cases := []struct {
		q    string
		want []string
	}{
		{"李四", []string{"u2/wx_li"}},                      // name, both sides
		{"WX_LI", []string{"u2/wx_li"}},                   // userid, any case
		{"u7", []string{"u7/liuyang1"}},                   // account
		{"后端组", []string{"u7/liuyang1"}},                  // department path
		{"某某科技/市场部", []string{"u2/wx_li", "u8/liuyang2"}}, // WeCom department path
		{"行政部", []string{"/wx_zhao"}},                     // unbound member's department
		{"13800138001", []string{"u1/u1"}},                // full mobile
		{"138-0013-8001", []string{"u1/u1"}},              // mobile as typed
		{"+86 138 0013 8001", []string{"u1/u1"}},          // with the China prefix and spaces
		{"138 0013", []string{"u1/u1"}},                   // part of it, grouped as displayed
		{"138****8001", []string{"u1/u1"}},                // as the screen masks it
		{"138＊＊＊＊8001", []string{"u1/u1"}},                // masked, typed with full-width stars
		{"139****8001", []string{}},                       // a masked mobile's parts come from one number
		{"1111", []string{"u5/"}},                         // mobile digits
		{"sun@corp", []string{"u9/sun7"}},                 // email
		{"e005", []string{"u5/"}},                         // employee number
		{"zw2", []string{"/zhangwei_a", "/zhangwei_b"}},   // a candidate of ambiguous rows
		{"张伟 zhangwei_b", []string{"/zhangwei_b"}},        // every term must match
		{"刘洋 市场部", []string{"u8/liuyang2"}},               // name + department
		{"ＬＩＵＹＡＮＧ２", []string{"u8/liuyang2"}},             // full-width typed
		{"nobody", []string{}},                            //
		{"  ", []string{"u1/u1", "u2/wx_li", "u7/liuyang1", "u8/liuyang2", "u9/sun7", "/zhangwei_a", "/zhangwei_b", "u5/", "/wx_zhao"}},
	}
	for _, c := range cases {
		p := e.list(Query{Search: c.q})
		if got := ids(p); !reflect.DeepEqual(got, c.want) || p.Total != len(c.want) {
			t.Errorf("search %q: total %d, %v; want %v", c.q, p.Total, got, c.want)
		}
	}
	if got := ids(e.list(Query{Filter: FilterReview, Search: "某某科技/市场部"})); !reflect.DeepEqual(got, []string{"u2/wx_li", "u8/liuyang2"}) {
		t.Errorf("filter+search: %v", got)
	}
	if got := ids(e.list(Query{Filter: FilterAmbiguous, Search: "李四"})); len(got) != 0 {
		t.Errorf("filter+search: %v", got)
	}
}

func TestListSortsAndPages(t *testing.T) {
	e := fixtureEnv(t)
	sorts := map[string][]string{
		"account":    {"u1/u1", "u2/wx_li", "u5/", "u7/liuyang1", "u8/liuyang2", "u9/sun7", "/zhangwei_a", "/zhangwei_b", "/wx_zhao"},
		"userid":     {"u7/liuyang1", "u8/liuyang2", "u9/sun7", "u1/u1", "u2/wx_li", "/wx_zhao", "/zhangwei_a", "/zhangwei_b", "u5/"},
		"confidence": {"u5/", "/wx_zhao", "/zhangwei_a", "/zhangwei_b", "u2/wx_li", "u7/liuyang1", "u8/liuyang2", "u9/sun7", "u1/u1"},
	}
	for s, want := range sorts {
		if got := ids(e.list(Query{Sort: s})); !reflect.DeepEqual(got, want) {
			t.Errorf("sort %s: %v\nwant %v", s, got, want)
		}
	}
	p := e.list(Query{Sort: "-confidence", Offset: 1, Limit: 2})
	if p.Total != 9 || !reflect.DeepEqual(ids(p), []string{"u9/sun7", "u7/liuyang1"}) {
		t.Errorf("page: %d %v", p.Total, ids(p))
	}
	if p := e.list(Query{Offset: 100}); p.Total != 9 || len(p.Rows) != 0 {
		t.Errorf("past the end: %+v", p)
	}
	// A bad list parameter is a catalogue message naming the field and the
	// values it takes, in both languages (not plain English).
	bad := map[string]Query{
		"review_bad_limit": {Limit: 201}, "review_bad_offset": {Offset: -1}, "review_bad_filter": {Filter: "pending"},
		"review_bad_sort": {Sort: "random"}, "review_bad_method": {Method: "guess"},
	}
	bad["review_bad_limit "] = Query{Limit: -1}
	for code, q := range bad {
		_, err := e.svc.List(bg, e.corp, q)
		m, ok := usererr.As(err)
		if !errors.Is(err, ErrInvalid) || !ok || m.Code != strings.TrimSpace(code) || !strings.Contains(m.ZH, "：") {
			t.Errorf("query %+v: want ErrInvalid with message %s, got %v", q, code, err)
		}
	}
	_, err := e.svc.List(bg, e.corp, Query{Method: "guess"})
	if m, _ := usererr.As(err); !strings.Contains(m.EN, "mobile_lookup") || !strings.Contains(m.ZH, "guess") {
		t.Errorf("method refusal does not name the choices: %v", err)
	}
}

func TestListKeepsCandidatesCompact(t *testing.T) {
	var locals []LocalRecord
	for i := 0; i < 8; i++ {
		l := loc(fmt.Sprintf("ln%d", i), "李娜", fmt.Sprintf("总部/部门%d", i))
		l.Position, l.Mobile = "工程师", fmt.Sprintf("1380013800%d", i)
		locals = append(locals, l)
	}
	e := newEnv(t, locals, []MemberRecord{mem("lina", "李娜", "某某科技/其他")})
	e.rematch()
	p := e.list(Query{Filter: FilterAmbiguous})
	if p.Total != 1 {
		t.Fatalf("ambiguous rows: %d", p.Total)
	}
	r := p.Rows[0]
	if len(r.Candidates) != MaxCandidatesInPage || r.MoreCandidates != 3 || r.Candidates[0].Account != "ln0" {
		t.Fatalf("candidates %v, more %d", candIDs(r), r.MoreCandidates)
	}
	// A page's candidates are their ids: the details are the picker's.
	b, _ := json.Marshal(r)
	var m struct {
		More       *int             `json:"moreCandidates"`
		Candidates []map[string]any `json:"candidates"`
	}
	json.Unmarshal(b, &m)
	if m.More == nil || len(m.Candidates) != MaxCandidatesInPage {
		t.Fatalf("JSON lacks moreCandidates or candidates: %s", b)
	}
	for _, c := range m.Candidates {
		if len(c) != 1 || c["account"] == nil {
			t.Fatalf("a page's candidate carries more than its account: %s", b)
		}
	}
	// The picker lists them all, with their details, best first.
	list, err := e.svc.Candidates(bg, e.corp, r.ID)
	if err != nil || len(list.Candidates) != 8 || list.More != 0 || list.Candidates[0].Account != "ln0" ||
		list.Candidates[7].Position != "工程师" || list.Candidates[7].Mobile != "138****8007" {
		t.Fatalf("picker candidates %+v %v", list, err)
	}
	// Searching finds the row through a candidate beyond the first five.
	if got := ids(e.list(Query{Search: "ln7"})); !reflect.DeepEqual(got, []string{"/lina"}) {
		t.Fatalf("search ln7: %v", got)
	}
}

// The picker lists at most MaxPickerCandidates, counting the rest.
func TestCandidatesBounded(t *testing.T) {
	var locals []LocalRecord
	for i := 0; i < MaxPickerCandidates+3; i++ {
		locals = append(locals, loc(fmt.Sprintf("ln%02d", i), "李娜", fmt.Sprintf("总部/部门%d", i)))
	}
	e := newEnv(t, locals, []MemberRecord{mem("lina", "李娜", "某某科技/其他")})
	e.rematch()
	r := e.list(Query{Filter: FilterAmbiguous}).Rows[0]
	list, err := e.svc.Candidates(bg, e.corp, r.ID)
	if err != nil || len(list.Candidates) != MaxPickerCandidates || list.More != 3 {
		t.Fatalf("picker of %d candidates: %d listed, %d more, %v", MaxPickerCandidates+3, len(list.Candidates), list.More, err)
	}
}

// A page leaves out the English reason of a row with a code (the screen
// words the code), and only of such a row; whole rows keep it.
func TestListPageLeavesOutCodedReasonsText(t *testing.T) {
	e := fixtureEnv(t)
	e.st.DB.MustExec(`UPDATE bind_rows SET reason_code = '', reason_args = '' WHERE corp_id = ? AND userid = 'u1'`, e.corp)
	english := map[int64]string{}
	for _, r := range e.all() {
		if r.Reason == "" {
			t.Fatalf("whole row %d has no English reason: %+v", r.ID, r)
		}
		english[r.ID] = r.Reason
	}
	p := e.list(Query{})
	if len(p.Rows) != len(english) {
		t.Fatalf("page of %d rows, %d rows in all", len(p.Rows), len(english))
	}
	coded, legacy := 0, 0
	for _, r := range p.Rows {
		b, _ := json.Marshal(r)
		var m map[string]any
		json.Unmarshal(b, &m)
		_, hasText := m["reason"]
		switch {
		case r.ReasonCode != "":
			coded++
			if hasText || m["reason_code"] != r.ReasonCode {
				t.Errorf("coded row %d in a page: %s; want reason_code without reason", r.ID, b)
			}
		case r.Reason != english[r.ID] || r.Account != "u1":
			t.Errorf("row %d without a code in a page: %s; want only u1's, with reason %q", r.ID, b, english[r.ID])
		default:
			legacy++
		}
	}
	if coded != len(p.Rows)-1 || legacy != 1 {
		t.Fatalf("%d coded rows and %d without a code in a page of %d", coded, legacy, len(p.Rows))
	}
}
