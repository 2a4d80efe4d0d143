package usererr

// catalogue is every message the admin can read, in both UI languages, split
// by area into the catalogue_*.go files of this package. Codes are unique
// across parts (TestCatalogue).
var catalogue = []map[string]entry{
	general,
	files,
	syncMessages,
	applyMessages,
	pushMessages,
	pushLogMessages,
	pullMessages,
	bindingMessages,
	reviewQueryMessages,
	bindingExportWords,
	bindingNotes,
	pullRunMessages,
	jobMessages,
	wecomMessages,
	syncOpMessages,
	syncPlanMessages,
	syncExportWords,
	serveMessages,
	launchMessages,
	corpMessages,
	checkMessages,
	setupFields,
	setupMessages,
	directoryMessages,
	directoryProblems,
	directoryColumns,
	autoreplyMessages,
	callbackMessages,
	loginMessages,
	backupMessages,
	pushWebhookMessages,
}

var general = map[string]entry{
	CodeInternal: {
		"内部错误（编号 {ref}）：详细信息已写入日志。",
		"Internal error (reference {ref}): the details are in the log."},
	"cancelled": {
		"操作已取消。",
		"The operation was cancelled."},
	"empty_database": {
		"数据库文件 {path} 是空的（0 字节）：可能被截断或复制失败。请从 {backups} 中的备份恢复它，或将它移走后重新启动以新建数据库",
		"The database file {path} is empty (0 bytes): it was probably truncated or a copy failed. Restore it from a backup in {backups}, or move it away and start again to create a new database."},
	"retention_out_of_range": {
		"保留天数 {days} 不在 1 到 {max} 之间",
		"retention of {days} days is not between 1 and {max}"},
	"language_unavailable": {
		"界面语言 {lang} 不可用：请选择 {choices}",
		"Language {lang} is not available; choose one of {choices}."},
	"bad_date": {
		"{field} {value} 不是 {example} 这样的日期",
		"{fieldEn}: {value} is not a date like {example}"},
}
