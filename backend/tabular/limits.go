// Package tabular reads and writes the spreadsheet files admins exchange with
// the app (directory and binding imports and exports) with every input
// bounded: file size, rows, columns, kept text and, for XLSX, the unzipped
// size, so that a few kilobytes cannot become gigabytes of memory or disk.
package tabular

import (
	"fmt"
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
		return nil, false, usererr.New("file_too_many_rows", usererr.Args{"max": MaxRows, "line": line})
	}
	for _, c := range cells {
		l.text += int64(len(c))
	}
	if l.text > MaxTextBytes {
		return nil, false, usererr.New("file_too_much_text", usererr.Args{"maxMB": MaxTextBytes >> 20, "line": line})
	}
	return cells, true, nil
}

// TooManyColumns is the error of a row with a value past MaxColumns.
func TooManyColumns(line int) error {
	return usererr.New("file_too_many_columns", usererr.Args{"line": line, "max": MaxColumns})
}

// TooLarge is the error of a file over MaxFileBytes.
func TooLarge(size int64) error {
	return usererr.New("file_too_large", usererr.Args{"sizeMB": fmt.Sprintf("%.1f", float64(size)/(1<<20)), "maxMB": MaxFileBytes >> 20})
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
