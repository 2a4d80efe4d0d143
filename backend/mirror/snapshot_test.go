package mirror

import (
	"encoding/json"
	"slices"
	"testing"

	"wecom-bridge/backend/wecom"
)

func TestBuildDepartmentsPathsStopAtScope(t *testing.T) {
	// 1 is outside the scope: 10's path starts at 10.
	ds := buildDepartments([]wecom.Department{
		{ID: 10, ParentID: 1, Name: "研发中心"},
		{ID: 11, ParentID: 10, Name: "平台部"},
		{ID: 12, ParentID: 11, Name: "后端组"},
		{ID: 13, ParentID: 13, Name: "自环"}, // a malformed answer must not loop
	})
	want := [][]string{{"研发中心"}, {"研发中心", "平台部"}, {"研发中心", "平台部", "后端组"}, {"自环"}}
	for i, d := range ds {
		if !slices.Equal(d.Path, want[i]) {
			t.Errorf("department %d path = %v, want %v", d.ID, d.Path, want[i])
		}
		if d.Leaders == nil {
			t.Errorf("department %d leaders nil, want []", d.ID)
		}
	}
}

func TestMergeUsers(t *testing.T) {
	depts := buildDepartments([]wecom.Department{
		{ID: 1, Name: "总部"}, {ID: 2, ParentID: 1, Name: "销售部"}, {ID: 3, ParentID: 1, Name: "研发部"},
	})
	zhang := wecom.User{UserID: "ZhangWei", Name: "张伟", Department: []int64{3, 2}, MainDepartment: 2, Status: 1}
	li := wecom.User{UserID: "lisi", Name: "李四", Department: []int64{2, 99}, MainDepartment: 99, Status: 2}
	lists := [][]wecom.User{
		nil,
		{li, zhang},
		{{UserID: "zhangwei", Name: "张伟", Department: []int64{3, 2}, MainDepartment: 2, Status: 1}}, // same member, other case
	}
	us := mergeUsers(depts, lists)
	if len(us) != 2 {
		t.Fatalf("%d users, want 2: %+v", len(us), us)
	}
	l, z := us[0], us[1]
	if z.UserID != "ZhangWei" || !slices.Equal(z.Departments, []int64{3, 2}) || z.MainDepartment != 2 {
		t.Errorf("张伟 = %+v", z)
	}
	if want := [][]string{{"总部", "销售部"}, {"总部", "研发部"}}; !slices.EqualFunc(z.DeptPaths, want, slices.Equal) {
		t.Errorf("张伟 paths = %v, want main first %v", z.DeptPaths, want)
	}
	// 99 is outside the scope: no path, and the main department is kept as WeCom says.
	if l.MainDepartment != 99 || len(l.DeptPaths) != 1 || l.Enable || l.Active() {
		t.Errorf("李四 = %+v", l)
	}
	if z.Gender != "0" || !z.Active() {
		t.Errorf("张伟 gender %q active %v", z.Gender, z.Active())
	}
}

func TestMergeUsersFixesMainDepartment(t *testing.T) {
	depts := buildDepartments([]wecom.Department{{ID: 1, Name: "总部"}, {ID: 2, ParentID: 1, Name: "销售部"}})
	us := mergeUsers(depts, [][]wecom.User{nil, {{UserID: "a", Name: "A"}}})
	if len(us) != 1 || us[0].MainDepartment != 2 || !slices.Equal(us[0].Departments, []int64{2}) {
		t.Errorf("member with no departments listed = %+v; want department 2 (where it was listed) as main", us)
	}
}

func TestPrivacyRestricted(t *testing.T) {
	if privacyRestricted(nil) {
		t.Error("no members is not privacy restricted")
	}
	if !privacyRestricted([]User{{UserID: "a"}, {UserID: "b"}}) {
		t.Error("all without mobile and email should be privacy restricted")
	}
	if privacyRestricted([]User{{UserID: "a"}, {UserID: "b", Email: "b@x.cn"}}) {
		t.Error("one email means not restricted")
	}
}

func TestAFailedDepartmentStoredBeforeMessagesStillReads(t *testing.T) {
	var old []FailedDept
	if err := json.Unmarshal([]byte(`[{"id":3,"name":"研发","errcode":60011,"errmsg":"no privilege","fix":"扩大可见范围","fixEn":"widen the visibility"}]`), &old); err != nil {
		t.Fatal(err)
	}
	if f := old[0]; f.ID != 3 || f.Fix.ZH != "扩大可见范围" || f.Fix.EN != "widen the visibility" {
		t.Fatalf("old row read as %+v", f)
	}
	now := FailedDept{ID: 4, Fix: wecom.Hint(60011, "").Fix}
	b, _ := json.Marshal([]FailedDept{now})
	var back []FailedDept
	if err := json.Unmarshal(b, &back); err != nil || back[0].Fix.Code != "errcode_60011" || back[0].Fix.EN != now.Fix.EN {
		t.Fatalf("round trip %s → %+v (%v)", b, back, err)
	}
}
