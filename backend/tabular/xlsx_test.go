package tabular

import (
	"archive/zip"
	"bytes"
	"io"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"wecom-bridge/backend/tabular/tabulartest"
	"wecom-bridge/backend/usererr"
)

// zipOf writes parts into a zip with the true sizes.
func zipOf(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	zw.Close()
	return buf.Bytes()
}

func TestBombIsRefusedBeforeUnzipping(t *testing.T) {
	tabulartest.PrivateTemp(t)
	bomb := tabulartest.Bomb(MaxUnzippedBytes + 1<<20)
	if len(bomb) > 4<<20 {
		t.Fatalf("the bomb is %d bytes; it should be small", len(bomb))
	}
	_, err := OpenXLSX(bomb)
	if !usererr.Is(err, "xlsx_over_limit") || !strings.Contains(err.Error(), "unzipped size over 256 MB") {
		t.Fatalf("err = %v", err)
	}
}

func TestPartsOverTheirLimitsAreRefused(t *testing.T) {
	tabulartest.PrivateTemp(t)
	sheet := func(body string) string {
		return `<worksheet><sheetData>` + body + `</sheetData></worksheet>`
	}
	cases := map[string]map[string]string{
		"a row with more than 16384 cells": {"xl/worksheets/sheet1.xml": sheet(`<row>` + strings.Repeat(`<c/>`, maxCellsPerRow+1) + `</row>`)},
		"more than 3000000 entries":        {"xl/sharedStrings.xml": `<sst>` + strings.Repeat(`<si/>`, maxSharedStrings+1) + `</sst>`},
		"a text over 256 KB":               {"xl/worksheets/sheet2.xml": sheet(`<row><c t="inlineStr"><is><t>` + strings.Repeat("x", maxTextRun+1) + `</t></is></c></row>`)},
		"parts other than the sheets":      {"xl/styles.xml": strings.Repeat(" ", maxOtherPartsBytes+1)},
	}
	for want, parts := range cases {
		_, err := OpenXLSX(zipOf(t, parts))
		if !usererr.Is(err, "xlsx_over_limit") || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v", want, err)
		}
	}
	// Namespaced tags count too.
	_, err := OpenXLSX(zipOf(t, map[string]string{"xl/worksheets/sheet1.xml": `<x:worksheet><x:sheetData><x:row>` +
		strings.Repeat(`<x:c r="A1"><x:v>1</x:v></x:c>`, maxCellsPerRow+1) + `</x:row></x:sheetData></x:worksheet>`}))
	if !usererr.Is(err, "xlsx_over_limit") {
		t.Errorf("namespaced cells: err = %v", err)
	}
	if _, err := OpenXLSX([]byte("PK\x03\x04 not really")); !usererr.Is(err, "xlsx_unreadable") {
		t.Errorf("broken zip: err = %v", err)
	}
}

// A sheet over excelize's in-memory size is unzipped to a temporary file
// and streamed; closing the workbook removes it.
func TestLargeSheetStreamsAndLeavesNoTempFiles(t *testing.T) {
	tabulartest.PrivateTemp(t)
	data := tabulartest.BombRows(6<<20, 1<<10) // past xmlInMemoryBytes, under MaxRows
	wb, err := OpenXLSX(data)
	if err != nil {
		t.Fatal(err)
	}
	tb, err := wb.ReadSheet(wb.Sheets()[0])
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Header) != 2 || tb.Header[0] != "account" || len(tb.Rows) < 60_000 || tb.Rows[0].Line != 2 || tb.Rows[0].Cells[1] != "张三" {
		t.Fatalf("header %v, %d rows, first %+v", tb.Header, len(tb.Rows), tb.Rows[0])
	}
	if err := wb.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestRowCap(t *testing.T) {
	var lim Limiter
	row := []string{"zs", "张三"}
	for line := 2; line <= MaxRows+1; line++ {
		if _, _, err := lim.Keep(line, row); err != nil {
			t.Fatalf("line %d: %v", line, err)
		}
	}
	_, _, err := lim.Keep(MaxRows+2, row)
	if !usererr.Is(err, "file_too_many_rows") || !strings.Contains(err.Error(), "more than 500000 data rows (line 500002") {
		t.Fatalf("err = %v", err)
	}
}

func TestColumnCapAndBlankRows(t *testing.T) {
	tabulartest.PrivateTemp(t)
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"account", "name"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"zs", "张三"}) // row 2 blank
	cell, _ := excelize.CoordinatesToCellName(MaxColumns+1, 4)
	f.SetCellValue("Sheet1", "A4", "ls")
	f.SetCellValue("Sheet1", cell, "far away")
	var buf bytes.Buffer
	f.Write(&buf)
	f.Close()
	wb, err := OpenXLSX(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	defer wb.Close()
	_, err = wb.ReadSheet("Sheet1")
	if !usererr.Is(err, "file_too_many_columns") || !strings.Contains(err.Error(), "Line 4 has values past column 256") {
		t.Fatalf("err = %v", err)
	}
	var lim Limiter
	if _, keep, err := lim.Keep(2, []string{" ", ""}); keep || err != nil {
		t.Fatal("a blank row is skipped, not counted")
	}
	wide := make([]string, MaxColumns+5)
	wide[0] = "x"
	if kept, keep, err := lim.Keep(3, wide); !keep || err != nil || len(kept) != MaxColumns {
		t.Fatalf("empty cells past the cap are dropped: %d %v %v", len(kept), keep, err)
	}
}
