package binding

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// synthetic builds a deterministic organisation of n people as both sides see
// it, shaped like a real import into a privacy-restricted WeCom app:
//
//   - ~95% unique three-character names; ~5% drawn from the most common
//     Chinese full names, so they are namesakes (groups of ~20);
//   - department paths 4–6 levels deep; the WeCom root is the corp's name
//     while the local root is 总部; 10% of people sit in another department
//     in WeCom than locally (stale data);
//   - 60% of userids equal the local account (a tenth in upper case), the
//     rest are opaque; mobile and email withheld for half the members; local
//     mobiles written in several formats, some emails in mixed case;
//   - 3% resigned locally; 3% only local, 3% only in WeCom; 5% of members
//     inactive; a few names with stray spaces or zero-width characters;
//   - 10% of pairs confirmed earlier and a few rejected pairs.
//
// truth maps each folded userid to the account of the same person, so a run
// can count wrong bindings.
func synthetic(n int, seed uint64) (members []Member, locals []Local, existing []Existing, truth map[string]string) {
	rng := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))

	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
	given := []rune("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国文辉鹏飞玉萍红波宁斌浩宇晨欣怡佳琪子涵梓轩俊博雨泽思源一诺嘉懿晓东海燕春梅秋月冬雪志远立新永红丹阳凯鑫瑞雅婷楠旭彬亮鹤龙凤琳颖琦毅峰然")
	common := commonNames(surnames[:25], []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋"})

	depts := syntheticDepts(rng, max(n/25, 8))
	corpRoot := "某某科技有限公司"

	type person struct {
		name       string
		local, wc  []string
		inLocal    bool
		inWeCom    bool
		userid     string
		resigned   bool
		wcInactive bool
	}
	people := make([]person, n)
	for i := range people {
		p := &people[i]
		if rng.IntN(100) < 5 {
			p.name = common[rng.IntN(len(common))]
		} else {
			// Mixed radix over i keeps these unique.
			p.name = string([]rune{surnames[i%len(surnames)], given[(i/len(surnames))%len(given)], given[(i/len(surnames)/len(given))%len(given)]})
		}
		p.local = depts[rng.IntN(len(depts))]
		p.wc = p.local
		if rng.IntN(10) == 0 {
			p.wc = depts[rng.IntN(len(depts))]
		}
		p.inLocal, p.inWeCom = true, true
		switch r := rng.IntN(100); {
		case r < 3:
			p.inWeCom = false
		case r < 6:
			p.inLocal = false
		}
		account := fmt.Sprintf("u%06d", i)
		switch r := rng.IntN(100); {
		case r < 6:
			p.userid = strings.ToUpper(account)
		case r < 60:
			p.userid = account
		default:
			p.userid = fmt.Sprintf("wx%08x", rng.Uint32())
		}
		p.resigned = rng.IntN(100) < 3
		p.wcInactive = rng.IntN(100) < 5
	}

	truth = make(map[string]string, n)
	for i, p := range people {
		account := fmt.Sprintf("u%06d", i)
		mobile := fmt.Sprintf("1%d%09d", 3+i%6, i)
		email := account + "@corp.example"
		if p.inLocal {
			lm := mobile
			switch i % 10 {
			case 0:
				lm = "+86 " + mobile[:3] + " " + mobile[3:7] + " " + mobile[7:]
			case 1:
				lm = mobile[:3] + "-" + mobile[3:7] + "-" + mobile[7:]
			}
			le := email
			if i%10 == 2 {
				le = strings.ToUpper(email[:1]) + email[1:]
			}
			locals = append(locals, Local{
				Account: account, Name: p.name, EmployeeNo: fmt.Sprintf("E%06d", i),
				Mobile: lm, Email: le, DeptPaths: [][]string{p.local}, Resigned: p.resigned,
			})
		}
		if p.inWeCom {
			truth[foldID(p.userid)] = account
			m := Member{UserID: p.userid, Name: p.name, DeptPaths: [][]string{withRoot(corpRoot, p.wc)}, Active: !p.wcInactive}
			if rng.IntN(2) == 0 { // visible to this app
				m.Mobile, m.Email = mobile, email
			}
			switch rng.IntN(100) {
			case 0:
				m.Name = p.name + " "
			case 1:
				m.Name = p.name[:3] + "\u200b" + p.name[3:]
			}
			members = append(members, m)
		}
	}
	// WeCom lists members in its own order.
	rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })

	for i := 0; i < n; i += 10 {
		if people[i].inLocal && people[i].inWeCom {
			existing = append(existing, Existing{Account: fmt.Sprintf("u%06d", i), UserID: people[i].userid, State: StateConfirmed, Method: MethodUserID})
		}
	}
	for k := 0; k < n/200; k++ {
		i, j := rng.IntN(n), rng.IntN(n)
		existing = append(existing, Existing{Account: fmt.Sprintf("u%06d", i), UserID: people[j].userid, State: StateRejected})
	}
	return members, locals, existing, truth
}

// commonNames combines frequent surnames and given names into the full names
// that namesakes actually share (张伟, 王芳, 李娜…).
func commonNames(surnames []rune, given []string) []string {
	var out []string
	for _, s := range surnames {
		for _, g := range given {
			out = append(out, string(s)+g)
		}
	}
	return out
}

// syntheticDepts builds k local department paths, 4–6 levels deep, under 总部.
// Leaf names repeat across branches (every centre has a 后端组), as they do.
func syntheticDepts(rng *rand.Rand, k int) [][]string {
	l1 := []string{"研发事业部", "销售事业部", "制造事业部", "金融事业部", "国际事业部", "职能平台"}
	l2 := []string{"北京中心", "上海中心", "深圳中心", "成都中心", "武汉中心", "西安中心", "杭州中心"}
	l3 := []string{"平台部", "产品部", "市场部", "财务部", "质量部", "运营部", "客服部", "采购部"}
	l4 := []string{"后端组", "前端组", "测试组", "大客户组", "渠道组", "核算组", "计划组"}
	l5 := []string{"一组", "二组", "三组"}
	out := make([][]string, k)
	for i := range out {
		p := []string{"总部", l1[rng.IntN(len(l1))], l2[rng.IntN(len(l2))], l3[rng.IntN(len(l3))]}
		if depth := 4 + rng.IntN(3); depth >= 5 {
			p = append(p, l4[rng.IntN(len(l4))])
			if depth == 6 {
				p = append(p, l5[rng.IntN(len(l5))])
			}
		}
		out[i] = p
	}
	return out
}

// withRoot swaps the root for WeCom's, which is the corp's name.
func withRoot(root string, p []string) []string {
	out := make([]string, len(p))
	copy(out, p)
	out[0] = root
	return out
}
