package review

import (
	"bytes"
	"strings"
	"testing"

	"wecom-bridge/backend/actor"
)

func (e *env) cli(args ...string) (string, error) {
	e.t.Helper()
	var out bytes.Buffer
	err := RunCLI(bg, e.svc, e.resolver(), append([]string{"bindings"}, args...), &out)
	return out.String(), err
}

// The verbs act through the page's own methods: the same states and the
// same audit entries, under the actor cli:<user>.
func TestCLIVerbsDoWhatThePageDoes(t *testing.T) {
	e := fixtureEnv(t)
	by := "cli:tester"
	steps := []struct {
		args []string
		out  string
	}{
		{[]string{"confirm", "--corp", "某某科技", "--account", "u1", "--by", by}, "confirmed u1 ↔ u1"},
		{[]string{"reject", "--corp", "某某科技", "--account", "u2", "--userid", "wx_li", "--by", by}, "rejected u2 ↔ wx_li"},
		{[]string{"unbind", "--corp", "某某科技", "--account", "u9", "--by", by}, "unbound u9 ↔ sun7"},
		{[]string{"bind", "--corp", "某某科技", "--account", "u5", "--userid", "wx_zhao", "--by", by}, "bound u5 ↔ wx_zhao"},
		{[]string{"confirm", "--corp", "某某科技", "--account", "zw1", "--userid", "zhangwei_a", "--by", by}, "chosen among the candidates"},
	}
	for _, s := range steps {
		out, err := e.cli(s.args...)
		if err != nil || !strings.Contains(out, s.out) {
			t.Fatalf("%v: %q, %v; want %q", s.args, out, err, s.out)
		}
	}
	if r := e.find(StateConfirmed, "u1", "u1"); r.Method != "userid" {
		t.Errorf("u1 row: %+v", r)
	}
	e.find(StateRejected, "u2", "wx_li")
	e.find(StateUnboundLocal, "u9", "")
	e.find(StateConfirmed, "u5", "wx_zhao")
	e.find(StateConfirmed, "zw1", "zhangwei_a")
	want := []string{
		"cli:tester confirm u1↔u1 proposed/userid→confirmed/userid",
		"cli:tester reject u2↔wx_li proposed/name→rejected/name",
		"cli:tester unbind u9↔sun7 proposed/email→unbound/",
		"cli:tester bind_manual u5↔wx_zhao unbound/→confirmed/manual",
		"cli:tester resolve zw1↔zhangwei_a ambiguous/name→confirmed/name",
	}
	got := strings.Join(auditLines(e.audit()), "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("audit lacks %q:\n%s", w, got)
		}
	}

	// The default actor is cli:<OS user>.
	if _, err := e.cli("reject", "--corp", "某某科技", "--account", "u1"); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(auditLines(e.audit()), "\n"), actor.Of("cli")+" reject u1↔u1 confirmed/userid→rejected/userid") {
		t.Errorf("default actor is not %s: %v", actor.Of("cli"), auditLines(e.audit()))
	}
}

func TestCLIMatchPrintsTheSummary(t *testing.T) {
	l, m := fixture()
	e := newEnv(t, l, m)
	out, err := e.cli("match", "--corp", "某某科技", "--by", "cli:tester")
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"  read\n  match\n  save\n", "matched 9 local accounts with 8 WeCom members", "by cli:tester", "to confirm 5, ambiguous 2"} {
		if !strings.Contains(out, w) {
			t.Errorf("match output %q lacks %q", out, w)
		}
	}
	// Nothing changed since: not matched again, and it says so.
	if out, err = e.cli("match", "--corp", "某某科技", "--by", "cli:tester"); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"  read\n  unchanged\n", "matched 9 local accounts with 8 WeCom members", "to confirm 5, ambiguous 2"} {
		if !strings.Contains(out, w) {
			t.Errorf("second match output %q lacks %q", out, w)
		}
	}
}

func TestCLIVerbErrors(t *testing.T) {
	e := fixtureEnv(t)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"confirm", "--account", "u1"}, "--corp is required"},
		{[]string{"confirm", "--corp", "某某科技"}, "--account is required"},
		{[]string{"bind", "--corp", "某某科技", "--account", "u5"}, "--userid is required"},
		{[]string{"reject", "--corp", "某某科技", "--account", "u5"}, "u5 has no proposed or confirmed binding"},
		{[]string{"confirm", "--corp", "nope", "--account", "u1"}, `corp "nope"`},
		{[]string{"unbind", "--corp", "某某科技", "--account", "u1", "extra"}, `unexpected argument "extra"`},
		// The page's rules: a side confirmed elsewhere is refused without --force.
		{[]string{"bind", "--corp", "某某科技", "--account", "u1", "--userid", "wx_zhao", "--by", "cli:t"}, ""},
		{[]string{"bind", "--corp", "某某科技", "--account", "u2", "--userid", "wx_zhao", "--by", "cli:t"}, "wx_zhao"},
	}
	for _, c := range cases {
		_, err := e.cli(c.args...)
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%v: %v", c.args, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%v: error %v, want %q", c.args, err, c.want)
		}
	}
}
