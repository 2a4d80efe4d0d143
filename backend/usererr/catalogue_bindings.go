package usererr

// bindingMessages: the binding review (backend/review, binding).
var bindingMessages = map[string]entry{
	"binding_taken": {
		"账号 {account} 已绑定企业微信成员 {userid}（已确认，方式 {method}，第 {row} 行）：请先解除那一行的绑定，或强制重新绑定以替换它",
		"Account {account} is already bound to WeCom userid {userid} (confirmed, method {method}, row {row}); unbind that row first, or bind again with force to replace it."},
	"binding_taken_wecom": {
		"企业微信成员 {userid} 已绑定账号 {account}（已确认，方式 {method}，第 {row} 行）：请先解除那一行的绑定，或强制重新绑定以替换它",
		"WeCom userid {userid} is already bound to account {account} (confirmed, method {method}, row {row}); unbind that row first, or bind again with force to replace it."},
	// WeCom lookups in a rematch (review/lookup.go): why they stopped.
	"lookup_budget": {
		"已停止向企业微信查找手机号/邮箱：近 24 小时有 {failed} 个值查不到所属成员，达到成员数 {members} 的 10%（失败超过 20% 企业微信会封禁查找一天）；其余 {skipped} 个值 24 小时后重新匹配时再查",
		"Stopped asking WeCom who owns mobiles and emails: {failed|one value|# values} found no owner in the last 24 hours, 10 % of the {members} members (above 20 % WeCom blocks the lookups for a day); the other {skipped|value is|# values are} asked at a rematch after 24 hours."},
	"lookup_blocked": {
		"企业微信今天已暂停手机号/邮箱查找（45009：当天查找失败过多）；其余 {skipped} 个值明天重新匹配时再查",
		"WeCom has paused the mobile and email lookups for today (45009: too many failed lookups today); the other {skipped|value is|# values are} asked at a rematch tomorrow."},
	"lookup_failed": {
		"{via}查找手机号/邮箱失败，已停止：{error}。其余 {skipped} 个值下次重新匹配时再查",
		"Looking up mobiles and emails through {via} failed and stopped: {error}. The other {skipped|value is|# values are} asked at the next rematch."},
	"lookup_cancelled": {
		"重新匹配已取消，其余 {skipped} 个值未查找",
		"The rematch was cancelled; {skipped|one value was|# values were} not looked up."},
	"lookup_unavailable": {
		"未向企业微信查找 {skipped} 个手机号/邮箱：该企业没有可用的通讯录同步 Secret 或应用 Secret；在“接入配置”中添加后重新匹配",
		"{skipped|One mobile or email was|# mobiles and emails were} not looked up in WeCom: the corp has no directory sync Secret or app Secret to ask with; add one in Setup and rematch."},
	"lookup_via_contact": {"通讯录同步 Secret ", "the directory sync Secret"},
	"lookup_via_app":     {"应用 {app} ", "app {app}"},
	"lookup_error_text":  {"请求未完成：{text}", "The request did not complete: {text}"},
	// The connectivity check's lookup step (corp/check_lookup.go).
	"lookup_check_title": {"企业微信按手机号/邮箱查找成员", "WeCom: find a member by mobile or email"},
	"lookup_check_ok": {
		"通过{via}查找成功：{value} 属于 {userid}。账号绑定会用它确认只有姓名可比对的账号",
		"Looked up through {via}: {value} belongs to {userid}. The binding review uses this to settle accounts that only a name could match."},
	"lookup_check_no_owner": {
		"通过{via}查找可用：{value} 在企业微信中没有可见的成员（这次失败计入企业微信当天的查找失败次数）",
		"Lookups through {via} work: {value} has no visible member in WeCom (this miss counts toward WeCom's daily failed lookups)."},
	"lookup_check_blocked": {
		"{via}的查找今天已被企业微信暂停（45009：当天查找失败过多），明天自动恢复；账号绑定今天只按已有结果匹配。无需操作，明天再检查；如每天都被暂停，请更正本地通讯录中企业微信查不到的手机号/邮箱",
		"WeCom has paused lookups through {via} for today (45009: too many failed lookups today); they resume tomorrow, and the binding review matches on earlier answers until then. Nothing to do but check again tomorrow; if it happens every day, correct the local directory's mobiles and emails WeCom does not know."},
	"lookup_check_blocked_until": {
		"{via}的查找已被企业微信暂停至 {until}（45009：当天查找失败过多）；在此之前重新匹配不会再查找，账号绑定只按已有结果匹配。无需操作，{until} 后再检查；如每天都被暂停，请更正本地通讯录中企业微信查不到的手机号/邮箱",
		"WeCom has blocked lookups through {via} until {until} (45009: too many failed lookups today); until then no rematch asks, and the binding review matches on earlier answers. Nothing to do but check again after {until}; if it happens every day, correct the local directory's mobiles and emails WeCom does not know."},
	"lookup_check_no_secret": {
		"未检查：没有通讯录同步 Secret，也没有自建应用，无法向企业微信查找手机号/邮箱",
		"Not checked: with no directory sync Secret and no self-built app, nothing can ask WeCom who owns a mobile or email."},
	"lookup_check_no_value": {
		"未试查：本地通讯录中还没有手机号或邮箱（导入本地通讯录后再检查）；查找会通过{via}进行",
		"Not tried: the local directory has no mobile or email yet (import it, then check again); lookups will go through {via}."},
	"lookup_check_recent_misses": {
		"未试查：本地通讯录的 {count} 个手机号/邮箱在 24 小时内都没有查到所属成员，为免计入企业微信当天的查找失败次数，24 小时内不再查找；查找会通过{via}进行",
		"Not tried: WeCom found no owner for {count|the local directory's one mobile or email|any of the local directory's # mobiles and emails} within the last 24 hours; to spare WeCom's daily failed-lookup budget they are not asked again within 24 hours. Lookups will go through {via}."},
	"lookup_check_no_sample": {
		"无法从本地通讯录取一个手机号或邮箱：{error}",
		"Could not take a mobile or email from the local directory: {error}"},
	// Refusals of the review's actions (backend/review).
	"binding_row_ambiguous": {
		"第 {row} 行有歧义，不能{verb}：请从它的 {count} 个候选中选出一个，或手动绑定",
		"Row {row} is ambiguous and cannot be {verb}: choose one of its {count} candidates or bind by hand."},
	"binding_row_rejected": {
		"第 {row} 行（{account} ↔ {userid}）已被拒绝，不能{verb}：如要撤销拒绝，请手动绑定这一对",
		"Row {row} ({account} ↔ {userid}) was rejected and cannot be {verb}: bind the pair by hand to overturn the rejection."},
	"binding_row_one_side": {
		"第 {row} 行只有一方，不能{verb}：请手动绑定到选定的另一方",
		"Row {row} has one side only and cannot be {verb}: bind it by hand to a chosen counterpart."},
	"binding_min_confidence": {
		"置信度阈值 {value} 超出 0～1：例如 0.95 确认按关键字段匹配的，0.8 再加上姓名+部门",
		"The confidence threshold {value} is outside 0..1: e.g. 0.95 confirms key matches, 0.8 adds name+department."},
	"binding_account_not_in_match": {
		"本地账号“{account}”不在上次匹配的本地账号中：请检查拼写，或将其加入通讯录后重新匹配",
		"Account {account} is not among the local accounts of the last match: check the spelling, or add it to the directory and rematch."},
	"binding_userid_not_in_match": {
		"企业微信账号“{userid}”不在上次匹配的成员中：请检查拼写，或拉取企业微信通讯录后重新匹配",
		"WeCom userid {userid} is not among the members of the last match: check the spelling, or pull WeCom contacts and rematch."},
	"binding_not_ambiguous": {
		"第 {row} 行没有歧义：请直接确认、拒绝或解除绑定",
		"Row {row} is not ambiguous: confirm, reject or unbind it instead."},
	"binding_not_candidate": {
		"“{chosen}”不是第 {row} 行的候选：请从 {candidates} 中选择",
		"{chosen} is not a candidate of row {row}: choose one of {candidates}."},
	"binding_cli_no_pair": {
		"{who} 没有待确认或已确认的绑定：用 wecom-bridge bindings --corp NAME 列出各行",
		"{who} has no proposed or confirmed binding: list the rows with wecom-bridge bindings --corp NAME."},
	"binding_no_rows": {
		"没有选择任何行：请至少选择一行",
		"No rows given: select at least one row."},
	"binding_row_gone": {
		"第 {row} 行已不在列表中（重新匹配或其他管理员改动了它）：请刷新列表后再试",
		"Row {row} is no longer in the list (a rematch or another admin changed it): refresh the list and try again."},
	"binding_import_applied": {
		"关联导入预览 {preview} 已由 {actor} 于 {at} 应用：如要继续导入，请重新上传文件预览",
		"Import preview {preview} was already applied by {actor} at {at}: preview the file again to import more."},
	"binding_import_encoding": {
		"CSV 文件既不是 UTF-8 也不是 GBK 编码：请另存为“CSV UTF-8”（或重新导出）后再导入",
		"The CSV file is neither UTF-8 nor GBK: save it as \"CSV UTF-8\" (or export again) and import again."},
	"binding_import_csv": {
		"CSV 文件无法读取（{error}）：请修正该行，或重新导出文件",
		"The CSV file cannot be read ({error}): fix that line or export the file again."},
	"binding_import_empty": {
		"文件是空的：请先导出账号绑定，填写后导入该文件",
		"The file is empty: export the bindings, fill them in and import that file."},
	"binding_import_no_sheets": {
		"工作簿中没有工作表：请先导出账号绑定，填写后导入该文件",
		"The workbook has no sheets: export the bindings, fill them in and import that file."},
	"binding_import_no_header": {
		"工作表“{sheet}”第 1 行没有表头：请先导出账号绑定，在导出的文件中填写",
		"Sheet {sheet} has no header on row 1: export the bindings and fill that file in."},
	"binding_import_no_userid": {
		"文件第一行没有“企业微信UserID”列：请先导出账号绑定，在导出的文件中填写",
		"The file has no 企业微信UserID column in its first row: export the bindings and fill in that file."},
	"binding_import_no_key": {
		"文件第一行没有“{column}”列（或“{generic}”）：请添加一列，填写每个成员对应的本地{field}",
		"The file has no {column} column (or {generic}) in its first row: add one holding each member's local {field}."},
	"binding_field_account":     {"账号", "account"},
	"binding_field_employee_no": {"工号", "employee number"},
	"binding_field_mobile":      {"手机号", "mobile"},
	"binding_field_email":       {"邮箱", "email"},
	"binding_field_userid":      {"企业微信 UserID", "userid"},
	"binding_cli_corp_required": {
		"bindings：缺少 --corp：请给出应用中显示的企业名称，例如 --corp 某某科技",
		"bindings: --corp is required: give the corp's name as shown in the app, e.g. --corp NAME."},
}
