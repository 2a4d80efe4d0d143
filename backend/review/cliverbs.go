package review

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"wecom-bridge/backend/actor"
	"wecom-bridge/backend/usererr"
)

// The CLI verbs do what the review page does, through the same Service
// methods, so the rules and the audit entries are the same; the actor is
// cli:<OS user> unless --by says otherwise.
//
//	bindings match   --corp NAME
//	bindings confirm --corp NAME --account A [--userid U]
//	bindings reject  --corp NAME --account A [--userid U]
//	bindings unbind  --corp NAME --account A [--userid U]
//	bindings bind    --corp NAME --account A --userid U [--force]
var cliVerbs = []string{"match", "confirm", "reject", "unbind", "bind"}

const verbUsage = `usage: wecom-bridge bindings match --corp NAME
       wecom-bridge bindings confirm|reject|unbind --corp NAME --account A [--userid U]
       wecom-bridge bindings bind --corp NAME --account A --userid U [--force]`

func isVerb(s string) bool {
	for _, v := range cliVerbs {
		if s == v {
			return true
		}
	}
	return false
}

func runVerb(ctx context.Context, svc *Service, resolveCorp func(ctx context.Context, name string) (int64, error),
	verb string, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("bindings "+verb, flag.ContinueOnError)
	var usage strings.Builder
	fs.SetOutput(&usage)
	corp := fs.String("corp", "", "the corp's name (required)")
	account := fs.String("account", "", "the local account")
	userid := fs.String("userid", "", "the WeCom userid")
	force := fs.Bool("force", false, "bind: unbind a confirmed binding of either side first")
	by := fs.String("by", actor.Of("cli"), "who makes the change, for the audit")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprintf(stdout, "%s\n%s", verbUsage, usage.String())
			return nil
		}
		return fmt.Errorf("bindings %s: %w\n%s", verb, err, verbUsage)
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("bindings %s: unexpected argument %q\n%s", verb, fs.Arg(0), verbUsage)
	}
	if strings.TrimSpace(*corp) == "" {
		return fmt.Errorf("bindings %s: --corp is required: give the corp's name as shown in the app", verb)
	}
	acc, uid := strings.TrimSpace(*account), strings.TrimSpace(*userid)
	switch {
	case verb == "match":
	case acc == "":
		return fmt.Errorf("bindings %s: --account is required\n%s", verb, verbUsage)
	case verb == "bind" && uid == "":
		return fmt.Errorf("bindings bind: --userid is required\n%s", verbUsage)
	}
	corpID, err := resolveCorp(ctx, *corp)
	if err != nil {
		return fmt.Errorf("bindings %s: corp %q: %w", verb, *corp, err)
	}
	done, err := svc.doVerb(ctx, corpID, verb, acc, uid, *force, *by, PhasePrinter(stdout))
	if err != nil {
		return fmt.Errorf("bindings %s: %w", verb, err)
	}
	if verb == "match" {
		sum, err := svc.Summary(ctx, corpID)
		if err != nil {
			return err
		}
		PrintSummary(stdout, sum)
		return nil
	}
	fmt.Fprintln(stdout, done)
	return nil
}

// doVerb applies one verb and says what it did.
func (s *Service) doVerb(ctx context.Context, corpID int64, verb, account, userid string, force bool, by string,
	progress func(phase string, done, total int)) (string, error) {
	switch verb {
	case "match":
		p, err := s.GetPolicy(ctx, corpID)
		if err != nil {
			return "", err
		}
		_, err = s.RematchProgress(ctx, corpID, p, by, progress)
		return "", err
	case "bind":
		if err := s.BindManual(ctx, corpID, account, userid, by, force); err != nil {
			return "", err
		}
		return fmt.Sprintf("bound %s ↔ %s (confirmed, manual)", account, userid), nil
	}
	row, err := s.pairRowOf(ctx, corpID, account, userid)
	if err != nil {
		return "", err
	}
	if row == nil && verb == "confirm" && userid != "" {
		amb, chosen, err := s.ambiguousRowOf(ctx, corpID, account, userid)
		if err != nil {
			return "", err
		}
		if amb != 0 {
			if err := s.ResolveAmbiguous(ctx, corpID, amb, chosen, by); err != nil {
				return "", err
			}
			return fmt.Sprintf("confirmed %s ↔ %s (chosen among the candidates of row %d)", account, userid, amb), nil
		}
	}
	if row == nil {
		who := account
		if userid != "" {
			who += " ↔ " + userid
		}
		return "", invalidMsg("binding_cli_no_pair", usererr.Args{"who": who})
	}
	ids := []int64{row.ID}
	switch verb {
	case "confirm":
		_, err = s.Confirm(ctx, corpID, ids, by)
	case "reject":
		_, err = s.Reject(ctx, corpID, ids, by)
	case "unbind":
		_, err = s.Unbind(ctx, corpID, ids, by, 1)
	}
	if err != nil {
		return "", err
	}
	past := map[string]string{"confirm": "confirmed", "reject": "rejected", "unbind": "unbound"}[verb]
	return fmt.Sprintf("%s %s ↔ %s (row %d, %s)", past, row.Account, row.UserID, row.ID, row.Method), nil
}

// pairRowOf finds the proposed or confirmed row of the account (and userid,
// when given), or nil.
func (s *Service) pairRowOf(ctx context.Context, corpID int64, account, userid string) (*rowRec, error) {
	q := selectRow + `WHERE corp_id = ? AND state IN ('proposed', 'confirmed') AND account = ?`
	args := []any{corpID, account}
	if userid != "" {
		q, args = q+` AND userid = ?`, append(args, userid)
	}
	var rows []rowRec
	if err := s.st.DB.SelectContext(ctx, &rows, q+` LIMIT 1`, args...); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return &rows[0], nil
}

// ambiguousRowOf finds an ambiguous row that pairs account and userid (one
// the anchor, the other a candidate) and the candidate to choose.
func (s *Service) ambiguousRowOf(ctx context.Context, corpID int64, account, userid string) (int64, string, error) {
	var rows []rowRec
	if err := s.st.DB.SelectContext(ctx, &rows, selectRow+`WHERE corp_id = ? AND state = 'ambiguous'
		AND ((anchor = 'local' AND account = ?) OR (anchor = 'wecom' AND userid = ?))`, corpID, account, userid); err != nil {
		return 0, "", err
	}
	for i := range rows {
		r := &rows[i]
		want := userid
		if r.Anchor == sideWeCom {
			want = account
		}
		for _, c := range r.candidates() {
			if foldKey(c.Account+c.UserID) == foldKey(want) {
				return r.ID, c.Account + c.UserID, nil
			}
		}
	}
	return 0, "", nil
}

// PrintSummary prints the counts of the last match, as the page's 同步内容
// box shows them.
func PrintSummary(w io.Writer, s Summary) {
	fmt.Fprintf(w, "matched %d local accounts with %d WeCom members at %s by %s\n",
		s.LocalAccounts, s.MembersPulled, s.MatchedAt, s.MatchedBy)
	fmt.Fprintf(w, "  to confirm %d, ambiguous %d, confirmed %d, rejected %d, conflicts %d\n",
		s.ToConfirm, s.Ambiguous, s.Confirmed, s.Rejected, s.Conflicts)
	fmt.Fprintf(w, "  unbound local %d, unbound WeCom %d (%d to create)\n", s.UnboundLocal, s.UnboundWeCom, s.ToCreate)
	if s.SkippedLocals+s.SkippedMembers > 0 {
		fmt.Fprintf(w, "  skipped %d local accounts and %d members without an id or with a repeated one\n",
			s.SkippedLocals, s.SkippedMembers)
	}
	if s.StaleDecisions > 0 {
		fmt.Fprintf(w, "  %d confirmed decisions kept whose side is missing\n", s.StaleDecisions)
	}
	if l := s.Lookups; l.Calls+l.Cached > 0 {
		fmt.Fprintf(w, "  WeCom lookups via %s: %d calls, %d owners found, %d not found, %d answered from earlier lookups\n",
			l.Via, l.Calls, l.Found, l.Failed, l.Cached)
	}
	if l := s.Lookups; l.Stopped != nil {
		fmt.Fprintf(w, "  %s\n", usererr.ForTerminal(usererr.FromMessage(*l.Stopped)))
	}
}

// PhasePrinter prints a rematch's phases for the CLI, one line each:
// "  read", "  lookup 30", "  match", "  save" (the lookup line names how
// many values are asked; its per-call progress is left to the page).
func PhasePrinter(w io.Writer) func(phase string, done, total int) {
	last := ""
	return func(phase string, done, total int) {
		if phase == last {
			return
		}
		last = phase
		if phase == PhaseLookup {
			fmt.Fprintf(w, "  %s %d\n", phase, total)
			return
		}
		fmt.Fprintf(w, "  %s\n", phase)
	}
}
