package directory

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"strings"
	"testing"

	"wecom-bridge/backend/tabular/tabulartest"
	"wecom-bridge/backend/usererr"
)

// Issue 12 finding 2: 5,000 rows naming one account grew to 3.5 GB, because
// each row's problem listed every other line. Each row now names the count
// and at most 5 other lines.
func TestDuplicateFloodIsLinear(t *testing.T) {
	s := newTestService(t)
	lines := []string{"account,name"}
	for i := 0; i < 5000; i++ {
		lines = append(lines, "same,张三")
	}
	pv := mustPreview(t, s, csvLines(lines...), ImportOptions{})
	if len(pv.Rejected) != 5000 || len(pv.Adds) != 0 {
		t.Fatalf("rejected %d adds %d", len(pv.Rejected), len(pv.Adds))
	}
	total := 0
	for _, r := range pv.Rejected {
		p := r.Problems[0]
		if p.Code != ProblemAccountDuplicate || p.Args["count"] != "5000" || p.Args["first"] != "2" ||
			strings.Count(p.Args["others"], ",") > maxDupExamples-1 {
			t.Fatalf("line %d: %+v", r.Line, p)
		}
		total += len(p.Message)
		for _, v := range p.Args {
			total += len(v)
		}
	}
	if total > 5000*300 {
		t.Fatalf("the duplicate report is %d bytes for 5,000 rows: it must stay linear", total)
	}
	last := pv.Rejected[4999].Problems[0]
	if last.Args["others"] != "2, 3, 4, 5, 6" || !strings.Contains(last.Message, "is on 5000 lines; the other lines include 2, 3, 4, 5, 6:") {
		t.Fatalf("last = %+v", last)
	}
}

// Issue 12 finding 10: values WeCom refuses are rejected rows naming the
// field and the limit; a short CSV row is rejected, never a clearing update.
func TestWeComLimitsAndShortRows(t *testing.T) {
	s := newTestService(t)
	mustImport(t, s, csvLines("account,name,mobile,position,department", "keep,保留,13800138000,经理,总部"), ImportOptions{})
	deep := strings.TrimSuffix(strings.Repeat("层/", maxDeptDepth+1), "/")
	var many []string
	for i := 0; i <= maxDeptsPerAccount; i++ {
		many = append(many, fmt.Sprintf("总部/部门%d", i))
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"account", "name", "mobile", "position", "department"})
	w.Write([]string{"long", strings.Repeat("名", 100_000), "", "", ""})     // 2
	w.Write([]string{"deep", "深", "", "", deep})                            // 3
	w.Write([]string{"many", "多", "", "", strings.Join(many, ";")})         // 4
	w.Write([]string{"bidi", "张\u202e三", "", "", ""})                       // 5
	w.Write([]string{"pos", "职", "", strings.Repeat("职", 129), ""})         // 6
	w.Write([]string{"ok15", "十五", "", "", strings.TrimSuffix(deep, "/层")}) // 7: 15 levels are fine
	w.Flush()
	buf.WriteString("keep,保留\n") // 8: short row: would clear mobile, position and department
	pv := mustPreview(t, s, buf.Bytes(), ImportOptions{})
	want := map[int]struct{ field, code, arg, val string }{
		2: {"name", ProblemTooLong, "length", "100000"},
		3: {"department", ProblemDeptTooDeep, "depth", "16"},
		4: {"department", ProblemTooManyDepts, "limit", "100"},
		5: {"name", ProblemControlChar, "char", "U+202E"},
		6: {"position", ProblemTooLong, "limit", "128"},
		8: {"mobile", ProblemRowShort, "fields", "2"},
	}
	if len(pv.Rejected) != len(want) || len(pv.Adds) != 1 || pv.Adds[0].Account != "ok15" || len(pv.Updates) != 0 {
		t.Fatalf("adds %+v updates %+v rejected %+v", pv.Adds, pv.Updates, pv.Rejected)
	}
	for _, r := range pv.Rejected {
		w, p := want[r.Line], r.Problems[0]
		if p.Field != w.field || p.Code != w.code || p.Args[w.arg] != w.val {
			t.Errorf("line %d: %+v, want %s %s %s=%s", r.Line, p, w.field, w.code, w.arg, w.val)
		}
		if len(p.Message) > 400 {
			t.Errorf("line %d: the message repeats the value: %d bytes", r.Line, len(p.Message))
		}
	}
	if m := pv.Rejected[0].Problems[0].Message; !strings.Contains(m, "is 100000 characters long; WeCom allows at most 64") {
		t.Errorf("message %q", m)
	}
	if m := pv.Rejected[3].Problems[0].Message; strings.ContainsRune(m, '\u202e') || !strings.Contains(m, `\u202e`) {
		t.Errorf("the bidi mark must be shown escaped: %q", m)
	}
	// A manual edit is held to the same limits.
	_, err := s.AddAccount(context.Background(), AccountInput{Account: "x", Name: "a\u2066b"})
	wantFieldError(t, err, "name", "U+2066")
}

// Issue 12 finding 3: an XLSX bomb is refused before it is unzipped, and
// leaves no temporary files.
func TestXLSXBombRefused(t *testing.T) {
	tabulartest.PrivateTemp(t)
	s := newTestService(t)
	_, err := s.Preview(context.Background(), tabulartest.Bomb(300<<20), ImportOptions{FileName: "bomb.xlsx"})
	if !usererr.Is(err, "xlsx_over_limit") {
		t.Fatalf("err = %v", err)
	}
	// A normal workbook leaves nothing behind either.
	data := buildXLSX(t, map[string][][]any{"S": {{"账号", "姓名"}, {"a1", "甲"}}}, []string{"S"})
	mustPreview(t, s, data, ImportOptions{FileName: "ok.xlsx"})
}

func TestOversizedFileRefused(t *testing.T) {
	s := newTestService(t)
	path := t.TempDir() + "/big.csv"
	f, _ := os.Create(path)
	f.Truncate(200 << 20) // sparse: 200 MB on paper, nothing on disk
	f.Close()
	_, err := s.PreviewFile(context.Background(), path, ImportOptions{})
	if !usererr.Is(err, "file_too_large") || !strings.Contains(err.Error(), "200.0 MB, over the 64 MB limit") {
		t.Fatalf("err = %v", err)
	}
}

// Issue 12 finding 9: the directory CSV export wrote formulas as they are.
func TestCSVExportNeutralisesFormulas(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name,position",
		`f1,"=HYPERLINK(""http://evil"",""x"")",+cmd`, "f2,@SUM(A1),-1+1"), ImportOptions{})
	var buf bytes.Buffer
	if err := s.Export(ctx, &buf, ExportOptions{Format: FormatCSV, Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(buf.Bytes(), utf8BOM))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows[1:] {
		for _, c := range r {
			if c != "" && strings.ContainsRune("=+-@", rune(c[0])) {
				t.Fatalf("cell %q would run as a formula", c)
			}
		}
	}
	// The file still imports back unchanged.
	pv := mustPreview(t, s, buf.Bytes(), ImportOptions{FullSnapshot: true})
	if len(pv.Adds)+len(pv.Updates)+len(pv.Rejected) != 0 || pv.Unchanged != 2 {
		t.Fatalf("re-import: %s %+v %+v", pv.Summary(), pv.Updates, pv.Rejected)
	}
}
