package actor

import (
	"strings"
	"testing"
)

func TestOfNamesModeAndOSUser(t *testing.T) {
	t.Setenv("USER", "fallback-user")
	got := Of("desktop")
	mode, name, ok := strings.Cut(got, ":")
	if !ok || mode != "desktop" || name == "" {
		t.Fatalf("Of(desktop) = %q, want desktop:<user>", got)
	}
	if strings.Contains(name, `\`) {
		t.Fatalf("actor %q keeps a Windows domain", got)
	}
}
