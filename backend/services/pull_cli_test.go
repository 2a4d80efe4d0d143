package services

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"wecom-bridge/backend/actor"
)

// `pull --corp NAME` rematches after a successful pull, as the page does, and
// prints the review summary; the rematch is the CLI user's.
func TestPullCLIRematchesAndPrintsTheSummary(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	importSample(t, s)
	var out bytes.Buffer
	if err := s.RunPullCLI(ctx, []string{"--corp", c.Name}, &out); err != nil {
		t.Fatalf("pull: %v\n%s", err, out.String())
	}
	sum, err := s.Review.Summary(ctx, c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if sum.MatchedAt == "" || sum.MatchedBy != actor.Of("cli") || sum.LocalAccounts != 20 {
		t.Fatalf("summary after pull: %+v", sum)
	}
	for _, w := range []string{"ok: ", "matched 20 local accounts with", "to confirm", "by " + actor.Of("cli")} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("pull output lacks %q:\n%s", w, out.String())
		}
	}
}

// `pull --corp NAME --app AGENTID` pulls through that app: the
// privacy-restricted demo app sees names only, and the rematch's lookups
// say what they asked. An AgentId the corp does not have is refused.
func TestPullCLIThroughAnApp(t *testing.T) {
	t.Setenv("LANG", "en_US.UTF-8")
	s, c := demoWithLookupSample(t)
	ctx := context.Background()
	var out bytes.Buffer
	if err := s.RunPullCLI(ctx, []string{"--corp", c.Name, "--app", "1000003"}, &out); err != nil {
		t.Fatalf("pull: %v\n%s", err, out.String())
	}
	for _, w := range []string{"(agentid 1000003)", "the match asks WeCom who owns the local accounts' mobiles and emails",
		"WeCom lookups via contact: 5 calls, 4 owners found, 1 not found"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("pull output lacks %q:\n%s", w, out.String())
		}
	}
	out.Reset()
	if err := s.RunPullCLI(ctx, []string{"--corp", c.Name, "--app", "4242"}, &out); err == nil || !strings.Contains(err.Error(), "4242") {
		t.Errorf("unknown app: %v", err)
	}
}
