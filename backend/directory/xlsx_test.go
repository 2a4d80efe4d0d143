package directory

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// buildXLSX writes rows into a workbook; a nil row leaves that row empty.
func buildXLSX(t *testing.T, sheets map[string][][]any, order []string) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, name := range order {
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r, row := range sheets[name] {
			if row == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestXLSXImport(t *testing.T) {
	s := newTestService(t)
	data := buildXLSX(t, map[string][][]any{
		"说明": {{"请在第二个工作表填写"}},
		"通讯录": {
			{"账号", "姓名", "工号", "手机", "部门", "状态"},
			{"zhangwei", "张伟", "00123", 13800138000, "总部/研发中心", "在职"}, // row 2: mobile typed as a number
			nil, // row 3 empty
			{"lina", "李娜", 42, "+852 9123 4567", "总部/产品部；总部/研发中心", 0}, // row 4: status 0 = resigned
			{"bad", "王芳", "", "123"}, // row 5
		},
	}, []string{"说明", "通讯录"})
	pv := mustPreview(t, s, data, ImportOptions{FileName: "dir.xlsx"})
	if pv.Format != FormatXLSX || pv.Sheet != "通讯录" || pv.DataRows != 3 {
		t.Fatalf("format %s sheet %q rows %d", pv.Format, pv.Sheet, pv.DataRows)
	}
	want := []ImportRow{
		{Line: 2, Account: "zhangwei", Name: "张伟", EmployeeNo: "00123", Mobile: "13800138000", Status: StatusActive,
			DeptPaths: [][]string{{"总部", "研发中心"}}},
		{Line: 4, Account: "lina", Name: "李娜", EmployeeNo: "42", Mobile: "+852-9123-4567", Status: StatusResigned,
			DeptPaths: [][]string{{"总部", "产品部"}, {"总部", "研发中心"}}},
	}
	if !reflect.DeepEqual(pv.Adds, want) {
		t.Fatalf("adds = %+v", pv.Adds)
	}
	if len(pv.Rejected) != 1 || pv.Rejected[0].Line != 5 || pv.Rejected[0].Problems[0].Field != "mobile" {
		t.Fatalf("rejected = %+v", pv.Rejected)
	}
}

func TestXLSXWithoutAUsableSheet(t *testing.T) {
	s := newTestService(t)
	data := buildXLSX(t, map[string][][]any{"Sheet": {{"姓名", "部门"}, {"张伟", "总部"}}}, []string{"Sheet"})
	_, err := s.Preview(context.Background(), data, ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), `sheet "Sheet": the header (line 1) has no account (账号) column`) {
		t.Fatalf("err = %v", err)
	}
	empty := buildXLSX(t, map[string][][]any{"Sheet": {{"账号", "姓名"}}}, []string{"Sheet"})
	if _, err := s.Preview(context.Background(), empty, ImportOptions{}); err != ErrNoDataRows {
		t.Fatalf("header only: %v", err)
	}
}

// TestExportRoundTrip exports in both formats and languages and imports
// each file back: nothing may change.
func TestExportRoundTrip(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name,employee_no,mobile,email,department,position,status",
		`zhangwei,张伟,00123,13800138000,zw@example.com,总部/研发中心/后端组;总部/产品部,"工程师, 后端",在职`,
		"lina,李娜,A2,+852 9123 4567,,香港分公司,经理,离职",
		`wangfang,"王""芳",,,,,,`,
	), ImportOptions{})
	before := accountsByName(t, s)
	for _, opts := range []ExportOptions{
		{Format: FormatCSV, Lang: "zh"}, {Format: FormatCSV, Lang: "en"},
		{Format: FormatXLSX, Lang: "zh"}, {Format: FormatXLSX, Lang: "en"},
	} {
		var buf bytes.Buffer
		if err := s.Export(ctx, &buf, opts); err != nil {
			t.Fatal(err)
		}
		if opts.Format == FormatCSV {
			if !bytes.HasPrefix(buf.Bytes(), utf8BOM) {
				t.Fatal("CSV export has no BOM")
			}
			first := strings.SplitN(strings.TrimPrefix(buf.String(), "\ufeff"), "\r\n", 2)[0]
			want := map[string]string{"zh": "账号,姓名,工号,手机,邮箱,部门,职位,状态,企业微信账号",
				"en": "account,name,employee_no,mobile,email,department,position,status,wecom_userid"}[opts.Lang]
			if first != want {
				t.Fatalf("header = %q", first)
			}
		}
		pv := mustPreview(t, s, buf.Bytes(), ImportOptions{FullSnapshot: true})
		if len(pv.Adds)+len(pv.Updates)+len(pv.Resigns)+len(pv.Rejected) != 0 || pv.Unchanged != 3 {
			t.Fatalf("%+v: re-import is not a no-op: %s %+v %+v", opts, pv.Summary(), pv.Updates, pv.Rejected)
		}
	}
	// Into a fresh directory, the export recreates the same accounts.
	var buf bytes.Buffer
	if err := s.Export(ctx, &buf, ExportOptions{Format: FormatXLSX}); err != nil {
		t.Fatal(err)
	}
	s2 := newTestService(t)
	mustImport(t, s2, buf.Bytes(), ImportOptions{})
	after := accountsByName(t, s2)
	for acc, a := range before {
		b := after[acc]
		if a.Name != b.Name || a.EmployeeNo != b.EmployeeNo || a.Mobile != b.Mobile || a.Email != b.Email ||
			a.Position != b.Position || a.Status != b.Status || paths(a.DeptPaths) != paths(b.DeptPaths) {
			t.Fatalf("%s differs:\n%+v\n%+v", acc, a, b)
		}
	}
	if len(after) != len(before) {
		t.Fatalf("%d accounts, want %d", len(after), len(before))
	}
}

func TestExportFileOptions(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name,status", "a1,甲,在职", "a2,乙,离职"), ImportOptions{})
	dir := t.TempDir()
	xlsxPath := filepath.Join(dir, "out.XLSX")
	if err := s.ExportFile(ctx, xlsxPath, ExportOptions{ActiveOnly: true}); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(xlsxPath)
	pv := mustPreview(t, newTestService(t), data, ImportOptions{})
	if pv.Format != FormatXLSX || pv.Sheet != "通讯录" || len(pv.Adds) != 1 || pv.Adds[0].Account != "a1" {
		t.Fatalf("active-only export: %s sheet %q adds %+v", pv.Format, pv.Sheet, pv.Adds)
	}
	if fi, _ := os.Stat(xlsxPath); fi.Mode().Perm() != 0o600 {
		t.Fatalf("mode = %v", fi.Mode())
	}
	if err := s.Export(ctx, &bytes.Buffer{}, ExportOptions{Lang: "fr"}); err == nil {
		t.Fatal("lang fr accepted")
	}
	if err := s.Export(ctx, &bytes.Buffer{}, ExportOptions{Format: "ods"}); err == nil {
		t.Fatal("format ods accepted")
	}
}
