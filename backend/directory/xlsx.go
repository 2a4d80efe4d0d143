package directory

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"wecom-bridge/backend/tabular"
	"wecom-bridge/backend/usererr"
)

// readXLSX reads the first sheet whose row 1 is a usable header (a workbook
// may start with an instructions sheet), within tabular's limits (unzipped
// size, rows, columns, text); its temporary files are gone when it returns.
func readXLSX(data []byte) (*table, error) {
	wb, err := tabular.OpenXLSX(data)
	if err != nil {
		return nil, err
	}
	defer wb.Close()
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return nil, fmt.Errorf("the workbook has no sheets")
	}
	var firstErr error
	for _, sheet := range sheets {
		st, err := wb.ReadSheet(sheet)
		if err != nil {
			return nil, err
		}
		if isBlank(st.Header) && len(st.Rows) == 0 {
			continue // empty sheet
		}
		if _, _, herr := mapHeader(st.Header); herr != nil {
			if firstErr == nil {
				firstErr = fmt.Errorf("sheet %q: %w", sheet, herr)
			}
			continue
		}
		return &table{Sheet: sheet, Header: record{Line: 1, Cells: st.Header}, Rows: st.Rows}, nil
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, usererr.New("directory_workbook_empty", nil)
}

func isBlank(cells []string) bool { return tabular.IsBlank(cells) }

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
