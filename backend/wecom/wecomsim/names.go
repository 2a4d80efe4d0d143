package wecomsim

import (
	"math/rand/v2"
	"sort"
	"strings"
	"unicode/utf8"
)

// Name data for generated organisations. Surname weights follow published
// surname shares (per 10,000 people); given-name weights favour the names
// that make 张伟, 王芳 and 李娜 the commonest full names, so namesakes turn
// up as they do in real corps.

type pinyinEntry struct {
	han    string
	py     string
	weight int
	gender int // 1 male, 2 female, 0 either
}

var surnames = []pinyinEntry{
	{"王", "wang", 712, 0}, {"李", "li", 700, 0}, {"张", "zhang", 674, 0}, {"刘", "liu", 510, 0},
	{"陈", "chen", 461, 0}, {"杨", "yang", 322, 0}, {"黄", "huang", 245, 0}, {"赵", "zhao", 200, 0},
	{"周", "zhou", 190, 0}, {"吴", "wu", 180, 0}, {"徐", "xu", 145, 0}, {"孙", "sun", 138, 0},
	{"胡", "hu", 131, 0}, {"朱", "zhu", 126, 0}, {"高", "gao", 122, 0}, {"林", "lin", 118, 0},
	{"何", "he", 117, 0}, {"郭", "guo", 115, 0}, {"马", "ma", 105, 0}, {"罗", "luo", 86, 0},
	{"梁", "liang", 83, 0}, {"宋", "song", 80, 0}, {"郑", "zheng", 78, 0}, {"谢", "xie", 72, 0},
	{"韩", "han", 68, 0}, {"唐", "tang", 65, 0}, {"冯", "feng", 64, 0}, {"于", "yu", 62, 0},
	{"董", "dong", 61, 0}, {"肖", "xiao", 59, 0}, {"程", "cheng", 58, 0}, {"曹", "cao", 57, 0},
	{"袁", "yuan", 54, 0}, {"邓", "deng", 53, 0}, {"许", "xu", 52, 0}, {"付", "fu", 50, 0},
	{"沈", "shen", 49, 0}, {"曾", "zeng", 48, 0}, {"彭", "peng", 47, 0}, {"吕", "lv", 46, 0},
	{"苏", "su", 45, 0}, {"卢", "lu", 44, 0}, {"蒋", "jiang", 43, 0}, {"蔡", "cai", 42, 0},
	{"贾", "jia", 41, 0}, {"丁", "ding", 40, 0}, {"魏", "wei", 39, 0}, {"薛", "xue", 38, 0},
	{"叶", "ye", 37, 0}, {"闫", "yan", 36, 0}, {"余", "yu", 35, 0}, {"潘", "pan", 34, 0},
	{"杜", "du", 33, 0}, {"戴", "dai", 32, 0}, {"夏", "xia", 31, 0}, {"钟", "zhong", 30, 0},
	{"汪", "wang", 29, 0}, {"田", "tian", 28, 0}, {"任", "ren", 27, 0}, {"姜", "jiang", 26, 0},
	{"范", "fan", 25, 0}, {"方", "fang", 24, 0}, {"石", "shi", 23, 0}, {"姚", "yao", 22, 0},
	{"谭", "tan", 21, 0}, {"廖", "liao", 20, 0}, {"邹", "zou", 19, 0}, {"熊", "xiong", 18, 0},
	{"金", "jin", 17, 0}, {"陆", "lu", 16, 0}, {"郝", "hao", 15, 0}, {"韦", "wei", 15, 0},
	{"孔", "kong", 14, 0}, {"白", "bai", 13, 0}, {"崔", "cui", 12, 0}, {"康", "kang", 11, 0},
	{"毛", "mao", 10, 0}, {"邱", "qiu", 10, 0}, {"秦", "qin", 10, 0}, {"江", "jiang", 9, 0},
	{"史", "shi", 9, 0}, {"顾", "gu", 9, 0}, {"侯", "hou", 9, 0}, {"邵", "shao", 8, 0},
	{"孟", "meng", 8, 0}, {"龙", "long", 8, 0}, {"万", "wan", 8, 0}, {"陶", "tao", 8, 0},
	{"段", "duan", 7, 0}, {"雷", "lei", 7, 0}, {"钱", "qian", 7, 0}, {"汤", "tang", 7, 0},
	{"尹", "yin", 6, 0}, {"黎", "li", 6, 0}, {"易", "yi", 6, 0}, {"常", "chang", 6, 0},
	{"武", "wu", 6, 0}, {"严", "yan", 6, 0}, {"乔", "qiao", 5, 0}, {"贺", "he", 5, 0},
	{"赖", "lai", 5, 0}, {"龚", "gong", 5, 0}, {"文", "wen", 5, 0}, {"莫", "mo", 5, 0},
	{"覃", "qin", 5, 0}, {"向", "xiang", 4, 0}, {"欧阳", "ouyang", 2, 0}, {"司马", "sima", 1, 0},
	{"上官", "shangguan", 1, 0}, {"诸葛", "zhuge", 1, 0},
}

// commonGiven are whole given names, weighted by how often they occur.
var commonGiven = []pinyinEntry{
	{"伟", "wei", 100, 1}, {"芳", "fang", 80, 2}, {"娜", "na", 70, 2}, {"敏", "min", 65, 2},
	{"静", "jing", 65, 2}, {"丽", "li", 60, 2}, {"秀英", "xiuying", 55, 2}, {"强", "qiang", 55, 1},
	{"磊", "lei", 55, 1}, {"艳", "yan", 50, 2}, {"勇", "yong", 50, 1}, {"军", "jun", 50, 1},
	{"杰", "jie", 48, 1}, {"洋", "yang", 45, 1}, {"娟", "juan", 45, 2}, {"涛", "tao", 42, 1},
	{"超", "chao", 40, 1}, {"明", "ming", 40, 1}, {"霞", "xia", 38, 2}, {"秀兰", "xiulan", 35, 2},
	{"刚", "gang", 35, 1}, {"平", "ping", 32, 1}, {"燕", "yan", 32, 2}, {"辉", "hui", 30, 1},
	{"玲", "ling", 30, 2}, {"桂英", "guiying", 28, 2}, {"丹", "dan", 28, 2}, {"萍", "ping", 27, 2},
	{"鹏", "peng", 27, 1}, {"华", "hua", 27, 1}, {"红", "hong", 26, 2}, {"玉兰", "yulan", 25, 2},
	{"飞", "fei", 25, 1}, {"婷", "ting", 18, 2}, {"桂兰", "guilan", 22, 2}, {"英", "ying", 22, 2},
	{"梅", "mei", 22, 2}, {"鑫", "xin", 22, 1}, {"波", "bo", 22, 1}, {"斌", "bin", 22, 1},
	{"宇", "yu", 22, 1}, {"浩", "hao", 22, 1}, {"凯", "kai", 20, 1}, {"健", "jian", 20, 1},
	{"俊", "jun", 20, 1}, {"帆", "fan", 18, 1}, {"帅", "shuai", 18, 1}, {"旭", "xu", 17, 1},
	{"宁", "ning", 15, 1}, {"龙", "long", 15, 1}, {"欢", "huan", 15, 2}, {"阳", "yang", 15, 1},
	{"建华", "jianhua", 15, 1}, {"亮", "liang", 15, 1}, {"成", "cheng", 14, 1}, {"建国", "jianguo", 14, 1},
	{"倩", "qian", 14, 2}, {"颖", "ying", 14, 2}, {"琳", "lin", 12, 2}, {"晶", "jing", 12, 2},
	{"雪", "xue", 12, 2}, {"慧", "hui", 12, 2}, {"莉", "li", 12, 2}, {"建军", "jianjun", 12, 1},
	{"佳", "jia", 10, 2}, {"志强", "zhiqiang", 10, 1}, {"海燕", "haiyan", 10, 2}, {"子轩", "zixuan", 10, 1},
	{"浩然", "haoran", 10, 1}, {"梓涵", "zihan", 9, 2}, {"一诺", "yinuo", 9, 2}, {"欣怡", "xinyi", 9, 2},
	{"晓东", "xiaodong", 8, 1}, {"晓燕", "xiaoyan", 8, 2}, {"宇轩", "yuxuan", 8, 1}, {"俊杰", "junjie", 8, 1},
	{"雨萱", "yuxuan", 7, 2}, {"佳怡", "jiayi", 7, 2}, {"博文", "bowen", 7, 1}, {"思琪", "siqi", 7, 2},
	{"思远", "siyuan", 6, 1}, {"诗涵", "shihan", 6, 2}, {"文博", "wenbo", 6, 1}, {"晓明", "xiaoming", 6, 1},
	{"丽娟", "lijuan", 6, 2}, {"国强", "guoqiang", 6, 1}, {"春梅", "chunmei", 5, 2}, {"红梅", "hongmei", 5, 2},
	{"志刚", "zhigang", 5, 1}, {"鹏飞", "pengfei", 5, 1}, {"晓丽", "xiaoli", 5, 2}, {"天宇", "tianyu", 5, 1},
	{"嘉豪", "jiahao", 5, 1}, {"婉清", "wanqing", 4, 2},
}

// Characters for composed two-character given names (the long tail).
var givenFirst = []pinyinEntry{
	{"子", "zi", 1, 0}, {"浩", "hao", 1, 0}, {"宇", "yu", 1, 0}, {"梓", "zi", 1, 0}, {"思", "si", 1, 0},
	{"欣", "xin", 1, 0}, {"佳", "jia", 1, 0}, {"嘉", "jia", 1, 0}, {"俊", "jun", 1, 0}, {"晓", "xiao", 1, 0},
	{"志", "zhi", 1, 0}, {"建", "jian", 1, 0}, {"文", "wen", 1, 0}, {"明", "ming", 1, 0}, {"海", "hai", 1, 0},
	{"国", "guo", 1, 0}, {"立", "li", 1, 0}, {"家", "jia", 1, 0}, {"天", "tian", 1, 0}, {"雨", "yu", 1, 0},
	{"一", "yi", 1, 0}, {"若", "ruo", 1, 0}, {"诗", "shi", 1, 0}, {"雅", "ya", 1, 0}, {"静", "jing", 1, 0},
	{"春", "chun", 1, 0}, {"秋", "qiu", 1, 0}, {"德", "de", 1, 0}, {"永", "yong", 1, 0}, {"振", "zhen", 1, 0},
	{"博", "bo", 1, 0}, {"泽", "ze", 1, 0}, {"晨", "chen", 1, 0}, {"云", "yun", 1, 0}, {"美", "mei", 1, 0},
	{"丽", "li", 1, 0}, {"慧", "hui", 1, 0}, {"心", "xin", 1, 0}, {"安", "an", 1, 0}, {"乐", "le", 1, 0},
}

var givenSecondMale = []pinyinEntry{
	{"轩", "xuan", 1, 1}, {"然", "ran", 1, 1}, {"豪", "hao", 1, 1}, {"杰", "jie", 1, 1}, {"航", "hang", 1, 1},
	{"辰", "chen", 1, 1}, {"阳", "yang", 1, 1}, {"峰", "feng", 1, 1}, {"斌", "bin", 1, 1}, {"龙", "long", 1, 1},
	{"飞", "fei", 1, 1}, {"鹏", "peng", 1, 1}, {"涛", "tao", 1, 1}, {"磊", "lei", 1, 1}, {"刚", "gang", 1, 1},
	{"强", "qiang", 1, 1}, {"军", "jun", 1, 1}, {"伟", "wei", 1, 1}, {"东", "dong", 1, 1}, {"平", "ping", 1, 1},
	{"华", "hua", 1, 1}, {"辉", "hui", 1, 1}, {"凯", "kai", 1, 1}, {"川", "chuan", 1, 1}, {"毅", "yi", 1, 1},
	{"诚", "cheng", 1, 1}, {"哲", "zhe", 1, 1}, {"睿", "rui", 1, 1}, {"恒", "heng", 1, 1}, {"远", "yuan", 1, 1},
}

var givenSecondFemale = []pinyinEntry{
	{"涵", "han", 1, 2}, {"萱", "xuan", 1, 2}, {"怡", "yi", 1, 2}, {"琪", "qi", 1, 2}, {"婷", "ting", 1, 2},
	{"雪", "xue", 1, 2}, {"颖", "ying", 1, 2}, {"娜", "na", 1, 2}, {"芳", "fang", 1, 2}, {"丽", "li", 1, 2},
	{"静", "jing", 1, 2}, {"燕", "yan", 1, 2}, {"玲", "ling", 1, 2}, {"霞", "xia", 1, 2}, {"梅", "mei", 1, 2},
	{"琳", "lin", 1, 2}, {"倩", "qian", 1, 2}, {"蕾", "lei", 1, 2}, {"瑶", "yao", 1, 2}, {"璐", "lu", 1, 2},
	{"彤", "tong", 1, 2}, {"菲", "fei", 1, 2}, {"妍", "yan", 1, 2}, {"楠", "nan", 1, 2}, {"悦", "yue", 1, 2},
	{"晴", "qing", 1, 2}, {"薇", "wei", 1, 2}, {"洁", "jie", 1, 2}, {"雯", "wen", 1, 2}, {"兰", "lan", 1, 2},
}

var englishGiven = []pinyinEntry{
	{"Tom", "tom", 1, 1}, {"Jerry", "jerry", 1, 1}, {"Kevin", "kevin", 1, 1}, {"Jason", "jason", 1, 1},
	{"Eric", "eric", 1, 1}, {"David", "david", 1, 1}, {"Peter", "peter", 1, 1}, {"Michael", "michael", 1, 1},
	{"Daniel", "daniel", 1, 1}, {"Frank", "frank", 1, 1}, {"Jack", "jack", 1, 1}, {"Leo", "leo", 1, 1},
	{"Vincent", "vincent", 1, 1}, {"Allen", "allen", 1, 1}, {"Emily", "emily", 1, 2}, {"Linda", "linda", 1, 2},
	{"Amy", "amy", 1, 2}, {"Grace", "grace", 1, 2}, {"Lucy", "lucy", 1, 2}, {"Sophie", "sophie", 1, 2},
	{"Cindy", "cindy", 1, 2}, {"Helen", "helen", 1, 2}, {"Alice", "alice", 1, 2}, {"Vivian", "vivian", 1, 2},
	{"Iris", "iris", 1, 2}, {"Nancy", "nancy", 1, 2}, {"Wendy", "wendy", 1, 2}, {"Cherry", "cherry", 1, 2},
}

// weightedTable picks entries in proportion to their weights.
type weightedTable struct {
	entries []pinyinEntry
	cum     []int
}

func newWeightedTable(entries []pinyinEntry) *weightedTable {
	t := &weightedTable{entries: entries, cum: make([]int, len(entries))}
	total := 0
	for i, e := range entries {
		total += e.weight
		t.cum[i] = total
	}
	return t
}

func (t *weightedTable) pick(r *rand.Rand) pinyinEntry {
	x := r.IntN(t.cum[len(t.cum)-1])
	return t.entries[sort.SearchInts(t.cum, x+1)]
}

var (
	surnameTable = newWeightedTable(surnames)
	givenTable   = newWeightedTable(commonGiven)
	genderOf     = func() map[string]int {
		m := map[string]int{}
		for _, list := range [][]pinyinEntry{commonGiven, givenSecondMale, givenSecondFemale, englishGiven} {
			for _, e := range list {
				if _, seen := m[e.han]; !seen {
					m[e.han] = e.gender
				}
			}
		}
		return m
	}()
)

// pickChineseName draws a full name with its pinyin and gender (1 male, 2 female).
func pickChineseName(r *rand.Rand) (name, pinyin string, gender int) {
	sur := surnameTable.pick(r)
	if r.IntN(100) < 20 {
		g := givenTable.pick(r)
		return sur.han + g.han, sur.py + g.py, g.gender
	}
	first := givenFirst[r.IntN(len(givenFirst))]
	second, gender := givenSecondMale, 1
	if r.IntN(2) == 0 {
		second, gender = givenSecondFemale, 2
	}
	s := second[r.IntN(len(second))]
	return sur.han + first.han + s.han, sur.py + first.py + s.py, gender
}

// pickName draws a member name: mostly Chinese, about 3% English ("Tom Li").
// idBase is the name's lower-case ASCII form for building userids.
func pickName(r *rand.Rand) (name, idBase string) {
	if r.IntN(100) < 3 {
		g := englishGiven[r.IntN(len(englishGiven))]
		sur := surnameTable.pick(r)
		return g.han + " " + strings.ToUpper(sur.py[:1]) + sur.py[1:], g.py + sur.py
	}
	name, py, _ := pickChineseName(r)
	return name, py
}

// guessGender infers WeCom's gender field ("1" male, "2" female) from a name.
func guessGender(name string) string {
	if first, _, ok := strings.Cut(name, " "); ok {
		if genderOf[first] == 2 {
			return "2"
		}
		return "1"
	}
	given := name
	for _, s := range surnames {
		if strings.HasPrefix(name, s.han) && utf8.RuneCountInString(name) > utf8.RuneCountInString(s.han) {
			given = strings.TrimPrefix(name, s.han)
			if utf8.RuneCountInString(s.han) > 1 {
				break
			}
		}
	}
	if g, ok := genderOf[given]; ok && g != 0 {
		return map[int]string{1: "1", 2: "2"}[g]
	}
	last, _ := utf8.DecodeLastRuneInString(given)
	if genderOf[string(last)] == 2 {
		return "2"
	}
	return "1"
}
