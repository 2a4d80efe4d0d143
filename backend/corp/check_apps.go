package corp

import (
	"context"
	"fmt"
	"sync"

	"wecom-bridge/backend/wecom"
)

// maxScopeDepts caps the departments whose members the scope step counts: a
// check must stay one click even in a corp with thousands of departments.
const maxScopeDepts = 100

func (r *checkRun) appSteps(reach []string) []stepDef {
	if len(r.cfg.apps) == 0 {
		return []stepDef{{key: "apps", title: "自建应用", titleEN: "Self-built apps", run: func(_ context.Context, st *CheckStep) {
			st.Status = StatusFailed
			st.Detail, st.DetailEN = "还没有配置自建应用。", "No self-built app is configured."
			st.Fix = "添加至少一个自建应用（AgentId + Secret）：应用管理 → 自建 → 创建应用；读取成员详情、发消息和登录都需要它。"
			st.FixEN = "Add at least one self-built app (AgentId + Secret): 应用管理 → 自建 → 创建应用. Reading member details, messages and login need it."
		}}}
	}
	var steps []stepDef
	for i := range r.cfg.apps {
		a := &r.cfg.apps[i]
		id := a.row.AgentID
		k := fmt.Sprintf("app:%d:", id)
		steps = append(steps,
			stepDef{key: k + "token", needs: reach,
				title: fmt.Sprintf("应用“%s”获取 access_token", a.row.Name), titleEN: fmt.Sprintf("App %q: get access_token", a.row.Name),
				run: func(ctx context.Context, st *CheckStep) {
					r.tokenStep(ctx, st, a.cred, appTokenFixes(a.row.Name, r.cfg.row.CorpID))
				}},
			stepDef{key: k + "agent", needs: []string{k + "token"},
				title: fmt.Sprintf("应用“%s”AgentId 与 Secret 匹配", a.row.Name), titleEN: fmt.Sprintf("App %q: AgentId matches the Secret", a.row.Name),
				run: func(ctx context.Context, st *CheckStep) { r.agentStep(ctx, st, a) }},
			stepDef{key: k + "scope", needs: []string{k + "agent"},
				title: fmt.Sprintf("应用“%s”可见范围", a.row.Name), titleEN: fmt.Sprintf("App %q: visible scope", a.row.Name),
				run: func(ctx context.Context, st *CheckStep) { r.scopeStep(ctx, st, a) }},
		)
	}
	return steps
}

func appTokenFixes(name, corpID string) map[int][2]string {
	return map[int][2]string{
		40013: {fmt.Sprintf("企业ID 不对（当前为 %s）：到 我的企业 → 企业信息 → 企业ID 复制正确的值。", corpID),
			fmt.Sprintf("The corp ID is wrong (now %s): copy it from 我的企业 → 企业信息 → 企业ID.", corpID)},
		40001: {fmt.Sprintf("应用“%s”的 Secret 不对（或已重置、应用已停用）：到 应用管理 → 自建 → %s → Secret 点“查看”重新获取并粘贴。AgentId 和 Secret 必须来自同一个应用。", name, name),
			fmt.Sprintf("App %q's Secret is wrong (or was reset, or the app is disabled): view it again under 应用管理 → 自建 → %s → Secret and paste it. The AgentId and Secret must come from the same app.", name, name)},
	}
}

// tokenStep calls gettoken directly (not the cache), so a secret changed in
// the console since the last token is noticed now.
func (r *checkRun) tokenStep(ctx context.Context, st *CheckStep, cred wecom.Credential, fixes map[int][2]string) {
	st.API = "gettoken"
	t, err := r.client.GetToken(ctx, cred)
	if err != nil {
		r.fail(st, "gettoken", err, fixes)
		return
	}
	if r.working == nil || (r.working.AgentID == 0 && cred.AgentID != 0) {
		c := cred
		r.working = &c // prefer an app: get_api_domain_ip then also works under an IP rule for the contact secret
	}
	st.Detail = fmt.Sprintf("成功，有效期 %d 秒", t.ExpiresIn)
	st.DetailEN = fmt.Sprintf("OK, valid for %d s", t.ExpiresIn)
}

var agentMismatchFix = [2]string{
	"AgentId 和 Secret 必须来自同一个应用：到 应用管理 → 自建 → 该应用 的同一页面复制 AgentId 和 Secret。",
	"The AgentId and the Secret must come from the same app: copy both from the same page under 应用管理 → 自建 → the app.",
}

func (r *checkRun) agentStep(ctx context.Context, st *CheckStep, a *appConfig) {
	st.API = "agent/get"
	ag, err := r.client.GetAgent(ctx, a.cred, a.row.AgentID)
	if err != nil {
		r.fail(st, "agent/get", err, map[int][2]string{301002: agentMismatchFix, 40056: agentMismatchFix})
		return
	}
	switch {
	case ag.AgentID != a.row.AgentID:
		st.Status = StatusFailed
		st.Detail = fmt.Sprintf("此 Secret 属于 AgentId %d（%s），而不是 %d。", ag.AgentID, ag.Name, a.row.AgentID)
		st.DetailEN = fmt.Sprintf("This Secret belongs to AgentId %d (%s), not %d.", ag.AgentID, ag.Name, a.row.AgentID)
		st.Fix, st.FixEN = agentMismatchFix[0], agentMismatchFix[1]
	case ag.Close == 1:
		st.Status = StatusFailed
		st.Detail, st.DetailEN = fmt.Sprintf("应用“%s”已停用。", ag.Name), fmt.Sprintf("App %q is disabled.", ag.Name)
		h := wecom.Hint(50003, "")
		st.Errcode, st.Fix, st.FixEN = 50003, h.Fix, h.FixEN
	default:
		r.agents[a.row.AgentID] = ag
		st.Detail = fmt.Sprintf("AgentId %d 是企业微信中的应用“%s”", ag.AgentID, ag.Name)
		st.DetailEN = fmt.Sprintf("AgentId %d is the app %q in WeCom", ag.AgentID, ag.Name)
	}
}

func scopeFix(name string) [2]string {
	return [2]string{
		fmt.Sprintf("扩大可见范围：到 应用管理 → 自建 → %s → 可见范围 添加部门（同步整个企业请选根部门）。同步和登录只看得到可见范围内的部门和成员；只选成员、不选部门时看不到部门结构。", name),
		fmt.Sprintf("Widen the visible scope: 应用管理 → 自建 → %s → 可见范围, add departments (the root for the whole corp). Sync and login only see departments and members in the scope; members alone give no department structure.", name),
	}
}

// scopeStep counts the departments and members the app can see.
func (r *checkRun) scopeStep(ctx context.Context, st *CheckStep, a *appConfig) {
	st.API = "department/simplelist"
	fix := scopeFix(a.row.Name)
	depts, err := r.client.ListDepartmentIDs(ctx, a.cred, 0)
	if err != nil {
		r.fail(st, "department/simplelist", err, map[int][2]string{60011: fix})
		return
	}
	users, counted, err := r.countMembers(ctx, a.cred, depts)
	if err != nil {
		r.fail(st, "user/simplelist", err, map[int][2]string{60011: fix})
		return
	}
	if ag := r.agents[a.row.AgentID]; ag != nil {
		for _, u := range ag.VisibleUserIDs() {
			users[u] = true
		}
	}
	if len(depts) == 0 && len(users) == 0 {
		st.Status = StatusFailed
		st.Detail, st.DetailEN = "可见范围为空：看不到任何部门或成员。", "The visible scope is empty: no department or member is visible."
		st.Fix, st.FixEN = fix[0], fix[1]
		return
	}
	atLeast, atLeastEN := "", ""
	if counted < len(depts) {
		atLeast = fmt.Sprintf("（只统计了前 %d 个部门）至少 ", counted)
		atLeastEN = fmt.Sprintf("at least (counted the first %d departments) ", counted)
	}
	st.Detail = fmt.Sprintf("可见 %d 个部门、%s%d 名成员", len(depts), atLeast, len(users))
	st.DetailEN = fmt.Sprintf("%d departments and %s%d members visible", len(depts), atLeastEN, len(users))
	if len(depts) == 0 {
		st.Detail += "；只含成员、不含部门，同步时看不到部门结构"
		st.DetailEN += "; members only, so sync sees no department structure"
	}
	if r.privacyRestricted(ctx, a.cred, depts) {
		st.Detail += "；该应用读不到手机号和邮箱（2022-06-20 后创建的应用），匹配成员将主要依靠姓名"
		st.DetailEN += "; this app gets no mobile or email (created after 2022-06-20), so matching relies mostly on names"
	}
}

// countMembers lists the members of up to maxScopeDepts departments (direct
// members each, so the union is exact), four at a time.
func (r *checkRun) countMembers(ctx context.Context, cred wecom.Credential, depts []wecom.DepartmentID) (map[string]bool, int, error) {
	n := min(len(depts), maxScopeDepts)
	var (
		mu    sync.Mutex
		users = map[string]bool{}
		first error
		wg    sync.WaitGroup
		sem   = make(chan struct{}, 4)
	)
	for _, d := range depts[:n] {
		wg.Add(1)
		sem <- struct{}{}
		go func(id int64) {
			defer wg.Done()
			defer func() { <-sem }()
			list, err := r.client.ListUsersSimple(ctx, cred, id)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if first == nil {
					first = err
				}
				return
			}
			for _, u := range list {
				users[u.UserID] = true
			}
		}(d.ID)
	}
	wg.Wait()
	return users, n, first
}

// privacyRestricted samples one department's member details: no mobile and
// no email for anyone means the app is under the 2022-06-20 privacy rule.
func (r *checkRun) privacyRestricted(ctx context.Context, cred wecom.Credential, depts []wecom.DepartmentID) bool {
	for _, d := range depts[:min(len(depts), 5)] {
		list, err := r.client.ListUsers(ctx, cred, d.ID)
		if err != nil || len(list) == 0 {
			continue
		}
		for _, u := range list {
			if u.Mobile != "" || u.Email != "" {
				return false
			}
		}
		return true
	}
	return false
}
