package mpibridge

// #include "calls.h"
import "C"

import (
	"encoding/binary"
	"strings"
)

// emptyStatus is what completing MPI_REQUEST_NULL gives: source
// MPI_ANY_SOURCE, tag MPI_ANY_TAG, no error, count 0.
func (b *Bridge) emptyStatus(off uint32) {
	if off == statusIgnore || !b.InBounds(off, statusBytes) {
		return
	}
	clear(b.Full[off : off+statusBytes])
	b.writeI32(off, anySource)
	b.writeI32(off+4, anyTag)
}

// requestPtr checks fn's request out-pointer off, reporting through
// communicator ch.
func (b *Bridge) requestPtr(fn string, ch, off uint32) (int32, bool) {
	if !b.InBounds(off, 4) {
		return b.fail(ch, fn, errArg, "request pointer %#x is outside guest memory", off), false
	}
	return 0, true
}

// request reads the guest request handle at off.
func (b *Bridge) request(fn string, off uint32) (uint32, C.uintptr_t, int32, bool) {
	h, ok := b.readI32(off)
	if !ok {
		return 0, 0, b.fail(commWorld, fn, errArg, "request pointer %#x is outside guest memory", off), false
	}
	if uint32(h) == requestNull {
		return requestNull, b.hostNull.req, 0, true
	}
	host, ok := b.reqs.Get(uint32(h))
	if !ok {
		return 0, 0, b.fail(commWorld, fn, errRequest, "invalid request %#x", uint32(h)), false
	}
	return uint32(h), *host, 0, true
}

// settle updates the guest's handle at off after the C layer left the host
// request in host: a completed request is freed and becomes MPI_REQUEST_NULL.
func (b *Bridge) settle(h uint32, host C.uintptr_t, off uint32) {
	if h == requestNull {
		return
	}
	if host == b.hostNull.req {
		if _, persistent := b.pcolls[h]; persistent {
			// A persistent collective becomes inactive, not null.
			if e, ok := b.reqs.Get(h); ok {
				*e = host
			}
			b.freeKept(h)
			return
		}
		b.reqs.Remove(h)
		b.writeI32(off, int32(requestNull))
		if len(b.pendingComms) > 0 {
			b.completeComm(h)
		}
		b.freeKept(h)
		return
	}
	if p, ok := b.reqs.Get(h); ok {
		*p = host
	}
}

func (b *Bridge) wait(s []uint64) {
	const fn = "MPI_Wait"
	reqOff, stOff := uint32(s[0]), uint32(s[1])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	h, host, rc, ok := b.request(fn, reqOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.status(fn, commWorld, stOff, 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if h == requestNull {
		b.emptyStatus(stOff)
		s[0] = 0
		return
	}
	b.outHandle = host
	rcC := C.wr_wait(&b.outHandle, st)
	b.settle(h, b.outHandle, reqOff)
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) test(s []uint64) {
	const fn = "MPI_Test"
	reqOff, flagOff, stOff := uint32(s[0]), uint32(s[1]), uint32(s[2])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	h, host, rc, ok := b.request(fn, reqOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	flag, rc, ok := b.outPtr(fn, commWorld, flagOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.status(fn, commWorld, stOff, 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if h == requestNull {
		*flag = 1
		b.emptyStatus(stOff)
		s[0] = 0
		return
	}
	b.outHandle = host
	rcC := C.wr_test(&b.outHandle, flag, st)
	b.settle(h, b.outHandle, reqOff)
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

// requests loads n guest request handles at off into b.hostReqs.
func (b *Bridge) requests(fn string, n int32, off uint32) ([]int32, int32, bool) {
	if n < 0 {
		return nil, b.fail(commWorld, fn, errArg, "negative request count %d", n), false
	}
	guest := b.i32s(off, n)
	if guest == nil {
		return nil, b.fail(commWorld, fn, errArg, "%d requests at %#x are outside guest memory", n, off), false
	}
	if cap(b.hostReqs) < int(n) {
		b.hostReqs = make([]C.uintptr_t, n)
	}
	b.hostReqs = b.hostReqs[:n]
	for i, h := range guest {
		if uint32(h) == requestNull {
			b.hostReqs[i] = b.hostNull.req
			continue
		}
		host, ok := b.reqs.Get(uint32(h))
		if !ok {
			return nil, b.fail(commWorld, fn, errRequest, "invalid request %#x at index %d", uint32(h), i), false
		}
		b.hostReqs[i] = *host
	}
	return guest, 0, true
}

// settleAll updates every guest handle after a multi-request call.
func (b *Bridge) settleAll(guest []int32, off uint32) {
	for i, h := range guest {
		b.settle(uint32(h), b.hostReqs[i], off+uint32(4*i))
	}
}

func (b *Bridge) hostReqPtr() *C.uintptr_t {
	if len(b.hostReqs) == 0 {
		return nil
	}
	return &b.hostReqs[0]
}

func (b *Bridge) waitall(s []uint64) {
	const fn = "MPI_Waitall"
	n, off, stOff := int32(s[0]), uint32(s[1]), uint32(s[2])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	guest, rc, ok := b.requests(fn, n, off)
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.status(fn, commWorld, stOff, n)
	if !ok {
		s[0] = ret(rc)
		return
	}
	rcC := C.wr_waitall(C.int(n), b.hostReqPtr(), st)
	b.settleAll(guest, off)
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) testall(s []uint64) {
	const fn = "MPI_Testall"
	n, off, flagOff, stOff := int32(s[0]), uint32(s[1]), uint32(s[2]), uint32(s[3])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	guest, rc, ok := b.requests(fn, n, off)
	if !ok {
		s[0] = ret(rc)
		return
	}
	flag, rc, ok := b.outPtr(fn, commWorld, flagOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.status(fn, commWorld, stOff, n)
	if !ok {
		s[0] = ret(rc)
		return
	}
	rcC := C.wr_testall(C.int(n), b.hostReqPtr(), flag, st)
	b.settleAll(guest, off)
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) waitany(s []uint64) {
	b.anyOf(s, "MPI_Waitany", false)
}

func (b *Bridge) testany(s []uint64) {
	b.anyOf(s, "MPI_Testany", true)
}

// anyOf is MPI_Waitany(count, reqs, index, status) and
// MPI_Testany(count, reqs, index, flag, status).
func (b *Bridge) anyOf(s []uint64, fn string, isTest bool) {
	n, off, idxOff := int32(s[0]), uint32(s[1]), uint32(s[2])
	stOff := uint32(s[3])
	if isTest {
		stOff = uint32(s[4])
	}
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	guest, rc, ok := b.requests(fn, n, off)
	if !ok {
		s[0] = ret(rc)
		return
	}
	idx, rc, ok := b.outPtr(fn, commWorld, idxOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.status(fn, commWorld, stOff, 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var rcC C.int
	if isTest {
		flag, rc, ok := b.outPtr(fn, commWorld, uint32(s[3]))
		if !ok {
			s[0] = ret(rc)
			return
		}
		rcC = C.wr_testany(C.int(n), b.hostReqPtr(), idx, flag, st)
	} else {
		rcC = C.wr_waitany(C.int(n), b.hostReqPtr(), idx, st)
	}
	b.settleAll(guest, off)
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) waitsome(s []uint64) {
	b.someOf(s, "MPI_Waitsome", false)
}

func (b *Bridge) testsome(s []uint64) {
	b.someOf(s, "MPI_Testsome", true)
}

// someOf is MPI_Waitsome/MPI_Testsome(incount, reqs, outcount, indices, statuses).
func (b *Bridge) someOf(s []uint64, fn string, isTest bool) {
	n, off, outOff, idxOff, stOff := int32(s[0]), uint32(s[1]), uint32(s[2]), uint32(s[3]), uint32(s[4])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	guest, rc, ok := b.requests(fn, n, off)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, commWorld, outOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var idx *C.int
	if n > 0 {
		p, ok := b.ptr(idxOff, uint64(n)*4)
		if !ok {
			s[0] = ret(b.fail(commWorld, fn, errArg, "indices array of %d at %#x is outside guest memory", n, idxOff))
			return
		}
		idx = (*C.int)(p)
	}
	st, rc, ok := b.status(fn, commWorld, stOff, n)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var rcC C.int
	if isTest {
		rcC = C.wr_testsome(C.int(n), b.hostReqPtr(), out, idx, st)
	} else {
		rcC = C.wr_waitsome(C.int(n), b.hostReqPtr(), out, idx, st)
	}
	b.settleAll(guest, off)
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) requestFree(s []uint64) {
	const fn = "MPI_Request_free"
	off := uint32(s[0])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	h, host, rc, ok := b.request(fn, off)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if h == requestNull {
		s[0] = ret(b.fail(commWorld, fn, errRequest, "MPI_REQUEST_NULL cannot be freed"))
		return
	}
	if _, idup := b.pendingComms[h]; idup {
		// Both hosts refuse it too, and Open MPI 4.1 then crashes in
		// MPI_Finalize, natively as well (found by FuzzBridge): the
		// request stays, for MPI_Wait.
		s[0] = ret(b.fail(commWorld, fn, errRequest, "request %#x of MPI_Comm_idup cannot be freed before it completes", h))
		return
	}
	if p, persistent := b.pcolls[h]; persistent {
		delete(b.pcolls, h)
		b.unpin(p)
		if host == b.hostNull.req {
			b.reqs.Remove(h)
			b.writeI32(off, int32(requestNull))
			s[0] = 0
			return
		}
	}
	b.outHandle = host
	rcC := C.wr_request_free(&b.outHandle)
	b.freeKept(h)
	b.reqs.Remove(h)
	b.writeI32(off, int32(requestNull))
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) cancel(s []uint64) {
	const fn = "MPI_Cancel"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	h, host, rc, ok := b.request(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if h == requestNull {
		s[0] = ret(b.fail(commWorld, fn, errRequest, "MPI_REQUEST_NULL cannot be cancelled"))
		return
	}
	if b.collReq[h&0xffffff-1] {
		// Erroneous in MPI; Open MPI 4.1 then hangs in MPI_Wait on a
		// cancelled MPI_Comm_idup (found by FuzzBridge).
		s[0] = ret(b.fail(commWorld, fn, errRequest, "request %#x of a nonblocking collective cannot be cancelled", h))
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_cancel(host)))
}

// statusWords reads the guest status at off: count in bytes and cancelled.
func (b *Bridge) statusWords(fn string, off uint32) (int64, bool, int32, bool) {
	if off == statusIgnore || !b.InBounds(off, statusBytes) {
		return 0, false, b.fail(commWorld, fn, errArg, "status pointer %#x is outside guest memory", off), false
	}
	lo := binary.LittleEndian.Uint32(b.Full[off+12:])
	hi := binary.LittleEndian.Uint32(b.Full[off+16:])
	cancelled := binary.LittleEndian.Uint32(b.Full[off+20:]) != 0
	return int64(uint64(hi)<<32 | uint64(lo)), cancelled, 0, true
}

func (b *Bridge) testCancelled(s []uint64) {
	const fn = "MPI_Test_cancelled"
	_, cancelled, rc, ok := b.statusWords(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = b.flagOut(fn, uint32(s[1]), cancelled)
}

// getCount is MPI_Get_count and MPI_Get_elements(status, datatype, count)
// for the predefined datatypes: the byte count over the guest size (pair
// types count two basic elements each in MPI_Get_elements).
func (b *Bridge) getCount(s []uint64, fn string, elements bool) {
	bytes, _, rc, ok := b.statusWords(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	th := uint32(s[1])
	t, ok := b.dtype(th)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errType, "invalid datatype %#x", th))
		return
	}
	count := int64(0)
	switch {
	case elements && t.derived:
		var n C.int64_t
		if rc := C.wr_get_elements(C.int64_t(bytes), t.host, &n); rc != 0 {
			s[0] = ret(b.hostError(commWorld, fn, rc))
			return
		}
		count = int64(n)
		if count < 0 {
			count = undefined
		}
	case t.size == 0:
	case bytes%t.size != 0:
		count = undefined
	default:
		count = bytes / t.size
		if elements && isPairType(th) {
			count *= 2
		}
	}
	if count > 1<<31-1 {
		count = undefined
	}
	if !b.writeI32(uint32(s[2]), int32(count)) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "count pointer is outside guest memory"))
		return
	}
	s[0] = 0
}

// freeKept frees the host argument copies tied to request h.
func (b *Bridge) freeKept(h uint32) {
	if k, ok := b.keep[h]; ok {
		C.wr_free(k)
		delete(b.keep, h)
	}
}

// addRequest adds a host request to the guest's table and records whether
// it belongs to a nonblocking or persistent collective; 0 when the table is
// full.
func (b *Bridge) addRequest(host C.uintptr_t, collective bool) uint32 {
	h := b.reqs.Add(host)
	if h == 0 {
		return 0
	}
	i := int(h&0xffffff) - 1
	for len(b.collReq) <= i {
		b.collReq = append(b.collReq, false)
	}
	b.collReq[i] = collective
	return h
}

// collectiveRequest reports whether fn, which made a request, is a
// nonblocking collective (MPI_Ibarrier ..., MPI_Comm_idup) rather than a
// nonblocking point-to-point call.
func collectiveRequest(fn string) bool {
	switch fn {
	case "MPI_Isend", "MPI_Issend", "MPI_Irsend", "MPI_Ibsend", "MPI_Irecv", "MPI_Imrecv":
		return false
	case "MPI_Comm_idup", "MPI_Comm_idup_with_info":
		return true
	}
	return strings.HasPrefix(fn, "MPI_I")
}
