package mpibridge

// #include "calls.h"
import "C"

import (
	"encoding/binary"
	"fmt"
	"os"
	"path/filepath"
	"unsafe"

	"github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental/table"
	"github.com/wasmrun/wasmrun/embedder"
)

var opFunctions = []function{
	// MPI_Op_create(user_fn, commute, op, call_op, scratch): user_fn is a
	// guest function (a table index); the host MPI calls it back through a
	// trampoline and the guest library's call_op; scratch allocates guest
	// memory for operands.
	{"MPI_Op_create", (*Bridge).opCreate, "user_fn commute op call_op scratch", false},
	{"MPI_Op_free", (*Bridge).opFree, "op", false},
	{"MPI_Op_commutative", (*Bridge).opCommutative, "op commute", false},
}

// userOp is an operator created by the guest.
type userOp struct {
	host C.uintptr_t
	slot int
	fn   uint32 // guest function table index
}

// opCallbacks is the state for calling operators back in the guest.
type opCallbacks struct {
	slots      [C.WR_OP_SLOTS]uint32 // guest op handle per trampoline slot, 0 if free
	callIdx    uint32                // table index of the guest library's call_op
	scratchIdx uint32                // table index of its scratch allocator
	call       []api.Function        // call_op, one per nesting depth
	depth      int
	scratch    struct{ off, size uint32 }
	// guestType maps host datatypes to the guest handle last used with a
	// user operator, so the operator sees the handle it was called with.
	guestType map[C.uintptr_t]uint32
}

// active is the process's bridge, for callbacks from C (which cannot carry
// Go pointers). There is one guest, and so one bridge, per process.
var active *Bridge

// op returns the host op behind guest handle h (predefined or user).
func (b *Bridge) op(h uint32) (C.uintptr_t, bool) {
	if i := h - opNull; i < predefOpCount {
		return b.ops[i], b.ops[i] != 0
	}
	u, ok := b.users.Get(h)
	if !ok {
		return 0, false
	}
	return u.host, true
}

// opArg checks an op handle used with guest datatype th.
func (b *Bridge) opArg(fn string, ch, h, th uint32) (C.uintptr_t, int32, bool) {
	op, ok := b.op(h)
	if !ok {
		return 0, b.fail(ch, fn, errOp, "invalid op %#x", h), false
	}
	if class, known := reduceCheck(h, th); known && class != success {
		t, _ := predefType(th)
		o, _ := predefOp(h)
		return 0, b.fail(ch, fn, class, "%s is not defined on %s", o.name, t.name), false
	}
	if _, user := b.users.Get(h); user {
		if t, ok := b.dtype(th); ok {
			if b.callbacks.guestType == nil {
				b.callbacks.guestType = map[C.uintptr_t]uint32{}
			}
			b.callbacks.guestType[t.host] = th
		}
	}
	return op, 0, true
}

func (b *Bridge) opCreate(s []uint64) {
	const fn = "MPI_Op_create"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	guestFn, commute, out := uint32(s[0]), int32(s[1]), uint32(s[2])
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "op pointer %#x is outside guest memory", out))
		return
	}
	callIdx, scratchIdx := uint32(s[3]), uint32(s[4])
	if b.lookup(callIdx, callOpParams, nil) == nil || b.lookup(scratchIdx, scratchParams, scratchResults) == nil {
		s[0] = ret(b.fail(commWorld, fn, errArg, "the guest library's operator helpers are not functions of the right type: build the module with wasmrun cc"))
		return
	}
	if b.lookup(guestFn, callOpParams[1:], nil) == nil {
		s[0] = ret(b.fail(commWorld, fn, errArg, "user_fn %d is not a function of type MPI_User_function", guestFn))
		return
	}
	b.callbacks.callIdx, b.callbacks.scratchIdx = callIdx, scratchIdx
	slot := -1
	for i, h := range b.callbacks.slots {
		if h == 0 {
			slot = i
			break
		}
	}
	if slot < 0 {
		s[0] = ret(b.fail(commWorld, fn, errIntern, "more than %d user-defined operators at once", len(b.callbacks.slots)))
		return
	}
	if commute != 0 {
		commute = 1
	}
	rc := C.wr_op_create(C.int(slot), C.int(commute), &b.outHandle)
	if rc != 0 {
		s[0] = ret(b.hostError(commWorld, fn, rc))
		return
	}
	h := b.users.Add(userOp{host: b.outHandle, slot: slot, fn: guestFn})
	if h == 0 {
		C.wr_op_free(&b.outHandle)
		s[0] = ret(b.fail(commWorld, fn, errIntern, "too many operators"))
		return
	}
	b.callbacks.slots[slot] = h
	b.writeI32(out, int32(h))
	s[0] = 0
}

func (b *Bridge) opFree(s []uint64) {
	const fn = "MPI_Op_free"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	off := uint32(s[0])
	h, ok := b.readI32(off)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "op pointer %#x is outside guest memory", off))
		return
	}
	u, ok := b.users.Get(uint32(h))
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errOp, "invalid or predefined op %#x", uint32(h)))
		return
	}
	b.outHandle = u.host
	rc := C.wr_op_free(&b.outHandle)
	b.callbacks.slots[u.slot] = 0
	b.users.Remove(uint32(h))
	b.writeI32(off, int32(opNull))
	s[0] = ret(b.hostError(commWorld, fn, rc))
}

func (b *Bridge) opCommutative(s []uint64) {
	const fn = "MPI_Op_commutative"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	op, ok := b.op(uint32(s[0]))
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errOp, "invalid op %#x", uint32(s[0])))
		return
	}
	out, rc, ok := b.outPtr(fn, commWorld, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_op_commutative(op, out)))
}

//export wasmrunUserOp
func wasmrunUserOp(slot C.int, in, inout unsafe.Pointer, length *C.int, host C.uintptr_t) {
	if active != nil {
		active.applyUserOp(int(slot), in, inout, int32(*length), host)
	}
}

// applyUserOp runs the guest's operator on len elements: inout = in op
// inout. Operands outside guest memory (the host MPI's own buffers) are
// copied into a guest scratch area and back.
func (b *Bridge) applyUserOp(slot int, in, inout unsafe.Pointer, n int32, host C.uintptr_t) {
	u, ok := b.users.Get(b.callbacks.slots[slot])
	if !ok || n <= 0 {
		return
	}
	th, ok := b.callbacks.guestType[host]
	if !ok {
		th = datatypeNull
	}
	t, ok := b.dtype(th)
	if !ok {
		b.opFatal("the host MPI applied a user operator to a datatype the guest never used with it", nil)
		return
	}
	lo, hi := t.span(int64(n))
	pre := -min(lo, 0) // room below the data for a negative true lower bound
	span := hi - min(lo, 0)
	// Scratch: [len int32][datatype int32][in][inout], 16-byte aligned.
	need := 16 + 2*(span+15)
	if need > 1<<31 {
		b.opFatal(fmt.Sprintf("operands of %d bytes do not fit in guest memory", span), nil)
		return
	}
	scratch, ok := b.opScratch(uint32(need))
	if !ok {
		return
	}
	size := uint64(b.Mem.Size())
	guestPtr := func(ptr unsafe.Pointer, at uint32) (uint32, bool) {
		if p := uintptr(ptr); p >= b.Base && uint64(p-b.Base)+uint64(hi) <= size && int64(p-b.Base)+lo >= 0 {
			return uint32(p - b.Base), false
		}
		dst := at + uint32(pre)
		copy(b.Full[int64(dst)+lo:int64(dst)+hi], unsafe.Slice((*byte)(unsafe.Add(ptr, lo)), hi-lo))
		return dst, true
	}
	inG, _ := guestPtr(in, scratch+16)
	inoutG, copied := guestPtr(inout, scratch+16+uint32((span+15)&^15))
	binary.LittleEndian.PutUint32(b.Full[scratch:], uint32(n))
	binary.LittleEndian.PutUint32(b.Full[scratch+4:], th)

	if b.callbacks.depth == len(b.callbacks.call) {
		b.callbacks.call = append(b.callbacks.call, b.lookup(b.callbacks.callIdx, callOpParams, nil))
	}
	f := b.callbacks.call[b.callbacks.depth]
	b.callbacks.depth++
	_, err := f.Call(b.ctx, uint64(u.fn), uint64(inG), uint64(inoutG), uint64(scratch), uint64(scratch+4))
	b.callbacks.depth--
	if err != nil {
		b.opFatal("", err)
		return
	}
	if copied {
		copy(unsafe.Slice((*byte)(unsafe.Add(inout, lo)), hi-lo), b.Full[int64(inoutG)+lo:int64(inoutG)+hi])
	}
}

// Signatures of the guest library's operator helpers.
var (
	callOpParams   = []api.ValueType{api.ValueTypeI32, api.ValueTypeI32, api.ValueTypeI32, api.ValueTypeI32, api.ValueTypeI32}
	scratchParams  = []api.ValueType{api.ValueTypeI32}
	scratchResults = []api.ValueType{api.ValueTypeI32}
)

// lookup returns the guest function at table index idx if it has the given
// signature, else nil (wazero panics on a bad index or type).
func (b *Bridge) lookup(idx uint32, params, results []api.ValueType) (f api.Function) {
	defer func() {
		if recover() != nil {
			f = nil
		}
	}()
	if b.Module == nil {
		return nil
	}
	return table.LookupFunction(b.Module, 0, idx, params, results)
}

// opScratch returns a guest buffer of at least n bytes.
func (b *Bridge) opScratch(n uint32) (uint32, bool) {
	sc := &b.callbacks.scratch
	if n <= sc.size {
		return sc.off, true
	}
	f := b.lookup(b.callbacks.scratchIdx, scratchParams, scratchResults)
	if f == nil {
		b.opFatal("the guest library's scratch allocator is missing", nil)
		return 0, false
	}
	res, err := f.Call(b.ctx, uint64(n))
	if err != nil || len(res) == 0 || uint32(res[0]) == 0 || !b.InBounds(uint32(res[0]), uint64(n)) {
		b.opFatal(fmt.Sprintf("cannot allocate %d bytes of guest memory for operator operands", n), err)
		return 0, false
	}
	sc.off, sc.size = uint32(res[0]), n
	return sc.off, true
}

// opFatal ends the job from inside a user operator: a trap there (err) or
// a state the bridge cannot handle (why).
func (b *Bridge) opFatal(why string, err error) {
	if err != nil {
		b.guestFatal("in a user-defined MPI operator", err)
	}
	fmt.Fprintf(b.stderr, "wasmrun: %s: user-defined MPI operator: %s\n", b.Label(), why)
	hostAbort(b, embedder.TrapExitCode)
	panic(exitErr(embedder.TrapExitCode))
}

// guestFatal ends the job after the guest trapped in a callback the host
// MPI made (where): it flushes the guest's output, reports the trap with
// the rank, and aborts.
func (b *Bridge) guestFatal(where string, err error) {
	embedder.Flush(b.ctx, b.Module)
	trap := embedder.ParseTrap(err)
	trap.Cause = where + ": " + trap.Cause
	fmt.Fprint(b.stderr, trap.Report(b.Label(), filepath.Base(os.Args[len(os.Args)-1])))
	hostAbort(b, embedder.TrapExitCode)
	panic(exitErr(embedder.TrapExitCode))
}
