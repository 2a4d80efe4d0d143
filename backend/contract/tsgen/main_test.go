package main

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"testing"
)

// The committed file is what the Go code generates (make check-generated
// does the same in CI; this catches it in go test).
func TestGeneratedFileIsCurrent(t *testing.T) {
	got, err := os.ReadFile(Output)
	if err != nil {
		t.Fatalf("%v: run go generate ./backend/contract/tsgen", err)
	}
	if !bytes.Equal(got, Render()) {
		t.Fatalf("%s is out of date: run go generate ./backend/contract/tsgen and commit it", Output)
	}
	cat, err := RenderCatalogue()
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := os.ReadFile(CatalogueOutput); !bytes.Equal(got, cat) {
		t.Fatalf("%s is out of date: run go generate ./backend/contract/tsgen and commit it", CatalogueOutput)
	}
}

// The UI's copy says what the catalogue says, in vue-i18n's syntax.
func TestCatalogueMessages(t *testing.T) {
	for tpl, want := range map[string]string{
		"Same mobile {mobile}":     "Same mobile {mobile}",
		"a@b | c {x}":              "a{'@'}b {'|'} c {x}",
		"{n|one member|# members}": "",
	} {
		got, err := i18nMessage("test", tpl)
		if (want == "") != (err != nil) || got != want {
			t.Errorf("%q: %q, %v; want %q", tpl, got, err, want)
		}
	}
	codes := catalogueCodes()
	if !slices.Contains(codes, "binding_reason_key_mobile_lookup") || !slices.Contains(codes, "binding_method_name+department") ||
		slices.Contains(codes, "binding_export_sheet") || !slices.Contains(codes, "sync_field_resigned") ||
		!slices.Contains(codes, "directory_problem_row_short") || !slices.Contains(codes, "field_app_agent_id") ||
		slices.Contains(codes, "field_app_agent_id_where") || slices.Contains(codes, "field_corp_id_bad") {
		t.Fatalf("codes %v", codes)
	}
}

func TestEnumsAreCompleteAndDistinct(t *testing.T) {
	seen := map[string]bool{}
	for _, e := range enums() {
		if len(e.Values) == 0 || e.Type == "" || e.List == "" {
			t.Errorf("enum %+v is empty", e)
		}
		if seen[e.List] || seen[e.Type] {
			t.Errorf("enum name %s/%s used twice", e.Type, e.List)
		}
		seen[e.List], seen[e.Type] = true, true
		values := map[string]bool{}
		for _, v := range e.Values {
			if v == "" || values[v] {
				t.Errorf("%s: empty or repeated value %q", e.Type, v)
			}
			values[v] = true
		}
	}
	for _, ev := range eventNames() {
		if ev.Name == "" || !strings.HasSuffix(ev.Const, "Event") || seen[ev.Const] {
			t.Errorf("event %+v", ev)
		}
		seen[ev.Const] = true
	}
}
