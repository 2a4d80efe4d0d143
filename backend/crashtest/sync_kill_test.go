package crashtest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
)

const accounts = 5000

// TestKill9DuringApplyResumesExactly applies a 5,000-operation to-WeCom plan
// with the real binary, kills it with SIGKILL at random points, runs
// `sync apply` again each time, and checks the simulator ends with exactly
// the planned members: none missing, none twice, each in its department.
func TestKill9DuringApplyResumesExactly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the real binary")
	}
	dir := t.TempDir()
	bin := buildBinary(t, dir)
	sim := startSim(t, bin)
	data := filepath.Join(dir, "data")
	env := []string{"WECOM_BRIDGE_KEYSTORE=file", "WECOM_CONTACT_SECRET=" + sim.contact, "WECOM_APP_SECRET=" + sim.app}

	run(t, bin, env, "corp", "add", "--data", data, "--name", "crash", "--corp-id", sim.corpID,
		"--api-base", sim.base, "--permission", "write", "--app", "全员应用=1000002")
	csvPath := filepath.Join(dir, "dir.csv")
	writeDirectory(t, csvPath)
	run(t, bin, env, "directory", "import", csvPath, "--yes", "--data", data)
	run(t, bin, env, "pull", "--corp", "crash", "--data", data)
	run(t, bin, env, "sync", "options", "--corp", "crash", "--direction", "to-wecom", "--data", data,
		"--top-department", "1", "--create-users")
	planOut := run(t, bin, env, "sync", "plan", "--corp", "crash", "--direction", "to-wecom", "--json", "--data", data)
	var plan struct {
		ID             int64 `json:"id"`
		Blocked        bool  `json:"blocked"`
		ConfirmCreates bool  `json:"confirmCreates"`
		Operations     []struct {
			Type string `json:"type"`
		} `json:"operations"`
	}
	if err := json.Unmarshal([]byte(planOut), &plan); err != nil {
		t.Fatalf("plan JSON: %v\n%.500s", err, planOut)
	}
	creates := 0
	for _, op := range plan.Operations {
		if op.Type == "create_user" {
			creates++
		}
	}
	// 5,000 members into a corp of 10: the growth thresholds block it until
	// the admin types the number of creates.
	if creates != accounts || !plan.Blocked || !plan.ConfirmCreates {
		t.Fatalf("plan %d: %d create_user (want %d), blocked=%v confirmCreates=%v", plan.ID, creates, accounts, plan.Blocked, plan.ConfirmCreates)
	}

	finalOut := ""
	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 7))
	kills, midApply := 0, 0
	delay := 300 * time.Millisecond // grows while kills land before any create went out
	for attempt := 0; attempt < 12; attempt++ {
		cmd := exec.Command(bin, "sync", "apply", fmt.Sprint(plan.ID), "--confirm-creates", fmt.Sprint(accounts), "--data", data)
		cmd.Env = append(os.Environ(), env...)
		var out strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &out
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		if kills < 4 {
			select {
			case err := <-done:
				if err != nil {
					t.Fatalf("apply attempt %d failed before the kill: %v\n%s", attempt, err, out.String())
				}
				finalOut = out.String()
				goto finished
			case <-time.After(delay + time.Duration(rng.IntN(int(delay/time.Millisecond)))*time.Millisecond):
				cmd.Process.Signal(syscall.SIGKILL)
				<-done
				kills++
				created := simCreates(t, sim)
				if created > 0 && created < accounts {
					midApply++
				} else if created == 0 {
					delay *= 2
				}
				t.Logf("kill -9 #%d: WeCom has %d user/create calls so far", kills, created)
				continue
			}
		}
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("final apply failed: %v\n%s", err, out.String())
			}
			finalOut = out.String()
			goto finished
		case <-time.After(3 * time.Minute):
			cmd.Process.Kill()
			t.Fatalf("apply did not finish:\n%s", out.String())
		}
	}
	t.Fatal("apply never finished")
finished:
	t.Logf("%d kills, %d of them mid-apply", kills, midApply)
	checkFinalState(t, sim)
	// The read-back after the final resume found every operation applied,
	// and the mirror the apply wrote through equal to a fresh pull.
	if !strings.Contains(finalOut, ", 0 not applied by WeCom, mirror drift 0") {
		t.Fatalf("read-back after the resume:\n%s", finalOut)
	}
	// A preview right after, without a pull, plans nothing.
	again := run(t, bin, env, "sync", "plan", "--corp", "crash", "--direction", "to-wecom", "--json", "--no-pull", "--data", data)
	if !strings.Contains(again, `"total":0,`) {
		t.Fatalf("the plan after the apply is not empty:\n%.800s", again)
	}
}

// buildBinary builds the real wecom-bridge into dir.
func buildBinary(t *testing.T, dir string) string {
	t.Helper()
	bin := filepath.Join(dir, "wecom-bridge")
	if out, err := exec.Command("go", "build", "-o", bin, "wecom-bridge").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

type simInfo struct{ base, corpID, contact, app string }

func startSim(t *testing.T, bin string) simInfo {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	cmd := exec.CommandContext(ctx, bin, "sim", "--addr", "127.0.0.1:0", "--users", "10", "--departments", "3", "--seed", "5")
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	var s simInfo
	re := map[string]*regexp.Regexp{
		"base":    regexp.MustCompile(`listening on (http://\S+)`),
		"corp":    regexp.MustCompile(`corp ID:\s+(\S+)`),
		"contact": regexp.MustCompile(`contact secret:\s+(\S+)`),
		"app":     regexp.MustCompile(`app 1000002 \S+ secret: (\S+)`),
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && (s.base == "" || s.corpID == "" || s.contact == "" || s.app == "") {
		line := sc.Text()
		if m := re["base"].FindStringSubmatch(line); m != nil {
			s.base = m[1]
		}
		if m := re["corp"].FindStringSubmatch(line); m != nil {
			s.corpID = m[1]
		}
		if m := re["contact"].FindStringSubmatch(line); m != nil {
			s.contact = m[1]
		}
		if m := re["app"].FindStringSubmatch(line); m != nil {
			s.app = m[1]
		}
	}
	go io.Copy(io.Discard, stdout)
	if s.app == "" {
		t.Fatal("could not read the simulator's address and secrets")
	}
	return s
}

func run(t *testing.T, bin string, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	cmd.Stdin = strings.NewReader("")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("%s: %v\n%s\n%s", strings.Join(args[:2], " "), err, out, stderr)
	}
	return string(out)
}

// writeDirectory writes 5,000 accounts in 10 departments under one root.
func writeDirectory(t *testing.T, path string) {
	var b strings.Builder
	b.WriteString("account,name,email,department\n") // WeCom needs a mobile or an email
	for i := 0; i < accounts; i++ {
		fmt.Fprintf(&b, "crash%05d,测试员%05d,crash%05d@example.com,集团/部门%02d\n", i, i, i, i%10)
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
}

func checkFinalState(t *testing.T, s simInfo) {
	resp, err := http.Get(strings.TrimSuffix(s.base, "/") + "/sim/org")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var org struct {
		Departments []struct {
			ID       int64  `json:"id"`
			Name     string `json:"name"`
			ParentID int64  `json:"parentid"`
		} `json:"departments"`
		Users []struct {
			UserID     string  `json:"userid"`
			Department []int64 `json:"department"`
		} `json:"users"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&org); err != nil {
		t.Fatal(err)
	}
	names := map[int64]string{}
	deptCount := map[string]int{}
	for _, d := range org.Departments {
		names[d.ID] = d.Name
		deptCount[d.Name]++
	}
	if deptCount["集团"] != 1 {
		t.Fatalf("department 集团 exists %d times", deptCount["集团"])
	}
	for i := 0; i < 10; i++ {
		if n := deptCount[fmt.Sprintf("部门%02d", i)]; n != 1 {
			t.Fatalf("department 部门%02d exists %d times", i, n)
		}
	}
	seen := map[string]int{}
	for _, u := range org.Users {
		if !strings.HasPrefix(u.UserID, "crash") {
			continue
		}
		seen[u.UserID]++
		var i int
		fmt.Sscanf(u.UserID, "crash%05d", &i)
		if len(u.Department) != 1 || names[u.Department[0]] != fmt.Sprintf("部门%02d", i%10) {
			t.Fatalf("%s is in %v, want 部门%02d", u.UserID, u.Department, i%10)
		}
	}
	if len(seen) != accounts {
		t.Fatalf("%d of %d accounts exist in WeCom", len(seen), accounts)
	}
	for id, n := range seen {
		if n != 1 {
			t.Fatalf("%s exists %d times", id, n)
		}
	}
}

// simCreates reads how many user/create calls the simulator has answered.
func simCreates(t *testing.T, s simInfo) int { return simCalls(t, s, "user/create") }

// countIn finds the counter for api in the stats JSON, flat or nested.
func countIn(v any, api string) int {
	switch x := v.(type) {
	case map[string]any:
		if n, ok := x[api].(float64); ok {
			return int(n)
		}
		for _, child := range x {
			if n := countIn(child, api); n > 0 {
				return n
			}
		}
	}
	return 0
}
