// Package bench prints benchmark figures as one JSON line each, for `make bench`.
//
// Benchmarks are ordinary tests named TestBench* that skip unless WECOM_BENCH=1,
// so `go test ./...` stays fast and never asserts a timing. `make bench` runs
// them and keeps only the JSON lines.
package bench

import (
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

// Figure is one measured number.
type Figure struct {
	Name   string  `json:"figure"`
	Value  float64 `json:"value"`
	Unit   string  `json:"unit"`
	Target string  `json:"target,omitempty"` // the target, as text, e.g. "<= 1 s"
	Note   string  `json:"note,omitempty"`
}

// Enabled reports whether benchmarks were asked for.
func Enabled() bool { return os.Getenv("WECOM_BENCH") == "1" }

// Require skips the test unless WECOM_BENCH=1.
func Require(t testing.TB) {
	t.Helper()
	if !Enabled() {
		t.Skip("benchmark: set WECOM_BENCH=1 (make bench)")
	}
}

// Report prints the figure as a single JSON line on stdout.
func Report(f Figure) {
	b, _ := json.Marshal(f)
	fmt.Fprintln(os.Stdout, string(b))
}

// PeakHeapMB samples the Go heap in use now, in MiB. Callers take the max of
// samples around the measured work (runtime/metrics has no true peak).
func PeakHeapMB() float64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapInuse) / (1 << 20)
}

// Percentile is the p-th (0..1) value of sorted (0 when empty).
func Percentile(sorted []float64, p float64) float64 {
	if len(sorted) == 0 {
		return 0
	}
	return sorted[min(len(sorted)-1, int(float64(len(sorted))*p))]
}

// LoadAverage is the 1-minute load average (Linux), to read figures measured
// on a shared machine against.
func LoadAverage() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(b))
	if len(f) == 0 {
		return "unknown"
	}
	return f[0]
}

// CPUSeconds is the CPU time (user + system) this process has used so far
// (Linux; 0 elsewhere). On a shared machine, the CPU a piece of work took
// says more than its wall time, which waits for other processes.
func CPUSeconds() float64 {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// The command name (field 2) may hold spaces: count from its ')'.
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+1:])
	if len(f) < 13 {
		return 0
	}
	utime, _ := strconv.ParseFloat(f[11], 64) // fields 14 and 15 of proc(5), in clock ticks
	stime, _ := strconv.ParseFloat(f[12], 64)
	return (utime + stime) / 100 // USER_HZ is 100 on every Linux the app supports
}
