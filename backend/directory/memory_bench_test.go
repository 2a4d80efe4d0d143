package directory

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"wecom-bridge/backend/bench"
	"wecom-bridge/backend/tabular"
	"wecom-bridge/backend/tabular/tabulartest"
	"wecom-bridge/backend/usererr"
)

// The memory bench imports hostile files in a child process each (this test
// binary again, running only TestImportMemoryChild), so that each case's
// peak RSS is its own: the kernel's ru_maxrss of the child. The child's
// temporary directory must be empty when it exits.

// memCase is one file the bench imports, and what the import must say.
type memCase struct {
	name, file string
	check      func(*Preview, error) error
}

var memCases = map[string]memCase{
	"xlsx_bomb": {"xlsx_bomb", "bomb.xlsx", func(_ *Preview, err error) error {
		if !usererr.Is(err, "xlsx_over_limit") {
			return fmt.Errorf("want xlsx_over_limit, got %v", err)
		}
		return nil
	}},
	"xlsx_bomb_under_cap": {"xlsx_bomb_under_cap", "bomb-under-cap.xlsx", func(_ *Preview, err error) error {
		if !usererr.Is(err, "file_too_many_rows") {
			return fmt.Errorf("want file_too_many_rows, got %v", err)
		}
		return nil
	}},
	"duplicate_csv": {"duplicate_csv", "dups.csv", func(pv *Preview, err error) error {
		if err != nil || len(pv.Rejected) != 5000 || pv.Rejected[0].Problems[0].Args["count"] != "5000" {
			return fmt.Errorf("want 5,000 rejected duplicates, got %v", err)
		}
		return nil
	}},
	"csv_200mb": {"csv_200mb", "big.csv", func(_ *Preview, err error) error {
		if !usererr.Is(err, "file_too_large") {
			return fmt.Errorf("want file_too_large, got %v", err)
		}
		return nil
	}},
	"csv_at_limit": {"csv_at_limit", "limit.csv", func(pv *Preview, err error) error {
		if err != nil || len(pv.Adds) < 400_000 {
			return fmt.Errorf("want the accounts previewed, got %v", err)
		}
		return nil
	}},
}

// TestImportMemoryChild is the child's side: it previews one file through
// PreviewFile (what the CLI and the desktop use) and checks the answer.
func TestImportMemoryChild(t *testing.T) {
	name := os.Getenv("WECOM_MEMCASE")
	if name == "" {
		t.Skip("run by TestBenchImportMemory")
	}
	c := memCases[name]
	s := newTestService(t)
	pv, err := s.PreviewFile(context.Background(), os.Getenv("WECOM_MEMFILE"), ImportOptions{})
	if cerr := c.check(pv, err); cerr != nil {
		t.Fatal(cerr)
	}
	// The peak of this process alone: VmHWM is reset by exec (ru_maxrss of
	// a child started with vfork also counts the parent's pages).
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(string(status), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			fmt.Printf("PEAK_RSS_KB %s\n", strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:")), " kB"))
		}
	}
}

func TestBenchImportMemory(t *testing.T) {
	bench.Require(t)
	dir := t.TempDir()
	write := func(name string, fill func(w *bufio.Writer)) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriterSize(f, 1<<20)
		fill(w)
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return p
	}
	bomb := tabulartest.Bomb(1 << 30) // 1 GB of rows unzipped, about 4 MB zipped
	write("bomb.xlsx", func(w *bufio.Writer) { w.Write(bomb) })
	write("dups.csv", func(w *bufio.Writer) {
		w.WriteString("账号,姓名,手机,部门\n")
		for i := 0; i < 5000; i++ {
			w.WriteString("same.account,张三,13800138000\n")
		}
	})
	write("big.csv", func(w *bufio.Writer) {
		n, _ := w.WriteString("账号,姓名,工号,手机,邮箱,部门,职位,状态\n")
		for i := 0; n < 200<<20; i++ {
			k, _ := fmt.Fprintf(w, "u%07d,张伟,E%07d,138%08d,u%07d@example.com,总部/华东事业部/第1中心/研发1部,工程师,在职\n", i, i, i, i)
			n += k
		}
	})
	// The largest file the limits let in: 500,000 rows cut at the size limit.
	atLimit := generateDirectoryCSV(tabular.MaxRows)
	if len(atLimit) > tabular.MaxFileBytes {
		atLimit = atLimit[:bytes.LastIndexByte(atLimit[:tabular.MaxFileBytes], '\n')+1]
	}
	write("limit.csv", func(w *bufio.Writer) { w.Write(atLimit) })
	// A bomb just under the unzip limit is unzipped (to a temporary file)
	// and streamed until the row cap stops it.
	write("bomb-under-cap.xlsx", func(w *bufio.Writer) { w.Write(tabulartest.Bomb(tabular.MaxUnzippedBytes - 1<<20)) })

	for _, name := range []string{"xlsx_bomb", "xlsx_bomb_under_cap", "duplicate_csv", "csv_200mb", "csv_at_limit"} {
		c := memCases[name]
		path := filepath.Join(dir, c.file)
		tmp := t.TempDir()
		cmd := exec.Command(os.Args[0], "-test.run=^TestImportMemoryChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "WECOM_MEMCASE="+name, "WECOM_MEMFILE="+path, "TMPDIR="+tmp, "WECOM_BENCH=")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", name, err, out)
		}
		var kb float64
		for _, l := range strings.Split(string(out), "\n") {
			if v, ok := strings.CutPrefix(l, "PEAK_RSS_KB "); ok {
				kb, _ = strconv.ParseFloat(v, 64)
			}
		}
		if kb == 0 {
			t.Fatalf("%s: the child did not report its peak:\n%s", name, out)
		}
		peak := kb / 1024
		left, _ := os.ReadDir(tmp)
		target, note := "< 512 MB", ""
		if name == "csv_at_limit" {
			// Not one of the hostile files: the largest legitimate
			// file, for the record (Go's heap goal is twice the live heap).
			target, note = "", "; the largest file the limits admit (500,000 rows, 64 MB), reported, not bounded"
		}
		bench.Report(bench.Figure{Name: "import_peak_rss_" + name + "_mb", Value: peak, Unit: "MB", Target: target,
			Note: fmt.Sprintf("%s, %.1f MB file; %d temporary files left%s", c.file, float64(sizeOf(dir, c.file))/1e6, len(left), note)})
		if peak >= 512 && target != "" {
			t.Errorf("%s: peak RSS %.0f MB", name, peak)
		}
		if len(left) != 0 {
			t.Errorf("%s: temporary files left: %v", name, left)
		}
	}
}

func sizeOf(dir, name string) int64 {
	fi, err := os.Stat(filepath.Join(dir, name))
	if errors.Is(err, os.ErrNotExist) || err != nil {
		return 0
	}
	return fi.Size()
}
