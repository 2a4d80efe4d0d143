package backup

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"wecom-bridge/backend/datadir"
)

// EnvPassphrase is where scripts may put the passphrase instead of a file
// (never on the command line, where other users see it).
const EnvPassphrase = "WECOM_BRIDGE_BACKUP_PASSPHRASE"

// RunBackupCLI is `wecom-bridge backup --out FILE [--passphrase-file F]`.
// It works while the app runs on the data directory: the copy is a snapshot.
func RunBackupCLI(ctx context.Context, dataFlag string, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("backup", flag.ContinueOnError)
	fs.SetOutput(out)
	outFile := fs.String("out", "", "the archive to write (it must not exist)")
	passFile := fs.String("passphrase-file", "", "encrypt with the passphrase in this file's first line (or set "+EnvPassphrase+")")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *outFile == "" || fs.NArg() > 0 {
		return fmt.Errorf("usage: wecom-bridge backup --data DIR --out FILE [--passphrase-file F]")
	}
	pass, dir, err := prepare(*passFile, dataFlag)
	if err != nil {
		return err
	}
	db, err := OpenDatabase(ctx, dir)
	if err != nil {
		return err
	}
	defer db.Close()
	res, err := Create(ctx, db, dir, *outFile, Options{Passphrase: pass})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "backup written: %s (%d bytes, schema %d, encrypted: %t, key file included: %t)\n",
		res.Path, res.SizeBytes, res.Manifest.SchemaVersion, res.Encrypted, res.Manifest.KeyFile)
	if !res.Manifest.KeyFile {
		fmt.Fprintln(out, keyringNote)
	}
	return nil
}

const keyringNote = "note: the secrets' key is in this computer's OS keyring, not in the backup: " +
	"restored elsewhere, the corp secrets must be entered again."

// RunRestoreCLI is `wecom-bridge restore [--passphrase-file F] FILE`.
func RunRestoreCLI(ctx context.Context, dataFlag string, args []string, out io.Writer) error {
	fs := flag.NewFlagSet("restore", flag.ContinueOnError)
	fs.SetOutput(out)
	passFile := fs.String("passphrase-file", "", "the passphrase of an encrypted backup, first line of this file (or set "+EnvPassphrase+")")
	if err := fs.Parse(moveFlagsFirst(args)); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("usage: wecom-bridge restore --data DIR [--passphrase-file F] FILE")
	}
	pass, dir, err := prepare(*passFile, dataFlag)
	if err != nil {
		return err
	}
	res, err := Restore(ctx, dir, fs.Arg(0), Options{Passphrase: pass})
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "restored %s into %s (made %s by %s, schema %d)\n", fs.Arg(0), dir,
		res.Manifest.CreatedAt, res.Manifest.AppVersion, res.Manifest.SchemaVersion)
	if res.ReplacedDir != "" {
		fmt.Fprintf(out, "the replaced files are kept in %s\n", res.ReplacedDir)
	}
	if !res.Manifest.KeyFile {
		fmt.Fprintln(out, keyringNote)
	}
	return nil
}

// moveFlagsFirst lets the file come before the flags (flag stops at the first argument).
func moveFlagsFirst(args []string) []string {
	var flags, rest []string
	for i := 0; i < len(args); i++ {
		if strings.HasPrefix(args[i], "-") {
			flags = append(flags, args[i])
			if !strings.Contains(args[i], "=") && i+1 < len(args) {
				flags = append(flags, args[i+1])
				i++
			}
			continue
		}
		rest = append(rest, args[i])
	}
	return append(flags, rest...)
}

// prepare reads the passphrase and resolves the data directory.
func prepare(passFile, dataFlag string) (pass, dir string, err error) {
	if pass, err = passphrase(passFile); err != nil {
		return "", "", err
	}
	dir, err = datadir.Resolve(dataFlag)
	return pass, dir, err
}

func passphrase(file string) (string, error) {
	if file == "" {
		return os.Getenv(EnvPassphrase), nil
	}
	b, err := os.ReadFile(file)
	if err != nil {
		return "", fmt.Errorf("read the passphrase file: %w", err)
	}
	line, _, _ := strings.Cut(string(b), "\n")
	return strings.TrimRight(line, "\r"), nil
}
