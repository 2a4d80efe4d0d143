package review

import (
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"math"
	"sync"
)

// digestOf is the stored digest of a row's or a side's column values (the
// digest columns of bind_rows and bind_sides, migration 0025): the first 8
// bytes of a SHA-256 of the values, each typed and length-prefixed so that
// no two different value lists share an encoding. Never 0, which means
// "unknown". SHA-256, not a quicker hash: the values come from directories
// anyone may edit, and a rematch keeps a row whose digest it finds again.
func digestOf(vals ...any) int64 {
	d := digesters.Get().(*digester)
	d.buf = d.buf[:0]
	for _, v := range vals {
		d.add(v)
	}
	sum := d.sum()
	digesters.Put(d)
	return sum
}

// digesters reuse their buffers: a rematch digests 300,000 rows and sides.
var digesters = sync.Pool{New: func() any { return &digester{buf: make([]byte, 0, 1024)} }}

// digester accumulates the encoding of values for digestOf.
type digester struct{ buf []byte }

func (d *digester) add(v any) {
	switch x := v.(type) {
	case string:
		d.str(x)
	case int64:
		d.num('i', uint64(x))
	case int:
		d.num('i', uint64(int64(x)))
	case float64:
		d.num('f', math.Float64bits(x))
	case bool:
		b := uint64(0)
		if x {
			b = 1
		}
		d.num('i', b) // SQLite stores a bool as the integer 0 or 1
	case deptPaths:
		d.num('p', uint64(len(x)))
		for _, p := range x {
			d.num('n', uint64(len(p)))
			for _, s := range p {
				d.str(s)
			}
		}
	default:
		panic(fmt.Sprintf("review: digestOf: unsupported %T", v)) // a programming error, caught by any test
	}
}

func (d *digester) str(s string) {
	d.num('s', uint64(len(s)))
	d.buf = append(d.buf, s...)
}

func (d *digester) num(tag byte, n uint64) {
	d.buf = append(d.buf, tag)
	d.buf = binary.LittleEndian.AppendUint64(d.buf, n)
}

func (d *digester) sum() int64 {
	h := sha256.Sum256(d.buf)
	v := int64(binary.LittleEndian.Uint64(h[:8]))
	if v == 0 {
		v = 1
	}
	return v
}
