package directory

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeFile(t *testing.T, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImportCLIAsksBeforeApplying(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	file := writeFile(t, "dir.csv", csvLines("账号,姓名,手机,部门", "zhangwei,张伟,13800138000,总部/研发中心", "lina,李娜,123,总部"))

	var out bytes.Buffer
	if err := RunImportCLI(ctx, s, []string{file}, &out, strings.NewReader("n\n")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"dir.csv (csv, UTF-8, comma): 2 data rows", "add:       1", "rejected:  1",
		"Rejected rows:\n  line 3: Mobile “123” is not a valid mobile number", "To add:\n  line 2: zhangwei 张伟 总部/研发中心",
		"new departments: 2", "Apply? [y/N] Nothing was changed."} {
		if !strings.Contains(out.String(), want) {
			t.Fatalf("output lacks %q:\n%s", want, out.String())
		}
	}
	if len(accountsByName(t, s)) != 0 {
		t.Fatal("answering n applied the import")
	}

	out.Reset()
	if err := RunImportCLI(ctx, s, []string{file}, &out, strings.NewReader("y\n")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Applied: 1 added, 0 updated, 0 marked resigned, 2 departments created.") {
		t.Fatalf("output:\n%s", out.String())
	}

	// Flags after the file; --yes needs no answer.
	file2 := writeFile(t, "dir2.csv", csvLines("账号,姓名,职位", "zhangwei,张伟,经理"))
	out.Reset()
	if err := RunImportCLI(ctx, s, []string{file2, "--yes", "--format", "csv"}, &out, strings.NewReader("")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `line 2: zhangwei: position "" → "经理"`) || !strings.Contains(out.String(), "Applied: 0 added, 1 updated") {
		t.Fatalf("output:\n%s", out.String())
	}
	out.Reset()
	if err := RunImportCLI(ctx, s, []string{"--yes", file2}, &out, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Nothing to apply: the directory already matches the file.") {
		t.Fatalf("output:\n%s", out.String())
	}
}

func TestImportCLIErrorsAndResignConfirmation(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	var out bytes.Buffer
	if err := RunImportCLI(ctx, s, nil, &out, nil); err == nil || !strings.Contains(out.String(), "usage: wecom-bridge directory import FILE") {
		t.Fatalf("no file: %v\n%s", err, out.String())
	}
	if err := RunImportCLI(ctx, s, []string{writeFile(t, "e.csv", []byte("账号,姓名\n"))}, &out, nil); !errors.Is(err, ErrNoDataRows) {
		t.Fatalf("empty file: %v", err)
	}
	if err := RunImportCLI(ctx, s, []string{filepath.Join(t.TempDir(), "missing.csv")}, &out, nil); err == nil {
		t.Fatal("missing file accepted")
	}
	if err := RunImportCLI(ctx, s, []string{writeFile(t, "h.csv", []byte("姓名\n张伟\n"))}, &out, nil); err == nil ||
		!strings.Contains(err.Error(), "h.csv: the header (line 1) has no account (账号) column") {
		t.Fatalf("bad header: %v", err)
	}

	mustImport(t, s, csvLines("account,name", "a1,甲", "a2,乙", "a3,丙"), ImportOptions{})
	snapshot := writeFile(t, "s.csv", csvLines("account,name", "a1,甲"))
	// --yes without the number is refused; a wrong typed number changes nothing.
	err := RunImportCLI(ctx, s, []string{snapshot, "--full-snapshot", "--yes"}, &out, nil)
	if !errors.Is(err, ErrResignNotConfirmed) || !strings.Contains(err.Error(), "--confirm-resign 2") {
		t.Fatalf("err = %v", err)
	}
	out.Reset()
	if err := RunImportCLI(ctx, s, []string{snapshot, "--full-snapshot"}, &out, strings.NewReader("3\n")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "WARNING: this import marks 2 of 3 active accounts resigned") ||
		!strings.Contains(out.String(), "Not confirmed; nothing was changed.") {
		t.Fatalf("output:\n%s", out.String())
	}
	out.Reset()
	if err := RunImportCLI(ctx, s, []string{snapshot, "--full-snapshot"}, &out, strings.NewReader("2\ny\n")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Applied: 0 added, 0 updated, 2 marked resigned") {
		t.Fatalf("output:\n%s", out.String())
	}
}

func TestImportCLIConfirmResignFlag(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name", "a1,甲", "a2,乙"), ImportOptions{})
	var out bytes.Buffer
	err := RunImportCLI(ctx, s, []string{writeFile(t, "s.csv", csvLines("account,name", "a1,甲")),
		"--full-snapshot", "--yes", "--confirm-resign", "1"}, &out, nil)
	if err != nil || accountsByName(t, s)["a2"].Status != StatusResigned {
		t.Fatalf("err %v output:\n%s", err, out.String())
	}
}

func TestExportCLI(t *testing.T) {
	s := newTestService(t)
	ctx := context.Background()
	mustImport(t, s, csvLines("account,name,status", "a1,甲,在职", "a2,乙,离职"), ImportOptions{})
	path := filepath.Join(t.TempDir(), "out.csv")
	var out bytes.Buffer
	if err := RunExportCLI(ctx, s, []string{path, "--lang", "en"}, &out); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	want := "\ufeffaccount,name,employee_no,mobile,email,department,position,status,wecom_userid\r\na1,甲,,,,,,active,\r\na2,乙,,,,,,resigned,\r\n"
	if string(data) != want {
		t.Fatalf("export = %q", data)
	}
	if !strings.Contains(out.String(), "Exported the directory to "+path) {
		t.Fatalf("output %q", out.String())
	}
	if err := RunExportCLI(ctx, s, []string{path, "--lang", "de"}, &out); err == nil {
		t.Fatal("lang de accepted")
	}
	if err := RunExportCLI(ctx, s, nil, &out); err == nil {
		t.Fatal("no file accepted")
	}
}
