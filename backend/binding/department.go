package binding

// Department similarity tells namesakes apart.
//
// score(a, b) = 0.5·[leaf names equal] + 0.5·Jaccard(components of a, b)
//
// taken as the best over every pair of paths (a person may sit in several
// departments). Leaf equality comes first: any pair with equal leaves scores
// above 0.5, any pair without scores at most 0.5, so the Jaccard part only
// orders pairs within those two bands.
//
// Jaccard over the set of department names, rather than a positional
// prefix or suffix, because the two trees rarely line up: the WeCom root is
// the corp's name while the local root is often "总部" or a holding company,
// and one side is usually flatter than the other. A set overlap degrades
// gracefully under both; names are compared after NormalizeName.

// leafMatch is the score a pair needs to be bound as name+department: the leaf
// departments must be equal.
const leafMatch = 0.5

// normDeptPaths normalises every department name, dropping empty names and
// empty paths.
func normDeptPaths(paths [][]string) [][]string {
	out := make([][]string, 0, len(paths))
	for _, p := range paths {
		np := make([]string, 0, len(p))
		for _, d := range p {
			if d = NormalizeName(d); d != "" {
				np = append(np, d)
			}
		}
		if len(np) > 0 {
			out = append(out, np)
		}
	}
	return out
}

// deptScore compares two normalised path lists; 0 if either is empty. leaf
// is the shared leaf department of the best pair of paths, if they share one.
func deptScore(a, b [][]string) (score float64, leaf string) {
	for _, pa := range a {
		for _, pb := range b {
			if s := pathScore(pa, pb); s > score {
				score, leaf = s, ""
				if s > leafMatch {
					leaf = pa[len(pa)-1]
				}
			}
		}
	}
	return score, leaf
}

func pathScore(a, b []string) float64 {
	s := 0.0
	if a[len(a)-1] == b[len(b)-1] {
		s = leafMatch
	}
	return s + 0.5*jaccard(a, b)
}

// jaccard is |A∩B| / |A∪B| over the distinct names of two short paths.
func jaccard(a, b []string) float64 {
	na, nb, both := distinct(a), distinct(b), 0
	for i, s := range a {
		if firstAt(a, s) == i && firstAt(b, s) >= 0 {
			both++
		}
	}
	union := na + nb - both
	if union == 0 {
		return 0
	}
	return float64(both) / float64(union)
}

func distinct(p []string) int {
	n := 0
	for i, s := range p {
		if firstAt(p, s) == i {
			n++
		}
	}
	return n
}

func firstAt(p []string, s string) int {
	for i, t := range p {
		if t == s {
			return i
		}
	}
	return -1
}
