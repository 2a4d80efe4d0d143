package wecomsim

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

func TestOrgLoadDumpRoundTrip(t *testing.T) {
	org := GenerateOrg(GenerateOptions{Seed: 11, Users: 300, Departments: 25})
	var first bytes.Buffer
	if err := org.Dump(&first); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "org.json")
	if err := os.WriteFile(path, first.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	loaded, err := LoadOrg(path)
	if err != nil {
		t.Fatal(err)
	}
	// Through the simulator and back: the live dump equals the file.
	var second bytes.Buffer
	if err := New(loaded).Org().Dump(&second); err != nil {
		t.Fatal(err)
	}
	if first.String() != second.String() {
		t.Fatalf("round trip changed the organisation:\n%.400s\n---\n%.400s", first.String(), second.String())
	}
}

func TestOrgFileFormat(t *testing.T) {
	const file = `{"corp_id":"ww0123456789abcdef","contact_secret":"c",
	 "apps":[{"agentid":1000002,"secret":"s","name":"全员应用","allow_party":[1],"allow_user":[],"privacy_restricted":false}],
	 "departments":[{"id":1,"name":"示例公司","parentid":0,"order":100},{"id":2,"name":"研发部","parentid":1,"order":90}],
	 "users":[{"userid":"zhangsan","name":"张三","department":[2],"mobile":"13800000000","email":"zhangsan@example.com","position":"工程师"}]}`
	o, err := ReadOrg(strings.NewReader(file))
	if err != nil {
		t.Fatal(err)
	}
	if u := o.Users[0]; u.Status != 1 || u.Enable != 1 {
		t.Fatalf("status/enable default to 1, got %d/%d", u.Status, u.Enable)
	}
	bad := map[string]string{
		"no root":        strings.Replace(file, `"id":1,"name":"示例公司","parentid":0`, `"id":9,"name":"示例公司","parentid":0`, 1),
		"unknown parent": strings.Replace(file, `"parentid":1,"order":90`, `"parentid":5,"order":90`, 1),
		"unknown dept":   strings.Replace(file, `"department":[2]`, `"department":[3]`, 1),
		"bad userid":     strings.Replace(file, `"userid":"zhangsan"`, `"userid":"张三"`, 1),
		"unknown field":  strings.Replace(file, `"position":"工程师"`, `"title":"工程师"`, 1),
		"scope user":     strings.Replace(file, `"allow_user":[]`, `"allow_user":["nobody"]`, 1),
	}
	for name, f := range bad {
		if _, err := ReadOrg(strings.NewReader(f)); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

func TestGenerateOrgIsDeterministic(t *testing.T) {
	opts := GenerateOptions{Seed: 99, Users: 800, Departments: 60}
	var a, b, c bytes.Buffer
	GenerateOrg(opts).Dump(&a)
	GenerateOrg(opts).Dump(&b)
	opts.Seed = 100
	GenerateOrg(opts).Dump(&c)
	if a.String() != b.String() {
		t.Fatal("same seed, different organisations")
	}
	if a.String() == c.String() {
		t.Fatal("different seeds, same organisation")
	}
}

func TestGeneratedOrgLooksReal(t *testing.T) {
	o := GenerateOrg(GenerateOptions{Seed: 5, Users: 5000, Departments: 300})
	if err := o.Validate(); err != nil {
		t.Fatal(err)
	}
	if len(o.Users) != 5000 || len(o.Departments) != 300 {
		t.Fatalf("%d users, %d departments", len(o.Users), len(o.Departments))
	}
	depth := maxDepth(o)
	if depth < 4 || depth > 6 {
		t.Fatalf("tree depth %d, want 4–6", depth)
	}
	names, surnames, english := map[string]int{}, map[string]int{}, 0
	for _, u := range o.Users {
		names[u.Name]++
		if strings.Contains(u.Name, " ") {
			english++
		} else {
			surnames[string([]rune(u.Name)[:1])]++
		}
		if u.Mobile != "" && (len(u.Mobile) != 11 || u.Mobile[0] != '1' || u.Mobile[1] < '3') {
			t.Fatalf("mobile %s", u.Mobile)
		}
	}
	if names["张伟"] < 2 || names["王芳"] < 1 {
		t.Errorf("common names missing: 张伟 %d, 王芳 %d", names["张伟"], names["王芳"])
	}
	for _, common := range []string{"王", "李", "张"} {
		if surnames[common] < 200 {
			t.Errorf("surname %s only %d times in 5000", common, surnames[common])
		}
	}
	if english < 50 || english > 300 {
		t.Errorf("%d English names in 5000", english)
	}
	distinct := len(names)
	if distinct > 4990 || distinct < 3500 {
		t.Errorf("%d distinct names in 5000: namesakes unrealistic", distinct)
	}
}

func maxDepth(o *Org) int {
	parent := map[int]int{}
	for _, d := range o.Departments {
		parent[d.ID] = d.ParentID
	}
	best := 0
	for id := range parent {
		n := 0
		for cur := id; cur != 0; cur = parent[cur] {
			n++
		}
		best = max(best, n)
	}
	return best
}

func TestDemoOrgShape(t *testing.T) {
	o := DemoOrg()
	if !strings.HasPrefix(o.CorpID, "ww") || len(o.CorpID) != 18 || strings.Trim(o.CorpID[2:], "0123456789abcdef") != "" {
		t.Fatalf("corp id %q", o.CorpID)
	}
	if len(o.Users) < 450 || len(o.Users) > 550 || len(o.Departments) != 40 {
		t.Fatalf("%d users in %d departments", len(o.Users), len(o.Departments))
	}
	secrets := []string{o.ContactSecret}
	var all, restricted bool
	for _, a := range o.Apps {
		secrets = append(secrets, a.Secret)
		all = all || (a.Name == "全员应用" && len(a.AllowParty) == 1 && a.AllowParty[0] == 1 && !a.PrivacyRestricted)
		restricted = restricted || (a.Name == "新版应用(隐私受限)" && a.PrivacyRestricted)
	}
	if !all || !restricted {
		t.Fatalf("apps %+v", o.Apps)
	}
	for _, s := range secrets {
		if len(s) != 43 || strings.Trim(s, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-") != "" {
			t.Fatalf("secret %q is not 43 chars of [A-Za-z0-9_-]", s)
		}
	}
	zhangwei := map[int]int{}
	for _, u := range o.Users {
		if u.Name == "张伟" {
			zhangwei[u.Department[0]]++
		}
	}
	pair := false
	for _, n := range zhangwei {
		pair = pair || n >= 2
	}
	if len(zhangwei) < 3 || !pair {
		t.Fatalf("张伟 by department: %v; want 3+ departments and two in one", zhangwei)
	}
	if DemoOrg().CorpID != o.CorpID {
		t.Fatal("DemoOrg is not fixed")
	}
}

func TestLargeOrgScales(t *testing.T) {
	if testing.Short() {
		t.Skip("large organisation")
	}
	o := GenerateOrg(GenerateOptions{Seed: 1, Users: 100_000, Departments: 10_000})
	e := newEnvOrg(t, o)
	tok := e.contactToken()
	u := o.Users[77_777]
	if a := e.api("user/get", tok, q("userid", u.UserID), nil); a.str("name") != u.Name {
		t.Fatalf("user/get: %v", a)
	}
	if a := e.api("user/getuserid", tok, nil, map[string]any{"mobile": o.Users[99_999].Mobile}); o.Users[99_999].Mobile != "" && a.str("userid") != o.Users[99_999].UserID {
		t.Fatalf("getuserid: %v", a)
	}
	if n := len(e.api("department/simplelist", tok, nil, nil).list("department_id")); n != 10_000 {
		t.Fatalf("simplelist: %d departments", n)
	}
	d := u.Department[0]
	want := 0
	for _, x := range o.Users {
		for _, y := range x.Department {
			if y == d {
				want++
			}
		}
	}
	if n := len(e.api("user/list", tok, q("department_id", strconv.Itoa(d)), nil).list("userlist")); n != want {
		t.Fatalf("user/list: %d, want %d", n, want)
	}
}

// The complete example in docs/sim-org-format.md must stay loadable.
func TestDocsExampleLoads(t *testing.T) {
	b, err := os.ReadFile("../../../docs/sim-org-format.md")
	if err != nil {
		t.Skip("docs not present")
	}
	blocks := strings.Split(string(b), "```json\n")
	last := blocks[len(blocks)-1]
	last = last[:strings.Index(last, "```")]
	if _, err := ReadOrg(strings.NewReader(last)); err != nil {
		t.Fatal(err)
	}
}
