package review

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"wecom-bridge/backend/binding"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// Key fields an import file may identify the local account by.
var importKeyFields = []string{"account", "employee_no", "mobile", "email"}

// ImportPreview is what a binding file would do, persisted so ApplyImport
// binds exactly these pairs.
type ImportPreview struct {
	ID       int64          `json:"id"`
	CorpID   int64          `json:"corpId"`
	KeyField string         `json:"keyField"`
	Format   string         `json:"format"`
	ToBind   []ImportPair   `json:"toBind"`
	Rejected []ImportReject `json:"rejected"`
	// Unchanged counts lines whose pair is already confirmed; Skipped counts
	// lines with only one side filled in (an exported unbound row).
	Unchanged int `json:"unchanged"`
	Skipped   int `json:"skipped"`
}

// ImportPair is a line that will be bound.
type ImportPair struct {
	Line      int    `json:"line"`
	Key       string `json:"key"` // the key value as written
	Account   string `json:"account"`
	UserID    string `json:"userid"`
	LocalName string `json:"localName"`
	WeComName string `json:"wecomName"`
	Replaces  string `json:"replaces,omitempty"` // a proposal it replaces, e.g. "u1 ↔ wx2 (name)"
}

// ImportReject is a line that will not be bound, and why: Reason in English,
// ReasonCode and ReasonArgs for the screen to translate (reason.go; empty in
// previews stored before codes).
type ImportReject struct {
	Line       int               `json:"line"`
	Key        string            `json:"key"`
	UserID     string            `json:"userid"`
	Reason     string            `json:"reason"`
	ReasonCode string            `json:"reason_code,omitempty"`
	ReasonArgs map[string]string `json:"reason_args"`
}

// refusal is why an import line is refused.
type refusal struct {
	text, code string
	args       map[string]string
}

func refuse(text, code string, kv ...string) *refusal {
	args := make(map[string]string, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i]] = kv[i+1]
	}
	return &refusal{text: text, code: code, args: args}
}

func (f *refusal) reject(line int, key, uid string) ImportReject {
	return ImportReject{Line: line, Key: key, UserID: uid, Reason: f.text, ReasonCode: f.code, ReasonArgs: f.args}
}

// PreviewImport reads a binding file (云桥 关联导入): an exported file in which
// the admin has written, for each WeCom member to bind, the local account's
// keyField ("account", "employee_no", "mobile" or "email") in the key column.
// Nothing is bound yet; the preview is stored for ApplyImport.
func (s *Service) PreviewImport(ctx context.Context, corpID int64, r io.Reader, format, keyField string) (ImportPreview, error) {
	if _, ok := keyHeaders[keyField]; !ok {
		return ImportPreview{}, invalidMsg("review_bad_key_field", usererr.Args{"value": keyField, "choices": strings.Join(importKeyFields, ", ")})
	}
	header, lines, err := readImportFile(r, format)
	if err != nil {
		return ImportPreview{}, err
	}
	keyCol, uidCol, err := importColumns(header, keyField)
	if err != nil {
		return ImportPreview{}, err
	}
	if err := store.CheckCorp(ctx, s.st.DB, corpID); err != nil {
		return ImportPreview{}, err
	}
	// The version first: data read after it is at least as new, so a change
	// in between only makes the preview refuse to apply, never apply stale.
	ver, err := version(ctx, s.st.DB, corpID)
	if err != nil {
		return ImportPreview{}, err
	}
	idx, err := s.loadImportIndex(ctx, corpID, keyField)
	if err != nil {
		return ImportPreview{}, err
	}
	p := ImportPreview{CorpID: corpID, KeyField: keyField, Format: format, ToBind: []ImportPair{}, Rejected: []ImportReject{}}
	for _, fr := range lines {
		key, uid := cell(fr.Cells, keyCol), cell(fr.Cells, uidCol)
		if key == "" || uid == "" {
			p.Skipped++
			continue
		}
		pair, unchanged, why := idx.resolve(keyField, key, uid)
		switch {
		case why != nil:
			p.Rejected = append(p.Rejected, why.reject(fr.Line, key, uid))
		case unchanged:
			p.Unchanged++
		default:
			pair.Line = fr.Line
			p.ToBind = append(p.ToBind, pair)
		}
	}
	p.ToBind, p.Rejected = rejectDuplicates(p.ToBind, p.Rejected)
	plan, err := json.Marshal(p)
	if err != nil {
		return ImportPreview{}, err
	}
	res, err := s.st.DB.ExecContext(ctx, `INSERT INTO bind_import_previews(corp_id, key_field, format, version,
		to_bind, rejected, plan) VALUES(?,?,?,?,?,?,?)`, corpID, keyField, format, ver, len(p.ToBind), len(p.Rejected), string(plan))
	if err != nil {
		return ImportPreview{}, err
	}
	p.ID, err = res.LastInsertId()
	return p, err
}

// ApplyImport binds exactly the pairs of a preview (method import,
// confirmed, each audited). It is refused once the corp's bindings have
// changed since the preview (a rematch or any edit): preview again.
func (s *Service) ApplyImport(ctx context.Context, previewID int64, actor string) (int, error) {
	var corpID int64
	err := s.st.DB.GetContext(ctx, &corpID, `SELECT corp_id FROM bind_import_previews WHERE id = ?`, previewID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("import preview %d: %w; preview the file again", previewID, ErrNotFound)
	}
	if err != nil {
		return 0, err
	}
	n := 0
	err = s.edit(ctx, corpID, actor, func(o *txOps) error {
		var pv struct {
			Version   int64      `db:"version"`
			Status    string     `db:"status"`
			Plan      string     `db:"plan"`
			AppliedAt store.Time `db:"applied_at"`
			AppliedBy string     `db:"applied_by"`
		}
		if err := o.tx.GetContext(ctx, &pv, `SELECT version, status, plan, applied_at, applied_by
			FROM bind_import_previews WHERE id = ?`, previewID); err != nil {
			return err
		}
		if pv.Status == "applied" {
			return invalidMsg("binding_import_applied", usererr.Args{"preview": previewID, "actor": pv.AppliedBy, "at": pv.AppliedAt.String()})
		}
		cur, err := version(ctx, o.tx, corpID)
		if err != nil {
			return err
		}
		if cur != pv.Version {
			return ErrStale
		}
		var p ImportPreview
		if err := json.Unmarshal([]byte(pv.Plan), &p); err != nil {
			return fmt.Errorf("import preview %d is unreadable (%v); preview the file again", previewID, err)
		}
		for _, pair := range p.ToBind {
			err := o.bindPair(pair.Account, pair.UserID, pairSpec{
				method: string(binding.MethodImport), action: ActionImport,
				reason: newReason(fmt.Sprintf("imported by %s (line %d)", actor, pair.Line), ReasonImportedBy,
					"actor", actor, "line", strconv.Itoa(pair.Line)),
				note: noteMsg("import_line", usererr.Args{"preview": previewID, "line": pair.Line}),
			})
			if err != nil {
				return fmt.Errorf("line %d (%s ↔ %s): %w", pair.Line, pair.Account, pair.UserID, err)
			}
			n++
		}
		_, err = o.tx.ExecContext(ctx, `UPDATE bind_import_previews SET status = 'applied',
			applied_at = ?, applied_by = ? WHERE id = ?`, store.TimeOf(time.Now()), actor, previewID)
		return err
	})
	if err != nil {
		return 0, err
	}
	return n, nil
}

// rejectDuplicates refuses lines that name an account or a userid another
// line also names. Exact repeats keep their first line; conflicting lines
// (one account, two userids) are all refused: the file does not say which
// one is meant.
func rejectDuplicates(pairs []ImportPair, rejected []ImportReject) ([]ImportPair, []ImportReject) {
	firstA, firstU := map[string]int{}, map[string]int{}
	conflict := map[int]*refusal{}
	for i, p := range pairs {
		for _, k := range []struct {
			m            map[string]int
			key          string
			field, value string
		}{{firstA, foldKey(p.Account), "account", p.Account}, {firstU, foldKey(p.UserID), "userid", p.UserID}} {
			j, seen := k.m[k.key]
			if !seen {
				k.m[k.key] = i
				continue
			}
			q := pairs[j]
			if foldKey(q.Account) == foldKey(p.Account) && foldKey(q.UserID) == foldKey(p.UserID) {
				if _, ok := conflict[i]; !ok {
					conflict[i] = refuse(fmt.Sprintf("duplicate of line %d; delete one of the two lines", q.Line),
						RejectDuplicateLine, "line", strconv.Itoa(q.Line))
				}
				continue
			}
			clash := func(line int) *refusal {
				return refuse(fmt.Sprintf("duplicate in file: %s %s is also on line %d with another counterpart; keep one line",
					k.field, k.value, line), RejectConflict, "field", k.field, "value", k.value, "line", strconv.Itoa(line))
			}
			conflict[i], conflict[j] = clash(q.Line), clash(p.Line)
		}
	}
	kept := pairs[:0:0]
	for i, p := range pairs {
		if why, bad := conflict[i]; bad {
			rejected = append(rejected, why.reject(p.Line, p.Key, p.UserID))
			continue
		}
		kept = append(kept, p)
	}
	sortRejects(rejected)
	return kept, rejected
}

// DeleteImportPreviewsBefore deletes the binding-import previews made before
// a time (housekeeping; applied ones are in the audit log). The newest is
// kept, so a preview id is never given out twice.
func (s *Service) DeleteImportPreviewsBefore(ctx context.Context, before time.Time) (int64, error) {
	res, err := s.st.DB.ExecContext(ctx, `DELETE FROM bind_import_previews WHERE created_at < ?
		AND id < (SELECT MAX(id) FROM bind_import_previews)`, store.TimeOf(before))
	if err != nil {
		return 0, fmt.Errorf("delete old binding-import previews: %w", err)
	}
	return res.RowsAffected()
}
