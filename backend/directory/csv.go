package directory

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"

	"wecom-bridge/backend/tabular"
	"wecom-bridge/backend/usererr"
)

// record is one row of an import file with its line number (1-based; the
// header is line 1). For CSV it is the line the row starts on, which is also
// Excel's row number unless a cell holds a line break.
type record = tabular.Row

// table is an import file read into rows, before any validation.
type table struct {
	Header    record
	Rows      []record
	Encoding  string // CSV only
	Delimiter string // CSV only: "comma" or "tab"
	Sheet     string // XLSX only
	// CSV: a row with fewer fields than the header is refused (in XLSX
	// trailing empty cells are simply left out).
	CSV bool
}

// sniffDelimiter picks tab when the header line has more tabs than commas.
func sniffDelimiter(text []byte) rune {
	line := text
	if i := bytes.IndexByte(text, '\n'); i >= 0 {
		line = text[:i]
	}
	if bytes.Count(line, []byte{'\t'}) > bytes.Count(line, []byte{','}) {
		return '\t'
	}
	return ','
}

func readCSV(data []byte) (*table, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	delim := sniffDelimiter(text)
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1 // short rows are fine: missing cells are empty
	r.LazyQuotes = true    // a stray " in a name should not sink the whole file
	r.ReuseRecord = false
	// One row a line, unless cells hold line breaks: sized once, not grown.
	t := &table{Encoding: enc, Delimiter: "comma", CSV: true,
		Rows: make([]record, 0, min(bytes.Count(text, []byte{'\n'}), tabular.MaxRows))}
	var lim tabular.Limiter
	if delim == '\t' {
		t.Delimiter = "tab"
	}
	first := true
	for {
		cells, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("line %d of the file cannot be read as CSV (%v); fix the quotes on that line and import again", pe.StartLine, pe.Err)
			}
			return nil, fmt.Errorf("read the CSV file: %w", err)
		}
		line, _ := r.FieldPos(0)
		if first {
			if line != 1 {
				return nil, usererr.New("directory_header_line_empty", nil)
			}
			if len(cells) > tabular.MaxColumns && !isBlank(cells[tabular.MaxColumns:]) {
				return nil, tabular.TooManyColumns(1)
			}
			t.Header, first = record{Line: line, Cells: cells}, false
			continue
		}
		cells, keep, err := lim.Keep(line, cells)
		if err != nil {
			return nil, err
		}
		if keep {
			t.Rows = append(t.Rows, record{Line: line, Cells: cells})
		}
	}
	if first {
		return nil, usererr.New("directory_file_empty", nil)
	}
	return t, nil
}

// writeCSV writes rows through tabular's CSV writer: a BOM so Excel opens it
// as UTF-8, and formula-like cells as text (the import takes that off again).
func writeCSV(w io.Writer, rows [][]string) error {
	cw := tabular.NewCSVWriter(w)
	for _, r := range rows {
		if err := cw.Write(r); err != nil {
			return fmt.Errorf("write the CSV file: %w", err)
		}
	}
	if err := cw.Flush(); err != nil {
		return fmt.Errorf("write the CSV file: %w", err)
	}
	return nil
}
