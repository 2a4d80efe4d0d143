package wecomsim

import (
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentReadsAndWrites runs writers and readers at once; with -race
// it checks the locking of the directory, tokens, limits and message log.
func TestConcurrentReadsAndWrites(t *testing.T) {
	e := newEnv(t)
	contact, app := e.contactToken(), e.appToken(AgentAll)
	ids := e.activeUsers(20)
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(2)
		go func(w int) { // writer
			defer wg.Done()
			for i := 0; i < 15; i++ {
				id := fmt.Sprintf("c%d_%d", w, i)
				e.api("user/create", contact, nil, map[string]any{"userid": id, "name": "并发", "department": []int{3}, "email": id + "@x.example"})
				e.api("user/update", contact, nil, map[string]any{"userid": ids[i], "department": []int{3, 5}, "order": []int{i, w}})
				e.api("department/create", contact, nil, map[string]any{"name": fmt.Sprintf("临时%d_%d", w, i), "parentid": 5})
				e.api("user/delete", contact, q("userid", id), nil)
			}
		}(w)
		go func(w int) { // reader
			defer wg.Done()
			for i := 0; i < 15; i++ {
				e.api("user/get", app, q("userid", ids[(w+i)%len(ids)]), nil)
				e.api("user/list", app, q("department_id", "3", "fetch_child", "1"), nil)
				e.api("department/list", contact, nil, nil)
				e.api("user/list_id", contact, nil, map[string]any{"limit": 50})
				e.api("message/send", app, nil, textTo(ids[i], "并发"))
			}
		}(w)
	}
	wg.Wait()
	if n := len(e.api("department/list", contact, q("id", "5"), nil).list("department")); n < 61 {
		t.Fatalf("department 5 subtree has %d departments, want at least 61", n)
	}
}

func TestDepartmentListShapes(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	all := e.api("department/list", tok, nil, nil).list("department")
	if len(all) != len(e.org.Departments) {
		t.Fatalf("department/list: %d of %d", len(all), len(e.org.Departments))
	}
	first := all[0].(map[string]any)
	for _, k := range []string{"id", "name", "parentid", "order", "department_leader"} {
		if _, ok := first[k]; !ok {
			t.Fatalf("department lacks %s: %v", k, first)
		}
	}
	simple := e.api("department/simplelist", tok, q("id", "3"), nil).list("department_id")
	sub := e.api("department/list", tok, q("id", "3"), nil).list("department")
	if len(simple) != len(sub) || len(simple) < 2 {
		t.Fatalf("subtree of 3: simplelist %d, list %d", len(simple), len(sub))
	}
}
