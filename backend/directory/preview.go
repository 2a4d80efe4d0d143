package directory

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/jmoiron/sqlx"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/tabular"
)

// ErrNoDataRows is returned by Preview for a file without data rows: an empty
// export must never wipe the directory.
var ErrNoDataRows = errors.New("the file has no data rows; nothing was changed")

// keepPreviews is how many previews stay stored; older ones are deleted
// when a new one is made (each can hold a whole directory).
const keepPreviews = 5

// PreviewFile reads path and previews its import. The file name is taken
// from path unless opts gives one.
func (s *Service) PreviewFile(ctx context.Context, path string, opts ImportOptions) (*Preview, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read the import file: %w", err)
	}
	defer f.Close()
	if fi, err := f.Stat(); err == nil && fi.Size() > tabular.MaxFileBytes {
		return nil, tabular.TooLarge(fi.Size())
	}
	data, err := io.ReadAll(io.LimitReader(f, tabular.MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("read the import file: %w", err)
	}
	if opts.FileName == "" {
		opts.FileName = filepath.Base(path)
	}
	return s.Preview(ctx, data, opts)
}

// Preview parses an import file, compares it with the directory and stores
// the result. Nothing in the directory changes: Apply does that, with the
// returned ID. An error means the whole file is unusable; problems of single
// rows are listed in Preview.Rejected instead.
func (s *Service) Preview(ctx context.Context, data []byte, opts ImportOptions) (*Preview, error) {
	if len(data) > tabular.MaxFileBytes {
		return nil, tabular.TooLarge(int64(len(data)))
	}
	format, err := detectFormat(data, opts)
	if err != nil {
		return nil, err
	}
	var t *table
	if format == FormatXLSX {
		t, err = readXLSX(data)
	} else {
		t, err = readCSV(data)
	}
	if err != nil {
		return nil, err
	}
	h, warnings, err := mapHeader(t.Header.Cells)
	if err != nil {
		return nil, err
	}
	p := parseRows(t, h)
	t.Rows = nil // the cells live on in p; their slices (a third of the file's memory) need not
	if p.dataRows == 0 {
		return nil, ErrNoDataRows
	}
	threshold := DefaultResignThreshold
	if opts.Threshold != nil {
		threshold = *opts.Threshold
	}
	pv := &Preview{FileName: opts.FileName, Format: format, Encoding: t.Encoding, Delimiter: t.Delimiter,
		Sheet: t.Sheet, FullSnapshot: opts.FullSnapshot, Columns: h.columns(), Warnings: warnings,
		CreatedAt: s.now().UTC(), Status: "pending", DataRows: p.dataRows, Rejected: p.rejected}
	if pv.Warnings == nil {
		pv.Warnings = []string{}
	}
	err = s.readTx(ctx, func(tx *sqlx.Tx) error {
		if pv.DirVersion, err = readVersion(ctx, tx); err != nil {
			return err
		}
		tree, err := loadDeptTree(ctx, tx)
		if err != nil {
			return err
		}
		current, err := loadAccounts(ctx, tx, tree, "")
		if err != nil {
			return err
		}
		compare(pv, p, h, current, tree, threshold)
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("compare the file with the directory: %w", err)
	}
	if err := s.savePreview(ctx, pv); err != nil {
		return nil, err
	}
	return pv, nil
}

func detectFormat(data []byte, opts ImportOptions) (Format, error) {
	switch {
	case bytes.HasPrefix(data, []byte{0xD0, 0xCF, 0x11, 0xE0}):
		return "", fmt.Errorf("this is an old Excel .xls file, which cannot be read; save it as .xlsx or CSV and import again")
	case opts.Format == FormatCSV || opts.Format == FormatXLSX:
		return opts.Format, nil
	case opts.Format != "":
		return "", fmt.Errorf("format %q is not supported; use csv or xlsx", opts.Format)
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return FormatXLSX, nil
	case strings.EqualFold(filepath.Ext(opts.FileName), ".xlsx"):
		return "", fmt.Errorf("%s is named .xlsx but is not an Excel workbook; open it in Excel, save it as .xlsx and import again", opts.FileName)
	}
	return FormatCSV, nil
}

func (s *Service) savePreview(ctx context.Context, pv *Preview) error {
	ops := encodeOps(pv)
	warning := ""
	if pv.ResignWarning != nil {
		warning = pv.ResignWarning.String()
	}
	tx, err := s.db.BeginTxx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	// The JSON holds the ID, so the ID is taken first: the one SQLite would
	// give the row (the largest plus one), safe inside this write
	// transaction. Inserting and then setting the JSON would write the
	// whole row, ops and all (megabytes at 100,000 rows), twice.
	if err := tx.GetContext(ctx, &pv.ID, `SELECT IFNULL(MAX(id), 0) + 1 FROM import_previews`); err != nil {
		return fmt.Errorf("store the preview: %w", err)
	}
	// The JSON is for display and leaves the adds out: ops holds them, and at
	// 100,000 rows a second copy costs more to write than the accounts do.
	// LoadPreview puts them back.
	slim := *pv
	slim.Adds = nil
	plan, err := json.Marshal(&slim)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO import_previews(id, file_name, format, full_snapshot, dir_version,
		adds, updates, resigns, rejected, resign_count, resign_warning, plan, ops, created_at)
		VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		pv.ID, pv.FileName, pv.Format, pv.FullSnapshot, pv.DirVersion, len(pv.Adds), len(pv.Updates), len(pv.Resigns),
		len(pv.Rejected), pv.ResignCount, warning, string(plan), ops, store.TimeOf(pv.CreatedAt)); err != nil {
		return fmt.Errorf("store the preview: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM import_previews WHERE id <= ?`, pv.ID-keepPreviews); err != nil {
		return err
	}
	return tx.Commit()
}

// LoadPreview returns a stored preview.
func (s *Service) LoadPreview(ctx context.Context, id int64) (*Preview, error) {
	var row struct {
		Plan   string `db:"plan"`
		Ops    string `db:"ops"`
		Status string `db:"status"`
	}
	err := s.db.GetContext(ctx, &row, `SELECT plan, ops, status FROM import_previews WHERE id = ?`, id)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("import preview %d: %w (only the last %d previews are kept; preview the file again)", id, ErrNotFound, keepPreviews)
	}
	if err != nil {
		return nil, err
	}
	var pv Preview
	if err := json.Unmarshal([]byte(row.Plan), &pv); err != nil {
		return nil, fmt.Errorf("import preview %d is damaged (%v); preview the file again", id, err)
	}
	ops, err := decodeOps(row.Ops)
	if err != nil {
		return nil, fmt.Errorf("import preview %d is damaged (%v); preview the file again", id, err)
	}
	pv.Adds = ops.adds
	if pv.Adds == nil {
		pv.Adds = []ImportRow{}
	}
	pv.Status = row.Status
	return &pv, nil
}

// DeletePreviewsBefore deletes the previews made before a time (housekeeping;
// each can hold a whole directory). The newest is kept, so a preview id is
// never given out twice.
func (s *Service) DeletePreviewsBefore(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.db.ExecContext(ctx, `DELETE FROM import_previews WHERE created_at < ?
		AND id < (SELECT MAX(id) FROM import_previews)`, store.TimeOf(before))
	if err != nil {
		return 0, fmt.Errorf("delete old import previews: %w", err)
	}
	return res.RowsAffected()
}
