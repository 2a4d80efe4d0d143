package review

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"wecom-bridge/backend/tabular"
	"wecom-bridge/backend/usererr"
)

// Export writes the corp's review rows matching filter (Filter, Search,
// Method and Sort; Offset and Limit are ignored: every matching row goes
// out) as "xlsx" or "csv" (UTF-8 with a BOM, so Excel opens it as UTF-8),
// in lang (the admin's UI language: "en…" is English, else Chinese): header,
// methods, states and reasons. Every row carries all its candidates.
func (s *Service) Export(ctx context.Context, corpID int64, w io.Writer, format string, filter Query, lang string) error {
	if format != "csv" && format != "xlsx" {
		return invalidMsg("review_bad_export_format", usererr.Args{"value": format})
	}
	cur, err := s.cursor(ctx, corpID, filter)
	if err != nil {
		return err
	}
	defer cur.close()
	next := func() ([]string, error) {
		r, err := cur.next()
		if r == nil || err != nil {
			return nil, err
		}
		return exportCells(r, lang), nil
	}
	header := exportHeader(lang)
	if format == "csv" {
		return writeCSV(w, header, next)
	}
	return writeXLSX(w, usererr.Msg("binding_export_sheet", nil).In(lang), header, next)
}

func exportCells(r *rowRec, lang string) []string {
	conf := ""
	if r.Method != "" {
		conf = strconv.FormatFloat(r.Confidence, 'f', 2, 64)
	}
	var cands []string
	for _, c := range r.candidates() {
		cands = append(cands, fmt.Sprintf("%s %s (%s) %.2f", c.Account+c.UserID, c.Name, c.Dept, c.Score))
	}
	return []string{r.Account, r.LocalName, r.LocalDept, r.UserID, r.WeComName, r.WeComDept,
		methodWord(r.Method).In(lang), usererr.Msg("binding_state_"+r.State, nil).In(lang), conf, strings.Join(cands, "; "),
		reasonText(r.ReasonCode, r.ReasonArgs, r.Reason, lang)}
}

// writeCSV writes the rows through tabular's CSV writer: a BOM, and a cell
// a spreadsheet would run as a formula (=, +, -, @, tab, CR) with a leading
// apostrophe, which the import strips again.
func writeCSV(w io.Writer, header []string, next func() ([]string, error)) error {
	cw := tabular.NewCSVWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for {
		cells, err := next()
		if err != nil {
			return err
		}
		if cells == nil {
			break
		}
		if err := cw.Write(cells); err != nil {
			return err
		}
	}
	return cw.Flush()
}

// writeXLSX streams the rows into one sheet, every cell as text (so an
// employee number keeps its leading zeros and nothing is run as a formula).
func writeXLSX(w io.Writer, sheetName string, header []string, next func() ([]string, error)) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, len(header), 18); err != nil {
		return err
	}
	row := make([]any, len(header))
	cells := header
	for n := 1; cells != nil; n++ {
		for i, v := range cells {
			row[i] = excelize.Cell{Value: v}
		}
		cell, _ := excelize.CoordinatesToCellName(1, n)
		if err := sw.SetRow(cell, row); err != nil {
			return fmt.Errorf("write row %d: %w", n, err)
		}
		if cells, err = next(); err != nil {
			return err
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
