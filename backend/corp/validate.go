package corp

import (
	"fmt"
	"net/url"
	"regexp"
	"strconv"
	"unicode/utf8"
)

var (
	corpIDRe  = regexp.MustCompile(`^(ww|wx)[0-9a-fA-F]{16}$`)
	secretRe  = regexp.MustCompile(`^[A-Za-z0-9_-]{43}$`)
	aesKeyRe  = regexp.MustCompile(`^[A-Za-z0-9]{43}$`) // base64 without +/=, as the console generates and wxcrypt accepts
	tokenRe   = regexp.MustCompile(`^[A-Za-z0-9]{1,32}$`)
	maxName   = 64
	maxAgent  = int64(1) << 31
	agentHint = "AgentId 必须是整数，例如 1000002"
)

// errs collects field errors for one form.
type errs struct {
	form string
	list []FieldError
}

func (e *errs) add(field, zh, en string) {
	h := help(e.form, field)
	e.list = append(e.list, FieldError{Field: field, Message: h.Label + "：" + zh, MessageEN: h.LabelEN + ": " + en, Where: h.Where, WhereEN: h.WhereEN})
}

func (e *errs) name(v string) {
	switch n := utf8.RuneCountInString(v); {
	case n == 0:
		e.add(FieldName, "请填写名称。", "enter a name.")
	case n > maxName:
		e.add(FieldName, fmt.Sprintf("最多 %d 个字符，当前 %d 个。", maxName, n), fmt.Sprintf("at most %d characters; this has %d.", maxName, n))
	}
}

func (e *errs) corpID(v string) {
	switch {
	case v == "":
		e.add(FieldCorpID, "请填写企业ID。", "enter the corp ID.")
	case !corpIDRe.MatchString(v):
		e.add(FieldCorpID,
			fmt.Sprintf("应为 ww 或 wx 开头、后跟 16 位十六进制字符（共 18 位），例如 ww1234567890abcdef；当前是 %d 位%s。", utf8.RuneCountInString(v), looksLike(v, "zh")),
			fmt.Sprintf("must be ww or wx followed by 16 hex characters (18 in all), e.g. ww1234567890abcdef; this has %d characters%s.", utf8.RuneCountInString(v), looksLike(v, "en")))
	}
}

// secret checks a 43-character WeCom Secret; required says whether "" is an error.
func (e *errs) secret(field, v string, required bool) {
	switch {
	case v == "" && required:
		e.add(field, "请填写 Secret。", "enter the Secret.")
	case v != "" && !secretRe.MatchString(v):
		e.add(field,
			fmt.Sprintf("应为 43 位字母、数字、- 或 _；当前是 %d 位%s。请在管理后台重新“查看”并完整复制。", utf8.RuneCountInString(v), looksLike(v, "zh")),
			fmt.Sprintf("must be 43 letters, digits, - or _; this has %d characters%s. View it again in the admin console and copy all of it.", utf8.RuneCountInString(v), looksLike(v, "en")))
	}
}

func (e *errs) token(v string) {
	if v != "" && !tokenRe.MatchString(v) {
		e.add(FieldCallbackToken,
			fmt.Sprintf("应为 1–32 位英文字母或数字；当前是 %d 位或含其他字符。可点“生成”获取新的 Token。", utf8.RuneCountInString(v)),
			fmt.Sprintf("must be 1–32 letters or digits; this has %d characters or others. Click Generate for a new Token.", utf8.RuneCountInString(v)))
	}
}

func (e *errs) aesKey(v string) {
	if v != "" && !aesKeyRe.MatchString(v) {
		e.add(FieldCallbackAESKey,
			fmt.Sprintf("应为恰好 43 位字母或数字（base64，不含 = 号）；当前是 %d 位。可点“生成”获取新的 EncodingAESKey。", utf8.RuneCountInString(v)),
			fmt.Sprintf("must be exactly 43 letters or digits (base64 without =); this has %d. Click Generate for a new EncodingAESKey.", utf8.RuneCountInString(v)))
	}
}

// callbackPair requires Token and EncodingAESKey together (stored or new).
func (e *errs) callbackPair(hasToken, hasKey bool) {
	switch {
	case hasToken && !hasKey:
		e.add(FieldCallbackAESKey, "已填 Token，还需填写 EncodingAESKey（两者一起使用）。", "a Token is set; the EncodingAESKey is needed too (they work together).")
	case hasKey && !hasToken:
		e.add(FieldCallbackToken, "已填 EncodingAESKey，还需填写 Token（两者一起使用）。", "an EncodingAESKey is set; the Token is needed too (they work together).")
	}
}

// webURL checks an http(s) URL; required says whether "" is an error. Base
// URLs (API, external) get paths appended, so they may not carry ?query or #fragment.
func (e *errs) webURL(field, v string, required, base bool) {
	if v == "" {
		if required {
			e.add(field, "请填写网址，例如 https://bridge.example.com。", "enter a URL, e.g. https://bridge.example.com.")
		}
		return
	}
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		e.add(field, "应为 http:// 或 https:// 开头的完整网址，例如 https://bridge.example.com。",
			"must be a full URL starting with http:// or https://, e.g. https://bridge.example.com.")
		return
	}
	if base && (u.RawQuery != "" || u.Fragment != "") {
		e.add(field, "不能带 ? 或 # 之后的部分。", "must not have a ?query or #fragment.")
	}
}

func (e *errs) proxyURL(v string) {
	if v == "" {
		return
	}
	u, err := url.Parse(v)
	if err != nil || u.Host == "" {
		e.add(FieldProxyURL, "格式应为 http://主机:端口，例如 http://proxy.corp:3128。", "must look like http://host:port, e.g. http://proxy.corp:3128.")
		return
	}
	switch u.Scheme {
	case "http", "https", "socks5", "socks5h":
	default:
		e.add(FieldProxyURL, "只支持 http、https 或 socks5 代理。", "only http, https and socks5 proxies are supported.")
	}
}

// agentID parses the AgentId typed into the form.
func (e *errs) agentID(v string) int64 {
	if v == "" {
		e.add(FieldAgentID, "请填写 AgentId，例如 1000002。", "enter the AgentId, e.g. 1000002.")
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 || n >= maxAgent {
		e.add(FieldAgentID, agentHint+"。", "AgentId must be a whole number like 1000002.")
		return 0
	}
	return n
}

// looksLike names a common paste mix-up, e.g. a Secret in the corp ID field.
func looksLike(v, lang string) string {
	switch {
	case corpIDRe.MatchString(v):
		return map[string]string{"zh": "，看起来像企业ID", "en": ", which looks like a corp ID"}[lang]
	case secretRe.MatchString(v):
		return map[string]string{"zh": "，看起来像 Secret", "en": ", which looks like a Secret"}[lang]
	}
	if _, err := strconv.ParseInt(v, 10, 64); err == nil {
		return map[string]string{"zh": "，看起来像 AgentId", "en": ", which looks like an AgentId"}[lang]
	}
	return ""
}

// hasAny reports whether the named field is in list (Clear lists).
func hasAny(list []string, field string) bool {
	for _, f := range list {
		if f == field {
			return true
		}
	}
	return false
}

// validateCorp checks a cleaned CorpInput. stored says which secrets the
// corp already has, so an empty field (keep) still counts as set.
func validateCorp(in CorpInput, stored storedSecrets) []FieldError {
	e := &errs{form: FormCorp}
	e.name(in.Name)
	e.corpID(in.CorpID)
	e.webURL(FieldAPIBaseURL, in.APIBaseURL, false, true)
	e.proxyURL(in.ProxyURL)
	switch in.ContactPermission {
	case "", PermissionRead, PermissionWrite:
	default:
		e.add(FieldContactPermission, "请选择 read（只读）或 write（读写）。", "choose read or write.")
	}
	e.secret(FieldContactSecret, in.ContactSecret, false)
	e.secret(FieldCustomerSecret, in.CustomerSecret, false)
	e.token(in.CallbackToken)
	e.aesKey(in.CallbackAESKey)
	has := func(field, v string, was bool) bool {
		return v != "" || (was && !hasAny(in.Clear, field))
	}
	if in.ContactPermission == PermissionWrite && !has(FieldContactSecret, in.ContactSecret, stored.contact) {
		e.add(FieldContactSecret, "“读写”权限需要通讯录同步 Secret；只读可以不填。", "read-write needs the 通讯录同步 Secret; read-only does not.")
	}
	e.callbackPair(has(FieldCallbackToken, in.CallbackToken, stored.token), has(FieldCallbackAESKey, in.CallbackAESKey, stored.aesKey))
	return e.list
}

// validateApp checks a cleaned AppInput and returns the parsed AgentId.
func validateApp(in AppInput, stored storedSecrets) (int64, []FieldError) {
	e := &errs{form: FormApp}
	e.name(in.Name)
	agent := e.agentID(in.AgentID)
	e.secret(FieldSecret, in.Secret, !stored.secret || hasAny(in.Clear, FieldSecret))
	e.token(in.CallbackToken)
	e.aesKey(in.CallbackAESKey)
	e.webURL(FieldHomeURL, in.HomeURL, false, false)
	has := func(field, v string, was bool) bool {
		return v != "" || (was && !hasAny(in.Clear, field))
	}
	e.callbackPair(has(FieldCallbackToken, in.CallbackToken, stored.token), has(FieldCallbackAESKey, in.CallbackAESKey, stored.aesKey))
	return agent, e.list
}

// storedSecrets says which secrets a row already holds.
type storedSecrets struct {
	contact, customer, token, aesKey, secret bool
}

// ValidateExternalBaseURL checks the 对外域名 setting.
func validateExternalBaseURL(v string) []FieldError {
	e := &errs{form: FormSettings}
	e.webURL(FieldExternalBaseURL, v, false, true)
	return e.list
}
