package review

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
)

func (e *env) resolver() func(context.Context, string) (int64, error) {
	return func(_ context.Context, name string) (int64, error) {
		if name == "某某科技" {
			return e.corp, nil
		}
		return 0, errors.New("no such corp")
	}
}

func TestCLIJSONShape(t *testing.T) {
	e := fixtureEnv(t)
	e.svc.Confirm(bg, e.corp, []int64{e.find(StateProposed, "u9", "sun7").ID}, admin)
	var out bytes.Buffer
	if err := RunCLI(bg, e.svc, e.resolver(), []string{"bindings", "--corp", "某某科技", "--json"}, &out); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out.String())
	}
	if len(rows) != 9 {
		t.Fatalf("%d rows, want 9 (unbound included)", len(rows))
	}
	wantKeys := []string{"account", "candidates", "confidence", "conflicts", "method", "state", "userid"}
	for _, r := range rows {
		var keys []string
		for k := range r {
			keys = append(keys, k)
		}
		if !sameSet(keys, wantKeys) {
			t.Fatalf("keys %v, want %v", keys, wantKeys)
		}
	}
	want := map[int]string{
		0: `{"account":"u1","candidates":[],"confidence":0.99,"conflicts":[],"method":"userid","state":"proposed","userid":"u1"}`,
		4: `{"account":"u9","candidates":[],"confidence":0.95,"conflicts":[],"method":"email","state":"confirmed","userid":"sun7"}`,
		5: `{"account":"","candidates":[` +
			`{"account":"zw1","boundTo":"","mainDept":"总部/研发部","mobile":"","name":"张伟","position":"","score":0},` +
			`{"account":"zw2","boundTo":"","mainDept":"总部/市场部","mobile":"","name":"张伟","position":"","score":0},` +
			`{"account":"zw3","boundTo":"","mainDept":"总部/财务部","mobile":"","name":"张伟","position":"","score":0}],` +
			`"confidence":0.3,"conflicts":[],"method":"name","state":"ambiguous","userid":"zhangwei_a"}`,
		7: `{"account":"u5","candidates":[],"confidence":0,"conflicts":[],"method":"","state":"unbound_local","userid":""}`,
		8: `{"account":"","candidates":[],"confidence":0,"conflicts":[],"method":"","state":"unbound_wecom","userid":"wx_zhao"}`,
	}
	for i, w := range want {
		b, _ := json.Marshal(rows[i]) // map keys marshal sorted
		if string(b) != w {
			t.Errorf("row %d:\n got %s\nwant %s", i, b, w)
		}
	}

	out.Reset()
	if err := RunCLI(bg, e.svc, e.resolver(), []string{"--corp=某某科技", "--json", "--state", "proposed"}, &out); err != nil {
		t.Fatal(err)
	}
	json.Unmarshal(out.Bytes(), &rows)
	if len(rows) != 4 {
		t.Fatalf("--state proposed: %d rows", len(rows))
	}
	for _, r := range rows {
		if r["state"] != "proposed" {
			t.Fatalf("--state proposed gave %v", r)
		}
	}
	out.Reset()
	if err := RunCLI(bg, e.svc, e.resolver(), []string{"--corp", "某某科技", "--json", "--state", "rejected"}, &out); err != nil ||
		strings.TrimSpace(out.String()) != "[\n]" {
		t.Fatalf("empty result: %q %v", out.String(), err)
	}
}

func TestCLITableAndErrors(t *testing.T) {
	e := fixtureEnv(t)
	var out bytes.Buffer
	if err := RunCLI(bg, e.svc, e.resolver(), []string{"--corp", "某某科技", "--state", "ambiguous"}, &out); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[0], "STATE") || !strings.Contains(lines[1], "zw1,zw2,zw3") {
		t.Fatalf("table:\n%s", out.String())
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--json"}, "--corp is required"},
		{[]string{"--corp", "别家"}, `corp "别家": no such corp`},
		{[]string{"--corp", "某某科技", "--state", "pending"}, `--state "pending" is unknown`},
		{[]string{"--corp", "某某科技", "--bogus"}, "flag provided but not defined: -bogus"},
		{[]string{"--corp", "某某科技", "extra"}, `unexpected argument "extra"`},
	} {
		err := RunCLI(bg, e.svc, e.resolver(), c.args, &bytes.Buffer{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v; want %q", c.args, err, c.want)
		}
	}
	out.Reset()
	if err := RunCLI(bg, e.svc, e.resolver(), []string{"-h"}, &out); err != nil || !strings.Contains(out.String(), "-state") {
		t.Fatalf("help: %v %q", err, out.String())
	}
}

func sameSet(a, b []string) bool {
	a, b = slices.Clone(a), slices.Clone(b)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

// `bindings --json` carries a flagged row's conflicts and a candidate's
// details.
func TestCLIJSONConflictsAndCandidates(t *testing.T) {
	a := loc("a1", "张三", "总部/研发部")
	a.Mobile = "13800138001"
	ma := mem("a1", "张三", "某某科技/市场部")
	ma.Mobile = "13900000001"
	z1 := loc("zw1", "张伟", "总部/研发部")
	z1.Position, z1.Mobile = "工程师", "13800138009"
	e := newEnv(t, []LocalRecord{a, z1, loc("zw2", "张伟", "总部/市场部")}, []MemberRecord{ma, mem("zwa", "张伟", "某某科技/采购部")})
	e.rematch()
	var out bytes.Buffer
	if err := RunCLI(bg, e.svc, e.resolver(), []string{"--corp", "某某科技", "--json"}, &out); err != nil {
		t.Fatal(err)
	}
	var rows []cliRow
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatal(err)
	}
	if rows[0].Account != "a1" || strings.Join(rows[0].Conflicts, ",") != "mobile,department" {
		t.Fatalf("row 0 = %+v, want a1 with conflicts mobile, department", rows[0])
	}
	c := rows[1].Candidates[0]
	if rows[1].State != StateAmbiguous || c.Account != "zw1" || c.Position != "工程师" || c.MainDept != "总部/研发部" ||
		c.Mobile != "138****8009" {
		t.Fatalf("row 1 = %+v, candidate %+v", rows[1], c)
	}
}
