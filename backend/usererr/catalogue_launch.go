package usererr

// launchMessages: starting the program (backend/datadir, backend/launch,
// main.go): the data directory, its lock, serve's address, commands.
var launchMessages = map[string]entry{
	"data_dir_unknown": {
		"找不到配置目录（{error}）：请用 --data 目录 指定数据目录，或设置环境变量 {env}",
		"Cannot find a config directory ({error}): pass --data DIR or set {env}."},
	"data_dir_create": {
		"无法创建数据目录 {dir}（{error}）：请检查权限，或用 --data 指定另一个目录",
		"Cannot create the data directory {dir} ({error}): check its permissions, or pass another one with --data."},
	"data_dir_locked": {
		"另一个企微桥已在使用数据目录 {dir}：请先关闭它，或用另一个 --data 目录启动",
		"Another WeCom Bridge is already running on {dir}. Close it first, or start this one with a different --data directory."},
	"data_dir_locked_pid": {
		"另一个企微桥（进程 {pid}）已在使用数据目录 {dir}：请先关闭它，或用另一个 --data 目录启动",
		"Another WeCom Bridge (process {pid}) is already running on {dir}. Close it first, or start this one with a different --data directory."},
	"serve_listen": {
		"无法监听 {addr}（{error}）：端口可能被其他程序占用，请用 --addr 换一个",
		"Cannot listen on {addr} ({error}): another program may be using the port; pick one with --addr."},
	"unknown_command": {
		"未知命令 {cmd}：运行 wecom-bridge help 查看可用的命令",
		"Unknown command {cmd}: run wecom-bridge help to see the commands."},
}
