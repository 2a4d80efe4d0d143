package directory

import (
	"context"
	"strings"
	"testing"
)

func TestHeaderAliasesBothLanguages(t *testing.T) {
	cases := []struct {
		name   string
		header string
	}{
		{"english", "account,name,employee_no,mobile,email,department,position,status,wecom_userid"},
		{"chinese", "账号,姓名,工号,手机,邮箱,部门,职位,状态,企业微信账号"},
		{"case, spaces and order", "  Status ,POSITION,Department, Email ,Mobile,Employee No,NAME,Account,WeCom UserID"},
		{"mixed languages and WeCom template spellings", "帐号,Name,员工编号,手机号码,电子邮箱,所在部门,职务,状态,企业微信帐号"},
		{"required markers", "*账号,姓名*,部门"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, warnings, err := mapHeader(strings.Split(c.header, ","))
			if err != nil {
				t.Fatal(err)
			}
			if len(warnings) != 0 {
				t.Fatalf("warnings: %v", warnings)
			}
			cells := strings.Split(c.header, ",")
			for col := column(0); col < numColumns; col++ {
				if !h.has(col) {
					if c.name == "required markers" && col != colAccount && col != colName && col != colDepartment {
						continue
					}
					t.Fatalf("column %s not found", col)
				}
				got := normalizeHeader(cells[h[col]])
				if headerAliases[got] != col {
					t.Fatalf("column %s mapped to cell %q", col, cells[h[col]])
				}
			}
		})
	}
}

func TestHeaderUnknownColumnIsAWarning(t *testing.T) {
	h, warnings, err := mapHeader([]string{"账号", "姓名", "备注", "", "Gender"})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 2 || !strings.Contains(warnings[0], `column 3 "备注" is not a known column`) ||
		!strings.Contains(warnings[1], `column 5 "Gender"`) {
		t.Fatalf("warnings = %q", warnings)
	}
	if got := h.columns(); strings.Join(got, ",") != "account,name" {
		t.Fatalf("columns = %v", got)
	}
}

func TestHeaderMissingRequiredColumnNamesIt(t *testing.T) {
	_, _, err := mapHeader([]string{"姓名", "部门"})
	if err == nil || !strings.Contains(err.Error(), "has no account (账号) column") {
		t.Fatalf("err = %v", err)
	}
	_, _, err = mapHeader([]string{"account", "department"})
	if err == nil || !strings.Contains(err.Error(), "has no name (姓名) column") {
		t.Fatalf("err = %v", err)
	}
	_, _, err = mapHeader([]string{"部门", "职位"})
	if err == nil || !strings.Contains(err.Error(), "has no account (账号) and no name (姓名) column") {
		t.Fatalf("err = %v", err)
	}
	_, _, err = mapHeader([]string{"账号", "姓名", "account"})
	if err == nil || !strings.Contains(err.Error(), "account (账号) column twice (columns 1 and 3)") {
		t.Fatalf("err = %v", err)
	}
}

func TestPreviewReportsHeaderProblems(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	_, err := s.Preview(ctx, csvLines("姓名,部门", "张伟,总部"), ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "account (账号)") {
		t.Fatalf("err = %v", err)
	}
	pv := mustPreview(t, s, csvLines("账号,姓名,备注", "zhangwei,张伟,x"), ImportOptions{})
	if len(pv.Warnings) != 1 || !strings.Contains(pv.Warnings[0], "备注") {
		t.Fatalf("warnings = %v", pv.Warnings)
	}
	if strings.Join(pv.Columns, ",") != "account,name" {
		t.Fatalf("columns = %v", pv.Columns)
	}
}

// TestColumnNamesImportBack: each column's catalogue name in Chinese is the
// header a Chinese export writes, so it must read back as that column; the
// English label is the page's, not a header, but names every column.
func TestColumnNamesImportBack(t *testing.T) {
	for c := range numColumns {
		m := c.message()
		if got, ok := headerAliases[normalizeHeader(m.ZH)]; !ok || got != c {
			t.Errorf("column %s: its Chinese name %q reads back as %v (known %v), want %s", c, m.ZH, got, ok, c)
		}
		if m.EN == "" || m.EN == m.ZH || m.Code != "directory_column_"+c.String() {
			t.Errorf("column %s: message %+v, want the catalogue's directory_column_%s in both languages", c, m, c)
		}
	}
	if m := columnMessage("parent"); m.ZH != "parent" || m.EN != "parent" {
		t.Errorf("a name that is no column = %+v, want the name itself", m)
	}
}

// TestStatusWordsImportBack: the catalogue's status words are what a Chinese
// export writes in the status column, so each must read back as its status.
func TestStatusWordsImportBack(t *testing.T) {
	for _, s := range []Status{StatusActive, StatusResigned} {
		m := statusMessage(s)
		if got, problem := parseStatus(m.ZH); problem != nil || got != s {
			t.Errorf("status %s: its Chinese word %q reads back as %q (%v)", s, m.ZH, got, problem)
		}
		if m.Code != "directory_account_status_"+string(s) || m.EN == "" || m.EN == m.ZH {
			t.Errorf("status %s: message %+v, want the catalogue's directory_account_status_%s in both languages", s, m, s)
		}
	}
}
