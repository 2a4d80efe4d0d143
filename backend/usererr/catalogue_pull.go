package usererr

// pullMessages: reading WeCom contacts into the mirror (backend/mirror, services).
var pullMessages = map[string]entry{
	"no_app": {
		"该企业还没有自建应用：请在 接入配置 中添加一个（拉取只读取应用可见范围内的成员）",
		"This corp has no self-built app: add one in Setup (a pull reads the members within an app's visible scope)."},
	"unknown_app": {
		"该企业没有 AgentId 为 {agentId} 的应用：请在 接入配置 中核对，或选择另一个应用",
		"This corp has no app with AgentId {agentId}: check Setup or choose another app."},
	"no_scope": {
		"department/list 没有返回任何部门（{cred}）：请把部门加入应用的 可见范围（管理后台 → 应用管理 → 该应用 → 可见范围），或改用通讯录同步 Secret",
		"department/list returned no departments for {cred}: add departments to the app's visible scope (WeCom admin console: 应用管理 → the app → 可见范围), or use the contact sync secret."},
	"wecom_error": {
		"{api}（{cred}）失败：{detail}。处理办法：{fix}",
		"{api} with {cred} failed: {detail}. Fix: {fix}"},
	"pull_http_failed": {
		"企业微信或中间代理返回 HTTP {status}，重试多次仍失败：稍后重新拉取；若持续出现，检查代理或网络。",
		"WeCom or a proxy answered HTTP {status} even after retries: pull again later; if it persists, check the proxy or network."},
	"pull_network_failed": {
		"网络错误，重试多次仍失败：检查本机到企业微信的网络（或代理设置）后重新拉取。",
		"Network error even after retries: check the connection to WeCom (or the proxy settings), then pull again."},
	"network": {
		"{api}（{cred}）失败：{detail}。请检查本机到企业微信的网络或代理设置，然后重新拉取",
		"{api} with {cred} failed: {detail}. Check the network or proxy to WeCom, then pull again."},
	"no_pull_running": {
		"该企业当前没有正在进行的拉取",
		"No pull of this corp is running."},
}

// pullRunMessages: why a recorded pull failed, stopped or is partial.
var pullRunMessages = map[string]entry{
	"pull_failed_kept": {
		"{reason}；保留了上一次的镜像",
		"{reason}; the previous mirror is kept."},
	"pull_interrupted": {
		"拉取过程中应用停止了（关闭、被结束或崩溃）；保留了上一次的镜像。请重新拉取。",
		"The app stopped during this pull (closed, killed or crashed); the previous mirror is kept. Pull again."},
	"pull_stopped": {
		"拉取已{timedOut|超时|停止}{saving|（保存时）|}；保留了上一次的镜像",
		"The pull {timedOut|timed out|was cancelled}{saving| while saving|}; the previous mirror is kept."},
	"pull_partial": {
		"{count} 个部门读取失败，保留了上一次的镜像：{departments}{more|，另有 1 个|，另有 # 个|}。之后请重新拉取。",
		"{count|One department|# departments} could not be read, so the previous mirror is kept: {departments}{more|; and 1 more|; and # more|}. Then pull again."},
	"pull_partial_fix": {
		"{count} 个部门读取失败，保留了上一次的镜像：{departments}{more|，另有 1 个|，另有 # 个|}。错误码 {errcode} 的处理办法：{fix} 之后请重新拉取。",
		"{count|One department|# departments} could not be read, so the previous mirror is kept: {departments}{more|; and 1 more|; and # more|}. Fix for errcode {errcode}: {fix} Then pull again."},
}
