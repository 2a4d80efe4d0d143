package push

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"
)

const ruleUsage = `usage: wecom-bridge [--data DIR] push rule <command> [flags]

commands:
  add     --source NAME|* --corp NAME --agent AGENTID [--type textcard] [--name NAME]
          [--title TPL] [--content TPL] [--url TPL] [--btn TPL] [--image TPL] [--disabled]
          types: text, textcard, news, markdown, template_card, auto
          templates take {{title}} {{content}} {{url}} {{image_url}} {{source}} {{btntxt}} and data keys
  list    [--json]
  enable  ID
  disable ID
  remove  ID
See docs/push-api.md.
`

// RunRuleCLI implements `wecom-bridge push rule add|list|enable|disable|remove`.
// resolveCorp turns a corp's name (or corp ID) into its id in the corps table.
func RunRuleCLI(ctx context.Context, svc *Service, resolveCorp func(ctx context.Context, name string) (int64, error), args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "push" {
		args = args[1:]
	}
	if len(args) > 0 && args[0] == "rule" {
		args = args[1:]
	}
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprint(stdout, ruleUsage)
		if len(args) == 0 {
			return errors.New("push rule: missing command (add, list, enable, disable or remove)")
		}
		return nil
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "add":
		return cliRuleAdd(ctx, svc, resolveCorp, rest, stdout)
	case "list":
		return cliRuleList(ctx, svc, rest, stdout)
	case "enable", "disable", "remove":
		if len(rest) != 1 {
			return fmt.Errorf("push rule %s: give one rule ID (see `wecom-bridge push rule list`)", cmd)
		}
		id, err := strconv.ParseInt(rest[0], 10, 64)
		if err != nil {
			return fmt.Errorf("push rule %s: %q is not a rule ID (see `wecom-bridge push rule list`)", cmd, rest[0])
		}
		if cmd == "remove" {
			err = svc.DeleteRule(ctx, id)
		} else {
			err = svc.SetRuleEnabled(ctx, id, cmd == "enable")
		}
		if err != nil {
			return fmt.Errorf("push rule %s: %w", cmd, err)
		}
		fmt.Fprintf(stdout, "rule %d: %sd\n", id, strings.TrimSuffix(cmd, "e"))
		return nil
	}
	fmt.Fprint(stdout, ruleUsage)
	return fmt.Errorf("push rule: unknown command %q (want add, list, enable, disable or remove)", cmd)
}

func cliRuleAdd(ctx context.Context, svc *Service, resolveCorp func(context.Context, string) (int64, error), args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("push rule add", flag.ContinueOnError)
	fs.SetOutput(stdout)
	var r Rule
	var t Target
	var corp string
	disabled := fs.Bool("disabled", false, "save the rule disabled")
	fs.StringVar(&r.Source, "source", "", "the source it takes, or * for all (required)")
	fs.StringVar(&r.Name, "name", "", "the rule's name (default: the source)")
	fs.StringVar(&corp, "corp", "", "the corp's name or corp ID (required)")
	fs.Int64Var(&t.AgentID, "agent", 0, "the app's AgentId (required)")
	fs.StringVar(&t.MsgType, "type", TypeTextCard, "message type")
	fs.StringVar(&t.Title, "title", "", "title template")
	fs.StringVar(&t.Content, "content", "", "content template")
	fs.StringVar(&t.URL, "url", "", "URL template")
	fs.StringVar(&t.Button, "btn", "", "button template (≤4 characters when rendered)")
	fs.StringVar(&t.Image, "image", "", "news picture URL template")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("push rule add: unexpected %q; every value goes with a flag (quote templates with spaces)", fs.Arg(0))
	}
	if r.Source == "" || corp == "" || t.AgentID == 0 {
		return errors.New("push rule add: --source, --corp and --agent are required")
	}
	if resolveCorp == nil {
		return errors.New("push rule add: corps cannot be looked up here")
	}
	id, err := resolveCorp(ctx, corp)
	if err != nil {
		return fmt.Errorf("push rule add: --corp %q: %w (see `wecom-bridge corp list`)", corp, err)
	}
	t.CorpID = id
	r.Enabled = !*disabled
	r.Targets = []Target{t}
	saved, err := svc.CreateRule(ctx, r)
	if err != nil {
		return fmt.Errorf("push rule add: %w", err)
	}
	fmt.Fprintf(stdout, "rule %d (%s) saved: source %s → corp %d app %d as %s\n", saved.ID, saved.Name, saved.Source,
		t.CorpID, t.AgentID, saved.Targets[0].MsgType)
	return nil
}

func cliRuleList(ctx context.Context, svc *Service, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("push rule list", flag.ContinueOnError)
	fs.SetOutput(stdout)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return err
	}
	rules, err := svc.ListRules(ctx)
	if err != nil {
		return fmt.Errorf("push rule list: %w", err)
	}
	if *asJSON {
		return json.NewEncoder(stdout).Encode(rules)
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tNAME\tSOURCE\tENABLED\tTARGETS")
	for _, r := range rules {
		var ts []string
		for _, t := range r.Targets {
			ts = append(ts, fmt.Sprintf("corp %d app %d %s", t.CorpID, t.AgentID, t.MsgType))
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%v\t%s\n", r.ID, r.Name, r.Source, r.Enabled, strings.Join(ts, "; "))
	}
	return tw.Flush()
}
