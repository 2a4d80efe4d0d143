package wecom

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"strings"

	"wecom-bridge/backend/logging"
)

// Errcodes the client itself acts on.
const (
	CodeSystemBusy        = -1
	CodeInvalidSecret     = 40001
	CodeInvalidToken      = 40014
	CodeTokenExpired      = 42001
	CodeAPIFreqOutOfLimit = 45009
	CodeNoPrivilege       = 48002
	CodeNewIPForbidden    = 48009
	CodeUntrustedIP       = 60020
	CodeUserIDExists      = 60102
)

// Error is a WeCom answer with errcode ≠ 0. API is the path after /cgi-bin/.
// Use errors.As to get it from any error the client returns.
type Error struct {
	Code int
	Msg  string // WeCom's errmsg
	API  string
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "wecom %s: errcode %d", e.API, e.Code)
	if h, ok := errcodeTable[e.Code]; ok {
		b.WriteString(" " + h.zh)
	}
	if e.Msg != "" {
		b.WriteString(": " + logging.Redact(e.Msg))
	}
	return b.String()
}

// Hint explains the error to the admin; see the package function Hint.
func (e *Error) Hint() ErrorHint { return Hint(e.Code, e.Msg) }

// ErrCode returns the WeCom errcode in err's chain, or 0 when there is none.
func ErrCode(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return 0
}

// backoffCodes are transient failures retried with exponential backoff.
var backoffCodes = map[int]bool{
	CodeSystemBusy: true, // 系统繁忙: "建议重试次数不超过3次"
	45033:          true, // 接口并发调用超过限制
	301022:         true, // 获取打卡数据失败: "系统失败，可重试处理"
}

// IsRetryable reports whether the same request may succeed later: system busy,
// rate or concurrency limits. The client already retries these itself.
func IsRetryable(code int) bool {
	return backoffCodes[code] || code == CodeAPIFreqOutOfLimit
}

// configCodes need the admin to change something in WeCom or in our settings;
// retrying cannot help.
var configCodes = map[int]bool{
	CodeInvalidSecret:  true, // after the one refresh, a bad or reset secret
	40013:              true, // CorpID
	40056:              true, // agentid
	40091:              true, // secret of another corp
	CodeNoPrivilege:    true, // secret type vs API
	CodeNewIPForbidden: true,
	50001:              true, // redirect_uri not a trusted domain
	50003:              true, // app disabled
	CodeUntrustedIP:    true,
	60011:              true, // outside the app's visibility
	80001:              true, // trusted domain / ICP
	85005:              true, // trusted domain not verified
	301002:             true, // agentid of another app
}

// IsConfigError reports whether code means a configuration problem (secret,
// corp ID, agent ID, IP allow-list, permissions, domains) that no retry fixes.
func IsConfigError(code int) bool { return configCodes[code] }

// ErrorHint is what the UI shows for an errcode.
type ErrorHint struct {
	Code  int
	ZH    string // official Chinese meaning
	EN    string // English gloss
	Fix   string // what to do, in Chinese
	FixEN string // what to do, in English
	Doc   string // WeCom's errcode lookup page
}

// Hint explains code to the admin, in the words of WeCom's errcode page, with
// a concrete fix. errmsg is WeCom's text: for 60020 and 48009 the server's
// outgoing IP is taken from its "from ip: …" part and quoted in the fix.
func Hint(code int, errmsg string) ErrorHint {
	h := ErrorHint{Code: code, Doc: fmt.Sprintf("https://open.work.weixin.qq.com/devtool/query?e=%d", code)}
	e, ok := errcodeTable[code]
	if !ok {
		h.ZH, h.EN = "未收录的错误码", "errcode not in our table"
		h.Fix = "请按错误信息排查，或在企业微信错误码查询工具中查看：" + h.Doc
		h.FixEN = "Check the error message, or look the code up at " + h.Doc
		return h
	}
	h.ZH, h.EN, h.Fix, h.FixEN = e.zh, e.en, e.fix, e.fixEN
	ip := IPFromErrMsg(errmsg)
	switch code {
	case CodeUntrustedIP:
		if ip == "" {
			ip = "本服务器的出口IP"
		}
		h.Fix = fmt.Sprintf("把 %s 加入企业可信IP：管理后台 → 应用管理 → 自建应用（对应应用）→ 企业可信IP；通讯录同步 secret 则在 管理工具 → 通讯录同步 → 企业可信IP。"+
			"首次配置需先设置可信域名或接收消息服务器URL，保存后约1分钟生效。", ip)
		if ip == "本服务器的出口IP" {
			ip = "this server's outgoing IP"
		}
		h.FixEN = fmt.Sprintf("Add %s to the app's 企业可信IP (trusted IPs): admin console → 应用管理 → 自建应用 → 企业可信IP "+
			"(for the 通讯录同步 secret: 管理工具 → 通讯录同步 → 企业可信IP). A trusted domain or callback URL must be set first; it takes about a minute to apply.", ip)
	case CodeNewIPForbidden:
		if ip != "" {
			h.Fix = fmt.Sprintf("出口IP %s 是通讯录同步助手的新增IP。", ip) + h.Fix
			h.FixEN = fmt.Sprintf("Outgoing IP %s is new to the 通讯录同步 assistant. ", ip) + h.FixEN
		}
	}
	return h
}

// fromIPRe finds the caller IP WeCom quotes in 60020/48009 messages:
// "…, from ip: 1.2.3.4, more info at …" (IPv6 also, optionally bracketed).
var fromIPRe = regexp.MustCompile(`(?i)from\s*ip\s*[:：]?\s*\[?([0-9a-f:.]+)`)

// IPFromErrMsg returns the IP quoted in errmsg as "from ip: …", or "".
func IPFromErrMsg(errmsg string) string {
	m := fromIPRe.FindStringSubmatch(errmsg)
	if m == nil {
		return ""
	}
	for _, s := range []string{m[1], strings.TrimRight(m[1], ".:")} {
		if a, err := netip.ParseAddr(s); err == nil {
			return a.Unmap().String()
		}
		if ap, err := netip.ParseAddrPort(s); err == nil { // "1.2.3.4:5678"
			return ap.Addr().Unmap().String()
		}
	}
	return ""
}
