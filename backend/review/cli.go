package review

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"wecom-bridge/backend/usererr"
)

// cliStates are the values --state accepts: the row states.
var cliStates = []string{StateProposed, StateConfirmed, StateRejected, StateAmbiguous, StateUnboundLocal, StateUnboundWeCom}

// cliRow is one element of `bindings --json`. A missing side is "".
type cliRow struct {
	Account    string         `json:"account"`
	UserID     string         `json:"userid"`
	Method     string         `json:"method"`
	State      string         `json:"state"`
	Confidence float64        `json:"confidence"`
	Conflicts  []string       `json:"conflicts"` // fields the sides disagree on, conflicts.go
	Candidates []cliCandidate `json:"candidates"`
}

type cliCandidate struct {
	Account  string  `json:"account,omitempty"`
	UserID   string  `json:"userid,omitempty"`
	Name     string  `json:"name"`
	Score    float64 `json:"score"`
	MainDept string  `json:"mainDept"`
	Position string  `json:"position"`
	Mobile   string  `json:"mobile"` // masked
	BoundTo  string  `json:"boundTo"`
}

// RunCLI runs `wecom-bridge bindings --corp NAME [--json] [--state S]`: it
// prints the corp's review rows (every row, unbound ones included, unless
// --state narrows them), as a JSON array with --json, else as a table.
// args may start with "bindings". resolveCorp turns the corp's name into its
// id.
func RunCLI(ctx context.Context, svc *Service, resolveCorp func(ctx context.Context, name string) (int64, error),
	args []string, stdout io.Writer) error {
	if len(args) > 0 && args[0] == "bindings" {
		args = args[1:]
	}
	if len(args) > 0 && isVerb(args[0]) {
		return runVerb(ctx, svc, resolveCorp, args[0], args[1:], stdout)
	}
	fs := flag.NewFlagSet("bindings", flag.ContinueOnError)
	var usage strings.Builder
	fs.SetOutput(&usage)
	corp := fs.String("corp", "", "the corp's name (required)")
	asJSON := fs.Bool("json", false, "print a JSON array instead of a table")
	state := fs.String("state", "", "only rows in this state: "+strings.Join(cliStates, ", "))
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, "usage: wecom-bridge bindings --corp NAME [--json] [--state S]\n%s", usage.String())
			return nil
		}
		return fmt.Errorf("bindings: %w; usage: wecom-bridge bindings --corp NAME [--json] [--state S]", err)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bindings: unexpected argument %q; usage: wecom-bridge bindings --corp NAME [--json] [--state S]", fs.Arg(0))
	}
	if strings.TrimSpace(*corp) == "" {
		return usererr.New("binding_cli_corp_required", nil)
	}
	q := Query{}
	if *state != "" {
		if !slices.Contains(cliStates, *state) {
			return fmt.Errorf("bindings: --state %q is unknown; use one of %s", *state, strings.Join(cliStates, ", "))
		}
		q.Filter = *state
		if *state == StateProposed {
			q.Filter = FilterReview
		}
	}
	corpID, err := resolveCorp(ctx, *corp)
	if err != nil {
		return fmt.Errorf("bindings: corp %q: %w", *corp, err)
	}
	cur, err := svc.cursor(ctx, corpID, q)
	if err != nil {
		return fmt.Errorf("bindings: %w", err)
	}
	defer cur.close()
	if *asJSON {
		bound, err := svc.boundKeys(ctx, corpID)
		if err != nil {
			return fmt.Errorf("bindings: %w", err)
		}
		return printJSON(cur, bound, stdout)
	}
	return printTable(cur, stdout)
}

func printJSON(cur *rowCursor, bound map[string]string, stdout io.Writer) error {
	w := bufio.NewWriter(stdout)
	w.WriteString("[")
	for n := 0; ; n++ {
		r, err := cur.next()
		if err != nil {
			return err
		}
		if r == nil {
			break
		}
		out := cliRow{Account: r.Account, UserID: r.UserID, Method: r.Method, State: r.State,
			Confidence: r.Confidence, Conflicts: []string{}, Candidates: []cliCandidate{}}
		out.Conflicts = append(out.Conflicts, splitConflicts(r.Conflicts)...)
		for _, c := range r.candidates() {
			side := "u:"
			if c.Account != "" {
				side = "a:"
			}
			out.Candidates = append(out.Candidates, cliCandidate{Account: c.Account, UserID: c.UserID, Name: c.Name,
				Score: c.Score, MainDept: c.MainDept, Position: c.Position, Mobile: c.Mobile,
				BoundTo: bound[side+foldKey(c.Account+c.UserID)]})
		}
		b, err := json.Marshal(out)
		if err != nil {
			return err
		}
		if n > 0 {
			w.WriteString(",")
		}
		w.WriteString("\n  ")
		w.Write(b)
	}
	w.WriteString("\n]\n")
	return w.Flush()
}

func printTable(cur *rowCursor, stdout io.Writer) error {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "STATE\tACCOUNT\tNAME\tUSERID\tWECOM NAME\tMETHOD\tCONFIDENCE\tCANDIDATES")
	for {
		r, err := cur.next()
		if err != nil {
			return err
		}
		if r == nil {
			break
		}
		conf, cands := "", ""
		if r.Method != "" {
			conf = strconv.FormatFloat(r.Confidence, 'f', 2, 64)
		}
		if r.CandidateCount > 0 {
			var ids []string
			for _, c := range r.candidates() {
				ids = append(ids, c.Account+c.UserID)
			}
			cands = strings.Join(ids, ",")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", r.State, r.Account, r.LocalName, r.UserID, r.WeComName, r.Method, conf, cands)
	}
	return tw.Flush()
}

// boundKeys maps every record in a proposed or confirmed binding ("a:" +
// folded account, "u:" + folded userid) to its counterpart, for the
// candidates' boundTo.
func (s *Service) boundKeys(ctx context.Context, corpID int64) (map[string]string, error) {
	var rows []struct {
		Account string `db:"account"`
		UserID  string `db:"userid"`
	}
	if err := s.st.DB.SelectContext(ctx, &rows, `SELECT account, userid FROM bind_rows
		WHERE corp_id = ? AND state IN ('proposed', 'confirmed')`, corpID); err != nil {
		return nil, err
	}
	out := make(map[string]string, 2*len(rows))
	for _, r := range rows {
		out["a:"+foldKey(r.Account)], out["u:"+foldKey(r.UserID)] = r.UserID, r.Account
	}
	return out, nil
}
