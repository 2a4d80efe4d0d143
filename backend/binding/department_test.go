package binding

import "testing"

func TestDeptScore(t *testing.T) {
	p := func(paths ...[]string) [][]string { return normDeptPaths(paths) }
	cases := []struct {
		name     string
		a, b     [][]string
		want     float64
		wantLeaf string
	}{
		{"identical", p([]string{"公司", "研发", "后端"}), p([]string{"公司", "研发", "后端"}), 1, "后端"},
		{"different roots, same branch", p([]string{"总部", "研发", "后端"}), p([]string{"某某科技", "研发", "后端"}), 0.5 + 0.5*2.0/4, "后端"},
		{"same leaf, other branch", p([]string{"总部", "研发", "后端"}), p([]string{"某某科技", "市场", "后端"}), 0.5 + 0.5*1.0/5, "后端"},
		{"same branch, other leaf", p([]string{"公司", "研发", "后端"}), p([]string{"公司", "研发", "前端"}), 0.5 * 2.0 / 4, ""},
		{"nothing shared", p([]string{"甲", "乙"}), p([]string{"丙", "丁"}), 0, ""},
		{"flatter side", p([]string{"公司", "研发中心", "平台部", "后端组"}), p([]string{"公司", "后端组"}), 0.5 + 0.5*2.0/4, "后端组"},
		{"names normalised", p([]string{"ＲＤ", "Backend "}), p([]string{"rd", "backend"}), 1, "backend"},
		{"repeated names count once", p([]string{"研发", "研发", "后端"}), p([]string{"研发", "后端"}), 1, "后端"},
		{"best of several paths", p([]string{"甲", "乙"}, []string{"公司", "后端"}), p([]string{"公司", "后端"}), 1, "后端"},
		{"empty side", nil, p([]string{"公司"}), 0, ""},
		{"empty names dropped", p([]string{"", " "}), p([]string{"公司"}), 0, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, leaf := deptScore(c.a, c.b)
			if got != c.want || leaf != c.wantLeaf {
				t.Fatalf("deptScore = %v, %q; want %v, %q", got, leaf, c.want, c.wantLeaf)
			}
		})
	}
}

// Leaf equality must dominate overlap: the weakest leaf match beats the
// strongest overlap without one.
func TestDeptScoreLeafFirst(t *testing.T) {
	weakLeaf, _ := deptScore(normDeptPaths([][]string{{"a", "b", "c", "d", "e", "x"}}), normDeptPaths([][]string{{"f", "g", "h", "i", "j", "x"}}))
	strongOverlap, _ := deptScore(normDeptPaths([][]string{{"a", "b"}}), normDeptPaths([][]string{{"b", "a"}}))
	if !(weakLeaf > strongOverlap) {
		t.Fatalf("leaf match %v should beat overlap %v", weakLeaf, strongOverlap)
	}
}
