package directory

import (
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// readXLSX reads the first sheet whose row 1 is a usable header (a workbook
// may start with an instructions sheet). Cells are read raw, so a mobile
// typed as a number is 13812345678 rather than 1.38E+10.
func readXLSX(data []byte) (*table, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("the file cannot be opened as an Excel workbook (%v); save it again as .xlsx or CSV and import again", err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("the workbook has no sheets")
	}
	var firstErr error
	for _, sheet := range sheets {
		t, err := readSheet(f, sheet)
		if err != nil {
			return nil, err
		}
		if t == nil {
			continue // empty sheet
		}
		if _, _, herr := mapHeader(t.Header.Cells); herr != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("sheet %q: %w", sheet, herr)
			}
			continue
		}
		return t, nil
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, fmt.Errorf("the workbook is empty; its first sheet needs a header on row 1 (e.g. 账号,姓名,部门) and one row per account")
}

// readSheet returns nil for a sheet with nothing on row 1 and below.
func readSheet(f *excelize.File, sheet string) (*table, error) {
	rows, err := f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("read sheet %q: %w", sheet, err)
	}
	defer rows.Close()
	t := &table{Sheet: sheet}
	line := 0
	for rows.Next() {
		line++ // Next steps one row at a time, gaps included, so line is the row number
		cells, err := rows.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("sheet %q row %d: %w", sheet, line, err)
		}
		if line == 1 {
			t.Header = record{Line: 1, Cells: cells}
			continue
		}
		t.Rows = append(t.Rows, record{Line: line, Cells: cells})
	}
	if err := rows.Error(); err != nil {
		return nil, fmt.Errorf("read sheet %q: %w", sheet, err)
	}
	if line == 0 || (isBlank(t.Header.Cells) && len(t.Rows) == 0) {
		return nil, nil
	}
	return t, nil
}

func isBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// writeXLSX streams rows into one sheet. Every cell is written as text, so
// Excel keeps leading zeros of employee numbers and full mobile numbers.
func writeXLSX(w io.Writer, sheet string, rows [][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, len(rows[0]), 18); err != nil {
		return err
	}
	cells := make([]any, len(rows[0]))
	for i, row := range rows {
		cells = cells[:len(row)]
		for j, v := range row {
			cells[j] = excelize.Cell{Value: v}
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := sw.SetRow(cell, cells); err != nil {
			return fmt.Errorf("write row %d: %w", i+1, err)
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("write the XLSX file: %w", err)
	}
	return nil
}
