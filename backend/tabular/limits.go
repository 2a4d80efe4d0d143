// Package tabular reads and writes the spreadsheet files admins exchange with
// the app (directory and binding imports and exports) with every input
// bounded: file size, rows, columns, kept text and, for XLSX, the unzipped
// size, so that a few kilobytes cannot become gigabytes of memory or disk.
package tabular

import (
	"strings"

	"wecom-bridge/backend/usererr"
)

// Limits of one import file. They are far above a real directory (WeCom
// itself caps a company's departments and members well below them) and low
// enough that the worst file stays within a few hundred MB of memory.
const (
	// MaxFileBytes caps the file as uploaded or read from disk.
	MaxFileBytes = 64 << 20
	// MaxRows caps the data rows (blank rows are not counted).
	MaxRows = 500_000
	// MaxColumns caps the columns that may hold a value.
	MaxColumns = 256
	// MaxTextBytes caps the text kept from one sheet or CSV file.
	MaxTextBytes = 128 << 20
)

// Row is one non-blank data row of a file with its line (CSV) or row (XLSX)
// number; the header is line 1.
type Row struct {
	Line  int
	Cells []string
}

// Limiter applies the row, column and text limits to rows as they are read,
// so that nothing over them is ever held.
type Limiter struct {
	rows int
	text int64
}

// Keep checks one row read after the header and returns the cells to keep,
// or keep=false for a blank row (which is not counted).
func (l *Limiter) Keep(line int, cells []string) (kept []string, keep bool, err error) {
	if IsBlank(cells) {
		return nil, false, nil
	}
	if len(cells) > MaxColumns {
		if !IsBlank(cells[MaxColumns:]) {
			return nil, false, TooManyColumns(line)
		}
		cells = cells[:MaxColumns:MaxColumns]
	}
	if l.rows++; l.rows > MaxRows {
		return nil, false, usererr.Newf("file_too_many_rows",
			"文件超过 %[1]d 行数据（第 %[2]d 行已超出）：请拆分成几个文件分别导入",
			"the file has more than %[1]d data rows (line %[2]d is past the limit); split it into several files and import them one by one",
			MaxRows, line)
	}
	for _, c := range cells {
		l.text += int64(len(c))
	}
	if l.text > MaxTextBytes {
		return nil, false, usererr.Newf("file_too_much_text",
			"文件的文字超过 %[1]d MB（到第 %[2]d 行为止）：请删除多余的列或拆分文件后导入",
			"the file holds more than %[1]d MB of text (up to line %[2]d); delete unneeded columns or split the file and import again",
			MaxTextBytes>>20, line)
	}
	return cells, true, nil
}

// TooManyColumns is the error of a row with a value past MaxColumns.
func TooManyColumns(line int) error {
	return usererr.Newf("file_too_many_columns",
		"第 %[1]d 行在第 %[2]d 列之后还有内容：导入文件最多 %[2]d 列，请删除多余的列后导入",
		"line %[1]d has values past column %[2]d; an import file has at most %[2]d columns: delete the extra columns and import again",
		line, MaxColumns)
}

// TooLarge is the error of a file over MaxFileBytes.
func TooLarge(size int64) error {
	return usererr.Newf("file_too_large",
		"文件有 %.1[1]f MB，超过 %[2]d MB 上限：请拆分成几个文件分别导入",
		"the file is %.1[1]f MB, over the %[2]d MB limit; split it into several files and import them one by one",
		float64(size)/(1<<20), MaxFileBytes>>20)
}

// IsBlank reports whether every cell is empty or spaces.
func IsBlank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
