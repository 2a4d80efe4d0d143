package wecomsim

import (
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
)

// GenerateOptions shapes a generated organisation. The same options always
// give the same organisation.
type GenerateOptions struct {
	Seed        int64
	Users       int    // default 100
	Departments int    // including the root; default 10
	CorpName    string // root department name; default 星河科技有限公司
	EmailDomain string // default xinghe.example.com
}

// Agent ids of the apps every generated organisation has.
const (
	AgentAll        = 1000002 // 全员应用: the whole corp
	AgentRestricted = 1000003 // 新版应用(隐私受限): whole corp, privacy_restricted
	AgentScoped     = 1000004 // 研发助手: 研发中心 plus two members elsewhere
)

// generator holds the state of one GenerateOrg run.
type generator struct {
	opts    GenerateOptions
	r       *rand.Rand
	org     *Org
	level   map[int]int // department id → level (root 1)
	names   map[int]string
	userIDs map[string]bool
	mobiles map[string]bool
	leader  map[int]bool // department already has its head
}

// GenerateOrg builds a deterministic organisation: a department tree 4–6
// levels deep with realistic names, members with frequency-weighted Chinese
// names (namesakes included) and some English ones, pinyin userids, unique
// mobiles and emails, three apps and a few tags.
func GenerateOrg(o GenerateOptions) *Org {
	return newGenerator(o).run(nil)
}

func newGenerator(o GenerateOptions) *generator {
	if o.Users <= 0 {
		o.Users = 100
	}
	if o.Departments <= 0 {
		o.Departments = 10
	}
	if o.CorpName == "" {
		o.CorpName = "星河科技有限公司"
	}
	if o.EmailDomain == "" {
		o.EmailDomain = "xinghe.example.com"
	}
	return &generator{
		opts: o, r: rand.New(rand.NewPCG(uint64(o.Seed), 0x0c0ffee)),
		level: map[int]int{}, names: map[int]string{}, userIDs: map[string]bool{},
		mobiles: map[string]bool{}, leader: map[int]bool{},
	}
}

// run generates everything; plant, if set, adjusts members before apps and
// tags refer to them.
func (g *generator) run(plant func(*generator)) *Org {
	g.org = &Org{
		CorpID:        "ww" + derive(g.opts.Seed, "corp")[:16],
		ContactSecret: deriveSecret(g.opts.Seed, "contact"),
	}
	g.departments()
	g.users()
	if plant != nil {
		plant(g)
	}
	g.apps()
	g.tags()
	return g.org
}

func derive(seed int64, label string) string {
	sum := sha256.Sum256([]byte(strconv.FormatInt(seed, 10) + "|" + label))
	return hex.EncodeToString(sum[:])
}

// deriveSecret makes a 43-character [A-Za-z0-9_-] secret, like WeCom's.
func deriveSecret(seed int64, label string) string {
	sum := sha256.Sum256([]byte("secret|" + strconv.FormatInt(seed, 10) + "|" + label))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func (g *generator) addDept(id, parent int, name string) {
	g.org.Departments = append(g.org.Departments, Department{ID: id, Name: name, ParentID: parent,
		Order: int64(100000000 - 1000*len(g.org.Departments))})
	g.level[id] = g.level[parent] + 1
	g.names[id] = name
}

// departments grows a random recursive tree under a spine that fixes the depth.
func (g *generator) departments() {
	n := g.opts.Departments
	depth := min(4+g.r.IntN(3), n)
	g.level[0] = 0
	g.addDept(1, 0, g.opts.CorpName)
	children := map[int]map[string]bool{1: {}}
	fallback := map[int]int{}
	next := 2
	for lvl := 2; lvl <= depth; lvl++ {
		name := deptSpine[lvl-2]
		g.addDept(next, next-1, name)
		children[next-1][name] = true
		children[next] = map[string]bool{}
		next++
	}
	var parents []int // departments that may still get children
	for id := 1; id < next; id++ {
		if g.level[id] < depth {
			parents = append(parents, id)
		}
	}
	for ; next <= n; next++ {
		p := parents[g.r.IntN(len(parents))]
		lvl := g.level[p] + 1
		name := ""
		cands := deptNameCandidates(g.names[p], lvl)
		for _, i := range g.r.Perm(len(cands)) {
			if !children[p][cands[i]] {
				name = cands[i]
				break
			}
		}
		for name == "" || children[p][name] {
			fallback[p]++
			name = deptFallbackName(g.names[p], lvl, fallback[p])
		}
		g.addDept(next, p, name)
		children[p][name] = true
		children[next] = map[string]bool{}
		if lvl < depth {
			parents = append(parents, next)
		}
	}
}

// users places members, weighting deeper departments more (the root holds
// only a handful), with about 6% in a second department.
func (g *generator) users() {
	depts := g.org.Departments
	cum := make([]int, len(depts))
	total := 0
	for i, d := range depts {
		w := map[int]int{1: 1, 2: 10, 3: 20}[g.level[d.ID]]
		if w == 0 {
			w = 30
		}
		total += w
		cum[i] = total
	}
	pickDept := func() int {
		x := g.r.IntN(total)
		for i, c := range cum {
			if x < c {
				return depts[i].ID
			}
		}
		return 1
	}
	for i := 0; i < g.opts.Users; i++ {
		name, base := pickName(g.r)
		u := User{Name: name, UserID: g.uniqueID(base), Department: []int{pickDept()}, Status: 1, Enable: 1}
		if len(depts) > 2 && g.r.IntN(100) < 6 {
			if d := pickDept(); d != u.Department[0] {
				u.Department = append(u.Department, d)
			}
		}
		u.Position = g.position(u.Department[0])
		switch x := g.r.IntN(100); {
		case x < 4:
			u.Status = 4 // invited, not yet activated
		case x < 7:
			u.Status, u.Enable = 2, 0
		}
		if g.r.IntN(100) < 96 {
			u.Mobile = g.mobile()
		}
		if u.Mobile == "" || g.r.IntN(100) < 90 {
			u.Email = strings.ReplaceAll(u.UserID, "_", ".") + "@" + g.opts.EmailDomain
		}
		g.org.Users = append(g.org.Users, u)
	}
}

func (g *generator) uniqueID(base string) string {
	id := base
	for n := 2; g.userIDs[strings.ToLower(id)]; n++ {
		id = base + strconv.Itoa(n)
	}
	g.userIDs[strings.ToLower(id)] = true
	return id
}

func (g *generator) mobile() string {
	for {
		m := fmt.Sprintf("1%d%09d", 3+g.r.IntN(7), g.r.IntN(1_000_000_000))
		if !g.mobiles[m] {
			g.mobiles[m] = true
			return m
		}
	}
}

var positionsByKeyword = []struct {
	keys      []string
	positions []string
}{
	{[]string{"销售", "大区", "大客户"}, []string{"销售代表", "客户经理", "大客户经理", "销售专员"}},
	{[]string{"测试"}, []string{"测试工程师", "高级测试工程师", "测试开发工程师"}},
	{[]string{"运维", "监控", "数据库", "系统"}, []string{"运维工程师", "高级运维工程师", "SRE工程师"}},
	{[]string{"研发", "组", "架构", "技术", "数据", "算法", "安全", "平台"}, []string{"软件工程师", "高级工程师", "资深工程师", "技术专家"}},
	{[]string{"产品", "体验", "设计"}, []string{"产品经理", "高级产品经理", "交互设计师", "视觉设计师"}},
	{[]string{"人力", "招聘", "薪酬", "员工", "培训", "组织"}, []string{"招聘专员", "HRBP", "人事专员", "培训专员"}},
	{[]string{"财务", "会计", "资金", "税务", "预算", "审计"}, []string{"会计", "出纳", "财务分析师", "税务专员"}},
	{[]string{"市场", "品牌", "渠道", "内容"}, []string{"市场专员", "品牌经理", "渠道经理", "内容运营"}},
	{[]string{"运营"}, []string{"运营专员", "高级运营", "数据运营"}},
	{[]string{"客户", "客服", "交付", "支持"}, []string{"客户成功经理", "实施顾问", "技术支持工程师", "客服专员"}},
}

// position is a title fitting the department; its first member is the head.
func (g *generator) position(dept int) string {
	name := g.names[dept]
	if !g.leader[dept] {
		g.leader[dept] = true
		switch {
		case dept == 1:
			return "总经理"
		case strings.HasSuffix(name, "中心"), strings.HasSuffix(name, "大区"):
			return "总监"
		case strings.HasSuffix(name, "组"), strings.HasSuffix(name, "队"):
			return "组长"
		}
		return "经理"
	}
	for _, p := range positionsByKeyword {
		for _, k := range p.keys {
			if strings.Contains(name, k) {
				return p.positions[g.r.IntN(len(p.positions))]
			}
		}
	}
	return []string{"专员", "主管", "助理", "高级专员"}[g.r.IntN(4)]
}

// apps: one app for the whole corp, one privacy-restricted (created after
// 2022-06-20) and one scoped to 研发中心 plus two members outside it.
func (g *generator) apps() {
	scopeDept := 1
	for _, d := range g.org.Departments {
		if d.Name == "研发中心" {
			scopeDept = d.ID
			break
		}
	}
	parent := map[int]int{}
	for _, d := range g.org.Departments {
		parent[d.ID] = d.ParentID
	}
	var extra []string
	for i := len(g.org.Users) - 1; i >= 0 && len(extra) < 2; i-- {
		if u := g.org.Users[i]; !within(parent, u.Department, scopeDept) {
			extra = append(extra, u.UserID)
		}
	}
	g.org.Apps = []App{
		{AgentID: AgentAll, Secret: deriveSecret(g.opts.Seed, "app-all"), Name: "全员应用", AllowParty: []int{1}, AllowUser: []string{}},
		{AgentID: AgentRestricted, Secret: deriveSecret(g.opts.Seed, "app-restricted"), Name: "新版应用(隐私受限)",
			AllowParty: []int{1}, AllowUser: []string{}, PrivacyRestricted: true},
		{AgentID: AgentScoped, Secret: deriveSecret(g.opts.Seed, "app-scoped"), Name: "研发助手",
			AllowParty: []int{scopeDept}, AllowUser: extra},
	}
}

// within reports whether any of depts is anc or below it.
func within(parent map[int]int, depts []int, anc int) bool {
	for _, d := range depts {
		for cur := d; cur != 0; cur = parent[cur] {
			if cur == anc {
				return true
			}
		}
	}
	return false
}

// tags: 管理层 (heads), 新员工 (not yet activated) and 技术委员会 (研发中心 as a party).
func (g *generator) tags() {
	var heads, fresh []string
	for _, u := range g.org.Users {
		if slices.Contains([]string{"总经理", "总监", "经理", "组长"}, u.Position) {
			heads = append(heads, u.UserID)
		}
		if u.Status == 4 {
			fresh = append(fresh, u.UserID)
		}
	}
	g.org.Tags = []Tag{{ID: 1, Name: "管理层", Users: heads}, {ID: 2, Name: "新员工", Users: fresh},
		{ID: 3, Name: "技术委员会", Parties: g.org.Apps[2].AllowParty}}
}
