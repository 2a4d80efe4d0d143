package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
	"wecom-bridge/backend/usererr"
)

// Export formats.
const (
	FormatJSON = "json"
	FormatXLSX = "xlsx"
)

// exportChunk bounds the operations held in memory while exporting.
const exportChunk = 5000

// ExportPlan writes a plan (a preview) with all its operations as JSON or
// XLSX; an XLSX is in lang, the UI language ("en" or Chinese).
func (s *Service) ExportPlan(ctx context.Context, planID int64, w io.Writer, format, lang string) error {
	plan, err := s.GetPlan(ctx, planID)
	if err != nil {
		return err
	}
	var run *Run
	if plan.RunID != 0 {
		if run, err = s.GetRun(ctx, plan.RunID); err != nil {
			return err
		}
	}
	return s.export(ctx, plan, run, w, format, lang)
}

// Report writes a run's report (同步记录): the plan, the run's counts and
// every operation with its journal state, errcode and fix, as JSON or XLSX
// (an XLSX in lang).
func (s *Service) Report(ctx context.Context, runID int64, w io.Writer, format, lang string) error {
	run, err := s.GetRun(ctx, runID)
	if err != nil {
		return err
	}
	plan, err := s.GetPlan(ctx, run.PlanID)
	if err != nil {
		return err
	}
	return s.export(ctx, plan, run, w, format, lang)
}

func (s *Service) export(ctx context.Context, plan *Plan, run *Run, w io.Writer, format, lang string) error {
	switch strings.ToLower(format) {
	case FormatJSON:
		return s.exportJSON(ctx, plan, run, w)
	case FormatXLSX:
		return s.exportXLSX(ctx, plan, run, w, lang)
	}
	return usererr.New("export_format", usererr.Args{"format": format})
}

// eachOp calls fn for the plan's operations in order, a chunk at a time.
func (s *Service) eachOp(ctx context.Context, planID int64, fn func(*Op) error) error {
	for from := 0; ; from += exportChunk {
		ops, err := s.queryOps(ctx, `SELECT `+opColumns+` FROM sync_ops WHERE id > ? AND id <= ? ORDER BY id`,
			opLo(planID)-1+int64(from), min(opLo(planID)-1+int64(from+exportChunk), opHi(planID)))
		if err != nil {
			return fmt.Errorf("read operations of plan %d: %w", planID, err)
		}
		if len(ops) == 0 {
			return nil
		}
		for _, op := range ops {
			if err := fn(op); err != nil {
				return err
			}
		}
	}
}

// exportJSON streams {"plan", "run", "operations": [...]}.
func (s *Service) exportJSON(ctx context.Context, plan *Plan, run *Run, w io.Writer) error {
	head, err := json.Marshal(struct {
		Plan *Plan `json:"plan"`
		Run  *Run  `json:"run"`
	}{plan, run})
	if err != nil {
		return err
	}
	if _, err := io.WriteString(w, string(head[:len(head)-1])+`,"operations":[`); err != nil {
		return err
	}
	first := true
	err = s.eachOp(ctx, plan.ID, func(op *Op) error {
		b, err := json.Marshal(op)
		if err != nil {
			return err
		}
		if !first {
			b = append([]byte{',', '\n'}, b...)
		}
		first = false
		_, err = w.Write(b)
		return err
	})
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, "]}\n")
	return err
}

// opSheetColumns are the operations sheet's columns (catalogue sync_xlsx_col_*).
var opSheetColumns = []string{"seq", "type", "target", "department", "reason", "before", "after", "state", "errcode", "error", "fix", "note"}

func (s *Service) exportXLSX(ctx context.Context, plan *Plan, run *Run, w io.Writer, lang string) error {
	words := exportWords{lang}
	f := excelize.NewFile()
	defer f.Close()
	summary, opsSheet, warnSheet := words.say("sync_xlsx_summary", nil), words.say("sync_xlsx_operations", nil), words.say("sync_xlsx_warnings", nil)
	f.SetSheetName("Sheet1", summary)
	for _, name := range []string{opsSheet, warnSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	row := func(code string, value any) []any { return []any{words.say("sync_xlsx_"+code, nil), value} }
	rows := [][]any{
		row("plan", plan.ID), row("corp", plan.CorpID), row("direction", words.word("sync_direction_"+string(plan.Direction), string(plan.Direction))),
		row("status", words.word("sync_plan_status_"+plan.Status, plan.Status)), row("created", plan.CreatedAt.Format("2006-01-02 15:04")),
		row("by", plan.CreatedBy), row("trigger", words.trigger(plan.Trigger)), row("fingerprint", plan.Fingerprint),
		row("blocked", words.yesNo(plan.Blocked)), row("hard_blocked", words.yesNo(plan.HardBlocked)), row("op_count", plan.Summary.Total),
		row("removals", plan.Summary.Removals), row("users_after", plan.Summary.UsersAfter),
	}
	for _, r := range plan.Reasons {
		rows = append(rows, row("block_reason", r.In(lang)))
	}
	if plan.Stop != nil {
		rows = append(rows, row("stopped", plan.Stop.In(lang)))
	}
	for _, t := range AllOpTypes {
		if n := plan.Summary.Counts[t]; n > 0 {
			rows = append(rows, []any{words.opType(t), n})
		}
	}
	if run != nil {
		rows = append(rows, row("run", run.ID), row("run_status", words.word("sync_run_status_"+run.Status, run.Status)),
			row("started_by", run.StartedBy), row("started", run.StartedAt.Format("2006-01-02 15:04")),
			row("duration", float64(run.DurationMS)/1000), row("done", run.Done),
			row("failed", run.Failed), row("error", words.text(run.Error)))
	}
	if err := writeRows(f, summary, rows); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(opsSheet)
	if err != nil {
		return err
	}
	header := make([]any, len(opSheetColumns))
	for i, c := range opSheetColumns {
		header[i] = words.say("sync_xlsx_col_"+c, nil)
	}
	if err := sw.SetRow("A1", header); err != nil {
		return err
	}
	n := 1
	err = s.eachOp(ctx, plan.ID, func(op *Op) error {
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n)
		errcode := any("")
		if op.Errcode != 0 {
			errcode = op.Errcode
		}
		return sw.SetRow(cell, []any{op.Seq, words.opType(op.Type), op.Target, op.Path, op.Why.In(lang),
			words.values(op.Before), words.values(op.After), words.state(op.State), errcode, op.Errmsg, words.text(op.Fix), words.text(op.Note)})
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	warns := [][]any{{words.say("sync_xlsx_col_kind", nil), words.say("sync_xlsx_col_subject", nil), words.say("sync_xlsx_col_description", nil)}}
	for _, w := range plan.Warnings {
		warns = append(warns, []any{w.Code, w.Subject, w.In(lang)})
	}
	if err := writeRows(f, warnSheet, warns); err != nil {
		return err
	}
	return f.Write(w)
}

func writeRows(f *excelize.File, sheet string, rows [][]any) error {
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			return err
		}
	}
	return nil
}
