package autoreply

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"wecom-bridge/backend/usererr"
)

// CLIUsage is `wecom-bridge callbacks rule`'s usage line.
const CLIUsage = "usage: wecom-bridge callbacks rule add --corp NAME --agent ID --match contains|prefix|suffix|exact|hosted [--keyword K] --reply TEXT [--priority N] [--action text|image] [--name NAME] [--disabled]\n" +
	"       wecom-bridge callbacks rule list --corp NAME [--agent ID] [--search Q]\n" +
	"       wecom-bridge callbacks rule remove --corp NAME ID [ID ...]"

// FindCorp resolves the corp the admin names (name, corp ID or id) to its id.
type FindCorp func(ctx context.Context, ref string) (int64, error)

// RunCLI runs `wecom-bridge callbacks rule add|list|remove` (args start
// after "rule"). The rules are the same the 回调 page edits.
func (s *Service) RunCLI(ctx context.Context, find FindCorp, args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New(CLIUsage)
	}
	fs := flag.NewFlagSet("callbacks rule "+args[0], flag.ContinueOnError)
	fs.SetOutput(stdout)
	corpName := fs.String("corp", "", "the corp (name, corp ID or id)")
	agent := fs.Int64("agent", 0, "the app's AgentId")
	match := fs.String("match", "", "contains, prefix, suffix, exact or hosted (any text)")
	keyword := fs.String("keyword", "", "the keyword (≤ 50 characters; not for hosted)")
	reply := fs.String("reply", "", `the reply (≤ 1,500 characters; "\n" for a line break)`)
	priority := fs.String("priority", "10", "1–100, smaller matches first")
	action := fs.String("action", ActionText, "text or image")
	name := fs.String("name", "", "the rule's name (default: the keyword, or the match)")
	disabled := fs.Bool("disabled", false, "save the rule switched off")
	search := fs.String("search", "", "list: only rules whose name, keyword or reply contains this")
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if strings.TrimSpace(*corpName) == "" {
		return fmt.Errorf("callbacks rule %s: --corp NAME is required\n%s", args[0], CLIUsage)
	}
	corpRef, err := find(ctx, *corpName)
	if err != nil {
		return err
	}
	appRef := int64(0)
	if *agent != 0 {
		if appRef, err = s.AppRef(ctx, corpRef, *agent, *corpName); err != nil {
			return err
		}
	}
	switch args[0] {
	case "add":
		if appRef == 0 {
			return fmt.Errorf("callbacks rule add: --agent ID is required (the app's AgentId)\n%s", CLIUsage)
		}
		p, err := strconv.Atoi(strings.TrimSpace(*priority))
		if err != nil {
			return usererr.New("autoreply_priority_text", usererr.Args{"value": *priority, "min": MinPriority, "max": MaxPriority})
		}
		in := RuleInput{AppRef: appRef, Name: *name, Action: *action, Match: *match, Keyword: *keyword,
			Reply: strings.ReplaceAll(*reply, `\n`, "\n"), Priority: p, Enabled: !*disabled}
		if strings.TrimSpace(in.Name) == "" {
			in.Name = cmpOr(strings.TrimSpace(in.Keyword), in.Match, in.Action)
		}
		r, err := s.Save(ctx, in)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "rule %d saved: app %d, %s %s %q, priority %d, enabled %v\n", r.ID, r.AgentID, r.Action, r.Match, r.Keyword, r.Priority, r.Enabled)
		return nil
	case "list":
		rules, err := s.List(ctx, Filter{CorpRef: corpRef, AppRef: appRef, Search: *search})
		if err != nil {
			return err
		}
		tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tAGENT\tNAME\tACTION\tMATCH\tKEYWORD\tPRIORITY\tENABLED\tREPLY")
		for _, r := range rules {
			fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%s\t%d\t%v\t%s\n", r.ID, r.AgentID, r.Name, r.Action, r.Match, r.Keyword, r.Priority, r.Enabled,
				strings.ReplaceAll(r.Reply, "\n", `\n`))
		}
		return tw.Flush()
	case "remove":
		var ids []int64
		for _, a := range fs.Args() {
			id, err := strconv.ParseInt(a, 10, 64)
			if err != nil || id <= 0 {
				return fmt.Errorf("callbacks rule remove: %q is not a rule id; see `callbacks rule list`", a)
			}
			r, err := s.Get(ctx, id)
			if err != nil {
				return err
			}
			if r.CorpRef != corpRef {
				return usererr.New("autoreply_rule_not_found", usererr.Args{"id": id})
			}
			ids = append(ids, id)
		}
		n, err := s.Delete(ctx, ids)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%d rules removed\n", n)
		return nil
	}
	return fmt.Errorf("callbacks rule %q: unknown verb\n%s", args[0], CLIUsage)
}

func cmpOr(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
