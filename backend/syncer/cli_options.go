package syncer

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"wecom-bridge/backend/usererr"
)

// listFlag collects a repeatable flag; given at all, it replaces the saved
// list, and a single empty value clears it.
type listFlag struct {
	vals []string
	set  bool
}

func (l *listFlag) String() string { return strings.Join(l.vals, ",") }
func (l *listFlag) Set(v string) error {
	l.set = true
	if v = strings.TrimSpace(v); v != "" {
		l.vals = append(l.vals, v)
	}
	return nil
}

func cliOptions(ctx context.Context, svc *Service, deps CLIDeps, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("sync options", flag.ContinueOnError)
	fs.SetOutput(stdout)
	corp := fs.String("corp", "", "corp name as shown in the app")
	dir := fs.String("direction", "", "from-wecom or to-wecom")
	show := fs.Bool("show", false, "print the settings (after any change) as JSON")
	top := fs.Int64("top-department", 0, "WeCom department id the local tree mounts under (0: none)")
	leavers := fs.String("leavers", "", "disable or delete")
	deleteAfter := fs.Int("delete-after-days", 0, "delete members this sync disabled at least N days ago (0: never)")
	disabledDept := fs.String("disabled-dept", "", `move disabled members into this department ("" turns it off)`)
	count := fs.Int("threshold-count", 0, "block when removals exceed N (0: off)")
	percent := fs.Float64("threshold-percent", 0, "block when removals exceed P% of the target's users (0: off)")
	drop := fs.Int("user-drop", 0, "block when the target's users drop by more than N since the last run (0: off)")
	maxCreates := fs.Int("max-creates", 0, "block when the plan creates more than N members (0: off; default 200)")
	growth := fs.Float64("max-growth-percent", 0, "block when the target's active users grow by more than P% (0: off; default 50)")
	keyMatches := fs.Bool("manage-key-matches", false, "also manage key matches (userid, employee number, mobile, email) that await confirmation")
	refresh := fs.Int("refresh-minutes", DefaultRefreshMinutes, "a preview pulls WeCom first when the mirror is older (0: always)")
	createUsers := fs.Bool("create-users", true, "create WeCom members for new accounts")
	invite := fs.Bool("invite", false, "send WeCom's invitation to created members")
	partTime := fs.Bool("part-time", false, "sync all departments of an account, not only the main one")
	authority := fs.Bool("dept-authority", true, "the local directory alone decides a member's departments")
	createAccounts := fs.Bool("create-accounts", false, "from-wecom: create local accounts for unbound members")
	resign := fs.Bool("resign-leavers", false, "from-wecom: resign accounts whose member left or was disabled")
	syncDepts := fs.Bool("sync-departments", false, "from-wecom: mirror the WeCom department tree locally")
	cronSpec := fs.String("cron", "", `schedule, e.g. "0 2 * * *" or @every 6h ("" turns it off)`)
	forceCron := fs.String("force-cron", "", "schedule of the forced full sync")
	autoApply := fs.Bool("auto-apply", true, "apply scheduled and callback plans on their own when safe (false: keep them as previews)")
	var inclDept, inclUser, exclUser, fields, notify listFlag
	fs.Var(&notify, "notify", "WeCom userid of an admin told when a scheduled sync waits for review (repeatable)")
	fs.Var(&inclDept, "include-dept", "department path in scope, e.g. 总部/研发部 (repeatable)")
	fs.Var(&inclUser, "include-user", "account in scope (repeatable)")
	fs.Var(&exclUser, "exclude-user", "account out of scope; beats inclusion (repeatable)")
	fs.Var(&fields, "map", "field mapping local=wecom, e.g. employee_no=alias (repeatable; replaces the mapping)")
	if _, err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	corpID, d, err := corpAndDirection(ctx, deps, *corp, *dir)
	if err != nil {
		return fmt.Errorf("sync options: %w", err)
	}
	o, err := svc.GetOptions(ctx, corpID, d)
	if err != nil {
		return err
	}
	changed := false
	var ferr error
	fs.Visit(func(f *flag.Flag) {
		changed = changed || f.Name != "show" && f.Name != "corp" && f.Name != "direction"
		switch f.Name {
		case "top-department":
			o.TopDepartment = *top
		case "leavers":
			o.Leavers = *leavers
		case "delete-after-days":
			o.DeleteAfterDays = *deleteAfter
		case "disabled-dept":
			o.MoveDisabled = strings.TrimSpace(*disabledDept) != ""
			if o.MoveDisabled {
				o.DisabledDept = *disabledDept
			}
		case "threshold-count":
			o.Safety.MaxRemovals = *count
		case "threshold-percent":
			o.Safety.MaxRemovalPercent = *percent
		case "user-drop":
			o.Safety.MaxUserDrop = *drop
		case "max-creates":
			o.Safety.MaxCreates = *maxCreates
		case "max-growth-percent":
			o.Safety.MaxGrowthPercent = *growth
		case "manage-key-matches":
			o.ManageKeyMatches = *keyMatches
		case "refresh-minutes":
			o.RefreshMinutes = *refresh
		case "create-users":
			o.CreateUsers = *createUsers
		case "invite":
			o.Invite = *invite
		case "part-time":
			o.IncludePartTime = *partTime
		case "dept-authority":
			o.DeptAuthority = *authority
		case "create-accounts":
			o.CreateAccounts = *createAccounts
		case "resign-leavers":
			o.ResignLeavers = *resign
		case "sync-departments":
			o.SyncDepartments = *syncDepts
		case "cron":
			o.Schedule.Cron = *cronSpec
		case "force-cron":
			o.Schedule.ForceCron = *forceCron
		case "notify":
			o.Schedule.Notify = notify.vals
		case "auto-apply":
			o.Schedule.AutoApply = *autoApply
		case "include-dept":
			o.Scope.Departments = inclDept.vals
		case "include-user":
			o.Scope.IncludeUsers = inclUser.vals
		case "exclude-user":
			o.Scope.ExcludeUsers = exclUser.vals
		case "map":
			o.Fields, ferr = parseMapping(fields.vals)
		}
	})
	if ferr != nil {
		return fmt.Errorf("sync options: %w", ferr)
	}
	if changed {
		if err := svc.SetOptions(ctx, corpID, d, o); err != nil {
			return err
		}
		if o, err = svc.GetOptions(ctx, corpID, d); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "saved the %s settings of %s\n", d, *corp)
	}
	if *show || !changed {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		enc.SetEscapeHTML(false)
		return enc.Encode(o)
	}
	return nil
}

func parseMapping(pairs []string) (FieldMapping, error) {
	m := FieldMapping{}
	for _, p := range pairs {
		l, r, ok := strings.Cut(p, "=")
		if !ok {
			return nil, fmt.Errorf("--map %q: write it as local=wecom, e.g. employee_no=alias", p)
		}
		m[strings.TrimSpace(l)] = strings.TrimSpace(r)
	}
	return m, nil
}

func cliHistory(ctx context.Context, svc *Service, deps CLIDeps, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("sync history", flag.ContinueOnError)
	fs.SetOutput(stdout)
	corp := fs.String("corp", "", "corp name as shown in the app")
	dir := fs.String("direction", "", "from-wecom or to-wecom (default both)")
	limit := fs.Int("limit", 20, "entries to show (at most 200)")
	if _, err := parseInterspersed(fs, args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	d := *dir
	if d == "" {
		d = string(ToWeCom) // only to resolve the corp; the query below uses *dir
	}
	corpID, _, err := corpAndDirection(ctx, deps, *corp, d)
	if err != nil {
		return fmt.Errorf("sync history: %w", err)
	}
	page, err := svc.Runs(ctx, corpID, HistoryQuery{Direction: Direction(*dir), Limit: *limit})
	if err != nil {
		return err
	}
	for _, e := range page.Entries {
		fmt.Fprintf(stdout, "plan %d run %d %s %s %s by %s (%s) at %s: %d ops, %d done, %d failed, %.1f s\n", e.PlanID, e.RunID,
			e.Direction, e.Kind, e.Status, e.StartedBy, e.Trigger, e.StartedAt.Local().Format("2006-01-02 15:04"),
			e.Total, e.Done, e.Failed, float64(e.DurationMS)/1000)
	}
	fmt.Fprintf(stdout, "%d of %d entries\n", len(page.Entries), page.Total)
	return nil
}

func cliReport(ctx context.Context, svc *Service, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("sync report", flag.ContinueOnError)
	fs.SetOutput(stdout)
	format := fs.String("format", FormatJSON, "json or xlsx")
	out := fs.String("out", "", "file to write (default: stdout for json)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	runID, err := oneID(pos, "sync report", "RUN_ID (see `wecom-bridge sync history`)")
	if err != nil {
		return err
	}
	if *out == "" {
		if *format == FormatXLSX {
			return errors.New("sync report: an xlsx report needs --out FILE")
		}
		return svc.Report(ctx, runID, stdout, *format, usererr.TerminalLanguage())
	}
	f, err := os.Create(*out)
	if err != nil {
		return err
	}
	if err := svc.Report(ctx, runID, f, *format, usererr.TerminalLanguage()); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote %s\n", *out)
	return nil
}
