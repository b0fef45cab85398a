package mpibridge

// #include "calls.h"
import "C"

// comm returns the communicator behind guest handle h.
func (b *Bridge) comm(h uint32) (*comm, bool) {
	switch h {
	case commWorld:
		return &b.world, b.initialized
	case commSelf:
		return &b.self, b.initialized
	}
	return b.comms.Get(h)
}

// dtype returns the datatype behind guest handle h.
func (b *Bridge) dtype(h uint32) (*dtype, bool) {
	if i := h - datatypeFirst; i < predefTypeCount {
		t := &b.types[i]
		return t, t.host != 0
	}
	t, ok := b.dtypes.Get(h)
	if ok && t.freed && !b.starting {
		return nil, false // freed by the guest, kept for a persistent collective
	}
	return t, ok
}

// span is the byte range [lo, hi), relative to the buffer address, that
// count elements of t touch: from the true lower bound of the first element
// to the true upper bound of the last.
func (t *dtype) span(count int64) (lo, hi int64) {
	if count <= 0 || t.size == 0 {
		return 0, 0
	}
	first, last := t.tlb, t.tlb+(count-1)*t.extent
	return min(first, last), max(first, last) + t.textent
}

// spanAddr checks count elements of t at guest offset off and returns the
// host address of off.
func (b *Bridge) spanAddr(off uint32, count int64, t *dtype) (uintptr, bool) {
	lo, hi := t.span(count)
	if lo == hi {
		return b.Base + uintptr(off), b.Mem != nil
	}
	start, end := int64(off)+lo, int64(off)+hi
	if start < 0 || end > 1<<32 || !b.InBounds(uint32(start), uint64(end-start)) {
		return 0, false
	}
	return b.Base + uintptr(off), true
}

// commArg checks MPI state and the communicator argument of fn.
func (b *Bridge) commArg(fn string, h uint32) (*comm, int32, bool) {
	if rc, ok := b.ready(fn); !ok {
		return nil, rc, false
	}
	c, ok := b.comm(h)
	if !ok {
		return nil, b.fail(h, fn, errComm, "invalid communicator %#x", h), false
	}
	if c.pending {
		return nil, b.fail(h, fn, errComm, "communicator %#x from MPI_Comm_idup is used before its request completed", h), false
	}
	return c, 0, true
}

// buf checks a message buffer of count elements of datatype th at guest
// offset off, over its whole extent, and returns the host address and the
// host datatype. ch names the communicator whose error handler applies.
func (b *Bridge) buf(fn string, ch, off uint32, count int32, th uint32) (C.uintptr_t, C.uintptr_t, int32, bool) {
	if count < 0 {
		return 0, 0, b.fail(ch, fn, errCount, "negative count %d", count), false
	}
	t, ok := b.dtype(th)
	if !ok {
		return 0, 0, b.fail(ch, fn, errType, "invalid datatype %#x", th), false
	}
	a, ok := b.spanAddr(off, int64(count), t)
	if !ok {
		return 0, 0, b.fail(ch, fn, errBuffer, "buffer of %d x %s at %#x is outside guest memory", count, t.name, off), false
	}
	return C.uintptr_t(a), t.host, 0, true
}

// status checks a guest MPI_Status pointer (0 is MPI_STATUS_IGNORE) for n
// statuses and returns what the C layer writes through.
func (b *Bridge) status(fn string, ch, off uint32, n int32) (*C.int32_t, int32, bool) {
	if off == statusIgnore || n == 0 {
		return nil, 0, true
	}
	p, ok := b.ptr(off, uint64(n)*statusBytes)
	if !ok {
		return nil, b.fail(ch, fn, errArg, "%d status(es) at %#x are outside guest memory", n, off), false
	}
	return (*C.int32_t)(p), 0, true
}

// outInt checks a guest int out-parameter.
func (b *Bridge) outPtr(fn string, ch, off uint32) (*C.int, int32, bool) {
	p, ok := b.ptr(off, 4)
	if !ok {
		return nil, b.fail(ch, fn, errArg, "output pointer %#x is outside guest memory", off), false
	}
	return (*C.int)(p), 0, true
}
