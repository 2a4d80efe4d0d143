package directory

import (
	"context"
	"reflect"
	"strings"
	"testing"
)

func TestNormalizeMobile(t *testing.T) {
	good := map[string]string{
		"13800138000":          "13800138000",
		" 138 0013 8000 ":      "13800138000",
		"138-0013-8000":        "13800138000",
		"+8613800138000":       "13800138000",
		"+86 138 0013 8000":    "13800138000",
		"+86-138-0013-8000":    "13800138000",
		"008613800138000":      "13800138000",
		"86 13800138000":       "13800138000",
		"19912345678":          "19912345678",
		"+852 9123 4567":       "+852-9123-4567",
		"+85291234567":         "+85291234567",
		"+1 415-555-2671":      "+1-415-555-2671",
		"+44 20 7946 0958":     "+44-20-7946-0958",
		"":                     "",
		"   ":                  "",
		"+86\u00a013800138000": "13800138000",
	}
	for in, want := range good {
		got, is := normalizeMobile(in)
		if is != nil || got != want {
			t.Errorf("normalizeMobile(%q) = %q, %+v; want %q", in, got, is, want)
		}
	}
	for _, in := range []string{"12345678901", "1380013800", "138001380001", "23800138000", "1380013800a",
		"+86 12345678901", "+0 1234567", "+12345", "+1234567890123456", "13800+138000", "(010) 12345678"} {
		got, is := normalizeMobile(in)
		if is == nil || !strings.Contains(is.message, "is not a valid mobile number") || is.code != ProblemMobileInvalid ||
			!reflect.DeepEqual(is.args, map[string]string{"value": in}) {
			t.Errorf("normalizeMobile(%q) = %q, %+v; want an error", in, got, is)
		}
	}
}

func TestEmailStatusAndPaths(t *testing.T) {
	for _, e := range []string{"a@b.cn", "zhang.wei+hr@example.com.cn", "ZW@Example.COM"} {
		if !validEmail(e) {
			t.Errorf("validEmail(%q) = false", e)
		}
	}
	for _, e := range []string{"a", "a@", "@b.cn", "a@b", "a@b.", "a@@b.cn", "a b@c.cn", "a@b..cn", "a@.cn", "a@b.cn;c@d.cn"} {
		if validEmail(e) {
			t.Errorf("validEmail(%q) = true", e)
		}
	}
	for in, want := range map[string]Status{"": StatusActive, "active": StatusActive, "Active": StatusActive,
		"在职": StatusActive, "正常": StatusActive, "1": StatusActive, "resigned": StatusResigned,
		"RESIGNED": StatusResigned, "离职": StatusResigned, "0": StatusResigned} {
		if got, is := parseStatus(in); got != want || is != nil {
			t.Errorf("parseStatus(%q) = %q %+v", in, got, is)
		}
	}
	if _, is := parseStatus("在岗"); is == nil || !strings.Contains(is.message, "Status “在岗” is not known") {
		t.Errorf("issue = %+v", is)
	}
	ps, is := parseDeptPaths(" 总部 / 研发中心 /后端组 ；总部/产品部; 总部/研发中心/后端组;; /总部/销售部/ ")
	if is != nil || paths(ps) != "总部/研发中心/后端组;总部/产品部;总部/销售部" {
		t.Fatalf("paths = %q, %+v", paths(ps), is)
	}
	if _, is := parseDeptPaths("总部//后端组"); is == nil || !strings.Contains(is.message, "has an empty level") {
		t.Fatalf("issue = %+v", is)
	}
	if _, is := parseDeptPaths("总部/研发:后端"); is == nil || !strings.Contains(is.message, "contains “:”") {
		t.Fatalf("issue = %+v", is)
	}
	if ps, is := parseDeptPaths("  "); ps != nil || is != nil {
		t.Fatalf("blank = %v %+v", ps, is)
	}
}

// Every refusal has a stable code and the arguments its text names.
func TestIssueCodesAndArgs(t *testing.T) {
	long := strings.Repeat("长", 65)
	cases := []struct {
		name string
		is   *issue
		code string
		args map[string]string
	}{
		{"empty account", second(checkAccount("  ")), ProblemAccountEmpty, nil},
		{"account with a space", second(checkAccount("li na")), ProblemAccountSpace, map[string]string{"value": "li na"}},
		{"account with a control character", second(checkAccount("a\x7fb")), ProblemAccountControl, map[string]string{"value": `a\x7fb`}},
		{"long account", second(checkAccount(long)), ProblemAccountTooLong, map[string]string{"value": strings.Repeat("长", 40) + "…", "length": "65"}},
		{"email", second(checkEmail("liuyang@")), ProblemEmailInvalid, map[string]string{"value": "liuyang@"}},
		{"status", second(parseStatus("在岗")), ProblemStatusUnknown, map[string]string{"value": "在岗"}},
		{"mobile", second(normalizeMobile("12345")), ProblemMobileInvalid, map[string]string{"value": "12345"}},
		{"empty level", second(parseDeptPaths("总部//研发")), ProblemDeptEmptyLevel, map[string]string{"value": "总部//研发"}},
		{"empty department name", second(checkDeptName(" ")), ProblemDeptNameEmpty, nil},
		{"forbidden character", second(parseDeptPaths("总部/研发:后端")), ProblemDeptNameForbidden,
			map[string]string{"value": "研发:后端", "char": ":", "forbidden": deptNameForbidden}},
		{"control character in a department", second(checkDeptName("研\x01发")), ProblemDeptNameControl, map[string]string{"value": `研\x01发`}},
		{"long department", second(checkDeptName(long)), ProblemDeptNameTooLong, map[string]string{"value": strings.Repeat("长", 40) + "…", "length": "65"}},
	}
	for _, c := range cases {
		if c.is == nil || c.is.code != c.code || !reflect.DeepEqual(c.is.args, c.args) || c.is.message == "" {
			t.Errorf("%s: %+v, want code %s args %v", c.name, c.is, c.code, c.args)
		}
	}
}

func second[T any](_ T, is *issue) *issue { return is }

func TestWeComUserIDColumn(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	pv := mustPreview(t, s, csvLines("账号,姓名,手机,企业微信账号", "wangfang,王芳,13800000001,wangfang2", "li,李,13800000002,", "bad,坏,13800000003,-x"), ImportOptions{})
	if len(pv.Adds) != 2 || len(pv.Rejected) != 1 || pv.Rejected[0].Problems[0].Code != ProblemWeComUserID {
		t.Fatalf("adds %+v rejected %+v", pv.Adds, pv.Rejected)
	}
	if _, err := s.Apply(ctx, pv.ID, 0); err != nil {
		t.Fatal(err)
	}
	id, err := s.AccountID(ctx, "wangfang")
	if err != nil {
		t.Fatal(err)
	}
	a, err := s.GetAccount(ctx, id)
	if err != nil || a.WeComUserID != "wangfang2" {
		t.Fatalf("%+v %v", a, err)
	}
	// A file without the column keeps it; one with an empty cell clears it.
	pv = mustPreview(t, s, csvLines("账号,姓名,手机", "wangfang,王芳,13800000001"), ImportOptions{})
	if len(pv.Updates) != 0 {
		t.Fatalf("updates without the column: %+v", pv.Updates)
	}
	pv = mustPreview(t, s, csvLines("account,name,mobile,wecom_userid", "wangfang,王芳,13800000001,"), ImportOptions{})
	if len(pv.Updates) != 1 || pv.Updates[0].Changes[0].Field != "wecom_userid" {
		t.Fatalf("updates: %+v", pv.Updates)
	}
	if _, err := s.AddAccount(ctx, AccountInput{Account: "x1", Name: "X", Mobile: "13800000009", WeComUserID: "has space"}); err == nil {
		t.Fatal("bad wecom userid accepted")
	}
}
