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

// exportHeader is the first row of an exported file. The import reads back
// 本地账号 (or the key column) and 企业微信UserID; the rest is for people.
var exportHeader = []string{"本地账号", "姓名", "部门", "企业微信UserID", "企业微信姓名", "企业微信部门",
	"匹配方式", "状态", "置信度", "候选", "说明"}

// methodLabel and stateLabel are the Chinese words of the exported file.
var methodLabel = map[string]string{
	"existing": "已有绑定", "userid": "账号=UserID", "employee_no": "工号=UserID", "mobile": "手机号",
	"email": "邮箱", "mobile_lookup": "企业微信查手机号", "email_lookup": "企业微信查邮箱",
	"name": "姓名", "name+department": "姓名+部门", "manual": "手动绑定", "import": "导入",
}

var stateLabel = map[string]string{
	StateProposed: "待确认", StateConfirmed: "已确认", StateRejected: "已拒绝", StateAmbiguous: "待选择（重名或冲突）",
	StateUnboundLocal: "本地未绑定", StateUnboundWeCom: "企业微信未绑定",
}

// sheetName is the exported worksheet.
const sheetName = "账号绑定"

// Export writes the corp's review rows matching filter (Filter, Search,
// Method and Sort; Offset and Limit are ignored: every matching row goes
// out) as "xlsx" or "csv" (UTF-8 with a BOM, so Excel opens it as UTF-8).
// Every row carries all its candidates.
func (s *Service) Export(ctx context.Context, corpID int64, w io.Writer, format string, filter Query) error {
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
		return exportCells(r), nil
	}
	if format == "csv" {
		return writeCSV(w, next)
	}
	return writeXLSX(w, next)
}

func exportCells(r *rowRec) []string {
	conf := ""
	if r.Method != "" {
		conf = strconv.FormatFloat(r.Confidence, 'f', 2, 64)
	}
	var cands []string
	for _, c := range r.candidates() {
		cands = append(cands, fmt.Sprintf("%s %s (%s) %.2f", c.Account+c.UserID, c.Name, c.Dept, c.Score))
	}
	return []string{r.Account, r.LocalName, r.LocalDept, r.UserID, r.WeComName, r.WeComDept,
		methodLabel[r.Method], stateLabel[r.State], conf, strings.Join(cands, "; "), r.Reason}
}

// writeCSV writes the rows through tabular's CSV writer: a BOM, and a cell
// a spreadsheet would run as a formula (=, +, -, @, tab, CR) with a leading
// apostrophe, which the import strips again.
func writeCSV(w io.Writer, next func() ([]string, error)) error {
	cw := tabular.NewCSVWriter(w)
	if err := cw.Write(exportHeader); err != nil {
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
func writeXLSX(w io.Writer, next func() ([]string, error)) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheetName); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheetName)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, len(exportHeader), 18); err != nil {
		return err
	}
	row := make([]any, len(exportHeader))
	cells := exportHeader
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
