package directory

import (
	"context"
	"errors"
	"sync"
	"testing"
)

// Two applies of one preview race: exactly one wins, the other is refused
// and nothing is imported twice.
func TestConcurrentAppliesOfOnePreview(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	pv := mustPreview(t, s, csvLines("account,name,department", "a1,甲,总部", "a2,乙,总部/研发"), ImportOptions{})
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			_, errs[i] = s.Apply(ctx, pv.ID, 0)
		}(i)
	}
	wg.Wait()
	ok := 0
	for _, err := range errs {
		if err == nil {
			ok++
		}
	}
	if ok != 1 {
		t.Fatalf("%d applies succeeded: %v", ok, errs)
	}
	if n := len(accountsByName(t, s)); n != 2 {
		t.Fatalf("%d accounts", n)
	}
	depts, _ := s.AllDepartments(ctx)
	if len(depts) != 2 {
		t.Fatalf("%d departments", len(depts))
	}
}

// An apply racing a manual edit either goes first or is refused as stale;
// it never applies over a directory it was not computed from.
func TestApplyRacingAnEdit(t *testing.T) {
	for round := 0; round < 5; round++ {
		s := newTestService(t)
		ctx := context.Background()
		pv := mustPreview(t, s, csvLines("account,name", "a1,甲"), ImportOptions{})
		var applyErr, editErr error
		var wg sync.WaitGroup
		wg.Add(2)
		go func() { defer wg.Done(); _, applyErr = s.Apply(ctx, pv.ID, 0) }()
		go func() { defer wg.Done(); _, editErr = s.AddAccount(ctx, AccountInput{Account: "a1", Name: "手工"}) }()
		wg.Wait()
		got := accountsByName(t, s)["a1"]
		switch {
		case applyErr == nil && editErr != nil: // import first; the edit found the account taken
			wantFieldError(t, editErr, "account", "already the account of 甲")
			if got.Name != "甲" {
				t.Fatalf("a1 = %+v", got)
			}
		case applyErr != nil && editErr == nil: // edit first; the preview went stale
			if !errors.Is(applyErr, ErrStalePreview) || got.Name != "手工" {
				t.Fatalf("apply: %v, a1 = %+v", applyErr, got)
			}
		default:
			t.Fatalf("apply: %v, edit: %v", applyErr, editErr)
		}
	}
}
