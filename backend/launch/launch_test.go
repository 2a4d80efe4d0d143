package launch

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"wecom-bridge/backend/datadir"
	"wecom-bridge/backend/services"
)

func TestSplitDataFlag(t *testing.T) {
	cases := []struct {
		args     []string
		def      string
		wantData string
		wantRest []string
	}{
		{[]string{"list", "--data", "/x"}, "", "/x", []string{"list"}},
		{[]string{"--data=/y", "check", "acme"}, "/d", "/y", []string{"check", "acme"}},
		{[]string{"list"}, "/d", "/d", []string{"list"}},
	}
	for _, c := range cases {
		d, rest := SplitDataFlag(c.args, c.def)
		if d != c.wantData || !reflect.DeepEqual(rest, c.wantRest) {
			t.Errorf("SplitDataFlag(%v) = %q %v", c.args, d, rest)
		}
	}
}

func TestSecondInstanceOnSameDataDirRefused(t *testing.T) {
	t.Setenv("WECOM_BRIDGE_KEYSTORE", "file")
	dir := t.TempDir()
	ctx := context.Background()
	first, err := open(ctx, dir, services.ModeCLI)
	if err != nil {
		t.Fatal(err)
	}
	_, err = open(ctx, dir, services.ModeCLI)
	if !errors.Is(err, datadir.ErrLocked) || !strings.Contains(err.Error(), "already running") {
		t.Fatalf("second open: %v", err)
	}
	first.close()
	err = WithServices(ctx, dir, func(svc *services.Services) error {
		if svc.DataDir != dir {
			t.Errorf("data dir %q", svc.DataDir)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("after the first closed, the dir must be free: %v", err)
	}
}
