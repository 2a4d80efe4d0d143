package review

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"

	"wecom-bridge/backend/tabular"
	"wecom-bridge/backend/usererr"
)

// fileRow is one data row of an import file; Line is its line (CSV) or row
// (XLSX) number, the header being line 1.
type fileRow = tabular.Row

func readImportFile(r io.Reader, format string) (header []string, rows []fileRow, err error) {
	data, err := io.ReadAll(io.LimitReader(r, tabular.MaxFileBytes+1))
	if err != nil {
		return nil, nil, fmt.Errorf("read the import file: %w", err)
	}
	if len(data) > tabular.MaxFileBytes {
		return nil, nil, invalid(tabular.TooLarge(int64(len(data))))
	}
	switch format {
	case "csv":
		return readCSVTable(data)
	case "xlsx":
		return readXLSXTable(data)
	}
	return nil, nil, invalidMsg("review_bad_import_format", usererr.Args{"value": format})
}

// readCSVTable accepts UTF-8 (with or without BOM) and, failing that, GBK
// (GB18030), which is what Excel on Chinese Windows saves as "CSV". A header
// line with more tabs than commas is read as tab-separated.
func readCSVTable(data []byte) ([]string, []fileRow, error) {
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	if !utf8.Valid(data) {
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil || bytes.ContainsRune(dec, utf8.RuneError) {
			return nil, nil, invalidMsg("binding_import_encoding", nil)
		}
		data = dec
	}
	cr := csv.NewReader(bytes.NewReader(data))
	first, _, _ := bytes.Cut(data, []byte("\n"))
	if bytes.Count(first, []byte("\t")) > bytes.Count(first, []byte(",")) {
		cr.Comma = '\t'
	}
	cr.FieldsPerRecord = -1
	cr.LazyQuotes = true
	var header []string
	var rows []fileRow
	var lim tabular.Limiter
	for {
		cells, err := cr.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, nil, invalidMsg("binding_import_csv", usererr.Args{"error": err.Error()})
		}
		line, _ := cr.FieldPos(0)
		if header == nil {
			header = cells
			continue
		}
		cells, keep, err := lim.Keep(line, cells)
		if err != nil {
			return nil, nil, invalid(err)
		}
		if keep {
			rows = append(rows, fileRow{Line: line, Cells: cells})
		}
	}
	if header == nil {
		return nil, nil, invalidMsg("binding_import_empty", nil)
	}
	return header, rows, nil
}

// readXLSXTable reads the sheet named 账号绑定, else the first sheet, within
// tabular's limits; its temporary files are gone when it returns.
func readXLSXTable(data []byte) ([]string, []fileRow, error) {
	wb, err := tabular.OpenXLSX(data)
	if err != nil {
		return nil, nil, invalid(err)
	}
	defer wb.Close()
	sheets := wb.Sheets()
	if len(sheets) == 0 {
		return nil, nil, invalidMsg("binding_import_no_sheets", nil)
	}
	sheet := sheets[0]
	exported := usererr.Msg("binding_export_sheet", nil) // an exported file's sheet, in either language
	for _, name := range []string{exported.ZH, exported.EN} {
		if slices.Contains(sheets, name) {
			sheet = name
			break
		}
	}
	t, err := wb.ReadSheet(sheet)
	if err != nil {
		return nil, nil, invalid(err)
	}
	if len(t.Header) == 0 {
		return nil, nil, invalidMsg("binding_import_no_header", usererr.Args{"sheet": sheet})
	}
	return t.Header, t.Rows, nil
}

// Column names the import recognises (compared without case or spaces).
var (
	useridHeaders = []string{"企业微信userid", "userid", "企业微信账号", "wecomuserid"}
	keyHeaders    = map[string][]string{
		"account":     {"本地账号", "account", "账号"},
		"employee_no": {"工号", "employee_no", "员工编号"},
		"mobile":      {"手机号", "mobile", "手机"},
		"email":       {"邮箱", "email"},
	}
	// genericKeyHeader is 云桥's 关联字段: a column holding the chosen key
	// field's value. When present it is read instead of the field's own column.
	genericKeyHeader = "关联字段"
)

// keyLabel names a key field in messages.
var keyLabel = map[string]string{"account": "account", "employee_no": "employee number", "mobile": "mobile", "email": "email"}

// importColumns finds the userid column and the key column.
func importColumns(header []string, keyField string) (keyCol, uidCol int, err error) {
	find := func(names ...string) int {
		for i, h := range header {
			h = strings.ToLower(strings.ReplaceAll(strings.TrimSpace(h), " ", ""))
			if slices.Contains(names, h) {
				return i
			}
		}
		return -1
	}
	uidCol = find(useridHeaders...)
	if uidCol < 0 {
		return 0, 0, invalidMsg("binding_import_no_userid", nil)
	}
	keyCol = find(genericKeyHeader)
	if keyCol < 0 {
		keyCol = find(keyHeaders[keyField]...)
	}
	if keyCol < 0 {
		return 0, 0, invalidMsg("binding_import_no_key", usererr.Args{"column": keyHeaders[keyField][0], "generic": genericKeyHeader, "field": usererr.Msg("binding_field_"+keyField, nil)})
	}
	return keyCol, uidCol, nil
}

// cell returns a trimmed cell, with the apostrophe Export puts before
// formula-like text taken off again.
func cell(cells []string, i int) string {
	if i >= len(cells) {
		return ""
	}
	return strings.TrimSpace(tabular.Undefuse(strings.TrimSpace(cells[i])))
}
