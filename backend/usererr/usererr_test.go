package usererr

import (
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
