package services

import (
	"context"
	"io"

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

// resolvePull is the CLI's `--corp NAME` resolver.
func (s *Services) resolvePull(ctx context.Context, name string) (int64, *wecom.Client, wecom.Credential, error) {
	c, err := s.Corps.Find(ctx, name)
	if err != nil {
		return 0, nil, wecom.Credential{}, err
	}
	client, cred, err := s.pullTarget(ctx, c.ID, 0)
	return c.ID, client, cred, err
}

// RunPullCLI implements `wecom-bridge pull --corp NAME`.
func (s *Services) RunPullCLI(ctx context.Context, args []string, stdout io.Writer) error {
	return mirror.RunPullCLI(ctx, s.Mirror, s.resolvePull, args, stdout)
}
