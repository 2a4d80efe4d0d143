package usererr

// reviewQueryMessages: the binding review's refusals of a list, export,
// import or picker request (backend/review): a bad filter, sort, method,
// page or format names the field and the values it takes.
var reviewQueryMessages = map[string]entry{
	"review_bad_offset": {
		"起始位置 {value} 是负数：第一页从 0 开始",
		"offset: {value} is negative; the first page starts at 0."},
	"review_bad_limit": {
		"每页行数 {value} 超出范围：每页可取 1 到 {max} 行，更多的行请翻页查看",
		"limit: {value} is out of range; ask for 1 to {max} rows per page and page through the rest."},
	"review_bad_filter": {
		"筛选条件 {value} 无效：请使用 {choices} 之一",
		"filter: {value} is not a filter of the review; use one of {choices}."},
	"review_bad_sort": {
		"排序方式 {value} 无效：请使用 {choices} 之一",
		"sort: {value} is not an order of the review; use one of {choices}."},
	"review_bad_method": {
		"匹配方式 {value} 无效：请使用 {choices} 之一",
		"method: {value} is not a binding method; use one of {choices}."},
	"review_bad_export_format": {
		"导出格式 {value} 不受支持：请使用 xlsx 或 csv",
		"format: {value} is not supported; use xlsx or csv."},
	"review_bad_import_format": {
		"导入格式 {value} 不受支持：请使用 xlsx 或 csv 文件",
		"format: {value} is not supported; import an xlsx or csv file."},
	"review_bad_key_field": {
		"关联字段 {value} 无效：请使用 {choices} 之一",
		"key field: {value} is not a field to bind by; use one of {choices}."},
	"review_bad_picker_limit": {
		"候选数量 {value} 超出范围：可取 1 到 {max} 个，请输入更具体的搜索词",
		"limit: {value} is out of range (1 to {max}); narrow the search instead."},
	"review_no_actor": {
		"未指明操作人：每次绑定变更都会记入审计，请说明是谁操作的",
		"The actor is empty: every binding change is audited, so say who makes it."},
}
