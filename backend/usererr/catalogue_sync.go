package usererr

// syncMessages: sync plans, applies and schedules (backend/syncer, services).
var syncMessages = map[string]entry{
	// The WeCom app message to the admins a scheduled sync waits for (services/sync_inputs.go).
	"sync_notice_waits": {
		"企微桥：定时同步（{direction}）未自动执行，等待审核。\n原因：{reason}",
		"WeCom Bridge: a scheduled sync ({direction}) did not run by itself and waits for review.\nWhy: {reason}"},
	"sync_notice_waits_plan": {
		"{notice}\n请在「同步预览」中查看计划 #{plan}（{ops} 项操作）后执行。",
		"{notice}\nReview plan #{plan} ({ops|one operation|# operations}) on the Sync page, then apply it."},
	"not_pulled": {
		"该企业还没有拉取过企业微信通讯录：请先在 账号绑定 中点击 拉取",
		"This corp has not been pulled yet: pull WeCom contacts first (Bindings → Pull)."},
	"no_contact_secret": {
		"该企业没有配置通讯录同步 Secret：请在 接入配置 中填写（企业微信管理后台：安全与管理 → 管理工具 → 通讯录同步）",
		"This corp has no contact sync secret: add it in Setup (WeCom admin console: 安全与管理 → 管理工具 → 通讯录同步)."},
	"contact_read_only": {
		"通讯录同步 Secret 设置为只读：请在 接入配置 和企业微信管理后台中都改为 读写",
		"The contact sync secret is set to read-only: switch it to read-write in Setup and in the WeCom admin console."},
	"no_app_for_notice": {
		"该企业没有自建应用，无法发送待审核通知：请在 接入配置 中添加一个",
		"This corp has no app to send the review notice with: add one in Setup."},
	"schedule_too_often": {
		"计划 {spec} 最短每 {gap} 运行一次，低于允许的最小间隔 {min}：每次同步可能读取整个通讯录，请改为更长的间隔（例如 @every 6h 或 \"0 2 * * *\"）",
		"Schedule {spec} runs as often as every {gap}, below the minimum of {min}: each sync may read the whole directory; use a longer interval (for example @every 6h or \"0 2 * * *\")."},
	"stale_plan": {
		"计划已过期：本地通讯录或企业微信在预览后有变化，请重新预览",
		"The plan is stale: the directory or WeCom changed since it was previewed, so preview again."},
	"sync_schedule_inputs_failed": {
		"定时同步读取数据失败，未同步：{error}",
		"The scheduled sync could not read its inputs, so nothing was synced: {error}"},
	"sync_schedule_blocked": {
		"同步计划 {plan} 被安全设置拦截，等待审核：{reasons}",
		"Sync plan {plan} is blocked by the safety settings and waits for review: {reasons}"},
	"sync_schedule_manual": {
		"自动执行已关闭：同步计划 {plan}（{n} 项操作）保留为预览，等待管理员执行",
		"Auto-apply is off: sync plan {plan} ({n} operations) is kept as a preview for an admin to apply."},
	"sync_schedule_unconfirmed": {
		"同步计划 {plan} 有 {n} 项操作涉及尚未确认的键匹配绑定，不会自动执行：请在 账号绑定 中确认这些配对，或查看预览后手动执行",
		"Sync plan {plan} has {n} operations on key matches nobody has confirmed, so it is not applied on its own: confirm those pairs in Bindings, or review the preview and apply it by hand."},
	"sync_discard_not_preview": {
		"同步计划 {plan} 的状态是 {status}，不是待执行的预览，无需丢弃",
		"Sync plan {plan} is {status}, not a preview waiting to be applied, so there is nothing to discard."},
	"sync_schedule_failed": {
		"定时同步执行未全部成功：{error}",
		"The scheduled sync did not complete: {error}"},
	"sync_running": {
		"该企业这个方向的同步正在执行：请等待它完成，或先取消它",
		"A sync of this corp in this direction is already running: wait for it, or cancel it first."},
}

// applyMessages: why a plan is not applied now (syncer.Admission).
var applyMessages = map[string]entry{
	"plan_applied": {
		"计划 {plan} 已经执行过（运行 {run}）：请继续那次运行，或重新预览",
		"Plan {plan} was already applied (run {run}): resume that run instead, or preview again."},
	"plan_stopped": {
		"计划 {plan} 已中止，没有可执行的操作：{stop}",
		"Plan {plan} stopped and has nothing to apply: {stop}"},
	"plan_hard_blocked": {
		"计划 {plan} 不能执行：{reasons}",
		"Plan {plan} can never be applied: {reasons}"},
	"plan_needs_removals": {
		"计划 {plan} 被安全设置拦截：{reasons}。如仍要执行，请输入移除数量 {removals} 确认。",
		"Plan {plan} is blocked by the safety settings: {reasons}. To apply it anyway, confirm {removals|its 1 removal|its # removals}."},
	"plan_needs_creates": {
		"计划 {plan} 被安全设置拦截：{reasons}。如仍要执行，请输入创建数量 {creates} 确认。",
		"Plan {plan} is blocked by the safety settings: {reasons}. To apply it anyway, confirm {creates|its 1 create|its # creates}."},
	"plan_needs_both": {
		"计划 {plan} 被安全设置拦截：{reasons}。如仍要执行，请输入移除数量 {removals} 和创建数量 {creates} 确认。",
		"Plan {plan} is blocked by the safety settings: {reasons}. To apply it anyway, confirm {removals|its 1 removal|its # removals} and {creates|its 1 create|its # creates}."},
}
