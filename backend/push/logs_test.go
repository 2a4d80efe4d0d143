package push

import (
	"strings"
	"testing"
	"time"
)

// TestListLogsFiltersAndSearch: every filter agrees with a plain SQL count
// of the same rows, title search agrees with LIKE (two-character Chinese,
// Latin prefix, several words), newest first, and the count stops at CountCap.
func TestListLogsFiltersAndSearch(t *testing.T) {
	e := newEnv(t, envConfig{})
	e.svc.countCap = 300 // CountCap rows take half a minute to seed under -race
	newest := simStart
	seedLogs(t, e.svc, logSeed{n: 400, newest: newest, step: time.Minute, sources: []string{"oa", "hr", "crm", "日报"}})
	count := func(where string, args ...any) int {
		var n int
		if err := e.st.DB.Get(&n, `SELECT COUNT(*) FROM push_deliveries d WHERE `+where, args...); err != nil {
			t.Fatal(err)
		}
		return n
	}
	all, err := e.svc.ListLogs(e.ctx, Query{})
	if err != nil || all.Total != e.svc.countCap || !all.TotalCapped || len(all.Rows) != defaultPageSize {
		t.Fatalf("unfiltered = total %d capped %v rows %d, %v", all.Total, all.TotalCapped, len(all.Rows), err)
	}
	for i := 1; i < len(all.Rows); i++ {
		if all.Rows[i].Time.After(all.Rows[i-1].Time) {
			t.Fatal("rows are not newest first")
		}
	}
	from, to := newest.Add(-3*time.Hour), newest.Add(-time.Hour)
	cases := []struct {
		name  string
		q     Query
		where string
		args  []any
	}{
		{"source", Query{Source: "日报", Limit: 200}, `source = ?`, []any{"日报"}},
		{"status", Query{Status: StatusFailed}, `status = ?`, []any{StatusFailed}},
		{"time range", Query{From: from, To: to}, `created_at >= ? AND created_at < ?`, []any{ms(from), ms(to)}},
		{"recipient account", Query{Recipient: "ACC-u0042"}, `id IN (SELECT delivery_id FROM push_recipients WHERE name = 'acc-u0042')`, nil},
		{"recipient userid", Query{Recipient: "v0042"}, `id IN (SELECT delivery_id FROM push_recipients WHERE userid = 'v0042')`, nil},
		{"recipient rare", Query{Recipient: "u0399"}, `id IN (SELECT delivery_id FROM push_recipients WHERE userid = 'u0399')`, nil},
		{"search 2 characters", Query{Search: "报销"}, `title LIKE '%报销%'`, nil},
		{"search 1 character", Query{Search: "驳"}, `title LIKE '%驳%'`, nil},
		{"search 3 characters", Query{Search: "报销单"}, `title LIKE '%报销单%'`, nil},
		{"search 5 characters", Query{Search: "使用率过高"}, `title LIKE '%使用率过高%'`, nil},
		{"search across a run", Query{Search: "伟】会"}, `title LIKE '%伟】会%'`, nil},
		{"search latin prefix", Query{Search: "depl"}, `title LIKE '%deploy%'`, nil},
		{"search two words", Query{Search: "张伟 告警"}, `title LIKE '%张伟%' AND title LIKE '%告警%'`, nil},
		{"search in a time range", Query{Search: "审批", From: from, To: to}, `title LIKE '%审批%' AND created_at >= ? AND created_at < ?`, []any{ms(from), ms(to)}},
		{"search and recipient", Query{Search: "报销", Recipient: "acc-u0018"}, `title LIKE '%报销%' AND id IN (SELECT delivery_id FROM push_recipients WHERE name = 'acc-u0018')`, nil},
		{"all filters", Query{Source: "oa", Status: StatusSent, Search: "审批", From: newest.Add(-5 * time.Hour)},
			`source = 'oa' AND status = 'sent' AND title LIKE '%审批%' AND created_at >= ?`, []any{ms(newest.Add(-5 * time.Hour))}},
	}
	for _, c := range cases {
		want := count(c.where, c.args...)
		page, err := e.svc.ListLogs(e.ctx, c.q)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if want == 0 || page.Total != min(want, e.svc.countCap) || len(page.Rows) != min(want, max(c.q.Limit, defaultPageSize)) {
			t.Errorf("%s: total %d rows %d, want %d", c.name, page.Total, len(page.Rows), want)
		}
		for _, r := range page.Rows {
			if c.q.Source != "" && r.Source != c.q.Source || c.q.Status != "" && r.Status != c.q.Status {
				t.Errorf("%s: row %+v does not match", c.name, r)
				break
			}
			for _, w := range strings.Fields(c.q.Search) {
				if !strings.Contains(strings.ToLower(r.Title), w) {
					t.Errorf("%s: title %q lacks %q", c.name, r.Title, w)
				}
			}
		}
	}
	if _, err := e.svc.ListLogs(e.ctx, Query{Status: "done"}); err == nil {
		t.Error("an unknown status was accepted")
	}
	if _, err := e.svc.ListLogs(e.ctx, Query{Limit: 201}); err == nil {
		t.Error("a page of 201 was accepted")
	}
	page2, _ := e.svc.ListLogs(e.ctx, Query{Offset: 50})
	first100, _ := e.svc.ListLogs(e.ctx, Query{Limit: 100})
	if page2.Rows[0].ID != first100.Rows[50].ID {
		t.Errorf("page 2 starts at %d, want %d", page2.Rows[0].ID, first100.Rows[50].ID)
	}
	// A search pages in the same order as the plain log.
	searched, _ := e.svc.ListLogs(e.ctx, Query{Search: "报销", Limit: 200})
	var plain []int64
	for _, r := range first100.Rows {
		if strings.Contains(r.Title, "报销") {
			plain = append(plain, r.ID)
		}
	}
	for i, id := range plain {
		if searched.Rows[i].ID != id {
			t.Fatalf("search row %d is %d, the plain log has %d there", i, searched.Rows[i].ID, id)
		}
	}
}

func TestSearchTermsAndMatchQuery(t *testing.T) {
	if got := unigrams("周报ok"); got != " 周  报 ok" {
		t.Errorf("unigrams = %q", got)
	}
	if got := bigrams("CPU使用率高 a 周 b"); got != "CPU 使用  用率  率高  a  周  b" {
		t.Errorf("bigrams = %q", got)
	}
	if got := matchQuery(`报销 驳 "x" build  -- `); got != `bi:" 报销 " AND uni:" 驳 " AND uni:"""x""" AND uni:"build"*` {
		t.Errorf("matchQuery = %q", got)
	}
	if matchQuery(" -- ") != "" {
		t.Error("punctuation only should not search")
	}
}
