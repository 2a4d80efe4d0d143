package push

import (
	"cmp"
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
  create [--corp NAME] [--allow-all] [--allow-departments] NAME
                     create an intake API key; it is printed once and never again.
                     The key pushes into one corp: --corp takes its name or corp ID
                     (see "wecom-bridge corp list") and is required when more than
                     one corp is configured.
                     Without the flags the key sends to named people only:
                     --allow-all lets it send to @all (everyone the app sees),
                     --allow-departments to whole departments.
  list [--corp NAME] [--json]
                     list the keys (corp, prefix, created, last used, revoked)
  revoke ID          revoke key ID: its requests get 401 from now on
See docs/push-api.md.
`

// RunAPIKeyCLI implements `wecom-bridge apikey create NAME|list|revoke ID`.
// resolveCorp turns a corp's name (or corp ID) into its id in the corps table.
func RunAPIKeyCLI(ctx context.Context, svc *Service, resolveCorp func(ctx context.Context, name string) (int64, error), args []string, stdout io.Writer) error {
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
		corp := fs.String("corp", "", "the corp the key pushes into: its name or corp ID (required with several corps)")
		if err := fs.Parse(rest); err != nil {
			return err
		}
		name := strings.TrimSpace(strings.Join(fs.Args(), " "))
		if name == "" {
			return errors.New("apikey create: give the key a name, e.g. `wecom-bridge apikey create --corp CORP oa-system`")
		}
		corpID, err := cliKeyCorp(ctx, svc, resolveCorp, *corp)
		if err != nil {
			return fmt.Errorf("apikey create: %w", err)
		}
		k, key, err := svc.CreateAPIKey(ctx, corpID, name, perms)
		if err != nil {
			return fmt.Errorf("apikey create: %w", err)
		}
		fmt.Fprintf(stdout, "API key %d (%s), pushes into corp %s:\n\n  %s\n\nCopy it now: it is not stored and cannot be shown again.\n"+
			"Send it as `Authorization: Bearer <key>` to POST /api/v1/messages.\n", k.ID, k.Name, k.CorpName, key)
		return nil
	case "list":
		fs := flag.NewFlagSet("apikey list", flag.ContinueOnError)
		fs.SetOutput(stdout)
		asJSON := fs.Bool("json", false, "print JSON")
		corp := fs.String("corp", "", "only the keys of this corp (name or corp ID)")
		if err := fs.Parse(rest); err != nil {
			return err
		}
		var corpID int64
		if *corp != "" {
			var err error
			if corpID, err = resolveCorp(ctx, *corp); err != nil {
				return fmt.Errorf("apikey list: --corp %q: %w (see `wecom-bridge corp list`)", *corp, err)
			}
		}
		keys, err := svc.ListAPIKeys(ctx, corpID)
		if err != nil {
			return fmt.Errorf("apikey list: %w", err)
		}
		if *asJSON {
			return json.NewEncoder(stdout).Encode(keys)
		}
		tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tNAME\tCORP\tPREFIX\tMAY SEND TO\tCREATED\tLAST USED\tSTATUS")
		for _, k := range keys {
			last, status := "-", "active"
			if k.LastUsedAt != nil {
				last = k.LastUsedAt.Local().Format("2006-01-02 15:04")
			}
			if k.RevokedAt != nil {
				status = "revoked " + k.RevokedAt.Local().Format("2006-01-02 15:04")
				if k.Note != nil {
					status += ": " + k.Note.EN
				}
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", k.ID, k.Name, cmp.Or(k.CorpName, "-"), k.Prefix, k.Permissions, k.CreatedAt.Local().Format("2006-01-02 15:04"), last, status)
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

// cliKeyCorp is the corp --corp names; without it, the only corp there is.
func cliKeyCorp(ctx context.Context, svc *Service, resolveCorp func(context.Context, string) (int64, error), corp string) (int64, error) {
	if corp != "" {
		id, err := resolveCorp(ctx, corp)
		if err != nil {
			return 0, fmt.Errorf("--corp %q: %w (see `wecom-bridge corp list`)", corp, err)
		}
		return id, nil
	}
	var c struct {
		N  int   `db:"n"`
		ID int64 `db:"id"`
	}
	if err := svc.get(ctx, nil, &c, `SELECT COUNT(*) AS n, COALESCE(MIN(id), 0) AS id FROM corps`); err != nil {
		return 0, err
	}
	switch c.N {
	case 0:
		return 0, errors.New("no corp is configured yet; add one first (`wecom-bridge corp add`, or Setup in the app): a key pushes into one corp")
	case 1:
		return c.ID, nil
	}
	return 0, fmt.Errorf("%d corps are configured; name the one the key pushes into with --corp NAME (see `wecom-bridge corp list`)", c.N)
}

func isHelp(s string) bool { return s == "help" || s == "-h" || s == "--help" }
