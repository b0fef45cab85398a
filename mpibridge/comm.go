package mpibridge

// #include "calls.h"
import "C"

import "bytes"

var commFunctions = []function{
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
	{"MPI_Comm_group", (*Bridge).commGroup, "comm group", false},
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
	C.wr_comm_size(host, &b.outInt[0])
	C.wr_comm_rank(host, &b.outInt[1])
	n.size, n.rank = int32(b.outInt[0]), int32(b.outInt[1])
	C.wr_topo_degrees(host, &b.outInt[0], &b.outInt[1])
	n.inDeg, n.outDeg = int32(b.outInt[0]), int32(b.outInt[1])
	h := b.comms.Add(n)
	if h == 0 {
		return b.fail(ch, fn, errIntern, "too many communicators")
	}
	b.writeI32(off, int32(h))
	return 0
}

// newCommArgs checks the communicator and the guest's output pointer.
func (b *Bridge) newCommArgs(fn string, ch, out uint32) (*comm, int32, bool) {
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		return nil, rc, false
	}
	if !b.inBounds(out, 4) {
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

func (b *Bridge) commGroup(s []uint64) {
	const fn = "MPI_Comm_group"
	ch, out := uint32(s[0]), uint32(s[1])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.inBounds(out, 4) {
		s[0] = ret(b.fail(ch, fn, errArg, "group pointer %#x is outside guest memory", out))
		return
	}
	s[0] = ret(b.newGroup(fn, ch, C.wr_comm_group(c.host, &b.outHandle), out))
}

// cString returns the NUL-terminated guest string at off, of at most max
// bytes before the NUL.
func (b *Bridge) cString(off uint32, max int) ([]byte, bool) {
	if !b.inBounds(off, 1) {
		return nil, false
	}
	end := uint64(off) + uint64(max) + 1
	if size := uint64(b.mem.Size()); end > size {
		end = size
	}
	b.inBounds(0, end)
	window := b.full[off:end]
	i := bytes.IndexByte(window, 0)
	if i < 0 {
		return nil, false
	}
	return window[:i], true
}
