package usererr

// backupMessages: backups and restores of the data directory (backend/backup).
var backupMessages = map[string]entry{
	"backup_passphrase_short": {
		"备份密码太短：至少需要 {min} 个字符。请换一个更长的密码，或留空以不加密",
		"The backup passphrase is too short: use at least {min} characters, or leave it empty for an unencrypted backup."},
	"backup_out_exists": {
		"文件 {file} 已存在，未覆盖：请换一个文件名",
		"The file {file} already exists and was not overwritten; choose another file name."},
	"backup_no_database": {
		"数据目录 {dir} 中没有数据库（bridge.db），没有可备份的内容：请检查 --data 是否指向正确的目录",
		"The data directory {dir} has no database (bridge.db), so there is nothing to back up; check that --data names the right directory."},
	"backup_instance_running": {
		"企微桥正在使用数据目录 {dir}：请先关闭它（桌面窗口或 serve），再重新执行恢复。没有做任何更改",
		"WeCom Bridge is running on the data directory {dir}: close it (the desktop window or serve) and run the restore again. Nothing was changed."},
	"backup_archive_unreadable": {
		"无法打开备份文件 {file}：请检查路径和权限",
		"The backup file {file} cannot be opened; check its path and permissions."},
	"backup_archive_damaged": {
		"{file} 不是企微桥的备份，或已损坏（{detail}）：没有做任何更改。请选择另一个备份文件",
		"{file} is not a WeCom Bridge backup or it is damaged ({detail}): nothing was changed. Choose another backup file."},
	"backup_passphrase_needed": {
		"备份 {file} 已加密：请提供备份密码（--passphrase-file 或环境变量 WECOM_BRIDGE_BACKUP_PASSPHRASE）",
		"The backup {file} is encrypted: give its passphrase (--passphrase-file or the environment variable WECOM_BRIDGE_BACKUP_PASSPHRASE)."},
	"backup_passphrase_wrong": {
		"无法解密备份 {file}：密码不正确，或文件已损坏。没有做任何更改",
		"The backup {file} cannot be decrypted: the passphrase is wrong or the file is damaged. Nothing was changed."},
	"backup_format_newer": {
		"该备份的格式版本为 {version}，本程序只认识到版本 {known}：请用更新版本的企微桥恢复。没有做任何更改",
		"This backup's format is version {version}, but this program knows only up to version {known}: restore it with a newer WeCom Bridge. Nothing was changed."},
	"backup_schema_newer": {
		"该备份由更新版本的企微桥（{app}）创建，数据库结构版本 {schema} 高于本程序支持的 {known}：请先升级企微桥再恢复。没有做任何更改",
		"This backup was made by a newer WeCom Bridge ({app}): its database schema version {schema} is newer than the {known} this program knows. Upgrade WeCom Bridge, then restore. Nothing was changed."},
	"backup_restore_move_failed": {
		"恢复时无法移动 {file}：被替换的文件保存在 {replaced}。请关闭占用这些文件的程序后重新恢复",
		"The restore could not move {file}; the replaced files are kept in {replaced}. Close any program that holds them open and restore again."},
	"backup_keep_out_of_range": {
		"保留份数 {keep} 不在 1 到 {max} 之间",
		"Keeping {keep} backups is not between 1 and {max}."},
}
