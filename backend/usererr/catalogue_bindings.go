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
		"{via}的查找今天已被企业微信暂停（45009：当天查找失败过多），明天自动恢复；账号绑定今天只按已有结果匹配",
		"WeCom has paused lookups through {via} for today (45009: too many failed lookups today); they resume tomorrow, and the binding review matches on earlier answers until then."},
	"lookup_check_no_secret": {
		"未检查：没有通讯录同步 Secret，也没有自建应用，无法向企业微信查找手机号/邮箱",
		"Not checked: with no directory sync Secret and no self-built app, nothing can ask WeCom who owns a mobile or email."},
	"lookup_check_no_value": {
		"未试查：本地通讯录中还没有手机号或邮箱（导入本地通讯录后再检查）；查找会通过{via}进行",
		"Not tried: the local directory has no mobile or email yet (import it, then check again); lookups will go through {via}."},
	"lookup_check_no_sample": {
		"无法从本地通讯录取一个手机号或邮箱：{error}",
		"Could not take a mobile or email from the local directory: {error}"},
}
