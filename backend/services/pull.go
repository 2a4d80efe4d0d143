package services

import (
	"context"
	"fmt"
	"io"

	"wecom-bridge/backend/actor"
	"wecom-bridge/backend/review"

	"wecom-bridge/backend/mirror"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// pullTarget resolves the client and the app credential a pull reads with.
// agentID 0 picks the corp's first app: pulls use an app's visible scope
// (the 通讯录同步 secret may not read details from new IPs since 2022).
func (s *Services) pullTarget(ctx context.Context, corpID, agentID int64) (*wecom.Client, wecom.Credential, error) {
	client, creds, err := s.Corps.Client(ctx, corpID)
	if err != nil {
		return nil, wecom.Credential{}, err
	}
	if len(creds.Apps) == 0 {
		return nil, wecom.Credential{}, usererr.New("no_app", nil)
	}
	if agentID == 0 {
		return client, creds.Apps[0], nil
	}
	cred, ok := creds.App(agentID)
	if !ok {
		return nil, wecom.Credential{}, usererr.New("unknown_app", usererr.Args{"agentId": agentID})
	}
	return client, cred, nil
}

// Pull reads the corp's WeCom contacts into the mirror (progress: "pull:progress").
func (s *Services) Pull(ctx context.Context, corpID, agentID int64, trigger, actor string) (*mirror.Run, error) {
	client, cred, err := s.pullTarget(ctx, corpID, agentID)
	if err != nil {
		return nil, err
	}
	return s.Mirror.Pull(ctx, corpID, client, cred, trigger, actor)
}

// resolvePull is the CLI's `--corp NAME [--app AGENTID]` resolver.
func (s *Services) resolvePull(ctx context.Context, name string, agentID int64) (int64, *wecom.Client, wecom.Credential, error) {
	c, err := s.Corps.Find(ctx, name)
	if err != nil {
		return 0, nil, wecom.Credential{}, err
	}
	client, cred, err := s.pullTarget(ctx, c.ID, agentID)
	return c.ID, client, cred, err
}

// RunPullCLI implements `wecom-bridge pull --corp NAME [--app AGENTID]`:
// after a successful pull (through that app, default the corp's first) it
// rematches the corp's bindings, as the page does, and prints the review
// summary.
func (s *Services) RunPullCLI(ctx context.Context, args []string, stdout io.Writer) error {
	var corpID int64
	resolve := func(ctx context.Context, name string, agentID int64) (int64, *wecom.Client, wecom.Credential, error) {
		id, client, cred, err := s.resolvePull(ctx, name, agentID)
		corpID = id
		return id, client, cred, err
	}
	if err := mirror.RunPullCLI(ctx, s.Mirror, resolve, args, stdout); err != nil || corpID == 0 {
		return err // a failed pull is not matched; -h resolves no corp
	}
	if _, err := s.RematchProgress(ctx, corpID, actor.Of("cli"), review.PhasePrinter(stdout)); err != nil {
		return fmt.Errorf("pull: the pull succeeded but the rematch failed: %w; run `wecom-bridge bindings match --corp NAME`", err)
	}
	sum, err := s.Review.Summary(ctx, corpID)
	if err != nil {
		return err
	}
	review.PrintSummary(stdout, sum)
	return nil
}
