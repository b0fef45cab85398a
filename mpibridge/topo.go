package mpibridge

// #include "calls.h"
import "C"

var topoFunctions = []function{
	// MPI_Dims_create(nnodes, ndims, dims): dims is read and written.
	{"MPI_Dims_create", (*Bridge).dimsCreate, "nnodes ndims dims", false},
	{"MPI_Cart_create", (*Bridge).cartCreate, "comm_old ndims dims periods reorder comm_cart", false},
	{"MPI_Cart_get", (*Bridge).cartGet, "comm maxdims dims periods coords", false},
	{"MPI_Cart_rank", (*Bridge).cartRank, "comm coords rank", false},
	{"MPI_Cart_coords", (*Bridge).cartCoords, "comm rank maxdims coords", false},
	{"MPI_Cart_shift", (*Bridge).cartShift, "comm direction disp rank_source rank_dest", false},
	{"MPI_Cart_sub", (*Bridge).cartSub, "comm remain_dims newcomm", false},
	{"MPI_Cartdim_get", (*Bridge).cartdimGet, "comm ndims", false},
	{"MPI_Topo_test", (*Bridge).topoTest, "comm status", false},
	{"MPI_Graph_create", (*Bridge).graphCreate, "comm_old nnodes index edges reorder comm_graph", false},
	// MPI_Dist_graph_create_adjacent(...): info hints are ignored, as MPI allows.
	{"MPI_Dist_graph_create_adjacent", (*Bridge).distGraphCreateAdjacent, "comm_old indegree sources sourceweights outdegree destinations destweights info reorder comm_dist_graph", false},
	{"MPI_Graphdims_get", (*Bridge).graphdimsGet, "comm nnodes nedges", false},
	{"MPI_Graph_get", (*Bridge).graphGet, "comm maxindex maxedges index edges", false},
	{"MPI_Graph_neighbors_count", (*Bridge).graphNeighborsCount, "comm rank nneighbors", false},
	{"MPI_Graph_neighbors", (*Bridge).graphNeighbors, "comm rank maxneighbors neighbors", false},
	{"MPI_Dist_graph_neighbors_count", (*Bridge).distGraphNeighborsCount, "comm indegree outdegree weighted", false},
	{"MPI_Dist_graph_neighbors", (*Bridge).distGraphNeighbors, "comm maxindegree sources sourceweights maxoutdegree destinations destweights", false},
	{"MPI_Dist_graph_create", (*Bridge).distGraphCreate, "comm_old n sources degrees destinations weights info reorder comm_dist_graph", false},
	{"MPI_Cart_map", (*Bridge).cartMap, "comm ndims dims periods newrank", false},
	{"MPI_Graph_map", (*Bridge).graphMap, "comm nnodes index edges newrank", false},
	{"MPI_Neighbor_allgather", func(b *Bridge, s []uint64) { b.neighbor(s, "MPI_Neighbor_allgather", false, false) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm", false},
	{"MPI_Ineighbor_allgather", func(b *Bridge, s []uint64) { b.neighbor(s, "MPI_Ineighbor_allgather", true, false) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm request", false},
	{"MPI_Neighbor_alltoall", func(b *Bridge, s []uint64) { b.neighbor(s, "MPI_Neighbor_alltoall", false, true) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm", false},
	{"MPI_Ineighbor_alltoall", func(b *Bridge, s []uint64) { b.neighbor(s, "MPI_Ineighbor_alltoall", true, true) }, "sendbuf sendcount sendtype recvbuf recvcount recvtype comm request", false},
	{"MPI_Neighbor_allgatherv", func(b *Bridge, s []uint64) { b.neighborAllgatherv(s, "MPI_Neighbor_allgatherv", false) }, "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype comm", false},
	{"MPI_Ineighbor_allgatherv", func(b *Bridge, s []uint64) { b.neighborAllgatherv(s, "MPI_Ineighbor_allgatherv", true) }, "sendbuf sendcount sendtype recvbuf recvcounts displs recvtype comm request", false},
	{"MPI_Neighbor_alltoallv", func(b *Bridge, s []uint64) { b.neighborAlltoallv(s, "MPI_Neighbor_alltoallv", false) }, "sendbuf sendcounts sdispls sendtype recvbuf recvcounts rdispls recvtype comm", false},
	{"MPI_Ineighbor_alltoallv", func(b *Bridge, s []uint64) { b.neighborAlltoallv(s, "MPI_Ineighbor_alltoallv", true) }, "sendbuf sendcounts sdispls sendtype recvbuf recvcounts rdispls recvtype comm request", false},
	// MPI_Neighbor_alltoallw(...): displacements are MPI_Aint bytes, one datatype per neighbour.
	{"MPI_Neighbor_alltoallw", func(b *Bridge, s []uint64) { b.neighborAlltoallw(s, "MPI_Neighbor_alltoallw", false) }, "sendbuf sendcounts sdispls sendtypes recvbuf recvcounts rdispls recvtypes comm", false},
	{"MPI_Ineighbor_alltoallw", func(b *Bridge, s []uint64) { b.neighborAlltoallw(s, "MPI_Ineighbor_alltoallw", true) }, "sendbuf sendcounts sdispls sendtypes recvbuf recvcounts rdispls recvtypes comm request", false},
}

// ndimsArray checks a guest int array of n elements for fn and returns it
// as a C pointer (nil when n is 0).
func (b *Bridge) cArray(fn string, ch, off uint32, n int32, what string) (*C.int, int32, bool) {
	if n < 0 {
		return nil, b.fail(ch, fn, errArg, "negative %s length %d", what, n), false
	}
	if n == 0 {
		// Host MPIs refuse NULL even for empty arrays.
		return &b.empty[0], 0, true
	}
	p, ok := b.ptr(off, uint64(n)*4)
	if !ok {
		return nil, b.fail(ch, fn, errArg, "%s (%d ints at %#x) is outside guest memory", what, n, off), false
	}
	return (*C.int)(p), 0, true
}

func (b *Bridge) dimsCreate(s []uint64) {
	const fn = "MPI_Dims_create"
	if rc, ok := b.ready(fn); !ok {
		s[0] = ret(rc)
		return
	}
	nnodes, n := int32(s[0]), int32(s[1])
	dims, rc, ok := b.cArray(fn, commWorld, uint32(s[2]), n, "dims")
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(commWorld, fn, C.wr_dims_create(C.int(nnodes), C.int(n), dims)))
}

func (b *Bridge) cartCreate(s []uint64) {
	const fn = "MPI_Cart_create"
	ch, n, out := uint32(s[0]), int32(s[1]), uint32(s[5])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	dims, rc, ok := b.cArray(fn, ch, uint32(s[2]), n, "dims")
	if !ok {
		s[0] = ret(rc)
		return
	}
	periods, rc, ok := b.cArray(fn, ch, uint32(s[3]), n, "periods")
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_cart_create(c.host, C.int(n), dims, periods, C.int(int32(s[4])), &b.outHandle), out))
}

func (b *Bridge) cartGet(s []uint64) {
	const fn = "MPI_Cart_get"
	ch, n := uint32(s[0]), int32(s[1])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	// MPICH 4.0.2 dereferences NULL in MPI_Cart_get on a communicator
	// without a Cartesian topology, natively too (found by FuzzBridge);
	// MPI_Cartdim_get refuses it with MPI_ERR_TOPOLOGY on every host.
	if _, rc, ok := b.cartNdims(fn, ch, c); !ok {
		s[0] = ret(rc)
		return
	}
	var arrays [3]*C.int
	for i, what := range []string{"dims", "periods", "coords"} {
		if arrays[i], rc, ok = b.cArray(fn, ch, uint32(s[2+i]), n, what); !ok {
			s[0] = ret(rc)
			return
		}
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_cart_get(c.host, C.int(n), arrays[0], arrays[1], arrays[2])))
}

// cartNdims is the number of dimensions of a Cartesian communicator.
func (b *Bridge) cartNdims(fn string, ch uint32, c *comm) (int32, int32, bool) {
	if rc := C.wr_cartdim_get(c.host, &b.outInt[0]); rc != 0 {
		return 0, b.hostError(ch, fn, rc), false
	}
	return int32(b.outInt[0]), 0, true
}

func (b *Bridge) cartRank(s []uint64) {
	const fn = "MPI_Cart_rank"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	n, rc, ok := b.cartNdims(fn, ch, c)
	if !ok {
		s[0] = ret(rc)
		return
	}
	coords, rc, ok := b.cArray(fn, ch, uint32(s[1]), n, "coords")
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, ch, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_cart_rank(c.host, coords, out)))
}

func (b *Bridge) cartCoords(s []uint64) {
	const fn = "MPI_Cart_coords"
	ch, n := uint32(s[0]), int32(s[2])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	coords, rc, ok := b.cArray(fn, ch, uint32(s[3]), n, "coords")
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_cart_coords(c.host, C.int(int32(s[1])), C.int(n), coords)))
}

func (b *Bridge) cartShift(s []uint64) {
	const fn = "MPI_Cart_shift"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	src, rc, ok := b.outPtr(fn, ch, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	dst, rc, ok := b.outPtr(fn, ch, uint32(s[4]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_cart_shift(c.host, C.int(int32(s[1])), C.int(int32(s[2])), src, dst)))
}

func (b *Bridge) cartSub(s []uint64) {
	const fn = "MPI_Cart_sub"
	ch, out := uint32(s[0]), uint32(s[2])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	n, rc, ok := b.cartNdims(fn, ch, c)
	if !ok {
		s[0] = ret(rc)
		return
	}
	remain, rc, ok := b.cArray(fn, ch, uint32(s[1]), n, "remain_dims")
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_cart_sub(c.host, remain, &b.outHandle), out))
}

func (b *Bridge) cartdimGet(s []uint64) {
	const fn = "MPI_Cartdim_get"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, ch, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_cartdim_get(c.host, out)))
}

func (b *Bridge) topoTest(s []uint64) {
	const fn = "MPI_Topo_test"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, ch, uint32(s[1]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_topo_test(c.host, out)))
}

func (b *Bridge) graphCreate(s []uint64) {
	const fn = "MPI_Graph_create"
	ch, nnodes, out := uint32(s[0]), int32(s[1]), uint32(s[5])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	ip, ep, rc, ok := b.graphArgs(fn, ch, uint32(s[2]), uint32(s[3]), nnodes)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.newComm(fn, ch, c, C.wr_graph_create(c.host, C.int(nnodes), ip, ep, C.int(int32(s[4])), &b.outHandle), out))
}

// weights classifies a weights argument: the MPI_UNWEIGHTED and
// MPI_WEIGHTS_EMPTY sentinels, or an array of n ints.
func (b *Bridge) weights(fn string, ch, off uint32, n int32) (C.int, *C.int, int32, bool) {
	switch off {
	case unweighted:
		return C.WR_UNWEIGHTED, nil, 0, true
	case weightsEmpty:
		return C.WR_WEIGHTS_EMPTY, nil, 0, true
	}
	p, rc, ok := b.cArray(fn, ch, off, n, "weights")
	return C.WR_WEIGHTS_GIVEN, p, rc, ok
}

// adjacency is the sources and destinations of a distributed graph, with
// their weights, checked in guest memory.
type adjacency struct {
	srcs, sw, dsts, dw *C.int
	swk, dwk           C.int
}

// adjacencyArgs checks in sources and weights at s[from], s[from+1] and
// out destinations and weights at s[from+3], s[from+4] (the layout of
// MPI_Dist_graph_create_adjacent and MPI_Dist_graph_neighbors).
func (b *Bridge) adjacencyArgs(fn string, ch uint32, s []uint64, from int, in, out int32) (adjacency, int32, bool) {
	var a adjacency
	var rc int32
	var ok bool
	if a.srcs, rc, ok = b.cArray(fn, ch, uint32(s[from]), in, "sources"); !ok {
		return a, rc, false
	}
	if a.swk, a.sw, rc, ok = b.weights(fn, ch, uint32(s[from+1]), in); !ok {
		return a, rc, false
	}
	if a.dsts, rc, ok = b.cArray(fn, ch, uint32(s[from+3]), out, "destinations"); !ok {
		return a, rc, false
	}
	if a.dwk, a.dw, rc, ok = b.weights(fn, ch, uint32(s[from+4]), out); !ok {
		return a, rc, false
	}
	return a, 0, true
}

func (b *Bridge) distGraphCreateAdjacent(s []uint64) {
	const fn = "MPI_Dist_graph_create_adjacent"
	ch, indeg, outdeg, out := uint32(s[0]), int32(s[1]), int32(s[4]), uint32(s[9])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	a, rc, ok := b.adjacencyArgs(fn, ch, s, 2, indeg, outdeg)
	if !ok {
		s[0] = ret(rc)
		return
	}
	info, ok := b.info(uint32(s[7]))
	if !ok {
		s[0] = ret(b.fail(ch, fn, errInfo, "invalid info %#x", uint32(s[7])))
		return
	}
	rcC := C.wr_dist_graph_create_adjacent(c.host, C.int(indeg), a.srcs, a.swk, a.sw, C.int(outdeg), a.dsts, a.dwk, a.dw, info, C.int(int32(s[8])), &b.outHandle)
	s[0] = ret(b.newComm(fn, ch, c, rcC, out))
}

// neighbor is MPI_Neighbor_allgather (one send block, one receive block
// per in-neighbour) and MPI_Neighbor_alltoall (one of each per neighbour).
func (b *Bridge) neighbor(s []uint64, fn string, nb, alltoall bool) {
	ch := uint32(s[6])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 7, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sendBlocks := int32(1)
	if alltoall {
		sendBlocks = c.outDeg
	}
	sa, st, rc, ok := b.counted(fn, ch, uint32(s[0]), int32(s[1]), sendBlocks, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rc, ok := b.counted(fn, ch, uint32(s[3]), int32(s[4]), c.inDeg, uint32(s[5]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	switch {
	case nb && alltoall:
		s[0] = ret(b.newRequest(fn, ch, C.wr_ineighbor_alltoall(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host, &b.outHandle), reqOff))
		return
	case nb:
		s[0] = ret(b.newRequest(fn, ch, C.wr_ineighbor_allgather(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host, &b.outHandle), reqOff))
		return
	case alltoall:
		s[0] = ret(b.hostError(ch, fn, C.wr_neighbor_alltoall(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host)))
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_neighbor_allgather(sa, C.int(int32(s[1])), st, ra, C.int(int32(s[4])), rt, c.host)))
}

// outInts checks n guest int out-parameters of fn at the offsets in s[from:].
func (b *Bridge) outInts(fn string, ch uint32, s []uint64, from, n int) ([3]*C.int, int32, bool) {
	var out [3]*C.int
	for i := 0; i < n; i++ {
		p, rc, ok := b.outPtr(fn, ch, uint32(s[from+i]))
		if !ok {
			return out, rc, false
		}
		out[i] = p
	}
	return out, 0, true
}

func (b *Bridge) graphdimsGet(s []uint64) {
	const fn = "MPI_Graphdims_get"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outInts(fn, ch, s, 1, 2)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_graphdims_get(c.host, out[0], out[1])))
}

func (b *Bridge) graphGet(s []uint64) {
	const fn = "MPI_Graph_get"
	ch, maxIndex, maxEdges := uint32(s[0]), int32(s[1]), int32(s[2])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	index, rc, ok := b.cArray(fn, ch, uint32(s[3]), maxIndex, "index")
	if !ok {
		s[0] = ret(rc)
		return
	}
	edges, rc, ok := b.cArray(fn, ch, uint32(s[4]), maxEdges, "edges")
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_graph_get(c.host, C.int(maxIndex), C.int(maxEdges), index, edges)))
}

func (b *Bridge) graphNeighborsCount(s []uint64) {
	const fn = "MPI_Graph_neighbors_count"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, ch, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_graph_neighbors_count(c.host, C.int(int32(s[1])), out)))
}

func (b *Bridge) graphNeighbors(s []uint64) {
	const fn = "MPI_Graph_neighbors"
	ch, max := uint32(s[0]), int32(s[2])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.cArray(fn, ch, uint32(s[3]), max, "neighbors")
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_graph_neighbors(c.host, C.int(int32(s[1])), C.int(max), out)))
}

func (b *Bridge) distGraphNeighborsCount(s []uint64) {
	const fn = "MPI_Dist_graph_neighbors_count"
	ch := uint32(s[0])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outInts(fn, ch, s, 1, 3)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_dist_graph_neighbors_count(c.host, out[0], out[1], out[2])))
}

func (b *Bridge) distGraphNeighbors(s []uint64) {
	const fn = "MPI_Dist_graph_neighbors"
	ch, maxIn, maxOut := uint32(s[0]), int32(s[1]), int32(s[4])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	a, rc, ok := b.adjacencyArgs(fn, ch, s, 2, maxIn, maxOut)
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_dist_graph_neighbors(c.host, C.int(maxIn), a.srcs, a.swk, a.sw, C.int(maxOut), a.dsts, a.dwk, a.dw)))
}

// reqPtr is where a neighbourhood call leaves its host request: nil for
// the blocking forms.
func (b *Bridge) reqPtr(nb bool) *C.uintptr_t {
	if nb {
		return &b.outHandle
	}
	return nil
}

// finish completes a call that is blocking or not: a nonblocking one
// gets its guest request.
func (b *Bridge) finish(fn string, ch uint32, nb bool, rc C.int, reqOff uint32) int32 {
	if nb {
		return b.newRequest(fn, ch, rc, reqOff)
	}
	return b.hostError(ch, fn, rc)
}

func (b *Bridge) neighborAllgatherv(s []uint64, fn string, nb bool) {
	ch := uint32(s[7])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 8, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, rc, ok := b.counted(fn, ch, uint32(s[0]), int32(s[1]), 1, uint32(s[2]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, counts, displs, rc, ok := b.vregion(fn, ch, uint32(s[3]), uint32(s[4]), uint32(s[5]), c.inDeg, uint32(s[6]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	rcC := C.wr_neighbor_allgatherv(sa, C.int(int32(s[1])), st, ra, counts, displs, rt, c.host, b.reqPtr(nb))
	s[0] = ret(b.finish(fn, ch, nb, rcC, reqOff))
}

func (b *Bridge) neighborAlltoallv(s []uint64, fn string, nb bool) {
	ch := uint32(s[8])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 9, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	sa, st, sc, sd, rc, ok := b.vregion(fn, ch, uint32(s[0]), uint32(s[1]), uint32(s[2]), c.outDeg, uint32(s[3]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	ra, rt, rcnt, rd, rc, ok := b.vregion(fn, ch, uint32(s[4]), uint32(s[5]), uint32(s[6]), c.inDeg, uint32(s[7]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	rcC := C.wr_neighbor_alltoallv(sa, sc, sd, st, ra, rcnt, rd, rt, c.host, b.reqPtr(nb))
	s[0] = ret(b.finish(fn, ch, nb, rcC, reqOff))
}

func (b *Bridge) neighborAlltoallw(s []uint64, fn string, nb bool) {
	ch := uint32(s[8])
	c, reqOff, rc, ok := b.collArgs(fn, ch, s, 9, nb)
	if !ok {
		s[0] = ret(rc)
		return
	}
	stypes := make([]C.uintptr_t, c.outDeg+1)
	rtypes := make([]C.uintptr_t, c.inDeg+1)
	// MPI_Aint displacements are 4-byte guest ints, as wblocks reads them.
	sc, sd, rc, ok := b.wblocks(fn, ch, uint32(s[0]), uint32(s[1]), uint32(s[2]), uint32(s[3]), c.outDeg, stypes)
	if !ok {
		s[0] = ret(rc)
		return
	}
	rcnt, rd, rc, ok := b.wblocks(fn, ch, uint32(s[4]), uint32(s[5]), uint32(s[6]), uint32(s[7]), c.inDeg, rtypes)
	if !ok {
		s[0] = ret(rc)
		return
	}
	var keep C.uintptr_t
	rcC := C.wr_neighbor_alltoallw(C.uintptr_t(b.Base+uintptr(uint32(s[0]))), sc, (*C.int32_t)(unsafePointer(sd)), &stypes[0], C.int(c.outDeg),
		C.uintptr_t(b.Base+uintptr(uint32(s[4]))), rcnt, (*C.int32_t)(unsafePointer(rd)), &rtypes[0], C.int(c.inDeg), c.host, b.reqPtr(nb), &keep)
	s[0] = ret(b.finish(fn, ch, nb, rcC, reqOff))
	if nb {
		b.keepUntilDone(reqOff, keep)
	}
}

func (b *Bridge) distGraphCreate(s []uint64) {
	const fn = "MPI_Dist_graph_create"
	ch, n, out := uint32(s[0]), int32(s[1]), uint32(s[8])
	c, rc, ok := b.newCommArgs(fn, ch, out)
	if !ok {
		s[0] = ret(rc)
		return
	}
	srcs, rc, ok := b.cArray(fn, ch, uint32(s[2]), n, "sources")
	if !ok {
		s[0] = ret(rc)
		return
	}
	degrees := b.i32s(uint32(s[3]), max(n, 0))
	if degrees == nil {
		s[0] = ret(b.fail(ch, fn, errArg, "degrees array of %d ints is outside guest memory", n))
		return
	}
	edges := int64(0)
	for i, d := range degrees {
		if d < 0 {
			s[0] = ret(b.fail(ch, fn, errArg, "negative degree %d at %d", d, i))
			return
		}
		edges += int64(d)
	}
	if edges > 1<<30 {
		s[0] = ret(b.fail(ch, fn, errArg, "%d edges are too many", edges))
		return
	}
	degs, _, _ := b.cArray(fn, ch, uint32(s[3]), n, "degrees")
	dsts, rc, ok := b.cArray(fn, ch, uint32(s[4]), int32(edges), "destinations")
	if !ok {
		s[0] = ret(rc)
		return
	}
	wk, w, rc, ok := b.weights(fn, ch, uint32(s[5]), int32(edges))
	if !ok {
		s[0] = ret(rc)
		return
	}
	info, ok := b.info(uint32(s[6]))
	if !ok {
		s[0] = ret(b.fail(ch, fn, errInfo, "invalid info %#x", uint32(s[6])))
		return
	}
	rcC := C.wr_dist_graph_create(c.host, C.int(n), srcs, degs, dsts, wk, w, info, C.int(int32(s[7])), &b.outHandle)
	s[0] = ret(b.newComm(fn, ch, c, rcC, out))
}

func (b *Bridge) cartMap(s []uint64) {
	const fn = "MPI_Cart_map"
	ch, n := uint32(s[0]), int32(s[1])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	dims, rc, ok := b.cArray(fn, ch, uint32(s[2]), n, "dims")
	if !ok {
		s[0] = ret(rc)
		return
	}
	periods, rc, ok := b.cArray(fn, ch, uint32(s[3]), n, "periods")
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, ch, uint32(s[4]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_cart_map(c.host, C.int(n), dims, periods, out)))
}

func (b *Bridge) graphMap(s []uint64) {
	const fn = "MPI_Graph_map"
	ch, nnodes := uint32(s[0]), int32(s[1])
	c, rc, ok := b.commArg(fn, ch)
	if !ok {
		s[0] = ret(rc)
		return
	}
	ip, ep, rc, ok := b.graphArgs(fn, ch, uint32(s[2]), uint32(s[3]), nnodes)
	if !ok {
		s[0] = ret(rc)
		return
	}
	out, rc, ok := b.outPtr(fn, ch, uint32(s[4]))
	if !ok {
		s[0] = ret(rc)
		return
	}
	s[0] = ret(b.hostError(ch, fn, C.wr_graph_map(c.host, C.int(nnodes), ip, ep, out)))
}

// graphArgs checks a graph's index array (nnodes ints) and its edges array,
// whose length is the last index entry.
func (b *Bridge) graphArgs(fn string, ch, indexOff, edgesOff uint32, nnodes int32) (index, edges *C.int, rc int32, ok bool) {
	idx := b.i32s(indexOff, max(nnodes, 0))
	if idx == nil {
		return nil, nil, b.fail(ch, fn, errArg, "index array of %d ints is outside guest memory", nnodes), false
	}
	nedges := int32(0)
	if nnodes > 0 {
		nedges = idx[nnodes-1]
	}
	if index, rc, ok = b.cArray(fn, ch, indexOff, nnodes, "index"); !ok {
		return nil, nil, rc, false
	}
	if edges, rc, ok = b.cArray(fn, ch, edgesOff, nedges, "edges"); !ok {
		return nil, nil, rc, false
	}
	return index, edges, 0, true
}
