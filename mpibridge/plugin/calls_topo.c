/* Host side of process topologies: see calls.h. */
#include <mpi.h>
#include <stdlib.h>

#include "conv.h"

enum {
    ABI_CART = 211, ABI_GRAPH = 212, ABI_DIST_GRAPH = 213,
};

#define COMM_OUT(call)               \
    MPI_Comm c = MPI_COMM_NULL;      \
    int rc = call;                   \
    *out = (uintptr_t)c;             \
    return rc

int wr_dims_create(int nnodes, int ndims, int *dims) { return MPI_Dims_create(nnodes, ndims, dims); }

int wr_cart_create(uintptr_t comm, int ndims, const int *dims, const int *periods, int reorder, uintptr_t *out) {
    COMM_OUT(MPI_Cart_create(COMM(comm), ndims, dims, periods, reorder, &c));
}

int wr_cart_get(uintptr_t comm, int maxdims, int *dims, int *periods, int *coords) {
    return MPI_Cart_get(COMM(comm), maxdims, dims, periods, coords);
}

int wr_cart_rank(uintptr_t comm, const int *coords, int *rank) { return MPI_Cart_rank(COMM(comm), coords, rank); }

int wr_cart_coords(uintptr_t comm, int rank, int maxdims, int *coords) {
    return MPI_Cart_coords(COMM(comm), rank, maxdims, coords);
}

int wr_cart_shift(uintptr_t comm, int direction, int disp, int *src, int *dst) {
    int rc = MPI_Cart_shift(COMM(comm), direction, disp, src, dst);
    *src = rank_out(*src);
    *dst = rank_out(*dst);
    return rc;
}

int wr_cart_sub(uintptr_t comm, const int *remain, uintptr_t *out) { COMM_OUT(MPI_Cart_sub(COMM(comm), remain, &c)); }

int wr_cartdim_get(uintptr_t comm, int *ndims) { return MPI_Cartdim_get(COMM(comm), ndims); }

int wr_topo_test(uintptr_t comm, int *status) {
    int t = MPI_UNDEFINED, rc = MPI_Topo_test(COMM(comm), &t);
    *status = t == MPI_CART ? ABI_CART : t == MPI_GRAPH ? ABI_GRAPH : t == MPI_DIST_GRAPH ? ABI_DIST_GRAPH : ABI_UNDEFINED;
    return rc;
}

int wr_graph_create(uintptr_t comm, int nnodes, const int *index, const int *edges, int reorder, uintptr_t *out) {
    COMM_OUT(MPI_Graph_create(COMM(comm), nnodes, index, edges, reorder, &c));
}

/* weights: WR_WEIGHTS_GIVEN uses the array, WR_UNWEIGHTED / WR_WEIGHTS_EMPTY the sentinels. */
static const int *weights_in(int kind, const int *w) {
    if (kind == WR_UNWEIGHTED) return MPI_UNWEIGHTED;
    if (kind == WR_WEIGHTS_EMPTY) return MPI_WEIGHTS_EMPTY;
    return w;
}

int wr_dist_graph_create_adjacent(uintptr_t comm, int indegree, const int *sources, int srcw_kind, const int *srcw,
                                  int outdegree, const int *dests, int dstw_kind, const int *dstw,
                                  uintptr_t info, int reorder, uintptr_t *out) {
    COMM_OUT(MPI_Dist_graph_create_adjacent(COMM(comm), indegree, sources, weights_in(srcw_kind, srcw), outdegree, dests,
                                            weights_in(dstw_kind, dstw), (MPI_Info)(info), reorder, &c));
}

int wr_topo_degrees(uintptr_t comm, int *indegree, int *outdegree) {
    int t = MPI_UNDEFINED, rc = MPI_Topo_test(COMM(comm), &t), weighted = 0;
    *indegree = *outdegree = 0;
    if (rc != MPI_SUCCESS) return rc;
    if (t == MPI_CART) {
        rc = MPI_Cartdim_get(COMM(comm), indegree);
        *indegree *= 2;
        *outdegree = *indegree;
    } else if (t == MPI_GRAPH) {
        int rank;
        MPI_Comm_rank(COMM(comm), &rank);
        rc = MPI_Graph_neighbors_count(COMM(comm), rank, indegree);
        *outdegree = *indegree;
    } else if (t == MPI_DIST_GRAPH) {
        rc = MPI_Dist_graph_neighbors_count(COMM(comm), indegree, outdegree, &weighted);
    }
    return rc;
}


int wr_graphdims_get(uintptr_t comm, int *nnodes, int *nedges) { return MPI_Graphdims_get(COMM(comm), nnodes, nedges); }

int wr_graph_get(uintptr_t comm, int maxindex, int maxedges, int *index, int *edges) {
    return MPI_Graph_get(COMM(comm), maxindex, maxedges, index, edges);
}

int wr_graph_neighbors_count(uintptr_t comm, int rank, int *n) { return MPI_Graph_neighbors_count(COMM(comm), rank, n); }

int wr_graph_neighbors(uintptr_t comm, int rank, int max, int *neighbors) {
    return MPI_Graph_neighbors(COMM(comm), rank, max, neighbors);
}

int wr_dist_graph_neighbors_count(uintptr_t comm, int *indegree, int *outdegree, int *weighted) {
    return MPI_Dist_graph_neighbors_count(COMM(comm), indegree, outdegree, weighted);
}

int wr_dist_graph_neighbors(uintptr_t comm, int maxin, int *sources, int srcw_kind, int *srcw, int maxout, int *dests,
                            int dstw_kind, int *dstw) {
    return MPI_Dist_graph_neighbors(COMM(comm), maxin, sources, (int *)weights_in(srcw_kind, srcw), maxout, dests,
                                    (int *)weights_in(dstw_kind, dstw));
}

int wr_comm_info(uintptr_t comm, int *info) {
    int inter = 0, rc = MPI_Comm_size(COMM(comm), &info[0]);
    if (rc == MPI_SUCCESS) rc = MPI_Comm_rank(COMM(comm), &info[1]);
    if (rc == MPI_SUCCESS) rc = MPI_Comm_test_inter(COMM(comm), &inter);
    info[2] = inter;
    info[3] = 0;
    info[4] = info[5] = 0;
    if (rc == MPI_SUCCESS && inter) rc = MPI_Comm_remote_size(COMM(comm), &info[3]);
    if (rc == MPI_SUCCESS && !inter) rc = wr_topo_degrees(comm, &info[4], &info[5]);
    return rc;
}

int wr_comm_idup(uintptr_t comm, uintptr_t *cell, uintptr_t *req) {
    /* Open MPI 4.1 stores the new communicator when the request completes,
     * long after this function returned: not into a stack variable. */
    MPI_Comm *c = malloc(sizeof *c);
    MPI_Request r = MPI_REQUEST_NULL;
    if (!c)
        return MPI_ERR_NO_MEM;
    *c = MPI_COMM_NULL;
    int rc = MPI_Comm_idup(COMM(comm), c, &r);
    if (rc != MPI_SUCCESS) {
        free(c);
        return rc;
    }
    *cell = (uintptr_t)c;
    *req = (uintptr_t)r;
    return rc;
}

uintptr_t wr_comm_idup_take(uintptr_t cell) {
    MPI_Comm *c = (MPI_Comm *)cell;
    MPI_Comm v = *c;
    free(c);
    return (uintptr_t)v;
}

int wr_intercomm_create(uintptr_t local, int local_leader, uintptr_t peer, int remote_leader, int tag, uintptr_t *out) {
    COMM_OUT(MPI_Intercomm_create(COMM(local), local_leader, COMM(peer), remote_leader, tag, &c));
}

int wr_intercomm_merge(uintptr_t inter, int high, uintptr_t *out) { COMM_OUT(MPI_Intercomm_merge(COMM(inter), high, &c)); }

int wr_dist_graph_create(uintptr_t comm, int n, const int *sources, const int *degrees, const int *dests, int w_kind,
                         const int *weights, uintptr_t info, int reorder, uintptr_t *out) {
    COMM_OUT(MPI_Dist_graph_create(COMM(comm), n, sources, degrees, dests, weights_in(w_kind, weights), (MPI_Info)(info), reorder, &c));
}

int wr_cart_map(uintptr_t comm, int ndims, const int *dims, const int *periods, int *newrank) {
    int rc = MPI_Cart_map(COMM(comm), ndims, dims, periods, newrank);
    *newrank = rank_out(*newrank);
    return rc;
}

int wr_graph_map(uintptr_t comm, int nnodes, const int *index, const int *edges, int *newrank) {
    int rc = MPI_Graph_map(COMM(comm), nnodes, index, edges, newrank);
    *newrank = rank_out(*newrank);
    return rc;
}
