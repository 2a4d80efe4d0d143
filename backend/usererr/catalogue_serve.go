package usererr

// serveMessages: serve mode's auth answers (backend/server/auth.go).
var serveMessages = map[string]entry{
	"unauthorized": {
		"缺少访问令牌或令牌不对：请打开 wecom-bridge serve 打印的网址，或发送 Authorization: Bearer <令牌>（令牌在数据目录的 serve.token 中；不接受 Cookie 和 ?token=）",
		"Missing or wrong serve token: open the URL wecom-bridge serve printed, or send Authorization: Bearer <token> (the token is in serve.token in the data directory; cookies and ?token= are not accepted)."},
	"bad_host": {
		"主机名 {host} 不是这个服务器：请使用 serve 打印的网址；前面有反向代理时，请用 --allowed-host 名称 启动 serve",
		"Host {host} does not name this server; open the URL serve printed, or start serve with --allowed-host NAME for a proxy in front."},
	"bad_origin": {
		"不接受来自 {origin} 的请求：只有 serve 自己的页面可以调用接口",
		"Requests from {origin} are not accepted; only the serve page itself may call the API."},
	"cross_site": {
		"不接受 {site} 请求：只有 serve 自己的页面可以调用接口",
		"A {site} request is not accepted; only the serve page itself may call the API."},
	"throttled": {
		"这个地址发送的错误令牌太多，请 {seconds} 秒后再试",
		"Too many wrong tokens from this address; try again in {seconds} s."},
	"unsupported_media_type": {
		"请以 Content-Type: application/json 发送参数",
		"Send the arguments as Content-Type: application/json."},
	"too_many_tickets": {
		"未使用的临时票据太多：请先使用已有的，或 30 秒后再试",
		"Too many outstanding tickets; use the ones you have or try again in 30 s."},
	"serve_page_bad_host_title": {"地址不对", "Wrong address"},
	"serve_page_bad_host": {
		"这个服务器不以这个主机名提供服务。请使用 `wecom-bridge serve` 启动时打印的网址；如果前面有反向代理，请用 `--allowed-host 名称` 启动。",
		"This server does not answer to this host name. Open the URL `wecom-bridge serve` printed; with a reverse proxy in front, start it with `--allowed-host NAME`."},
	"serve_page_not_built_title": {"界面尚未构建", "The UI is not built"},
	"serve_page_not_built": {
		"这个二进制文件没有包含前端。请在源码目录运行 `make build`（或 `make serve`）。",
		"This binary was built without the frontend. Run `make build` (or `make serve`) in the source tree."},
	"serve_token_short": {
		"{from} 中的访问令牌只有 {n} 个字符，至少需要 {min} 个：请换一个随机令牌（例如 openssl rand -hex 32），或删去它让程序生成",
		"The serve token in {from} has {n} characters; it needs at least {min}. Use a random one, e.g. openssl rand -hex 32, or unset it or delete the file to have one generated."},
	"serve_token_long": {
		"{from} 中的访问令牌超过 {max} 字节",
		"The serve token in {from} is over {max} bytes."},
	"serve_token_spaces": {
		"{from} 中的访问令牌含有空格或控制字符：它要放在 HTTP 请求头中发送",
		"The serve token in {from} contains spaces or control characters; it is sent in an HTTP header."},
	"token_from_env": {
		"访问令牌来自环境变量 WECOM_BRIDGE_TOKEN，服务器无法更换：请修改该变量后重启 serve",
		"The serve token comes from WECOM_BRIDGE_TOKEN, which the server cannot change; change the variable and restart serve."},
}
