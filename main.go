// Command wecom-bridge connects an organisation's user directory to WeCom.
//
//	wecom-bridge [--data DIR]                 open the desktop window
//	wecom-bridge serve [--addr A] [--data D] [--token-file F]  the same UI in a browser
//	wecom-bridge sim [...]                    a WeCom simulator
//	wecom-bridge backup|restore ...           back up or restore the data directory
//	wecom-bridge version
package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	"wecom-bridge/backend/backup"
	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/desktop"
	"wecom-bridge/backend/directory"
	"wecom-bridge/backend/launch"
	"wecom-bridge/backend/services"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/version"
	"wecom-bridge/backend/wecom/wecomsim"
)

//go:embed all:frontend/dist
var embedded embed.FS

func frontendAssets() fs.FS {
	sub, err := fs.Sub(embedded, "frontend/dist")
	if err != nil {
		panic(err) // the embed pattern guarantees the directory exists
	}
	return sub
}

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "wecom-bridge:", usererr.ForTerminal(err))
		os.Exit(1)
	}
}

func run(args []string) error {
	global := flag.NewFlagSet("wecom-bridge", flag.ContinueOnError)
	dataFlag := global.String("data", "", "data directory (default $WECOM_BRIDGE_DATA, else the user config dir)")
	global.Usage = usage
	if err := global.Parse(args); err != nil {
		return err
	}
	rest := global.Args()
	if len(rest) == 0 {
		return runDesktop(*dataFlag)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	switch cmd, cmdArgs := rest[0], rest[1:]; cmd {
	case "serve":
		return runServe(ctx, *dataFlag, cmdArgs)
	case "sim":
		return wecomsim.RunCLI(ctx, cmdArgs, os.Stdout)
	case "corp":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return corp.RunCLI(ctx, svc.Corps, cmdArgs, os.Stdin, os.Stdout)
		})
	case "pull":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return svc.RunPullCLI(ctx, cmdArgs, os.Stdout)
		})
	case "directory":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return runDirectoryCLI(ctx, svc, cmdArgs)
		})
	case "bindings":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return svc.RunBindingsCLI(ctx, cmdArgs, os.Stdout)
		})
	case "sync":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return svc.RunSyncCLI(ctx, cmdArgs, os.Stdout)
		})
	case "apikey":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return svc.RunAPIKeyCLI(ctx, cmdArgs, os.Stdout)
		})
	case "push":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		if len(cmdArgs) == 0 || cmdArgs[0] != "rule" {
			return fmt.Errorf("usage: wecom-bridge push rule add|list|remove ...")
		}
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return svc.RunPushRuleCLI(ctx, cmdArgs[1:], os.Stdout)
		})
	case "callbacks":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return svc.RunCallbacksCLI(ctx, cmdArgs, os.Stdout)
		})
	case "backup":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return backup.RunBackupCLI(ctx, data, cmdArgs, os.Stdout)
	case "restore":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return backup.RunRestoreCLI(ctx, data, cmdArgs, os.Stdout)
	case "login":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return svc.Login.RunCLI(ctx, cmdArgs, os.Stdout)
		})
	case "oidc":
		data, cmdArgs := launch.SplitDataFlag(cmdArgs, *dataFlag)
		return launch.WithServices(ctx, data, func(svc *services.Services) error {
			return svc.OIDC.RunCLI(ctx, cmdArgs, os.Stdout)
		})
	case "version":
		fmt.Println("wecom-bridge", version.Current(), "commit", version.CommitOrUnknown(), "built", version.BuildDateOrUnknown(),
			"(desktop window:", map[bool]string{true: "yes", false: "no"}[desktop.Available]+")")
		return nil
	case "help", "-h", "--help":
		usage()
		return nil
	default:
		usage()
		return usererr.New("unknown_command", usererr.Args{"cmd": cmd})
	}
}

func usage() {
	fmt.Fprint(os.Stderr, `WeCom Bridge (企微桥): connect your user directory to WeCom.

Usage:
  wecom-bridge [--data DIR]                       open the desktop window
  wecom-bridge serve [--addr 127.0.0.1:8750] [--data DIR] [--token-file F] [--allowed-host NAME]
                                                  serve the same UI in a browser (docs/serve-api.md)
  wecom-bridge corp add|list|check|remove [--data DIR]
                                                  configure corps from scripts (docs/cli-corp.md)
  wecom-bridge directory import FILE [--yes] | export FILE
                                                  the local directory (docs/directory-import.md)
  wecom-bridge pull --corp NAME [--app AGENTID] [--data DIR]
                                                  read WeCom contacts into the mirror, then rematch (docs/cli-pull.md)
  wecom-bridge bindings --corp NAME [--json] [--state S]
                                                  the binding review as JSON (docs/bindings.md)
  wecom-bridge bindings match|confirm|reject|unbind|bind --corp NAME [--account A] [--userid U]
                                                  act on the review as the page does (docs/bindings.md)
  wecom-bridge sync plan|apply|options|history|report ...
                                                  preview and apply syncs (docs/sync.md)
  wecom-bridge apikey create NAME|list|revoke ID  API keys of the intake API (docs/push-api.md)
  wecom-bridge push rule add|list|remove ...      message push rules (docs/push-api.md)
  wecom-bridge callbacks list --corp NAME [--json] [--type T] [--state S] | replay ID
  wecom-bridge callbacks rule add|list|remove --corp NAME --agent ID --match M [--keyword K] --reply TEXT [--priority N] [--action text|image]
                                                  WeCom callbacks received (docs/callbacks.md)
  wecom-bridge backup --out FILE [--passphrase-file F] [--data DIR]
                                                  a consistent backup archive, also while the app runs (docs/backup.md)
  wecom-bridge restore [--passphrase-file F] [--data DIR] FILE
                                                  replace the data with a backup (the app must be closed)
  wecom-bridge login link --corp NAME --app AGENTID --kind oauth|qr|qr_old|free --to URL [--png FILE]
                                                  login links and QR codes (docs/login.md)
  wecom-bridge oidc client add|list|remove ... | oidc key list|rotate
                                                  systems signing in through the OIDC provider (docs/login.md)
  wecom-bridge sim [--addr 127.0.0.1:PORT] [...]  run a WeCom simulator (see docs/)
  wecom-bridge version

The data directory is --data, else $WECOM_BRIDGE_DATA, else the user config dir.
`)
}

func runDirectoryCLI(ctx context.Context, svc *services.Services, args []string) error {
	if len(args) > 0 && args[0] == "import" {
		return directory.RunImportCLI(ctx, svc.Directory, args[1:], os.Stdout, os.Stdin)
	}
	if len(args) > 0 && args[0] == "export" {
		return directory.RunExportCLI(ctx, svc.Directory, args[1:], os.Stdout)
	}
	return fmt.Errorf("usage: wecom-bridge directory import FILE [--yes] [--full-snapshot] | export FILE")
}

// bindApp is how the launchers build the bound facade.
func bindApp(svc *services.Services) (any, func(context.Context)) {
	app := NewApp(svc)
	return app, app.startup
}

func runDesktop(dataFlag string) error {
	return launch.Desktop(dataFlag, frontendAssets(), bindApp)
}

func runServe(ctx context.Context, dataFlag string, args []string) error {
	return launch.Serve(ctx, dataFlag, args, frontendAssets(), bindApp, os.Stdout)
}
