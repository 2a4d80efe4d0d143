package binding

import (
	"slices"
	"strconv"
)

// Name matching, on the records still free after keys.
//
// Records are grouped by NormalizeName. In each group with people on both
// sides, over the pairs that are eligible (not rejected, not resigned×active):
//
//  1. A pair whose two records have no other eligible partner in the group is
//     a plain `name` binding. For a group of one local and one member this is
//     the only rule; it also covers a group where the other namesakes are
//     excluded (a resigned account, a rejected pair).
//  2. Then, as an assignment: a pair whose department score is strictly the
//     best of its row and of its column, with equal leaf departments, is a
//     `name+department` binding. The pairs found are removed and the step is
//     repeated until it finds none; each round's pairs are disjoint, so the
//     result does not depend on order.
//  3. The records left with an eligible partner form ambiguous rows, anchored
//     on the smaller side (locals on a tie), candidates best score first.
//     Records left without one stay unbound (3 local 张伟 for 2 WeCom 张伟:
//     the third account is simply unbound).

func (x *matcher) matchNames() {
	lName := make([]string, len(x.locals))
	byLocal := newMultiIndex(len(x.locals), x.self)
	for l := range x.locals {
		if x.lStat[l] == free {
			lName[l] = NormalizeName(x.locals[l].Name)
			byLocal.add(lName[l], int32(l))
		}
	}
	byMember := newMultiIndex(len(x.members), x.self)
	for m := range x.members {
		if x.mStat[m] == free {
			byMember.add(NormalizeName(x.members[m].Name), int32(m))
		}
	}
	for l := range x.locals {
		name := lName[l]
		if x.lStat[l] != free || name == "" {
			continue
		}
		ms := byMember.get(name)
		if len(ms) == 0 {
			continue
		}
		ls := byLocal.get(name)
		if len(ls) == 1 && len(ms) == 1 {
			if x.eligible(int32(l), ms[0]) {
				x.bindName(int32(l), ms[0], nil, nil)
			}
			continue
		}
		if ls[0] == int32(l) { // each group once, at its first local
			x.stats.NamesakeGroups++
			x.matchNamesakes(name, ls, ms)
		}
	}
}

// bindName binds a one-to-one name pair. ld and md are the normalised
// department paths when the caller has them.
func (x *matcher) bindName(l, m int32, ld, md [][]string) {
	if ld == nil {
		ld, md = normDeptPaths(x.locals[l].DeptPaths), normDeptPaths(x.members[m].DeptPaths)
	}
	name := x.locals[l].Name
	reason := "only one " + quote(name) + " on each side"
	code := ReasonNameDeptsDiffer
	_, leaf := deptScore(ld, md)
	if leaf != "" {
		reason += "; same department " + leaf
		code = ReasonNameSameDept
	} else {
		reason += "; departments differ"
	}
	x.bind(l, m, MethodName, x.stateFor(MethodName), reason, code, x.newArgs(ReasonArgs{Name: name, Dept: leaf}))
}

// namesakeGroup is the score matrix of one group: row i is local ls[i],
// column j is member ms[j].
type namesakeGroup struct {
	ls, ms   []int32
	ok       []bool // eligible pair
	score    []float64
	leaf     []string
	rowDone  []bool
	colDone  []bool
	ld, md   [][][]string
	name     string // as the first local writes it
	nameText string
}

func (g *namesakeGroup) at(i, j int) int { return i*len(g.ms) + j }

func (x *matcher) matchNamesakes(name string, ls, ms []int32) {
	g := &namesakeGroup{
		ls: ls, ms: ms,
		ok:      make([]bool, len(ls)*len(ms)),
		score:   make([]float64, len(ls)*len(ms)),
		leaf:    make([]string, len(ls)*len(ms)),
		rowDone: make([]bool, len(ls)),
		colDone: make([]bool, len(ms)),
		ld:      make([][][]string, len(ls)),
		md:      make([][][]string, len(ms)),
		name:    x.locals[ls[0]].Name,
		nameText: quote(x.locals[ls[0]].Name) + " (" + strconv.Itoa(len(ls)) + " local, " +
			strconv.Itoa(len(ms)) + " WeCom)",
	}
	for i, l := range ls {
		g.ld[i] = normDeptPaths(x.locals[l].DeptPaths)
	}
	for j, m := range ms {
		g.md[j] = normDeptPaths(x.members[m].DeptPaths)
	}
	for i, l := range ls {
		for j, m := range ms {
			k := g.at(i, j)
			if g.ok[k] = x.eligible(l, m); g.ok[k] {
				g.score[k], g.leaf[k] = deptScore(g.ld[i], g.md[j])
			}
		}
	}
	x.peelOneToOne(g)
	x.assignByDepartment(g)
	x.namesakesLeft(g)
}

// peelOneToOne is step 1.
func (x *matcher) peelOneToOne(g *namesakeGroup) {
	for i := range g.ls {
		j, n := -1, 0
		for jj := range g.ms {
			if g.ok[g.at(i, jj)] {
				j, n = jj, n+1
			}
		}
		if n != 1 {
			continue
		}
		col := 0
		for ii := range g.ls {
			if g.ok[g.at(ii, j)] {
				col++
			}
		}
		if col == 1 {
			x.bindName(g.ls[i], g.ms[j], g.ld[i], g.md[j])
			g.rowDone[i], g.colDone[j] = true, true
		}
	}
}

// assignByDepartment is step 2.
func (x *matcher) assignByDepartment(g *namesakeGroup) {
	rowBest := make([]int, len(g.ls))
	colBest := make([]int, len(g.ms))
	for {
		for i := range g.ls {
			rowBest[i] = -1
			if !g.rowDone[i] {
				rowBest[i] = g.uniqueBest(len(g.ms), func(j int) (int, bool) { return g.at(i, j), !g.colDone[j] })
			}
		}
		for j := range g.ms {
			colBest[j] = -1
			if !g.colDone[j] {
				colBest[j] = g.uniqueBest(len(g.ls), func(i int) (int, bool) { return g.at(i, j), !g.rowDone[i] })
			}
		}
		found := false
		for i, j := range rowBest {
			if j < 0 || colBest[j] != i || g.score[g.at(i, j)] <= leafMatch {
				continue
			}
			k := g.at(i, j)
			reason := "namesakes " + g.nameText + "; department " + g.leaf[k] +
				" fits best (score " + strconv.FormatFloat(g.score[k], 'f', 2, 64) + ")"
			x.bind(g.ls[i], g.ms[j], MethodNameDept, x.stateFor(MethodNameDept), reason, ReasonNamesakeDept,
				x.newArgs(ReasonArgs{Name: g.name, Dept: g.leaf[k], Locals: int32(len(g.ls)), WeCom: int32(len(g.ms)), Score: g.score[k]}))
			g.rowDone[i], g.colDone[j] = true, true
			found = true
		}
		if !found {
			return
		}
	}
}

// uniqueBest returns the index whose eligible, open cell has the strictly
// highest score, or -1 if there is none or the best is tied.
func (g *namesakeGroup) uniqueBest(n int, cell func(int) (int, bool)) int {
	best, bestScore, tied := -1, -1.0, false
	for t := 0; t < n; t++ {
		k, open := cell(t)
		if !open || !g.ok[k] {
			continue
		}
		switch s := g.score[k]; {
		case s > bestScore:
			best, bestScore, tied = t, s, false
		case s == bestScore:
			tied = true
		}
	}
	if tied {
		return -1
	}
	return best
}

// namesakesLeft is step 3. An ambiguous row always offers a choice of two
// or more: a record whose only eligible candidate is one nobody else is
// left with is a plain name proposal (its candidate leaves the other rows,
// which may leave another record with one, and so on); several records left
// with the same single candidate become one row anchored on that candidate.
func (x *matcher) namesakesLeft(g *namesakeGroup) {
	openRows, openCols := openIdx(g.rowDone), openIdx(g.colDone)
	var rows, cols []int
	for _, i := range openRows {
		if slices.ContainsFunc(openCols, func(j int) bool { return g.ok[g.at(i, j)] }) {
			rows = append(rows, i)
		}
	}
	for _, j := range openCols {
		if slices.ContainsFunc(openRows, func(i int) bool { return g.ok[g.at(i, j)] }) {
			cols = append(cols, j)
		}
	}
	if len(rows) == 0 {
		return
	}
	// Orient: anchors on the smaller side (locals on a tie).
	byRow := len(rows) <= len(cols)
	anchors, others := rows, cols
	cell := g.at
	if !byRow {
		anchors, others = cols, rows
		cell = func(a, o int) int { return g.at(o, a) }
	}
	byScore := func(a, b scored) int {
		if a.score != b.score {
			if a.score > b.score {
				return -1
			}
			return 1
		}
		return a.idx - b.idx
	}
	lists := make(map[int][]scored, len(anchors))
	for _, a := range anchors {
		var sc []scored
		for _, o := range others {
			if k := cell(a, o); g.ok[k] {
				sc = append(sc, scored{o, g.score[k]})
			}
		}
		slices.SortStableFunc(sc, byScore)
		lists[a] = sc
	}
	bindPair := func(a, o int) {
		i, j := a, o
		if !byRow {
			i, j = o, a
		}
		x.bindName(g.ls[i], g.ms[j], g.ld[i], g.md[j])
	}
	type flip struct {
		other   int
		anchors []scored
	}
	var flips []flip
	drop := func(o int) {
		for a, sc := range lists {
			lists[a] = slices.DeleteFunc(sc, func(s scored) bool { return s.idx == o })
		}
	}
	for changed := true; changed; {
		changed = false
		sole := map[int][]scored{} // other -> anchors left with only it
		for _, a := range anchors {
			if sc, ok := lists[a]; ok && len(sc) == 1 {
				sole[sc[0].idx] = append(sole[sc[0].idx], scored{a, sc[0].score})
			}
		}
		for _, o := range others {
			as, ok := sole[o]
			if !ok {
				continue
			}
			for _, a := range as {
				delete(lists, a.idx)
			}
			if len(as) == 1 {
				bindPair(as[0].idx, o)
			} else {
				slices.SortStableFunc(as, byScore)
				flips = append(flips, flip{o, as})
			}
			drop(o)
			changed = true
		}
		for a, sc := range lists {
			if len(sc) == 0 {
				delete(lists, a) // nothing left: the record stays unbound
			}
		}
	}
	reason := "namesakes " + g.nameText + "; departments do not tell them apart"
	args := x.newArgs(ReasonArgs{Name: g.name, Locals: int32(len(g.ls)), WeCom: int32(len(g.ms))})
	emitLocal := func(i int, sc []scored) {
		cands, ms := make([]Candidate, len(sc)), make([]int32, len(sc))
		for n, s := range sc {
			cands[n], ms[n] = x.memberCandidate(g.ms[s.idx], MethodName, s.score), g.ms[s.idx]
		}
		x.ambiguousLocal(g.ls[i], MethodName, ConfidenceAmbiguousName, reason, ReasonNamesakeAmbiguous, args, cands, ms)
	}
	emitMember := func(j int, sc []scored) {
		cands, ls := make([]Candidate, len(sc)), make([]int32, len(sc))
		for n, s := range sc {
			cands[n], ls[n] = x.localCandidate(g.ls[s.idx], MethodName, s.score), g.ls[s.idx]
		}
		x.ambiguousMember(g.ms[j], MethodName, ConfidenceAmbiguousName, reason, ReasonNamesakeAmbiguous, args, cands, ls)
	}
	for _, a := range anchors { // anchors in input order
		if sc, ok := lists[a]; ok {
			if byRow {
				emitLocal(a, sc)
			} else {
				emitMember(a, sc)
			}
		}
	}
	for _, f := range flips {
		if byRow {
			emitMember(f.other, f.anchors)
		} else {
			emitLocal(f.other, f.anchors)
		}
	}
}

type scored struct {
	idx   int
	score float64
}

// openIdx lists the indexes not yet done.
func openIdx(done []bool) []int {
	var out []int
	for i, d := range done {
		if !d {
			out = append(out, i)
		}
	}
	return out
}

func quote(s string) string { return "“" + s + "”" }
