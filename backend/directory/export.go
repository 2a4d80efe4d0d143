package directory

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"wecom-bridge/backend/usererr"
)

// ExportOptions configure Export.
type ExportOptions struct {
	Format     Format `json:"format"`     // csv (UTF-8 with BOM) or xlsx; "" means csv
	Lang       string `json:"lang"`       // "zh" (default) or "en": header and status words
	ActiveOnly bool   `json:"activeOnly"` // leave resigned accounts out
}

// Export writes every account in the import format, so the file imports
// back unchanged.
func (s *Service) Export(ctx context.Context, w io.Writer, opts ExportOptions) error {
	var zh bool
	switch opts.Lang {
	case "", "zh", "zh-CN":
		zh = true
	case "en":
	default:
		return fieldErr("lang", "directory_bad_lang", usererr.Args{"value": fmt.Sprint(opts.Lang)})
	}
	accounts, err := s.AllAccounts(ctx)
	if err != nil {
		return err
	}
	header := columnNames[:]
	active, resigned := string(StatusActive), string(StatusResigned)
	if zh {
		header, active, resigned = make([]string, numColumns), statusZh(StatusActive), statusZh(StatusResigned)
		for c := range numColumns {
			header[c] = c.message().ZH
		}
	}
	rows := make([][]string, 0, len(accounts)+1)
	rows = append(rows, header)
	for _, a := range accounts {
		if opts.ActiveOnly && a.Status != StatusActive {
			continue
		}
		status := active
		if a.Status == StatusResigned {
			status = resigned
		}
		// Same order as columnNames.
		rows = append(rows, []string{a.Account, a.Name, a.EmployeeNo, a.Mobile, a.Email,
			joinPaths(a.DeptPaths), a.Position, status, a.WeComUserID})
	}
	switch opts.Format {
	case "", FormatCSV:
		return writeCSV(w, rows)
	case FormatXLSX:
		sheet := "accounts"
		if zh {
			sheet = "通讯录"
		}
		return writeXLSX(w, sheet, rows)
	}
	return fieldErr("format", "directory_bad_format", usererr.Args{"value": fmt.Sprint(opts.Format)})
}

// ExportFile writes the export to path, taking the format from its
// extension when opts has none. The file appears whole or not at all.
func (s *Service) ExportFile(ctx context.Context, path string, opts ExportOptions) error {
	if opts.Format == "" {
		opts.Format = FormatCSV
		if strings.EqualFold(filepath.Ext(path), ".xlsx") {
			opts.Format = FormatXLSX
		}
	}
	var buf bytes.Buffer
	if err := s.Export(ctx, &buf, opts); err != nil {
		return err
	}
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o600); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
