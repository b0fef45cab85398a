package mpibridge

// #include "calls.h"
// #include "calls_ext.h"
// #include "shim.h"
import "C"

import (
	"fmt"
	"syscall"
	"unsafe"
)

// One-sided communication. Windows always lie in guest memory, so the guest
// loads and stores them directly: MPI_Win_create uses the guest's memory,
// and the guest library's MPI_Win_allocate mallocs the memory in the guest
// and has the host make an MPI_Win_create over it
// (wasmrun_win_allocate); its MPI_Win_free frees it again
// (wasmrun_win_free).
// Every window records each rank's size and displacement unit, gathered at
// creation, so the bridge checks the target range of every access itself:
// a guest cannot make any host MPI write outside another rank's window.
//
// In a dynamic window (MPI_Win_create_dynamic) a target displacement is an
// address from MPI_Get_address: a guest offset into the target's memory,
// where the host MPI wants a host address. At creation the bridge gathers
// every rank's base (the host address of its guest offset 0) and memory
// size, and an origin hands the host base + offset. Whether the target
// attached that memory only the target knows; Open MPI checks it
// (MPI_ERR_RMA_RANGE) and MPICH does not (it writes wherever it is told,
// and crashes on unmapped memory). So the bridge checks what keeps the
// host safe: the whole target range must lie in memory the target has
// mapped. Guest memory never moves or shrinks, so a size a rank once had
// stays valid; each MPI_Win_attach publishes the rank's current size in a
// small host window (see wr_win_create_dynamic), which an origin reads
// only when an access lies beyond the size it knows.
var rmaFunctions = []function{
	// MPI_Win_create(base, size, disp_unit, info, comm, win): size is a
	// guest MPI_Aint (4 bytes); [base, base+size) must be guest memory.
	{"MPI_Win_create", (*Bridge).winCreate, "base size disp_unit info comm win", false},
	// MPI_Win_allocate(size, disp_unit, info, comm, baseptr, win) is the
	// guest library's: this one only fails (MPI_ERR_NO_MEM) for modules
	// built without it.
	{"MPI_Win_allocate", (*Bridge).winAllocate, "size disp_unit info comm baseptr win", false},
	// wasmrun_win_allocate(base, size, disp_unit, info, comm, win): the
	// host half of the guest library's MPI_Win_allocate, over memory it
	// malloc'ed (base 0: malloc failed).
	{"wasmrun_win_allocate", (*Bridge).winAllocateGuest, "base size disp_unit info comm win", false},
	// MPI_Win_create_dynamic(info, comm, win): a window without memory;
	// MPI_Win_attach(win, base, size) and MPI_Win_detach(win, base) add
	// and remove guest memory locally. Accesses name target memory by
	// its address (MPI_Get_address), displacement unit 1.
	{"MPI_Win_create_dynamic", (*Bridge).winCreateDynamic, "info comm win", false},
	// MPI_Win_allocate_shared(size, disp_unit, info, comm, baseptr, win):
	// one shared segment mapped at the same guest offset in every rank of
	// comm (which must share a node), past the end of each rank's memory;
	// the ranks' parts are contiguous in rank order.
	// MPI_Win_shared_query(win, rank, size, disp_unit, baseptr) gives a
	// rank's part (MPI_PROC_NULL: the first part that is not empty).
	{"MPI_Win_allocate_shared", (*Bridge).winAllocateShared, "size disp_unit info comm baseptr win", false},
	{"MPI_Win_shared_query", (*Bridge).winSharedQuery, "win rank size disp_unit baseptr", false},
	{"MPI_Win_attach", (*Bridge).winAttach, "win base size", false},
	{"MPI_Win_detach", (*Bridge).winDetach, "win base", false},
	{"MPI_Win_free", (*Bridge).winFree, "win", false},
	// wasmrun_win_free(win, base): the host half of the guest library's
	// MPI_Win_free; *base receives the memory to free (MPI_Win_allocate's),
	// else NULL.
	{"wasmrun_win_free", (*Bridge).winFreeGuest, "win base", false},
	{"MPI_Win_get_group", (*Bridge).winGetGroup, "win group", false},
	// MPI_Win_set_info(win, info), MPI_Win_get_info(win, info_used): the
	// hints the host MPI keeps for the window.
	{"MPI_Win_set_info", (*Bridge).winSetInfo, "win info", false},
	{"MPI_Win_get_info", (*Bridge).winGetInfo, "win info_used", false},
	{"MPI_Win_set_name", (*Bridge).winSetName, "win win_name", false},
	{"MPI_Win_get_name", (*Bridge).winGetName, "win win_name resultlen", false},
	// MPI_Win_set_errhandler(win, errhandler): MPI_ERRORS_ARE_FATAL (the
	// default for windows), MPI_ERRORS_ABORT or MPI_ERRORS_RETURN.
	{"MPI_Win_set_errhandler", (*Bridge).winSetErrhandler, "win errhandler", false},
	{"MPI_Win_get_errhandler", (*Bridge).winGetErrhandler, "win errhandler", false},

	// MPI_Put(origin_addr, origin_count, origin_datatype, target_rank,
	// target_disp, target_count, target_datatype, win) and MPI_Get: the
	// origin buffer is checked over its true extent, the target range
	// against the target's window.
	{"MPI_Put", func(b *Bridge, s []uint64) { b.putGet(s, "MPI_Put", false) }, "origin_addr origin_count origin_datatype target_rank target_disp target_count target_datatype win", false},
	{"MPI_Get", func(b *Bridge, s []uint64) { b.putGet(s, "MPI_Get", true) }, "origin_addr origin_count origin_datatype target_rank target_disp target_count target_datatype win", false},
	// MPI_Accumulate(..., op, win): predefined ops only, MPI_REPLACE included.
	{"MPI_Accumulate", (*Bridge).accumulate, "origin_addr origin_count origin_datatype target_rank target_disp target_count target_datatype op win", false},
	{"MPI_Get_accumulate", (*Bridge).getAccumulate, "origin_addr origin_count origin_datatype result_addr result_count result_datatype target_rank target_disp target_count target_datatype op win", false},
	{"MPI_Fetch_and_op", (*Bridge).fetchAndOp, "origin_addr result_addr datatype target_rank target_disp op win", false},
	{"MPI_Compare_and_swap", (*Bridge).compareAndSwap, "origin_addr compare_addr result_addr datatype target_rank target_disp win", false},
	// MPI_Rput/MPI_Rget(..., win, request): complete with MPI_Wait & co.
	{"MPI_Rput", func(b *Bridge, s []uint64) { b.rputGet(s, "MPI_Rput", false) }, "origin_addr origin_count origin_datatype target_rank target_disp target_count target_datatype win request", false},
	{"MPI_Rget", func(b *Bridge, s []uint64) { b.rputGet(s, "MPI_Rget", true) }, "origin_addr origin_count origin_datatype target_rank target_disp target_count target_datatype win request", false},
	{"MPI_Raccumulate", (*Bridge).raccumulate, "origin_addr origin_count origin_datatype target_rank target_disp target_count target_datatype op win request", false},
	{"MPI_Rget_accumulate", (*Bridge).rgetAccumulate, "origin_addr origin_count origin_datatype result_addr result_count result_datatype target_rank target_disp target_count target_datatype op win request", false},

	// Synchronization. assert is a set of MPI_MODE_NOCHECK, _NOPRECEDE,
	// _NOPUT, _NOSTORE and _NOSUCCEED; lock_type MPI_LOCK_EXCLUSIVE or
	// MPI_LOCK_SHARED.
	{"MPI_Win_fence", (*Bridge).winFence, "assert win", false},
	{"MPI_Win_lock", (*Bridge).winLock, "lock_type rank assert win", false},
	{"MPI_Win_unlock", func(b *Bridge, s []uint64) { b.winSyncRank(s, "MPI_Win_unlock", C.WR_SYNC_UNLOCK) }, "rank win", false},
	{"MPI_Win_lock_all", (*Bridge).winLockAll, "assert win", false},
	{"MPI_Win_unlock_all", func(b *Bridge, s []uint64) { b.winSync(s, "MPI_Win_unlock_all", C.WR_SYNC_UNLOCK_ALL) }, "win", false},
	{"MPI_Win_flush", func(b *Bridge, s []uint64) { b.winSyncRank(s, "MPI_Win_flush", C.WR_SYNC_FLUSH) }, "rank win", false},
	{"MPI_Win_flush_all", func(b *Bridge, s []uint64) { b.winSync(s, "MPI_Win_flush_all", C.WR_SYNC_FLUSH_ALL) }, "win", false},
	{"MPI_Win_flush_local", func(b *Bridge, s []uint64) { b.winSyncRank(s, "MPI_Win_flush_local", C.WR_SYNC_FLUSH_LOCAL) }, "rank win", false},
	{"MPI_Win_flush_local_all", func(b *Bridge, s []uint64) { b.winSync(s, "MPI_Win_flush_local_all", C.WR_SYNC_FLUSH_LOCAL_ALL) }, "win", false},
	{"MPI_Win_sync", func(b *Bridge, s []uint64) { b.winSync(s, "MPI_Win_sync", C.WR_SYNC_SYNC) }, "win", false},
	{"MPI_Win_start", func(b *Bridge, s []uint64) { b.winGroupSync(s, "MPI_Win_start", false) }, "group assert win", false},
	{"MPI_Win_complete", func(b *Bridge, s []uint64) { b.winSync(s, "MPI_Win_complete", C.WR_SYNC_COMPLETE) }, "win", false},
	{"MPI_Win_post", func(b *Bridge, s []uint64) { b.winGroupSync(s, "MPI_Win_post", true) }, "group assert win", false},
	{"MPI_Win_wait", func(b *Bridge, s []uint64) { b.winSync(s, "MPI_Win_wait", C.WR_SYNC_WAIT) }, "win", false},
	{"MPI_Win_test", (*Bridge).winTest, "win flag", false},
}

// window is a guest MPI_Win.
type window struct {
	host   C.uintptr_t
	errh   uint32 // guest error handler: errorsAreFatal or errorsReturn
	base   uint32 // guest address of this rank's memory
	alloc  bool   // base was malloc'ed by the guest library's MPI_Win_allocate
	nranks int32
	// layout holds, for each rank of the window's group, its window size
	// in bytes and its displacement unit; for a dynamic window, the host
	// address of its guest memory and the bytes of it known to be mapped.
	layout []int64
	// A dynamic window: bounds is the host window through which ranks
	// publish their memory size, rank this rank in the window's group.
	dynamic bool
	bounds  C.uintptr_t
	rank    int32
	h       uint32 // the guest's handle of this window
	// A shared-memory window: its segment is [segOff, segOff+segLen) of
	// guest memory, the same in every rank.
	shared bool
	segOff uint32
	segLen uint64
}

// extra is the per-bridge state of the one-sided, I/O and info chapters.
type extra struct {
	fileNullErrh uint32      // MPI_FILE_NULL's error handler, 0 until set (MPI_ERRORS_RETURN)
	infoEnv      C.uintptr_t // host copy of MPI_INFO_ENV, made on first use
	// Scratch that C writes into (fields of the Bridge, a heap object).
	outHandle2 C.uintptr_t
	outI64     C.int64_t
	shared     [2]C.int64_t
	status     [statusInts]C.int32_t
}

func (b *Bridge) extra() *extra { return &b.ext }

// failErrh applies error handler errh of a window or file (obj, its guest
// handle) to error class class raised by fn, like fail does for
// communicators.
func (b *Bridge) failErrh(errh, obj uint32, fn string, class int32, format string, args ...any) int32 {
	if errh == errorsReturn {
		return class
	}
	if u, ok := b.errhs.Get(errh); ok {
		b.callErrh(u, obj, class)
		return class
	}
	who := "wasmrun"
	if b.rank >= 0 {
		who = fmt.Sprintf("wasmrun: rank %d", b.rank)
	}
	fmt.Fprintf(b.stderr, "%s: %s: %s: %s\n", who, fn, errClassName(class), fmt.Sprintf(format, args...))
	if b.initialized && !b.finalized {
		hostAbort(b, int(class))
	}
	panic(exitErr(uint32(class)))
}

// failWin applies w's error handler.
func (b *Bridge) failWin(w *window, fn string, class int32, format string, args ...any) int32 {
	return b.failErrh(w.errh, w.h, fn, class, format, args...)
}

// winHostError turns a host return code into the guest's through w's
// error handler.
func (b *Bridge) winHostError(w *window, fn string, rc C.int) int32 {
	if rc == 0 {
		return 0
	}
	return b.failWin(w, fn, int32(C.wr_abi_errclass(rc)), "the host MPI library returned error %d", int(rc))
}

// winArg checks MPI state and a window argument. An invalid window is
// reported through MPI_COMM_WORLD's error handler.
func (b *Bridge) winArg(fn string, h uint32) (*window, int32, bool) {
	if rc, ok := b.ready(fn); !ok {
		return nil, rc, false
	}
	w, ok := b.wins.Get(h)
	if !ok {
		return nil, b.fail(commWorld, fn, errWin, "invalid window %#x", h), false
	}
	return w, 0, true
}

// rmaBuf checks an origin or result buffer of count elements of datatype
// th at guest offset off over its true extent.
func (b *Bridge) rmaBuf(fn string, w *window, what string, off uint32, count int32, th uint32) (C.uintptr_t, C.uintptr_t, int32, bool) {
	if count < 0 {
		return 0, 0, b.failWin(w, fn, errCount, "negative %s count %d", what, count), false
	}
	t, ok := b.dtype(th)
	if !ok {
		return 0, 0, b.failWin(w, fn, errType, "invalid %s datatype %#x", what, th), false
	}
	a, ok := b.spanAddr(off, int64(count), t)
	if !ok {
		return 0, 0, b.failWin(w, fn, errBuffer, "%s buffer of %d x %s at %#x is outside guest memory", what, count, t.name, off), false
	}
	return C.uintptr_t(a), t.host, 0, true
}

// rmaTarget checks the target of an access: the rank, and that count
// elements of datatype th at displacement disp lie inside the target's
// window. It returns the host datatype and the displacement for the host:
// disp itself, or for a dynamic window the host address of guest offset
// disp in the target's memory. MPI_PROC_NULL is passed on (the access
// does nothing).
func (b *Bridge) rmaTarget(fn string, w *window, rank, disp, count int32, th uint32) (C.uintptr_t, C.int64_t, int32, bool) {
	if count < 0 {
		return 0, 0, b.failWin(w, fn, errCount, "negative target count %d", count), false
	}
	t, ok := b.dtype(th)
	if !ok {
		return 0, 0, b.failWin(w, fn, errType, "invalid target datatype %#x", th), false
	}
	if rank == procNull {
		return t.host, C.int64_t(disp), 0, true
	}
	if rank < 0 || rank >= w.nranks {
		return 0, 0, b.failWin(w, fn, errRank, "invalid target rank %d (the window has %d ranks)", rank, w.nranks), false
	}
	lo, hi := t.span(int64(count))
	if w.dynamic {
		return b.dynamicTarget(fn, w, rank, uint32(disp), count, t, lo, hi)
	}
	if lo == hi {
		return t.host, C.int64_t(disp), 0, true
	}
	size, unit := w.layout[2*rank], w.layout[2*rank+1]
	at := int64(disp) * unit
	if at+lo < 0 || at+hi > size {
		return 0, 0, b.failWin(w, fn, errRMARange, "%d x %s at displacement %d (x %d bytes) is outside rank %d's window of %d bytes",
			count, t.name, disp, unit, rank, size), false
	}
	return t.host, C.int64_t(disp), 0, true
}

// dynamicTarget is rmaTarget for a dynamic window: the target range
// [addr+lo, addr+hi) must lie in memory the target has mapped (its own
// memory for this rank; for another, the size it last published, read
// again when the range lies beyond it).
func (b *Bridge) dynamicTarget(fn string, w *window, rank int32, addr uint32, count int32, t *dtype, lo, hi int64) (C.uintptr_t, C.int64_t, int32, bool) {
	host := C.int64_t(w.layout[2*rank] + int64(addr))
	if lo == hi {
		return t.host, host, 0, true
	}
	start, end := int64(addr)+lo, int64(addr)+hi
	inside := start >= 0 && end <= 1<<32
	switch {
	case !inside:
	case rank == w.rank:
		inside = b.InBounds(uint32(start), uint64(end-start))
	case end > w.layout[2*rank+1]:
		if rc := C.wr_win_bound(w.bounds, C.int(rank), &b.ext.outI64); rc != 0 {
			return 0, 0, b.winHostError(w, fn, rc), false
		}
		w.layout[2*rank+1] = max(w.layout[2*rank+1], int64(b.ext.outI64))
		inside = end <= w.layout[2*rank+1]
	}
	if !inside {
		return 0, 0, b.failWin(w, fn, errRMARange, "%d x %s at address %#x is outside rank %d's memory",
			count, t.name, addr, rank), false
	}
	return t.host, host, 0, true
}

// rmaOp checks the op of an accumulate: predefined operations only, and
// defined on the (predefined) datatype th.
func (b *Bridge) rmaOp(fn string, w *window, h, th uint32) (C.uintptr_t, int32, bool) {
	i := h - opNull
	if i >= predefOpCount || i == 0 || b.ops[i] == 0 {
		return 0, b.failWin(w, fn, errOp, "invalid op %#x (one-sided accumulates take predefined ops only)", h), false
	}
	if class, known := reduceCheck(h, th); known && class != success {
		t, _ := predefType(th)
		o, _ := predefOp(h)
		return 0, b.failWin(w, fn, class, "%s is not defined on %s", o.name, t.name), false
	}
	return b.ops[i], 0, true
}

// ---- window creation ----

// winCreateArgs checks what MPI_Win_create and MPI_Win_allocate share.
func (b *Bridge) winCreateArgs(fn string, ch uint32, size, unit int32, ih, out uint32) (*comm, C.uintptr_t, int32, bool) {
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		return nil, 0, rc, false
	}
	if size < 0 {
		return nil, 0, b.fail(ch, fn, errSize, "negative window size %d", size), false
	}
	if unit <= 0 {
		return nil, 0, b.fail(ch, fn, errDisp, "displacement unit %d is not positive", unit), false
	}
	info, ok := b.info(ih)
	if !ok {
		return nil, 0, b.fail(ch, fn, errInfo, "invalid info %#x", ih), false
	}
	if !b.InBounds(out, 4) {
		return nil, 0, b.fail(ch, fn, errArg, "win pointer %#x is outside guest memory", out), false
	}
	return c, info, 0, true
}

// newWindow makes the host window over guest memory [base, base+size) and
// gives the guest its handle.
func (b *Bridge) newWindow(fn string, ch uint32, c *comm, base uint32, size, unit int32, info C.uintptr_t, alloc bool, out uint32) int32 {
	layout := make([]int64, 2*c.size)
	rc := C.wr_win_create(C.uintptr_t(b.Base+uintptr(base)), C.int64_t(size), C.int(unit), info, c.host,
		(*C.int64_t)(unsafe.Pointer(&layout[0])), &b.outHandle)
	if rc != 0 {
		b.writeI32(out, int32(winNull))
		return b.hostError(ch, fn, rc)
	}
	h := b.wins.Add(window{host: b.outHandle, errh: errorsAreFatal, base: base, alloc: alloc, nranks: c.size, layout: layout})
	if h == 0 {
		C.wr_win_free(&b.outHandle)
		return b.fail(ch, fn, errIntern, "too many windows")
	}
	if w, ok := b.wins.Get(h); ok {
		w.h = h
	}
	b.writeI32(out, int32(h))
	return 0
}

func (b *Bridge) winCreate(s []uint64) {
	const fn = "MPI_Win_create"
	base, size, unit, ih, ch, out := uint32(s[0]), int32(s[1]), int32(s[2]), uint32(s[3]), uint32(s[4]), uint32(s[5])
	c, info, rc, ok := b.winCreateArgs(fn, ch, size, unit, ih, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if _, ok := b.addr(base, uint64(size)); !ok {
		s[0] = ret(b.fail(ch, fn, errBase, "window of %d bytes at %#x is outside guest memory", size, base))
		return
	}
	s[0] = ret(b.newWindow(fn, ch, c, base, size, unit, info, false, out))
}

// winAllocate is MPI_Win_allocate for modules whose guest library does
// not provide it: the window must lie in guest memory, which only the guest
// can allocate. The collective still completes (with an empty window on
// this rank, kept, since freeing it is collective too) so that no rank
// hangs.
func (b *Bridge) winAllocate(s []uint64) {
	const fn = "MPI_Win_allocate"
	size, unit, ih, ch, out := int32(s[0]), int32(s[1]), uint32(s[2]), uint32(s[3]), uint32(s[5])
	c, info, rc, ok := b.winCreateArgs(fn, ch, size, unit, ih, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.allocFailed(fn, ch, c, unit, info, "the module's guest library lacks MPI_Win_allocate: rebuild it with this wasmrun's cc"))
}

// winAllocateGuest is the host half of the guest library's
// MPI_Win_allocate(size, disp_unit, info, comm, baseptr, win), which
// mallocs the memory and calls wasmrun_win_allocate(base, size,
// disp_unit, info, comm, win); base is 0 when malloc failed.
func (b *Bridge) winAllocateGuest(s []uint64) {
	const fn = "MPI_Win_allocate"
	base, size, unit, ih, ch, out := uint32(s[0]), int32(s[1]), int32(s[2]), uint32(s[3]), uint32(s[4]), uint32(s[5])
	c, info, rc, ok := b.winCreateArgs(fn, ch, size, unit, ih, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if base == 0 && size > 0 {
		s[0] = ret(b.allocFailed(fn, ch, c, unit, info, fmt.Sprintf("the guest cannot allocate %d bytes for the window", size)))
		return
	}
	if _, ok := b.addr(base, uint64(size)); !ok {
		s[0] = ret(b.fail(ch, fn, errBase, "window of %d bytes at %#x is outside guest memory", size, base))
		return
	}
	s[0] = ret(b.newWindow(fn, ch, c, base, size, unit, info, base != 0, out))
}

// allocFailed ends an MPI_Win_allocate whose memory could not be had. The
// other ranks may have had theirs and be creating the window: this rank
// takes part with an empty window, which it keeps (freeing it is
// collective too), so that none of them hangs.
func (b *Bridge) allocFailed(fn string, ch uint32, c *comm, unit int32, info C.uintptr_t, why string) int32 {
	layout := make([]int64, 2*c.size)
	C.wr_win_create(C.uintptr_t(b.Base), 0, C.int(unit), info, c.host, (*C.int64_t)(unsafe.Pointer(&layout[0])), &b.outHandle)
	return b.fail(ch, fn, errNoMem, "%s", why)
}

func (b *Bridge) winCreateDynamic(s []uint64) {
	const fn = "MPI_Win_create_dynamic"
	ih, ch, out := uint32(s[0]), uint32(s[1]), uint32(s[2])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	info, ok := b.info(ih)
	if !ok {
		s[0] = ret(b.fail(ch, fn, errInfo, "invalid info %#x", ih))
		return
	}
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(ch, fn, errArg, "win pointer %#x is outside guest memory", out))
		return
	}
	layout := make([]int64, 2*max(c.size, c.peers()))
	rcC := C.wr_win_create_dynamic(info, c.host, C.uintptr_t(b.Base), C.int64_t(b.Mem.Size()),
		(*C.int64_t)(unsafe.Pointer(&layout[0])), &b.outHandle, &b.ext.outHandle2)
	if rcC != 0 {
		b.writeI32(out, int32(winNull))
		s[0] = ret(b.hostError(ch, fn, rcC))
		return
	}
	h := b.wins.Add(window{host: b.outHandle, errh: errorsAreFatal, nranks: c.size, layout: layout,
		dynamic: true, bounds: b.ext.outHandle2, rank: c.rank})
	if h == 0 {
		C.wr_win_free_dynamic(&b.outHandle, &b.ext.outHandle2)
		s[0] = ret(b.fail(ch, fn, errIntern, "too many windows"))
		return
	}
	if w, ok := b.wins.Get(h); ok {
		w.h = h
	}
	b.writeI32(out, int32(h))
	s[0] = 0
}

// dynamicArg checks the window argument of MPI_Win_attach and MPI_Win_detach.
func (b *Bridge) dynamicArg(fn string, h uint32) (*window, int32, bool) {
	w, rc, ok := b.winArg(fn, h)
	if !ok {
		return nil, rc, false
	}
	if !w.dynamic {
		return nil, b.failWin(w, fn, errRMAFlavor, "window %#x was not made by MPI_Win_create_dynamic", h), false
	}
	return w, 0, true
}

func (b *Bridge) winAttach(s []uint64) {
	const fn = "MPI_Win_attach"
	w, rc, ok := b.dynamicArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	base, size := uint32(s[1]), int32(s[2])
	if size < 0 {
		s[0] = ret(b.failWin(w, fn, errSize, "negative size %d", size))
		return
	}
	a, ok := b.addr(base, uint64(size))
	if !ok {
		s[0] = ret(b.failWin(w, fn, errBase, "%d bytes at %#x are outside guest memory", size, base))
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_attach(w.host, w.bounds, C.int(w.rank), C.uintptr_t(a), C.int64_t(size), C.int64_t(b.Mem.Size()))))
}

func (b *Bridge) winDetach(s []uint64) {
	const fn = "MPI_Win_detach"
	w, rc, ok := b.dynamicArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	// The host only looks the address up among the attached regions.
	s[0] = ret(b.winHostError(w, fn, C.wr_win_detach(w.host, C.uintptr_t(b.Base+uintptr(uint32(s[1]))))))
}

func (b *Bridge) winFree(s []uint64) {
	s[0] = ret(b.freeWindow(uint32(s[0]), 0))
}

// winFreeGuest is the host half of the guest library's MPI_Win_free(win),
// which calls wasmrun_win_free(win, base) and frees *base: the memory of
// a window from MPI_Win_allocate, NULL otherwise.
func (b *Bridge) winFreeGuest(s []uint64) {
	const fn = "MPI_Win_free"
	baseOut := uint32(s[1])
	if !b.InBounds(baseOut, 4) {
		if rc, ok := b.ready(fn); !ok {
			s[0] = ret(rc)
			return
		}
		s[0] = ret(b.fail(commWorld, fn, errArg, "base pointer %#x is outside guest memory", baseOut))
		return
	}
	b.writeI32(baseOut, 0)
	s[0] = ret(b.freeWindow(uint32(s[0]), baseOut))
}

// freeWindow is MPI_Win_free(win); for a window of MPI_Win_allocate, the
// guest address of its memory goes to baseOut (when not 0).
func (b *Bridge) freeWindow(off, baseOut uint32) int32 {
	const fn = "MPI_Win_free"
	if rc, ok := b.ready(fn); !ok {
		return rc
	}
	h, ok := b.readI32(off)
	if !ok {
		return b.fail(commWorld, fn, errArg, "win pointer %#x is outside guest memory", off)
	}
	w, rc, ok := b.winArg(fn, uint32(h))
	if !ok {
		return rc
	}
	b.outHandle = w.host
	var rcC C.int
	if w.dynamic {
		b.ext.outHandle2 = w.bounds
		rcC = C.wr_win_free_dynamic(&b.outHandle, &b.ext.outHandle2)
	} else {
		rcC = C.wr_win_free(&b.outHandle)
	}
	if rcC != 0 {
		return b.winHostError(w, fn, rcC)
	}
	base, alloc := w.base, w.alloc
	if w.shared && w.segLen > 0 {
		if errno := C.wr_win_shared_unmap(C.uintptr_t(b.Base+uintptr(w.segOff)), C.int64_t(w.segLen)); errno != 0 {
			b.wins.Remove(uint32(h))
			b.writeI32(off, int32(winNull))
			return b.fail(commWorld, fn, errIntern, "unmapping the shared segment: %v", syscall.Errno(errno))
		}
	}
	b.wins.Remove(uint32(h))
	b.writeI32(off, int32(winNull))
	if alloc && baseOut != 0 {
		b.writeI32(baseOut, int32(base))
	}
	return 0
}

func (b *Bridge) winSetInfo(s []uint64) {
	const fn = "MPI_Win_set_info"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	info, ok := b.info(uint32(s[1]))
	if !ok {
		s[0] = ret(b.failWin(w, fn, errInfo, "invalid info %#x", uint32(s[1])))
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_set_info(w.host, info)))
}

func (b *Bridge) winGetInfo(s []uint64) {
	const fn = "MPI_Win_get_info"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out := uint32(s[1])
	if !b.InBounds(out, 4) {
		s[0] = ret(b.failWin(w, fn, errArg, "info pointer %#x is outside guest memory", out))
		return
	}
	if rcC := C.wr_win_get_info(w.host, &b.outHandle); rcC != 0 {
		s[0] = ret(b.winHostError(w, fn, rcC))
		return
	}
	s[0] = ret(b.newInfo(fn, 0, out))
}

func (b *Bridge) winGetGroup(s []uint64) {
	const fn = "MPI_Win_get_group"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out := uint32(s[1])
	if !b.InBounds(out, 4) {
		s[0] = ret(b.failWin(w, fn, errArg, "group pointer %#x is outside guest memory", out))
		return
	}
	if rc := C.wr_win_get_group(w.host, &b.outHandle); rc != 0 {
		s[0] = ret(b.winHostError(w, fn, rc))
		return
	}
	s[0] = ret(b.newGroup(fn, commWorld, 0, out))
}

func (b *Bridge) winSetName(s []uint64) {
	const fn = "MPI_Win_set_name"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	off := uint32(s[1])
	if _, ok := b.cString(off, maxObjectName); !ok {
		s[0] = ret(b.failWin(w, fn, errArg, "name at %#x is not a NUL-terminated string of at most %d bytes within guest memory", off, maxObjectName))
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_set_name(w.host, (*C.char)(unsafePointer(&b.Full[off])))))
}

func (b *Bridge) winGetName(s []uint64) {
	const fn = "MPI_Win_get_name"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	off, lenOff := uint32(s[1]), uint32(s[2])
	p, ok := b.ptr(off, maxObjectName)
	if !ok {
		s[0] = ret(b.failWin(w, fn, errArg, "name buffer of %d bytes at %#x is outside guest memory", maxObjectName, off))
		return
	}
	lp, ok := b.ptr(lenOff, 4)
	if !ok {
		s[0] = ret(b.failWin(w, fn, errArg, "resultlen pointer %#x is outside guest memory", lenOff))
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_get_name(w.host, (*C.char)(p), maxObjectName, (*C.int)(lp))))
}

// errhArg checks an error handler handle for a window or file.
func (b *Bridge) winSetErrhandler(s []uint64) {
	const fn = "MPI_Win_set_errhandler"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	e, why, ok := b.errhFor(uint32(s[1]), errhWin)
	if !ok {
		s[0] = ret(b.failWin(w, fn, errArg, "%s", why))
		return
	}
	w.errh = e
	s[0] = 0
}

func (b *Bridge) winGetErrhandler(s []uint64) {
	const fn = "MPI_Win_get_errhandler"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.writeI32(uint32(s[1]), int32(w.errh)) {
		s[0] = ret(b.failWin(w, fn, errArg, "errhandler pointer %#x is outside guest memory", uint32(s[1])))
		return
	}
	s[0] = 0
}

// ---- communication ----

func (b *Bridge) putGet(s []uint64, fn string, get bool) {
	w, rc, ok := b.winArg(fn, uint32(s[7]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ocount, rank, disp, tcount := int32(s[1]), int32(s[3]), int32(s[4]), int32(s[5])
	oa, ot, rc, ok := b.rmaBuf(fn, w, "origin", uint32(s[0]), ocount, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	tt, td, rc, ok := b.rmaTarget(fn, w, rank, disp, tcount, uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	var rcC C.int
	if get {
		rcC = C.wr_get(oa, C.int(ocount), ot, C.int(rank), td, C.int(tcount), tt, w.host)
	} else {
		rcC = C.wr_put(oa, C.int(ocount), ot, C.int(rank), td, C.int(tcount), tt, w.host)
	}
	s[0] = ret(b.winHostError(w, fn, rcC))
}

func (b *Bridge) rputGet(s []uint64, fn string, get bool) {
	w, rc, ok := b.winArg(fn, uint32(s[7]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ocount, rank, disp, tcount, reqOff := int32(s[1]), int32(s[3]), int32(s[4]), int32(s[5]), uint32(s[8])
	oa, ot, rc, ok := b.rmaBuf(fn, w, "origin", uint32(s[0]), ocount, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	tt, td, rc, ok := b.rmaTarget(fn, w, rank, disp, tcount, uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.InBounds(reqOff, 4) {
		s[0] = ret(b.failWin(w, fn, errArg, "request pointer %#x is outside guest memory", reqOff))
		return
	}
	var rcC C.int
	if get {
		rcC = C.wr_rget(oa, C.int(ocount), ot, C.int(rank), td, C.int(tcount), tt, w.host, &b.outHandle)
	} else {
		rcC = C.wr_rput(oa, C.int(ocount), ot, C.int(rank), td, C.int(tcount), tt, w.host, &b.outHandle)
	}
	s[0] = ret(b.winRequest(fn, w, reqOff, rcC))
}

// winRequest gives the guest the request that a request-based RMA call
// left in b.outHandle, at reqOff (checked), or the host's error.
func (b *Bridge) winRequest(fn string, w *window, reqOff uint32, rcC C.int) int32 {
	if rcC != 0 {
		b.writeI32(reqOff, int32(requestNull))
		return b.winHostError(w, fn, rcC)
	}
	h := b.addRequest(b.outHandle, false)
	if h == 0 {
		C.wr_wait(&b.outHandle, nil)
		b.writeI32(reqOff, int32(requestNull))
		return b.failWin(w, fn, errIntern, "too many active requests")
	}
	b.writeI32(reqOff, int32(h))
	return 0
}

// raccumulate is MPI_Raccumulate: MPI_Accumulate with a request.
func (b *Bridge) raccumulate(s []uint64) {
	const fn = "MPI_Raccumulate"
	w, rc, ok := b.winArg(fn, uint32(s[8]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ocount, rank, disp, tcount, th, reqOff := int32(s[1]), int32(s[3]), int32(s[4]), int32(s[5]), uint32(s[6]), uint32(s[9])
	oa, ot, rc, ok := b.rmaBuf(fn, w, "origin", uint32(s[0]), ocount, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	tt, td, rc, ok := b.rmaTarget(fn, w, rank, disp, tcount, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	op, rc, ok := b.rmaOp(fn, w, uint32(s[7]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.InBounds(reqOff, 4) {
		s[0] = ret(b.failWin(w, fn, errArg, "request pointer %#x is outside guest memory", reqOff))
		return
	}
	rcC := C.wr_raccumulate(oa, C.int(ocount), ot, C.int(rank), td, C.int(tcount), tt, op, w.host, &b.outHandle)
	s[0] = ret(b.winRequest(fn, w, reqOff, rcC))
}

// rgetAccumulate is MPI_Rget_accumulate: MPI_Get_accumulate with a request.
func (b *Bridge) rgetAccumulate(s []uint64) {
	const fn = "MPI_Rget_accumulate"
	w, rc, ok := b.winArg(fn, uint32(s[11]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ocount, rcount, rank, disp, tcount, th, reqOff := int32(s[1]), int32(s[4]), int32(s[6]), int32(s[7]), int32(s[8]), uint32(s[9]), uint32(s[12])
	oa, ot, rc, ok := b.rmaBuf(fn, w, "origin", uint32(s[0]), ocount, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.rmaBuf(fn, w, "result", uint32(s[3]), rcount, uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	tt, td, rc, ok := b.rmaTarget(fn, w, rank, disp, tcount, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	op, rc, ok := b.rmaOp(fn, w, uint32(s[10]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.InBounds(reqOff, 4) {
		s[0] = ret(b.failWin(w, fn, errArg, "request pointer %#x is outside guest memory", reqOff))
		return
	}
	rcC := C.wr_rget_accumulate(oa, C.int(ocount), ot, ra, C.int(rcount), rt, C.int(rank), td, C.int(tcount), tt, op, w.host, &b.outHandle)
	s[0] = ret(b.winRequest(fn, w, reqOff, rcC))
}

func (b *Bridge) accumulate(s []uint64) {
	const fn = "MPI_Accumulate"
	w, rc, ok := b.winArg(fn, uint32(s[8]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ocount, rank, disp, tcount, th := int32(s[1]), int32(s[3]), int32(s[4]), int32(s[5]), uint32(s[6])
	oa, ot, rc, ok := b.rmaBuf(fn, w, "origin", uint32(s[0]), ocount, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	tt, td, rc, ok := b.rmaTarget(fn, w, rank, disp, tcount, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	op, rc, ok := b.rmaOp(fn, w, uint32(s[7]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_accumulate(oa, C.int(ocount), ot, C.int(rank), td, C.int(tcount), tt, op, w.host)))
}

func (b *Bridge) getAccumulate(s []uint64) {
	const fn = "MPI_Get_accumulate"
	w, rc, ok := b.winArg(fn, uint32(s[11]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ocount, rcount, rank, disp, tcount, th := int32(s[1]), int32(s[4]), int32(s[6]), int32(s[7]), int32(s[8]), uint32(s[9])
	oa, ot, rc, ok := b.rmaBuf(fn, w, "origin", uint32(s[0]), ocount, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.rmaBuf(fn, w, "result", uint32(s[3]), rcount, uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	tt, td, rc, ok := b.rmaTarget(fn, w, rank, disp, tcount, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	op, rc, ok := b.rmaOp(fn, w, uint32(s[10]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_get_accumulate(oa, C.int(ocount), ot, ra, C.int(rcount), rt,
		C.int(rank), td, C.int(tcount), tt, op, w.host)))
}

func (b *Bridge) fetchAndOp(s []uint64) {
	const fn = "MPI_Fetch_and_op"
	w, rc, ok := b.winArg(fn, uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	th, rank, disp := uint32(s[2]), int32(s[3]), int32(s[4])
	oa, t, rc, ok := b.rmaBuf(fn, w, "origin", uint32(s[0]), 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, _, rc, ok := b.rmaBuf(fn, w, "result", uint32(s[1]), 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	_, td, rc, ok := b.rmaTarget(fn, w, rank, disp, 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	op, rc, ok := b.rmaOp(fn, w, uint32(s[5]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_fetch_and_op(oa, ra, t, C.int(rank), td, op, w.host)))
}

func (b *Bridge) compareAndSwap(s []uint64) {
	const fn = "MPI_Compare_and_swap"
	w, rc, ok := b.winArg(fn, uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	th, rank, disp := uint32(s[3]), int32(s[4]), int32(s[5])
	oa, t, rc, ok := b.rmaBuf(fn, w, "origin", uint32(s[0]), 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	ca, _, rc, ok := b.rmaBuf(fn, w, "compare", uint32(s[1]), 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, _, rc, ok := b.rmaBuf(fn, w, "result", uint32(s[2]), 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	_, td, rc, ok := b.rmaTarget(fn, w, rank, disp, 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_compare_and_swap(oa, ca, ra, t, C.int(rank), td, w.host)))
}

// ---- synchronization ----

const rmaAsserts = modeNocheck | modeNoprecede | modeNoput | modeNostore | modeNosucceed

// assertArg checks an assert argument.
func (b *Bridge) assertArg(fn string, w *window, a int32) (int32, bool) {
	if a&^rmaAsserts != 0 {
		return b.failWin(w, fn, errAssert, "invalid assert %#x", a), false
	}
	return 0, true
}

// lockRank checks the target rank of a lock, unlock or flush.
func (b *Bridge) lockRank(fn string, w *window, rank int32) (int32, bool) {
	if rank != procNull && (rank < 0 || rank >= w.nranks) {
		return b.failWin(w, fn, errRank, "invalid rank %d (the window has %d ranks)", rank, w.nranks), false
	}
	return 0, true
}

func (b *Bridge) winFence(s []uint64) {
	const fn = "MPI_Win_fence"
	w, rc, ok := b.winArg(fn, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	a := int32(s[0])
	if rc, ok := b.assertArg(fn, w, a); !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_fence(C.int(a), w.host)))
}

func (b *Bridge) winLock(s []uint64) {
	const fn = "MPI_Win_lock"
	w, rc, ok := b.winArg(fn, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	lock, rank, a := int32(s[0]), int32(s[1]), int32(s[2])
	if lock != lockExclusive && lock != lockShared {
		s[0] = ret(b.failWin(w, fn, errLocktype, "invalid lock type %d", lock))
		return
	}
	if rc, ok := b.lockRank(fn, w, rank); !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.assertArg(fn, w, a); !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_lock(C.int(lock), C.int(rank), C.int(a), w.host)))
}

func (b *Bridge) winLockAll(s []uint64) {
	const fn = "MPI_Win_lock_all"
	w, rc, ok := b.winArg(fn, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	a := int32(s[0])
	if rc, ok := b.assertArg(fn, w, a); !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_lock_all(C.int(a), w.host)))
}

// winSyncRank is MPI_Win_unlock, MPI_Win_flush and MPI_Win_flush_local(rank, win).
func (b *Bridge) winSyncRank(s []uint64, fn string, what C.int) {
	w, rc, ok := b.winArg(fn, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	rank := int32(s[0])
	if rc, ok := b.lockRank(fn, w, rank); !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_sync(what, C.int(rank), w.host)))
}

// winSync is the synchronization calls that take only the window.
func (b *Bridge) winSync(s []uint64, fn string, what C.int) {
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_sync(what, 0, w.host)))
}

// winGroupSync is MPI_Win_start and MPI_Win_post(group, assert, win).
func (b *Bridge) winGroupSync(s []uint64, fn string, post bool) {
	w, rc, ok := b.winArg(fn, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	g, ok := b.group(uint32(s[0]))
	if !ok {
		s[0] = ret(b.failWin(w, fn, errGroup, "invalid group %#x", uint32(s[0])))
		return
	}
	a := int32(s[1])
	if rc, ok := b.assertArg(fn, w, a); !ok {
		s[0] = ret(rc)
		return
	}
	if post {
		s[0] = ret(b.winHostError(w, fn, C.wr_win_post(g, C.int(a), w.host)))
	} else {
		s[0] = ret(b.winHostError(w, fn, C.wr_win_start(g, C.int(a), w.host)))
	}
}

func (b *Bridge) winTest(s []uint64) {
	const fn = "MPI_Win_test"
	w, rc, ok := b.winArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	flag, ok := b.ptr(uint32(s[1]), 4)
	if !ok {
		s[0] = ret(b.failWin(w, fn, errArg, "flag pointer %#x is outside guest memory", uint32(s[1])))
		return
	}
	s[0] = ret(b.winHostError(w, fn, C.wr_win_test(w.host, (*C.int)(flag))))
}

// winAllocateShared is MPI_Win_allocate_shared (see rmaFunctions): the
// ranks agree on the segment's guest offset (the end of the largest
// memory among them), grow their memories to cover it, map the shared
// segment over those pages and make an MPI_Win_create window of their
// parts.
func (b *Bridge) winAllocateShared(s []uint64) {
	const fn = "MPI_Win_allocate_shared"
	size, unit, ih, ch, baseOut, out := int32(s[0]), int32(s[1]), uint32(s[2]), uint32(s[3]), uint32(s[4]), uint32(s[5])
	c, info, rc, ok := b.winCreateArgs(fn, ch, size, unit, ih, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.InBounds(baseOut, 4) {
		s[0] = ret(b.fail(ch, fn, errArg, "baseptr %#x is outside guest memory", baseOut))
		return
	}
	sizes := make([]int64, c.size)
	var offset C.int64_t
	var shared C.int
	if rcC := C.wr_win_shared_layout(c.host, C.int64_t(size), C.int64_t(b.Mem.Size()),
		(*C.int64_t)(unsafe.Pointer(&sizes[0])), &offset, &shared); rcC != 0 {
		s[0] = ret(b.hostError(ch, fn, rcC))
		return
	}
	if shared == 0 {
		s[0] = ret(b.fail(ch, fn, errComm, "the processes of the communicator do not all share this node"))
		return
	}
	var total, mine uint64
	for i, n := range sizes {
		if i < int(c.rank) {
			mine += uint64(n)
		}
		total += uint64(n)
	}
	segOff := uint64(offset)
	segLen := (total + pageSize - 1) / pageSize * pageSize
	if segLen > 0 {
		grown := segOff+segLen <= 1<<32 && b.growTo(segOff+segLen)
		var mapped, why C.int
		if rcC := C.wr_win_shared_map(c.host, cBool(grown), C.uintptr_t(b.Base+uintptr(segOff)), C.int64_t(segLen), &mapped, &why); rcC != 0 {
			s[0] = ret(b.hostError(ch, fn, rcC))
			return
		}
		if mapped == 0 {
			if !grown {
				s[0] = ret(b.fail(ch, fn, errNoMem, "guest memory cannot grow by %d bytes of shared segment to %d bytes", segLen, segOff+segLen))
			} else {
				s[0] = ret(b.fail(ch, fn, errNoMem, "the %d-byte shared segment could not be mapped in every process (%v)", segLen, syscall.Errno(why)))
			}
			return
		}
	}
	base := uint32(segOff + mine)
	if size == 0 {
		base = 0
	}
	if rc := b.newWindow(fn, ch, c, uint32(segOff+mine), size, unit, info, false, out); rc != 0 {
		if segLen > 0 {
			C.wr_win_shared_unmap(C.uintptr_t(b.Base+uintptr(segOff)), C.int64_t(segLen))
		}
		s[0] = ret(rc)
		return
	}
	h, _ := b.readI32(out)
	if w, ok := b.wins.Get(uint32(h)); ok {
		w.shared, w.segOff, w.segLen = true, uint32(segOff), segLen
	}
	b.writeI32(baseOut, int32(base))
	s[0] = 0
}

// pageSize is the wasm page size.
const pageSize = 65536

// growTo grows guest memory to at least end bytes.
func (b *Bridge) growTo(end uint64) bool {
	cur := uint64(b.Mem.Size())
	if end <= cur {
		return true
	}
	_, ok := b.Mem.Grow(uint32((end - cur + pageSize - 1) / pageSize))
	return ok && b.InBounds(uint32(end-1), 1)
}

func (b *Bridge) winSharedQuery(s []uint64) {
	const fn = "MPI_Win_shared_query"
	wh, rank, sizeOut, unitOut, baseOut := uint32(s[0]), int32(s[1]), uint32(s[2]), uint32(s[3]), uint32(s[4])
	w, rc, ok := b.winArg(fn, wh)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !w.shared {
		s[0] = ret(b.failWin(w, fn, errRMAFlavor, "the window was not made by MPI_Win_allocate_shared"))
		return
	}
	if !b.InBounds(sizeOut, 4) || !b.InBounds(unitOut, 4) || !b.InBounds(baseOut, 4) {
		s[0] = ret(b.failWin(w, fn, errArg, "an output pointer is outside guest memory"))
		return
	}
	if rank == procNull {
		rank = -1
		for r := int32(0); r < w.nranks; r++ {
			if w.layout[2*r] > 0 {
				rank = r
				break
			}
		}
		if rank < 0 {
			b.writeI32(sizeOut, 0)
			b.writeI32(unitOut, int32(w.layout[1]))
			b.writeI32(baseOut, 0)
			s[0] = 0
			return
		}
	}
	if rank < 0 || rank >= w.nranks {
		s[0] = ret(b.failWin(w, fn, errRank, "rank %d is not in the window's group of %d", rank, w.nranks))
		return
	}
	var off uint64
	for r := int32(0); r < rank; r++ {
		off += uint64(w.layout[2*r])
	}
	size := w.layout[2*rank]
	base := int32(w.segOff + uint32(off))
	if size == 0 {
		base = 0
	}
	b.writeI32(sizeOut, int32(size))
	b.writeI32(unitOut, int32(w.layout[2*rank+1]))
	b.writeI32(baseOut, base)
	s[0] = 0
}
