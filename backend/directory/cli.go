package directory

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// cliListMax is how many rows of each kind the CLI prints before "… and N more".
const cliListMax = 20

// parseInterspersed parses flags that may come before or after the one
// positional argument (Go's flag package stops at the first non-flag).
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// RunImportCLI implements `wecom-bridge directory import FILE [--yes]
// [--full-snapshot] [--format csv|xlsx] [--confirm-resign N]`; args are the
// words after "import". It prints the preview, then asks before applying
// unless --yes. A preview that resigns more accounts than the threshold
// needs the number typed back, or --confirm-resign N with --yes.
func RunImportCLI(ctx context.Context, svc *Service, args []string, stdout io.Writer, stdin io.Reader) error {
	fs := flag.NewFlagSet("directory import", flag.ContinueOnError)
	fs.SetOutput(stdout)
	yes := fs.Bool("yes", false, "apply without asking")
	full := fs.Bool("full-snapshot", false, "the file is the whole directory: mark accounts absent from it resigned")
	format := fs.String("format", "", "csv or xlsx (default: detected from the content)")
	confirm := fs.Int("confirm-resign", -1, "with --yes: the number of accounts to resign, when above the threshold")
	fs.Usage = func() {
		fmt.Fprintln(stdout, "usage: wecom-bridge directory import FILE [--yes] [--full-snapshot] [--format csv|xlsx] [--confirm-resign N]")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("directory import needs exactly one FILE, got %d", len(pos))
	}
	pv, err := svc.PreviewFile(ctx, pos[0], ImportOptions{Format: Format(*format), FullSnapshot: *full})
	if err != nil {
		return fmt.Errorf("%s: %w", pos[0], err)
	}
	printPreview(stdout, pv)
	if len(pv.Adds)+len(pv.Updates)+len(pv.Resigns) == 0 {
		fmt.Fprintln(stdout, "Nothing to apply: the directory already matches the file.")
		return nil
	}
	in := bufio.NewReader(stdin)
	count := 0
	if pv.ResignWarning != nil {
		fmt.Fprintf(stdout, "WARNING: %s.\n", pv.ResignWarning)
		switch {
		case *yes && *confirm != pv.ResignCount:
			return fmt.Errorf("%w: rerun with --confirm-resign %d to apply it (preview %d)", ErrResignNotConfirmed, pv.ResignCount, pv.ID)
		case *yes:
			count = *confirm
		default:
			fmt.Fprintf(stdout, "Type %d to confirm marking them resigned: ", pv.ResignCount)
			n, err := strconv.Atoi(readAnswer(in))
			if err != nil || n != pv.ResignCount {
				fmt.Fprintln(stdout, "Not confirmed; nothing was changed.")
				return nil
			}
			count = n
		}
	}
	if !*yes {
		fmt.Fprint(stdout, "Apply? [y/N] ")
		if a := strings.ToLower(readAnswer(in)); a != "y" && a != "yes" {
			fmt.Fprintln(stdout, "Nothing was changed.")
			return nil
		}
	}
	res, err := svc.Apply(ctx, pv.ID, count)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Applied: %d added, %d updated, %d marked resigned, %d departments created.\n",
		res.Added, res.Updated, res.Resigned, res.DepartmentsCreated)
	return nil
}

func readAnswer(r *bufio.Reader) string {
	line, err := r.ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return ""
	}
	return strings.TrimSpace(line)
}

func printPreview(w io.Writer, pv *Preview) {
	src := string(pv.Format)
	if pv.Encoding != "" {
		src += ", " + pv.Encoding + ", " + pv.Delimiter
	}
	if pv.Sheet != "" {
		src += ", sheet " + pv.Sheet
	}
	fmt.Fprintf(w, "%s (%s): %d data rows\n", pv.FileName, src, pv.DataRows)
	for _, warn := range pv.Warnings {
		fmt.Fprintf(w, "note: %s\n", warn)
	}
	fmt.Fprintf(w, "  add:       %d\n  update:    %d\n  resign:    %d\n  unchanged: %d\n  rejected:  %d\n",
		len(pv.Adds), len(pv.Updates), len(pv.Resigns), pv.Unchanged, len(pv.Rejected))
	if len(pv.NewDepartments) > 0 {
		fmt.Fprintf(w, "  new departments: %d\n", len(pv.NewDepartments))
	}
	list(w, "Rejected rows", len(pv.Rejected), func(i int) string { return pv.Rejected[i].String() })
	list(w, "To add", len(pv.Adds), func(i int) string {
		a := pv.Adds[i]
		return fmt.Sprintf("line %d: %s %s %s", a.Line, a.Account, a.Name, joinPaths(a.DeptPaths))
	})
	list(w, "To update", len(pv.Updates), func(i int) string {
		u := pv.Updates[i]
		parts := make([]string, len(u.Changes))
		for j, c := range u.Changes {
			parts[j] = fmt.Sprintf("%s %q → %q", c.Field, c.Before, c.After)
		}
		return fmt.Sprintf("line %d: %s: %s", u.After.Line, u.After.Account, strings.Join(parts, ", "))
	})
	list(w, "To mark resigned (absent from the file)", len(pv.Resigns), func(i int) string {
		r := pv.Resigns[i]
		return fmt.Sprintf("%s %s %s", r.Account, r.Name, joinPaths(r.DeptPaths))
	})
}

func list(w io.Writer, title string, n int, line func(int) string) {
	if n == 0 {
		return
	}
	fmt.Fprintf(w, "%s:\n", title)
	for i := 0; i < n && i < cliListMax; i++ {
		fmt.Fprintf(w, "  %s\n", line(i))
	}
	if n > cliListMax {
		fmt.Fprintf(w, "  … and %d more\n", n-cliListMax)
	}
}

// RunExportCLI implements `wecom-bridge directory export FILE [--format
// csv|xlsx] [--lang zh|en] [--active-only]`; args are the words after "export".
func RunExportCLI(ctx context.Context, svc *Service, args []string, stdout io.Writer) error {
	fs := flag.NewFlagSet("directory export", flag.ContinueOnError)
	fs.SetOutput(stdout)
	format := fs.String("format", "", "csv or xlsx (default: from the file extension, else csv)")
	lang := fs.String("lang", "zh", "header language: zh or en")
	activeOnly := fs.Bool("active-only", false, "leave resigned accounts out")
	fs.Usage = func() {
		fmt.Fprintln(stdout, "usage: wecom-bridge directory export FILE [--format csv|xlsx] [--lang zh|en] [--active-only]")
		fs.PrintDefaults()
	}
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 {
		fs.Usage()
		return fmt.Errorf("directory export needs exactly one FILE, got %d", len(pos))
	}
	if err := svc.ExportFile(ctx, pos[0], ExportOptions{Format: Format(*format), Lang: *lang, ActiveOnly: *activeOnly}); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "Exported the directory to %s.\n", pos[0])
	return nil
}
