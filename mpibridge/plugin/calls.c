/* Host side of the MPI bridge: see calls.h. */
#include <mpi.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "conv.h"
#include "calls_ext.h"

/* Standard ABI values besides conv.h's sentinels (mpi.h of the guest). */
enum {
    ABI_THREAD_SINGLE = 0, ABI_THREAD_FUNNELED = 1024, ABI_THREAD_SERIALIZED = 2048, ABI_THREAD_MULTIPLE = 4096,
    ABI_IDENT = 201, ABI_CONGRUENT = 202, ABI_SIMILAR = 203, ABI_UNEQUAL = 204,
    ABI_COMM_TYPE_SHARED = 221,
    ABI_TAG_UB = 501, ABI_IO = 502, ABI_HOST = 503, ABI_WTIME_IS_GLOBAL = 504,
    ABI_UNIVERSE_SIZE = 505, ABI_APPNUM = 506, ABI_LASTUSEDCODE = 507,
};

static int compare_out(int r) {
    if (r == MPI_IDENT) return ABI_IDENT;
    if (r == MPI_CONGRUENT) return ABI_CONGRUENT;
    if (r == MPI_SIMILAR) return ABI_SIMILAR;
    return ABI_UNEQUAL;
}

static int thread_in(int level) {
    if (level >= ABI_THREAD_MULTIPLE) return MPI_THREAD_MULTIPLE;
    if (level >= ABI_THREAD_SERIALIZED) return MPI_THREAD_SERIALIZED;
    if (level >= ABI_THREAD_FUNNELED) return MPI_THREAD_FUNNELED;
    return MPI_THREAD_SINGLE;
}

static int thread_out(int level) {
    if (level == MPI_THREAD_MULTIPLE) return ABI_THREAD_MULTIPLE;
    if (level == MPI_THREAD_SERIALIZED) return ABI_THREAD_SERIALIZED;
    if (level == MPI_THREAD_FUNNELED) return ABI_THREAD_FUNNELED;
    return ABI_THREAD_SINGLE;
}

/* Scratch space for host statuses of multi-request calls (single threaded). */
static MPI_Status *scratch;
static int scratch_len;

static MPI_Status *statuses_for(int n, int32_t *guest) {
    if (guest == NULL || n <= 0) return MPI_STATUSES_IGNORE;
    if (n > scratch_len) {
        MPI_Status *p = realloc(scratch, (size_t)n * sizeof *p);
        if (p == NULL) return NULL;
        scratch = p;
        scratch_len = n;
    }
    for (int i = 0; i < n; i++) status_init(&scratch[i]);
    return scratch;
}

/* ---- environment ---- */

int wr_init(int required, int *provided) {
    int flag = 0, host = MPI_THREAD_SINGLE, rc;
    int level = thread_in(required);
    if (level > MPI_THREAD_FUNNELED) level = MPI_THREAD_FUNNELED;
    MPI_Initialized(&flag);
    if (!flag) {
        wr_rma_preinit();
        rc = MPI_Init_thread(NULL, NULL, level, &host);
        if (rc != MPI_SUCCESS) return rc;
    } else {
        MPI_Query_thread(&host);
    }
    /* Errors come back to the bridge, which applies the guest's handler. */
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN);
    rc = wr_predef_init();
    *provided = thread_out(host);
    return rc;
}

int wr_initialized(int *flag) { return MPI_Initialized(flag); }
int wr_finalized(int *flag) { return MPI_Finalized(flag); }
int wr_finalize(void) { return MPI_Finalize(); }
int wr_abort(uintptr_t comm, int code) {
#if defined(MPICH)
    /* MPICH's hydra launcher ends the job as soon as a rank aborts and can
     * drop what that rank wrote just before (wasmrun's trap or fatal-error
     * report): seen with native MPICH programs too, about 1 run in 50 with
     * stderr on a pipe. A short pause lets hydra forward it first. */
    struct timespec pause = {0, 100 * 1000 * 1000};
    while (nanosleep(&pause, &pause) == -1 && errno == EINTR) {
    }
#endif
    return MPI_Abort(COMM(comm), code);
}
double wr_wtime(void) { return MPI_Wtime(); }
double wr_wtick(void) { return MPI_Wtick(); }

static void copy_string(char *out, int cap, const char *in, int *len) {
    int n = (int)strlen(in);
    if (n > cap - 1) n = cap - 1;
    if (n < 0) n = 0;
    memcpy(out, in, (size_t)n);
    if (cap > 0) out[n] = 0;
    *len = n;
}

int wr_processor_name(char *out, int cap, int *len) {
    char name[MPI_MAX_PROCESSOR_NAME + 1];
    int n = 0, rc = MPI_Get_processor_name(name, &n);
    if (rc != MPI_SUCCESS) return rc;
    name[n < MPI_MAX_PROCESSOR_NAME ? n : MPI_MAX_PROCESSOR_NAME] = 0;
    copy_string(out, cap, name, len);
    return MPI_SUCCESS;
}

int wr_library_version(char *out, int cap, int *len) {
    char v[MPI_MAX_LIBRARY_VERSION_STRING + 1];
    int n = 0, rc = MPI_Get_library_version(v, &n);
    if (rc != MPI_SUCCESS) return rc;
    v[n < MPI_MAX_LIBRARY_VERSION_STRING ? n : MPI_MAX_LIBRARY_VERSION_STRING] = 0;
    copy_string(out, cap, v, len);
    return MPI_SUCCESS;
}

int wr_comm_attr(uintptr_t comm, int abi_key, int32_t *value, int *flag) {
    int key;
    switch (abi_key) {
    case ABI_TAG_UB: key = MPI_TAG_UB; break;
    case ABI_IO: key = MPI_IO; break;
    case ABI_HOST: key = MPI_HOST; break;
    case ABI_WTIME_IS_GLOBAL: key = MPI_WTIME_IS_GLOBAL; break;
    case ABI_UNIVERSE_SIZE: key = MPI_UNIVERSE_SIZE; break;
    case ABI_APPNUM: key = MPI_APPNUM; break;
    case ABI_LASTUSEDCODE: key = MPI_LASTUSEDCODE; break;
    default: return MPI_ERR_KEYVAL;
    }
    int *v = NULL;
    int rc = MPI_Comm_get_attr(COMM(comm), key, &v, flag);
    if (rc != MPI_SUCCESS) return rc;
    if (*flag && v != NULL) {
        *value = (abi_key == ABI_IO || abi_key == ABI_HOST) ? rank_out(*v) : *v;
    } else {
        *flag = 0;
    }
    return MPI_SUCCESS;
}

/* ---- point to point ---- */

int wr_send(uintptr_t buf, int count, uintptr_t type, int dest, int tag, uintptr_t comm, int mode) {
    void *b = RBUF(buf);
    dest = rank_in(dest);
    switch (mode) {
    case WR_SYNC: return MPI_Ssend(b, count, TYPE(type), dest, tag, COMM(comm));
    case WR_READY: return MPI_Rsend(b, count, TYPE(type), dest, tag, COMM(comm));
    case WR_BUFFERED: return MPI_Bsend(b, count, TYPE(type), dest, tag, COMM(comm));
    }
    return MPI_Send(b, count, TYPE(type), dest, tag, COMM(comm));
}

int wr_isend(uintptr_t buf, int count, uintptr_t type, int dest, int tag, uintptr_t comm, int mode, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    void *b = RBUF(buf);
    int rc;
    dest = rank_in(dest);
    switch (mode) {
    case WR_SYNC: rc = MPI_Issend(b, count, TYPE(type), dest, tag, COMM(comm), &r); break;
    case WR_READY: rc = MPI_Irsend(b, count, TYPE(type), dest, tag, COMM(comm), &r); break;
    case WR_BUFFERED: rc = MPI_Ibsend(b, count, TYPE(type), dest, tag, COMM(comm), &r); break;
    default: rc = MPI_Isend(b, count, TYPE(type), dest, tag, COMM(comm), &r);
    }
    *req = (uintptr_t)r;
    return rc;
}

int wr_recv(uintptr_t buf, int count, uintptr_t type, int src, int tag, uintptr_t comm, int32_t *status) {
    if (status == NULL)
        return MPI_Recv(RBUF(buf), count, TYPE(type), rank_in(src), tag_in(tag), COMM(comm), MPI_STATUS_IGNORE);
    MPI_Status s;
    status_init(&s);
    int rc = MPI_Recv(RBUF(buf), count, TYPE(type), rank_in(src), tag_in(tag), COMM(comm), &s);
    status_out(&s, status);
    return rc;
}

int wr_irecv(uintptr_t buf, int count, uintptr_t type, int src, int tag, uintptr_t comm, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Irecv(RBUF(buf), count, TYPE(type), rank_in(src), tag_in(tag), COMM(comm), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_sendrecv(uintptr_t sbuf, int scount, uintptr_t stype, int dest, int stag,
                uintptr_t rbuf, int rcount, uintptr_t rtype, int src, int rtag, uintptr_t comm, int32_t *status) {
    MPI_Status s;
    status_init(&s);
    int rc = MPI_Sendrecv(RBUF(sbuf), scount, TYPE(stype), rank_in(dest), stag,
                          RBUF(rbuf), rcount, TYPE(rtype), rank_in(src), tag_in(rtag), COMM(comm), &s);
    status_out(&s, status);
    return rc;
}

int wr_sendrecv_replace(uintptr_t buf, int count, uintptr_t type, int dest, int stag, int src, int rtag,
                        uintptr_t comm, int32_t *status) {
    MPI_Status s;
    status_init(&s);
    int rc = MPI_Sendrecv_replace(RBUF(buf), count, TYPE(type), rank_in(dest), stag, rank_in(src), tag_in(rtag),
                                  COMM(comm), &s);
    status_out(&s, status);
    return rc;
}

int wr_probe(int src, int tag, uintptr_t comm, int32_t *status) {
    MPI_Status s;
    status_init(&s);
    int rc = MPI_Probe(rank_in(src), tag_in(tag), COMM(comm), &s);
    status_out(&s, status);
    return rc;
}

int wr_iprobe(int src, int tag, uintptr_t comm, int *flag, int32_t *status) {
    MPI_Status s;
    status_init(&s);
    int rc = MPI_Iprobe(rank_in(src), tag_in(tag), COMM(comm), flag, &s);
    if (*flag) status_out(&s, status);
    return rc;
}

/* The host MPI keeps its bookkeeping, host pointers included, inside the
 * buffer given to MPI_Buffer_attach (MPICH does): a guest that could read
 * and write it would see host addresses and could steer the host MPI's
 * writes. So the host gets a buffer of its own, of the guest's size. */
static void *bsend_buf;

int wr_buffer_attach(int size) {
    void *p = malloc(size > 0 ? (size_t)size : 1);
    if (!p)
        return MPI_ERR_NO_MEM;
    int rc = MPI_Buffer_attach(p, size);
    if (rc != MPI_SUCCESS) {
        free(p);
        return rc;
    }
    bsend_buf = p;
    return rc;
}

int wr_buffer_detach(int *size) {
    void *p = NULL;
    int rc = MPI_Buffer_detach(&p, size);
    if (rc == MPI_SUCCESS && p != NULL && p == bsend_buf) {
        free(bsend_buf);
        bsend_buf = NULL;
    }
    return rc;
}

/* ---- completion ---- */

uintptr_t wr_request_null(void) { return (uintptr_t)MPI_REQUEST_NULL; }

int wr_wait(uintptr_t *req, int32_t *status) {
    MPI_Request r = (MPI_Request)*req;
    MPI_Status s;
    status_init(&s);
    int rc = wr_pairs_wait(1, &r);
    if (rc != MPI_SUCCESS) return rc;
    rc = MPI_Wait(&r, status ? &s : MPI_STATUS_IGNORE);
    *req = (uintptr_t)r;
    if (status) status_out(&s, status);
    return rc;
}

int wr_test(uintptr_t *req, int *flag, int32_t *status) {
    MPI_Request r = (MPI_Request)*req;
    MPI_Status s;
    status_init(&s);
    int rc = wr_pairs_test();
    if (rc != MPI_SUCCESS) return rc;
    rc = MPI_Test(&r, flag, status ? &s : MPI_STATUS_IGNORE);
    *req = (uintptr_t)r;
    if (*flag && status) status_out(&s, status);
    return rc;
}

/* Host request arrays: MPI_Request is pointer-sized in Open MPI and an int
 * in MPICH, so the uintptr_t array is copied into and out of a host array
 * unless the two have the same size. */
static MPI_Request *reqs_scratch;
static int reqs_len;

static MPI_Request *reqs_in(int n, uintptr_t *reqs) {
    if (sizeof(MPI_Request) == sizeof(uintptr_t)) return (MPI_Request *)(void *)reqs;
    if (n > reqs_len) {
        MPI_Request *p = realloc(reqs_scratch, (size_t)n * sizeof *p);
        if (p == NULL) return NULL;
        reqs_scratch = p;
        reqs_len = n;
    }
    for (int i = 0; i < n; i++) reqs_scratch[i] = (MPI_Request)reqs[i];
    return reqs_scratch;
}

static void reqs_out(int n, MPI_Request *host, uintptr_t *reqs) {
    if ((void *)host == (void *)reqs) return;
    for (int i = 0; i < n; i++) reqs[i] = (uintptr_t)host[i];
}

int wr_waitall(int n, uintptr_t *reqs, int32_t *statuses) {
    MPI_Request *r = reqs_in(n, reqs);
    MPI_Status *s = statuses_for(n, statuses);
    if (n > 0 && (r == NULL || (statuses != NULL && s == NULL))) return MPI_ERR_NO_MEM;
    int rc = wr_pairs_wait(n, r);
    if (rc != MPI_SUCCESS) return rc;
    rc = MPI_Waitall(n, r, s);
    reqs_out(n, r, reqs);
    if (statuses)
        for (int i = 0; i < n; i++) status_out(&s[i], statuses + 8 * i);
    return rc;
}

int wr_testall(int n, uintptr_t *reqs, int *flag, int32_t *statuses) {
    MPI_Request *r = reqs_in(n, reqs);
    MPI_Status *s = statuses_for(n, statuses);
    if (n > 0 && (r == NULL || (statuses != NULL && s == NULL))) return MPI_ERR_NO_MEM;
    int rc = wr_pairs_test();
    if (rc != MPI_SUCCESS) return rc;
    rc = MPI_Testall(n, r, flag, s);
    reqs_out(n, r, reqs);
    if (*flag && statuses)
        for (int i = 0; i < n; i++) status_out(&s[i], statuses + 8 * i);
    return rc;
}

int wr_waitany(int n, uintptr_t *reqs, int *index, int32_t *status) {
    MPI_Request *r = reqs_in(n, reqs);
    if (n > 0 && r == NULL) return MPI_ERR_NO_MEM;
    MPI_Status s;
    status_init(&s);
    int rc;
    if (wr_pairs_among(n, r)) {
        /* Nothing completes an open pair but the bridge: test in a loop. */
        int flag = 0;
        do {
            rc = wr_pairs_test();
            if (rc == MPI_SUCCESS) rc = MPI_Testany(n, r, index, &flag, &s);
        } while (rc == MPI_SUCCESS && !flag);
    } else
        rc = MPI_Waitany(n, r, index, &s);
    reqs_out(n, r, reqs);
    if (*index != MPI_UNDEFINED) status_out(&s, status);
    else if (status) { status_init(&s); s.MPI_SOURCE = MPI_ANY_SOURCE; s.MPI_TAG = MPI_ANY_TAG; status_out(&s, status); }
    *index = undefined_out(*index);
    return rc;
}

int wr_testany(int n, uintptr_t *reqs, int *index, int *flag, int32_t *status) {
    MPI_Request *r = reqs_in(n, reqs);
    if (n > 0 && r == NULL) return MPI_ERR_NO_MEM;
    MPI_Status s;
    status_init(&s);
    int rc = wr_pairs_test();
    if (rc != MPI_SUCCESS) return rc;
    rc = MPI_Testany(n, r, index, flag, &s);
    reqs_out(n, r, reqs);
    if (*flag && *index != MPI_UNDEFINED) status_out(&s, status);
    *index = undefined_out(*index);
    return rc;
}

int wr_waitsome(int n, uintptr_t *reqs, int *outcount, int *indices, int32_t *statuses) {
    MPI_Request *r = reqs_in(n, reqs);
    MPI_Status *s = statuses_for(n, statuses);
    if (n > 0 && (r == NULL || (statuses != NULL && s == NULL))) return MPI_ERR_NO_MEM;
    int rc;
    if (wr_pairs_among(n, r)) {
        do {
            rc = wr_pairs_test();
            if (rc == MPI_SUCCESS) rc = MPI_Testsome(n, r, outcount, indices, s);
        } while (rc == MPI_SUCCESS && *outcount == 0);
    } else
        rc = MPI_Waitsome(n, r, outcount, indices, s);
    reqs_out(n, r, reqs);
    if (statuses && *outcount != MPI_UNDEFINED)
        for (int i = 0; i < *outcount; i++) status_out(&s[i], statuses + 8 * i);
    *outcount = undefined_out(*outcount);
    return rc;
}

int wr_testsome(int n, uintptr_t *reqs, int *outcount, int *indices, int32_t *statuses) {
    MPI_Request *r = reqs_in(n, reqs);
    MPI_Status *s = statuses_for(n, statuses);
    if (n > 0 && (r == NULL || (statuses != NULL && s == NULL))) return MPI_ERR_NO_MEM;
    int rc = wr_pairs_test();
    if (rc != MPI_SUCCESS) return rc;
    rc = MPI_Testsome(n, r, outcount, indices, s);
    reqs_out(n, r, reqs);
    if (statuses && *outcount != MPI_UNDEFINED)
        for (int i = 0; i < *outcount; i++) status_out(&s[i], statuses + 8 * i);
    *outcount = undefined_out(*outcount);
    return rc;
}

int wr_request_free(uintptr_t *req) {
    MPI_Request r = (MPI_Request)*req;
    int rc = MPI_Request_free(&r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_cancel(uintptr_t req) {
    MPI_Request r = (MPI_Request)req;
    /* A complete request, or an inactive persistent one, has nothing to
     * cancel. Open MPI 4.1.4 dereferences NULL when asked to cancel an
     * inactive persistent request (natively too); MPICH refuses it. */
    int done = 0;
    int rc = MPI_Request_get_status(r, &done, MPI_STATUS_IGNORE);
    if (rc != MPI_SUCCESS || done)
        return rc;
    return MPI_Cancel(&r);
}

/* ---- collectives ---- */

int wr_barrier(uintptr_t comm) { return MPI_Barrier(COMM(comm)); }

int wr_bcast(uintptr_t buf, int count, uintptr_t type, int root, uintptr_t comm) {
    /* The bridge passes no buffer (0) where the buffer is not significant:
     * in the root group of an intercommunicator, ranks other than the root
     * (root = MPI_PROC_NULL). MPICH 4.0 still refuses a NULL buffer there
     * with MPI_ERR_BUFFER, so give it a valid address it will not touch. */
    static char unused;
    if (buf == 0) buf = (uintptr_t)&unused;
    return MPI_Bcast(RBUF(buf), count, TYPE(type), rank_in(root), COMM(comm));
}

int wr_gather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm) {
    return MPI_Gather(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), rank_in(root), COMM(comm));
}

int wr_gatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts, const int *displs, uintptr_t rtype, int root, uintptr_t comm) {
    return MPI_Gatherv(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcounts, displs, TYPE(rtype), rank_in(root), COMM(comm));
}

int wr_scatter(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm) {
    return MPI_Scatter(RBUF(sbuf), scount, TYPE(stype), SBUF(rbuf), rcount, TYPE(rtype), rank_in(root), COMM(comm));
}

int wr_scatterv(uintptr_t sbuf, const int *scounts, const int *displs, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, int root, uintptr_t comm) {
    return MPI_Scatterv(RBUF(sbuf), scounts, displs, TYPE(stype), SBUF(rbuf), rcount, TYPE(rtype), rank_in(root), COMM(comm));
}

int wr_allgather(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm) {
    return MPI_Allgather(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), COMM(comm));
}

int wr_allgatherv(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, const int *rcounts, const int *displs, uintptr_t rtype, uintptr_t comm) {
    return MPI_Allgatherv(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcounts, displs, TYPE(rtype), COMM(comm));
}

int wr_alltoall(uintptr_t sbuf, int scount, uintptr_t stype, uintptr_t rbuf, int rcount, uintptr_t rtype, uintptr_t comm) {
    return MPI_Alltoall(SBUF(sbuf), scount, TYPE(stype), RBUF(rbuf), rcount, TYPE(rtype), COMM(comm));
}

int wr_alltoallv(uintptr_t sbuf, const int *scounts, const int *sdispls, uintptr_t stype,
                 uintptr_t rbuf, const int *rcounts, const int *rdispls, uintptr_t rtype, uintptr_t comm) {
    return MPI_Alltoallv(SBUF(sbuf), scounts, sdispls, TYPE(stype), RBUF(rbuf), rcounts, rdispls, TYPE(rtype), COMM(comm));
}

int wr_reduce(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, int root, uintptr_t comm) {
    return MPI_Reduce(SBUF(sbuf), RBUF(rbuf), count, TYPE(type), OP(op), rank_in(root), COMM(comm));
}

int wr_allreduce(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm) {
    return MPI_Allreduce(SBUF(sbuf), RBUF(rbuf), count, TYPE(type), OP(op), COMM(comm));
}

int wr_reduce_scatter(uintptr_t sbuf, uintptr_t rbuf, const int *rcounts, uintptr_t type, uintptr_t op, uintptr_t comm) {
    return MPI_Reduce_scatter(SBUF(sbuf), RBUF(rbuf), rcounts, TYPE(type), OP(op), COMM(comm));
}

int wr_reduce_scatter_block(uintptr_t sbuf, uintptr_t rbuf, int rcount, uintptr_t type, uintptr_t op, uintptr_t comm) {
    return MPI_Reduce_scatter_block(SBUF(sbuf), RBUF(rbuf), rcount, TYPE(type), OP(op), COMM(comm));
}

int wr_scan(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm) {
    return MPI_Scan(SBUF(sbuf), RBUF(rbuf), count, TYPE(type), OP(op), COMM(comm));
}

int wr_exscan(uintptr_t sbuf, uintptr_t rbuf, int count, uintptr_t type, uintptr_t op, uintptr_t comm) {
    return MPI_Exscan(SBUF(sbuf), RBUF(rbuf), count, TYPE(type), OP(op), COMM(comm));
}

int wr_reduce_local(uintptr_t in, uintptr_t inout, int count, uintptr_t type, uintptr_t op) {
    return MPI_Reduce_local(RBUF(in), RBUF(inout), count, TYPE(type), OP(op));
}

/* ---- communicators ---- */

uintptr_t wr_comm_null(void) { return (uintptr_t)MPI_COMM_NULL; }
uintptr_t wr_group_null(void) { return (uintptr_t)MPI_GROUP_NULL; }

int wr_comm_size(uintptr_t comm, int *size) { return MPI_Comm_size(COMM(comm), size); }
int wr_comm_rank(uintptr_t comm, int *rank) { return MPI_Comm_rank(COMM(comm), rank); }

int wr_comm_dup(uintptr_t comm, uintptr_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    int rc = MPI_Comm_dup(COMM(comm), &c);
    *out = (uintptr_t)c;
    return rc;
}

int wr_comm_split(uintptr_t comm, int color, int key, uintptr_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    int rc = MPI_Comm_split(COMM(comm), color == ABI_UNDEFINED ? MPI_UNDEFINED : color, key, &c);
    *out = (uintptr_t)c;
    return rc;
}

int wr_comm_split_type(uintptr_t comm, int abi_type, int key, uintptr_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    int type;
    if (abi_type == ABI_UNDEFINED) type = MPI_UNDEFINED;
    else if (abi_type == ABI_COMM_TYPE_SHARED) type = MPI_COMM_TYPE_SHARED;
    else return MPI_ERR_ARG;
    int rc = MPI_Comm_split_type(COMM(comm), type, key, MPI_INFO_NULL, &c);
    *out = (uintptr_t)c;
    return rc;
}

int wr_comm_create(uintptr_t comm, uintptr_t group, uintptr_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    int rc = MPI_Comm_create(COMM(comm), GROUP(group), &c);
    *out = (uintptr_t)c;
    return rc;
}

int wr_comm_free(uintptr_t *comm) {
    MPI_Comm c = COMM(*comm);
    int rc = MPI_Comm_free(&c);
    *comm = (uintptr_t)c;
    return rc;
}

int wr_comm_compare(uintptr_t a, uintptr_t b, int *result) {
    int r = MPI_UNEQUAL, rc = MPI_Comm_compare(COMM(a), COMM(b), &r);
    *result = compare_out(r);
    return rc;
}

int wr_comm_set_name(uintptr_t comm, const char *name) { return MPI_Comm_set_name(COMM(comm), name); }

int wr_comm_get_name(uintptr_t comm, char *out, int cap, int *len) {
    char name[MPI_MAX_OBJECT_NAME + 1];
    int n = 0, rc = MPI_Comm_get_name(COMM(comm), name, &n);
    if (rc != MPI_SUCCESS) return rc;
    name[n < MPI_MAX_OBJECT_NAME ? n : MPI_MAX_OBJECT_NAME] = 0;
    copy_string(out, cap, name, len);
    return MPI_SUCCESS;
}

/* ---- groups ---- */

#define GROUP_OUT(call)              \
    MPI_Group g = MPI_GROUP_NULL;    \
    int rc = call;                   \
    *out = (uintptr_t)g;             \
    return rc

int wr_comm_group(uintptr_t comm, uintptr_t *out) { GROUP_OUT(MPI_Comm_group(COMM(comm), &g)); }
int wr_comm_remote_group(uintptr_t comm, uintptr_t *out) { GROUP_OUT(MPI_Comm_remote_group(COMM(comm), &g)); }
int wr_group_size(uintptr_t g, int *size) { return MPI_Group_size(GROUP(g), size); }

int wr_group_rank(uintptr_t g, int *rank) {
    int rc = MPI_Group_rank(GROUP(g), rank);
    *rank = undefined_out(*rank);
    return rc;
}

int wr_group_incl(uintptr_t grp, int n, const int *ranks, uintptr_t *out) { GROUP_OUT(MPI_Group_incl(GROUP(grp), n, ranks, &g)); }
int wr_group_excl(uintptr_t grp, int n, const int *ranks, uintptr_t *out) { GROUP_OUT(MPI_Group_excl(GROUP(grp), n, ranks, &g)); }
int wr_group_range_incl(uintptr_t grp, int n, int (*ranges)[3], uintptr_t *out) { GROUP_OUT(MPI_Group_range_incl(GROUP(grp), n, ranges, &g)); }
int wr_group_union(uintptr_t a, uintptr_t b, uintptr_t *out) { GROUP_OUT(MPI_Group_union(GROUP(a), GROUP(b), &g)); }
int wr_group_intersection(uintptr_t a, uintptr_t b, uintptr_t *out) { GROUP_OUT(MPI_Group_intersection(GROUP(a), GROUP(b), &g)); }
int wr_group_difference(uintptr_t a, uintptr_t b, uintptr_t *out) { GROUP_OUT(MPI_Group_difference(GROUP(a), GROUP(b), &g)); }

int wr_group_translate_ranks(uintptr_t a, int n, const int *ranks, uintptr_t b, int *out) {
    int *in = (int *)ranks, *tmp = NULL;
    int rc;
    /* Translate ABI sentinels in the input (MPI_PROC_NULL is allowed). */
    for (int i = 0; i < n; i++) {
        if (ranks[i] < 0) {
            tmp = malloc((size_t)n * sizeof *tmp);
            if (tmp == NULL) return MPI_ERR_NO_MEM;
            for (int j = 0; j < n; j++) tmp[j] = rank_in(ranks[j]);
            in = tmp;
            break;
        }
    }
    rc = MPI_Group_translate_ranks(GROUP(a), n, in, GROUP(b), out);
    free(tmp);
    for (int i = 0; i < n; i++) out[i] = rank_out(out[i]);
    return rc;
}

int wr_group_compare(uintptr_t a, uintptr_t b, int *result) {
    int r = MPI_UNEQUAL, rc = MPI_Group_compare(GROUP(a), GROUP(b), &r);
    *result = compare_out(r);
    return rc;
}

int wr_group_free(uintptr_t *grp) {
    MPI_Group g = GROUP(*grp);
    int rc = MPI_Group_free(&g);
    *grp = (uintptr_t)g;
    return rc;
}

/* ---- datatypes ---- */

int wr_type_size(uintptr_t type, int64_t *size) {
    MPI_Count n = 0;
    int rc = MPI_Type_size_x(TYPE(type), &n);
    *size = (int64_t)n;
    return rc;
}

/* ---- matched probes, request status (MPI-3) ---- */

uintptr_t wr_message_null(void) { return (uintptr_t)MPI_MESSAGE_NULL; }
uintptr_t wr_message_no_proc(void) { return (uintptr_t)MPI_MESSAGE_NO_PROC; }

int wr_mprobe(int src, int tag, uintptr_t comm, uintptr_t *msg, int32_t *status) {
    MPI_Status s;
    MPI_Message m = MPI_MESSAGE_NULL;
    status_init(&s);
    int rc = MPI_Mprobe(rank_in(src), tag_in(tag), COMM(comm), &m, &s);
    *msg = (uintptr_t)m;
    status_out(&s, status);
    return rc;
}

int wr_improbe(int src, int tag, uintptr_t comm, int *flag, uintptr_t *msg, int32_t *status) {
    MPI_Status s;
    MPI_Message m = MPI_MESSAGE_NULL;
    status_init(&s);
    int rc = MPI_Improbe(rank_in(src), tag_in(tag), COMM(comm), flag, &m, &s);
    *msg = (uintptr_t)m;
    if (*flag) status_out(&s, status);
    return rc;
}

int wr_mrecv(uintptr_t buf, int count, uintptr_t type, uintptr_t *msg, int32_t *status) {
    MPI_Status s;
    MPI_Message m = (MPI_Message)(*msg);
    status_init(&s);
    int rc = MPI_Mrecv(RBUF(buf), count, TYPE(type), &m, &s);
    *msg = (uintptr_t)m;
    status_out(&s, status);
    return rc;
}

int wr_imrecv(uintptr_t buf, int count, uintptr_t type, uintptr_t *msg, uintptr_t *req) {
    MPI_Message m = (MPI_Message)(*msg);
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Imrecv(RBUF(buf), count, TYPE(type), &m, &r);
    *msg = (uintptr_t)m;
    *req = (uintptr_t)r;
    return rc;
}

int wr_request_get_status(uintptr_t req, int *flag, int32_t *status) {
    MPI_Status s;
    status_init(&s);
    int rc = wr_pairs_test();
    if (rc != MPI_SUCCESS) return rc;
    rc = MPI_Request_get_status((MPI_Request)req, flag, &s);
    if (*flag) status_out(&s, status);
    return rc;
}

/* ---- communicators and groups (part 3) ---- */

int wr_group_range_excl(uintptr_t grp, int n, int (*ranges)[3], uintptr_t *out) {
    MPI_Group g = MPI_GROUP_NULL;
    int rc = MPI_Group_range_excl(GROUP(grp), n, ranges, &g);
    *out = (uintptr_t)g;
    return rc;
}

int wr_comm_create_group(uintptr_t comm, uintptr_t group, int tag, uintptr_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    int rc = MPI_Comm_create_group(COMM(comm), GROUP(group), tag, &c);
    *out = (uintptr_t)c;
    return rc;
}

int wr_comm_dup_with_info(uintptr_t comm, uintptr_t info, uintptr_t *out) {
    MPI_Comm c = MPI_COMM_NULL;
    int rc = MPI_Comm_dup_with_info(COMM(comm), (MPI_Info)info, &c);
    *out = (uintptr_t)c;
    return rc;
}

int wr_comm_set_info(uintptr_t comm, uintptr_t info) { return MPI_Comm_set_info(COMM(comm), (MPI_Info)info); }

int wr_comm_get_info(uintptr_t comm, uintptr_t *out) {
    MPI_Info i = MPI_INFO_NULL;
    int rc = MPI_Comm_get_info(COMM(comm), &i);
    *out = (uintptr_t)i;
    return rc;
}
