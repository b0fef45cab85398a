package mpibridge

import "encoding/binary"

var datatypeFunctions = []function{
	// MPI_Type_size(datatype, size): the size in the guest (MPI_LONG is 4).
	{"MPI_Type_size", func(b *Bridge, s []uint64) { b.typeSize(s, "MPI_Type_size", false) }, "datatype size", false},
	{"MPI_Type_size_x", func(b *Bridge, s []uint64) { b.typeSize(s, "MPI_Type_size_x", true) }, "datatype size", false},
	// MPI_Type_get_extent(datatype, lb, extent): lb and extent are MPI_Aint (4 bytes in the guest).
	{"MPI_Type_get_extent", (*Bridge).typeGetExtent, "datatype lb extent", false},
	// MPI_Pack_size(incount, datatype, comm, size): what MPI_Pack would write.
	{"MPI_Pack_size", (*Bridge).packSize, "incount datatype comm size", false},
}

// typeArg checks a datatype argument.
func (b *Bridge) typeArg(fn string, h uint32) (*dtype, int32, bool) {
	if rc, ok := b.ready(fn); !ok {
		return nil, rc, false
	}
	t, ok := b.dtype(h)
	if !ok {
		return nil, b.fail(commWorld, fn, errType, "invalid datatype %#x", h), false
	}
	return t, 0, true
}

func (b *Bridge) typeSize(s []uint64, fn string, wide bool) {
	t, rc, ok := b.typeArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	off := uint32(s[1])
	if wide {
		if !b.inBounds(off, 8) {
			s[0] = ret(b.fail(commWorld, fn, errArg, "size pointer %#x is outside guest memory", off))
			return
		}
		binary.LittleEndian.PutUint64(b.full[off:], uint64(t.size))
		s[0] = 0
		return
	}
	if !b.writeI32(off, int32(t.size)) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "size pointer %#x is outside guest memory", off))
		return
	}
	s[0] = 0
}

func (b *Bridge) typeGetExtent(s []uint64) {
	const fn = "MPI_Type_get_extent"
	t, rc, ok := b.typeArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if !b.writeI32(uint32(s[1]), 0) || !b.writeI32(uint32(s[2]), int32(t.size)) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "lb or extent pointer is outside guest memory"))
		return
	}
	s[0] = 0
}

func (b *Bridge) packSize(s []uint64) {
	const fn = "MPI_Pack_size"
	count, ch := int32(s[0]), uint32(s[2])
	if _, rc, ok := b.commArg(fn, ch); !ok {
		s[0] = ret(rc)
		return
	}
	t, rc, ok := b.typeArg(fn, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if count < 0 {
		s[0] = ret(b.fail(ch, fn, errCount, "negative count %d", count))
		return
	}
	n := int64(count) * t.size
	if n > 1<<31-1 {
		s[0] = ret(b.fail(ch, fn, errCount, "%d x %s does not fit in an int", count, t.name))
		return
	}
	if !b.writeI32(uint32(s[3]), int32(n)) {
		s[0] = ret(b.fail(ch, fn, errArg, "size pointer is outside guest memory"))
		return
	}
	s[0] = 0
}
