package usererr

import (
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestBothLanguagesInOneTextAndACode(t *testing.T) {
	err := Newf("not_pulled", "企业 %[1]d 还没有拉取过通讯录", "corp %[1]d has not been pulled yet", 7)
	if got := err.Error(); got != "企业 7 还没有拉取过通讯录 ‖ corp 7 has not been pulled yet" {
		t.Fatalf("Error() = %q", got)
	}
	if err.ErrorCode() != "not_pulled" {
		t.Fatalf("code %q", err.ErrorCode())
	}
	wrapped := fmt.Errorf("plan sync: %w", err)
	if !Is(wrapped, "not_pulled") || Is(wrapped, "other") || Is(fmt.Errorf("plain"), "not_pulled") {
		t.Fatal("Is must see the code through wrapping, and only that code")
	}
	if strings.Count(wrapped.Error(), Sep) != 1 {
		t.Fatalf("one separator expected in %q", wrapped.Error())
	}
}

type causeErr struct{ code int }

func (c *causeErr) Error() string { return fmt.Sprintf("errcode %d", c.code) }

func TestWrapfKeepsTheCauseReachable(t *testing.T) {
	cause := &causeErr{60011}
	err := fmt.Errorf("pull: %w", Wrapf(cause, "wecom_error", "读取失败：%[1]v", "read failed: %[1]v", cause))
	var got *causeErr
	if !errors.As(err, &got) || got.code != 60011 {
		t.Fatalf("cause not reachable through %v", err)
	}
	if !strings.HasSuffix(err.Error(), "读取失败：errcode 60011 ‖ read failed: errcode 60011") {
		t.Fatalf("text %q", err.Error())
	}
}
