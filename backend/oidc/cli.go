package oidc

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"wecom-bridge/backend/actor"
)

const cliUsage = `usage: wecom-bridge oidc client add --corp NAME --app AGENTID --name N --redirect URI [--redirect URI…] [--logout URI…]
       wecom-bridge oidc client list [--json]
       wecom-bridge oidc client remove CLIENT_ID
       wecom-bridge oidc key list|rotate`

type multi []string

func (m *multi) String() string     { return strings.Join(*m, ",") }
func (m *multi) Set(v string) error { *m = append(*m, v); return nil }

// RunCLI implements `wecom-bridge oidc client add|list|remove` and
// `oidc key list|rotate`. issuer is where relying parties reach the bridge.
func (s *Service) RunCLI(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) < 2 {
		return errors.New(cliUsage)
	}
	switch args[0] + " " + args[1] {
	case "client add":
		return s.cliAdd(ctx, args[2:], stdout)
	case "client list":
		list, err := s.Clients(ctx)
		if err != nil {
			return err
		}
		if len(args) > 2 && args[2] == "--json" {
			return json.NewEncoder(stdout).Encode(list)
		}
		for _, c := range list {
			fmt.Fprintf(stdout, "%s\t%s\tcorp %d app %d\t%s\n", c.ClientID, c.Name, c.CorpID, c.AgentID, strings.Join(c.RedirectURIs, " "))
		}
		return nil
	case "client remove":
		if len(args) != 3 {
			return errors.New(cliUsage)
		}
		if err := s.RemoveClient(ctx, args[2]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "removed %s\n", args[2])
		return nil
	case "key list":
		keys, err := s.Keys(ctx)
		if err != nil {
			return err
		}
		for _, k := range keys {
			fmt.Fprintf(stdout, "%s\tcreated %s\tretired %s\n", k.KID, k.CreatedAt, k.RetiredAt)
		}
		return nil
	case "key rotate":
		k, err := s.RotateKey(ctx)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "new signing key %s; the old one stays in the JWKS for %s\n", k.KID, keepRetired)
		return nil
	}
	return errors.New(cliUsage)
}

func (s *Service) cliAdd(ctx context.Context, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("oidc client add", flag.ContinueOnError)
	var usage strings.Builder
	fs.SetOutput(&usage)
	corpName := fs.String("corp", "", "the corp's name, corp ID or id (required)")
	agent := fs.Int64("app", 0, "AgentId of the app whose 可信域名 is the bridge's domain (required)")
	name := fs.String("name", "", "the system's name, e.g. Grafana (required)")
	var redirects, logouts multi
	fs.Var(&redirects, "redirect", "an allowed redirect URI, matched exactly (repeatable)")
	fs.Var(&logouts, "logout", "an allowed post-logout redirect URI (repeatable)")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, "%s\n%s", cliUsage, usage.String())
			return nil
		}
		return fmt.Errorf("oidc client add: %w\n%s", err, cliUsage)
	}
	if *corpName == "" || *agent == 0 {
		return fmt.Errorf("oidc client add: --corp and --app are required\n%s", cliUsage)
	}
	c, err := s.corps.Find(ctx, *corpName)
	if err != nil {
		return err
	}
	nc, err := s.AddClient(ctx, ClientInput{Name: *name, CorpID: c.ID, AgentID: *agent, RedirectURIs: redirects, LogoutURIs: logouts}, actor.Of("cli"))
	if err != nil {
		return err
	}
	issuer, _ := s.login.Issuer(ctx)
	fmt.Fprintf(stdout, "client_id:     %s\nclient_secret: %s\n(the secret is shown only now: store it in %s's settings)\n", nc.ClientID, nc.Secret, nc.Name)
	if issuer != "" {
		fmt.Fprintf(stdout, "issuer:        %s\ndiscovery:     %s%s\n", issuer, issuer, PathDiscovery)
	}
	return nil
}
