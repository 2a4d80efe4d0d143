package contract

import (
	"encoding/json"
	"strings"
	"testing"
	"time"
)

type inner struct {
	Tags  []string          `json:"tags"`
	Attrs map[string]string `json:"attrs"`
}

type outer struct {
	Name    string           `json:"name"`
	Items   []inner          `json:"items"`
	Ptr     *inner           `json:"ptr"`
	Absent  *inner           `json:"absent"`
	ByKey   map[string][]int `json:"byKey"`
	Any     any              `json:"any"`
	Raw     json.RawMessage  `json:"raw,omitempty"`
	Bytes   []byte           `json:"bytes"`
	At      time.Time        `json:"at"`
	Skipped []string         `json:"-"`
	hidden  []string
	Embedded
}

type Embedded struct {
	Notes []string `json:"notes"`
}

func TestFilledReplacesEveryNilListAndMap(t *testing.T) {
	in := outer{
		Items:  []inner{{}},
		Ptr:    &inner{},
		ByKey:  map[string][]int{"a": nil},
		Any:    inner{},
		hidden: []string{"kept"},
	}
	out := Filled(in)
	b, err := json.Marshal(out)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	want := `{"name":"","items":[{"tags":[],"attrs":{}}],"ptr":{"tags":[],"attrs":{}},"absent":null,"byKey":{"a":[]},"any":{"tags":[],"attrs":{}},"bytes":null,"at":"0001-01-01T00:00:00Z","notes":[]}`
	if got != want {
		t.Fatalf("Filled JSON\n got %s\nwant %s", got, want)
	}
	if out.hidden[0] != "kept" || out.Skipped != nil {
		t.Fatalf("unexported or json:\"-\" fields changed: %+v", out)
	}
	// The input is not modified: its nil slices stay nil.
	if in.Items[0].Tags != nil || in.Ptr.Tags != nil || in.ByKey["a"] != nil {
		t.Fatalf("Filled modified its input: %+v", in)
	}
}

func TestFilledTopLevel(t *testing.T) {
	var list []inner
	if b, _ := json.Marshal(Filled(list)); string(b) != "[]" {
		t.Fatalf("nil slice: %s", b)
	}
	var p *outer
	if b, _ := json.Marshal(Filled(p)); string(b) != "null" {
		t.Fatalf("nil pointer: %s", b)
	}
	if got := Filled(42); got != 42 {
		t.Fatalf("int: %d", got)
	}
	v, err := Result([]string(nil), nil)
	if err != nil || v == nil {
		t.Fatalf("Result(nil, nil) = %#v, %v", v, err)
	}
	if _, err := Result([]string(nil), errTest{}); err == nil {
		t.Fatal("Result dropped the error")
	}
}

type node struct {
	Children []node `json:"children"`
}

func TestFilledRecursiveType(t *testing.T) {
	b, _ := json.Marshal(Filled(node{Children: []node{{}}}))
	if strings.Contains(string(b), "null") {
		t.Fatalf("recursive type: %s", b)
	}
}

type linked struct {
	Next  *linked  `json:"next"`
	Notes []string `json:"notes"`
}

func TestFilledRecursivePointer(t *testing.T) {
	b, _ := json.Marshal(Filled(linked{Next: &linked{}}))
	if string(b) != `{"next":{"next":null,"notes":[]},"notes":[]}` {
		t.Fatalf("recursive pointer: %s", b)
	}
}

type errTest struct{}

func (errTest) Error() string { return "test" }
