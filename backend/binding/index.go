package binding

// multiIndex maps a normalised key to the record indexes holding it. Most keys
// are held by one record, so that case is stored inline in the map and costs
// no slice; only shared keys (namesakes, a shared mobile) get a list.
type multiIndex struct {
	m     map[string]int32 // >= 0: the only index; < 0: -(i+1) into lists
	lists [][]int32
	self  []int32 // self[i] == i, so get can return a one-element slice without allocating
}

func newMultiIndex(size int, self []int32) *multiIndex {
	return &multiIndex{m: make(map[string]int32, size), self: self}
}

// add records that record i holds key. Empty keys are not indexed.
func (x *multiIndex) add(key string, i int32) {
	if key == "" {
		return
	}
	v, ok := x.m[key]
	switch {
	case !ok:
		x.m[key] = i
	case v >= 0:
		x.lists = append(x.lists, []int32{v, i})
		x.m[key] = -int32(len(x.lists))
	default:
		x.lists[-v-1] = append(x.lists[-v-1], i)
	}
}

// get returns the indexes holding key, in the order they were added. The
// slice must not be modified.
func (x *multiIndex) get(key string) []int32 {
	if key == "" {
		return nil
	}
	v, ok := x.m[key]
	switch {
	case !ok:
		return nil
	case v >= 0:
		return x.self[v : v+1 : v+1]
	default:
		return x.lists[-v-1]
	}
}

// identity returns [0, 1, …, n-1].
func identity(n int) []int32 {
	s := make([]int32, n)
	for i := range s {
		s[i] = int32(i)
	}
	return s
}
