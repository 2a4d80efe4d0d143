package review

import (
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// codeArgs is a row's code and arguments in one map, "code" holding the code.
func codeArgs(code string, args map[string]string) map[string]string {
	out := map[string]string{"code": code}
	for k, v := range args {
		out[k] = v
	}
	return out
}

func TestRowsCarryReasonCodes(t *testing.T) {
	e := fixtureEnv(t)
	want := map[string]map[string]string{
		"u1/u1":       {"code": "key_userid", "userid": "u1", "account": "u1"},
		"u2/wx_li":    {"code": "name_same_dept", "name": "李四", "dept": "市场部"},
		"u7/liuyang1": {"code": "namesake_dept", "name": "刘洋", "locals": "2", "wecom": "2", "dept": "后端组", "score": "0.75"},
		"u8/liuyang2": {"code": "namesake_dept", "name": "刘洋", "locals": "2", "wecom": "2", "dept": "市场部", "score": "0.67"},
		"u9/sun7":     {"code": "key_email", "email": "sun@corp.example"},
		"/zhangwei_a": {"code": "namesake_ambiguous", "name": "张伟", "locals": "3", "wecom": "2"},
		"/zhangwei_b": {"code": "namesake_ambiguous", "name": "张伟", "locals": "3", "wecom": "2"},
		"u5/":         {"code": "unbound_local"},
		"/wx_zhao":    {"code": "unbound_wecom"},
	}
	rows := e.all()
	if len(rows) != len(want) {
		t.Fatalf("rows:\n%s", dump(rows))
	}
	for _, r := range rows {
		k := r.Account + "/" + r.UserID
		if got := codeArgs(r.ReasonCode, r.ReasonArgs); !reflect.DeepEqual(got, want[k]) {
			t.Errorf("%s (%s): %v, want %v", k, r.Reason, got, want[k])
		}
		if r.Reason == "" {
			t.Errorf("%s has no English reason", k)
		}
	}

	// Confirming keeps the reason; rejecting names who did it, and a
	// rematch adds when.
	u1 := e.find(StateProposed, "u1", "u1")
	if _, err := e.svc.Confirm(bg, e.corp, []int64{u1.ID}, admin); err != nil {
		t.Fatal(err)
	}
	if r := e.find(StateConfirmed, "u1", "u1"); r.ReasonCode != "key_userid" || r.ReasonArgs["userid"] != "u1" {
		t.Fatalf("confirmed row lost its reason: %+v", r)
	}
	if _, err := e.svc.Reject(bg, e.corp, []int64{e.find(StateProposed, "u9", "sun7").ID}, admin); err != nil {
		t.Fatal(err)
	}
	r := e.find(StateRejected, "u9", "sun7")
	if got := codeArgs(r.ReasonCode, r.ReasonArgs); !reflect.DeepEqual(got, map[string]string{"code": "rejected_by", "actor": admin}) {
		t.Fatalf("rejected: %v", got)
	}
	e.rematch()
	r = e.find(StateRejected, "u9", "sun7")
	if r.ReasonCode != "rejected_by_at" || r.ReasonArgs["actor"] != admin || r.ReasonArgs["at"] == "" ||
		!strings.Contains(r.Reason, r.ReasonArgs["at"]) {
		t.Fatalf("rejected after rematch: %+v", r)
	}
	if r := e.find(StateConfirmed, "u1", "u1"); r.ReasonCode != "confirmed_earlier_by" ||
		!reflect.DeepEqual(r.ReasonArgs, map[string]string{"method": "userid"}) {
		t.Fatalf("confirmed after rematch: %+v", r)
	}

	// By hand, by choice among candidates (keeping the row's reason), by import.
	if err := e.svc.BindManual(bg, e.corp, "u5", "wx_zhao", admin, false); err != nil {
		t.Fatal(err)
	}
	r = e.find(StateConfirmed, "u5", "wx_zhao")
	if got := codeArgs(r.ReasonCode, r.ReasonArgs); !reflect.DeepEqual(got, map[string]string{"code": "bound_by_hand", "actor": admin}) {
		t.Fatalf("manual: %v", got)
	}
	if err := e.svc.ResolveAmbiguous(bg, e.corp, e.find(StateAmbiguous, "", "zhangwei_a").ID, "zw2", admin); err != nil {
		t.Fatal(err)
	}
	r = e.find(StateConfirmed, "zw2", "zhangwei_a")
	wantChosen := map[string]string{"code": "chosen", "actor": admin, "count": "3", "reason_code": "namesake_ambiguous",
		"reason.name": "张伟", "reason.locals": "3", "reason.wecom": "2"}
	if got := codeArgs(r.ReasonCode, r.ReasonArgs); !reflect.DeepEqual(got, wantChosen) {
		t.Fatalf("chosen: %v", got)
	}
	recs := e.exportCSV(Query{Filter: FilterAmbiguous})
	recs[1][0] = "zw3"
	pv, err := e.svc.PreviewImport(bg, e.corp, toCSV(recs), "csv", "account")
	if err != nil || len(pv.ToBind) != 1 {
		t.Fatalf("preview: %+v %v", pv, err)
	}
	if _, err := e.svc.ApplyImport(bg, pv.ID, "importer"); err != nil {
		t.Fatal(err)
	}
	r = e.find(StateConfirmed, "zw3", "zhangwei_b")
	if got := codeArgs(r.ReasonCode, r.ReasonArgs); !reflect.DeepEqual(got, map[string]string{"code": "imported_by", "actor": "importer", "line": "2"}) {
		t.Fatalf("imported: %v (%s)", got, r.Reason)
	}
	e.checkInvariant()
}

// Rows written before reason codes existed have only their English text.
func TestRowsWithoutReasonCodeKeepTheirText(t *testing.T) {
	e := fixtureEnv(t)
	e.st.DB.MustExec(`UPDATE bind_rows SET reason_code = '', reason_args = '' WHERE corp_id = ?`, e.corp)
	r := e.find(StateProposed, "u1", "u1")
	if r.Reason != "WeCom userid u1 = account u1" || r.ReasonCode != "" || r.ReasonArgs != nil {
		t.Fatalf("old row: %+v", r)
	}
	// Confirming such a row keeps it as it was.
	if _, err := e.svc.Confirm(bg, e.corp, []int64{r.ID}, admin); err != nil {
		t.Fatal(err)
	}
	if r := e.find(StateConfirmed, "u1", "u1"); r.Reason != "WeCom userid u1 = account u1" || r.ReasonCode != "" {
		t.Fatalf("confirmed old row: %+v", r)
	}
}

func TestReasonArgsEncoding(t *testing.T) {
	kv := []string{"name", `引号"与\反斜杠`, "ctl", "a\nb\x01", "bad", "x\xffy", "empty", ""}
	enc := encodeArgs(kv)
	got := decodeArgs(enc)
	want := map[string]string{"name": `引号"与\反斜杠`, "ctl": "a\nb\x01", "bad": "x\uFFFDy", "empty": ""}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s decodes to %q, want %q", enc, got, want)
	}
	if encodeArgs(nil) != "" || decodeArgs("") != nil || decodeArgs("not json") != nil {
		t.Fatal("empty or unreadable arguments")
	}
}

func TestImportRejectCodesForSharedKeysAndBoundMembers(t *testing.T) {
	a, b := loc("a", "甲", "总部"), loc("b", "乙", "总部")
	a.Mobile, b.Mobile = "13800000000", "+86 138 0000 0000"
	e := newEnv(t, []LocalRecord{a, b}, []MemberRecord{mem("wx1", "丙", "某某"), mem("wx2", "丁", "某某")})
	e.rematch()
	if err := e.svc.BindManual(bg, e.corp, "a", "wx1", admin, false); err != nil {
		t.Fatal(err)
	}
	id := e.find(StateConfirmed, "a", "wx1").ID
	pv, err := e.svc.PreviewImport(bg, e.corp, strings.NewReader("企业微信UserID,手机号\nwx2,138 0000 0000\n"), "csv", "mobile")
	if err != nil || len(pv.Rejected) != 1 {
		t.Fatalf("by mobile: %+v %v", pv, err)
	}
	want := map[string]string{"code": "import_shared_key", "field": "mobile", "value": "138 0000 0000", "count": "2", "accounts": "a, b"}
	if got := codeArgs(pv.Rejected[0].ReasonCode, pv.Rejected[0].ReasonArgs); !reflect.DeepEqual(got, want) {
		t.Fatalf("shared key: %v (%s)", got, pv.Rejected[0].Reason)
	}
	pv, err = e.svc.PreviewImport(bg, e.corp, strings.NewReader("企业微信UserID,本地账号\nwx1,b\n"), "csv", "account")
	if err != nil || len(pv.Rejected) != 1 {
		t.Fatalf("by account: %+v %v", pv, err)
	}
	want = map[string]string{"code": "import_userid_bound", "userid": "wx1", "account": "a", "row": strconv.FormatInt(id, 10)}
	if got := codeArgs(pv.Rejected[0].ReasonCode, pv.Rejected[0].ReasonArgs); !reflect.DeepEqual(got, want) {
		t.Fatalf("bound member: %v (%s)", got, pv.Rejected[0].Reason)
	}
}
