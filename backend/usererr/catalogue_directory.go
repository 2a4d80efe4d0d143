package usererr

// directoryMessages: the Directory page's edits (accounts and departments)
// and its list and export parameters. The problems of an import row have the
// same codes with a "directory_problem_" prefix (directory/problems.go).
var directoryMessages = map[string]entry{
	// An import file without a header row (directory/csv.go, xlsx.go).
	"directory_file_empty": {
		"文件是空的：第 1 行应是表头（例如 账号,姓名,部门），其后每行一个账号",
		"The file is empty; it needs a header on line 1 (e.g. account,name,department) and one row per account."},
	"directory_header_line_empty": {
		"文件第 1 行是空行：表头（账号,姓名,…）必须在第 1 行",
		"Line 1 of the file is empty; the header (account,name,…) must be on line 1."},
	"directory_workbook_empty": {
		"工作簿是空的：第一个工作表的第 1 行应是表头（例如 账号,姓名,部门），其后每行一个账号",
		"The workbook is empty; its first sheet needs a header on row 1 (e.g. account,name,department) and one row per account."},
	"directory_account_not_found": {
		"账号 {id} 不存在（可能已被删除）：请刷新列表",
		"Account {id} does not exist (it may have been deleted); reload the list."},
	"directory_department_not_found": {
		"部门 {id} 不存在（可能已被删除）：请刷新部门树后重新选择",
		"Department {id} does not exist (it may have been deleted); reload the tree and choose again."},
	"directory_move_into_itself": {
		"不能把 {path} 移到它自己下面：请选择它以外的部门",
		"Cannot move {path} under itself; choose a department outside it."},
	"directory_move_into_subtree": {
		"不能把 {path} 移到它的下级 {target} 下面：请选择 {name} 以外的部门",
		"Cannot move {path} under {target}, which is inside it; choose a department outside {name}."},
	"directory_department_not_empty": {
		"{path} 下还有 {accounts} 个账号和 {subs} 个子部门：请先移走或删除它们",
		"{path} still has {accounts} accounts and {subs} sub-departments; move or delete them first."},
	"directory_department_name_taken": {
		"{where}已有名为 {name} 的部门：请换一个名称",
		"A department named {name} already exists {whereEn}; choose another name."},
	"directory_status_unchanged": {
		"账号 {account} 已经是{statusZh}状态",
		"Account {account} is already {status}."},
	"directory_name_empty": {
		"姓名为空：请填写此人的姓名",
		"The name is empty; type the person's name."},
	"directory_department_twice": {
		"部门 {id} 出现了两次：每个部门只列一次，主部门在前",
		"Department {id} is listed twice; list each department once, the main one first."},
	"directory_account_taken": {
		"{account} 已是 {otherName}（{otherAccount}）的账号：请换一个账号",
		"{account} is already the account of {otherName} ({otherAccount}); choose another account."},
	"directory_bad_lang": {
		"导出语言 {value} 无效：请使用 zh 或 en",
		"lang: {value} is not a language of the export; use zh or en."},
	"directory_bad_format": {
		"导出格式 {value} 不受支持：请使用 csv 或 xlsx",
		"format: {value} is not supported; use csv or xlsx."},
	"directory_bad_limit": {
		"每页行数 {value} 超出范围：每页可取 1 到 {max} 行",
		"limit: {value} is out of range; ask for 1 to {max} rows per page."},
	"directory_bad_offset": {
		"起始位置 {value} 是负数：第一页从 0 开始",
		"offset: {value} is negative; the first page starts at 0."},
	"directory_bad_sort": {
		"{value} 不是可排序的列：请使用 account、name、employee_no、mobile、email、position、status、created_at、updated_at 之一",
		"sort: {value} is not a sortable column; use one of account, name, employee_no, mobile, email, position, status, created_at, updated_at."},
	"directory_bad_status": {
		"状态 {value} 无效：请使用 active、resigned，或留空表示两者",
		"status: {value} is not a status; use active, resigned or leave it empty for both."},
}

// directoryColumns name the columns of an import file (directory.column) in
// each language: the Chinese is the header a Chinese export writes (so it
// must stay a header the import reads, TestColumnNamesImportBack), the
// English the Directory page's column label; problems name their {field}
// and {missing} with them, and the page renders them from the generated
// catalogue (make generate).
var directoryColumns = map[string]entry{
	// An account's status as the page, its filter and a Chinese export say
	// it (TestStatusWordsImportBack: the Chinese word reads back).
	"directory_account_status_active":   {"在职", "Active"},
	"directory_account_status_resigned": {"离职", "Resigned"},

	"directory_column_account":      {"账号", "Account"},
	"directory_column_name":         {"姓名", "Name"},
	"directory_column_employee_no":  {"工号", "Employee no."},
	"directory_column_mobile":       {"手机", "Mobile"},
	"directory_column_email":        {"邮箱", "Email"},
	"directory_column_department":   {"部门", "Department"},
	"directory_column_position":     {"职位", "Position"},
	"directory_column_status":       {"状态", "Status"},
	"directory_column_wecom_userid": {"企业微信账号", "WeCom userid"},
}

// directoryProblems: why an import row (or an edit) is refused, by the
// problem's code (directory.Problem*). The Directory page renders them from
// the generated catalogue (make generate); {field} and {missing} are columns,
// named in each language by directoryColumns.
var directoryProblems = map[string]entry{
	"directory_problem_account_empty": {
		"缺少账号：请填写“账号”列",
		"Account is empty: fill in the account column"},
	"directory_problem_account_space": {
		"账号“{value}”含空格：账号用于登录，不能有空格",
		"Account “{value}” contains a space: an account is a login and cannot contain spaces"},
	"directory_problem_account_control": {
		"账号“{value}”含控制字符或不可见字符，请重新输入",
		"Account “{value}” contains a control character or an invisible mark; retype it"},
	"directory_problem_wecom_userid_invalid": {
		"企业微信账号“{value}”不合法：只能使用 1~64 个字母、数字和 _-@.，并以字母或数字开头；留空则使用账号",
		"WeCom userid “{value}” is not valid: use 1–64 letters, digits and _-@., starting with a letter or digit, or leave it empty to use the account"},
	"directory_problem_account_too_long": {
		"账号“{value}”有 {length} 个字符，企业微信最多允许 64 个",
		"Account “{value}” is {length} characters long; WeCom allows at most 64"},
	"directory_problem_name_empty": {
		"缺少姓名：请填写“姓名”列",
		"Name is empty: fill in the name column"},
	"directory_problem_control_char": {
		"{field}“{value}”含换行、控制字符或不可见的文字方向符（{char}），请重新输入",
		"{field} “{value}” contains a line break, a control character or an invisible text-direction mark ({char}); retype it"},
	"directory_problem_mobile_invalid": {
		"手机号格式不对：“{value}”。请填写 13–19 开头的 11 位手机号（+86 可选），境外号码请写 + 和国家区号，如 +852 9123 4567",
		"Mobile “{value}” is not a valid mobile number: use 11 digits starting 13–19 (mainland China, +86 optional) or + and the country code, e.g. +852 9123 4567"},
	"directory_problem_email_invalid": {
		"邮箱格式不对：“{value}”，应为 name@example.com 的形式",
		"Email “{value}” is not a valid address (expected name@example.com)"},
	"directory_problem_status_unknown": {
		"状态“{value}”无法识别：请填写 在职/active/正常/1 或 离职/resigned/0（留空为在职）",
		"Status “{value}” is not known: use active/在职/正常/1 or resigned/离职/0; an empty cell means active"},
	"directory_problem_dept_empty_level": {
		"部门“{value}”中两个 / 之间是空的，应写成 总部/研发中心/后端组",
		"Department “{value}” has an empty level between two /; write it as 总部/研发中心/后端组"},
	"directory_problem_dept_name_empty": {
		"部门名称为空",
		"Department name is empty"},
	"directory_problem_dept_name_forbidden": {
		"部门名称“{value}”含“{char}”：部门名称不能含 {forbidden} 中的字符（/ 和 ; 在导入文件中用来分隔路径，其余企业微信不接受）",
		"Department name “{value}” contains “{char}”; department names cannot contain any of {forbidden} (/ and ; separate paths in import files, the rest WeCom refuses)"},
	"directory_problem_dept_name_control": {
		"部门名称“{value}”含控制字符或不可见字符，请重新输入",
		"Department name “{value}” contains a control character or an invisible mark; retype it"},
	"directory_problem_dept_name_too_long": {
		"部门名称“{value}”有 {length} 个字符，企业微信最多允许 64 个",
		"Department name “{value}” is {length} characters long; WeCom allows at most 64"},
	"directory_problem_account_duplicate": {
		"账号 {account} 出现在 {count} 行（其他行包括第 {others} 行）：只保留一行后重新导入",
		"Account {account} is on {count} lines; the other lines include {others}: keep one of these rows and import again"},
	"directory_problem_too_long": {
		"{field}“{value}”有 {length} 个字符，企业微信最多允许 {limit} 个：请缩短",
		"{field} “{value}” is {length} characters long; WeCom allows at most {limit}: shorten it"},
	"directory_problem_dept_too_deep": {
		"部门“{value}”有 {depth} 层，企业微信最多允许 {limit} 层：请缩短路径",
		"Department “{value}” has {depth} levels; WeCom allows at most {limit}: shorten the path"},
	"directory_problem_too_many_depts": {
		"部门超过 {limit} 个：企业微信每个成员最多 {limit} 个部门，只保留需要的部门",
		"More than {limit} departments: WeCom allows at most {limit} per member; keep the ones that matter"},
	"directory_problem_row_short": {
		"该行只有 {fields} 个字段，表头有 {expected} 个，{missing}及其后的列没有单元格：请补齐缺少的逗号（单元格可以为空），以免误清空字段",
		"The row has {fields} fields but the header has {expected}, so {missing} and the columns after it have no cell; add the missing commas (an empty cell is fine) so that nothing is cleared by mistake"},
}
