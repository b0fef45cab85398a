package mpibridge

// #include "calls.h"
import "C"

var pt2ptFunctions = []function{
	// MPI_Send(buf, count, datatype, dest, tag, comm) and its modes.
	{"MPI_Send", func(b *Bridge, s []uint64) { b.send(s, "MPI_Send", C.WR_STANDARD) }, "buf count datatype dest tag comm", false},
	{"MPI_Ssend", func(b *Bridge, s []uint64) { b.send(s, "MPI_Ssend", C.WR_SYNC) }, "buf count datatype dest tag comm", false},
	{"MPI_Rsend", func(b *Bridge, s []uint64) { b.send(s, "MPI_Rsend", C.WR_READY) }, "buf count datatype dest tag comm", false},
	{"MPI_Bsend", func(b *Bridge, s []uint64) { b.send(s, "MPI_Bsend", C.WR_BUFFERED) }, "buf count datatype dest tag comm", false},
	// MPI_Isend(buf, count, datatype, dest, tag, comm, request) and its modes.
	{"MPI_Isend", func(b *Bridge, s []uint64) { b.isend(s, "MPI_Isend", C.WR_STANDARD) }, "buf count datatype dest tag comm request", false},
	{"MPI_Issend", func(b *Bridge, s []uint64) { b.isend(s, "MPI_Issend", C.WR_SYNC) }, "buf count datatype dest tag comm request", false},
	{"MPI_Irsend", func(b *Bridge, s []uint64) { b.isend(s, "MPI_Irsend", C.WR_READY) }, "buf count datatype dest tag comm request", false},
	{"MPI_Ibsend", func(b *Bridge, s []uint64) { b.isend(s, "MPI_Ibsend", C.WR_BUFFERED) }, "buf count datatype dest tag comm request", false},
	{"MPI_Recv", (*Bridge).recv, "buf count datatype source tag comm status", false},
	{"MPI_Irecv", (*Bridge).irecv, "buf count datatype source tag comm request", false},
	{"MPI_Sendrecv", (*Bridge).sendrecv, "sendbuf sendcount sendtype dest sendtag recvbuf recvcount recvtype source recvtag comm status", false},
	{"MPI_Sendrecv_replace", (*Bridge).sendrecvReplace, "buf count datatype dest sendtag source recvtag comm status", false},
	// MPI-4.0; on an MPI-3.1 host the pair is a send and a receive under one
	// generalized request (calls_pair.c).
	{"MPI_Isendrecv", (*Bridge).isendrecv, "sendbuf sendcount sendtype dest sendtag recvbuf recvcount recvtype source recvtag comm request", false},
	{"MPI_Isendrecv_replace", (*Bridge).isendrecvReplace, "buf count datatype dest sendtag source recvtag comm request", false},
	// MPI_Grequest_start(query_fn, free_fn, cancel_fn, extra_state,
	// request): a host generalized request whose functions call the
	// guest's. MPI_Grequest_complete(request).
	{"MPI_Grequest_start", (*Bridge).grequestStart, "query_fn free_fn cancel_fn extra_state request", false},
	{"MPI_Grequest_complete", (*Bridge).grequestComplete, "request", false},
	{"MPI_Probe", (*Bridge).probe, "source tag comm status", false},
	{"MPI_Iprobe", (*Bridge).iprobe, "source tag comm flag status", false},
	// MPI_Buffer_attach(buffer, size): the buffer stays in guest memory.
	{"MPI_Buffer_attach", (*Bridge).bufferAttach, "buffer size", false},
	{"MPI_Buffer_detach", (*Bridge).bufferDetach, "buffer_addr size", false},
	{"MPI_Wait", (*Bridge).wait, "request status", false},
	{"MPI_Test", (*Bridge).test, "request flag status", false},
	{"MPI_Waitall", (*Bridge).waitall, "count array_of_requests array_of_statuses", false},
	{"MPI_Testall", (*Bridge).testall, "count array_of_requests flag array_of_statuses", false},
	{"MPI_Waitany", (*Bridge).waitany, "count array_of_requests index status", false},
	{"MPI_Testany", (*Bridge).testany, "count array_of_requests index flag status", false},
	{"MPI_Waitsome", (*Bridge).waitsome, "incount array_of_requests outcount array_of_indices array_of_statuses", false},
	{"MPI_Testsome", (*Bridge).testsome, "incount array_of_requests outcount array_of_indices array_of_statuses", false},
	{"MPI_Request_free", (*Bridge).requestFree, "request", false},
	{"MPI_Cancel", (*Bridge).cancel, "request", false},
	{"MPI_Test_cancelled", (*Bridge).testCancelled, "status flag", false},
	// MPI_Get_count(status, datatype, count): from the byte count in the status.
	{"MPI_Get_count", func(b *Bridge, s []uint64) { b.getCount(s, "MPI_Get_count", false) }, "status datatype count", false},
	{"MPI_Get_elements", func(b *Bridge, s []uint64) { b.getCount(s, "MPI_Get_elements", true) }, "status datatype count", false},
}

func (b *Bridge) send(s []uint64, fn string, mode C.int) {
	ch := uint32(s[5])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	addr, t, rc, ok := b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_send(addr, C.int(int32(s[1])), t, C.int(int32(s[3])), C.int(int32(s[4])), c.host, mode)))
}

func (b *Bridge) isend(s []uint64, fn string, mode C.int) {
	a, rc, ok := b.requestArgs(fn, s)
	if !ok {
		s[0] = ret(rc)
		return
	}
	c, addr, t, ch, reqOff := a.c, a.addr, a.t, a.ch, a.reqOff
	rcC := C.wr_isend(addr, C.int(int32(s[1])), t, C.int(int32(s[3])), C.int(int32(s[4])), c.host, mode, &b.outHandle)
	s[0] = ret(b.newRequest(fn, ch, rcC, reqOff))
}

// newRequest records the host request C left in b.outHandle and gives the
// guest its handle.
func (b *Bridge) newRequest(fn string, ch uint32, rc C.int, reqOff uint32) int32 {
	if b.capture {
		// MPI_Start of a persistent collective: its guest request exists.
		b.captured = b.outHandle
		return b.hostError(ch, fn, rc)
	}
	if rc != 0 {
		b.writeI32(reqOff, int32(requestNull))
		return b.hostError(ch, fn, rc)
	}
	h := b.addRequest(b.outHandle, collectiveRequest(fn))
	if h == 0 {
		return b.fail(ch, fn, errIntern, "too many active requests")
	}
	b.writeI32(reqOff, int32(h))
	b.lastReq = h
	return 0
}

func (b *Bridge) recv(s []uint64) {
	const fn = "MPI_Recv"
	ch := uint32(s[5])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	addr, t, rc, ok := b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.status(fn, ch, uint32(s[6]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_recv(addr, C.int(int32(s[1])), t, C.int(int32(s[3])), C.int(int32(s[4])), c.host, st)))
}

func (b *Bridge) irecv(s []uint64) {
	const fn = "MPI_Irecv"
	a, rc, ok := b.requestArgs(fn, s)
	if !ok {
		s[0] = ret(rc)
		return
	}
	c, addr, t, ch, reqOff := a.c, a.addr, a.t, a.ch, a.reqOff
	rcC := C.wr_irecv(addr, C.int(int32(s[1])), t, C.int(int32(s[3])), C.int(int32(s[4])), c.host, &b.outHandle)
	s[0] = ret(b.newRequest(fn, ch, rcC, reqOff))
}

func (b *Bridge) sendrecv(s []uint64) {
	const fn = "MPI_Sendrecv"
	ch := uint32(s[10])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.buf(fn, ch, uint32(s[5]), int32(s[6]), uint32(s[7]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	status, rc, ok := b.status(fn, ch, uint32(s[11]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_sendrecv(sa, C.int(int32(s[1])), st, C.int(int32(s[3])), C.int(int32(s[4])),
		ra, C.int(int32(s[6])), rt, C.int(int32(s[8])), C.int(int32(s[9])), c.host, status)))
}

func (b *Bridge) sendrecvReplace(s []uint64) {
	const fn = "MPI_Sendrecv_replace"
	ch := uint32(s[7])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	a, t, rc, ok := b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	status, rc, ok := b.status(fn, ch, uint32(s[8]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_sendrecv_replace(a, C.int(int32(s[1])), t, C.int(int32(s[3])), C.int(int32(s[4])),
		C.int(int32(s[5])), C.int(int32(s[6])), c.host, status)))
}

func (b *Bridge) isendrecv(s []uint64) {
	const fn = "MPI_Isendrecv"
	ch, reqOff := uint32(s[10]), uint32(s[11])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.buf(fn, ch, uint32(s[5]), int32(s[6]), uint32(s[7]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.requestPtr(fn, ch, reqOff); !ok {
		s[0] = ret(rc)
		return
	}
	rcC := C.wr_isendrecv(sa, C.int(int32(s[1])), st, C.int(int32(s[3])), C.int(int32(s[4])),
		ra, C.int(int32(s[6])), rt, C.int(int32(s[8])), C.int(int32(s[9])), c.host, &b.outHandle)
	s[0] = ret(b.newRequest(fn, ch, rcC, reqOff))
}

func (b *Bridge) isendrecvReplace(s []uint64) {
	const fn = "MPI_Isendrecv_replace"
	ch, reqOff := uint32(s[7]), uint32(s[8])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	a, t, rc, ok := b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.requestPtr(fn, ch, reqOff); !ok {
		s[0] = ret(rc)
		return
	}
	rcC := C.wr_isendrecv_replace(a, C.int(int32(s[1])), t, C.int(int32(s[3])), C.int(int32(s[4])),
		C.int(int32(s[5])), C.int(int32(s[6])), c.host, &b.outHandle)
	s[0] = ret(b.newRequest(fn, ch, rcC, reqOff))
}

func (b *Bridge) probe(s []uint64) {
	const fn = "MPI_Probe"
	ch := uint32(s[2])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	status, rc, ok := b.status(fn, ch, uint32(s[3]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_probe(C.int(int32(s[0])), C.int(int32(s[1])), c.host, status)))
}

func (b *Bridge) iprobe(s []uint64) {
	const fn = "MPI_Iprobe"
	ch := uint32(s[2])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	flag, rc, ok := b.outPtr(fn, ch, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	status, rc, ok := b.status(fn, ch, uint32(s[4]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_iprobe(C.int(int32(s[0])), C.int(int32(s[1])), c.host, flag, status)))
}

func (b *Bridge) bufferAttach(s []uint64) {
	const fn = "MPI_Buffer_attach"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	off, size := uint32(s[0]), int32(s[1])
	if size < 0 {
		s[0] = ret(b.fail(commWorld, fn, errArg, "negative buffer size %d", size))
		return
	}
	if _, ok := b.addr(off, uint64(size)); !ok {
		s[0] = ret(b.fail(commWorld, fn, errBuffer, "buffer of %d bytes at %#x is outside guest memory", size, off))
		return
	}
	// The host MPI gets a buffer of its own (see wr_buffer_attach): no
	// larger than the guest's, which lies in guest memory.
	rc := C.wr_buffer_attach(C.int(size))
	if rc == 0 {
		b.bsend.off, b.bsend.size = off, uint32(size)
	}
	s[0] = ret(b.hostError(commWorld, fn, rc))
}

func (b *Bridge) bufferDetach(s []uint64) {
	const fn = "MPI_Buffer_detach"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	bufOut, sizeOut := uint32(s[0]), uint32(s[1])
	if !b.InBounds(bufOut, 4) || !b.InBounds(sizeOut, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "output pointer is outside guest memory"))
		return
	}
	rc := C.wr_buffer_detach(&b.outInt[0])
	if rc == 0 {
		b.writeI32(bufOut, int32(b.bsend.off))
		b.writeI32(sizeOut, int32(b.outInt[0]))
		b.bsend.off, b.bsend.size = 0, 0
	}
	s[0] = ret(b.hostError(commWorld, fn, rc))
}

var persistentFunctions = []function{
	// MPI_Send_init(buf, count, datatype, dest, tag, comm, request) and its modes:
	// inactive requests that MPI_Start/MPI_Startall activate.
	{"MPI_Send_init", func(b *Bridge, s []uint64) { b.sendInit(s, "MPI_Send_init", C.WR_STANDARD) }, "buf count datatype dest tag comm request", false},
	{"MPI_Ssend_init", func(b *Bridge, s []uint64) { b.sendInit(s, "MPI_Ssend_init", C.WR_SYNC) }, "buf count datatype dest tag comm request", false},
	{"MPI_Rsend_init", func(b *Bridge, s []uint64) { b.sendInit(s, "MPI_Rsend_init", C.WR_READY) }, "buf count datatype dest tag comm request", false},
	{"MPI_Bsend_init", func(b *Bridge, s []uint64) { b.sendInit(s, "MPI_Bsend_init", C.WR_BUFFERED) }, "buf count datatype dest tag comm request", false},
	{"MPI_Recv_init", func(b *Bridge, s []uint64) { b.sendInit(s, "MPI_Recv_init", -1) }, "buf count datatype source tag comm request", false},
	{"MPI_Start", (*Bridge).start1, "request", false},
	{"MPI_Startall", (*Bridge).startall, "count array_of_requests", false},
}

// p2pReq are the checked arguments of a call shaped (buf, count,
// datatype, peer, tag, comm, request): MPI_Isend, MPI_Irecv and the
// persistent inits.
type p2pReq struct {
	c       *comm
	addr, t C.uintptr_t
	ch      uint32
	reqOff  uint32
}

func (b *Bridge) requestArgs(fn string, s []uint64) (p2pReq, int32, bool) {
	ch, reqOff := uint32(s[5]), uint32(s[6])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		return p2pReq{}, rc, false
	}
	addr, t, rc, ok := b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		return p2pReq{}, rc, false
	}
	if rc, ok := b.requestPtr(fn, ch, reqOff); !ok {
		return p2pReq{}, rc, false
	}
	return p2pReq{c: c, addr: addr, t: t, ch: ch, reqOff: reqOff}, 0, true
}

// sendInit is MPI_Send_init and its modes, and MPI_Recv_init (mode -1).
func (b *Bridge) sendInit(s []uint64, fn string, mode C.int) {
	a, rc, ok := b.requestArgs(fn, s)
	if !ok {
		s[0] = ret(rc)
		return
	}
	c, addr, t, ch, reqOff := a.c, a.addr, a.t, a.ch, a.reqOff
	var rcC C.int
	if mode < 0 {
		rcC = C.wr_recv_init(addr, C.int(int32(s[1])), t, C.int(int32(s[3])), C.int(int32(s[4])), c.host, &b.outHandle)
	} else {
		rcC = C.wr_send_init(addr, C.int(int32(s[1])), t, C.int(int32(s[3])), C.int(int32(s[4])), c.host, mode, &b.outHandle)
	}
	s[0] = ret(b.newRequest(fn, ch, rcC, reqOff))
}

func (b *Bridge) start1(s []uint64) {
	const fn = "MPI_Start"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	off := uint32(s[0])
	h, host, rc, ok := b.request(fn, off)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if h == requestNull {
		s[0] = ret(b.fail(commWorld, fn, errRequest, "MPI_REQUEST_NULL cannot be started"))
		return
	}
	if p, ok := b.pcolls[h]; ok {
		s[0] = ret(b.startPcoll(h, p))
		return
	}
	b.outHandle = host
	rcC := C.wr_start(&b.outHandle)
	b.settle(h, b.outHandle, off)
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) startall(s []uint64) {
	const fn = "MPI_Startall"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	n, off := int32(s[0]), uint32(s[1])
	guest, rc, ok := b.requests(fn, n, off)
	if !ok {
		s[0] = ret(rc)
		return
	}
	for i := range guest {
		if uint32(guest[i]) == requestNull {
			s[0] = ret(b.fail(commWorld, fn, errRequest, "MPI_REQUEST_NULL at index %d cannot be started", i))
			return
		}
		if p, ok := b.pcolls[uint32(guest[i])]; ok {
			if rc := b.startPcoll(uint32(guest[i]), p); rc != 0 {
				s[0] = ret(rc)
				return
			}
			continue
		}
		rcC := C.wr_start(&b.hostReqs[i])
		if rcC != 0 {
			b.settleAll(guest, off)
			s[0] = ret(b.hostError(commWorld, fn, rcC))
			return
		}
		b.settle(uint32(guest[i]), b.hostReqs[i], off+uint32(4*i))
	}
	s[0] = 0
}
