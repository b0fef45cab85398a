package mpibridge

// #include "calls.h"
import "C"

var messageFunctions = []function{
	// MPI_Mprobe(source, tag, comm, message, status): the matched message
	// can only be received with MPI_Mrecv/MPI_Imrecv.
	{"MPI_Mprobe", (*Bridge).mprobe, "source tag comm message status", false},
	{"MPI_Improbe", (*Bridge).improbe, "source tag comm flag message status", false},
	{"MPI_Mrecv", (*Bridge).mrecv, "buf count datatype message status", false},
	{"MPI_Imrecv", (*Bridge).imrecv, "buf count datatype message request", false},
	// MPI_Request_get_status(request, flag, status): like MPI_Test, but the
	// request stays.
	{"MPI_Request_get_status", (*Bridge).requestGetStatus, "request flag status", false},
}

// newMessage gives the guest a handle for the host message C left in
// b.outHandle: MPI_MESSAGE_NO_PROC for a probe of MPI_PROC_NULL.
func (b *Bridge) newMessage(fn string, ch uint32, off uint32) int32 {
	switch b.outHandle {
	case C.wr_message_no_proc():
		b.writeI32(off, int32(messageNoProc))
		return 0
	case C.wr_message_null():
		b.writeI32(off, int32(messageNull))
		return 0
	}
	h := b.msgs.Add(b.outHandle)
	if h == 0 {
		return b.fail(ch, fn, errIntern, "too many matched messages")
	}
	b.writeI32(off, int32(h))
	return 0
}

func (b *Bridge) mprobe(s []uint64) {
	const fn = "MPI_Mprobe"
	ch, msgOff := uint32(s[2]), uint32(s[3])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.InBounds(msgOff, 4) {
		s[0] = ret(b.fail(ch, fn, errArg, "message pointer %#x is outside guest memory", msgOff))
		return
	}
	st, rc, ok := b.status(fn, ch, uint32(s[4]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc := C.wr_mprobe(C.int(int32(s[0])), C.int(int32(s[1])), c.host, &b.outHandle, st); rc != 0 {
		s[0] = ret(b.hostError(ch, fn, rc))
		return
	}
	s[0] = ret(b.newMessage(fn, ch, msgOff))
}

func (b *Bridge) improbe(s []uint64) {
	const fn = "MPI_Improbe"
	ch, msgOff := uint32(s[2]), uint32(s[4])
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
	if !b.InBounds(msgOff, 4) {
		s[0] = ret(b.fail(ch, fn, errArg, "message pointer %#x is outside guest memory", msgOff))
		return
	}
	st, rc, ok := b.status(fn, ch, uint32(s[5]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc := C.wr_improbe(C.int(int32(s[0])), C.int(int32(s[1])), c.host, flag, &b.outHandle, st); rc != 0 {
		s[0] = ret(b.hostError(ch, fn, rc))
		return
	}
	if *flag == 0 {
		s[0] = 0
		return
	}
	s[0] = ret(b.newMessage(fn, ch, msgOff))
}

// message reads the guest message handle at off and returns the host one.
func (b *Bridge) message(fn string, off uint32) (uint32, C.uintptr_t, int32, bool) {
	h, ok := b.readI32(off)
	if !ok {
		return 0, 0, b.fail(commWorld, fn, errArg, "message pointer %#x is outside guest memory", off), false
	}
	switch uint32(h) {
	case messageNoProc:
		return messageNoProc, C.wr_message_no_proc(), 0, true
	case messageNull:
		return 0, 0, b.fail(commWorld, fn, errRequest, "MPI_MESSAGE_NULL cannot be received"), false
	}
	m, ok := b.msgs.Get(uint32(h))
	if !ok {
		return 0, 0, b.fail(commWorld, fn, errRequest, "invalid message %#x", uint32(h)), false
	}
	return uint32(h), *m, 0, true
}

// received retires a matched message after MPI_Mrecv/MPI_Imrecv.
func (b *Bridge) received(h, off uint32) {
	if h != messageNoProc {
		b.msgs.Remove(h)
	}
	b.writeI32(off, int32(messageNull))
}

func (b *Bridge) mrecv(s []uint64) {
	const fn = "MPI_Mrecv"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	msgOff := uint32(s[3])
	h, host, rc, ok := b.message(fn, msgOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	addr, t, rc, ok := b.buf(fn, commWorld, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.status(fn, commWorld, uint32(s[4]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	b.outHandle = host
	rcC := C.wr_mrecv(addr, C.int(int32(s[1])), t, &b.outHandle, st)
	b.received(h, msgOff)
	s[0] = ret(b.hostError(commWorld, fn, rcC))
}

func (b *Bridge) imrecv(s []uint64) {
	const fn = "MPI_Imrecv"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	msgOff, reqOff := uint32(s[3]), uint32(s[4])
	h, host, rc, ok := b.message(fn, msgOff)
	if !ok {
		s[0] = ret(rc)
		return
	}
	addr, t, rc, ok := b.buf(fn, commWorld, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.requestPtr(fn, commWorld, reqOff); !ok {
		s[0] = ret(rc)
		return
	}
	msg := host
	var req C.uintptr_t
	rcC := C.wr_imrecv(addr, C.int(int32(s[1])), t, &msg, &req)
	b.received(h, msgOff)
	b.outHandle = req
	s[0] = ret(b.newRequest(fn, commWorld, rcC, reqOff))
}

func (b *Bridge) requestGetStatus(s []uint64) {
	const fn = "MPI_Request_get_status"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	h := int32(s[0]) // passed by value
	var host C.uintptr_t
	switch {
	case uint32(h) == requestNull:
		host = b.hostNull.req
	default:
		p, ok := b.reqs.Get(uint32(h))
		if !ok {
			s[0] = ret(b.fail(commWorld, fn, errRequest, "invalid request %#x", uint32(h)))
			return
		}
		host = *p
	}
	flag, rc, ok := b.outPtr(fn, commWorld, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	st, rc, ok := b.status(fn, commWorld, uint32(s[2]), 1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if host == b.hostNull.req {
		*flag = 1
		b.emptyStatus(uint32(s[2]))
		s[0] = 0
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_request_get_status(host, flag, st)))
}
