package login_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"testing"

	"wecom-bridge/backend/corp"
	"wecom-bridge/backend/login"
	"wecom-bridge/backend/secrets"
	"wecom-bridge/backend/store"
	"wecom-bridge/backend/wecom/wecomsim"
)

type env struct {
	t      *testing.T
	ctx    context.Context
	st     *store.Store
	corps  *corp.Service
	svc    *login.Service
	sim    *wecomsim.Sim
	org    *wecomsim.Org
	simURL string
	corp   *corp.Corp
}

// newEnv: a real store, the corp service and a corp configured against a
// simulator served over HTTP.
func newEnv(t *testing.T) *env {
	t.Helper()
	ctx := context.Background()
	st, err := store.Open(ctx, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	corps, err := corp.Open(ctx, st, corp.WithKeyOptions(secrets.Options{Backend: secrets.BackendFile}))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { corps.Close(); st.Close() })
	org := wecomsim.DemoOrg()
	sim := wecomsim.New(org)
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	res, err := corps.SaveCorp(ctx, corp.CorpInput{Name: "星河科技", CorpID: org.CorpID, APIBaseURL: srv.URL,
		ContactSecret: org.ContactSecret, ContactPermission: corp.PermissionWrite})
	if err != nil || !res.OK {
		t.Fatalf("SaveCorp: %v %+v", err, res.Errors)
	}
	for _, a := range org.Apps {
		r, err := corps.SaveApp(ctx, corp.AppInput{CorpRef: res.ID, Name: a.Name, AgentID: strconv.Itoa(a.AgentID), Secret: a.Secret})
		if err != nil || !r.OK {
			t.Fatalf("SaveApp: %v %+v", err, r.Errors)
		}
	}
	c, err := corps.Get(ctx, res.ID)
	if err != nil {
		t.Fatal(err)
	}
	return &env{t: t, ctx: ctx, st: st, corps: corps, svc: login.New(st, corps), sim: sim, org: org, simURL: srv.URL, corp: c}
}
