package review

import (
	"bytes"
	"encoding/csv"
	"errors"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
	"wecom-bridge/backend/tabular/tabulartest"
	"wecom-bridge/backend/usererr"
)

func (e *env) exportCSV(q Query) [][]string { return e.exportCSVIn(q, "zh-CN") }

func (e *env) exportCSVIn(q Query, lang string) [][]string {
	e.t.Helper()
	var buf bytes.Buffer
	if err := e.svc.Export(bg, e.corp, &buf, "csv", q, lang); err != nil {
		e.t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\xEF\xBB\xBF")) {
		e.t.Fatal("CSV export has no UTF-8 BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(buf.Bytes()[3:])).ReadAll()
	if err != nil {
		e.t.Fatal(err)
	}
	return recs
}

var hanRe = regexp.MustCompile(`\p{Han}`)

func toCSV(recs [][]string) *bytes.Buffer {
	buf := bytes.NewBufferString("\uFEFF")
	w := csv.NewWriter(buf)
	w.WriteAll(recs)
	return buf
}

func TestExportCSV(t *testing.T) {
	e := fixtureEnv(t)
	recs := e.exportCSV(Query{})
	wantHeader := []string{"本地账号", "姓名", "部门", "企业微信UserID", "企业微信姓名", "企业微信部门", "匹配方式", "状态", "置信度", "候选", "说明"}
	if !reflect.DeepEqual(recs[0], wantHeader) || len(recs) != 10 {
		t.Fatalf("header %v, %d lines", recs[0], len(recs))
	}
	want := map[int][]string{
		1: {"u1", "张三", "总部/研发部", "u1", "张三", "某某科技/研发部", "账号=UserID", "待确认", "0.99", "", "企业微信 UserID u1 = 本地账号 u1"},
		6: {"", "", "", "zhangwei_a", "张伟", "某某科技/质量部", "姓名", "待选择", "0.30",
			"zw1 张伟 (总部/研发部) 0.00; zw2 张伟 (总部/市场部) 0.00; zw3 张伟 (总部/财务部) 0.00",
			"同名“张伟”（本地 3 个，企业微信 2 个），部门无法区分，请人工选择"},
		8: {"u5", "王五", "总部/研发部", "", "", "", "", "本地未绑定", "", "", "企业微信中没有与此账号相似的成员"},
	}
	for i, w := range want {
		if !reflect.DeepEqual(recs[i], w) {
			t.Errorf("line %d:\n got %q\nwant %q", i+1, recs[i], w)
		}
	}
	// In the admin's language: an English UI exports in English, and the
	// import reads that file's columns back.
	en := e.exportCSVIn(Query{}, "en")
	wantEN := []string{"Account", "Name", "Department", "WeCom UserID", "WeCom name", "WeCom department", "Method", "State", "Confidence", "Candidates", "Note"}
	if !reflect.DeepEqual(en[0], wantEN) {
		t.Fatalf("English header %q", en[0])
	}
	if w := []string{"account = userid", "To confirm", "WeCom userid u1 = account u1"}; en[1][6] != w[0] || en[1][7] != w[1] || en[1][10] != w[2] {
		t.Errorf("English line 2: %q", en[1])
	}
	for _, line := range en[1:] {
		for _, c := range line[6:8] {
			if c != "" && hanRe.MatchString(c) {
				t.Errorf("Chinese word in an English export: %q", line)
			}
		}
	}
	if _, err := e.svc.PreviewImport(bg, e.corp, toCSV(en), "csv", "account"); err != nil {
		t.Errorf("an English export does not import back: %v", err)
	}
	// The filter applies; paging does not.
	if got := e.exportCSV(Query{Filter: FilterReview, Search: "刘洋", Limit: 1}); len(got) != 3 {
		t.Fatalf("filtered export: %v", got)
	}
	if err := e.svc.Export(bg, e.corp, &bytes.Buffer{}, "pdf", Query{}, "zh-CN"); !errors.Is(err, ErrInvalid) {
		t.Fatalf("pdf: %v", err)
	}
}

func TestExportDefusesFormulas(t *testing.T) {
	e := newEnv(t, []LocalRecord{loc("a1", "=HYPERLINK(\"x\")", "")}, []MemberRecord{mem("m1", "@evil", "")})
	e.rematch()
	recs := e.exportCSV(Query{})
	if recs[1][1] != "'=HYPERLINK(\"x\")" || recs[2][4] != "'@evil" {
		t.Fatalf("not defused: %q %q", recs[1], recs[2])
	}
}

// The admin exports, fills in 本地账号 for the WeCom members to bind, and
// imports the file back.
func TestExportImportRoundTrip(t *testing.T) {
	e := fixtureEnv(t)
	e.svc.Confirm(bg, e.corp, []int64{e.find(StateProposed, "u9", "sun7").ID}, admin)
	recs := e.exportCSV(Query{})
	// Lines (header = 1): 2 u1/u1, 3 u2/wx_li, 4 u7, 5 u8, 6 u9/sun7 (confirmed),
	// 7 /zhangwei_a, 8 /zhangwei_b, 9 u5/, 10 /wx_zhao.
	if recs[6][3] != "zhangwei_a" || recs[9][3] != "wx_zhao" {
		t.Fatalf("export order changed: %v", recs)
	}
	recs[6][0] = "zw2" // choose among the namesakes
	recs[9][0] = "U5"  // bind the unbound member; case does not matter
	row := func(account, userid string) []string {
		r := make([]string, len(recs[0]))
		r[0], r[3] = account, userid
		return r
	}
	recs = append(recs,
		row("nobody", "liuyang1"), // 11 unknown account
		row("u5", "ghost"),        // 12 unknown userid
		row("u9", "wx_li"),        // 13 u9 is bound to sun7
		row("u1", "u1"),           // 14 repeats line 2
		row("zw3", "zhangwei_b"),  // 15 zhangwei_b twice with different accounts
		row("zw1", "zhangwei_b"),  // 16
		row("'=u1", ""),           // 17 one side only
	)
	pv, err := e.svc.PreviewImport(bg, e.corp, toCSV(recs), "csv", "account")
	if err != nil {
		t.Fatal(err)
	}
	var bind []string
	for _, p := range pv.ToBind {
		bind = append(bind, strings.Join([]string{strconv.Itoa(p.Line), p.Account, p.UserID}, " "))
	}
	wantBind := []string{"2 u1 u1", "3 u2 wx_li", "4 u7 liuyang1", "5 u8 liuyang2", "7 zw2 zhangwei_a", "10 u5 wx_zhao"}
	if !reflect.DeepEqual(bind, wantBind) || pv.Unchanged != 1 || pv.Skipped != 3 || pv.ID == 0 {
		t.Fatalf("to bind %q, unchanged %d, skipped %d", bind, pv.Unchanged, pv.Skipped)
	}
	u9Row := strconv.FormatInt(e.find(StateConfirmed, "u9", "sun7").ID, 10)
	wantRejected := []struct {
		line   int
		reason string
		args   map[string]string // with "code"
	}{
		{11, `unknown account "nobody": no local account has it`,
			map[string]string{"code": "import_unknown_key", "field": "account", "value": "nobody"}},
		{12, `unknown userid "ghost": not among the WeCom members`,
			map[string]string{"code": "import_unknown_userid", "userid": "ghost"}},
		{13, "account u9 is already bound to userid sun7",
			map[string]string{"code": "import_account_bound", "account": "u9", "userid": "sun7", "row": u9Row}},
		{14, "duplicate of line 2", map[string]string{"code": "import_duplicate_line", "line": "2"}},
		{15, "duplicate in file: userid zhangwei_b is also on line 16",
			map[string]string{"code": "import_conflict", "field": "userid", "value": "zhangwei_b", "line": "16"}},
		{16, "duplicate in file: userid zhangwei_b is also on line 15",
			map[string]string{"code": "import_conflict", "field": "userid", "value": "zhangwei_b", "line": "15"}},
	}
	if len(pv.Rejected) != len(wantRejected) {
		t.Fatalf("rejected: %+v", pv.Rejected)
	}
	for i, w := range wantRejected {
		r := pv.Rejected[i]
		if r.Line != w.line || !strings.Contains(r.Reason, w.reason) {
			t.Errorf("rejected[%d] = line %d %q; want line %d %q", i, r.Line, r.Reason, w.line, w.reason)
		}
		if got := codeArgs(r.ReasonCode, r.ReasonArgs); !reflect.DeepEqual(got, w.args) {
			t.Errorf("rejected[%d] code and args %v, want %v", i, got, w.args)
		}
	}
	// Nothing is bound by a preview.
	if sum, _ := e.svc.Summary(bg, e.corp); sum.Confirmed != 1 {
		t.Fatalf("preview bound something: %+v", sum)
	}

	n, err := e.svc.ApplyImport(bg, pv.ID, "importer")
	if err != nil || n != 6 {
		t.Fatalf("apply: %d %v", n, err)
	}
	for _, b := range wantBind {
		f := strings.Fields(b)
		if r := e.find(StateConfirmed, f[1], f[2]); r.Method != "import" || r.Confidence != 0.99 {
			t.Fatalf("imported row %+v", r)
		}
	}
	if got := candIDs(e.find(StateAmbiguous, "", "zhangwei_b")); !reflect.DeepEqual(got, []string{"zw1", "zw3"}) {
		t.Fatalf("zhangwei_b candidates %v", got)
	}
	var lines []string
	for _, a := range e.audit() {
		if a.Actor == "importer" {
			lines = append(lines, auditLine(a))
		}
	}
	wantAudit := []string{
		"importer import u1↔u1 proposed/userid→confirmed/import",
		"importer import u2↔wx_li proposed/name→confirmed/import",
		"importer import u7↔liuyang1 proposed/name+department→confirmed/import",
		"importer import u8↔liuyang2 proposed/name+department→confirmed/import",
		"importer import zw2↔zhangwei_a ambiguous/name→confirmed/import",
		"importer import u5↔wx_zhao unbound/→confirmed/import",
	}
	if !reflect.DeepEqual(lines, wantAudit) {
		t.Fatalf("audit %q", lines)
	}
	if _, err := e.svc.ApplyImport(bg, pv.ID, "importer"); !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), "already applied") {
		t.Fatalf("apply twice: %v", err)
	}
	e.checkInvariant()
}

func TestApplyImportRefusesStalePreview(t *testing.T) {
	e := fixtureEnv(t)
	file := toCSV([][]string{{"企业微信UserID", "本地账号"}, {"wx_zhao", "u5"}})
	pv, err := e.svc.PreviewImport(bg, e.corp, file, "csv", "account")
	if err != nil || len(pv.ToBind) != 1 {
		t.Fatalf("preview %+v %v", pv, err)
	}
	e.svc.Confirm(bg, e.corp, []int64{e.find(StateProposed, "u1", "u1").ID}, admin)
	if _, err := e.svc.ApplyImport(bg, pv.ID, admin); !errors.Is(err, ErrStale) {
		t.Fatalf("stale preview applied: %v", err)
	}
	e.find(StateUnboundWeCom, "", "wx_zhao")
	if _, err := e.svc.ApplyImport(bg, 4242, admin); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown preview: %v", err)
	}
}

func TestImportByMobileWithGenericKeyColumnInGBK(t *testing.T) {
	e := fixtureEnv(t)
	text := "企业微信UserID,企业微信姓名,关联字段\r\nwx_zhao,赵六,139 0000 1111\r\nwx_li,李四,+86 138-0013-8001\r\nzhangwei_b,张伟,13700000000\r\n"
	gbk, err := simplifiedchinese.GBK.NewEncoder().String(text)
	if err != nil {
		t.Fatal(err)
	}
	pv, err := e.svc.PreviewImport(bg, e.corp, strings.NewReader(gbk), "csv", "mobile")
	if err != nil {
		t.Fatal(err)
	}
	if len(pv.ToBind) != 2 || pv.ToBind[0].Account != "u5" || pv.ToBind[1].Account != "u1" ||
		pv.ToBind[1].Replaces != "u1 ↔ u1 (userid)" || len(pv.Rejected) != 1 || pv.Rejected[0].Line != 4 ||
		!strings.Contains(pv.Rejected[0].Reason, `unknown mobile "13700000000"`) {
		t.Fatalf("preview %+v", pv)
	}
	if _, err := e.svc.ApplyImport(bg, pv.ID, admin); err != nil {
		t.Fatal(err)
	}
	e.find(StateConfirmed, "u1", "wx_li")
	e.find(StateUnboundWeCom, "", "u1") // its proposal was replaced
	e.find(StateUnboundLocal, "u2", "") // likewise
	e.find(StateConfirmed, "u5", "wx_zhao")
}

func TestImportXLSXRoundTripAndBadFiles(t *testing.T) {
	e := fixtureEnv(t)
	var buf bytes.Buffer
	if err := e.svc.Export(bg, e.corp, &buf, "xlsx", Query{Filter: FilterUnboundWeCom}, "zh-CN"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	const sheetName = "账号绑定"
	rows, _ := f.GetRows(sheetName)
	if len(rows) != 2 || rows[0][3] != "企业微信UserID" || rows[1][3] != "wx_zhao" {
		t.Fatalf("xlsx rows %q", rows)
	}
	f.SetCellStr(sheetName, "A2", "u5")
	var out bytes.Buffer
	f.Write(&out)
	pv, err := e.svc.PreviewImport(bg, e.corp, &out, "xlsx", "account")
	if err != nil || len(pv.ToBind) != 1 || pv.ToBind[0].Line != 2 || pv.ToBind[0].Account != "u5" {
		t.Fatalf("xlsx preview %+v %v", pv, err)
	}

	for _, c := range []struct {
		file, format, key, want string
	}{
		{"本地账号,姓名\nu1,张三\n", "csv", "account", "no 企业微信UserID column"},
		{"企业微信UserID,姓名\nu1,张三\n", "csv", "employee_no", "no 工号 column"},
		{"", "csv", "account", "empty"},
		{"x", "xlsx", "account", "cannot be opened as an Excel workbook"},
		{"企业微信UserID,本地账号\n", "csv", "name", "key field: name is not a field"},
		{"企业微信UserID,本地账号\n", "ods", "account", "format: ods is not supported"},
	} {
		_, err := e.svc.PreviewImport(bg, e.corp, strings.NewReader(c.file), c.format, c.key)
		if !errors.Is(err, ErrInvalid) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q as %s/%s: %v; want %q", c.file, c.format, c.key, err, c.want)
		}
	}
}

// Issue 12 finding 3 for binding imports: an XLSX bomb is refused before it
// is unzipped and leaves no temporary files; a formula cell exported with an
// apostrophe reads back as written.
func TestBindingImportBombRefused(t *testing.T) {
	tabulartest.PrivateTemp(t)
	e := newEnv(t, nil, nil)
	_, err := e.svc.PreviewImport(bg, e.corp, bytes.NewReader(tabulartest.Bomb(300<<20)), "xlsx", "account")
	if !errors.Is(err, ErrInvalid) || !usererr.Is(err, "xlsx_over_limit") {
		t.Fatalf("err = %v", err)
	}
}
