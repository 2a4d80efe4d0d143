package usererr

// bindingExportWords: the binding review's export (backend/review/export.go)
// in the admin's language: its header, methods, states and each row's
// reason (说明). The reasons say what the review page says
// (the UI renders them from {code, args} with the generated copy of these
// texts, frontend/src/api/generated/catalogue.ts).
var bindingExportWords = map[string]entry{
	"binding_export_sheet":          {"账号绑定", "Bindings"},
	"binding_export_col_account":    {"本地账号", "Account"},
	"binding_export_col_name":       {"姓名", "Name"},
	"binding_export_col_dept":       {"部门", "Department"},
	"binding_export_col_userid":     {"企业微信UserID", "WeCom UserID"},
	"binding_export_col_wecom_name": {"企业微信姓名", "WeCom name"},
	"binding_export_col_wecom_dept": {"企业微信部门", "WeCom department"},
	"binding_export_col_method":     {"匹配方式", "Method"},
	"binding_export_col_state":      {"状态", "State"},
	"binding_export_col_confidence": {"置信度", "Confidence"},
	"binding_export_col_candidates": {"候选", "Candidates"},
	"binding_export_col_note":       {"说明", "Note"},

	"binding_method_existing":        {"已有绑定", "an earlier binding"},
	"binding_method_userid":          {"账号=UserID", "account = userid"},
	"binding_method_employee_no":     {"工号=UserID", "employee no. = userid"},
	"binding_method_mobile":          {"手机号", "mobile"},
	"binding_method_email":           {"邮箱", "email"},
	"binding_method_mobile_lookup":   {"企业微信查手机号", "WeCom mobile lookup"},
	"binding_method_email_lookup":    {"企业微信查邮箱", "WeCom email lookup"},
	"binding_method_name":            {"姓名", "name"},
	"binding_method_name+department": {"姓名+部门", "name + department"},
	"binding_method_manual":          {"手动绑定", "manual binding"},
	"binding_method_import":          {"关联导入", "import"},

	"binding_state_proposed":      {"待确认", "To confirm"},
	"binding_state_confirmed":     {"已确认", "Confirmed"},
	"binding_state_rejected":      {"已拒绝", "Rejected"},
	"binding_state_ambiguous":     {"待选择", "To choose"},
	"binding_state_unbound_local": {"本地未绑定", "Unbound local"},
	"binding_state_unbound_wecom": {"企业微信未绑定", "Unbound WeCom"},

	"binding_reason_chosen_bare":          {"由 {actor} 从 {count} 个候选中选定", "Chosen by {actor} among {count} candidates"},
	"binding_reason_confirmed_earlier":    {"此前已确认", "Confirmed earlier"},
	"binding_reason_confirmed_earlier_by": {"此前已确认（匹配方式：{method}）", "Confirmed earlier (matched by {method})"},
	"binding_reason_proposed_by":          {"{method}的建议，待确认", "Proposed by {method}, awaiting confirmation"},
	"binding_reason_key_userid":           {"企业微信 UserID {userid} = 本地账号 {account}", "WeCom userid {userid} = account {account}"},
	"binding_reason_key_employee_no":      {"企业微信 UserID {userid} = 工号 {employee_no}", "WeCom userid {userid} = employee no. {employee_no}"},
	"binding_reason_key_mobile":           {"手机号相同：{mobile}", "Same mobile {mobile}"},
	"binding_reason_key_email":            {"邮箱相同：{email}", "Same email {email}"},
	"binding_reason_key_mobile_lookup":    {"企业微信确认手机号 {mobile} 属于 {userid}", "WeCom confirms mobile {mobile} belongs to {userid}"},
	"binding_reason_key_email_lookup":     {"企业微信确认邮箱 {email} 属于 {userid}", "WeCom confirms email {email} belongs to {userid}"},
	"binding_reason_key_conflict":         {"各关联字段指向不同的企业微信成员：{items}，请人工选择", "Keys point at different WeCom members: {items}; choose by hand"},
	"binding_reason_key_shared":           {"多个本地账号的{method}与此成员相同：{accounts}，请人工选择", "Several local accounts share this member's {method}: {accounts}; choose by hand"},
	"binding_reason_name_same_dept":       {"两边各只有一个“{name}”；同部门 {dept}", "Only one “{name}” on each side; same department {dept}"},
	"binding_reason_name_depts_differ":    {"两边各只有一个“{name}”；部门不同，请核对", "Only one “{name}” on each side; departments differ, check it"},
	"binding_reason_namesake_dept":        {"同名“{name}”（本地 {locals} 个，企业微信 {wecom} 个）：按部门 {dept} 区分，部门相似度 {score}", "Namesakes “{name}” ({locals} local, {wecom} WeCom): department {dept} fits best (department similarity {score})"},
	"binding_reason_namesake_ambiguous":   {"同名“{name}”（本地 {locals} 个，企业微信 {wecom} 个），部门无法区分，请人工选择", "Namesakes “{name}” ({locals} local, {wecom} WeCom): departments do not tell them apart; choose by hand"},
	"binding_reason_unbound_local":        {"企业微信中没有与此账号相似的成员", "No WeCom member resembles this account"},
	"binding_reason_unbound_wecom":        {"本地通讯录中没有与此成员相似的账号", "No local account resembles this member"},
	"binding_reason_rejected_by":          {"已由 {actor} 拒绝，不会再被建议", "Rejected by {actor}; never proposed again"},
	"binding_reason_rejected_by_at":       {"已由 {actor} 于 {at} 拒绝，不会再被建议", "Rejected by {actor} at {at}; never proposed again"},
	"binding_reason_bound_by_hand":        {"由 {actor} 手动绑定", "Bound by hand by {actor}"},
	"binding_reason_chosen":               {"由 {actor} 从 {count} 个候选中选定（{reason}）", "Chosen by {actor} among {count} candidates ({reason})"},
	"binding_reason_imported_by":          {"由 {actor} 关联导入（第 {line} 行）", "Imported by {actor} (line {line})"},
	"binding_reason_last_candidate":       {"其余同名候选已被选定，只剩这一个，待确认", "The other namesakes were chosen elsewhere; this is the only candidate left, to confirm"},
	// One item of key_conflict's list: a userid and the method that found it.
	"binding_reason_item": {"{id}（{method}）", "{id} ({method})"},

	// Why a line of a binding import is refused (review.Reject*).
	"binding_reason_import_unknown_key":    {"没有本地账号的{field}是“{value}”：请核对，或先把该账号加入本地通讯录并重新匹配", "Unknown {field} “{value}”: no local account has it; check the value, or add the account to the directory and rematch"},
	"binding_reason_import_shared_key":     {"{field}“{value}”属于 {count} 个本地账号（{accounts}）：这一行请改用账号作为关联字段", "{field} “{value}” belongs to {count} local accounts ({accounts}); use the account as key field for this line"},
	"binding_reason_import_unknown_userid": {"UserID“{userid}”不在上次匹配的企业微信成员中：请核对，或重新拉取企业微信通讯录后再匹配", "Unknown userid “{userid}”: not among the WeCom members of the last match; check it, or pull WeCom contacts and rematch"},
	"binding_reason_import_account_bound":  {"账号 {account} 已与 {userid} 绑定：请先解除绑定，或删除这一行", "Account {account} is already bound to {userid}; unbind it first, or delete this line"},
	"binding_reason_import_userid_bound":   {"{userid} 已与账号 {account} 绑定：请先解除绑定，或删除这一行", "{userid} is already bound to account {account}; unbind it first, or delete this line"},
	"binding_reason_import_duplicate_line": {"与第 {line} 行重复：请删除其中一行", "Duplicate of line {line}; delete one of the two lines"},
	"binding_reason_import_conflict":       {"{field} {value} 在第 {line} 行也出现，但对应另一方不同：只保留一行", "{field} {value} is also on line {line} with another counterpart; keep one line"},
}
