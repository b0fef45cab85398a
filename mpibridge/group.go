package mpibridge

// #include "calls.h"
import "C"

var groupFunctions = []function{
	{"MPI_Group_size", func(b *Bridge, s []uint64) { b.groupInt(s, "MPI_Group_size", false) }, "group size", false},
	{"MPI_Group_rank", func(b *Bridge, s []uint64) { b.groupInt(s, "MPI_Group_rank", true) }, "group rank", false},
	{"MPI_Group_incl", func(b *Bridge, s []uint64) { b.groupRanks(s, "MPI_Group_incl", 1) }, "group n ranks newgroup", false},
	{"MPI_Group_excl", func(b *Bridge, s []uint64) { b.groupRanks(s, "MPI_Group_excl", 1) }, "group n ranks newgroup", false},
	// MPI_Group_range_incl(group, n, ranges, newgroup): ranges is int[n][3].
	{"MPI_Group_range_incl", func(b *Bridge, s []uint64) { b.groupRanks(s, "MPI_Group_range_incl", 3) }, "group n ranges newgroup", false},
	{"MPI_Group_range_excl", func(b *Bridge, s []uint64) { b.groupRanks(s, "MPI_Group_range_excl", 3) }, "group n ranges newgroup", false},
	{"MPI_Group_union", func(b *Bridge, s []uint64) { b.groupPair(s, "MPI_Group_union") }, "group1 group2 newgroup", false},
	{"MPI_Group_intersection", func(b *Bridge, s []uint64) { b.groupPair(s, "MPI_Group_intersection") }, "group1 group2 newgroup", false},
	{"MPI_Group_difference", func(b *Bridge, s []uint64) { b.groupPair(s, "MPI_Group_difference") }, "group1 group2 newgroup", false},
	{"MPI_Group_translate_ranks", (*Bridge).groupTranslateRanks, "group1 n ranks1 group2 ranks2", false},
	{"MPI_Group_compare", (*Bridge).groupCompare, "group1 group2 result", false},
	{"MPI_Group_free", (*Bridge).groupFree, "group", false},
}

// group returns the host group behind guest handle h.
func (b *Bridge) group(h uint32) (C.uintptr_t, bool) {
	if h == groupEmpty {
		return b.groupEmpty, b.initialized
	}
	g, ok := b.groups.Get(h)
	if !ok {
		return 0, false
	}
	return *g, true
}

// groupArg checks MPI state and a group argument.
func (b *Bridge) groupArg(fn string, h uint32) (C.uintptr_t, int32, bool) {
	if rc, ok := b.ready(fn); !ok {
		return 0, rc, false
	}
	g, ok := b.group(h)
	if !ok {
		return 0, b.fail(commWorld, fn, errGroup, "invalid group %#x", h), false
	}
	return g, 0, true
}

// newGroup records the host group C left in b.outHandle and writes the
// guest handle to off; the host's empty group is MPI_GROUP_EMPTY.
func (b *Bridge) newGroup(fn string, ch uint32, rc C.int, off uint32) int32 {
	if rc != 0 {
		return b.hostError(ch, fn, rc)
	}
	switch b.outHandle {
	case b.hostNull.group:
		b.writeI32(off, int32(groupNull))
		return 0
	case b.groupEmpty:
		b.writeI32(off, int32(groupEmpty))
		return 0
	}
	h := b.groups.Add(b.outHandle)
	if h == 0 {
		return b.fail(ch, fn, errIntern, "too many groups")
	}
	b.writeI32(off, int32(h))
	return 0
}

func (b *Bridge) groupInt(s []uint64, fn string, rank bool) {
	g, rc, ok := b.groupArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, commWorld, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rank {
		s[0] = ret(b.hostError(commWorld, fn, C.wr_group_rank(g, out)))
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_group_size(g, out)))
}

// groupRanks is MPI_Group_incl/excl (width 1) and range_incl (width 3).
func (b *Bridge) groupRanks(s []uint64, fn string, width int32) {
	g, rc, ok := b.groupArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	n, off, out := int32(s[1]), uint32(s[2]), uint32(s[3])
	if n < 0 {
		s[0] = ret(b.fail(commWorld, fn, errArg, "negative count %d", n))
		return
	}
	var p *C.int
	if n > 0 {
		q, ok := b.ptr(off, uint64(n)*uint64(width)*4)
		if !ok {
			s[0] = ret(b.fail(commWorld, fn, errArg, "%d ranks at %#x are outside guest memory", n, off))
			return
		}
		p = (*C.int)(q)
	}
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "newgroup pointer %#x is outside guest memory", out))
		return
	}
	var rcC C.int
	switch fn {
	case "MPI_Group_incl":
		rcC = C.wr_group_incl(g, C.int(n), p, &b.outHandle)
	case "MPI_Group_excl":
		rcC = C.wr_group_excl(g, C.int(n), p, &b.outHandle)
	case "MPI_Group_range_excl":
		rcC = C.wr_group_range_excl(g, C.int(n), (*[3]C.int)(unsafePointer(p)), &b.outHandle)
	default:
		rcC = C.wr_group_range_incl(g, C.int(n), (*[3]C.int)(unsafePointer(p)), &b.outHandle)
	}
	s[0] = ret(b.newGroup(fn, commWorld, rcC, out))
}

func (b *Bridge) groupPair(s []uint64, fn string) {
	g1, rc, ok := b.groupArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	g2, rc, ok := b.groupArg(fn, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out := uint32(s[2])
	if !b.InBounds(out, 4) {
		s[0] = ret(b.fail(commWorld, fn, errArg, "newgroup pointer %#x is outside guest memory", out))
		return
	}
	var rcC C.int
	switch fn {
	case "MPI_Group_union":
		rcC = C.wr_group_union(g1, g2, &b.outHandle)
	case "MPI_Group_intersection":
		rcC = C.wr_group_intersection(g1, g2, &b.outHandle)
	default:
		rcC = C.wr_group_difference(g1, g2, &b.outHandle)
	}
	s[0] = ret(b.newGroup(fn, commWorld, rcC, out))
}

func (b *Bridge) groupTranslateRanks(s []uint64) {
	const fn = "MPI_Group_translate_ranks"
	g1, rc, ok := b.groupArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	g2, rc, ok := b.groupArg(fn, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	n := int32(s[1])
	if n < 0 {
		s[0] = ret(b.fail(commWorld, fn, errArg, "negative count %d", n))
		return
	}
	if n == 0 {
		s[0] = 0
		return
	}
	in, ok1 := b.ptr(uint32(s[2]), uint64(n)*4)
	out, ok2 := b.ptr(uint32(s[4]), uint64(n)*4)
	if !ok1 || !ok2 {
		s[0] = ret(b.fail(commWorld, fn, errArg, "rank arrays of %d ints are outside guest memory", n))
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_group_translate_ranks(g1, C.int(n), (*C.int)(in), g2, (*C.int)(out))))
}

func (b *Bridge) groupCompare(s []uint64) {
	const fn = "MPI_Group_compare"
	g1, rc, ok := b.groupArg(fn, uint32(s[0]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	g2, rc, ok := b.groupArg(fn, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, commWorld, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_group_compare(g1, g2, out)))
}

func (b *Bridge) groupFree(s []uint64) {
	const fn = "MPI_Group_free"
	off := uint32(s[0])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	h, ok := b.readI32(off)
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errArg, "group pointer %#x is outside guest memory", off))
		return
	}
	if uint32(h) == groupEmpty {
		b.writeI32(off, int32(groupNull))
		s[0] = 0
		return
	}
	g, ok := b.groups.Get(uint32(h))
	if !ok {
		s[0] = ret(b.fail(commWorld, fn, errGroup, "invalid group %#x", uint32(h)))
		return
	}
	b.outHandle = *g
	rc := C.wr_group_free(&b.outHandle)
	b.groups.Remove(uint32(h))
	b.writeI32(off, int32(groupNull))
	s[0] = ret(b.hostError(commWorld, fn, rc))
}
