package wecomsim

import (
	"fmt"
	"testing"
	"time"
)

func TestDepartmentWritesAndErrcodes(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	create := func(body map[string]any) answer { return e.api("department/create", tok, nil, body) }

	a := create(map[string]any{"name": "创新实验室", "parentid": 3, "order": 5})
	wantCode(t, a, 0)
	if a.str("errmsg") != "created" {
		t.Fatalf("errmsg %q, want created", a.str("errmsg"))
	}
	id := int(a["id"].(float64))
	wantCode(t, create(map[string]any{"name": "创新实验室", "parentid": 3}), 60008) // same name, same level
	wantCode(t, create(map[string]any{"name": "另一个", "parentid": 3, "id": id}), 60008)
	wantCode(t, create(map[string]any{"name": "孤儿", "parentid": 99999}), 60004)
	wantCode(t, create(map[string]any{"name": "坏:名字", "parentid": 1}), 60009)
	wantCode(t, create(map[string]any{"name": "", "parentid": 1}), 60001)
	wantCode(t, create(map[string]any{"name": "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三", "parentid": 1}), 60001)
	wantCode(t, e.api("department/create", tok, nil, []byte(`{"name":`)), 40058)

	wantCode(t, e.api("department/get", tok, q("id", "99999"), nil), 60003)
	wantCode(t, e.api("department/update", tok, nil, map[string]any{"id": 99999, "name": "x"}), 60003)
	wantCode(t, e.api("department/update", tok, nil, map[string]any{"id": 3, "parentid": id}), 60010) // under its own child
	up := e.api("department/update", tok, nil, map[string]any{"id": id, "name": "创新中心", "parentid": 1})
	wantCode(t, up, 0)
	if up.str("errmsg") != "updated" {
		t.Fatalf("errmsg %q", up.str("errmsg"))
	}
	if got := e.api("department/get", tok, q("id", fmt.Sprint(id)), nil)["department"].(map[string]any); got["name"] != "创新中心" || got["parentid"].(float64) != 1 {
		t.Fatalf("after update: %v", got)
	}

	wantCode(t, e.api("department/delete", tok, q("id", "1"), nil), 60007)
	wantCode(t, e.api("department/delete", tok, q("id", "99999"), nil), 60003)
	wantCode(t, e.api("department/delete", tok, q("id", "3"), nil), 60005) // 研发中心 has members
	child := int(create(map[string]any{"name": "子部门", "parentid": id})["id"].(float64))
	wantCode(t, e.api("department/delete", tok, q("id", fmt.Sprint(id)), nil), 60006)
	wantCode(t, e.api("department/delete", tok, q("id", fmt.Sprint(child)), nil), 0)
	del := e.api("department/delete", tok, q("id", fmt.Sprint(id)), nil)
	wantCode(t, del, 0)
	if del.str("errmsg") != "deleted" {
		t.Fatalf("errmsg %q", del.str("errmsg"))
	}
}

func TestUserWritesAndErrcodes(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	existing := e.userIn(3)
	create := func(body map[string]any) answer { return e.api("user/create", tok, nil, body) }
	base := func() map[string]any {
		return map[string]any{"userid": "li.lei", "name": "李雷", "department": []int{3}, "mobile": "13912345678", "email": "lilei@corp.example"}
	}
	with := func(k string, v any) map[string]any { b := base(); b[k] = v; return b }

	wantCode(t, create(with("userid", existing.UserID)), 60102)
	wantCode(t, create(with("mobile", existing.Mobile)), 60104)
	for _, u := range e.org.Users {
		if u.Email != "" {
			wantCode(t, create(with("email", u.Email)), 60106)
			break
		}
	}
	wantCode(t, create(with("userid", "-bad")), 40003)
	wantCode(t, create(with("userid", "有中文")), 40003)
	wantCode(t, create(with("name", "")), 60112)
	wantCode(t, create(with("department", []int{424242})), 40066)
	wantCode(t, create(with("department", []int{})), 60127)
	wantCode(t, create(with("mobile", "12ab")), 60103)
	wantCode(t, create(with("email", "not-an-email")), 60105)
	noContact := base()
	delete(noContact, "mobile")
	delete(noContact, "email")
	wantCode(t, create(noContact), 60129)
	wantCode(t, create(with("department", "3")), 40058) // string instead of int array

	a := create(base())
	wantCode(t, a, 0)
	if a.str("errmsg") != "created" {
		t.Fatalf("errmsg %q", a.str("errmsg"))
	}
	got := e.api("user/get", tok, q("userid", "LI.LEI"), nil) // userids are case-insensitive
	if got.str("userid") != "li.lei" || got["status"].(float64) != 4 {
		t.Fatalf("created user: %v", got)
	}
	wantCode(t, e.api("user/update", tok, nil, map[string]any{"userid": "nobody", "name": "x"}), 60111)
	wantCode(t, e.api("user/update", tok, nil, map[string]any{"userid": "li.lei", "mobile": existing.Mobile}), 60104)
	up := e.api("user/update", tok, nil, map[string]any{"userid": "li.lei", "position": "架构师", "department": []int{3, 5}, "enable": 0})
	wantCode(t, up, 0)
	got = e.api("user/get", tok, q("userid", "li.lei"), nil)
	if got.str("position") != "架构师" || len(got.list("department")) != 2 || got["status"].(float64) != 2 {
		t.Fatalf("updated user: %v", got)
	}
	found := false
	for _, u := range e.api("user/simplelist", tok, q("department_id", "5"), nil).list("userlist") {
		found = found || u.(map[string]any)["userid"] == "li.lei"
	}
	if !found {
		t.Fatal("user/simplelist of the new department misses the moved user")
	}
	wantCode(t, e.api("user/get", tok, q("userid", "ghost"), nil), 60111)
	wantCode(t, e.api("user/delete", tok, q("userid", "ghost"), nil), 60111)
	d := e.api("user/delete", tok, q("userid", "li.lei"), nil)
	wantCode(t, d, 0)
	if d.str("errmsg") != "deleted" {
		t.Fatalf("errmsg %q", d.str("errmsg"))
	}
	wantCode(t, e.api("user/get", tok, q("userid", "li.lei"), nil), 60111)
}

func TestActivatedMemberMobileIsIgnored(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	u := e.userIn(3) // status 1
	wantCode(t, e.api("user/update", tok, nil, map[string]any{"userid": u.UserID, "mobile": "13700000000"}), 0)
	if got := e.api("user/get", tok, q("userid", u.UserID), nil).str("mobile"); got != u.Mobile {
		t.Fatalf("mobile of an activated member changed to %s", got)
	}
	e2 := newEnv(t, WithActiveMobileLock(false))
	tok2 := e2.contactToken()
	wantCode(t, e2.api("user/update", tok2, nil, map[string]any{"userid": u.UserID, "mobile": "13700000000"}), 0)
	if got := e2.api("user/get", tok2, q("userid", u.UserID), nil).str("mobile"); got != "13700000000" {
		t.Fatalf("mobile = %s with the lock off", got)
	}
}

func TestBatchDelete(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	ids := e.activeUsers(3)
	wantCode(t, e.api("user/batchdelete", tok, nil, map[string]any{"useridlist": append(ids, "ghost")}), 60111)
	wantCode(t, e.api("user/get", tok, q("userid", ids[0]), nil), 0) // nothing deleted
	many := make([]string, 201)
	for i := range many {
		many[i] = fmt.Sprintf("u%d", i)
	}
	wantCode(t, e.api("user/batchdelete", tok, nil, map[string]any{"useridlist": many}), 40032)
	wantCode(t, e.api("user/batchdelete", tok, nil, map[string]any{"useridlist": ids}), 0)
	for _, id := range ids {
		wantCode(t, e.api("user/get", tok, q("userid", id), nil), 60111)
	}
}

func TestListIDPagesToTheEnd(t *testing.T) {
	org := GenerateOrg(GenerateOptions{Seed: 7, Users: 2500, Departments: 60})
	e := newEnvOrg(t, org)
	tok := e.contactToken()
	wantCode(t, e.api("user/list_id", tok, nil, map[string]any{"limit": ListIDPageLimit + 1}), 40058)
	wantCode(t, e.api("user/list_id", tok, nil, map[string]any{"cursor": "garbage!", "limit": 10}), 40058)

	wantRows := 0
	for _, u := range org.Users {
		wantRows += len(u.Department)
	}
	seen := map[string]bool{}
	rows, pages, cursor := 0, 0, ""
	for {
		a := e.api("user/list_id", tok, nil, map[string]any{"cursor": cursor, "limit": 1000})
		wantCode(t, a, 0)
		page := a.list("dept_user")
		if len(page) > 1000 {
			t.Fatalf("page of %d rows exceeds the limit", len(page))
		}
		for _, r := range page {
			m := r.(map[string]any)
			seen[fmt.Sprint(m["userid"], "/", m["department"])] = true
		}
		rows += len(page)
		pages++
		if cursor = a.str("next_cursor"); cursor == "" {
			break
		}
	}
	if rows != wantRows || len(seen) != wantRows || pages != (wantRows+999)/1000 {
		t.Fatalf("got %d rows (%d distinct) in %d pages, want %d rows", rows, len(seen), pages, wantRows)
	}
}

func TestLookupsByMobileAndEmail(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	var u User
	for _, x := range e.org.Users {
		if x.Mobile != "" && x.Email != "" {
			u = x
			break
		}
	}
	a := e.api("user/getuserid", tok, nil, map[string]any{"mobile": u.Mobile})
	if a.code() != 0 || a.str("userid") != u.UserID {
		t.Fatalf("getuserid: %v", a)
	}
	wantCode(t, e.api("user/getuserid", tok, nil, map[string]any{"mobile": "19999999999"}), 46004)
	a = e.api("user/get_userid_by_email", tok, nil, map[string]any{"email": u.Email, "email_type": 2})
	if a.code() != 0 || a.str("userid") != u.UserID {
		t.Fatalf("get_userid_by_email: %v", a)
	}
	wantCode(t, e.api("user/get_userid_by_email", tok, nil, map[string]any{"email": "nobody@x.example"}), 46004)
}

func TestUserListPerDepartment(t *testing.T) {
	e := newEnv(t)
	tok := e.contactToken()
	want := map[string]bool{}
	for _, u := range e.org.Users {
		for _, d := range u.Department {
			if d == 3 {
				want[u.UserID] = true
			}
		}
	}
	list := e.api("user/list", tok, q("department_id", "3"), nil).list("userlist")
	if len(list) != len(want) {
		t.Fatalf("user/list gave %d members, want %d", len(list), len(want))
	}
	for _, x := range list {
		if !want[x.(map[string]any)["userid"].(string)] {
			t.Fatalf("unexpected member %v", x)
		}
	}
	all := e.api("user/list", tok, q("department_id", "3", "fetch_child", "1"), nil).list("userlist")
	if len(all) <= len(list) {
		t.Fatalf("fetch_child=1 gave %d, not more than %d", len(all), len(list))
	}
	wantCode(t, e.api("user/list", tok, q("department_id", "99999"), nil), 60003)
}

func TestTags(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	tags := e.api("tag/list", tok, nil, nil).list("taglist")
	if len(tags) != 3 {
		t.Fatalf("taglist: %v", tags)
	}
	a := e.api("tag/get", tok, q("tagid", "1"), nil)
	if a.str("tagname") != "管理层" || len(a.list("userlist")) == 0 {
		t.Fatalf("tag/get: %v", a)
	}
	wantCode(t, e.api("tag/get", tok, q("tagid", "999"), nil), 40068)
}

// Once the day's failed lookups pass 20 % of the headcount, both lookups
// answer 45009 (a hit included) until the next day.
func TestLookupsBlockedForTheDayAfterTwentyPercentFailures(t *testing.T) {
	e := newEnv(t)
	tok := e.appToken(AgentAll)
	var u User
	for _, x := range e.org.Users {
		if x.Mobile != "" {
			u = x
			break
		}
	}
	limit := len(e.org.Users) / 5 // 20 %: this many failures are allowed, one more blocks
	for i := 0; i <= limit; i++ {
		wantCode(t, e.api("user/getuserid", tok, nil, map[string]any{"mobile": fmt.Sprintf("199%08d", i)}), 46004)
	}
	wantCode(t, e.api("user/getuserid", tok, nil, map[string]any{"mobile": u.Mobile}), 45009)
	wantCode(t, e.api("user/get_userid_by_email", tok, nil, map[string]any{"email": "nobody@x.example"}), 45009)
	e.sim.Clock().Advance(24 * time.Hour)
	tok = e.appToken(AgentAll)
	if a := e.api("user/getuserid", tok, nil, map[string]any{"mobile": u.Mobile}); a.code() != 0 || a.str("userid") != u.UserID {
		t.Fatalf("the next day: %v", a)
	}
}
