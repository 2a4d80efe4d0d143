package mirror

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"wecom-bridge/backend/wecom"
)

func (e *env) resolver(name string) func(context.Context, string, int64) (int64, *wecom.Client, wecom.Credential, error) {
	return func(_ context.Context, corp string, _ int64) (int64, *wecom.Client, wecom.Credential, error) {
		if corp != name {
			return 0, nil, wecom.Credential{}, errors.New("no corp with this name: add it in the app first")
		}
		return e.corpID, e.client(), e.contactCred(), nil
	}
}

func TestPullCLI(t *testing.T) {
	var failing atomic.Bool
	e := newEnv(t, genOrg(120, 15), failDepartments(&failing, map[int]int{4: 60011}))
	ctx := context.Background()

	var out bytes.Buffer
	if err := RunPullCLI(ctx, e.svc, e.resolver("星河"), []string{"--corp", "星河"}, &out); err != nil {
		t.Fatalf("pull: %v\n%s", err, out.String())
	}
	for _, want := range []string{"departments 15/15", "ok: 15 departments, 120 members, 16 API calls"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	runs, _ := e.svc.Runs(ctx, e.corpID, 1)
	if len(runs) != 1 || runs[0].Trigger != TriggerManual || !strings.HasPrefix(runs[0].StartedBy, "cli") {
		t.Errorf("run = %+v, want a manual run started by cli", runs)
	}

	failing.Store(true)
	out.Reset()
	err := RunPullCLI(ctx, e.svc, e.resolver("星河"), []string{"-corp=星河", "--by", "alice"}, &out)
	if err == nil || !strings.Contains(err.Error(), "partial pull: One department could not be read") {
		t.Fatalf("partial pull: err = %v, want an error saying partial", err)
	}
	for _, want := range []string{"partial:", "read 14 of 15 departments", "failed departments (1):", "(id 4): errcode 60011", "fix: ", "previous mirror is kept"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}

	if err := RunPullCLI(ctx, e.svc, e.resolver("星河"), nil, &out); err == nil || !strings.Contains(err.Error(), "--corp") {
		t.Errorf("no --corp: err = %v", err)
	}
	if err := RunPullCLI(ctx, e.svc, e.resolver("星河"), []string{"--corp", "别的"}, &out); err == nil || !strings.Contains(err.Error(), "别的") {
		t.Errorf("unknown corp: err = %v", err)
	}
	out.Reset()
	if err := RunPullCLI(ctx, e.svc, e.resolver("星河"), []string{"-h"}, &out); err != nil || !strings.Contains(out.String(), "usage:") {
		t.Errorf("-h: err = %v, output %q", err, out.String())
	}
}
