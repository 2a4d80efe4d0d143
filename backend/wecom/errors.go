package wecom

import (
	"errors"
	"fmt"
	"net/netip"
	"regexp"
	"strings"

	"wecom-bridge/backend/logging"
	"wecom-bridge/backend/usererr"
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
	if usererr.ErrcodeCode(e.Code) != "" {
		b.WriteString(" (" + Hint(e.Code, "").Meaning.EN + ")")
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

// ErrorHint is what the admin reads about an errcode: WeCom's meaning and
// the next step, as catalogue messages (backend/usererr catalogue_wecom.go).
type ErrorHint struct {
	Code    int
	Meaning usererr.Message // WeCom's words for the errcode
	Fix     usererr.Message // what to do
	Doc     string          // WeCom's errcode lookup page
}

// Explain is the one message for a failed call: the errcode, its meaning
// and what to do.
func (h ErrorHint) Explain() usererr.Message {
	return usererr.Msg("wecom_errcode", usererr.Args{"errcode": h.Code, "meaning": h.Meaning, "fix": h.Fix})
}

// Hint explains code to the admin, in the words of WeCom's errcode page, with
// a concrete fix. errmsg is WeCom's text: for 60020 and 48009 the server's
// outgoing IP is taken from its "from ip: …" part and quoted in the fix.
func Hint(code int, errmsg string) ErrorHint {
	h := ErrorHint{Code: code, Doc: fmt.Sprintf("https://open.work.weixin.qq.com/devtool/query?e=%d", code)}
	fix := usererr.ErrcodeCode(code)
	if fix == "" {
		h.Meaning = usererr.Msg("errcode_unknown_meaning", nil)
		h.Fix = usererr.Msg("errcode_unknown", usererr.Args{"doc": h.Doc})
		return h
	}
	h.Meaning = usererr.Msg(fix+"_meaning", nil)
	ip := IPFromErrMsg(errmsg)
	switch {
	case code == CodeUntrustedIP && ip == "":
		h.Fix = usererr.Msg(fix, usererr.Args{"ip": usererr.Msg("wecom_own_ip", nil)})
	case code == CodeUntrustedIP:
		h.Fix = usererr.Msg(fix, usererr.Args{"ip": ip})
	case code == CodeNewIPForbidden && ip != "":
		h.Fix = usererr.Msg("errcode_48009_ip", usererr.Args{"ip": ip, "fix": usererr.Msg(fix, nil)})
	default:
		h.Fix = usererr.Msg(fix, nil)
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
