package main

import (
	"bytes"
	"os"
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
