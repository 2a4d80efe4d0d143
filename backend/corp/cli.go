package corp

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"wecom-bridge/backend/usererr"
)

const cliUsage = `usage: wecom-bridge [--data DIR] corp <command> [flags]

commands:
  add     --name NAME --corp-id ww… [--api-base URL] [--proxy URL] [--permission read|write]
          [--app NAME=AGENTID]… [--app-home AGENTID=URL]… [--generate-callback-keys] [--secrets-stdin]
          Secrets come from the environment or stdin, never from flags:
            WECOM_CONTACT_SECRET, WECOM_CUSTOMER_SECRET, WECOM_CALLBACK_TOKEN, WECOM_CALLBACK_AES_KEY,
            WECOM_APP_SECRET (one app) or WECOM_APP_SECRET_<AGENTID>,
            WECOM_APP_CALLBACK_TOKEN[_<AGENTID>], WECOM_APP_CALLBACK_AES_KEY[_<AGENTID>], WECOM_PROXY_URL
          Running add again for the same corp ID updates it; secrets not given are kept.
  list    [--json]
  check   [ID|CORPID|NAME] [--json]     (default: the active corp; exit status 1 when a step fails)
  remove  ID|CORPID|NAME [--confirm NAME] | --demo
See docs/cli-corp.md.
`

// RunCLI implements `wecom-bridge corp add|list|check|remove`. It returns an
// error (a non-zero exit) when a command fails, including a failed check.
func RunCLI(ctx context.Context, svc *Service, args []string, stdin io.Reader, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "corp" {
		args = args[1:]
	}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, cliUsage)
		if len(args) == 0 {
			return usererr.New("corp_cli_missing_command", nil)
		}
		return nil
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "add":
		return cliAdd(ctx, svc, rest, stdin, stdout, os.Getenv)
	case "list":
		return cliList(ctx, svc, rest, stdout)
	case "check":
		return cliCheck(ctx, svc, rest, stdout)
	case "remove":
		return cliRemove(ctx, svc, rest, stdin, stdout)
	}
	fmt.Fprint(stdout, cliUsage)
	return usererr.New("corp_cli_unknown_command", usererr.Args{"cmd": cmd})
}

// say prints a catalogue message in the terminal's language.
func say(out io.Writer, code string, args usererr.Args) {
	fmt.Fprintln(out, usererr.TerminalText(usererr.Msg(code, args)))
}

// term is m in the terminal's language.
func term(m usererr.Message) string { return usererr.TerminalText(m) }

// parseAll parses flags wherever they stand among positional arguments.
func parseAll(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		pos, args = append(pos, args[0]), args[1:]
	}
}

func newFlagSet(name string, out io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet("corp "+name, flag.ContinueOnError)
	fs.SetOutput(out)
	return fs
}

func cliList(ctx context.Context, svc *Service, args []string, out io.Writer) error {
	fs := newFlagSet("list", out)
	asJSON := fs.Bool("json", false, "print JSON (the same read model the UI gets)")
	if _, err := parseAll(fs, args); err != nil {
		return err
	}
	corps, err := svc.List(ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(corps)
	}
	if len(corps) == 0 {
		say(out, "corp_cli_none", nil)
		return nil
	}
	tw := tabwriter.NewWriter(out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tCORP ID\tACTIVE\tDEMO\tAPPS\tCONTACT SECRET\tPERMISSION\tAPI")
	for _, c := range corps {
		apps := make([]string, len(c.Apps))
		for i, a := range c.Apps {
			apps[i] = fmt.Sprintf("%s(%d %s)", a.Name, a.AgentID, maskOrDash(a.Secret))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", c.ID, c.Name, c.CorpID, yes(c.Active), yes(c.Demo),
			strings.Join(apps, ", "), maskOrDash(c.ContactSecret), c.ContactPermission, c.APIBaseURL)
	}
	tw.Flush()
	for _, c := range corps {
		if c.NeedsSecrets && c.NeedsSecretsMessage != nil {
			fmt.Fprintf(out, "\n! %s: %s\n", c.Name, term(*c.NeedsSecretsMessage))
		}
	}
	return nil
}

func maskOrDash(f SecretField) string {
	switch {
	case f.Unreadable:
		return "(unreadable)"
	case !f.HasSecret:
		return "-"
	}
	return f.SecretMask
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

func cliCheck(ctx context.Context, svc *Service, args []string, out io.Writer) error {
	fs := newFlagSet("check", out)
	asJSON := fs.Bool("json", false, "print the result as JSON")
	pos, err := parseAll(fs, args)
	if err != nil {
		return err
	}
	c, err := resolveCorp(ctx, svc, pos)
	if err != nil {
		return err
	}
	res, err := svc.Check(ctx, c.ID)
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res); err != nil {
			return err
		}
	} else {
		PrintCheck(out, res)
	}
	if !res.Passed {
		return usererr.New("corp_cli_check_failed", usererr.Args{"corp": res.CorpName, "n": res.Failed})
	}
	return nil
}

// PrintCheck writes a check result as text: ✓ / ✗ / – per step, its time,
// detail and, for failures, the errcode and fix.
func PrintCheck(out io.Writer, res *CheckResult) {
	say(out, "corp_cli_check_head", usererr.Args{"corp": res.CorpName})
	for _, st := range res.Steps {
		mark := "✓"
		switch st.Status {
		case StatusFailed:
			mark = "✗"
		case StatusSkipped, StatusNA:
			mark = "–"
		}
		fmt.Fprintf(out, "%s %s  (%d ms)\n", mark, term(st.Title), st.DurationMs)
		if !st.Detail.IsZero() {
			fmt.Fprintf(out, "    %s\n", term(st.Detail))
		}
		if st.Status == StatusFailed {
			if st.Errcode != 0 {
				fmt.Fprintf(out, "    errcode: %d (%s)\n", st.Errcode, st.API)
			}
			if st.Fix != nil {
				fmt.Fprintf(out, "    %s\n", term(usererr.Msg("corp_cli_fix", usererr.Args{"fix": *st.Fix})))
			}
		}
	}
	if res.Passed {
		say(out, "corp_cli_all_passed", usererr.Args{"ms": res.DurationMs})
	} else {
		say(out, "corp_cli_failed", usererr.Args{"n": res.Failed, "ms": res.DurationMs})
	}
}

func resolveCorp(ctx context.Context, svc *Service, pos []string) (*Corp, error) {
	switch len(pos) {
	case 0:
		c, err := svc.Active(ctx)
		if err == nil && c == nil {
			err = usererr.New("corp_cli_no_corp", nil)
		}
		return c, err
	case 1:
		return svc.Find(ctx, pos[0])
	}
	return nil, usererr.New("corp_cli_one_corp", usererr.Args{"n": len(pos)})
}

func cliRemove(ctx context.Context, svc *Service, args []string, stdin io.Reader, out io.Writer) error {
	fs := newFlagSet("remove", out)
	confirmName := fs.String("confirm", "", "the corp's name: delete without asking, together with everything that depends on it (scripts)")
	demo := fs.Bool("demo", false, "remove the demo corp and stop its simulator")
	pos, err := parseAll(fs, args)
	if err != nil {
		return err
	}
	if *demo {
		if err := svc.RemoveDemo(ctx); err != nil {
			return err
		}
		say(out, "corp_cli_removed_demo", nil)
		return nil
	}
	if len(pos) != 1 {
		return usererr.New("corp_cli_remove_which", nil)
	}
	c, err := svc.Find(ctx, pos[0])
	if err != nil {
		return err
	}
	d, err := svc.DeleteCorp(ctx, c.ID, *confirmName)
	if err != nil {
		return err
	}
	if d.NeedsConfirm {
		if *confirmName != "" {
			return usererr.New("corp_cli_confirm_mismatch", usererr.Args{"corp": c.Name, "typed": *confirmName})
		}
		fmt.Fprintln(out, term(d.Message))
		fmt.Fprint(out, term(usererr.Msg("corp_cli_type_name", nil)))
		line, _ := bufio.NewReader(stdin).ReadString('\n')
		if d, err = svc.DeleteCorp(ctx, c.ID, strings.TrimSpace(line)); err != nil {
			return err
		}
		if !d.Deleted {
			fmt.Fprintln(out)
			return usererr.New("corp_cli_not_removed", usererr.Args{"corp": c.Name})
		}
	}
	fmt.Fprintln(out, term(d.Message))
	return nil
}
