package wecomsim

import "strings"

// Department names for generated trees: the children each kind of
// department typically has, then numbered fallbacks per level.

// deptSpine is the first path built, so every tree reaches its full depth
// with names like 总部/研发中心/平台研发部/后端组/支付小组.
var deptSpine = []string{"总部", "研发中心", "平台研发部", "后端组", "支付小组"}

var deptChildren = map[string][]string{
	"总部": {"研发中心", "产品中心", "市场中心", "销售中心", "客户成功中心", "人力资源部", "财务部", "行政部",
		"法务部", "运营中心", "供应链中心", "信息技术部", "总裁办", "战略发展部", "质量管理部", "品牌公关部", "审计部"},
	"研发中心":   {"平台研发部", "移动研发部", "数据智能部", "基础架构部", "测试部", "运维部", "安全部", "前端技术部"},
	"产品中心":   {"产品规划部", "用户体验部", "产品运营部", "设计部"},
	"市场中心":   {"品牌部", "市场推广部", "渠道合作部", "内容营销部"},
	"销售中心":   {"华北大区", "华东大区", "华南大区", "西南大区", "华中大区", "大客户部", "销售运营部"},
	"客户成功中心": {"客户服务部", "实施交付部", "技术支持部", "培训认证部"},
	"人力资源部":  {"招聘组", "薪酬绩效组", "培训发展组", "员工关系组", "组织发展组"},
	"财务部":    {"会计组", "资金组", "税务组", "预算管理组"},
	"行政部":    {"综合行政组", "后勤保障组", "资产管理组"},
	"运营中心":   {"用户运营部", "活动运营部", "数据运营部", "商家运营部"},
	"供应链中心":  {"采购部", "仓储物流部", "计划部", "质量检验部"},
	"信息技术部":  {"桌面支持组", "系统管理组", "网络安全组"},
	"平台研发部":  {"后端组", "前端组", "架构组", "中间件组", "接口组"},
	"移动研发部":  {"iOS组", "Android组", "小程序组", "跨端框架组"},
	"数据智能部":  {"数据平台组", "算法组", "数据仓库组", "商业分析组"},
	"基础架构部":  {"存储组", "计算平台组", "网络组", "容器平台组"},
	"测试部":    {"功能测试组", "自动化测试组", "性能测试组"},
	"运维部":    {"系统运维组", "应用运维组", "监控组", "数据库组"},
	"安全部":    {"应用安全组", "安全运营组", "合规组"},
	"后端组":    {"支付小组", "账户小组", "订单小组", "消息小组", "搜索小组"},
	"前端组":    {"组件库小组", "管理后台小组", "官网小组"},
	"华北大区":   {"北京销售部", "天津销售部", "河北销售部", "山西销售部"},
	"华东大区":   {"上海销售部", "江苏销售部", "浙江销售部", "山东销售部", "安徽销售部"},
	"华南大区":   {"广东销售部", "福建销售部", "广西销售部", "海南销售部"},
	"西南大区":   {"四川销售部", "重庆销售部", "云南销售部", "贵州销售部"},
	"华中大区":   {"湖北销售部", "湖南销售部", "河南销售部", "江西销售部"},
}

var branchChildren = []string{"销售部", "技术支持部", "综合管理部", "市场部", "交付部", "客服部"}

var branchCities = []string{"北京", "上海", "广州", "深圳", "杭州", "成都", "武汉", "南京", "西安", "重庆",
	"天津", "苏州", "长沙", "郑州", "青岛", "厦门", "合肥", "济南", "沈阳", "大连", "昆明", "福州", "宁波",
	"无锡", "东莞", "佛山", "哈尔滨", "长春", "南昌", "贵阳", "南宁", "太原", "石家庄", "兰州", "海口"}

var deptGeneric = map[int][]string{
	3: {"综合管理部", "业务拓展部", "项目管理部", "质量保障部", "数据分析部", "培训部", "商务部"},
	4: {"综合组", "项目组", "支持组", "规划组"},
}

var cnDigits = []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}

// cnNumber writes 1..999 in Chinese numerals (一, 十二, 一百零五).
func cnNumber(n int) string {
	var b strings.Builder
	if h := n / 100; h > 0 {
		b.WriteString(cnDigits[h] + "百")
		if n%100 > 0 && n%100 < 10 {
			b.WriteString("零")
		}
	}
	t, u := n/10%10, n%10
	switch {
	case t == 1 && n < 100:
		b.WriteString("十")
	case t > 0:
		b.WriteString(cnDigits[t] + "十")
	}
	b.WriteString(cnDigits[u])
	return b.String()
}

// deptNameCandidates lists names to try, in order, for the k-th child of a
// department named parent at level (the child's level, root = 1).
func deptNameCandidates(parent string, level int) []string {
	switch {
	case deptChildren[parent] != nil:
		return deptChildren[parent]
	case strings.HasSuffix(parent, "分公司"):
		return branchChildren
	case strings.HasSuffix(parent, "销售部"):
		return nil // 销售一组, 销售二组…
	case level == 2:
		out := make([]string, len(branchCities))
		for i, c := range branchCities {
			out[i] = c + "分公司"
		}
		return out
	}
	return deptGeneric[level]
}

// deptFallbackName is the k-th numbered name at a level once candidates run out.
func deptFallbackName(parent string, level, k int) string {
	n := cnNumber(k)
	switch {
	case level == 2:
		return "第" + n + "事业部"
	case strings.HasSuffix(parent, "销售部"):
		return "销售" + n + "组"
	case level == 3:
		return "业务" + n + "部"
	case level == 4:
		return n + "组"
	case level == 5:
		return "第" + n + "小组"
	}
	return "项目" + n + "队"
}
