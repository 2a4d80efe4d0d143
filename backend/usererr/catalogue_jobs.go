package usererr

// jobMessages: long jobs (backend/jobs).
var jobMessages = map[string]entry{
	"job_not_found": {
		"找不到这个任务：它可能在应用重启前运行，或已结束较久；请到 同步记录 查看结果",
		"This job is not known: it may have run before the app restarted, or ended a while ago; see History for its result."},
	"job_finished": {
		"这个任务已经结束，无需取消",
		"This job has already ended; there is nothing to cancel."},
	"job_shutting_down": {
		"应用正在关闭，不再开始新的任务：请重新打开应用后再试",
		"The app is shutting down, so no new job starts: open it again and retry."},
	"job_running": {
		"同一项工作正在进行（任务 {job}）：请等待它完成，或先取消它",
		"The same work is already running (job {job}): wait for it, or cancel it first."},
}
