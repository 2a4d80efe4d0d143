package corp

import (
	"context"
	"fmt"
	"sync"

	"wecom-bridge/backend/usererr"
	"wecom-bridge/backend/wecom"
)

// maxScopeDepts caps the departments whose members the scope step counts: a
// check must stay one click even in a corp with thousands of departments.
const maxScopeDepts = 100

func (r *checkRun) appSteps(reach []string) []stepDef {
	if len(r.cfg.apps) == 0 {
		return []stepDef{{key: "apps", title: msg("check_title_apps", nil), run: func(_ context.Context, st *CheckStep) {
			st.Status = StatusFailed
			st.Detail = msg("check_no_app", nil)
			st.fix(msg("check_fix_no_app", nil))
		}}}
	}
	var steps []stepDef
	for i := range r.cfg.apps {
		a := &r.cfg.apps[i]
		id := a.row.AgentID
		k := fmt.Sprintf("app:%d:", id)
		app := usererr.Args{"app": a.row.Name}
		steps = append(steps,
			stepDef{key: k + "token", needs: reach,
				title: msg("check_title_app_token", app),
				run: func(ctx context.Context, st *CheckStep) {
					r.tokenStep(ctx, st, a.cred, appTokenFixes(a.row.Name, r.cfg.row.CorpID))
				}},
			stepDef{key: k + "agent", needs: []string{k + "token"},
				title: msg("check_title_app_agent", app),
				run:   func(ctx context.Context, st *CheckStep) { r.agentStep(ctx, st, a) }},
			stepDef{key: k + "scope", needs: []string{k + "agent"},
				title: msg("check_title_app_scope", app),
				run:   func(ctx context.Context, st *CheckStep) { r.scopeStep(ctx, st, a) }},
		)
	}
	return steps
}

func appTokenFixes(name, corpID string) map[int]usererr.Message {
	return map[int]usererr.Message{
		40013: corpIDFix(corpID),
		40001: msg("check_fix_app_secret", usererr.Args{"app": name}),
	}
}

func corpIDFix(corpID string) usererr.Message {
	return msg("check_fix_corp_id", usererr.Args{"corpId": corpID})
}

// tokenStep calls gettoken directly (not the cache), so a secret changed in
// the console since the last token is noticed now.
func (r *checkRun) tokenStep(ctx context.Context, st *CheckStep, cred wecom.Credential, fixes map[int]usererr.Message) {
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
	st.Detail = msg("check_token_ok", usererr.Args{"seconds": t.ExpiresIn})
}

func (r *checkRun) agentStep(ctx context.Context, st *CheckStep, a *appConfig) {
	st.API = "agent/get"
	ag, err := r.client.GetAgent(ctx, a.cred, a.row.AgentID)
	mismatch := msg("check_fix_agent_mismatch", nil)
	if err != nil {
		r.fail(st, "agent/get", err, map[int]usererr.Message{301002: mismatch, 40056: mismatch})
		return
	}
	switch {
	case ag.AgentID != a.row.AgentID:
		st.Status = StatusFailed
		st.Detail = msg("check_agent_other", usererr.Args{"got": ag.AgentID, "gotName": ag.Name, "want": a.row.AgentID})
		st.fix(mismatch)
	case ag.Close == 1:
		st.Status = StatusFailed
		st.Detail = msg("check_app_disabled", usererr.Args{"app": ag.Name})
		st.Errcode = 50003
		st.fix(wecomFix(wecom.Hint(50003, "")))
	default:
		r.agents[a.row.AgentID] = ag
		st.Detail = msg("check_agent_ok", usererr.Args{"agentId": ag.AgentID, "app": ag.Name})
	}
}

// scopeStep counts the departments and members the app can see.
func (r *checkRun) scopeStep(ctx context.Context, st *CheckStep, a *appConfig) {
	st.API = "department/simplelist"
	fix := msg("check_fix_scope", usererr.Args{"app": a.row.Name})
	depts, err := r.client.ListDepartmentIDs(ctx, a.cred, 0)
	if err != nil {
		r.fail(st, "department/simplelist", err, map[int]usererr.Message{60011: fix})
		return
	}
	users, counted, err := r.countMembers(ctx, a.cred, depts)
	if err != nil {
		r.fail(st, "user/simplelist", err, map[int]usererr.Message{60011: fix})
		return
	}
	if ag := r.agents[a.row.AgentID]; ag != nil {
		for _, u := range ag.VisibleUserIDs() {
			users[u] = true
		}
	}
	if len(depts) == 0 && len(users) == 0 {
		st.Status = StatusFailed
		st.Detail = msg("check_scope_empty", nil)
		st.fix(fix)
		return
	}
	partial := usererr.Message{}
	if counted < len(depts) {
		partial = msg("check_scope_partial", usererr.Args{"counted": counted})
	}
	st.Detail = msg("check_scope", usererr.Args{"depts": len(depts), "members": len(users), "partial": partial,
		"deptless": len(depts) == 0, "private": r.privacyRestricted(ctx, a.cred, depts)})
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
