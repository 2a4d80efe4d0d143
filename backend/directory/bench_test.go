package directory

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"syscall"
	"testing"
	"time"

	"wecom-bridge/backend/bench"
)

// generateDirectoryCSV writes a deterministic CSV of n accounts: Chinese
// names (with plenty of namesakes), departments 4 to 6 levels deep in a tree
// of about 2,000 departments, every tenth account in a second department.
func generateDirectoryCSV(n int) []byte {
	rng := rand.New(rand.NewPCG(2025, 3))
	var leaves [][]string // departments of depth 4..6 that accounts go into
	units := []string{"华东事业部", "华南事业部", "华北事业部", "西部事业部", "海外事业部", "平台事业部", "零售事业部", "制造事业部"}
	for _, u := range units {
		for c := 1; c <= 5; c++ {
			center := fmt.Sprintf("第%d中心", c)
			for d := 1; d <= 8; d++ {
				dept := fmt.Sprintf("%s%d部", []string{"研发", "产品", "销售", "运营", "财务", "人事", "市场", "客服"}[d-1], c)
				p4 := []string{"总部", u, center, dept}
				leaves = append(leaves, p4)
				for g := 1; g <= 4; g++ {
					p5 := append(append([]string(nil), p4...), fmt.Sprintf("%d组", g))
					leaves = append(leaves, p5)
					if (c+d+g)%3 == 0 {
						leaves = append(leaves, append(append([]string(nil), p5...), "专项小组"))
					}
				}
			}
		}
	}
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾")
	given := []string{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
		"刚", "桂英", "建华", "晓东", "海燕", "志强", "红梅", "国庆", "子涵", "雨轩"}
	positions := []string{"工程师", "高级工程师", "经理", "专员", "主管", "总监", ""}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write([]string{"账号", "姓名", "工号", "手机", "邮箱", "部门", "职位", "状态"})
	for i := 1; i <= n; i++ {
		account := fmt.Sprintf("u%06d", i)
		name := string(surnames[rng.IntN(len(surnames))]) + given[rng.IntN(len(given))]
		dept := joinPath(leaves[rng.IntN(len(leaves))])
		if i%10 == 0 {
			dept += ";" + joinPath(leaves[rng.IntN(len(leaves))])
		}
		status := "在职"
		if i%50 == 0 {
			status = "离职"
		}
		w.Write([]string{account, name, fmt.Sprintf("E%06d", i), fmt.Sprintf("13%d%08d", 3+rng.IntN(7), i),
			account + "@example.com", dept, positions[rng.IntN(len(positions))], status})
	}
	w.Flush()
	return buf.Bytes()
}

func TestGeneratedCSVShape(t *testing.T) {
	data := generateDirectoryCSV(1000)
	s := newTestService(t)
	pv := mustPreview(t, s, data, ImportOptions{})
	if len(pv.Adds) != 1000 || len(pv.Rejected) != 0 {
		t.Fatalf("adds %d rejected %v", len(pv.Adds), pv.Rejected)
	}
	for _, a := range pv.Adds {
		for _, p := range a.DeptPaths {
			if len(p) < 4 || len(p) > 6 {
				t.Fatalf("line %d: path %v is not 4–6 levels", a.Line, p)
			}
		}
	}
}

func TestBenchImport100k(t *testing.T) {
	bench.Require(t)
	ctx := context.Background()
	data := generateDirectoryCSV(100_000)
	s := newTestService(t)

	start, cpu0 := time.Now(), cpuTime()
	pv, err := s.Preview(ctx, data, ImportOptions{FileName: "bench.csv"})
	if err != nil {
		t.Fatal(err)
	}
	previewed := time.Since(start)
	res, err := s.Apply(ctx, pv.ID, 0)
	if err != nil {
		t.Fatal(err)
	}
	total, cpu := time.Since(start), cpuTime()-cpu0
	if res.Added != 100_000 || len(pv.Rejected) != 0 {
		t.Fatalf("added %d, rejected %d", res.Added, len(pv.Rejected))
	}
	bench.Report(bench.Figure{Name: "directory_csv_import_100k_seconds", Value: total.Seconds(), Unit: "s", Target: "<= 3 s",
		Note: fmt.Sprintf("parse+preview %.2f s, apply %.2f s, process CPU %.2f s; %d departments created; %.1f MB CSV",
			previewed.Seconds(), (total - previewed).Seconds(), cpu.Seconds(), res.DepartmentsCreated, float64(len(data))/1e6)})

	q := Query{Search: "张伟", DeptID: 0, Status: "active", Limit: 50, Sort: "name"}
	start = time.Now()
	page, err := s.ListAccounts(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if page.Total == 0 || len(page.Rows) == 0 {
		t.Fatalf("search found nothing: %+v", page)
	}
	bench.Report(bench.Figure{Name: "directory_list_page_100k_ms", Value: float64(elapsed.Microseconds()) / 1000, Unit: "ms",
		Target: "<= 300 ms", Note: fmt.Sprintf("search %q, status active, sort by name: %d matches, page of %d", q.Search, page.Total, len(page.Rows))})

	tree, err := s.DepartmentTree(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("tree roots %d", len(tree))
}

// cpuTime is the process's user+system CPU time: on a shared machine it
// tells our work from waiting for a core.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
