package mirror

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"wecom-bridge/backend/actor"
	"wecom-bridge/backend/events"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// cliProgressEvery spaces the CLI's progress lines; a terminal needs fewer than the UI.
const cliProgressEvery = time.Second

// RunPullCLI runs `wecom-bridge pull --corp NAME`: one pull, progress lines,
// then the counts and any failed departments with errcode and fix. It
// returns an error (exit 1) when the pull failed, was partial or was
// cancelled; -h prints the usage and returns nil. resolve finds the corp by
// the name the admin gave it and builds its client and the credential to
// read contacts with: the app --app names (its AgentId), or 0 for the
// corp's first app.
func RunPullCLI(ctx context.Context, svc *Service, resolve func(ctx context.Context, corpName string, agentID int64) (corpID int64, client *wecom.Client, cred wecom.Credential, err error), args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("pull", flag.ContinueOnError)
	fs.SetOutput(stdout)
	corp := fs.String("corp", "", "name of the corp to pull (as shown in the app)")
	app := fs.Int64("app", 0, "AgentId of the app to pull through (its visible scope); default the corp's first app")
	by := fs.String("by", actor.Of("cli"), "who started the pull, for the history")
	fs.Usage = func() {
		fmt.Fprintln(stdout, "usage: wecom-bridge pull --corp NAME [--app AGENTID] [--by WHO]")
		fmt.Fprintln(stdout, "Pulls the corp's WeCom departments and members into the local mirror.")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("pull: unexpected argument %q; usage: wecom-bridge pull --corp NAME", fs.Arg(0))
	}
	name := strings.TrimSpace(*corp)
	if name == "" {
		return errors.New("pull: --corp NAME is required (the corp's name as shown in the app)")
	}
	if *app < 0 {
		return fmt.Errorf("pull: --app %d is not an AgentId; give the app's AgentId as shown in Setup", *app)
	}
	corpID, client, cred, err := resolve(ctx, name, *app)
	if err != nil {
		return fmt.Errorf("pull: corp %q: %w", name, err)
	}
	fmt.Fprintf(stdout, "pulling WeCom contacts of %s with %s\n", name, cred)

	var last time.Time
	printProgress := func(p events.Progress) {
		if p.Final || p.Total == 0 {
			return
		}
		now := time.Now()
		if p.Done < p.Total && p.Phase == "departments" && now.Sub(last) < cliProgressEvery {
			return
		}
		last = now
		fmt.Fprintf(stdout, "  %s %d/%d\n", p.Phase, p.Done, p.Total)
	}
	run, err := svc.pull(ctx, corpID, client, cred, TriggerManual, *by, printProgress)
	if run == nil {
		return fmt.Errorf("pull: %w", err)
	}
	printRun(stdout, run)
	switch run.Status {
	case StatusOK:
		return nil
	case StatusCancelled:
		return usererr.FromMessage(*run.Error)
	default:
		return fmt.Errorf("pull: %s", firstLine(err))
	}
}

func printRun(w io.Writer, r *Run) {
	secs := float64(r.DurationMS) / 1000
	switch r.Status {
	case StatusOK:
		fmt.Fprintf(w, "ok: %d departments, %d members, %d API calls, %.1f s (run %d)\n",
			r.Departments, r.Users, r.APICalls, secs, r.ID)
	case StatusPartial:
		fmt.Fprintf(w, "partial: read %d of %d departments (%d members), %d API calls, %.1f s (run %d); nothing saved\n",
			r.Departments-len(r.FailedDepartments), r.Departments, r.Users, r.APICalls, secs, r.ID)
	default: // the returned error carries the reason
		fmt.Fprintf(w, "%s after %.1f s (run %d); the previous mirror is kept\n", r.Status, secs, r.ID)
	}
	if r.PrivacyRestricted {
		fmt.Fprintln(w, "note: WeCom withheld mobile and email from this app (created after 2022-06-20); "+
			"the match asks WeCom who owns the local accounts' mobiles and emails, the other accounts can only match by userid and name. "+
			"Use the 通讯录同步 secret or an older app to get them.")
	}
	if len(r.FailedDepartments) > 0 {
		fmt.Fprintf(w, "failed departments (%d):\n", len(r.FailedDepartments))
		for _, f := range r.FailedDepartments {
			fmt.Fprintf(w, "  %s (id %d): errcode %d %s\n", f.Name, f.ID, f.Errcode, f.Errmsg)
			if !f.Fix.IsZero() {
				fmt.Fprintf(w, "    fix: %s\n", usererr.TerminalText(f.Fix))
			}
		}
	}
	if r.Status == StatusPartial {
		fmt.Fprintln(w, "the previous mirror is kept unchanged; fix the departments above, then pull again")
	}
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}
