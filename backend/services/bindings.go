package services

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"strings"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/review"
	"wecom-bridge/backend/tabular"
	"wecom-bridge/backend/transfer"
	"wecom-bridge/backend/usererr"
)

// reviewSources feeds the binding review from the local directory and the
// pulled WeCom mirror.
type reviewSources struct {
	dir    *directory.Service
	mirror *mirror.Service
}

func (r reviewSources) Locals(ctx context.Context) ([]review.LocalRecord, error) {
	accounts, err := r.dir.AllAccounts(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]review.LocalRecord, len(accounts))
	for i, a := range accounts {
		out[i] = review.LocalRecord{Local: binding.Local{
			Account: a.Account, Name: a.Name, EmployeeNo: a.EmployeeNo, Mobile: a.Mobile, Email: a.Email,
			DeptPaths: a.DeptPaths, Resigned: a.Status == directory.StatusResigned,
		}, Position: a.Position}
	}
	return out, nil
}

func (r reviewSources) Members(ctx context.Context, corpID int64) ([]review.MemberRecord, error) {
	users, err := r.mirror.Users(ctx, corpID)
	if err != nil {
		return nil, err
	}
	out := make([]review.MemberRecord, len(users))
	for i, u := range users {
		out[i] = review.MemberRecord{Member: binding.Member{
			UserID: u.UserID, Name: u.Name, Mobile: u.Mobile, Email: u.Email, DeptPaths: u.DeptPaths, Active: u.Active(),
		}, Position: u.Position}
	}
	return out, nil
}

// Rematch recomputes the corp's binding proposals with its stored policy.
func (s *Services) Rematch(ctx context.Context, corpID int64, actor string) (review.Summary, error) {
	return s.RematchProgress(ctx, corpID, actor, nil)
}

// RematchProgress is Rematch reporting its phases (review.Phase*) to progress.
func (s *Services) RematchProgress(ctx context.Context, corpID int64, actor string, progress func(phase string, done, total int)) (review.Summary, error) {
	p, err := s.Review.GetPolicy(ctx, corpID)
	if err != nil {
		return review.Summary{}, err
	}
	return s.Review.RematchProgress(ctx, corpID, p, actor, progress)
}

// CreateLocalAccountsForUnbound creates a local account for each unbound
// WeCom member (account = userid, departments from their WeCom paths) through
// the directory's own import, then binds each pair (the 万象智维 behaviour).
func (s *Services) CreateLocalAccountsForUnbound(ctx context.Context, corpID int64, actor string) (int, error) {
	members, err := s.Review.UnboundMembersToCreate(ctx, corpID)
	if err != nil || len(members) == 0 {
		return 0, err
	}
	var buf bytes.Buffer
	w := tabular.NewCSVWriter(&buf) // the directory import reads it like an export
	w.Write([]string{"account", "name", "mobile", "email", "position", "department"})
	for _, m := range members {
		paths := make([]string, 0, len(m.DeptPaths))
		for _, p := range m.DeptPaths {
			paths = append(paths, strings.Join(p, "/"))
		}
		w.Write([]string{m.Account, m.Name, m.Mobile, m.Email, m.Position, strings.Join(paths, ";")})
	}
	if err := w.Flush(); err != nil {
		return 0, err
	}
	prev, err := s.Directory.Preview(ctx, buf.Bytes(), directory.ImportOptions{FileName: "wecom-members.csv"})
	if err != nil {
		return 0, err
	}
	if len(prev.Rejected) > 0 {
		r := prev.Rejected[0]
		return 0, usererr.New("members_rejected", usererr.Args{"count": len(prev.Rejected), "line": r.Line, "account": r.Account, "problem": r.Problems[0].Message})
	}
	if _, err := s.Directory.Apply(ctx, prev.ID, prev.ResignCount); err != nil {
		return 0, err
	}
	if _, err := s.Rematch(ctx, corpID, actor); err != nil {
		return 0, err
	}
	for _, m := range members {
		if err := s.Review.BindManual(ctx, corpID, m.Account, m.UserID, actor, false); err != nil {
			return 0, fmt.Errorf("bind %s to %s: %w", m.Account, m.UserID, err)
		}
	}
	return len(members), nil
}

// ExportBindings writes the corp's review rows (filtered) as CSV or XLSX.
func (s *Services) ExportBindings(ctx context.Context, corpID int64, format string, q review.Query) (*transfer.FileExport, error) {
	return s.Transfer.CreateExport(fmt.Sprintf("bindings-%d", corpID), format, func(w io.Writer) error {
		return s.Review.Export(ctx, corpID, w, format, q, s.uiLanguage(ctx))
	})
}

// PreviewBindingImport reads an uploaded bindings file (关联导入) keyed by keyField.
func (s *Services) PreviewBindingImport(ctx context.Context, corpID int64, uploadID, fileName, keyField string) (review.ImportPreview, error) {
	data, err := s.Transfer.TakeUpload(uploadID)
	if err != nil {
		return review.ImportPreview{}, err
	}
	format := "csv"
	if strings.HasSuffix(strings.ToLower(fileName), ".xlsx") {
		format = "xlsx"
	}
	return s.Review.PreviewImport(ctx, corpID, bytes.NewReader(data), format, keyField)
}

// resolveCorpID is the CLI's `--corp NAME` resolver.
func (s *Services) resolveCorpID(ctx context.Context, name string) (int64, error) {
	c, err := s.Corps.Find(ctx, name)
	if err != nil {
		return 0, err
	}
	return c.ID, nil
}

// RunBindingsCLI implements `wecom-bridge bindings --corp NAME --json [--state S]`.
func (s *Services) RunBindingsCLI(ctx context.Context, args []string, stdout io.Writer) error {
	return review.RunCLI(ctx, s.Review, s.resolveCorpID, args, stdout)
}
