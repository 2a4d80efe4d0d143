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
