package directory

import (
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
		got, msg := normalizeMobile(in)
		if msg != "" || got != want {
			t.Errorf("normalizeMobile(%q) = %q, %q; want %q", in, got, msg, want)
		}
	}
	for _, in := range []string{"12345678901", "1380013800", "138001380001", "23800138000", "1380013800a",
		"+86 12345678901", "+0 1234567", "+12345", "+1234567890123456", "13800+138000", "(010) 12345678"} {
		if got, msg := normalizeMobile(in); msg == "" || !strings.Contains(msg, "is not a valid mobile number") {
			t.Errorf("normalizeMobile(%q) = %q, %q; want an error", in, got, msg)
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
		if got, msg := parseStatus(in); got != want || msg != "" {
			t.Errorf("parseStatus(%q) = %q %q", in, got, msg)
		}
	}
	if _, msg := parseStatus("在岗"); !strings.Contains(msg, `status "在岗" is not known`) {
		t.Errorf("msg = %q", msg)
	}
	ps, msg := parseDeptPaths(" 总部 / 研发中心 /后端组 ；总部/产品部; 总部/研发中心/后端组;; /总部/销售部/ ")
	if msg != "" || paths(ps) != "总部/研发中心/后端组;总部/产品部;总部/销售部" {
		t.Fatalf("paths = %q, %q", paths(ps), msg)
	}
	if _, msg := parseDeptPaths("总部//后端组"); !strings.Contains(msg, "has an empty level") {
		t.Fatalf("msg = %q", msg)
	}
	if _, msg := parseDeptPaths("总部/研发:后端"); !strings.Contains(msg, `contains ':'`) {
		t.Fatalf("msg = %q", msg)
	}
	if ps, msg := parseDeptPaths("  "); ps != nil || msg != "" {
		t.Fatalf("blank = %v %q", ps, msg)
	}
}
