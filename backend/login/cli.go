package login

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"wecom-bridge/backend/usererr"
)

const linkUsage = `usage: wecom-bridge login link --corp NAME --app AGENTID --kind oauth|qr|qr_old|free --to URL
                          [--scope snsapi_base|snsapi_privateinfo] [--state S] [--png FILE] [--size s|m|l]`

// RunCLI implements `wecom-bridge login link …`: prints the link (and its
// warnings), and writes its QR code PNG with --png.
func (s *Service) RunCLI(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "link" {
		return errors.New(linkUsage)
	}
	fs := flag.NewFlagSet("login link", flag.ContinueOnError)
	var usage strings.Builder
	fs.SetOutput(&usage)
	corpName := fs.String("corp", "", "the corp's name, corp ID or id (required)")
	agent := fs.Int64("app", 0, "the app's AgentId (required)")
	kind := fs.String("kind", "", "oauth, qr, qr_old or free (required)")
	to := fs.String("to", "", "redirect_uri (oauth, qr, qr_old) or the business URL to open signed in (free)")
	scope := fs.String("scope", "", "oauth: snsapi_base (default) or snsapi_privateinfo")
	state := fs.String("state", "", "optional state, letters and digits")
	pngFile := fs.String("png", "", "also write the QR code PNG here")
	size := fs.String("size", "m", "PNG size: s (258 px), m (512) or l (1024)")
	if err := fs.Parse(args[1:]); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, "%s\n%s", linkUsage, usage.String())
			return nil
		}
		return fmt.Errorf("login link: %w\n%s", err, linkUsage)
	}
	if *corpName == "" || *agent == 0 || *kind == "" || *to == "" {
		return fmt.Errorf("login link: --corp, --app, --kind and --to are required\n%s", linkUsage)
	}
	c, err := s.corps.Find(ctx, *corpName)
	if err != nil {
		return err
	}
	l, err := s.BuildLink(ctx, LinkRequest{CorpID: c.ID, AgentID: *agent, Kind: *kind, Scope: *scope, To: *to, State: *state})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, l.URL)
	for _, w := range l.Warnings {
		fmt.Fprintln(os.Stderr, "warning:", usererr.ForTerminal(usererr.FromMessage(w)))
	}
	if *pngFile != "" {
		b, err := QRPNG(l.URL, *size)
		if err != nil {
			return err
		}
		if err := os.WriteFile(*pngFile, b, 0o644); err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "QR code written to %s\n", *pngFile)
	}
	return nil
}
