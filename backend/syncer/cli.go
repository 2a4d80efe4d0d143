package syncer

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"wecom-bridge/backend/actor"
	"wecom-bridge/backend/usererr"
)

// CLIDeps are what the CLI needs from the rest of the app.
type CLIDeps struct {
	// ResolveCorp finds a corp by the name shown in the app.
	ResolveCorp func(ctx context.Context, name string) (corpID int64, err error)
	// Gather reads the inputs of a sync as they are now.
	Gather func(ctx context.Context, corpID int64, d Direction) (Inputs, error)
	// Targets builds the writers of an apply.
	Targets func(ctx context.Context, corpID int64, d Direction) (Targets, error)
	// Refresh pulls WeCom when the mirror is older than the direction's
	// RefreshMinutes (nil: never); `sync plan --no-pull` skips it.
	Refresh func(ctx context.Context, corpID int64, d Direction) error
}

const cliUsage = `usage:
  wecom-bridge sync plan    --corp NAME --direction from-wecom|to-wecom [--json] [--no-pull] [--by WHO]
  wecom-bridge sync apply   PLAN_ID [--confirm N] [--confirm-creates N] [--by WHO]
  wecom-bridge sync options --corp NAME --direction D [settings…] [--show]
  wecom-bridge sync history --corp NAME [--direction D] [--limit N]
  wecom-bridge sync report  RUN_ID [--format json|xlsx] [--out FILE]
See docs/sync.md.`

// RunCLI runs `wecom-bridge sync …`. It returns an error (exit 1) when the
// command failed, the plan stopped, or an apply left failed operations.
func RunCLI(ctx context.Context, svc *Service, deps CLIDeps, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintln(stdout, cliUsage)
		return nil
	}
	switch args[0] {
	case "plan":
		return cliPlan(ctx, svc, deps, args[1:], stdout)
	case "apply":
		return cliApply(ctx, svc, deps, args[1:], stdout)
	case "options":
		return cliOptions(ctx, svc, deps, args[1:], stdout)
	case "history":
		return cliHistory(ctx, svc, deps, args[1:], stdout)
	case "report":
		return cliReport(ctx, svc, args[1:], stdout)
	}
	return fmt.Errorf("sync: unknown command %q\n%s", args[0], cliUsage)
}

// parseInterspersed parses flags that may come before or after the
// positional arguments (flag.Parse stops at the first positional).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

func corpAndDirection(ctx context.Context, deps CLIDeps, corp, dir string) (int64, Direction, error) {
	d, err := ParseDirection(dir)
	if err != nil {
		return 0, "", err
	}
	if strings.TrimSpace(corp) == "" {
		return 0, "", errors.New("--corp NAME is required (the corp's name as shown in the app)")
	}
	id, err := deps.ResolveCorp(ctx, strings.TrimSpace(corp))
	if err != nil {
		return 0, "", fmt.Errorf("corp %q: %w", corp, err)
	}
	return id, d, nil
}

// cliPlanJSON is what `sync plan --json` prints.
type cliPlanJSON struct {
	ID          int64  `json:"id"`
	Status      string `json:"status"`
	Blocked     bool   `json:"blocked"`
	HardBlocked bool   `json:"hardBlocked"`
	// ConfirmRemovals / ConfirmCreates say which number `sync apply` needs.
	ConfirmRemovals bool          `json:"confirmRemovals"`
	ConfirmCreates  bool          `json:"confirmCreates"`
	Reasons         []Warning     `json:"reasons"`
	Summary         Summary       `json:"summary"`
	Warnings        []Warning     `json:"warnings"`
	Untouched       []PendingPair `json:"untouched"`
	WeComReadAt     *time.Time    `json:"wecomReadAt"`
	Scope           Scope         `json:"scope"`
	Stop            *StopError    `json:"stop,omitempty"`
	Operations      []*Op         `json:"operations"`
}

func cliPlan(ctx context.Context, svc *Service, deps CLIDeps, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("sync plan", flag.ContinueOnError)
	fs.SetOutput(stdout)
	corp := fs.String("corp", "", "corp name as shown in the app")
	dir := fs.String("direction", "", "from-wecom or to-wecom")
	asJSON := fs.Bool("json", false, "print the plan as JSON")
	noPull := fs.Bool("no-pull", false, "plan from the mirror as it is, without pulling WeCom first (for scripts that just pulled)")
	by := fs.String("by", actor.Of("cli"), "who previews, for the history")
	if _, err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	corpID, d, err := corpAndDirection(ctx, deps, *corp, *dir)
	if err != nil {
		return fmt.Errorf("sync plan: %w", err)
	}
	if deps.Refresh != nil && !*noPull {
		if err := deps.Refresh(ctx, corpID, d); err != nil {
			return fmt.Errorf("sync plan: refresh the WeCom mirror (or use --no-pull): %w", err)
		}
	}
	in, err := deps.Gather(ctx, corpID, d)
	if err != nil {
		return fmt.Errorf("sync plan: read the inputs: %w", err)
	}
	opt, err := svc.GetOptions(ctx, corpID, d)
	if err != nil {
		return err
	}
	plan, perr := svc.Plan(ctx, corpID, d, in, opt, *by, TriggerManual)
	if plan == nil {
		return fmt.Errorf("sync plan: %w", perr)
	}
	if *asJSON {
		out := cliPlanJSON{ID: plan.ID, Status: plan.Status, Blocked: plan.Blocked, HardBlocked: plan.HardBlocked,
			ConfirmRemovals: plan.ConfirmRemovals, ConfirmCreates: plan.ConfirmCreates, Reasons: nonNil(plan.Reasons),
			Summary: plan.Summary, Warnings: nonNil(plan.Warnings), Untouched: nonNil(plan.Untouched), Scope: plan.Options.Scope,
			Stop: plan.Stop, Operations: nonNil(plan.Ops)}
		if !plan.WeComReadAt.IsZero() {
			out.WeComReadAt = &plan.WeComReadAt
		}
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		printPlan(stdout, plan)
	}
	if perr != nil {
		return fmt.Errorf("sync plan: %w", perr)
	}
	return nil
}

// cliShownOps is how many operations the text output lists.
const cliShownOps = 50

func printPlan(w io.Writer, p *Plan) {
	if p.Stop != nil {
		fmt.Fprintf(w, "plan %d stopped: %s\n  %s\n", p.ID, p.Stop.EN, p.Stop.ZH)
		return
	}
	fmt.Fprintf(w, "plan %d (%s): %s\n", p.ID, p.Direction, p.Summary)
	fmt.Fprintf(w, "  scope: %s\n", p.Options.Scope.Describe())
	if !p.WeComReadAt.IsZero() {
		fmt.Fprintf(w, "  WeCom data read at %s\n", p.WeComReadAt.Local().Format("2006-01-02 15:04:05"))
	}
	if p.Summary.Untouched > 0 {
		fmt.Fprintf(w, "  %d review rows await a decision and were left alone (wecom-bridge bindings --state proposed|ambiguous)\n", p.Summary.Untouched)
	}
	for _, r := range p.Reasons {
		fmt.Fprintf(w, "  BLOCKED: %s\n           %s\n", r.EN, r.ZH)
	}
	for i, op := range p.Ops {
		if i == cliShownOps {
			fmt.Fprintf(w, "  … %d more (use --json, or export the plan)\n", len(p.Ops)-cliShownOps)
			break
		}
		fmt.Fprintf(w, "  #%d %s %s %s (%s)\n", op.Seq, op.Type, op.Target, op.Detail, usererr.TerminalText(op.Why))
	}
	if p.Summary.Warnings > 0 {
		fmt.Fprintf(w, "%d warnings, e.g.: %s\n", p.Summary.Warnings, p.Warnings[0].EN)
	}
	switch {
	case p.HardBlocked:
		fmt.Fprintln(w, "this plan cannot be applied; fix the source and preview again")
	case p.Blocked:
		cmd := fmt.Sprintf("wecom-bridge sync apply %d", p.ID)
		if p.ConfirmRemovals {
			cmd += fmt.Sprintf(" --confirm %d", p.Summary.Removals)
		}
		if p.ConfirmCreates {
			cmd += fmt.Sprintf(" --confirm-creates %d", p.Summary.Creates())
		}
		fmt.Fprintln(w, "apply with: "+cmd)
	case p.Summary.Total > 0:
		fmt.Fprintf(w, "apply with: wecom-bridge sync apply %d\n", p.ID)
	}
}

func cliApply(ctx context.Context, svc *Service, deps CLIDeps, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("sync apply", flag.ContinueOnError)
	fs.SetOutput(stdout)
	confirm := fs.Int("confirm", NoConfirm, "the plan's number of removals, to apply a plan the safety settings blocked")
	confirmCreates := fs.Int("confirm-creates", NoConfirm, "the plan's number of creates, to apply a plan the growth thresholds blocked")
	by := fs.String("by", actor.Of("cli"), "who applies, for the history")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	planID, err := oneID(pos, "sync apply", "PLAN_ID (from `wecom-bridge sync plan`)")
	if err != nil {
		return err
	}
	// A fresh process: runs left running by a killed one are interrupted.
	if _, err := svc.MarkInterrupted(ctx); err != nil {
		return err
	}
	plan, err := svc.GetPlan(ctx, planID)
	if err != nil {
		return fmt.Errorf("sync apply: %w", err)
	}
	targets, err := deps.Targets(ctx, plan.CorpID, plan.Direction)
	if err != nil {
		return fmt.Errorf("sync apply: %w", err)
	}
	stop := watchProgress(ctx, svc, planID, stdout)
	var run *Run
	if plan.RunID != 0 {
		prev, err := svc.GetRun(ctx, plan.RunID)
		if err != nil {
			stop()
			return err
		}
		if prev.Status == RunDone {
			stop()
			fmt.Fprintf(stdout, "plan %d was already applied by run %d: %d operations done\n", planID, prev.ID, prev.Done)
			return nil
		}
		fmt.Fprintf(stdout, "resuming run %d (%s, %d of %d done)\n", prev.ID, prev.Status, prev.Done, prev.Total)
		run, err = svc.Resume(ctx, prev.ID, targets)
	} else {
		var in Inputs
		if in, err = deps.Gather(ctx, plan.CorpID, plan.Direction); err != nil {
			stop()
			return fmt.Errorf("sync apply: read the inputs: %w", err)
		}
		run, err = svc.ApplyConfirmed(ctx, planID, in, targets, Confirm{Removals: *confirm, Creates: *confirmCreates}, *by)
	}
	stop()
	if run != nil {
		printRun(ctx, svc, stdout, run)
	}
	if err != nil {
		return fmt.Errorf("sync apply: %w", err)
	}
	return nil
}

// watchProgress prints the run's counts every two seconds until stopped.
func watchProgress(ctx context.Context, svc *Service, planID int64, w io.Writer) (stop func()) {
	quit, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(2 * time.Second)
		defer t.Stop()
		for {
			select {
			case <-quit:
				return
			case <-t.C:
				var c struct{ Done, Failed, Total int }
				if svc.db.QueryRowContext(ctx, `SELECT done, failed, total FROM sync_runs WHERE plan_id = ?`, planID).
					Scan(&c.Done, &c.Failed, &c.Total) == nil {
					fmt.Fprintf(w, "  %d/%d done, %d failed\n", c.Done, c.Total, c.Failed)
				}
			}
		}
	}()
	return func() { close(quit); <-done }
}

func printRun(ctx context.Context, svc *Service, w io.Writer, r *Run) {
	fmt.Fprintf(w, "run %d %s: %d/%d done, %d failed, %.1f s\n", r.ID, r.Status, r.Done, r.Total, r.Failed, float64(r.DurationMS)/1000)
	if rb := r.ReadBack; rb != nil {
		if rb.Error != "" {
			fmt.Fprintf(w, "read-back failed (the operations stay done, unchecked): %s\n", rb.Error)
		} else {
			fmt.Fprintf(w, "read-back: %d API calls, %d operations checked, %d not applied by WeCom, mirror drift %d\n",
				rb.APICalls, rb.Checked, rb.NotApplied, rb.Drift)
		}
		if rb.NotApplied > 0 {
			if page, err := svc.PlanOps(ctx, r.PlanID, OpQuery{State: StateNotApplied, Limit: 20}); err == nil {
				for _, op := range page.Ops {
					fmt.Fprintf(w, "  NOT APPLIED #%d %s %s: %s\n", op.Seq, op.Type, op.Target, op.Errmsg)
				}
			}
		}
	}
	if r.Failed == 0 {
		return
	}
	page, err := svc.PlanOps(ctx, r.PlanID, OpQuery{State: StateFailed, Limit: 20})
	if err != nil {
		return
	}
	for _, op := range page.Ops {
		fmt.Fprintf(w, "  FAILED #%d %s %s: errcode %d %s\n", op.Seq, op.Type, op.Target, op.Errcode, op.Errmsg)
		if op.Fix != nil {
			fmt.Fprintf(w, "    fix: %s\n", usererr.TerminalText(*op.Fix))
		}
	}
	if page.Total > len(page.Ops) {
		fmt.Fprintf(w, "  … %d more; see `wecom-bridge sync report %d`\n", page.Total-len(page.Ops), r.ID)
	}
	fmt.Fprintf(w, "fix the failures, then run `wecom-bridge sync apply %d` again to resume\n", r.PlanID)
}

// oneID reads the single numeric id a subcommand takes as its argument.
func oneID(pos []string, cmd, what string) (int64, error) {
	if len(pos) != 1 {
		return 0, fmt.Errorf("%s: give one %s", cmd, what)
	}
	id, err := strconv.ParseInt(pos[0], 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a number; give one %s", cmd, pos[0], what)
	}
	return id, nil
}
