package tabular

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"
)

func TestCSVWriterNeutralisesFormulas(t *testing.T) {
	if Defuse("\r=1") != "'\r=1" {
		t.Fatal("a CR before a formula must be neutralised too")
	}
	var buf bytes.Buffer
	w := NewCSVWriter(&buf)
	cells := []string{"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "张三", "", "a=b"}
	if err := w.Write(cells); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if cells[0] != "=HYPERLINK(\"http://x\",\"y\")" {
		t.Fatal("the caller's cells must not change")
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("\uFEFF")) || !bytes.HasSuffix(buf.Bytes(), []byte("\r\n")) {
		t.Fatalf("want a BOM and CRLF: %q", buf.String())
	}
	got, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(buf.String(), "\uFEFF"))).Read()
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range got {
		if c != "" && strings.ContainsRune("=+-@\t\r", rune(c[0])) {
			t.Errorf("cell %d %q would run as a formula", i, c)
		}
		if Undefuse(c) != cells[i] {
			t.Errorf("cell %d: %q does not read back as %q", i, c, cells[i])
		}
	}
}
