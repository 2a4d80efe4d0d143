package services

import (
	"context"
	"os"
	"strings"
	"testing"

	"wecom-bridge/backend/review"
)

// TestDemoFlowImportPullMatch walks the admin's first three steps on the demo
// corp: connect (demo), import the sample directory, pull, match — and checks
// the getting-started status follows.
func TestDemoFlowImportPullMatch(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	s := openTest(t)
	ctx := context.Background()
	c, err := s.Corps.StartDemo(ctx)
	if err != nil {
		t.Fatal(err)
	}
	csv, err := os.ReadFile("../../docs/samples/directory-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := s.Transfer.PutUpload(strings.NewReader(string(csv)))
	if err != nil {
		t.Fatal(err)
	}
	prev, err := s.PreviewDirectoryImport(ctx, id, "directory-sample.csv", false)
	if err != nil || prev.AddCount != 20 {
		t.Fatalf("preview: %+v %v", prev, err)
	}
	if _, err := s.Directory.Apply(ctx, prev.Preview.ID, 0); err != nil {
		t.Fatal(err)
	}
	run, err := s.Pull(ctx, c.ID, 0, "manual", "test")
	if err != nil || run.Users < 400 {
		t.Fatalf("pull: %+v %v", run, err)
	}
	sum, err := s.Rematch(ctx, c.ID, "test")
	if err != nil {
		t.Fatal(err)
	}
	if sum.MembersPulled != run.Users || sum.LocalAccounts != 20 || sum.UnboundWeCom == 0 {
		t.Fatalf("summary %+v", sum)
	}
	page, err := s.Review.List(ctx, c.ID, review.Query{Filter: "unbound_wecom", Limit: 5})
	if err != nil || page.Total != sum.UnboundWeCom {
		t.Fatalf("list: %d vs %d, %v", page.Total, sum.UnboundWeCom, err)
	}
	st, err := s.StartStatus(ctx)
	if err != nil || !st.Steps[0].Done || !st.Steps[1].Done || st.ActiveCorp == nil || !st.ActiveCorp.Demo {
		t.Fatalf("start status %+v", st)
	}
	created, err := s.CreateLocalAccountsForUnbound(ctx, c.ID, "test")
	if err != nil || created != sum.ToCreate {
		t.Fatalf("created %d (want %d): %v", created, sum.ToCreate, err)
	}
	after, _ := s.Review.Summary(ctx, c.ID)
	if after.Confirmed < created || after.ToCreate != 0 {
		t.Fatalf("after create: %+v", after)
	}
}
