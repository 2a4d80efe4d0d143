package usererr

// syncPlanMessages: what a sync plan says about itself (backend/syncer):
// why it stopped, what it warns about, why the safety check blocks it, and
// why its options are refused.
var syncPlanMessages = map[string]entry{
	// Stops: the plan could not be computed.
	"no_wecom_departments": {
		"输入中没有企业微信部门（找不到根部门）：请先拉取企业微信通讯录，再预览同步。",
		"The inputs hold no WeCom departments (no root department): pull the WeCom contacts first, then preview again."},
	"top_department_missing": {
		"顶级部门 {id} 在企业微信中不存在：请在同步设置中重新选择顶级部门，或先拉取企业微信通讯录。",
		"Top department {id} does not exist in WeCom: choose the top department again in the sync settings, or pull the WeCom contacts first."},
	"several_local_roots": {
		"本地目录有 {count} 个顶级部门，而企业微信只有一个根部门「{root}」：请在同步设置中选择一个顶级部门，把本地部门挂载到它下面。",
		"The local directory has {count} top-level departments but WeCom has one root, “{root}”: choose a top department in the sync settings to mount them under."},
	"root_name_mismatch": {
		"本地顶级部门「{local}」与企业微信根部门「{root}」名称不同，无法匹配，同步已中止。请在同步设置中选择顶级部门，或把本地顶级部门改名为「{root}」。",
		"The local top department “{local}” and the WeCom root “{root}” have different names, so they cannot be matched and the plan stopped. Choose a top department in the sync settings, or rename the local top department to “{root}”."},

	// Warnings: the plan leaves something out or keeps something.
	"userid_bound_twice": {
		"企业微信成员 {userid} 同时绑定了账号 {used} 和 {other}，只采用 {used}。",
		"WeCom member {userid} is bound to both {used} and {other}; only {used} is used."},
	"userid_collision": {
		"本地账号 {account}（{name}）要使用的企业微信账号 {userid} 已被企业微信成员 {member}（{memberName}）占用，二者没有已确认的绑定，未创建成员。若是同一人，请在 账号绑定 中确认；若不是，请为该账号填写另一个企业微信账号。",
		"Local account {account} ({name}) would use WeCom userid {userid}, which WeCom member {member} ({memberName}) already has, and the two have no confirmed binding, so no member was created. If they are the same person, confirm the pair in Bindings; if not, give the account another WeCom userid."},
	"account_collision": {
		"企业微信成员 {userid}（{name}）与本地账号 {account}（{accountName}）没有已确认的绑定，未创建本地账号，也未修改该账号。若是同一人，请在 账号绑定 中确认。",
		"WeCom member {userid} ({name}) has no confirmed binding with local account {account} ({accountName}), so no account was created and that account was not changed. If they are the same person, confirm the pair in Bindings."},
	"department_kept": {
		"企业微信部门「{path}」已不在同步源中（或不在同步范围内），但删除后仍会留有成员或下级部门（{members} 名成员），已保留：请手动处理后再同步。",
		"WeCom department {path} is gone from the source (or out of scope) but would still hold {members|1 member|# members} or sub-departments, so it is kept: move them by hand, then sync again."},
	"mobile_locked": {
		"企业微信不允许修改已激活成员 {userid} 的手机号（{from} → {to}）：请成员在企业微信客户端中修改。",
		"WeCom does not allow changing the mobile of the activated member {userid} ({from} → {to}): the member changes it in the WeCom app."},
	"bad_department_name": {
		"部门「{path}」及其下级未同步：{problem}。请在本地目录中修改部门名称。",
		"Department {path} and its subtree are not synced: {problem}. Rename it in the local directory."},
	"bad_department_not_renamed": {
		"部门「{path}」未改名：{problem}。",
		"Department {path} was not renamed: {problem}."},
	"duplicate_account": {
		"本地账号「{account}」出现了两次（不区分大小写），只同步第一个。",
		"Local account {account} appears twice (ignoring case); only the first is synced."},
	"userid_taken": {
		"企业微信成员 {userid} 已与本地账号 {owner} 绑定，账号 {account} 未同步：请在 账号绑定 中处理。",
		"WeCom member {userid} is bound to local account {owner}, so account {account} is not synced: resolve it in Bindings."},
	"unknown_department": {
		"账号 {account} 的部门「{department}」不在本地部门树中，已忽略该部门。",
		"Account {account}: department “{department}” is not in the local department tree and was ignored."},
	"no_department": {
		"账号 {account} 没有可同步的部门（部门不存在或不在同步范围内），未同步。",
		"Account {account} has no department to sync (unknown or out of scope), so it was not synced."},
	"member_quit": {
		"成员 {userid} 已退出企业，无法更新。",
		"Member {userid} quit the corp and cannot be updated."},
	"userid_locked": {
		"账号 {account} 的企业微信账号填写为 {given}，但它已绑定成员 {userid}：企业微信不允许修改成员的账号（301036），同步继续使用 {userid}。如需更换，请先解除绑定。",
		"Account {account} has WeCom userid {given}, but it is bound to member {userid}: WeCom does not allow changing a member's userid (301036), so the sync keeps {userid}. Unbind it first to use another one."},
	"bad_userid": {
		"账号「{account}」不是合法的企业微信账号（1~64 个字节，仅限字母、数字和 _-@.，以字母或数字开头），未创建。请修改账号，或先把它绑定到已有成员。",
		"Account {account} is not a valid WeCom userid (1-64 bytes of letters, digits and _-@., starting with a letter or digit), so no member was created. Change the account, or bind it to an existing member first."},
	"no_mobile_or_email": {
		"账号 {account} 没有手机号也没有邮箱（企业微信要求至少一项），未创建。",
		"Account {account} has neither a mobile nor an email (WeCom needs one of them), so no member was created."},
	"disabled_elsewhere": {
		"成员 {userid} 不是由本同步禁用的，不会自动删除。",
		"Member {userid} was not disabled by this sync, so it is not deleted automatically."},
	"dept_name_empty": {
		"名称为空",
		"the name is empty"},
	"dept_name_too_long": {
		"名称有 {count} 个字，企业微信最多允许 32 个",
		"the name has {count} characters; WeCom allows at most 32"},
	"dept_name_bad_chars": {
		"名称含有企业微信不允许的字符 \\:*?\"<>|",
		"the name contains one of \\:*?\"<>|, which WeCom does not allow"},

	// Safety: why the plan is blocked (syncer.Verdict).
	"sync_side_local": {"本地目录", "the local directory"},
	"sync_side_wecom": {"企业微信", "WeCom"},
	"empty_source": {
		"{source}中没有（同步范围内的）在职用户，而本计划会移除{target}中的 {removals} 名用户：这通常是导入失败或读取出错。为防止清空{target}，此计划不能执行。请检查数据源后重新预览。",
		"{source} has no active users in scope, yet this plan would remove {removals|1 user|# users} from {target}: usually a failed import or read. To never empty {target}, this plan cannot be applied. Check the source, then preview again."},
	"source_errors": {
		"读取数据时有错误，计划可能不完整（例如把未读到的用户当作已删除）：{errors}{more|；另有 1 个|；另有 # 个|}。请修复后重新预览，或确认移除数量后执行。",
		"Reading the data failed part-way, so the plan may be incomplete (users that were not read look deleted): {errors}{more|; and 1 more|; and # more|}. Fix it and preview again, or confirm the number of removals to apply anyway."},
	"removals_count": {
		"本计划会禁用或删除 {removals} 名用户，超过了安全阈值 {max}。请核对后输入移除数量确认执行。",
		"This plan disables or deletes {removals|1 user|# users}, more than the safety threshold of {max}: review it, then confirm the number of removals to apply."},
	"removals_percent": {
		"本计划会移除 {removals} 名用户，占{target}现有 {users} 名在职用户的 {percent}%，超过了安全阈值 {max}%。",
		"This plan removes {removals|1 user|# users}, {percent}% of the {users} active users in {target}, more than the safety threshold of {max}%."},
	"user_drop": {
		"同步后{target}的在职用户将从上次的 {last} 名减少到 {after} 名（减少 {drop}），超过了阈值 {max}。",
		"After this plan {target} would have {after} active users, {drop} fewer than after the last run ({last}), more than the threshold of {max}."},
	"creates_count": {
		"本计划会在{target}中新建 {creates} 名用户，超过了安全阈值 {max}。请核对同步范围（本地目录由所有企业共用）后输入新建数量确认执行。",
		"This plan creates {creates|1 user|# users} in {target}, more than the safety threshold of {max}: check the sync scope (the local directory is shared by every corp), then confirm the number of creates to apply."},
	"growth_percent": {
		"同步后{target}的在职用户将从 {users} 名增加到 {after} 名（增加 {percent}%），超过了安全阈值 {max}%。请核对后输入新建数量（{creates}）确认执行。",
		"After this plan {target} would grow from {users} to {after} active users (+{percent}%), more than the safety threshold of {max}%: review it, then confirm the number of creates ({creates}) to apply."},

	// Options refused (SetSyncOptions).
	"sync_option_leavers": {
		"离职用户处理方式「{value}」无效：请选择 禁用（默认，可恢复）或 删除",
		"Leavers “{value}” is not an option: choose disable (the default, reversible) or delete."},
	"sync_option_top_department": {
		"顶级部门 {value} 无效：请填写企业微信部门 ID，或填 0 表示不设置",
		"Top department {value} is not valid: use a WeCom department id, or 0 for none."},
	"sync_option_delete_after": {
		"禁用后删除天数 {value} 无效：请填写正数天数，或填 0 表示从不删除",
		"Delete after {value} days is not valid: use a positive number of days, or 0 to never delete disabled members."},
	"sync_option_disabled_dept": {
		"存放已禁用成员的部门名称「{value}」不可用：{problem}",
		"The disabled-members department name “{value}” cannot be used: {problem}."},
	"sync_option_safety": {
		"安全阈值无效：数量须不小于 0，移除比例在 0 到 100 之间，增长比例不小于 0（0 表示关闭该阈值）",
		"The safety thresholds are not valid: counts must be 0 or more, the removal percent within 0 to 100 and the growth percent 0 or more (0 turns a threshold off)."},
	"sync_option_refresh": {
		"预览前刷新间隔 {value} 分钟无效：请填写 0（每次预览前都拉取）到 1440 分钟",
		"Refresh before preview of {value} minutes is not valid: use 0 (pull before every preview) to 1440 minutes."},
	"sync_option_cron": {
		"计划「{value}」不是 cron 表达式：请使用 5 段格式如 \"0 2 * * *\"，或 @daily、@every 6h",
		"Schedule “{value}” is not a cron expression: use 5 fields like \"0 2 * * *\", or @daily or @every 6h."},
	"sync_option_local_field": {
		"字段映射中的本地字段「{field}」不存在：请使用 {choices} 之一",
		"The field mapping names an unknown local field “{field}”: use one of {choices}."},
	"sync_option_wecom_field": {
		"字段映射 {local} → 「{field}」无效：企业微信字段为 name、position、mobile、email、alias 或 extattr:名称",
		"The field mapping {local} → “{field}” is not valid: WeCom fields are name, position, mobile, email, alias or extattr:NAME."},
	"sync_option_field_twice": {
		"字段映射中 {first} 和 {second} 都写入企业微信字段 {field}：每个企业微信字段只能映射一次",
		"The field mapping has {first} and {second} both writing WeCom field {field}: map each WeCom field once."},
}
