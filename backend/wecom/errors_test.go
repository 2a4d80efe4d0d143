package wecom

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"wecom-bridge/backend/usererr"
)

func TestEveryErrcodeTheDesignNamesIsExplainedInBothLanguages(t *testing.T) {
	for _, code := range []int{-1, 40001, 40013, 40014, 42001, 45009, 48002, 48009, 50001, 60011, 60020, 60102, 81013, 301002} {
		h := Hint(code, "")
		for _, m := range []usererr.Message{h.Meaning, h.Fix, h.Explain()} {
			if m.Code == "errcode_unknown" || m.Code == "errcode_unknown_meaning" || m.ZH == "" || m.EN == "" || m.ZH == m.EN {
				t.Errorf("errcode %d: %+v", code, m)
			}
		}
		if x := h.Explain(); !strings.Contains(x.ZH, h.Fix.ZH) || !strings.Contains(x.EN, h.Meaning.EN) || !strings.Contains(x.EN, fmt.Sprint(code)) {
			t.Errorf("errcode %d explained as %+v", code, x)
		}
	}
}

func TestHint60020QuotesTheIP(t *testing.T) {
	cases := map[string]string{
		"not allow to access from your ip, hint: [1614591232_100_7f2b], from ip: 58.246.11.71, more info at https://open.work.weixin.qq.com/devtool/query?e=60020": "58.246.11.71",
		"not allow to access from your ip, hint: [x], from ip: 240e:3b7:3272:d8d0:db09:c067:8d59:539e, more info at …":                                             "240e:3b7:3272:d8d0:db09:c067:8d59:539e",
		"from ip: ::ffff:10.1.2.3, more info":    "10.1.2.3",
		"from ip:[2001:db8::1], more info":       "2001:db8::1",
		"not allow to access from your ip":       "",
		"from ip: 999.1.1.1, more info":          "",
		"not allow to access, from ip: 1.2.3.4.": "1.2.3.4",
		"from ip: 1.2.3.4:51234, more info":      "1.2.3.4",
	}
	for msg, ip := range cases {
		if got := IPFromErrMsg(msg); got != ip {
			t.Errorf("IPFromErrMsg(%q) = %q, want %q", msg, got, ip)
		}
	}
	h := Hint(60020, "not allow to access from your ip, hint: [x], from ip: 58.246.11.71, more info at …")
	if h.Meaning.ZH != "不安全的访问IP" || !strings.Contains(h.Fix.ZH, "58.246.11.71") || !strings.Contains(h.Fix.ZH, "企业可信IP") ||
		!strings.Contains(h.Fix.ZH, "应用管理 → 自建应用") || !strings.Contains(h.Fix.EN, "58.246.11.71") {
		t.Errorf("hint %+v", h)
	}
	if h := Hint(60020, ""); !strings.Contains(h.Fix.ZH, "出口IP") || !strings.Contains(h.Fix.EN, "outgoing IP") {
		t.Errorf("hint without IP: %+v", h)
	}
}

func TestHint48009(t *testing.T) {
	h := Hint(48009, "api forbidden for security reason, from ip: 1.2.3.4")
	for _, want := range []string{"1.2.3.4", "user/list_id", "department/simplelist", "2022-08-15"} {
		if !strings.Contains(h.Fix.ZH, want) || !strings.Contains(h.Fix.EN, want) {
			t.Errorf("48009 fix lacks %q: %+v", want, h.Fix)
		}
	}
}

func TestHintUnknownCode(t *testing.T) {
	h := Hint(123456, "?")
	if h.Code != 123456 || h.Meaning.ZH == "" || !strings.Contains(h.Fix.ZH, "e=123456") || !strings.Contains(h.Fix.EN, "e=123456") {
		t.Errorf("hint %+v", h)
	}
}

func TestErrorText(t *testing.T) {
	e := &Error{Code: 60011, Msg: "no privilege to access/modify contact/party/agent", API: "user/update"}
	want := "wecom user/update: errcode 60011 (no permission on member/department/tag): no privilege to access/modify contact/party/agent"
	if e.Error() != want {
		t.Errorf("Error() = %q", e.Error())
	}
	wrapped := fmt.Errorf("sync: %w", e)
	var got *Error
	if !errors.As(wrapped, &got) || got.Code != 60011 || ErrCode(wrapped) != 60011 || ErrCode(errors.New("x")) != 0 {
		t.Error("errors.As / ErrCode do not see through wrapping")
	}
	if e.Hint().Fix.IsZero() {
		t.Error("no hint")
	}
}

func TestPredicates(t *testing.T) {
	for _, code := range []int{-1, 45009, 45033} {
		if !IsRetryable(code) || IsConfigError(code) {
			t.Errorf("%d should be retryable only", code)
		}
	}
	for _, code := range []int{40001, 40013, 40056, 48002, 48009, 60020, 50001, 301002} {
		if IsRetryable(code) || !IsConfigError(code) {
			t.Errorf("%d should be a config error only", code)
		}
	}
	if IsRetryable(60102) || IsConfigError(60102) {
		t.Error("60102 is neither")
	}
}

func TestAPIErrorFromServerCarriesHint(t *testing.T) {
	f := newFake(t)
	f.replyFile("user/get", "error_60020.json")
	c, _, _ := newTestClient(t, f)
	_, err := c.GetUser(context.Background(), testCred, "zhangsan")
	var apiErr *Error
	if !errors.As(err, &apiErr) || apiErr.API != "user/get" {
		t.Fatalf("err = %v", err)
	}
	if h := apiErr.Hint(); !strings.Contains(h.Fix.ZH, "58.246.11.71") {
		t.Errorf("hint %+v", h)
	}
}
