package services

import (
	"context"
	"io"
	"strings"

	"wecom-bridge/backend/push"
	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// pushClients gives the push worker a corp's client and its apps.
type pushClients struct{ s *Services }

func (p pushClients) Client(ctx context.Context, corpID int64) (*wecom.Client, []wecom.Credential, error) {
	c, creds, err := p.s.Corps.Client(ctx, corpID)
	if err != nil {
		return nil, nil, err
	}
	return c, creds.Apps, nil
}

// settingPushAdmin is the local account of the admin who receives test messages.
const settingPushAdmin = "push.admin_account"

// pushRecipients maps intake recipients to WeCom ids: accounts through
// confirmed bindings only, department paths through the pulled mirror.
type pushRecipients struct{ s *Services }

func (p pushRecipients) UserIDs(ctx context.Context, corpID int64, accounts []string) (map[string]string, error) {
	pairs, err := p.s.Review.ConfirmedPairs(ctx, corpID)
	if err != nil {
		return nil, err
	}
	byFold := make(map[string]string, len(pairs))
	for a, u := range pairs {
		byFold[strings.ToLower(a)] = u
	}
	out := map[string]string{}
	for _, a := range accounts {
		if u, ok := byFold[strings.ToLower(a)]; ok {
			out[a] = u
		}
	}
	return out, nil
}

// DepartmentIDs accepts a path with or without the WeCom root (the corp's
// name): senders know their own tree, "总部/研发中心", not WeCom's root.
func (p pushRecipients) DepartmentIDs(ctx context.Context, corpID int64, paths []string) (map[string]int64, error) {
	depts, err := p.s.Mirror.Departments(ctx, corpID)
	if err != nil {
		return nil, err
	}
	byPath := map[string]int64{}
	for _, d := range depts {
		full := strings.Join(d.Path, "/")
		byPath[full] = d.ID
		if len(d.Path) > 1 {
			if _, taken := byPath[strings.Join(d.Path[1:], "/")]; !taken {
				byPath[strings.Join(d.Path[1:], "/")] = d.ID
			}
		}
	}
	out := map[string]int64{}
	for _, path := range paths {
		if id, ok := byPath[strings.Trim(path, "/ ")]; ok {
			out[path] = id
		}
	}
	return out, nil
}

func (p pushRecipients) AdminUserID(ctx context.Context, corpID int64) (string, error) {
	account, err := p.s.Store.GetSetting(ctx, settingPushAdmin, "")
	if err != nil {
		return "", err
	}
	if account == "" {
		return "", usererr.New("no_admin_account", nil)
	}
	m, err := p.UserIDs(ctx, corpID, []string{account})
	if err != nil {
		return "", err
	}
	if m[account] == "" {
		return "", usererr.New("admin_unbound", usererr.Args{"account": account})
	}
	return m[account], nil
}

// RunAPIKeyCLI implements `wecom-bridge apikey create NAME|list|revoke ID`.
func (s *Services) RunAPIKeyCLI(ctx context.Context, args []string, stdout io.Writer) error {
	return push.RunAPIKeyCLI(ctx, s.Push, s.resolveCorpID, args, stdout)
}

// RunPushRuleCLI implements `wecom-bridge push rule add|list|remove …`.
func (s *Services) RunPushRuleCLI(ctx context.Context, args []string, stdout io.Writer) error {
	return push.RunRuleCLI(ctx, s.Push, s.resolveCorpID, args, stdout)
}
