package services

import (
	"context"
	"io"

	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/transfer"
)

// previewRowCap bounds each list of an import preview sent to the UI: a
// 100,000-row file must not become a 30 MB answer. Counts stay exact.
const previewRowCap = 200

// ImportPreview is an import preview for the UI: exact counts, the first
// previewRowCap rows of each list.
type ImportPreview struct {
	Preview      *directory.Preview `json:"preview"`
	AddCount     int                `json:"addCount"`
	UpdateCount  int                `json:"updateCount"`
	ResignRows   int                `json:"resignRows"`
	RejectCount  int                `json:"rejectCount"`
	RowsCappedAt int                `json:"rowsCappedAt"`
}

func capPreview(p *directory.Preview) *ImportPreview {
	out := &ImportPreview{Preview: p, AddCount: len(p.Adds), UpdateCount: len(p.Updates),
		ResignRows: len(p.Resigns), RejectCount: len(p.Rejected), RowsCappedAt: previewRowCap}
	cp := *p
	cp.Adds = capSlice(p.Adds)
	cp.Updates = capSlice(p.Updates)
	cp.Resigns = capSlice(p.Resigns)
	cp.Rejected = capSlice(p.Rejected)
	out.Preview = &cp
	return out
}

func capSlice[T any](s []T) []T {
	if len(s) > previewRowCap {
		return s[:previewRowCap]
	}
	return s
}

// PreviewDirectoryImport parses an uploaded CSV/XLSX and compares it with the
// directory; nothing changes until ApplyDirectoryImport.
func (s *Services) PreviewDirectoryImport(ctx context.Context, uploadID, fileName string, fullSnapshot bool) (*ImportPreview, error) {
	data, err := s.Transfer.TakeUpload(uploadID)
	if err != nil {
		return nil, err
	}
	p, err := s.Directory.Preview(ctx, data, directory.ImportOptions{FileName: fileName, FullSnapshot: fullSnapshot})
	if err != nil {
		return nil, err
	}
	return capPreview(p), nil
}

// ExportDirectory writes the directory as CSV or XLSX for download.
func (s *Services) ExportDirectory(ctx context.Context, format, lang string) (*transfer.FileExport, error) {
	f := directory.Format(format)
	return s.Transfer.CreateExport("directory", format, func(w io.Writer) error {
		return s.Directory.Export(ctx, w, directory.ExportOptions{Format: f, Lang: lang})
	})
}
