package usererr

// syncOpMessages: a sync operation's reason, fields, notes and fixes
// (backend/syncer op_text.go), as the plan, the run and the report show them.
var syncOpMessages = map[string]entry{
	"sync_reason_new_department":      {"本地新增的部门", "Department only exists on the source side"},
	"sync_reason_renamed_department":  {"部门改名", "Department was renamed"},
	"sync_reason_moved_department":    {"部门移动到新的上级", "Department moved to another parent"},
	"sync_reason_department_gone":     {"已关联的部门已不在同步源中（或不在同步范围内），且已无成员", "A linked department is gone from the source (or out of scope) and is empty"},
	"sync_reason_disabled_department": {"存放已禁用成员的部门", "Department that holds disabled members"},
	"sync_reason_new_user":            {"同步源新增的用户", "User only exists on the source side"},
	"sync_reason_fields_changed":      {"字段有变化", "Fields changed"},
	"sync_reason_departments_changed": {"所在部门有变化", "Departments changed"},
	"sync_reason_active_again":        {"用户在同步源中为在职，重新启用", "User is active at the source again"},
	"sync_reason_resigned":            {"本地账号已离职", "Local account resigned"},
	"sync_reason_missing_locally":     {"已关联的账号已从本地目录删除", "Bound account was removed from the local directory"},
	"sync_reason_out_of_scope":        {"已关联的账号不在同步范围内", "Bound account is out of the sync scope"},
	"sync_reason_disabled_n_days":     {"本同步禁用已满设定天数", "Disabled by this sync at least the configured number of days ago"},
	"sync_reason_disabled_since":      {"本同步于 {date} 禁用该成员，已满设定天数", "Disabled by this sync on {date}, at least the configured number of days ago"},
	"sync_reason_move_disabled":       {"已禁用成员移入统一部门", "Disabled member moves into the disabled-members department"},
	"sync_reason_member_left":         {"成员已退出企业", "Member quit the corp"},
	"sync_reason_member_disabled":     {"成员在企业微信中已禁用", "Member is disabled in WeCom"},
	"sync_reason_member_missing":      {"已关联的成员已从企业微信删除（或不在可见范围）", "Bound member was deleted from WeCom (or is outside the visible scope)"},
	"sync_reason_other":               {"原因：{reason}", "Reason: {reason}"},
	"sync_reason_fields":              {"{reason}：涉及 {fields}", "{reason}: {fields}"},
	"sync_reason_from_to":             {"{reason}：从「{from}」到「{to}」", "{reason}: from “{from}” to “{to}”"},

	"sync_field_userid":      {"企业微信账号", "WeCom userid"},
	"sync_field_account":     {"本地账号", "Local account"},
	"sync_field_id":          {"部门 ID", "Department ID"},
	"sync_field_name":        {"姓名/名称", "Name"},
	"sync_field_parent":      {"上级部门", "Parent department"},
	"sync_field_path":        {"部门路径", "Department path"},
	"sync_field_position":    {"职务", "Position"},
	"sync_field_mobile":      {"手机", "Mobile"},
	"sync_field_email":       {"邮箱", "Email"},
	"sync_field_alias":       {"别名", "Alias"},
	"sync_field_employeeNo":  {"工号", "Employee no."},
	"sync_field_employee_no": {"工号", "Employee no."},
	"sync_field_departments": {"所在部门", "Departments"},
	"sync_field_enable":      {"启用状态", "Enabled"},
	"sync_field_status":      {"激活状态", "Status"},
	"sync_field_toInvite":    {"发送邀请", "Send invitation"},
	"sync_field_resigned":    {"在职状态", "Employment status"},
	"sync_field_disabledAt":  {"禁用时间", "Disabled at"},
	"sync_field_extattr":     {"扩展属性 {name}", "Custom field {name}"},
	"sync_field_other":       {"字段 {field}", "Field {field}"},

	"sync_note_existed":            {"已存在，改为更新", "Already existed: updated instead"},
	"sync_note_existed_member":     {"成员已存在（60102），改为更新", "The member already existed (60102): updated instead"},
	"sync_note_member_gone":        {"成员已不存在（60111），无需禁用", "The member no longer exists (60111): nothing to disable"},
	"sync_note_already_deleted":    {"成员已删除（60111）", "Already deleted (60111)"},
	"sync_note_adopted_department": {"已存在（60008）：沿用企业微信中的部门 {id}", "Already existed (60008): adopted department {id}"},
	"sync_note_department_gone":    {"部门已不存在（60003）", "Already gone (60003)"},
	"sync_note_cancelled_running":  {"执行中被取消：继续执行时会重新运行", "Cancelled while running: it runs again on resume"},

	"sync_run_cancelled": {
		"执行 {run} 已取消，还剩 {left} 项操作：继续执行即可完成",
		"Run {run} was cancelled with {left|1 operation|# operations} left: resume it to continue."},
	"sync_run_failed": {
		"执行 {run} 结束，有 {failed} 项操作失败（错误码和处理建议见报告）：处理后继续执行以重试",
		"Run {run} finished with {failed|1 failed operation|# failed operations} (the report has the errcodes and fixes): fix them, then resume the run to retry."},
	"sync_run_interrupted": {
		"执行过程中应用停止了（关闭、被结束或崩溃）：继续执行即可完成",
		"The app stopped during the run (closed, killed or crashed): resume it to continue."},
	"sync_fix_local": {
		"检查本地目录中的该账号或部门，修正后继续执行。",
		"Check this account or department in the local directory, fix it, then resume the run."},
	"sync_fix_network": {
		"检查网络与企业微信服务是否可达，然后继续执行。",
		"Check that WeCom is reachable from this server, then resume the run."},
	"sync_fix_pull_again": {
		"重新拉取企业微信通讯录，再重新预览同步。",
		"Pull the WeCom contacts again, then preview the sync again."},
	"sync_fix_preview_again": {
		"计划与已执行的结果不一致：请重新预览同步。",
		"The plan no longer matches what was applied: preview the sync again."},
	"sync_fix_dependency": {
		"它依赖的第 {seq} 项操作（{target}）失败了：先处理那一项，再继续执行。",
		"It needs operation #{seq} ({target}), which failed: fix that one, then resume the run."},
	"sync_fix_not_applied": {
		"企业微信接受了请求但没有应用这项修改（例如已激活成员的手机号只能由本人修改）。请在企业微信管理后台核对该成员，必要时在那里修改。",
		"WeCom accepted the request but did not apply the change (for example the mobile of an activated member only its owner can change): check the member in the WeCom admin console and change it there if needed."},
}
