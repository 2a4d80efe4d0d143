package wecomsim

import (
	"slices"
	"strings"
)

// DemoSeed is the seed of DemoOrg.
const DemoSeed = 20220620

// DemoOrg is the product's demo corp: about 500 members in 40 departments,
// the apps 全员应用 (whole corp), 新版应用(隐私受限) (privacy_restricted) and
// 研发助手 (scoped), and planted namesakes: four 张伟 (two in one department,
// the others in two more) and two 王芳 in different departments.
func DemoOrg() *Org {
	g := newGenerator(GenerateOptions{Seed: DemoSeed, Users: 500, Departments: 40})
	return g.run(plantNamesakes)
}

// plantNamesakes renames members so the demo always shows the hard cases.
func plantNamesakes(g *generator) {
	members := map[int][]int{} // department → user indexes (first department only)
	var depts []int
	for i, u := range g.org.Users {
		d := u.Department[0]
		if d == 1 || u.Status == 2 {
			continue
		}
		if members[d] == nil {
			depts = append(depts, d)
		}
		members[d] = append(members[d], i)
	}
	// Departments with most members first, ties by id.
	slices.SortStableFunc(depts, func(a, b int) int { return len(members[b]) - len(members[a]) })
	if len(depts) < 5 {
		return
	}
	plan := []struct {
		dept  int
		count int
		name  string
		py    string
	}{
		{depts[0], 2, "张伟", "zhangwei"}, {depts[1], 1, "张伟", "zhangwei"}, {depts[2], 1, "张伟", "zhangwei"},
		{depts[3], 1, "王芳", "wangfang"}, {depts[4], 1, "王芳", "wangfang"},
	}
	for _, p := range plan {
		// Rename the last members of the department: the first is its head.
		idx := members[p.dept]
		for k := 0; k < p.count && k < len(idx)-1; k++ {
			g.rename(idx[len(idx)-1-k], p.name, p.py)
		}
	}
}

// rename gives a member a new name and a userid and email to match.
func (g *generator) rename(i int, name, py string) {
	u := &g.org.Users[i]
	delete(g.userIDs, strings.ToLower(u.UserID))
	oldEmail := strings.ReplaceAll(u.UserID, "_", ".") + "@" + g.opts.EmailDomain
	u.Name, u.UserID = name, g.uniqueID(py)
	if u.Email == oldEmail {
		u.Email = u.UserID + "@" + g.opts.EmailDomain
	}
}
