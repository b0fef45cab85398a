package mpibridge

// #include "calls.h"
// #include "calls_ext.h"
import "C"

import "bytes"

var commFunctions = []function{
	// MPI_Comm_idup(comm, newcomm, request): newcomm is usable once request completes.
	{"MPI_Comm_idup", func(b *Bridge, s []uint64) { b.commIdup(s, "MPI_Comm_idup", false) }, "comm newcomm request", false},
	// MPI_Comm_idup_with_info(comm, info, newcomm, request) (MPI-4): the
	// hints are set on the new communicator when the request completes.
	{"MPI_Comm_idup_with_info", func(b *Bridge, s []uint64) { b.commIdup(s, "MPI_Comm_idup_with_info", true) }, "comm info newcomm request", false},
	{"MPI_Intercomm_create", (*Bridge).intercommCreate, "local_comm local_leader peer_comm remote_leader tag newintercomm", false},
	{"MPI_Intercomm_merge", (*Bridge).intercommMerge, "intercomm high newintracomm", false},
	// MPI_Comm_create_group(comm, group, tag, newcomm): collective over group only.
	{"MPI_Comm_create_group", (*Bridge).commCreateGroup, "comm group tag newcomm", false},
	{"MPI_Comm_dup_with_info", (*Bridge).commDupWithInfo, "comm info newcomm", false},
	{"MPI_Comm_set_info", (*Bridge).commSetInfo, "comm info", false},
	{"MPI_Comm_get_info", (*Bridge).commGetInfo, "comm info_used", false},
	{"MPI_Comm_remote_size", (*Bridge).commRemoteSize, "comm size", false},
	{"MPI_Comm_test_inter", (*Bridge).commTestInter, "comm flag", false},
	{"MPI_Comm_size", func(b *Bridge, s []uint64) { b.commInt(s, "MPI_Comm_size", false) }, "comm size", false},
	{"MPI_Comm_rank", func(b *Bridge, s []uint64) { b.commInt(s, "MPI_Comm_rank", true) }, "comm rank", false},
	{"MPI_Comm_dup", (*Bridge).commDup, "comm newcomm", false},
	// MPI_Comm_split(comm, color, key, newcomm): color MPI_UNDEFINED gives MPI_COMM_NULL.
	{"MPI_Comm_split", (*Bridge).commSplit, "comm color key newcomm", false},
	// MPI_Comm_split_type(comm, split_type, key, info, newcomm): MPI_COMM_TYPE_SHARED; info is ignored.
	{"MPI_Comm_split_type", (*Bridge).commSplitType, "comm split_type key info newcomm", false},
	{"MPI_Comm_create", (*Bridge).commCreate, "comm group newcomm", false},
	{"MPI_Comm_free", (*Bridge).commFree, "comm", false},
	{"MPI_Comm_compare", (*Bridge).commCompare, "comm1 comm2 result", false},
	{"MPI_Comm_set_name", (*Bridge).commSetName, "comm comm_name", false},
	{"MPI_Comm_get_name", (*Bridge).commGetName, "comm comm_name resultlen", false},
	{"MPI_Comm_group", func(b *Bridge, s []uint64) { b.commGroup(s, "MPI_Comm_group", false) }, "comm group", false},
	// MPI_Comm_remote_group(comm, group): of an inter-communicator.
	{"MPI_Comm_remote_group", func(b *Bridge, s []uint64) { b.commGroup(s, "MPI_Comm_remote_group", true) }, "comm group", false},
}

// commInt is MPI_Comm_size and MPI_Comm_rank(comm, out): answered from the
// bridge's own record, without a host call.
func (b *Bridge) commInt(s []uint64, fn string, rank bool) {
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	v := c.size
	if rank {
		v = c.rank
	}
	if !b.writeI32(uint32(s[1]), v) {
		s[0] = ret(b.fail(ch, fn, errArg, "output pointer %#x is outside guest memory", uint32(s[1])))
		return
	}
	s[0] = 0
}

// newComm records the host communicator C left in b.outHandle, inheriting
// parent's error handler, and writes the guest handle to off.
func (b *Bridge) newComm(fn string, ch uint32, parent *comm, rc C.int, off uint32) int32 {
	if rc != 0 {
		return b.hostError(ch, fn, rc)
	}
	host := b.outHandle
	if host == b.hostNull.comm {
		b.writeI32(off, int32(commNull))
		return 0
	}
	n := comm{host: host, errh: parent.errh}
	if rc := b.describe(&n); rc != 0 {
		return b.hostError(ch, fn, rc)
	}
	h := b.comms.Add(n)
	if h == 0 {
		return b.fail(ch, fn, errIntern, "too many communicators")
	}
	b.writeI32(off, int32(h))
	return 0
}

// describe fills in what the bridge keeps about a new communicator.
func (b *Bridge) describe(c *comm) C.int {
	rc := C.wr_comm_info(c.host, &b.commInfo[0])
	i := b.commInfo
	c.size, c.rank, c.inter, c.remoteSize, c.inDeg, c.outDeg = int32(i[0]), int32(i[1]), i[2] != 0, int32(i[3]), int32(i[4]), int32(i[5])
	return rc
}

// newCommArgs checks the communicator and the guest's output pointer.
func (b *Bridge) newCommArgs(fn string, ch, out uint32) (*comm, int32, bool) {
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		return nil, rc, false
	}
	if !b.InBounds(out, 4) {
		return nil, b.fail(ch, fn, errArg, "newcomm pointer %#x is outside guest memory", out), false
	}
	return c, 0, true
}

func (b *Bridge) commDup(s []uint64) {
	const fn = "MPI_Comm_dup"
	ch, out := uint32(s[0]), uint32(s[1])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_comm_dup(c.host, &b.outHandle), out))
}

func (b *Bridge) commSplit(s []uint64) {
	const fn = "MPI_Comm_split"
	ch, out := uint32(s[0]), uint32(s[3])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	color := int32(s[1])
	if color < 0 && color != undefined {
		s[0] = ret(b.fail(ch, fn, errArg, "invalid color %d", color))
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_comm_split(c.host, C.int(color), C.int(int32(s[2])), &b.outHandle), out))
}

func (b *Bridge) commSplitType(s []uint64) {
	const fn = "MPI_Comm_split_type"
	ch, out := uint32(s[0]), uint32(s[4])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	kind := int32(s[1])
	if kind != commTypeShared && kind != undefined {
		s[0] = ret(b.fail(ch, fn, errArg, "unsupported split type %d (wasmrun supports MPI_COMM_TYPE_SHARED)", kind))
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_comm_split_type(c.host, C.int(kind), C.int(int32(s[2])), &b.outHandle), out))
}

func (b *Bridge) commCreate(s []uint64) {
	const fn = "MPI_Comm_create"
	ch, gh, out := uint32(s[0]), uint32(s[1]), uint32(s[2])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	g, ok := b.group(gh)
	if !ok {
		s[0] = ret(b.fail(ch, fn, errGroup, "invalid group %#x", gh))
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_comm_create(c.host, g, &b.outHandle), out))
}

func (b *Bridge) commFree(s []uint64) {
	const fn = "MPI_Comm_free"
	off := uint32(s[0])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	h, ok := b.readI32(off)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "comm pointer %#x is outside guest memory", off))
		return
	}
	c, ok := b.comms.Get(uint32(h))
	if !ok {
		s[0] = ret(b.fail(uint32(h), fn, errComm, "invalid communicator %#x (predefined communicators cannot be freed)", uint32(h)))
		return
	}
	if c.pending {
		// Open MPI 4.1 crashes in MPI_Finalize after this (found by FuzzBridge).
		s[0] = ret(b.fail(uint32(h), fn, errComm, "communicator %#x from MPI_Comm_idup is freed before its request completed", uint32(h)))
		return
	}
	b.outHandle = c.host
	rc := C.wr_comm_free(&b.outHandle)
	b.comms.Remove(uint32(h))
	b.writeI32(off, int32(commNull))
	s[0] = ret(b.hostError(commWorld, fn, rc))
}

func (b *Bridge) commCompare(s []uint64) {
	const fn = "MPI_Comm_compare"
	h1, h2 := uint32(s[0]), uint32(s[1])
	c1, rc, ok := b.commArg(fn, h1)
	if !ok {
		s[0] = ret(rc)
		return
	}
	c2, rc, ok := b.commArg(fn, h2)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, h1, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if h1 == h2 {
		*out = cmpIdent
		s[0] = 0
		return
	}
	s[0] = ret(b.hostError(h1, fn, C.wr_comm_compare(c1.host, c2.host, out)))
}

func (b *Bridge) commSetName(s []uint64) {
	const fn = "MPI_Comm_set_name"
	ch, off := uint32(s[0]), uint32(s[1])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	name, ok := b.cString(off, maxObjectName)
	if !ok {
		s[0] = ret(b.fail(ch, fn, errArg, "name at %#x is not a NUL-terminated string within guest memory", off))
		return
	}
	n := copy(b.name[:maxObjectName], name)
	b.name[n] = 0
	s[0] = ret(b.hostError(ch, fn, C.wr_comm_set_name(c.host, (*C.char)(unsafePointer(&b.name[0])))))
}

func (b *Bridge) commGetName(s []uint64) {
	const fn = "MPI_Comm_get_name"
	ch, off, lenOff := uint32(s[0]), uint32(s[1]), uint32(s[2])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	p, ok := b.ptr(off, maxObjectName)
	lp, rc, ok2 := b.outPtr(fn, ch, lenOff)
	if !ok2 {
		s[0] = ret(rc)
		return
	}
	if !ok {
		s[0] = ret(b.fail(ch, fn, errArg, "name buffer of %d bytes at %#x is outside guest memory", maxObjectName, off))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_comm_get_name(c.host, (*C.char)(p), maxObjectName, lp)))
}

func (b *Bridge) commGroup(s []uint64, fn string, remote bool) {
	ch, out := uint32(s[0]), uint32(s[1])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(ch, fn, errArg, "group pointer %#x is outside guest memory", out))
		return
	}
	if remote {
		s[0] = ret(b.newGroup(fn, ch, C.wr_comm_remote_group(c.host, &b.outHandle), out))
		return
	}
	s[0] = ret(b.newGroup(fn, ch, C.wr_comm_group(c.host, &b.outHandle), out))
}

// cString returns the NUL-terminated guest string at off, of at most max
// bytes before the NUL.
func (b *Bridge) cString(off uint32, max int) ([]byte, bool) {
	if !b.InBounds(off, 1) {
		return nil, false
	}
	end := uint64(off) + uint64(max) + 1
	if size := uint64(b.Mem.Size()); end > size {
		end = size
	}
	b.InBounds(0, end)
	window := b.Full[off:end]
	i := bytes.IndexByte(window, 0)
	if i < 0 {
		return nil, false
	}
	return window[:i], true
}

func (b *Bridge) commIdup(s []uint64, fn string, withInfo bool) {
	ch, out, reqOff := uint32(s[0]), uint32(s[1]), uint32(s[2])
	var info C.uintptr_t
	if withInfo {
		out, reqOff = uint32(s[2]), uint32(s[3])
	}
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if withInfo {
		host, ok := b.info(uint32(s[1]))
		if !ok {
			s[0] = ret(b.fail(ch, fn, errInfo, "invalid info %#x", uint32(s[1])))
			return
		}
		if rc := C.wr_info_dup(host, &info); rc != 0 {
			s[0] = ret(b.hostError(ch, fn, rc))
			return
		}
	}
	if rc, ok := b.requestPtr(fn, ch, reqOff); !ok {
		s[0] = ret(rc)
		return
	}
	var req C.uintptr_t
	if rc := C.wr_comm_idup(c.host, &b.outHandle, &req); rc != 0 {
		if info != 0 {
			C.wr_info_free(&info)
		}
		s[0] = ret(b.hostError(ch, fn, rc))
		return
	}
	h := b.comms.Add(comm{idupCell: b.outHandle, idupInfo: info, errh: c.errh, pending: true})
	b.outHandle = req
	if h == 0 {
		s[0] = ret(b.fail(ch, fn, errIntern, "too many communicators"))
		return
	}
	if rc := b.newRequest(fn, ch, 0, reqOff); rc != 0 {
		s[0] = ret(rc)
		return
	}
	r, _ := b.readI32(reqOff)
	if b.pendingComms == nil {
		b.pendingComms = map[uint32]uint32{}
	}
	b.pendingComms[uint32(r)] = h
	b.writeI32(out, int32(h))
	s[0] = 0
}

// completeComm finishes a communicator made by MPI_Comm_idup once its
// request req has completed.
func (b *Bridge) completeComm(req uint32) {
	h, ok := b.pendingComms[req]
	if !ok {
		return
	}
	delete(b.pendingComms, req)
	if c, ok := b.comms.Get(h); ok {
		c.host = C.wr_comm_idup_take(c.idupCell)
		c.idupCell = 0
		if c.idupInfo != 0 {
			// Hints only: a host that does not take them is no error.
			C.wr_comm_set_info(c.host, c.idupInfo)
			C.wr_info_free(&c.idupInfo)
		}
		b.describe(c)
		c.pending = false
	}
}

func (b *Bridge) intercommCreate(s []uint64) {
	const fn = "MPI_Intercomm_create"
	lh, ph, out := uint32(s[0]), uint32(s[2]), uint32(s[5])
	local, rc, ok := b.newCommArgs(fn, lh, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	// The peer communicator matters only at the local leader.
	peer := C.uintptr_t(b.hostNull.comm)
	if p, ok := b.comm(ph); ok {
		peer = p.host
	} else if local.rank == int32(s[1]) {
		s[0] = ret(b.fail(lh, fn, errComm, "invalid peer communicator %#x", ph))
		return
	}
	rcC := C.wr_intercomm_create(local.host, C.int(int32(s[1])), peer, C.int(int32(s[3])), C.int(int32(s[4])), &b.outHandle)
	s[0] = ret(b.newComm(fn, lh, local, rcC, out))
}

func (b *Bridge) intercommMerge(s []uint64) {
	const fn = "MPI_Intercomm_merge"
	ch, out := uint32(s[0]), uint32(s[2])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !c.inter {
		s[0] = ret(b.fail(ch, fn, errComm, "%#x is not an inter-communicator", ch))
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_intercomm_merge(c.host, C.int(int32(s[1])), &b.outHandle), out))
}

func (b *Bridge) commRemoteSize(s []uint64) {
	const fn = "MPI_Comm_remote_size"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !c.inter {
		s[0] = ret(b.fail(ch, fn, errComm, "%#x is not an inter-communicator", ch))
		return
	}
	if !b.writeI32(uint32(s[1]), c.remoteSize) {
		s[0] = ret(b.fail(ch, fn, errArg, "size pointer is outside guest memory"))
		return
	}
	s[0] = 0
}

func (b *Bridge) commTestInter(s []uint64) {
	const fn = "MPI_Comm_test_inter"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = b.flagOut(fn, uint32(s[1]), c.inter)
}

func (b *Bridge) commCreateGroup(s []uint64) {
	const fn = "MPI_Comm_create_group"
	ch, gh, out := uint32(s[0]), uint32(s[1]), uint32(s[3])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	g, ok := b.group(gh)
	if !ok {
		s[0] = ret(b.fail(ch, fn, errGroup, "invalid group %#x", gh))
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_comm_create_group(c.host, g, C.int(int32(s[2])), &b.outHandle), out))
}

func (b *Bridge) commDupWithInfo(s []uint64) {
	const fn = "MPI_Comm_dup_with_info"
	ch, ih, out := uint32(s[0]), uint32(s[1]), uint32(s[2])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	info, ok := b.info(ih)
	if !ok {
		s[0] = ret(b.fail(ch, fn, errInfo, "invalid info %#x", ih))
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_comm_dup_with_info(c.host, info, &b.outHandle), out))
}

func (b *Bridge) commSetInfo(s []uint64) {
	const fn = "MPI_Comm_set_info"
	ch, ih := uint32(s[0]), uint32(s[1])
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
	s[0] = ret(b.hostError(ch, fn, C.wr_comm_set_info(c.host, info)))
}

func (b *Bridge) commGetInfo(s []uint64) {
	const fn = "MPI_Comm_get_info"
	ch, out := uint32(s[0]), uint32(s[1])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(ch, fn, errArg, "info pointer %#x is outside guest memory", out))
		return
	}
	rcC := C.wr_comm_get_info(c.host, &b.outHandle)
	if rcC != 0 {
		s[0] = ret(b.hostError(ch, fn, rcC))
		return
	}
	s[0] = ret(b.newInfo(fn, 0, out))
}
