package corp

import (
	"slices"
	"strings"
	"testing"
)

const (
	goodCorpID = "ww0123456789abcdef"
	goodSecret = "Abc_def-GHIjklmnopqrstuvwxyz0123456789ABCDE" // 43
	goodAESKey = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG" // 43
)

func fieldErr(errs []FieldError, field string) *FieldError {
	for i := range errs {
		if errs[i].Field == field {
			return &errs[i]
		}
	}
	return nil
}

func TestCompactRemovesPastedJunk(t *testing.T) {
	cases := map[string]string{
		"  ww0123456789abcdef\n":         goodCorpID,
		"\u3000ww0123456789abcdef\u3000": goodCorpID, // full-width spaces
		"\tww01234567\u200b89abcdef\r\n": goodCorpID, // tab, zero-width space, CRLF
		"\ufeffww0123456789abcdef\u2060": goodCorpID, // BOM, word joiner
		"ｗｗ０１２３４５６７８９ａｂｃｄｅｆ":             goodCorpID, // full-width letters and digits
		"ww0123 4567\n89abcdef":          goodCorpID, // wrapped in the middle
		"１０００００２":                        "1000002",
	}
	for in, want := range cases {
		if got := compact(in); got != want {
			t.Errorf("compact(%q) = %q, want %q", in, got, want)
		}
	}
	if got := trimText("\u3000 星河 科技\u200d \n"); got != "星河 科技" {
		t.Errorf("trimText kept %q; inner spaces stay, edges and invisibles go", got)
	}
}

func TestTrimmedReportNamesCleanedFields(t *testing.T) {
	in := CorpInput{Name: " 星河 ", CorpID: goodCorpID, ContactSecret: goodSecret + "\n", CallbackToken: "\u200babc", CallbackAESKey: goodAESKey}
	got := cleanCorpInput(&in)
	want := []string{FieldName, FieldContactSecret, FieldCallbackToken}
	if !slices.Equal(got, want) {
		t.Fatalf("trimmed = %v, want %v", got, want)
	}
	if in.ContactSecret != goodSecret || in.CallbackToken != "abc" || in.Name != "星河" {
		t.Fatalf("values not cleaned: %+v", in)
	}
	app := AppInput{Name: "OA", AgentID: " 1000002 ", Secret: goodSecret, HomeURL: "https://oa.example.com/\n"}
	if got := cleanAppInput(&app); !slices.Equal(got, []string{FieldAgentID, FieldHomeURL}) {
		t.Fatalf("app trimmed = %v", got)
	}
}

func validCorp() CorpInput {
	return CorpInput{Name: "星河", CorpID: goodCorpID, ContactSecret: goodSecret, CallbackToken: "tok123", CallbackAESKey: goodAESKey}
}

func TestCorpRules(t *testing.T) {
	if errs := validateCorp(validCorp(), storedSecrets{}); len(errs) != 0 {
		t.Fatalf("valid corp rejected: %v", errs)
	}
	cases := []struct {
		name   string
		mod    func(*CorpInput)
		field  string
		substr string
	}{
		{"no name", func(c *CorpInput) { c.Name = "" }, FieldName, "请填写名称"},
		{"long name", func(c *CorpInput) { c.Name = strings.Repeat("名", 65) }, FieldName, "最多 64"},
		{"empty corp id", func(c *CorpInput) { c.CorpID = "" }, FieldCorpID, "请填写企业ID"},
		{"short corp id", func(c *CorpInput) { c.CorpID = "ww0123" }, FieldCorpID, "当前是 6 位"},
		{"bad prefix", func(c *CorpInput) { c.CorpID = "wz0123456789abcdef" }, FieldCorpID, "ww 或 wx"},
		{"non-hex", func(c *CorpInput) { c.CorpID = "ww0123456789abcdeg" }, FieldCorpID, "十六进制"},
		{"secret in corp id", func(c *CorpInput) { c.CorpID = goodSecret }, FieldCorpID, "看起来像 Secret"},
		{"wx accepted", func(c *CorpInput) { c.CorpID = "wx0123456789ABCDEF" }, "", ""},
		{"secret too short", func(c *CorpInput) { c.ContactSecret = goodSecret[:40] }, FieldContactSecret, "当前是 40 位"},
		{"secret bad char", func(c *CorpInput) { c.ContactSecret = goodSecret[:42] + "!" }, FieldContactSecret, "43 位"},
		{"corp id in secret", func(c *CorpInput) { c.CustomerSecret = goodCorpID }, FieldCustomerSecret, "看起来像企业ID"},
		{"token too long", func(c *CorpInput) { c.CallbackToken = strings.Repeat("a", 33) }, FieldCallbackToken, "1–32"},
		{"token punctuation", func(c *CorpInput) { c.CallbackToken = "abc-def" }, FieldCallbackToken, "字母或数字"},
		{"aes key 42", func(c *CorpInput) { c.CallbackAESKey = goodAESKey[:42] }, FieldCallbackAESKey, "恰好 43 位"},
		{"aes key with =", func(c *CorpInput) { c.CallbackAESKey = goodAESKey[:42] + "=" }, FieldCallbackAESKey, "43"},
		{"token without key", func(c *CorpInput) { c.CallbackAESKey = "" }, FieldCallbackAESKey, "还需填写 EncodingAESKey"},
		{"key without token", func(c *CorpInput) { c.CallbackToken = "" }, FieldCallbackToken, "还需填写 Token"},
		{"api url scheme", func(c *CorpInput) { c.APIBaseURL = "ftp://qyapi.weixin.qq.com" }, FieldAPIBaseURL, "http:// 或 https://"},
		{"api url no host", func(c *CorpInput) { c.APIBaseURL = "qyapi.weixin.qq.com" }, FieldAPIBaseURL, "完整网址"},
		{"api url private", func(c *CorpInput) { c.APIBaseURL = "http://10.0.0.5:8080" }, "", ""},
		{"api url query", func(c *CorpInput) { c.APIBaseURL = "https://qyapi.weixin.qq.com?x=1" }, FieldAPIBaseURL, "?"},
		{"proxy scheme", func(c *CorpInput) { c.ProxyURL = "ftp://p:21" }, FieldProxyURL, "http、https 或 socks5"},
		{"proxy socks", func(c *CorpInput) { c.ProxyURL = "socks5://p:1080" }, "", ""},
		{"bad permission", func(c *CorpInput) { c.ContactPermission = "admin" }, FieldContactPermission, "read"},
		{"write needs contact secret", func(c *CorpInput) { c.ContactPermission = PermissionWrite; c.ContactSecret = "" }, FieldContactSecret, "读写"},
	}
	for _, tc := range cases {
		in := validCorp()
		tc.mod(&in)
		errs := validateCorp(in, storedSecrets{})
		if tc.field == "" {
			if len(errs) != 0 {
				t.Errorf("%s: unexpected errors %v", tc.name, errs)
			}
			continue
		}
		fe := fieldErr(errs, tc.field)
		if fe == nil {
			t.Errorf("%s: no error on %s (got %v)", tc.name, tc.field, errs)
			continue
		}
		if !strings.Contains(fe.Message.ZH, tc.substr) {
			t.Errorf("%s: message %q lacks %q", tc.name, fe.Message.ZH, tc.substr)
		}
		if fe.Where.ZH == "" || fe.Where.EN == "" || fe.Message.EN == "" {
			t.Errorf("%s: error must say where to find the value, in both languages: %+v", tc.name, fe)
		}
	}
}

func TestStoredSecretsCountAsSet(t *testing.T) {
	in := CorpInput{Name: "x", CorpID: goodCorpID, ContactPermission: PermissionWrite, CallbackToken: "tok"}
	if errs := validateCorp(in, storedSecrets{contact: true, aesKey: true}); len(errs) != 0 {
		t.Fatalf("stored secrets (kept on empty) must satisfy the rules: %v", errs)
	}
	in.Clear = []string{FieldContactSecret}
	if fieldErr(validateCorp(in, storedSecrets{contact: true, aesKey: true}), FieldContactSecret) == nil {
		t.Fatal("clearing the contact secret under write permission must be refused")
	}
}

func TestAppRules(t *testing.T) {
	ok := AppInput{Name: "OA", AgentID: "1000002", Secret: goodSecret, HomeURL: "https://oa.example.com/home?from=wecom"}
	if agent, errs := validateApp(ok, storedSecrets{}); len(errs) != 0 || agent != 1000002 {
		t.Fatalf("valid app: agent %d, errs %v", agent, errs)
	}
	cases := []struct {
		name   string
		mod    func(*AppInput)
		field  string
		substr string
	}{
		{"agent text", func(a *AppInput) { a.AgentID = "abc" }, FieldAgentID, "AgentId 必须是整数，例如 1000002"},
		{"agent decimal", func(a *AppInput) { a.AgentID = "1000002.5" }, FieldAgentID, "整数"},
		{"agent negative", func(a *AppInput) { a.AgentID = "-5" }, FieldAgentID, "整数"},
		{"agent empty", func(a *AppInput) { a.AgentID = "" }, FieldAgentID, "请填写 AgentId"},
		{"new app needs secret", func(a *AppInput) { a.Secret = "" }, FieldSecret, "请填写 Secret"},
		{"agentid in secret", func(a *AppInput) { a.Secret = "1000002" }, FieldSecret, "看起来像 AgentId"},
		{"home url", func(a *AppInput) { a.HomeURL = "oa.example.com" }, FieldHomeURL, "http"},
		{"token", func(a *AppInput) { a.CallbackToken = "有中文"; a.CallbackAESKey = goodAESKey }, FieldCallbackToken, "字母或数字"},
	}
	for _, tc := range cases {
		in := ok
		tc.mod(&in)
		_, errs := validateApp(in, storedSecrets{})
		fe := fieldErr(errs, tc.field)
		if fe == nil || !strings.Contains(fe.Message.ZH, tc.substr) {
			t.Errorf("%s: want %s error containing %q, got %v", tc.name, tc.field, tc.substr, errs)
			continue
		}
		if !strings.Contains(fe.Where.ZH, "应用管理") && tc.field != FieldHomeURL {
			t.Errorf("%s: where %q should point into 应用管理", tc.name, fe.Where.ZH)
		}
	}
	if _, errs := validateApp(AppInput{Name: "OA", AgentID: "1000002"}, storedSecrets{secret: true}); len(errs) != 0 {
		t.Fatalf("an update may leave the stored secret: %v", errs)
	}
	_, errs := validateApp(AppInput{Name: "OA", AgentID: "x"}, storedSecrets{})
	if fe := fieldErr(errs, FieldAgentID); fe == nil || fe.Message.EN != "AgentId must be a whole number like 1000002." {
		t.Fatalf("English AgentId message: %+v", fe)
	}
}

func TestFieldHelpCoversEveryFieldWithWhere(t *testing.T) {
	want := map[string][]string{
		FormCorp: {FieldName, FieldCorpID, FieldAPIBaseURL, FieldProxyURL, FieldContactPermission, FieldContactSecret,
			FieldCustomerSecret, FieldCallbackToken, FieldCallbackAESKey},
		FormApp:      {FieldName, FieldAgentID, FieldSecret, FieldCallbackToken, FieldCallbackAESKey, FieldHomeURL},
		FormSettings: {FieldExternalBaseURL},
	}
	for form, fields := range want {
		for _, f := range fields {
			h := help(form, f)
			if h.Where.ZH == "" || h.Where.EN == "" || h.Label.ZH == "" || h.Format.EN == "" {
				t.Errorf("%s.%s: incomplete help %+v", form, f, h)
			}
		}
	}
	paths := map[string]string{
		FormCorp + "." + FieldCorpID:         "我的企业 → 企业信息 → 企业ID",
		FormApp + "." + FieldAgentID:         "应用管理 → 自建 → 应用 → AgentId",
		FormApp + "." + FieldSecret:          "应用管理 → 自建 → 应用 → Secret",
		FormCorp + "." + FieldContactSecret:  "安全与管理 → 管理工具 → 通讯录同步 → Secret",
		FormCorp + "." + FieldCustomerSecret: "客户联系 → API → Secret",
		FormApp + "." + FieldCallbackToken:   "接收消息 → 设置API接收 → Token",
		FormApp + "." + FieldCallbackAESKey:  "接收消息 → 设置API接收 → EncodingAESKey",
	}
	for k, p := range paths {
		form, field, _ := strings.Cut(k, ".")
		if !strings.Contains(help(form, field).Where.ZH, p) {
			t.Errorf("%s: where %q lacks %q", k, help(form, field).Where.ZH, p)
		}
	}
	if len(FieldHelp()) != len(fieldHelp) {
		t.Fatal("FieldHelp must return every entry")
	}
}

func TestNormalizeBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"": DefaultAPIBaseURL, "https://qyapi.weixin.qq.com/": DefaultAPIBaseURL,
		"https://qyapi.weixin.qq.com/cgi-bin/": DefaultAPIBaseURL, "http://10.1.1.1:8080": "http://10.1.1.1:8080",
	} {
		if got := normalizeBaseURL(in); got != want {
			t.Errorf("normalizeBaseURL(%q) = %q, want %q", in, got, want)
		}
	}
}
