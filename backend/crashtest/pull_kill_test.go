package crashtest

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"wecom-bridge/backend/store"
	"wecom-bridge/backend/usererr"
)

// TestKill9DuringPullIsRecordedAsInterrupted runs `pull` with the real
// binary against a simulator whose department/list hangs, kills it with
// SIGKILL while it waits, and checks that the next start records the pull
// as interrupted in the history (before the new pull's own row).
func TestKill9DuringPullIsRecordedAsInterrupted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the real binary")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	sim := startSim(t, bin)
	data := filepath.Join(dir, "data")
	env := []string{"WECOM_BRIDGE_KEYSTORE=file", "WECOM_CONTACT_SECRET=" + sim.contact, "WECOM_APP_SECRET=" + sim.app}
	run(t, bin, env, "corp", "add", "--data", data, "--name", "crash", "--corp-id", sim.corpID,
		"--api-base", sim.base, "--app", "全员应用=1000002")

	setFaults(t, sim, `{"per_api":{"department/list":{"latency_ms":3600000}}}`)
	cmd := exec.Command(bin, "pull", "--corp", "crash", "--data", data)
	cmd.Env = append(cmd.Environ(), env...)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(time.Minute)
	for simCalls(t, sim, "department/list") == 0 {
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("the pull never reached department/list:\n%s", out.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()

	setFaults(t, sim, `{}`)
	run(t, bin, env, "pull", "--corp", "crash", "--data", data)

	st, err := store.Open(context.Background(), data)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	var rows []struct {
		Status string `db:"status"`
		Error  string `db:"error"`
	}
	if err := st.DB.Select(&rows, `SELECT status, error FROM pull_runs ORDER BY id`); err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 || rows[0].Status != "interrupted" || !strings.Contains(usererr.FromStored(rows[0].Error).EN, "stopped during this pull") || rows[1].Status != "ok" {
		t.Fatalf("pull history = %+v, want the killed pull as interrupted, then the new pull ok", rows)
	}
}

func setFaults(t *testing.T, s simInfo, body string) {
	t.Helper()
	resp, err := http.Post(strings.TrimSuffix(s.base, "/")+"/sim/faults", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("POST /sim/faults: %s", resp.Status)
	}
}

// simCalls reads how many calls of api the simulator has answered or is answering.
func simCalls(t *testing.T, s simInfo, api string) int {
	t.Helper()
	resp, err := http.Get(strings.TrimSuffix(s.base, "/") + "/sim/stats")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var stats map[string]any
	json.NewDecoder(resp.Body).Decode(&stats)
	return countIn(stats, api)
}
