package callback

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

	"wecom-bridge/backend/usererr"
)

// RunCLI runs `wecom-bridge callbacks list --corp NAME [--json] [--type T]
// [--state S] [--limit N]` and `wecom-bridge callbacks replay ID`. findCorp
// resolves the corp the admin names to its id. Other verbs return
// ErrUnknownVerb so the caller can offer its own (cb-apps: `rule`).
func (s *Service) RunCLI(ctx context.Context, findCorp func(ctx context.Context, ref string) (int64, error), args []string, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("usage: wecom-bridge callbacks list --corp NAME [--json] [--type T] [--state S] | replay ID")
	}
	switch args[0] {
	case "list":
		return s.runList(ctx, findCorp, args[1:], stdout)
	case "replay":
		if len(args) != 2 {
			return errors.New("usage: wecom-bridge callbacks replay ID (the id `callbacks list` shows)")
		}
		id, err := strconv.ParseInt(args[1], 10, 64)
		if err != nil || id <= 0 {
			return fmt.Errorf("callbacks replay: %q is not an event id; see `callbacks list`", args[1])
		}
		ev, err := s.Replay(ctx, id)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "event %d (%s) queued again; the running app or serve process processes it within seconds\n", ev.ID, ev.Type)
		return nil
	}
	return fmt.Errorf("callbacks %q: %w", args[0], ErrUnknownVerb)
}

// ErrUnknownVerb: RunCLI does not know the verb.
var ErrUnknownVerb = errors.New("unknown verb; use list or replay")

func (s *Service) runList(ctx context.Context, findCorp func(ctx context.Context, ref string) (int64, error), args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("callbacks list", flag.ContinueOnError)
	fs.SetOutput(stdout)
	corpName := fs.String("corp", "", "the corp (name, corp ID or id)")
	asJSON := fs.Bool("json", false, "print JSON")
	typ := fs.String("type", "", "only this type: change_contact, text, image, enter_agent, template_card_event …")
	state := fs.String("state", "", "only this state: received, processed, duplicate, failed")
	limit := fs.Int("limit", 100, "at most this many, newest first (max 500)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil
		}
		return err
	}
	if strings.TrimSpace(*corpName) == "" {
		return errors.New("callbacks list: --corp NAME is required")
	}
	corpRef, err := findCorp(ctx, *corpName)
	if err != nil {
		return err
	}
	evs, err := s.List(ctx, Filter{CorpRef: corpRef, Type: *typ, State: *state, Limit: *limit})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(evs)
	}
	text := func(m usererr.Message) string { return usererr.ForTerminal(&usererr.Error{Message: m}) }
	tw := tabwriter.NewWriter(stdout, 0, 2, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tRECEIVED\tAGENT\tTYPE\tCHANGE\tFROM\tSTATE\tWHAT IT DID")
	for _, ev := range evs {
		var did []string
		for _, e := range ev.Effects {
			did = append(did, text(e))
		}
		if ev.Error != nil {
			did = append(did, text(*ev.Error))
		}
		fmt.Fprintf(tw, "%d\t%s\t%d\t%s\t%s\t%s\t%s\t%s\n", ev.ID, ev.ReceivedAt.Local().Format("2006-01-02 15:04:05"), ev.AgentID,
			ev.Type, ev.ChangeType, ev.FromUser, ev.State, strings.Join(did, "; "))
	}
	return tw.Flush()
}
