package mpibridge

// #include "calls.h"
import "C"

var collFunctions = []function{
	{"MPI_Barrier", (*Bridge).barrier, "comm", false},
	{"MPI_Bcast", (*Bridge).bcast, "buffer count datatype root comm", false},
	{"MPI_Gather", func(b *Bridge, s []uint64) { b.gatherScatter(s, "MPI_Gather", true) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype root comm", false},
	{"MPI_Scatter", func(b *Bridge, s []uint64) { b.gatherScatter(s, "MPI_Scatter", false) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype root comm", false},
	{"MPI_Gatherv", (*Bridge).gatherv, "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype root comm", false},
	{"MPI_Scatterv", (*Bridge).scatterv, "sendbuf sendcounts displs sendtype recvbuf recvcount recvtype root comm", false},
	{"MPI_Allgather", (*Bridge).allgather, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm", false},
	{"MPI_Allgatherv", (*Bridge).allgatherv, "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype comm", false},
	{"MPI_Alltoall", (*Bridge).alltoall, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm", false},
	{"MPI_Alltoallv", (*Bridge).alltoallv, "sendbuf sendcounts sdispls sendtype recvbuf recvcounts rdispls recvtype comm", false},
	{"MPI_Reduce", (*Bridge).reduce, "sendbuf recvbuf count datatype op root comm", false},
	{"MPI_Allreduce", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Allreduce", allreduce) }, "sendbuf recvbuf count datatype op comm", false},
	{"MPI_Scan", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Scan", scan) }, "sendbuf recvbuf count datatype op comm", false},
	{"MPI_Exscan", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Exscan", exscan) }, "sendbuf recvbuf count datatype op comm", false},
	{"MPI_Reduce_scatter", (*Bridge).reduceScatter, "sendbuf recvbuf recvcounts datatype op comm", false},
	{"MPI_Reduce_scatter_block", (*Bridge).reduceScatterBlock, "sendbuf recvbuf recvcount datatype op comm", false},
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
		if start < 0 || end > 1<<32 || !b.inBounds(uint32(start), uint64(end-start)) {
			return 0, 0, nil, nil, b.fail(ch, fn, errBuffer, "block %d (%d x %s at displacement %d) is outside guest memory", i, cs[i], t.name, ds[i]), false
		}
	}
	var cp, dp *C.int
	if n > 0 {
		p, _ := b.ptr(countsOff, uint64(n)*4)
		q, _ := b.ptr(displsOff, uint64(n)*4)
		cp, dp = (*C.int)(p), (*C.int)(q)
	}
	return C.uintptr_t(b.base + uintptr(off)), t.host, cp, dp, 0, true
}

// rootArg checks a root rank of c.
func (b *Bridge) rootArg(fn string, ch uint32, c *comm, root int32) (int32, bool) {
	if root < 0 || root >= c.size {
		return b.fail(ch, fn, errRoot, "invalid root %d (communicator size %d)", root, c.size), false
	}
	return 0, true
}

func (b *Bridge) barrier(s []uint64) {
	const fn = "MPI_Barrier"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_barrier(c.host)))
}

func (b *Bridge) bcast(s []uint64) {
	const fn = "MPI_Bcast"
	ch, root := uint32(s[4]), int32(s[3])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.rootArg(fn, ch, c, root); !ok {
		s[0] = ret(rc)
		return
	}
	a, t, rc, ok := b.buf(fn, ch, uint32(s[0]), int32(s[1]), uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_bcast(a, C.int(int32(s[1])), t, C.int(root), c.host)))
}

// gatherScatter is MPI_Gather and MPI_Scatter(sendbuf, sendcount, sendtype,
// recvbuf, recvcount, recvtype, root, comm): the root's gathered (scattered)
// buffer holds count × comm size elements; MPI_IN_PLACE is allowed for the
// root's own block.
func (b *Bridge) gatherScatter(s []uint64, fn string, gather bool) {
	ch, root := uint32(s[7]), int32(s[6])
	c, rc, ok := b.commArg(fn, ch)
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
	atRoot := c.rank == root
	var sa, st, ra, rt C.uintptr_t
	sPer, rPer := int32(1), int32(1)
	if gather {
		rPer = c.size
	} else {
		sPer = c.size
	}
	// The side that lives only at the root, and the in-place side.
	if (gather && sOff == inPlace && atRoot) || (!gather && rOff == inPlace && atRoot) {
		if gather {
			sa = C.WR_IN_PLACE
		} else {
			ra = C.WR_IN_PLACE
		}
	}
	if sa == 0 && (gather || atRoot) {
		if sa, st, rc, ok = b.counted(fn, ch, sOff, sCount, sPer, sType); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if ra == 0 && (!gather || atRoot) {
		if ra, rt, rc, ok = b.counted(fn, ch, rOff, rCount, rPer, rType); !ok {
			s[0] = ret(rc)
			return
		}
	}
	if gather {
		s[0] = ret(b.hostError(ch, fn, C.wr_gather(sa, C.int(sCount), st, ra, C.int(rCount), rt, C.int(root), c.host)))
	} else {
		s[0] = ret(b.hostError(ch, fn, C.wr_scatter(sa, C.int(sCount), st, ra, C.int(rCount), rt, C.int(root), c.host)))
	}
}

func (b *Bridge) gatherv(s []uint64) {
	const fn = "MPI_Gatherv"
	ch, root := uint32(s[8]), int32(s[7])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.rootArg(fn, ch, c, root); !ok {
		s[0] = ret(rc)
		return
	}
	atRoot := c.rank == root
	sa, st := C.uintptr_t(C.WR_IN_PLACE), C.uintptr_t(0)
	if !(atRoot && uint32(s[0]) == inPlace) {
		if sa, st, rc, ok = b.counted(fn, ch, uint32(s[0]), int32(s[1]), 1, uint32(s[2])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	var ra, rt C.uintptr_t
	var counts, displs *C.int
	if atRoot {
		if ra, rt, counts, displs, rc, ok = b.vregion(fn, ch, uint32(s[3]), uint32(s[4]), uint32(s[5]), c.size, uint32(s[6])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_gatherv(sa, C.int(int32(s[1])), st, ra, counts, displs, rt, C.int(root), c.host)))
}

func (b *Bridge) scatterv(s []uint64) {
	const fn = "MPI_Scatterv"
	ch, root := uint32(s[8]), int32(s[7])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if rc, ok := b.rootArg(fn, ch, c, root); !ok {
		s[0] = ret(rc)
		return
	}
	atRoot := c.rank == root
	var sa, st C.uintptr_t
	var counts, displs *C.int
	if atRoot {
		if sa, st, counts, displs, rc, ok = b.vregion(fn, ch, uint32(s[0]), uint32(s[1]), uint32(s[2]), c.size, uint32(s[3])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	ra, rt := C.uintptr_t(C.WR_IN_PLACE), C.uintptr_t(0)
	if !(atRoot && uint32(s[4]) == inPlace) {
		if ra, rt, rc, ok = b.counted(fn, ch, uint32(s[4]), int32(s[5]), 1, uint32(s[6])); !ok {
			s[0] = ret(rc)
			return
		}
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

func (b *Bridge) allgather(s []uint64) {
	const fn = "MPI_Allgather"
	ch := uint32(s[6])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.sendSide(fn, ch, uint32(s[0]), int32(s[1]), 1, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.counted(fn, ch, uint32(s[3]), int32(s[4]), c.size, uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_allgather(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host)))
}

func (b *Bridge) allgatherv(s []uint64) {
	const fn = "MPI_Allgatherv"
	ch := uint32(s[7])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.sendSide(fn, ch, uint32(s[0]), int32(s[1]), 1, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, counts, displs, rc, ok := b.vregion(fn, ch, uint32(s[3]), uint32(s[4]), uint32(s[5]), c.size, uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_allgatherv(sa, C.int(int32(s[1])), st, ra, counts, displs, rt, c.host)))
}

func (b *Bridge) alltoall(s []uint64) {
	const fn = "MPI_Alltoall"
	ch := uint32(s[6])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.sendSide(fn, ch, uint32(s[0]), int32(s[1]), c.size, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.counted(fn, ch, uint32(s[3]), int32(s[4]), c.size, uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_alltoall(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host)))
}

func (b *Bridge) alltoallv(s []uint64) {
	const fn = "MPI_Alltoallv"
	ch := uint32(s[8])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st := C.uintptr_t(C.WR_IN_PLACE), C.uintptr_t(0)
	var sc, sd *C.int
	if uint32(s[0]) != inPlace {
		if sa, st, sc, sd, rc, ok = b.vregion(fn, ch, uint32(s[0]), uint32(s[1]), uint32(s[2]), c.size, uint32(s[3])); !ok {
			s[0] = ret(rc)
			return
		}
	}
	ra, rt, rcnt, rd, rc, ok := b.vregion(fn, ch, uint32(s[4]), uint32(s[5]), uint32(s[6]), c.size, uint32(s[7]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_alltoallv(sa, sc, sd, st, ra, rcnt, rd, rt, c.host)))
}

func (b *Bridge) reduce(s []uint64) {
	const fn = "MPI_Reduce"
	ch, root, count, th := uint32(s[6]), int32(s[5]), int32(s[2]), uint32(s[3])
	c, rc, ok := b.commArg(fn, ch)
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
	atRoot := c.rank == root
	sOff := uint32(s[0])
	if !atRoot && sOff == inPlace {
		s[0] = ret(b.fail(ch, fn, errBuffer, "MPI_IN_PLACE is only valid at the root"))
		return
	}
	sa, t, rc, ok := b.sendSide(fn, ch, sOff, count, 1, th)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var ra C.uintptr_t
	if atRoot {
		if ra, t, rc, ok = b.counted(fn, ch, uint32(s[1]), count, 1, th); !ok {
			s[0] = ret(rc)
			return
		}
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
func (b *Bridge) reduceAll(s []uint64, fn string, kind int) {
	ch, count, th := uint32(s[5]), int32(s[2]), uint32(s[3])
	c, rc, ok := b.commArg(fn, ch)
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
	switch kind {
	case allreduce:
		rcC = C.wr_allreduce(sa, ra, C.int(count), t, op, c.host)
	case scan:
		rcC = C.wr_scan(sa, ra, C.int(count), t, op, c.host)
	default:
		rcC = C.wr_exscan(sa, ra, C.int(count), t, op, c.host)
	}
	s[0] = ret(b.hostError(ch, fn, rcC))
}

func (b *Bridge) reduceScatter(s []uint64) {
	const fn = "MPI_Reduce_scatter"
	ch, th := uint32(s[5]), uint32(s[3])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
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
	s[0] = ret(b.hostError(ch, fn, C.wr_reduce_scatter(sa, ra, (*C.int)(p), t, op, c.host)))
}

func (b *Bridge) reduceScatterBlock(s []uint64) {
	const fn = "MPI_Reduce_scatter_block"
	ch, count, th := uint32(s[5]), int32(s[2]), uint32(s[3])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
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
