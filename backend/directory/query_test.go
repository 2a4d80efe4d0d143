package directory

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// seedForQueries imports 120 accounts: u001..u120, every 4th resigned,
// spread over 总部/研发中心/{后端组,前端组} and 总部/产品部; every 10th also in
// 总部/产品部 as a second department.
func seedForQueries(t *testing.T, s *Service) {
	lines := []string{"account,name,employee_no,mobile,email,department,status"}
	depts := []string{"总部/研发中心/后端组", "总部/研发中心/前端组", "总部/产品部"}
	for i := 1; i <= 120; i++ {
		name := fmt.Sprintf("员工%03d", i)
		if i%30 == 0 {
			name = "张伟" // four namesakes
		}
		dept := depts[i%3]
		if i%10 == 0 && dept != "总部/产品部" {
			dept += ";总部/产品部"
		}
		status := "在职"
		if i%4 == 0 {
			status = "离职"
		}
		lines = append(lines, fmt.Sprintf("u%03d,%s,E%04d,1380000%04d,u%03d@Example.com,%s,%s", i, name, i, i, i, dept, status))
	}
	mustImport(t, s, csvLines(lines...), ImportOptions{})
}

func TestListAccountsPagingSearchAndFilters(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	seedForQueries(t, s)
	tree, err := s.AllDepartments(ctx)
	if err != nil {
		t.Fatal(err)
	}
	id := map[string]int64{}
	for _, d := range tree {
		id[joinPath(d.Path)] = d.ID
	}

	list := func(q Query) AccountPage {
		t.Helper()
		page, err := s.ListAccounts(ctx, q)
		if err != nil {
			t.Fatalf("%+v: %v", q, err)
		}
		return page
	}
	accounts := func(p AccountPage) string {
		var out []string
		for _, r := range p.Rows {
			out = append(out, r.Account)
		}
		return strings.Join(out, ",")
	}

	// Paging: default sort by account, default limit 50.
	p := list(Query{})
	if p.Total != 120 || len(p.Rows) != 50 || p.Rows[0].Account != "u001" || p.Rows[49].Account != "u050" {
		t.Fatalf("page 1: total %d rows %d", p.Total, len(p.Rows))
	}
	// Times reach the UI as the text the old ISO columns held (store.Time.String); no resign time is "".
	if _, err := time.Parse("2006-01-02T15:04:05.000Z", p.Rows[0].UpdatedAt); err != nil || p.Rows[0].Status != StatusActive || p.Rows[0].ResignedAt != "" {
		t.Fatalf("row times: updated %q resigned %q (%s)", p.Rows[0].UpdatedAt, p.Rows[0].ResignedAt, p.Rows[0].Status)
	}
	p = list(Query{Offset: 100, Limit: 50})
	if p.Total != 120 || len(p.Rows) != 20 || p.Rows[0].Account != "u101" {
		t.Fatalf("last page: total %d rows %d", p.Total, len(p.Rows))
	}
	if p = list(Query{Offset: 500}); p.Total != 120 || len(p.Rows) != 0 {
		t.Fatalf("past the end: total %d rows %d", p.Total, len(p.Rows))
	}
	if p = list(Query{Sort: "-account", Limit: 2}); accounts(p) != "u120,u119" {
		t.Fatalf("descending = %s", accounts(p))
	}

	// Row contents: department paths, main first.
	p = list(Query{Search: "u010", Limit: 1})
	if p.Total != 1 || p.Rows[0].Name != "员工010" || strings.Join(p.Rows[0].DeptPaths, ";") != "总部/研发中心/前端组;总部/产品部" ||
		p.Rows[0].Status != StatusActive {
		t.Fatalf("u010 = %+v", p.Rows)
	}

	// Search over each field, case-insensitive, substring.
	for term, want := range map[string]int{
		"U01":           10,  // account (u010..u019)
		"张伟":            4,   // name
		"e0007":         1,   // employee_no
		"13800000042":   1,   // mobile
		"138-0000-0042": 1,   // mobile typed with dashes
		"0000011":       11,  // mobile substring: 13800000011 and 1380000011x
		"@example.COM":  120, // email, stored with a capital E
		"nobody":        0,
	} {
		if p := list(Query{Search: term}); p.Total != want {
			t.Errorf("search %q: total %d, want %d", term, p.Total, want)
		}
	}

	// Filters and their combinations.
	for name, c := range map[string]struct {
		q    Query
		want int
	}{
		"active":                  {Query{Status: "active"}, 90},
		"resigned":                {Query{Status: "resigned"}, 30},
		"后端组":                     {Query{DeptID: id["总部/研发中心/后端组"]}, 40},
		"研发中心 direct":             {Query{DeptID: id["总部/研发中心"]}, 0},
		"研发中心 and below":          {Query{DeptID: id["总部/研发中心"], IncludeSubDepts: true}, 80},
		"产品部 incl. second":        {Query{DeptID: id["总部/产品部"]}, 40 + 8},
		"总部 and below, once each": {Query{DeptID: id["总部"], IncludeSubDepts: true}, 120},
		"张伟 active in 总部":         {Query{Search: "张伟", Status: "active", DeptID: id["总部"], IncludeSubDepts: true}, 2},
	} {
		if p := list(c.q); p.Total != c.want || len(p.Rows) != min(c.want, 50) {
			t.Errorf("%s: total %d rows %d, want %d", name, p.Total, len(p.Rows), c.want)
		}
	}
	if p = list(Query{Search: "张伟", Sort: "name", Limit: 10}); accounts(p) != "u030,u060,u090,u120" {
		t.Fatalf("namesakes by name = %s", accounts(p))
	}

	// Bad queries name the field.
	for _, c := range []struct {
		q     Query
		field string
	}{
		{Query{Limit: 201}, "limit"}, {Query{Limit: -1}, "limit"}, {Query{Offset: -1}, "offset"},
		{Query{Sort: "password"}, "sort"}, {Query{Status: "gone"}, "status"},
	} {
		_, err := s.ListAccounts(ctx, c.q)
		wantFieldError(t, err, c.field, "")
	}
	if _, err := s.ListAccounts(ctx, Query{DeptID: 9999}); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown department: %v", err)
	}
	if p := list(Query{Limit: MaxPageSize}); len(p.Rows) != 120 {
		t.Fatalf("limit 200: %d rows", len(p.Rows))
	}
}

func TestDepartmentTreeCountsActiveMembersOnce(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	seedForQueries(t, s)
	roots, err := s.DepartmentTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(roots) != 1 {
		t.Fatalf("roots = %d", len(roots))
	}
	var lines []string
	var walk func(n *DeptNode, depth int)
	walk = func(n *DeptNode, depth int) {
		lines = append(lines, fmt.Sprintf("%s%s %d/%d", strings.Repeat("  ", depth), n.Name, n.Members, n.TotalMembers))
		for _, c := range n.Children {
			walk(c, depth+1)
		}
	}
	walk(roots[0], 0)
	// 90 active: 30 per department by i%3, every 4th resigned. Accounts with
	// i%10==0 outside 产品部 are in 产品部 too, and count once in 总部.
	want := []string{
		"总部 0/90",
		"  研发中心 0/60",
		"    前端组 30/30", // created first (line 2), so sorted first
		"    后端组 30/30",
		"  产品部 34/34",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Fatalf("tree:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

// The planner choices in ListAccounts (scan and sort, or walk an index;
// department set, or per-account lookup) must not change any answer.
func TestListAccountsPlansAgree(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	seedForQueries(t, s)
	depts, _ := s.AllDepartments(ctx)
	queries := []Query{{Search: "张伟", Sort: "name"}, {Search: "1", Sort: "-mobile", Offset: 7, Limit: 13},
		{Status: "active", Sort: "name", Offset: 40}, {Status: "resigned", Sort: "-account"},
		{Search: "u0", Status: "active", Sort: "employee_no", Offset: 3, Limit: 5}, {Search: "u1", Offset: 200}}
	for _, d := range depts {
		queries = append(queries, Query{DeptID: d.ID, IncludeSubDepts: true, Sort: "name", Limit: 7, Offset: 2},
			Query{DeptID: d.ID, Status: "active", Search: "u", Limit: 200})
	}
	run := func() []string {
		var out []string
		for _, q := range queries {
			p, err := s.ListAccounts(ctx, q)
			if err != nil {
				t.Fatal(err)
			}
			var accs []string
			for _, r := range p.Rows {
				accs = append(accs, r.Account+"@"+strings.Join(r.DeptPaths, "|"))
			}
			out = append(out, fmt.Sprintf("%+v → %d: %s", q, p.Total, strings.Join(accs, ",")))
		}
		return out
	}
	sparse := run()
	defer func(a, b int) { scanSortMax, smallDeptLinks = a, b }(scanSortMax, smallDeptLinks)
	scanSortMax, smallDeptLinks = 3, 0
	dense := run()
	for i := range sparse {
		if sparse[i] != dense[i] {
			t.Errorf("plans disagree:\n%s\n%s", sparse[i], dense[i])
		}
	}
}
