/* Host side of nonblocking and neighbourhood collectives, MPI_Alltoallw and
 * persistent point-to-point requests: see calls.h. */
#include <mpi.h>
#include <stdlib.h>

#include "conv.h"

#define REQ_OUT(call)                    \
    MPI_Request r = MPI_REQUEST_NULL;    \
    int rc = call;                       \
    *req = (uintptr_t)r;                 \
    return rc

int wr_ibarrier(uintptr_t comm, uintptr_t *req) { REQ_OUT(MPI_Ibarrier(COMM(comm), &r)); }

int wr_ibcast(uintptr_t buf, int count, uintptr_t type, int root, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Ibcast(RBUF(buf), count, TYPE(type), rank_in(root), COMM(comm), &r));
}

int wr_igather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Igather(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), rank_in(root), COMM(comm), &r));
}

int wr_iscatter(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Iscatter(RBUF(sbuf), scount, TYPE(stype), SBUF(rbuf), rcount, TYPE(rtype), rank_in(root), COMM(comm), &r));
}

int wr_igatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts, const int *displs, uintptr_t rtype, int root, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Igatherv(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcounts, displs, TYPE(rtype), rank_in(root), COMM(comm), &r));
}

int wr_iscatterv(uintptr_t sbuf, const int *scounts, const int *displs, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Iscatterv(RBUF(sbuf), scounts, displs, TYPE(stype), SBUF(rbuf), rcount, TYPE(rtype), rank_in(root), COMM(comm), &r));
}

int wr_iallgather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Iallgather(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), COMM(comm), &r));
}

int wr_iallgatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts, const int *displs, uintptr_t rtype, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Iallgatherv(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcounts, displs, TYPE(rtype), COMM(comm), &r));
}

int wr_ialltoall(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Ialltoall(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), COMM(comm), &r));
}

int wr_ialltoallv(uintptr_t sbuf, const int *scounts, const int *sdispls, uintptr_t stype,
                  uintptr_t rbuf, const int *rcounts, const int *rdispls, uintptr_t rtype, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Ialltoallv(SBUF(sbuf), scounts, sdispls, TYPE(stype), RBUF(rbuf), rcounts, rdispls, TYPE(rtype), COMM(comm), &r));
}

int wr_ireduce(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, int root, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Ireduce(SBUF(sbuf), RBUF(rbuf), count, TYPE(type), OP(op), rank_in(root), COMM(comm), &r));
}

int wr_iallreduce(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Iallreduce(SBUF(sbuf), RBUF(rbuf), count, TYPE(type), OP(op), COMM(comm), &r));
}

int wr_iscan(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Iscan(SBUF(sbuf), RBUF(rbuf), count, TYPE(type), OP(op), COMM(comm), &r));
}

int wr_iexscan(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Iexscan(SBUF(sbuf), RBUF(rbuf), count, TYPE(type), OP(op), COMM(comm), &r));
}

int wr_ireduce_scatter(uintptr_t sbuf, uintptr_t rbuf, const int *rcounts, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Ireduce_scatter(SBUF(sbuf), RBUF(rbuf), rcounts, TYPE(type), OP(op), COMM(comm), &r));
}

int wr_ireduce_scatter_block(uintptr_t sbuf, uintptr_t rbuf, int rcount, uintptr_t type, uintptr_t op, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Ireduce_scatter_block(SBUF(sbuf), RBUF(rbuf), rcount, TYPE(type), OP(op), COMM(comm), &r));
}

/* MPI_Alltoallw: the datatype arrays hold host handles as uintptr_t. */
int wr_alltoallw(uintptr_t sbuf, const int *scounts, const int *sdispls, const uintptr_t *stypes,
                 uintptr_t rbuf, const int *rcounts, const int *rdispls, const uintptr_t *rtypes, int n, uintptr_t comm) {
    MPI_Datatype *st = malloc((size_t)(n > 0 ? n : 1) * sizeof *st), *rt = malloc((size_t)(n > 0 ? n : 1) * sizeof *rt);
    int rc = MPI_ERR_NO_MEM;
    if (st != NULL && rt != NULL) {
        for (int i = 0; i < n; i++) {
            st[i] = stypes ? TYPE(stypes[i]) : MPI_DATATYPE_NULL;
            rt[i] = TYPE(rtypes[i]);
        }
        rc = MPI_Alltoallw(SBUF(sbuf), scounts, sdispls, st, RBUF(rbuf), rcounts, rdispls, rt, COMM(comm));
    }
    free(st);
    free(rt);
    return rc;
}

int wr_neighbor_allgather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm) {
    return MPI_Neighbor_allgather(RBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), COMM(comm));
}

int wr_neighbor_alltoall(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm) {
    return MPI_Neighbor_alltoall(RBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), COMM(comm));
}

/* persistent point to point */
int wr_send_init(uintptr_t buf, int count, uintptr_t type, int dest, int tag, uintptr_t comm, int mode, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc;
    if (mode == WR_SYNC) rc = MPI_Ssend_init(RBUF(buf), count, TYPE(type), rank_in(dest), tag, COMM(comm), &r);
    else if (mode == WR_READY) rc = MPI_Rsend_init(RBUF(buf), count, TYPE(type), rank_in(dest), tag, COMM(comm), &r);
    else if (mode == WR_BUFFERED) rc = MPI_Bsend_init(RBUF(buf), count, TYPE(type), rank_in(dest), tag, COMM(comm), &r);
    else rc = MPI_Send_init(RBUF(buf), count, TYPE(type), rank_in(dest), tag, COMM(comm), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_recv_init(uintptr_t buf, int count, uintptr_t type, int src, int tag, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Recv_init(RBUF(buf), count, TYPE(type), rank_in(src), tag == ABI_ANY_TAG ? MPI_ANY_TAG : tag, COMM(comm), &r));
}

int wr_start(uintptr_t *req) {
    MPI_Request r = (MPI_Request)(*req);
    int rc = MPI_Start(&r);
    *req = (uintptr_t)r;
    return rc;
}

/* Nonblocking collectives may read their datatype and displacement
 * arrays until they complete, so the host copies made here live in one
 * block that *keep hands back to the bridge, which frees it (wr_free) once
 * the request completes. */
int wr_ialltoallw(uintptr_t sbuf, const int *scounts, const int *sdispls, const uintptr_t *stypes,
                  uintptr_t rbuf, const int *rcounts, const int *rdispls, const uintptr_t *rtypes, int n, uintptr_t comm,
                  uintptr_t *req, uintptr_t *keep) {
    MPI_Datatype *st = malloc((size_t)(n > 0 ? 2 * n : 1) * sizeof *st), *rt = st + n;
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_ERR_NO_MEM;
    if (st != NULL) {
        for (int i = 0; i < n; i++) {
            st[i] = stypes ? TYPE(stypes[i]) : MPI_DATATYPE_NULL;
            rt[i] = TYPE(rtypes[i]);
        }
        rc = MPI_Ialltoallw(SBUF(sbuf), scounts, sdispls, st, RBUF(rbuf), rcounts, rdispls, rt, COMM(comm), &r);
    }
    *req = (uintptr_t)r;
    *keep = (uintptr_t)st;
    return rc;
}

void wr_free(uintptr_t p) { free((void *)p); }

/* Neighbourhood collectives with counts and displacements, blocking (req
 * NULL) or not. */
int wr_neighbor_allgatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts,
                           const int *displs, uintptr_t rtype, uintptr_t comm, uintptr_t *req) {
    if (req == NULL)
        return MPI_Neighbor_allgatherv(RBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcounts, displs, TYPE(rtype), COMM(comm));
    REQ_OUT(MPI_Ineighbor_allgatherv(RBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcounts, displs, TYPE(rtype), COMM(comm), &r));
}

int wr_neighbor_alltoallv(uintptr_t sbuf, const int *scounts, const int *sdispls, uintptr_t stype, uintptr_t rbuf,
                          const int *rcounts, const int *rdispls, uintptr_t rtype, uintptr_t comm, uintptr_t *req) {
    if (req == NULL)
        return MPI_Neighbor_alltoallv(RBUF(sbuf), scounts, sdispls, TYPE(stype), RBUF(rbuf), rcounts, rdispls, TYPE(rtype), COMM(comm));
    REQ_OUT(MPI_Ineighbor_alltoallv(RBUF(sbuf), scounts, sdispls, TYPE(stype), RBUF(rbuf), rcounts, rdispls, TYPE(rtype), COMM(comm), &r));
}

int wr_neighbor_alltoallw(uintptr_t sbuf, const int *scounts, const int32_t *gsdispls, const uintptr_t *stypes, int outdeg,
                          uintptr_t rbuf, const int *rcounts, const int32_t *grdispls, const uintptr_t *rtypes, int indeg,
                          uintptr_t comm, uintptr_t *req, uintptr_t *keep) {
    size_t n = (size_t)outdeg + (size_t)indeg;
    char *block = malloc(n * (sizeof(MPI_Datatype) + sizeof(MPI_Aint)) + 1);
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_ERR_NO_MEM;
    if (block != NULL) {
        MPI_Aint *sd = (MPI_Aint *)block, *rd = sd + outdeg;
        MPI_Datatype *st = (MPI_Datatype *)(rd + indeg), *rt = st + outdeg;
        for (int i = 0; i < outdeg; i++) { st[i] = TYPE(stypes[i]); sd[i] = gsdispls[i]; }
        for (int i = 0; i < indeg; i++) { rt[i] = TYPE(rtypes[i]); rd[i] = grdispls[i]; }
        if (req == NULL)
            rc = MPI_Neighbor_alltoallw(RBUF(sbuf), scounts, sd, st, RBUF(rbuf), rcounts, rd, rt, COMM(comm));
        else
            rc = MPI_Ineighbor_alltoallw(RBUF(sbuf), scounts, sd, st, RBUF(rbuf), rcounts, rd, rt, COMM(comm), &r);
    }
    if (req == NULL) {
        free(block);
    } else {
        *req = (uintptr_t)r;
        *keep = (uintptr_t)block;
    }
    return rc;
}

int wr_ineighbor_allgather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Ineighbor_allgather(RBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), COMM(comm), &r));
}

int wr_ineighbor_alltoall(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm, uintptr_t *req) {
    REQ_OUT(MPI_Ineighbor_alltoall(RBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), COMM(comm), &r));
}
