package wecomsim

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"
)

// RunCLI implements `wecom-bridge sim`:
//
//	sim --addr 127.0.0.1:PORT [--org FILE | --users N --departments D --seed S]
//	    [--fault-rate F] [--latency MS] [--rate-limit PER_MIN] [--dump FILE]
//
// It prints the base URL, the corp ID and the secrets the simulator accepts,
// then serves until ctx is cancelled. Without --org or --users it serves DemoOrg.
func RunCLI(ctx context.Context, args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "sim" {
		args = args[1:]
	}
	fs := flag.NewFlagSet("sim", flag.ContinueOnError)
	fs.SetOutput(stdout)
	addr := fs.String("addr", "127.0.0.1:8089", "listen address (port 0 picks a free port)")
	orgFile := fs.String("org", "", "organisation JSON file (see docs/sim-org-format.md)")
	users := fs.Int("users", 0, "generate an organisation with this many members")
	depts := fs.Int("departments", 0, "departments of the generated organisation (default users/12, at least 10)")
	seed := fs.Int64("seed", 1, "seed of the generated organisation")
	faultRate := fs.Float64("fault-rate", 0, "share of calls answered errcode -1 (0..1)")
	latency := fs.Int("latency", 0, "milliseconds added to every call")
	rateLimit := fs.Int("rate-limit", 10000, "calls per API per minute before 45009 (0 = unlimited)")
	dump := fs.String("dump", "", "write the organisation to this file before serving")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *orgFile != "" && *users > 0 {
		return errors.New("sim: use either --org or --users, not both")
	}
	if *faultRate < 0 || *faultRate > 1 {
		return errors.New("sim: --fault-rate must be between 0 and 1")
	}

	var org *Org
	switch {
	case *orgFile != "":
		o, err := LoadOrg(*orgFile)
		if err != nil {
			return err
		}
		org = o
	case *users > 0:
		d := *depts
		if d <= 0 {
			d = max(10, *users/12)
		}
		org = GenerateOrg(GenerateOptions{Seed: *seed, Users: *users, Departments: d})
	default:
		org = DemoOrg()
	}
	if *dump != "" {
		if err := writeOrgFile(*dump, org); err != nil {
			return err
		}
	}

	opts := []Option{WithRateLimit(*rateLimit)}
	if *faultRate > 0 || *latency > 0 {
		opts = append(opts, WithFaults(Faults{Seed: *seed, Default: Fault{
			ErrorRate: *faultRate, Latency: time.Duration(*latency) * time.Millisecond}}))
	}
	sim := New(org, opts...)
	srv, err := sim.Start(*addr)
	if err != nil {
		return fmt.Errorf("sim: %w", err)
	}
	defer srv.Close()

	fmt.Fprintf(stdout, "WeCom simulator listening on %s\n", srv.URL)
	fmt.Fprintf(stdout, "  base URL:        %s/cgi-bin/\n", srv.URL)
	fmt.Fprintf(stdout, "  admin API:       %s/sim/\n", srv.URL)
	fmt.Fprintf(stdout, "  corp ID:         %s\n", org.CorpID)
	fmt.Fprintf(stdout, "  contact secret:  %s   (通讯录同步)\n", org.ContactSecret)
	for _, a := range org.Apps {
		note := ""
		if a.PrivacyRestricted {
			note = "   (privacy restricted)"
		}
		fmt.Fprintf(stdout, "  app %d %s secret: %s%s\n", a.AgentID, a.Name, a.Secret, note)
	}
	fmt.Fprintf(stdout, "  %d departments, %d members; Ctrl-C stops\n", len(org.Departments), len(org.Users))
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	return srv.Shutdown(shutdown)
}

func writeOrgFile(path string, org *Org) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := org.Dump(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
