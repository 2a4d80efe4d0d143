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

const apikeyUsage = `usage: wecom-bridge [--data DIR] apikey <command>

commands:
  create [--allow-all] [--allow-departments] NAME
                     create an intake API key; it is printed once and never again.
                     Without the flags the key sends to named people only:
                     --allow-all lets it send to @all (everyone the app sees),
                     --allow-departments to whole departments.
  list [--json]      list the keys (prefix, created, last used, revoked)
  revoke ID          revoke key ID: its requests get 401 from now on
See docs/push-api.md.
`

// RunAPIKeyCLI implements `wecom-bridge apikey create NAME|list|revoke ID`.
func RunAPIKeyCLI(ctx context.Context, svc *Service, args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "apikey" {
		args = args[1:]
	}
	if len(args) == 0 || isHelp(args[0]) {
		fmt.Fprint(stdout, apikeyUsage)
		if len(args) == 0 {
			return errors.New("apikey: missing command (create, list or revoke)")
		}
		return nil
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "create":
		fs := flag.NewFlagSet("apikey create", flag.ContinueOnError)
		fs.SetOutput(stdout)
		var perms KeyPermissions
		fs.BoolVar(&perms.All, "allow-all", false, "the key may send to @all (everyone the app can see)")
		fs.BoolVar(&perms.Departments, "allow-departments", false, "the key may send to whole departments")
		if err := fs.Parse(rest); err != nil {
			return err
		}
		name := strings.TrimSpace(strings.Join(fs.Args(), " "))
		if name == "" {
			return errors.New("apikey create: give the key a name, e.g. `wecom-bridge apikey create oa-system`")
		}
		k, key, err := svc.CreateAPIKey(ctx, name, perms)
		if err != nil {
			return fmt.Errorf("apikey create: %w", err)
		}
		fmt.Fprintf(stdout, "API key %d (%s):\n\n  %s\n\nCopy it now: it is not stored and cannot be shown again.\n"+
			"Send it as `Authorization: Bearer <key>` to POST /api/v1/messages.\n", k.ID, k.Name, key)
		return nil
	case "list":
		fs := flag.NewFlagSet("apikey list", flag.ContinueOnError)
		fs.SetOutput(stdout)
		asJSON := fs.Bool("json", false, "print JSON")
		if err := fs.Parse(rest); err != nil {
			return err
		}
		keys, err := svc.ListAPIKeys(ctx)
		if err != nil {
			return fmt.Errorf("apikey list: %w", err)
		}
		if *asJSON {
			return json.NewEncoder(stdout).Encode(keys)
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tPREFIX\tMAY SEND TO\tCREATED\tLAST USED\tSTATUS")
		for _, k := range keys {
			last, status := "-", "active"
			if k.LastUsedAt != nil {
				last = k.LastUsedAt.Local().Format("2006-01-02 15:04")
			}
			if k.RevokedAt != nil {
				status = "revoked " + k.RevokedAt.Local().Format("2006-01-02 15:04")
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, k.Prefix, k.Permissions, k.CreatedAt.Local().Format("2006-01-02 15:04"), last, status)
		}
		return tw.Flush()
	case "revoke":
		if len(rest) != 1 {
			return errors.New("apikey revoke: give one key ID (see `wecom-bridge apikey list`)")
		}
		id, err := strconv.ParseInt(rest[0], 10, 64)
		if err != nil {
			return fmt.Errorf("apikey revoke: %q is not a key ID (see `wecom-bridge apikey list`)", rest[0])
		}
		if err := svc.RevokeAPIKey(ctx, id); err != nil {
			return fmt.Errorf("apikey revoke: %w", err)
		}
		fmt.Fprintf(stdout, "API key %d revoked.\n", id)
		return nil
	}
	fmt.Fprint(stdout, apikeyUsage)
	return fmt.Errorf("apikey: unknown command %q (want create, list or revoke)", cmd)
}

func isHelp(s string) bool { return s == "help" || s == "-h" || s == "--help" }
