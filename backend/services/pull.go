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
		return nil, wecom.Credential{}, usererr.New("no_app", "该企业还没有自建应用：请在 接入配置 中添加一个（拉取只读取应用可见范围内的成员）",
			"this corp has no self-built app: add one in 接入配置 (Setup) — a pull reads within an app's 可见范围")
	}
	if agentID == 0 {
		return client, creds.Apps[0], nil
	}
	cred, ok := creds.App(agentID)
	if !ok {
		return nil, wecom.Credential{}, usererr.Newf("unknown_app", "该企业没有 AgentId 为 %[1]d 的应用：请在 接入配置 中核对，或选择另一个应用",
			"this corp has no app with AgentId %[1]d: check 接入配置 (Setup) or choose another app", agentID)
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
