package launch

import (
	"context"
	"log/slog"
	"strings"

	"wecom-bridge/backend/services"
)

// SplitDataFlag pulls `--data DIR` / `--data=DIR` out of a subcommand's
// arguments, so `wecom-bridge corp list --data DIR` and
// `wecom-bridge --data DIR corp list` mean the same.
func SplitDataFlag(args []string, def string) (string, []string) {
	data := def
	rest := make([]string, 0, len(args))
	for i := 0; i < len(args); i++ {
		a := args[i]
		switch {
		case a == "--data" || a == "-data":
			if i+1 < len(args) {
				data = args[i+1]
				i++
			}
		case strings.HasPrefix(a, "--data=") || strings.HasPrefix(a, "-data="):
			data = a[strings.Index(a, "=")+1:]
		default:
			rest = append(rest, a)
		}
	}
	return data, rest
}

// WithServices opens the data directory for a script subcommand (lock, logs
// at warning level so stdout stays clean, services) and runs fn.
func WithServices(ctx context.Context, dataFlag string, fn func(svc *services.Services) error) error {
	s, err := open(ctx, dataFlag, services.ModeCLI)
	if err != nil {
		return err
	}
	defer s.close()
	return fn(s.svc)
}

var cliLevel = slog.LevelWarn
