package mpibridge

// #include "calls.h"
import "C"

import "strings"

// MPI-4 persistent collectives, built on the nonblocking ones for every
// host (Open MPI 4.1 has none; one code path serves both families): the
// _init call records its arguments under an inactive request, and each
// MPI_Start issues the nonblocking collective with them, checking every
// buffer again. Completion makes the request inactive, not null.

// pcoll is a persistent collective: the nonblocking function it runs and
// its arguments, laid out as that function's wasm stack.
type pcoll struct {
	start  func(b *Bridge, s []uint64)
	args   []uint64 // the _init arguments without info and request
	stack  []uint64 // scratch for one start
	pinned []uint32 // derived datatypes it uses, kept until it is freed
}

var pcollFunctions = []function{
	pcollEntry("MPI_Barrier_init", "comm info request", func(b *Bridge, s []uint64) { b.barrier(s, "MPI_Barrier_init", true) }),
	pcollEntry("MPI_Bcast_init", "buffer count datatype root comm info request", func(b *Bridge, s []uint64) { b.bcast(s, "MPI_Bcast_init", true) }),
	pcollEntry("MPI_Gather_init", "sendbuf sendcount sendtype recvbuf recvcount recvtype root comm info request", func(b *Bridge, s []uint64) { b.gatherScatter(s, "MPI_Gather_init", true, true) }),
	pcollEntry("MPI_Gatherv_init", "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype root comm info request", func(b *Bridge, s []uint64) { b.gatherv(s, "MPI_Gatherv_init", true) }),
	pcollEntry("MPI_Scatter_init", "sendbuf sendcount sendtype recvbuf recvcount recvtype root comm info request", func(b *Bridge, s []uint64) { b.gatherScatter(s, "MPI_Scatter_init", false, true) }),
	pcollEntry("MPI_Scatterv_init", "sendbuf sendcounts displs sendtype recvbuf recvcount recvtype root comm info request", func(b *Bridge, s []uint64) { b.scatterv(s, "MPI_Scatterv_init", true) }),
	pcollEntry("MPI_Allgather_init", "sendbuf sendcount sendtype recvbuf recvcount recvtype comm info request", func(b *Bridge, s []uint64) { b.allgather(s, "MPI_Allgather_init", true) }),
	pcollEntry("MPI_Allgatherv_init", "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype comm info request", func(b *Bridge, s []uint64) { b.allgatherv(s, "MPI_Allgatherv_init", true) }),
	pcollEntry("MPI_Alltoall_init", "sendbuf sendcount sendtype recvbuf recvcount recvtype comm info request", func(b *Bridge, s []uint64) { b.alltoall(s, "MPI_Alltoall_init", true) }),
	pcollEntry("MPI_Alltoallv_init", "sendbuf sendcounts sdispls sendtype recvbuf recvcounts rdispls recvtype comm info request", func(b *Bridge, s []uint64) { b.alltoallv(s, "MPI_Alltoallv_init", true) }),
	pcollEntry("MPI_Alltoallw_init", "sendbuf sendcounts sdispls sendtypes recvbuf recvcounts rdispls recvtypes comm info request", func(b *Bridge, s []uint64) { b.alltoallw(s, "MPI_Alltoallw_init", true) }),
	pcollEntry("MPI_Reduce_init", "sendbuf recvbuf count datatype op root comm info request", func(b *Bridge, s []uint64) { b.reduce(s, "MPI_Reduce_init", true) }),
	pcollEntry("MPI_Allreduce_init", "sendbuf recvbuf count datatype op comm info request", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Allreduce_init", allreduce, true) }),
	pcollEntry("MPI_Reduce_scatter_init", "sendbuf recvbuf recvcounts datatype op comm info request", func(b *Bridge, s []uint64) { b.reduceScatter(s, "MPI_Reduce_scatter_init", true) }),
	pcollEntry("MPI_Reduce_scatter_block_init", "sendbuf recvbuf recvcount datatype op comm info request", func(b *Bridge, s []uint64) { b.reduceScatterBlock(s, "MPI_Reduce_scatter_block_init", true) }),
	pcollEntry("MPI_Scan_init", "sendbuf recvbuf count datatype op comm info request", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Scan_init", scan, true) }),
	pcollEntry("MPI_Neighbor_allgather_init", "sendbuf sendcount sendtype recvbuf recvcount recvtype comm info request", func(b *Bridge, s []uint64) { b.neighbor(s, "MPI_Neighbor_allgather_init", true, false) }),
	pcollEntry("MPI_Neighbor_alltoall_init", "sendbuf sendcount sendtype recvbuf recvcount recvtype comm info request", func(b *Bridge, s []uint64) { b.neighbor(s, "MPI_Neighbor_alltoall_init", true, true) }),
	pcollEntry("MPI_Neighbor_allgatherv_init", "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype comm info request", func(b *Bridge, s []uint64) { b.neighborAllgatherv(s, "MPI_Neighbor_allgatherv_init", true) }),
	pcollEntry("MPI_Neighbor_alltoallv_init", "sendbuf sendcounts sdispls sendtype recvbuf recvcounts rdispls recvtype comm info request", func(b *Bridge, s []uint64) { b.neighborAlltoallv(s, "MPI_Neighbor_alltoallv_init", true) }),
	pcollEntry("MPI_Neighbor_alltoallw_init", "sendbuf sendcounts sdispls sendtypes recvbuf recvcounts rdispls recvtypes comm info request", func(b *Bridge, s []uint64) { b.neighborAlltoallw(s, "MPI_Neighbor_alltoallw_init", true) }),
	pcollEntry("MPI_Exscan_init", "sendbuf recvbuf count datatype op comm info request", func(b *Bridge, s []uint64) { b.reduceAll(s, "MPI_Exscan_init", exscan, true) }),
}

// pcollEntry declares MPI_X_init(args..., comm, info, request), run by
// MPI_Start as start (the nonblocking form, whose last parameter is its
// request pointer).
func pcollEntry(name, params string, start func(b *Bridge, s []uint64)) function {
	return function{name, func(b *Bridge, s []uint64) { b.pcollInit(s, name, params, start) }, params, false}
}

// pcollInit records a persistent collective. The communicator is the
// parameter before info; it is checked now, everything else at each start.
func (b *Bridge) pcollInit(s []uint64, fn, params string, start func(b *Bridge, s []uint64)) {
	n := countFields(params)
	ch, ih, reqOff := uint32(s[n-3]), uint32(s[n-2]), uint32(s[n-1])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	if _, ok := b.info(ih); !ok {
		s[0] = ret(b.fail(ch, fn, errInfo, "invalid info %#x", ih))
		return
	}
	if rc, ok := b.requestPtr(fn, ch, reqOff); !ok {
		s[0] = ret(rc)
		return
	}
	p := &pcoll{start: start, args: append([]uint64(nil), s[:n-2]...), stack: make([]uint64, n-1)}
	// MPI lets the guest free the datatypes once the request exists: pin
	// them, also those in the datatype arrays of the w forms (the arrays
	// themselves must stay as they are, and are checked at each start).
	for i, name := range strings.Fields(params)[:n-2] {
		switch name {
		case "datatype", "sendtype", "recvtype":
			p.pin(b, uint32(s[i]))
		case "sendtypes", "recvtypes":
			n := c.peers()
			if strings.HasPrefix(fn, "MPI_Neighbor") {
				n = c.inDeg
				if name == "sendtypes" {
					n = c.outDeg
				}
			}
			for _, h := range b.i32s(uint32(s[i]), n) {
				p.pin(b, uint32(h))
			}
		}
	}
	h := b.addRequest(b.hostNull.req, true)
	if h == 0 {
		s[0] = ret(b.fail(ch, fn, errIntern, "too many requests"))
		return
	}
	if b.pcolls == nil {
		b.pcolls = map[uint32]*pcoll{}
	}
	b.pcolls[h] = p
	b.writeI32(reqOff, int32(h))
	s[0] = 0
}

// startPcoll issues persistent collective h and leaves its host request
// in the request table. It returns the guest error code.
func (b *Bridge) startPcoll(h uint32, p *pcoll) int32 {
	copy(p.stack, p.args)
	p.stack[len(p.stack)-1] = 0 // the request pointer: captured below, not written
	b.capture, b.starting = true, true
	b.lastReq = h
	p.start(b, p.stack)
	b.capture, b.starting = false, false
	rc := int32(p.stack[0])
	if rc == 0 {
		if e, ok := b.reqs.Get(h); ok {
			*e = b.captured
		}
	}
	return rc
}

func countFields(s string) int {
	n, in := 0, false
	for _, c := range s {
		if c == ' ' {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// pin keeps derived datatype h alive for p (a predefined or invalid
// handle needs nothing).
func (p *pcoll) pin(b *Bridge, h uint32) {
	if t, ok := b.dtypes.Get(h); ok && !t.freed {
		t.pins++
		p.pinned = append(p.pinned, h)
	}
}

// unpin releases the datatypes a freed persistent collective kept.
func (b *Bridge) unpin(p *pcoll) {
	for _, h := range p.pinned {
		t, ok := b.dtypes.Get(h)
		if !ok {
			continue
		}
		if t.pins--; t.pins == 0 && t.freed {
			b.releaseType("MPI_Request_free", h, t)
		}
	}
}
