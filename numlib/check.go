package numlib

import (
	"fmt"
)

// maxExtent bounds every computed extent, in elements: more than the guest
// can address, small enough that no product of it overflows.
const maxExtent = 1 << 36

// call is one bridged CBLAS or LAPACKE call while its arguments are
// checked. Positions count parameters from 1, as xerbla does.
type call struct {
	b    *Bridge
	name string
	s    []uint64 // the wasm arguments
	elem uint64   // bytes per array element
	real uint64   // bytes per real number
	row  bool     // row-major layout
	bad  int      // the first illegal parameter, 0 if none
	addr [16]uintptr
}

func (c *call) int(pos int) int64 { return int64(int32(c.s[pos-1])) }

// fail records that parameter pos is illegal and reports it, once per call.
func (c *call) fail(pos int, format string, args ...any) {
	if c.bad != 0 {
		return
	}
	c.bad = pos
	fmt.Fprintf(c.b.stderr, "%s: %s: parameter %d had an illegal value (%s)\n", c.b.who(), c.name, pos, fmt.Sprintf(format, args...))
}

// layout checks the layout at pos (CblasRowMajor/LAPACK_ROW_MAJOR 101,
// column-major 102).
func (c *call) layout(pos int) {
	switch c.int(pos) {
	case 101:
		c.row = true
	case 102:
	default:
		c.fail(pos, "layout %d is neither row-major (101) nor column-major (102)", c.int(pos))
	}
}

// enum checks a CBLAS enum at pos against lo..hi and returns it.
func (c *call) enum(pos int, what string, lo, hi int64) int64 {
	v := c.int(pos)
	if v < lo || v > hi {
		c.fail(pos, "%s %d is not one of %d..%d", what, v, lo, hi)
	}
	return v
}

// CBLAS enums.
const (
	noTrans   = 111
	trans     = 112
	conjTrans = 113
	left      = 141
)

func (c *call) trans(pos int) int64 { return c.enum(pos, "transpose", noTrans, conjTrans) }
func (c *call) uplo(pos int) int64  { return c.enum(pos, "uplo", 121, 122) }
func (c *call) diag(pos int) int64  { return c.enum(pos, "diag", 131, 132) }
func (c *call) side(pos int) int64  { return c.enum(pos, "side", 141, 142) }

// char checks a LAPACK option letter at pos (either case) against allowed
// and returns it in upper case.
func (c *call) char(pos int, allowed string) byte {
	v := c.int(pos)
	if v >= 'a' && v <= 'z' {
		v -= 'a' - 'A'
	}
	for i := 0; i < len(allowed); i++ {
		if v == int64(allowed[i]) {
			return byte(v)
		}
	}
	c.fail(pos, "option %q is not one of %q", rune(c.int(pos)), allowed)
	return 0
}

// dim checks that the dimension at pos is not negative and returns it (0
// when it is).
func (c *call) dim(pos int) int64 {
	v := c.int(pos)
	if v < 0 {
		c.fail(pos, "dimension %d is negative", v)
		return 0
	}
	return v
}

// span checks that the n elements of size at the guest pointer at pos lie
// in guest memory and records their host address.
func (c *call) span(pos int, n, size uint64) {
	if c.bad != 0 {
		return
	}
	off := uint32(c.s[pos-1])
	if n == 0 {
		// Nothing is touched; pass an address the library may compute
		// with but never dereferences.
		if off != 0 && c.b.InBounds(off, 0) {
			c.addr[pos] = c.b.Base + uintptr(off)
		} else if off != 0 {
			c.addr[pos] = c.b.Base
		}
		return
	}
	if n > maxExtent {
		c.fail(pos, "%d elements are more than guest memory holds", n)
		return
	}
	if off == 0 {
		c.fail(pos, "NULL where %d elements are needed", n)
		return
	}
	if !c.b.InBounds(off, n*size) {
		c.fail(pos, "%d bytes at 0x%x run past the end of guest memory (%d bytes)", n*size, off, c.memSize())
		return
	}
	// A number is aligned to its size, as C requires: the host library's
	// SIMD kernels fault on a misaligned array (found by FuzzBridge).
	align := size
	if c.real != 0 && size > c.real {
		align = c.real // a complex number: the alignment of its parts
	}
	if uint64(off)%align != 0 {
		c.fail(pos, "0x%x is not aligned to %d bytes", off, align)
		return
	}
	c.addr[pos] = c.b.Base + uintptr(off)
}

func (c *call) memSize() uint32 {
	if c.b.Mem == nil {
		return 0
	}
	return c.b.Mem.Size()
}

// array checks n elements at pos; reals n real numbers; ints n lapack_ints.
func (c *call) array(pos int, n int64) { c.span(pos, uint64(max(n, 0)), c.elem) }
func (c *call) reals(pos int, n int64) { c.span(pos, uint64(max(n, 0)), c.real) }
func (c *call) ints(pos int, n int64)  { c.span(pos, uint64(max(n, 0)), 4) }

// strided checks the elements at pos of a run of major lines of minor
// elements, ld apart: (major-1)*ld + minor elements.
func (c *call) strided(pos int, major, ld, minor int64) {
	if major <= 0 || minor <= 0 {
		c.array(pos, 0)
		return
	}
	c.array(pos, (major-1)*ld+minor)
}

// matrix checks the rows x cols matrix at pos, stored in the call's layout
// with the leading dimension at ldPos: the leading dimension must be at
// least max(1, the length of a column (column-major) or row (row-major)).
func (c *call) matrix(pos, ldPos int, rows, cols int64) {
	if c.bad != 0 {
		return
	}
	minor, major := rows, cols
	if c.row {
		minor, major = cols, rows
	}
	ld := c.int(ldPos)
	if ld < max(1, minor) {
		c.fail(ldPos, "leading dimension %d is less than max(1, %d)", ld, minor)
		return
	}
	c.strided(pos, major, ld, minor)
}

// band checks a band matrix at pos: major lines of width elements used
// (kl+ku+1, or k+1), with the leading dimension at ldPos at least width.
func (c *call) band(pos, ldPos int, major, width int64) {
	if c.bad != 0 {
		return
	}
	ld := c.int(ldPos)
	if ld < width {
		c.fail(ldPos, "leading dimension %d is less than the band's width %d", ld, width)
		return
	}
	c.strided(pos, major, ld, width)
}

// packed checks a packed triangular n x n matrix at pos.
func (c *call) packed(pos int, n int64) { c.array(pos, n*(n+1)/2) }

// vector checks the n-element vector at pos with the increment at incPos,
// which must not be 0 (levels 2 and 3).
func (c *call) vector(pos int, n int64, incPos int) {
	if c.bad != 0 {
		return
	}
	if c.int(incPos) == 0 {
		c.fail(incPos, "increment 0")
		return
	}
	c.vector1(pos, n, incPos)
}

// vector1 checks a level-1 vector: n <= 0 touches nothing, an increment of
// 0 one element, a negative one the same elements from the other end.
func (c *call) vector1(pos int, n int64, incPos int) {
	if n <= 0 {
		c.array(pos, 0)
		return
	}
	inc := c.int(incPos)
	if inc < 0 {
		inc = -inc
	}
	c.array(pos, (n-1)*inc+1)
}
