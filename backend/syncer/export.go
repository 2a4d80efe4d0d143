package syncer

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Export formats.
const (
	FormatJSON = "json"
	FormatXLSX = "xlsx"
)

// exportChunk bounds the operations held in memory while exporting.
const exportChunk = 5000

// ExportPlan writes a plan (a preview) with all its operations as JSON or XLSX.
func (s *Service) ExportPlan(ctx context.Context, planID int64, w io.Writer, format string) error {
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
	return s.export(ctx, plan, run, w, format)
}

// Report writes a run's report (同步记录): the plan, the run's counts and
// every operation with its journal state, errcode and fix, as JSON or XLSX.
func (s *Service) Report(ctx context.Context, runID int64, w io.Writer, format string) error {
	run, err := s.GetRun(ctx, runID)
	if err != nil {
		return err
	}
	plan, err := s.GetPlan(ctx, run.PlanID)
	if err != nil {
		return err
	}
	return s.export(ctx, plan, run, w, format)
}

func (s *Service) export(ctx context.Context, plan *Plan, run *Run, w io.Writer, format string) error {
	switch strings.ToLower(format) {
	case FormatJSON:
		return s.exportJSON(ctx, plan, run, w)
	case FormatXLSX:
		return s.exportXLSX(ctx, plan, run, w)
	}
	return fmt.Errorf("export format %q: use json or xlsx", format)
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

var opSheetHeader = []any{"# 序号", "类型 Type", "对象 Target", "部门 Department", "原因", "Reason", "详情 Detail",
	"变更前 Before", "变更后 After", "状态 State", "错误码 Errcode", "错误信息 Error", "处理建议", "Fix", "备注 Note"}

func (s *Service) exportXLSX(ctx context.Context, plan *Plan, run *Run, w io.Writer) error {
	f := excelize.NewFile()
	defer f.Close()
	const summary, opsSheet, warnSheet = "概要 Summary", "操作 Operations", "警告 Warnings"
	f.SetSheetName("Sheet1", summary)
	for _, name := range []string{opsSheet, warnSheet} {
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	rows := [][]any{
		{"计划 Plan", plan.ID}, {"企业 Corp", plan.CorpID}, {"方向 Direction", string(plan.Direction)},
		{"状态 Status", plan.Status}, {"创建 Created", plan.CreatedAt.Format("2006-01-02 15:04:05")},
		{"发起人 By", plan.CreatedBy}, {"方式 Trigger", string(plan.Trigger)}, {"指纹 Fingerprint", plan.Fingerprint},
		{"拦截 Blocked", plan.Blocked}, {"禁止执行 Hard blocked", plan.HardBlocked}, {"操作数 Operations", plan.Summary.Total},
		{"移除数 Removals", plan.Summary.Removals}, {"同步后用户数 Users after", plan.Summary.UsersAfter},
	}
	for _, r := range plan.Reasons {
		rows = append(rows, []any{"拦截原因 Block reason", r.ZH, r.EN})
	}
	if plan.Stop != nil {
		rows = append(rows, []any{"中止 Stopped", plan.Stop.ZH, plan.Stop.EN})
	}
	for _, t := range AllOpTypes {
		if n := plan.Summary.Counts[t]; n > 0 {
			rows = append(rows, []any{string(t), n})
		}
	}
	if run != nil {
		rows = append(rows, []any{"执行 Run", run.ID}, []any{"执行状态 Run status", run.Status},
			[]any{"执行人 Started by", run.StartedBy}, []any{"开始 Started", run.StartedAt.Format("2006-01-02 15:04:05")},
			[]any{"耗时(秒) Duration (s)", float64(run.DurationMS) / 1000}, []any{"完成 Done", run.Done},
			[]any{"失败 Failed", run.Failed}, []any{"错误 Error", run.Error})
	}
	if err := writeRows(f, summary, rows); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(opsSheet)
	if err != nil {
		return err
	}
	if err := sw.SetRow("A1", opSheetHeader); err != nil {
		return err
	}
	row := 1
	err = s.eachOp(ctx, plan.ID, func(op *Op) error {
		row++
		cell, _ := excelize.CoordinatesToCellName(1, row)
		return sw.SetRow(cell, []any{op.Seq, string(op.Type), op.Target, op.Path, op.Why.ZH, op.Why.EN, op.Detail,
			valuesJSON(op.Before), valuesJSON(op.After), op.State, op.Errcode, op.Errmsg, msgColumn(op.Fix), "", msgColumn(op.Note)})
	})
	if err != nil {
		return err
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	warns := [][]any{{"代码 Code", "对象 Subject", "说明", "Description"}}
	for _, w := range plan.Warnings {
		warns = append(warns, []any{w.Code, w.Subject, w.ZH, w.EN})
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
