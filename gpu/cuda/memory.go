package cuda

// #include "driver.h"
import "C"

// addr is the host address of the n guest bytes at off, checked; a
// guest NULL is the host NULL (see guestmem.Memory.Ptr).
func (b *Bridge) addr(off uint32, n uint64) (C.wr_h, bool) {
	p, ok := b.Ptr(off, n)
	return C.wr_h(p), ok
}

// cstring checks the NUL-terminated string at off and returns its host
// address and length.
func (b *Bridge) cstring(off uint32) (C.wr_h, int, bool) {
	p, n, ok := b.CString(off)
	return C.wr_h(p), n, ok
}
