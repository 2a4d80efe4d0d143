package tabular

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/xuri/excelize/v2"

	"wecom-bridge/backend/usererr"
)

// XLSX limits. Excelize keeps every part of a workbook in memory except the
// worksheets and the shared strings over xmlInMemoryBytes, which it unzips
// into temporary files and streams; its own default unzip limit is 16 GB.
const (
	// MaxUnzippedBytes caps the workbook's total unzipped size.
	MaxUnzippedBytes = 256 << 20
	// xmlInMemoryBytes is excelize's UnzipXMLSizeLimit: larger worksheets
	// and shared strings go to a temporary file.
	xmlInMemoryBytes = 4 << 20
	// maxOtherPartsBytes caps what excelize holds in memory: every part that
	// is not a worksheet or the shared strings (styles, themes, drawings…).
	maxOtherPartsBytes = 32 << 20
	// maxSharedStrings caps the shared strings: excelize keeps an index
	// entry (~40 bytes) for each.
	maxSharedStrings = 6 * MaxRows
	// maxCellsPerRow caps the cells of one row element (XLSX's own column
	// limit): excelize gathers a row's cells before the column cap can look.
	maxCellsPerRow = 16_384
	// maxTextRun caps one run of text between two tags; Excel's own cell
	// limit is 32,767 characters.
	maxTextRun = 256 << 10
)

// Workbook is an XLSX file opened with the limits above. Close it on every
// path: it removes the temporary files.
type Workbook struct {
	f   *excelize.File
	tmp string
}

// OpenXLSX checks the workbook's parts against the limits, then opens it.
// A workbook over a limit is refused before anything big is unzipped.
func OpenXLSX(data []byte) (*Workbook, error) {
	if len(data) > MaxFileBytes {
		return nil, TooLarge(int64(len(data)))
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, notWorkbook(err)
	}
	if err := checkParts(zr); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "wecom-bridge-xlsx-")
	if err != nil {
		return nil, fmt.Errorf("make a temporary directory for the workbook: %w", err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{
		UnzipSizeLimit: MaxUnzippedBytes, UnzipXMLSizeLimit: xmlInMemoryBytes, TmpDir: tmp})
	if err != nil {
		os.RemoveAll(tmp)
		return nil, notWorkbook(err)
	}
	return &Workbook{f: f, tmp: tmp}, nil
}

func notWorkbook(err error) error {
	return usererr.Wrap(err, "xlsx_unreadable", usererr.Args{"detail": err.Error()})
}

func bomb(what string, limit string) error {
	return usererr.New("xlsx_over_limit", usererr.Args{"what": what, "limit": limit})
}

// checkParts refuses a workbook whose parts unzip past the limits. Sizes
// are the ones the zip declares; archive/zip refuses to read past them.
func checkParts(zr *zip.Reader) error {
	var total, others uint64
	for _, zf := range zr.File {
		size := zf.UncompressedSize64
		total += size
		if total > MaxUnzippedBytes {
			return bomb(fmt.Sprintf("unzipped size over %d MB", MaxUnzippedBytes>>20), fmt.Sprintf("%d MB", MaxUnzippedBytes>>20))
		}
		name := strings.ToLower(strings.ReplaceAll(zf.Name, `\`, "/"))
		switch {
		case name == "xl/sharedstrings.xml":
			if err := scanPart(zf, "si", maxSharedStrings, "shared strings"); err != nil {
				return err
			}
		case strings.HasPrefix(name, "xl/worksheets/sheet"):
			if err := scanPart(zf, "", 0, zf.Name); err != nil {
				return err
			}
		default:
			if others += size; others > maxOtherPartsBytes {
				return bomb(fmt.Sprintf("parts other than the sheets over %d MB", maxOtherPartsBytes>>20),
					fmt.Sprintf("%d MB", maxOtherPartsBytes>>20))
			}
		}
	}
	return nil
}

// scanPart streams one XML part and counts elements without parsing it:
// the shared strings (count must stay ≤ max), or the cells of each row of a
// worksheet (≤ maxCellsPerRow). Every run of text must stay ≤ maxTextRun.
func scanPart(zf *zip.File, count string, max int, label string) error {
	rc, err := zf.Open()
	if err != nil {
		return notWorkbook(err)
	}
	defer rc.Close()
	var sc xmlScanner
	buf := make([]byte, 64<<10)
	n, cells := 0, 0
	var over error
	tag := func(name []byte) {
		switch {
		case over != nil:
		case count != "" && string(name) == count:
			if n++; n > max {
				over = bomb(fmt.Sprintf("%s: more than %d entries", label, max), fmt.Sprint(max))
			}
		case count == "" && string(name) == "row":
			cells = 0
		case count == "" && string(name) == "c":
			if cells++; cells > maxCellsPerRow {
				over = bomb(fmt.Sprintf("%s: a row with more than %d cells", label, maxCellsPerRow), fmt.Sprint(maxCellsPerRow))
			}
		}
	}
	for {
		k, rerr := rc.Read(buf)
		sc.feed(buf[:k], tag)
		if over != nil {
			return over
		}
		if sc.run > maxTextRun {
			return bomb(fmt.Sprintf("%s: a text over %d KB", label, maxTextRun>>10), fmt.Sprintf("%d KB", maxTextRun>>10))
		}
		if errors.Is(rerr, io.EOF) {
			return nil
		}
		if rerr != nil {
			return notWorkbook(rerr)
		}
	}
}

// Close closes the workbook and removes its temporary files.
func (w *Workbook) Close() error {
	err := w.f.Close()
	if rerr := os.RemoveAll(w.tmp); err == nil {
		err = rerr
	}
	return err
}

// Sheets lists the sheet names in workbook order.
func (w *Workbook) Sheets() []string { return w.f.GetSheetList() }

// Table is a sheet or CSV file: the header (row 1) and the non-blank rows.
type Table struct {
	Header []string
	Rows   []Row
}

// ReadSheet streams a sheet with the row, column and text limits. Cells are
// read raw, so a mobile typed as a number is 13812345678, not 1.38E+10. A
// sheet with nothing in it gives an empty Table.
func (w *Workbook) ReadSheet(sheet string) (*Table, error) {
	it, err := w.f.Rows(sheet)
	if err != nil {
		return nil, fmt.Errorf("read sheet %q: %w", sheet, err)
	}
	defer it.Close()
	t := &Table{}
	var lim Limiter
	for line := 1; it.Next(); line++ { // Next steps over empty rows too, so line is the row number
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, fmt.Errorf("sheet %q row %d: %w", sheet, line, err)
		}
		if line == 1 {
			if len(cells) > MaxColumns && !IsBlank(cells[MaxColumns:]) {
				return nil, TooManyColumns(1)
			}
			t.Header = cells[:min(len(cells), MaxColumns)]
			continue
		}
		kept, ok, err := lim.Keep(line, cells)
		if err != nil {
			return nil, fmt.Errorf("sheet %q: %w", sheet, err)
		}
		if ok {
			t.Rows = append(t.Rows, Row{Line: line, Cells: kept})
		}
	}
	if err := it.Error(); err != nil {
		return nil, fmt.Errorf("read sheet %q: %w", sheet, err)
	}
	return t, nil
}
