package mpibridge

// #include "calls.h"
import "C"

import (
	"fmt"
	"unsafe"

	"github.com/tetratelabs/wazero/api"
)

// greq is a generalized request's guest side: its functions (table
// indexes) and extra_state.
type greq struct {
	query, free, cancel uint32
	extra               uint32
	handle              uint32 // the guest's request
	completed           bool   // MPI_Grequest_complete was called
}

var (
	i32               = api.ValueTypeI32
	greqQueryParams   = []api.ValueType{i32, i32}
	greqFreeParams    = []api.ValueType{i32}
	greqCancelParams  = []api.ValueType{i32, i32}
	greqResults       = []api.ValueType{i32}
	greqStatusInGuest = uint32(statusBytes)
)

func (b *Bridge) grequestStart(s []uint64) {
	const fn = "MPI_Grequest_start"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	g := greq{query: uint32(s[0]), free: uint32(s[1]), cancel: uint32(s[2]), extra: uint32(s[3])}
	reqOff := uint32(s[4])
	for _, f := range []struct {
		idx    uint32
		params []api.ValueType
		what   string
	}{{g.query, greqQueryParams, "MPI_Grequest_query_function"}, {g.free, greqFreeParams, "MPI_Grequest_free_function"}, {g.cancel, greqCancelParams, "MPI_Grequest_cancel_function"}} {
		if b.lookup(f.idx, f.params, greqResults) == nil {
			s[0] = ret(b.fail(commWorld, fn, errArg, "%d is not a function of type %s", f.idx, f.what))
			return
		}
	}
	if rc, ok := b.requestPtr(fn, commWorld, reqOff); !ok {
		s[0] = ret(rc)
		return
	}
	b.greqSeq++
	id := b.greqSeq
	if b.greqs == nil {
		b.greqs = map[int32]greq{}
	}
	b.greqs[id] = g
	rcC := C.wr_grequest_start(C.int(id), &b.outHandle)
	if rc := b.newRequest(fn, commWorld, rcC, reqOff); rc != 0 {
		delete(b.greqs, id)
		s[0] = ret(rc)
		return
	}
	h, _ := b.readI32(reqOff)
	g.handle = uint32(h)
	b.greqs[id] = g
	s[0] = 0
}

func (b *Bridge) grequestComplete(s []uint64) {
	const fn = "MPI_Grequest_complete"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	guest := uint32(s[0])
	h, ok := b.reqs.Get(guest)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errRequest, "invalid request %#x", guest))
		return
	}
	// Only a generalized request, once: the host would take any other
	// request for one.
	for id, g := range b.greqs {
		if g.handle == guest && !g.completed {
			g.completed = true
			b.greqs[id] = g
			s[0] = ret(b.hostError(commWorld, fn, C.wr_grequest_complete(*h)))
			return
		}
	}
	s[0] = ret(b.fail(commWorld, fn, errRequest, "request %#x is not a generalized request that is still incomplete", guest))
}

//export wasmrunGreq
func wasmrunGreq(kind, id, complete C.int, status *C.int32_t) C.int {
	if active == nil {
		return 1
	}
	return C.int(active.greqCall(int(kind), int32(id), int32(complete), status))
}

// greqCall runs one of request id's guest functions for the host MPI.
func (b *Bridge) greqCall(kind int, id, complete int32, status *C.int32_t) int32 {
	g, ok := b.greqs[id]
	if !ok {
		return 1
	}
	var (
		f    api.Function
		args []uint64
		what string
	)
	switch kind {
	case C.WR_GREQ_QUERY:
		f, what = b.lookup(g.query, greqQueryParams, greqResults), "query"
	case C.WR_GREQ_FREE:
		f, what = b.lookup(g.free, greqFreeParams, greqResults), "free"
		args = []uint64{uint64(g.extra)}
		delete(b.greqs, id) // MPI calls free last
	case C.WR_GREQ_CANCEL:
		f, what = b.lookup(g.cancel, greqCancelParams, greqResults), "cancel"
		args = []uint64{uint64(g.extra), uint64(uint32(complete))}
	}
	if f == nil {
		return 1
	}
	if kind != C.WR_GREQ_QUERY {
		res, err := f.Call(b.ctx, args...)
		if err != nil {
			b.guestFatal(fmt.Sprintf("in a generalized request's %s function", what), err)
		}
		return int32(res[0])
	}
	// The query fills a status on the guest's C stack, which is copied out.
	frame, restore, ok := b.stackFrame(greqStatusInGuest)
	if !ok {
		return 1
	}
	defer restore()
	clear(b.Full[frame : frame+greqStatusInGuest])
	res, err := f.Call(b.ctx, uint64(g.extra), uint64(frame))
	if err != nil {
		b.guestFatal("in a generalized request's query function", err)
	}
	out := unsafe.Slice(status, statusInts)
	for i := range out {
		v, _ := b.readI32(frame + uint32(4*i))
		out[i] = C.int32_t(v)
	}
	return int32(res[0])
}
