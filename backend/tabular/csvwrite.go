package tabular

import (
	"bufio"
	"encoding/csv"
	"io"
	"strings"
)

// CSVWriter writes a CSV file for spreadsheets: a UTF-8 BOM (so Excel reads
// UTF-8), CRLF line ends, and every cell that a spreadsheet would run as a
// formula written as text. Every CSV export goes through it.
type CSVWriter struct {
	bw  *bufio.Writer
	cw  *csv.Writer
	err error
}

// NewCSVWriter starts a CSV file on w. Call Flush at the end.
func NewCSVWriter(w io.Writer) *CSVWriter {
	bw := bufio.NewWriter(w)
	_, err := bw.WriteString("\uFEFF")
	cw := csv.NewWriter(bw)
	cw.UseCRLF = true
	return &CSVWriter{bw: bw, cw: cw, err: err}
}

// Write writes one row, neutralising formulas (the cells are not changed).
func (w *CSVWriter) Write(cells []string) error {
	if w.err != nil {
		return w.err
	}
	row, copied := cells, false
	for i, c := range cells {
		if d := Defuse(c); d != c {
			if !copied {
				row, copied = append([]string(nil), cells...), true
			}
			row[i] = d
		}
	}
	w.err = w.cw.Write(row)
	return w.err
}

// Flush writes out what is buffered and reports the first error.
func (w *CSVWriter) Flush() error {
	if w.err != nil {
		return w.err
	}
	w.cw.Flush()
	if err := w.cw.Error(); err != nil {
		return err
	}
	return w.bw.Flush()
}

// formulaStarts are the first characters that make a spreadsheet read a
// cell as a formula (= + - @) or that hide one behind them (tab, CR).
const formulaStarts = "=+-@\t\r"

// Defuse puts an apostrophe before a cell a spreadsheet would run as a
// formula; spreadsheets show the rest as text, and Undefuse takes it off
// again on import.
func Defuse(c string) string {
	if c != "" && strings.IndexByte(formulaStarts, c[0]) >= 0 {
		return "'" + c
	}
	return c
}

// Undefuse reverses Defuse for a cell read back from an exported file.
func Undefuse(c string) string {
	if len(c) > 1 && c[0] == '\'' && strings.IndexByte(formulaStarts, c[1]) >= 0 {
		return c[1:]
	}
	return c
}
