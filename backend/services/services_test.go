package services

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func openTest(t *testing.T) *Services {
	t.Helper()
	s, err := Open(context.Background(), t.TempDir(), ModeServe, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// importSample imports docs/samples/directory-sample.csv into the local
// directory through upload, preview and apply, as the page does.
func importSample(t *testing.T, s *Services) *ImportPreview {
	t.Helper()
	return importFile(t, s, "../../docs/samples/directory-sample.csv")
}

// importFile imports a directory file through upload, preview and apply.
func importFile(t *testing.T, s *Services, path string) *ImportPreview {
	t.Helper()
	ctx := context.Background()
	csv, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	id, _, err := s.Transfer.PutUpload(strings.NewReader(string(csv)))
	if err != nil {
		t.Fatal(err)
	}
	prev, err := s.PreviewDirectoryImport(ctx, id, filepath.Base(path), false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Directory.Apply(ctx, prev.Preview.ID, 0); err != nil {
		t.Fatal(err)
	}
	return prev
}

func TestLanguagePersistsAndIsValidated(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	info, _ := s.AppInfo(ctx)
	if info.Language != "zh-CN" {
		t.Fatalf("default language %q", info.Language)
	}
	if err := s.SetLanguage(ctx, "en"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetLanguage(ctx, "fr"); err == nil {
		t.Fatal("unknown language must be refused")
	}
	info, _ = s.AppInfo(ctx)
	if info.Language != "en" || info.DBSizeBytes <= 0 || info.Mode != "serve" || info.DataDir != s.DataDir {
		t.Fatalf("info %+v", info)
	}
}

func TestStartStatusListsFiveStepsInOrder(t *testing.T) {
	s := openTest(t)
	st, err := s.StartStatus(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Steps) != 5 {
		t.Fatalf("steps %+v", st.Steps)
	}
	for i, k := range StepKeys {
		if st.Steps[i].Key != k {
			t.Fatalf("step %d is %q, want %q", i, st.Steps[i].Key, k)
		}
	}
}

func TestActorNamesTheWayInAndTheOSUser(t *testing.T) {
	s := openTest(t)
	if !strings.HasPrefix(s.Actor, "serve:") || len(s.Actor) <= len("serve:") {
		t.Fatalf("actor %q, want serve:<os user>", s.Actor)
	}
}
