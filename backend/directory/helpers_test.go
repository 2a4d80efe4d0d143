package directory

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"wecom-bridge/backend/store"
)

// newTestService opens a real SQLite file in a temporary directory.
func newTestService(t testing.TB) *Service {
	t.Helper()
	st, err := store.Open(context.Background(), t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	s := New(st)
	clock := time.Date(2025, 3, 1, 9, 0, 0, 0, time.UTC)
	s.now = func() time.Time { clock = clock.Add(time.Second); return clock }
	return s
}

// csvLines joins lines into a UTF-8 CSV file.
func csvLines(lines ...string) []byte { return []byte(strings.Join(lines, "\n") + "\n") }

func mustPreview(t *testing.T, s *Service, data []byte, opts ImportOptions) *Preview {
	t.Helper()
	if opts.FileName == "" {
		opts.FileName = "test.csv"
	}
	pv, err := s.Preview(context.Background(), data, opts)
	if err != nil {
		t.Fatalf("Preview: %v", err)
	}
	return pv
}

// mustImport previews and applies a file.
func mustImport(t *testing.T, s *Service, data []byte, opts ImportOptions) (*Preview, *ApplyResult) {
	t.Helper()
	pv := mustPreview(t, s, data, opts)
	res, err := s.Apply(context.Background(), pv.ID, pv.ResignCount)
	if err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return pv, res
}

// accountsByName maps account → Account for assertions.
func accountsByName(t *testing.T, s *Service) map[string]Account {
	t.Helper()
	all, err := s.AllAccounts(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]Account{}
	for _, a := range all {
		out[a.Account] = a
	}
	return out
}

func wantFieldError(t *testing.T, err error, field, contains string) {
	t.Helper()
	var fe *FieldError
	if !errors.As(err, &fe) {
		t.Fatalf("error = %v, want a FieldError on %s", err, field)
	}
	// The English text starts with a capital since it is the message's own sentence.
	if fe.Field != field || !strings.Contains(strings.ToLower(fe.Message), strings.ToLower(contains)) {
		t.Fatalf("error = %q (field %s), want field %s containing %q", fe.Message, fe.Field, field, contains)
	}
}

func paths(ps [][]string) string { return joinPaths(ps) }
