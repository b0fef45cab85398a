package mpibridge

// #include "calls.h"
import "C"

var collFunctions = []function{
	{"MPI_Barrier", func(b *Bridge, s []uint64) { b.barrier(s, "MPI_Barrier", false) }, "comm", false},
	{"MPI_Ibarrier", func(b *Bridge, s []uint64) { b.barrier(s, "MPI_Ibarrier", true) }, "comm request", false},
	{"MPI_Bcast", func(b *Bridge, s []uint64) { b.bcast(s, "MPI_Bcast", false) }, "buffer count datatype root comm", false},
	{"MPI_Ibcast", func(b *Bridge, s []uint64) { b.bcast(s, "MPI_Ibcast", true) }, "buffer count datatype root comm request", false},
	{"MPI_Gather", func(b *Bridge, s []uint64) { b.gatherScatter(s, "MPI_Gather", true, false) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype root comm", false},
	{"MPI_Igather", func(b *Bridge, s []uint64) { b.gatherScatter(s, "MPI_Igather", true, true) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype root comm request", false},
	{"MPI_Scatter", func(b *Bridge, s []uint64) { b.gatherScatter(s, "MPI_Scatter", false, false) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype root comm", false},
	{"MPI_Iscatter", func(b *Bridge, s []uint64) { b.gatherScatter(s, "MPI_Iscatter", false, true) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype root comm request", false},
	{"MPI_Gatherv", func(b *Bridge, s []uint64) { b.gatherv(s, "MPI_Gatherv", false) }, "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype root comm", false},
	{"MPI_Igatherv", func(b *Bridge, s []uint64) { b.gatherv(s, "MPI_Igatherv", true) }, "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype root comm request", false},
	{"MPI_Scatterv", func(b *Bridge, s []uint64) { b.scatterv(s, "MPI_Scatterv", false) }, "sendbuf sendcounts displs sendtype recvbuf recvcount recvtype root comm", false},
	{"MPI_Iscatterv", func(b *Bridge, s []uint64) { b.scatterv(s, "MPI_Iscatterv", true) }, "sendbuf sendcounts displs sendtype recvbuf recvcount recvtype root comm request", false},
	{"MPI_Allgather", func(b *Bridge, s []uint64) { b.allgather(s, "MPI_Allgather", false) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm", false},
	{"MPI_Iallgather", func(b *Bridge, s []uint64) { b.allgather(s, "MPI_Iallgather", true) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm request", false},
	{"MPI_Allgatherv", func(b *Bridge, s []uint64) { b.allgatherv(s, "MPI_Allgatherv", false) }, "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype comm", false},
	{"MPI_Iallgatherv", func(b *Bridge, s []uint64) { b.allgatherv(s, "MPI_Iallgatherv", true) }, "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype comm request", false},
	{"MPI_Alltoall", func(b *Bridge, s []uint64) { b.alltoall(s, "MPI_Alltoall", false) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm", false},
	{"MPI_Ialltoall", func(b *Bridge, s []uint64) { b.alltoall(s, "MPI_Ialltoall", true) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm request", false},
	{"MPI_Alltoallv", func(b *Bridge, s []uint64) { b.alltoallv(s, "MPI_Alltoallv", false) }, "sendbuf sendcounts sdispls sendtype recvbuf recvcounts rdispls recvtype comm", false},
	{"MPI_Ialltoallv", func(b *Bridge, s []uint64) { b.alltoallv(s, "MPI_Ialltoallv", true) }, "sendbuf sendcounts sdispls sendtype recvbuf recvcounts rdispls recvtype comm request", false},
	// MPI_Alltoallw(sendbuf, sendcounts, sdispls (bytes), sendtypes, recvbuf, recvcounts, rdispls, recvtypes, comm).
	{"MPI_Alltoallw", func(b *Bridge, s []uint64) { b.alltoallw(s, "MPI_Alltoallw", false) }, "sendbuf sendcounts sdispls sendtypes recvbuf recvcounts rdispls recvtypes comm", false},
	{"MPI_Ialltoallw", func(b *Bridge, s []uint64) { b.alltoallw(s, "MPI_Ialltoallw", true) }, "sendbuf sendcounts sdispls sendtypes recvbuf recvcounts rdispls recvtypes comm request", false},
	{"MPI_Reduce", func(b *Bridge, s []uint64) { b.reduce(s, "MPI_Reduce", false) }, "sendbuf recvbuf count datatype op root comm", false},
	{"MPI_Ireduce", func(b *Bridge, s []uint64) { b.reduce(s, "MPI_Ireduce", true) }, "sendbuf recvbuf count datatype op root comm request", false},
	{"MPI_Allreduce", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Allreduce", allreduce, false) }, "sendbuf recvbuf count datatype op comm", false},
	{"MPI_Iallreduce", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Iallreduce", allreduce, true) }, "sendbuf recvbuf count datatype op comm request", false},
	{"MPI_Scan", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Scan", scan, false) }, "sendbuf recvbuf count datatype op comm", false},
	{"MPI_Iscan", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Iscan", scan, true) }, "sendbuf recvbuf count datatype op comm request", false},
	{"MPI_Exscan", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Exscan", exscan, false) }, "sendbuf recvbuf count datatype op comm", false},
	{"MPI_Iexscan", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Iexscan", exscan, true) }, "sendbuf recvbuf count datatype op comm request", false},
	{"MPI_Reduce_scatter", func(b *Bridge, s []uint64) { b.reduceScatter(s, "MPI_Reduce_scatter", false) }, "sendbuf recvbuf recvcounts datatype op comm", false},
	{"MPI_Ireduce_scatter", func(b *Bridge, s []uint64) { b.reduceScatter(s, "MPI_Ireduce_scatter", true) }, "sendbuf recvbuf recvcounts datatype op comm request", false},
	{"MPI_Reduce_scatter_block", func(b *Bridge, s []uint64) { b.reduceScatterBlock(s, "MPI_Reduce_scatter_block", false) }, "sendbuf recvbuf recvcount datatype op comm", false},
	{"MPI_Ireduce_scatter_block", func(b *Bridge, s []uint64) { b.reduceScatterBlock(s, "MPI_Ireduce_scatter_block", true) }, "sendbuf recvbuf recvcount datatype op comm request", false},
	{"MPI_Reduce_local", (*Bridge).reduceLocal, "inbuf inoutbuf count datatype op", false},
}

// region checks elems elements of datatype th at guest offset off and
// returns the host address, the host datatype and the guest size of one
// element. Unlike buf, elems may exceed an int (count × comm size).
func (b *Bridge) region(fn string, ch, off uint32, elems int64, th uint32) (C.uintptr_t, C.uintptr_t, int32, bool) {
	t, ok := b.dtype(th)
	if !ok {
		return 0, 0, b.fail(ch, fn, errType, "invalid datatype %#x", th), false
	}
	if elems < 0 {
		return 0, 0, b.fail(ch, fn, errCount, "negative count %d", elems), false
	}
	a, ok := b.spanAddr(off, elems, t)
	if !ok {
		return 0, 0, b.fail(ch, fn, errBuffer, "buffer of %d x %s at %#x is outside guest memory", elems, t.name, off), false
	}
	return C.uintptr_t(a), t.host, 0, true
}

// counted checks count × per elements, the common "count per rank" case.
func (b *Bridge) counted(fn string, ch, off uint32, count int32, per int32, th uint32) (C.uintptr_t, C.uintptr_t, int32, bool) {
	if count < 0 {
		return 0, 0, b.fail(ch, fn, errCount, "negative count %d", count), false
	}
	return b.region(fn, ch, off, int64(count)*int64(per), th)
}

// vregion checks a buffer described by n counts and displacements (guest
// int arrays at countsOff and displsOff): every block it names must lie in
// guest memory.
func (b *Bridge) vregion(fn string, ch, off, countsOff, displsOff uint32, n int32, th uint32) (addr, host C.uintptr_t, counts, displs *C.int, rc int32, ok bool) {
	t, ok := b.dtype(th)
	if !ok {
		return 0, 0, nil, nil, b.fail(ch, fn, errType, "invalid datatype %#x", th), false
	}
	cs, ds := b.i32s(countsOff, n), b.i32s(displsOff, n)
	if cs == nil || ds == nil {
		return 0, 0, nil, nil, b.fail(ch, fn, errArg, "counts or displacements array of %d ints is outside guest memory", n), false
	}
	for i := range cs {
		if cs[i] < 0 {
			return 0, 0, nil, nil, b.fail(ch, fn, errCount, "negative count %d for rank %d", cs[i], i), false
		}
		if cs[i] == 0 {
			continue
		}
		lo, hi := t.span(int64(cs[i]))
		start, end := int64(off)+int64(ds[i])*t.extent+lo, int64(off)+int64(ds[i])*t.extent+hi
		if start < 0 || end > 1<<32 || !b.InBounds(uint32(start), uint64(end-start)) {
			return 0, 0, nil, nil, b.fail(ch, fn, errBuffer, "block %d (%d x %s at displacement %d) is outside guest memory", i, cs[i], t.name, ds[i]), false
		}
	}
	var cp, dp *C.int
	if n > 0 {
		p, _ := b.ptr(countsOff, uint64(n)*4)
		q, _ := b.ptr(displsOff, uint64(n)*4)
		cp, dp = (*C.int)(p), (*C.int)(q)
	}
	return C.uintptr_t(b.Base + uintptr(off)), t.host, cp, dp, 0, true
}

// rootArg checks the root of a rooted collective on c. On an
// inter-communicator the root is MPI_ROOT in the root's group, MPI_PROC_NULL
// in the rest of that group and a remote rank in the other group.
func (b *Bridge) rootArg(fn string, ch uint32, c *comm, root int32) (int32, bool) {
	if c.inter {
		if root == rootSentinel || root == procNull || root >= 0 && root < c.remoteSize {
			return 0, true
		}
		return b.fail(ch, fn, errRoot, "invalid root %d (remote group size %d)", root, c.remoteSize), false
	}
	if root < 0 || root >= c.size {
		return b.fail(ch, fn, errRoot, "invalid root %d (communicator size %d)", root, c.size), false
	}
	return 0, true
}

// rootSentinel is MPI_ROOT (abi.go's root, renamed here where root is a
// common variable name).
const rootSentinel = root

// roles says what this process does in a rooted collective: whether it
// is the root, and whether it contributes or receives a block of its own
// (every process of an intra-communicator does; on an inter-communicator
// only the group without the root).
func roles(c *comm, root int32) (isRoot, member bool) {
	if c.inter {
		return root == rootSentinel, root >= 0
	}
	return c.rank == root, true
}

func (b *Bridge) barrier(s []uint64, fn string, nb bool) {
	ch := uint32(s[0])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 1, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_ibarrier(c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_barrier(c.host)))
}

func (b *Bridge) bcast(s []uint64, fn string, nb bool) {
	ch, root := uint32(s[4]), int32(s[3])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 5, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.rootArg(fn, ch, c, root); !ok {
		s[0] = ret(rc)
		return
	}
	// The buffer of a process that takes no part is never touched, but
	// MPICH refuses a NULL one: hand it the (valid) base of guest memory.
	a, t := C.uintptr_t(b.Base), b.hostType(uint32(s[2]))
	if !c.inter || root != procNull {
		if a, t, rc, ok = b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_ibcast(a, C.int(int32(s[1])), t, C.int(root), c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_bcast(a, C.int(int32(s[1])), t, C.int(root), c.host)))
}

// gatherScatter is MPI_Gather and MPI_Scatter(sendbuf, sendcount, sendtype,
// recvbuf, recvcount, recvtype, root, comm): the root's gathered (scattered)
// buffer holds count × comm size elements; MPI_IN_PLACE is allowed for the
// root's own block.
func (b *Bridge) gatherScatter(s []uint64, fn string, gather, nb bool) {
	ch, root := uint32(s[7]), int32(s[6])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 8, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.rootArg(fn, ch, c, root); !ok {
		s[0] = ret(rc)
		return
	}
	sOff, sCount, sType := uint32(s[0]), int32(s[1]), uint32(s[2])
	rOff, rCount, rType := uint32(s[3]), int32(s[4]), uint32(s[5])
	atRoot, member := roles(c, root)
	var sa, ra C.uintptr_t
	st, rt := b.hostType(sType), b.hostType(rType)
	sPer, rPer := int32(1), int32(1)
	if gather {
		rPer = c.peers()
	} else {
		sPer = c.peers()
	}
	// The side that lives only at the root, and the in-place side.
	if !c.inter && ((gather && sOff == inPlace && atRoot) || (!gather && rOff == inPlace && atRoot)) {
		if gather {
			sa = C.WR_IN_PLACE
		} else {
			ra = C.WR_IN_PLACE
		}
	}
	if sa == 0 && (gather && member || !gather && atRoot) {
		if sa, st, rc, ok = b.counted(fn, ch, sOff, sCount, sPer, sType); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if ra == 0 && (!gather && member || gather && atRoot) {
		if ra, rt, rc, ok = b.counted(fn, ch, rOff, rCount, rPer, rType); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if gather {
		if nb {
			s[0] = ret(b.newRequest(fn, ch, C.wr_igather(sa, C.int(sCount), st, ra, C.int(rCount), rt, C.int(root), c.host, &b.outHandle), reqOff))
			return
		}
		s[0] = ret(b.hostError(ch, fn, C.wr_gather(sa, C.int(sCount), st, ra, C.int(rCount), rt, C.int(root), c.host)))
	} else {
		if nb {
			s[0] = ret(b.newRequest(fn, ch, C.wr_iscatter(sa, C.int(sCount), st, ra, C.int(rCount), rt, C.int(root), c.host, &b.outHandle), reqOff))
			return
		}
		s[0] = ret(b.hostError(ch, fn, C.wr_scatter(sa, C.int(sCount), st, ra, C.int(rCount), rt, C.int(root), c.host)))
	}
}

func (b *Bridge) gatherv(s []uint64, fn string, nb bool) {
	ch, root := uint32(s[8]), int32(s[7])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 9, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.rootArg(fn, ch, c, root); !ok {
		s[0] = ret(rc)
		return
	}
	atRoot, member := roles(c, root)
	sa, st := C.uintptr_t(C.WR_IN_PLACE), b.hostType(uint32(s[2]))
	rt := b.hostType(uint32(s[6]))
	if !member {
		sa = 0
	} else if !(atRoot && uint32(s[0]) == inPlace) {
		if sa, st, rc, ok = b.counted(fn, ch, uint32(s[0]), int32(s[1]), 1, uint32(s[2])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	var ra C.uintptr_t
	var counts, displs *C.int
	if atRoot {
		if ra, rt, counts, displs, rc, ok = b.vregion(fn, ch, uint32(s[3]), uint32(s[4]), uint32(s[5]), c.peers(), uint32(s[6])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_igatherv(sa, C.int(int32(s[1])), st, ra, counts, displs, rt, C.int(root), c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_gatherv(sa, C.int(int32(s[1])), st, ra, counts, displs, rt, C.int(root), c.host)))
}

func (b *Bridge) scatterv(s []uint64, fn string, nb bool) {
	ch, root := uint32(s[8]), int32(s[7])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 9, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.rootArg(fn, ch, c, root); !ok {
		s[0] = ret(rc)
		return
	}
	atRoot, member := roles(c, root)
	sa, st := C.uintptr_t(0), b.hostType(uint32(s[3]))
	var counts, displs *C.int
	if atRoot {
		if sa, st, counts, displs, rc, ok = b.vregion(fn, ch, uint32(s[0]), uint32(s[1]), uint32(s[2]), c.peers(), uint32(s[3])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	ra, rt := C.uintptr_t(C.WR_IN_PLACE), b.hostType(uint32(s[6]))
	if !member {
		ra = 0
	} else if !(atRoot && uint32(s[4]) == inPlace) {
		if ra, rt, rc, ok = b.counted(fn, ch, uint32(s[4]), int32(s[5]), 1, uint32(s[6])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_iscatterv(sa, counts, displs, st, ra, C.int(int32(s[5])), rt, C.int(root), c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_scatterv(sa, counts, displs, st, ra, C.int(int32(s[5])), rt, C.int(root), c.host)))
}

// sendSide checks a send buffer that may be MPI_IN_PLACE.
func (b *Bridge) sendSide(fn string, ch, off uint32, count, per int32, th uint32) (C.uintptr_t, C.uintptr_t, int32, bool) {
	if off == inPlace {
		return C.WR_IN_PLACE, 0, 0, true
	}
	return b.counted(fn, ch, off, count, per, th)
}

func (b *Bridge) allgather(s []uint64, fn string, nb bool) {
	ch := uint32(s[6])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 7, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.sendSide(fn, ch, uint32(s[0]), int32(s[1]), 1, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.counted(fn, ch, uint32(s[3]), int32(s[4]), c.peers(), uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_iallgather(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_allgather(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host)))
}

func (b *Bridge) allgatherv(s []uint64, fn string, nb bool) {
	ch := uint32(s[7])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 8, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.sendSide(fn, ch, uint32(s[0]), int32(s[1]), 1, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, counts, displs, rc, ok := b.vregion(fn, ch, uint32(s[3]), uint32(s[4]), uint32(s[5]), c.peers(), uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_iallgatherv(sa, C.int(int32(s[1])), st, ra, counts, displs, rt, c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_allgatherv(sa, C.int(int32(s[1])), st, ra, counts, displs, rt, c.host)))
}

func (b *Bridge) alltoall(s []uint64, fn string, nb bool) {
	ch := uint32(s[6])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 7, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.sendSide(fn, ch, uint32(s[0]), int32(s[1]), c.peers(), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.counted(fn, ch, uint32(s[3]), int32(s[4]), c.peers(), uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_ialltoall(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_alltoall(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host)))
}

func (b *Bridge) alltoallv(s []uint64, fn string, nb bool) {
	ch := uint32(s[8])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 9, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st := C.uintptr_t(C.WR_IN_PLACE), C.uintptr_t(0)
	var sc, sd *C.int
	if uint32(s[0]) != inPlace {
		if sa, st, sc, sd, rc, ok = b.vregion(fn, ch, uint32(s[0]), uint32(s[1]), uint32(s[2]), c.peers(), uint32(s[3])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	ra, rt, rcnt, rd, rc, ok := b.vregion(fn, ch, uint32(s[4]), uint32(s[5]), uint32(s[6]), c.peers(), uint32(s[7]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_ialltoallv(sa, sc, sd, st, ra, rcnt, rd, rt, c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_alltoallv(sa, sc, sd, st, ra, rcnt, rd, rt, c.host)))
}

func (b *Bridge) reduce(s []uint64, fn string, nb bool) {
	ch, root, count, th := uint32(s[6]), int32(s[5]), int32(s[2]), uint32(s[3])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 7, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.rootArg(fn, ch, c, root); !ok {
		s[0] = ret(rc)
		return
	}
	op, rc, ok := b.opArg(fn, ch, uint32(s[4]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	atRoot, member := roles(c, root)
	sOff := uint32(s[0])
	if (!atRoot || c.inter) && sOff == inPlace {
		s[0] = ret(b.fail(ch, fn, errBuffer, "MPI_IN_PLACE is only valid at the root of an intra-communicator"))
		return
	}
	sa, t := C.uintptr_t(0), b.hostType(th)
	if member {
		if sa, t, rc, ok = b.sendSide(fn, ch, sOff, count, 1, th); !ok {
			s[0] = ret(rc)
			return
		}
	}
	var ra C.uintptr_t
	if atRoot {
		if ra, t, rc, ok = b.counted(fn, ch, uint32(s[1]), count, 1, th); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_ireduce(sa, ra, C.int(count), t, op, C.int(root), c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_reduce(sa, ra, C.int(count), t, op, C.int(root), c.host)))
}

// The reductions that reduceAll serves.
const (
	allreduce = iota
	scan
	exscan
)

// reduceAll is MPI_Allreduce, MPI_Scan and MPI_Exscan(sendbuf, recvbuf,
// count, datatype, op, comm), which share their checks.
func (b *Bridge) reduceAll(s []uint64, fn string, kind int, nb bool) {
	ch, count, th := uint32(s[5]), int32(s[2]), uint32(s[3])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 6, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	op, rc, ok := b.opArg(fn, ch, uint32(s[4]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, _, rc, ok := b.sendSide(fn, ch, uint32(s[0]), count, 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, t, rc, ok := b.counted(fn, ch, uint32(s[1]), count, 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var rcC C.int
	switch {
	case kind == allreduce && nb:
		rcC = C.wr_iallreduce(sa, ra, C.int(count), t, op, c.host, &b.outHandle)
	case kind == allreduce:
		rcC = C.wr_allreduce(sa, ra, C.int(count), t, op, c.host)
	case kind == scan && nb:
		rcC = C.wr_iscan(sa, ra, C.int(count), t, op, c.host, &b.outHandle)
	case kind == scan:
		rcC = C.wr_scan(sa, ra, C.int(count), t, op, c.host)
	case nb:
		rcC = C.wr_iexscan(sa, ra, C.int(count), t, op, c.host, &b.outHandle)
	default:
		rcC = C.wr_exscan(sa, ra, C.int(count), t, op, c.host)
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, rcC, reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, rcC))
}

func (b *Bridge) reduceScatter(s []uint64, fn string, nb bool) {
	ch, th := uint32(s[5]), uint32(s[3])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 6, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if c.inter {
		s[0] = ret(b.fail(ch, fn, errComm, "inter-communicators are not supported by %s in wasmrun yet", fn))
		return
	}
	op, rc, ok := b.opArg(fn, ch, uint32(s[4]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	counts := b.i32s(uint32(s[2]), c.size)
	if counts == nil {
		s[0] = ret(b.fail(ch, fn, errArg, "recvcounts array of %d ints is outside guest memory", c.size))
		return
	}
	total := int64(0)
	for i, n := range counts {
		if n < 0 {
			s[0] = ret(b.fail(ch, fn, errCount, "negative count %d for rank %d", n, i))
			return
		}
		total += int64(n)
	}
	var sa C.uintptr_t = C.WR_IN_PLACE
	rElems := int64(counts[c.rank])
	if uint32(s[0]) == inPlace {
		rElems = total
	} else if sa, _, rc, ok = b.region(fn, ch, uint32(s[0]), total, th); !ok {
		s[0] = ret(rc)
		return
	}
	ra, t, rc, ok := b.region(fn, ch, uint32(s[1]), rElems, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	p, _ := b.ptr(uint32(s[2]), uint64(c.size)*4)
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_ireduce_scatter(sa, ra, (*C.int)(p), t, op, c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_reduce_scatter(sa, ra, (*C.int)(p), t, op, c.host)))
}

func (b *Bridge) reduceScatterBlock(s []uint64, fn string, nb bool) {
	ch, count, th := uint32(s[5]), int32(s[2]), uint32(s[3])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 6, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if c.inter {
		s[0] = ret(b.fail(ch, fn, errComm, "inter-communicators are not supported by %s in wasmrun yet", fn))
		return
	}
	op, rc, ok := b.opArg(fn, ch, uint32(s[4]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, _, rc, ok := b.sendSide(fn, ch, uint32(s[0]), count, c.size, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	per := int32(1)
	if sa == C.WR_IN_PLACE {
		per = c.size
	}
	ra, t, rc, ok := b.counted(fn, ch, uint32(s[1]), count, per, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if nb {
		s[0] = ret(b.newRequest(fn, ch, C.wr_ireduce_scatter_block(sa, ra, C.int(count), t, op, c.host, &b.outHandle), reqOff))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_reduce_scatter_block(sa, ra, C.int(count), t, op, c.host)))
}

func (b *Bridge) reduceLocal(s []uint64) {
	const fn = "MPI_Reduce_local"
	count, th := int32(s[2]), uint32(s[3])
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	op, rc, ok := b.opArg(fn, commWorld, uint32(s[4]), th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	in, _, rc, ok := b.buf(fn, commWorld, uint32(s[0]), count, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	inout, t, rc, ok := b.buf(fn, commWorld, uint32(s[1]), count, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_reduce_local(in, inout, C.int(count), t, op)))
}

// wblocks checks an MPI_Alltoallw side: n blocks, each count[i] elements
// of its own datatype at byte displacement displs[i], and returns the host
// datatypes in hosts.
func (b *Bridge) wblocks(fn string, ch, off, countsOff, displsOff, typesOff uint32, n int32, hosts []C.uintptr_t) (counts, displs *C.int, rc int32, ok bool) {
	cs, ds, ts := b.i32s(countsOff, n), b.i32s(displsOff, n), b.i32s(typesOff, n)
	if cs == nil || ds == nil || ts == nil {
		return nil, nil, b.fail(ch, fn, errArg, "counts, displacements or datatypes array of %d is outside guest memory", n), false
	}
	for i := range cs {
		t, ok := b.dtype(uint32(ts[i]))
		if !ok {
			return nil, nil, b.fail(ch, fn, errType, "invalid datatype %#x for rank %d", uint32(ts[i]), i), false
		}
		hosts[i] = t.host
		if cs[i] < 0 {
			return nil, nil, b.fail(ch, fn, errCount, "negative count %d for rank %d", cs[i], i), false
		}
		if cs[i] == 0 {
			continue
		}
		start := int64(off) + int64(ds[i])
		if _, ok := b.spanAddr(uint32(start), int64(cs[i]), t); !ok || start < 0 || start >= 1<<32 {
			return nil, nil, b.fail(ch, fn, errBuffer, "block %d (%d x %s at byte %d) is outside guest memory", i, cs[i], t.name, ds[i]), false
		}
	}
	if n == 0 {
		return nil, nil, 0, true
	}
	p, _ := b.ptr(countsOff, uint64(n)*4)
	q, _ := b.ptr(displsOff, uint64(n)*4)
	return (*C.int)(p), (*C.int)(q), 0, true
}

func (b *Bridge) alltoallw(s []uint64, fn string, nb bool) {
	ch := uint32(s[8])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 9, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	rtypes := make([]C.uintptr_t, c.peers()+1)
	ra, rcs, rds, rc, ok := C.uintptr_t(b.Base+uintptr(uint32(s[4]))), (*C.int)(nil), (*C.int)(nil), int32(0), true
	if rcs, rds, rc, ok = b.wblocks(fn, ch, uint32(s[4]), uint32(s[5]), uint32(s[6]), uint32(s[7]), c.peers(), rtypes); !ok {
		s[0] = ret(rc)
		return
	}
	sa := C.uintptr_t(C.WR_IN_PLACE)
	var scs, sds *C.int
	var stypes []C.uintptr_t
	if uint32(s[0]) != inPlace {
		stypes = make([]C.uintptr_t, c.peers()+1)
		if scs, sds, rc, ok = b.wblocks(fn, ch, uint32(s[0]), uint32(s[1]), uint32(s[2]), uint32(s[3]), c.peers(), stypes); !ok {
			s[0] = ret(rc)
			return
		}
		sa = C.uintptr_t(b.Base + uintptr(uint32(s[0])))
	}
	var sp *C.uintptr_t
	if stypes != nil {
		sp = &stypes[0]
	}
	if nb {
		var keep C.uintptr_t
		rcC := C.wr_ialltoallw(sa, scs, sds, sp, ra, rcs, rds, &rtypes[0], C.int(c.peers()), c.host, &b.outHandle, &keep)
		s[0] = ret(b.newRequest(fn, ch, rcC, reqOff))
		b.keepUntilDone(reqOff, keep)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_alltoallw(sa, scs, sds, sp, ra, rcs, rds, &rtypes[0], C.int(c.peers()), c.host)))
}

// requestOut reads and checks the request pointer of a nonblocking call,
// parameter i of the stack; blocking calls (nb false) have none.
func (b *Bridge) requestOut(fn string, ch uint32, s []uint64, i int, nb bool) (uint32, int32, bool) {
	if !nb {
		return 0, 0, true
	}
	off := uint32(s[i])
	if rc, ok := b.requestPtr(fn, ch, off); !ok {
		return 0, rc, false
	}
	return off, 0, true
}

// hostType is the host datatype behind guest handle h, or 0; for arguments
// the host ignores on this process but may still look at.
func (b *Bridge) hostType(h uint32) C.uintptr_t {
	if t, ok := b.dtype(h); ok {
		return t.host
	}
	return 0
}

// keepUntilDone ties host memory (C-allocated argument copies that a
// nonblocking call reads until it completes) to the guest request whose
// handle is at reqOff; settle frees it when the request completes.
func (b *Bridge) keepUntilDone(reqOff uint32, keep C.uintptr_t) {
	if keep == 0 {
		return
	}
	if b.lastReq == 0 {
		C.wr_free(keep)
		return
	}
	if b.keep == nil {
		b.keep = map[uint32]C.uintptr_t{}
	}
	b.keep[b.lastReq] = keep
}

// collArgs checks what every blocking-or-not collective starts with: the
// request pointer of the nonblocking form (parameter i) and the
// communicator ch.
func (b *Bridge) collArgs(fn string, ch uint32, s []uint64, i int, nb bool) (*comm, uint32, int32, bool) {
	reqOff, rc, ok := b.requestOut(fn, ch, s, i, nb)
	if !ok {
		return nil, 0, rc, false
	}
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		return nil, 0, rc, false
	}
	return c, reqOff, 0, true
}
