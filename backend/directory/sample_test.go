package directory

import (
	"context"
	"os"
	"testing"
)

// The sample in the docs must import cleanly, and keep its namesakes apart.
func TestDocsSampleImportsCleanly(t *testing.T) {
	data, err := os.ReadFile("../../docs/samples/directory-sample.csv")
	if err != nil {
		t.Fatal(err)
	}
	s := newTestService(t)
	pv, res := mustImport(t, s, data, ImportOptions{FileName: "directory-sample.csv", FullSnapshot: true})
	if len(pv.Rejected) != 0 || len(pv.Warnings) != 0 || pv.Encoding != EncodingUTF8 {
		t.Fatalf("rejected %+v warnings %v encoding %s", pv.Rejected, pv.Warnings, pv.Encoding)
	}
	if res.Added != 20 || pv.DataRows != 20 {
		t.Fatalf("added %d of %d rows", res.Added, pv.DataRows)
	}
	all, err := s.AllAccounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	namesakes := map[string]string{}
	multi, resigned := 0, 0
	for _, a := range all {
		if a.Name == "张伟" {
			namesakes[a.Account] = paths(a.DeptPaths)
		}
		if len(a.DeptPaths) > 1 {
			multi++
		}
		if a.Status == StatusResigned {
			resigned++
		}
	}
	want := map[string]string{"zhangwei": "总部/研发中心/后端组", "zhangwei2": "总部/研发中心/前端组", "zhangwei.sales": "总部/销售部/华东区"}
	if len(namesakes) != 3 {
		t.Fatalf("namesakes = %v", namesakes)
	}
	for k, v := range want {
		if namesakes[k] != v {
			t.Fatalf("namesakes = %v", namesakes)
		}
	}
	if multi != 3 || resigned != 1 {
		t.Fatalf("multi-department %d, resigned %d", multi, resigned)
	}
	// Importing it again changes nothing.
	pv = mustPreview(t, s, data, ImportOptions{FullSnapshot: true})
	if pv.Unchanged != 20 || len(pv.Adds)+len(pv.Updates)+len(pv.Resigns) != 0 {
		t.Fatalf("second import: %s", pv.Summary())
	}
}

func TestAllAccountsForOtherPackages(t *testing.T) {
	s := newTestService(t)
	mustImport(t, s, csvLines("account,name,department,status", "b,乙,总部/产品部;总部,离职", "a,甲,总部/研发中心,"), ImportOptions{})
	all, err := s.AllAccounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2 || all[0].Account != "a" || all[1].Account != "b" {
		t.Fatalf("order: %+v", all)
	}
	if all[1].Status != StatusResigned || len(all[1].DeptPaths) != 2 || all[1].DeptPaths[0][1] != "产品部" ||
		len(all[1].DeptPaths[1]) != 1 || len(all[1].DeptIDs) != 2 || all[1].ResignedAt == nil {
		t.Fatalf("b = %+v / a = %+v", all[1], all[0])
	}
}
