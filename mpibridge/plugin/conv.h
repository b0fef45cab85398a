/* What every C file of the bridge shares: casts from the uintptr_t the Go
 * side passes to host handles, and the translation of the standard ABI's
 * sentinels (ranks, tags, MPI_UNDEFINED) and of statuses between the guest
 * and the host. Besides three
 * declarations, only static inline functions, so each file may include it. */
#ifndef WASMRUN_CONV_H
#define WASMRUN_CONV_H
#include <mpi.h>
#include <stdint.h>
#include <string.h>

#include "calls.h"
#include "shim.h"

/* Standard ABI sentinel values (mpi.h of the guest). */
enum {
    ABI_ANY_SOURCE = -1, ABI_ANY_TAG = -2, ABI_PROC_NULL = -3, ABI_ROOT = -4,
    ABI_UNDEFINED = -32766,
};

#define COMM(h) ((MPI_Comm)(h))
#define TYPE(h) ((MPI_Datatype)(h))
#define OP(h) ((MPI_Op)(h))
#define GROUP(h) ((MPI_Group)(h))
#define SBUF(p) ((p) == WR_IN_PLACE ? MPI_IN_PLACE : (void *)(p))
#define RBUF(p) ((void *)(p))

static inline int rank_in(int r) {
    switch (r) {
    case ABI_ANY_SOURCE: return MPI_ANY_SOURCE;
    case ABI_PROC_NULL: return MPI_PROC_NULL;
    case ABI_ROOT: return MPI_ROOT;
    case ABI_UNDEFINED: return MPI_UNDEFINED;
    }
    return r;
}

static inline int rank_out(int r) {
    if (r == MPI_ANY_SOURCE) return ABI_ANY_SOURCE;
    if (r == MPI_PROC_NULL) return ABI_PROC_NULL;
    if (r == MPI_ROOT) return ABI_ROOT;
    if (r == MPI_UNDEFINED) return ABI_UNDEFINED;
    return r;
}

static inline int tag_in(int t) { return t == ABI_ANY_TAG ? MPI_ANY_TAG : t; }
static inline int tag_out(int t) { return t == MPI_ANY_TAG ? ABI_ANY_TAG : t; }
static inline int undefined_out(int v) { return v == MPI_UNDEFINED ? ABI_UNDEFINED : v; }

/* status_out writes a host status in the guest's layout (calls.h). */
static inline void status_out(const MPI_Status *s, int32_t *g) {
    MPI_Count bytes = 0;
    int cancelled = 0;
    if (g == NULL) return;
    g[0] = rank_out(s->MPI_SOURCE);
    g[1] = tag_out(s->MPI_TAG);
    g[2] = s->MPI_ERROR == MPI_SUCCESS ? 0 : wr_abi_errclass(s->MPI_ERROR);
#if defined(OPEN_MPI)
    bytes = (MPI_Count)s->_ucount;
    cancelled = s->_cancelled;
#elif defined(MPICH)
    /* MPICH keeps the byte count in count_lo (low 32 bits) and the upper
     * bits of count_hi_and_cancelled, whose bit 0 is the cancelled flag
     * (MPIR_STATUS_GET_COUNT / MPIR_STATUS_GET_CANCEL_BIT in MPICH 3.0+). */
    bytes = (MPI_Count)(((uint64_t)((uint32_t)s->count_hi_and_cancelled >> 1) << 32) | (uint32_t)s->count_lo);
    cancelled = s->count_hi_and_cancelled & 1;
#else
    MPI_Get_elements_x(s, MPI_BYTE, &bytes);
    MPI_Test_cancelled(s, &cancelled);
/* Open MPI 4.1 lacks MPI_Isendrecv: calls_pair.c builds it from a send, a
 * receive and a generalized request, which completes only when the bridge
 * says so. Every completion call lets the open pairs progress first:
 * wr_pairs_test tests them all, wr_pairs_wait waits for those among reqs,
 * wr_pairs_among says whether one is among reqs. */
int wr_pairs_test(void);
int wr_pairs_wait(int n, const MPI_Request *reqs);
int wr_pairs_among(int n, const MPI_Request *reqs);

#endif
    g[3] = (int32_t)(uint32_t)((uint64_t)bytes & 0xffffffffu);
    g[4] = (int32_t)(uint32_t)((uint64_t)bytes >> 32);
    g[5] = cancelled ? 1 : 0;
}

static inline void status_init(MPI_Status *s) {
    memset(s, 0, sizeof *s);
    s->MPI_ERROR = MPI_SUCCESS;
}

/* Open MPI 4.1 lacks MPI_Isendrecv: calls_pair.c builds it from a send, a
 * receive and a generalized request, which completes only when the bridge
 * says so. Every completion call lets the open pairs progress first:
 * wr_pairs_test tests them all, wr_pairs_wait waits for those among reqs,
 * wr_pairs_among says whether one is among reqs. */
int wr_pairs_test(void);
int wr_pairs_wait(int n, const MPI_Request *reqs);
int wr_pairs_among(int n, const MPI_Request *reqs);

#endif
