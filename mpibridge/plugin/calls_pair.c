/* MPI_Isendrecv and MPI_Isendrecv_replace (MPI-4.0).
 *
 * A host whose mpi.h implements MPI-4 has both; they are passed through
 * (but see below for MPICH 4.0). Elsewhere (Open MPI 4.1) the pair is built
 * here: an Isend and an Irecv under one generalized request, which the
 * guest holds.
 * A generalized request completes only when MPI_Grequest_complete is
 * called, and nothing but the bridge can call it (the guest has one
 * thread), so every completion call of the bridge first lets the open
 * pairs make progress: the Test family tests their halves, the Wait family
 * waits for the halves of the pairs it was given (Waitany and Waitsome,
 * which need any one of several, test in a loop instead). With no pair
 * open that costs one comparison. */
#include <mpi.h>
#include <stdlib.h>
#include <string.h>

#include "conv.h"

/* MPICH 4.0's own MPI_Isendrecv gives statuses with tag 0 and count 0 and
 * crashes with MPI_PROC_NULL partners (natively too: tests/testdata/
 * isendrecv.c built with mpicc.mpich 4.0.2), so it is used only from 4.1. */
#if MPI_VERSION >= 4 && (!defined(MPICH_NUMVERSION) || MPICH_NUMVERSION >= 40100000)
#define WR_NATIVE_ISENDRECV 1
#endif

#ifdef WR_NATIVE_ISENDRECV

int wr_isendrecv(uintptr_t sbuf, int scount, uintptr_t stype, int dest, int stag, uintptr_t rbuf, int rcount,
                 uintptr_t rtype, int src, int rtag, uintptr_t comm, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Isendrecv((const void *)sbuf, scount, TYPE(stype), rank_in(dest), stag, (void *)rbuf, rcount,
                           TYPE(rtype), rank_in(src), tag_in(rtag), COMM(comm), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_isendrecv_replace(uintptr_t buf, int count, uintptr_t type, int dest, int stag, int src, int rtag,
                         uintptr_t comm, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Isendrecv_replace((void *)buf, count, TYPE(type), rank_in(dest), stag, rank_in(src),
                                   tag_in(rtag), COMM(comm), &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_pairs_test(void) { return MPI_SUCCESS; }
int wr_pairs_wait(int n, const MPI_Request *reqs) {
    (void)n;
    (void)reqs;
    return MPI_SUCCESS;
}
int wr_pairs_among(int n, const MPI_Request *reqs) {
    (void)n;
    (void)reqs;
    return 0;
}

#else

struct pair {
    MPI_Request greq;   /* what the guest holds */
    MPI_Request sub[2]; /* the send, the receive */
    MPI_Status recv;    /* the receive's status, once done */
    void *packed;       /* Isendrecv_replace: the packed copy being sent */
    int from_null;      /* the receive is from MPI_PROC_NULL */
    int done;           /* the generalized request is complete */
    struct pair *next;
};

static struct pair *pairs; /* every pair whose request still exists */
static int open_pairs;     /* those not yet complete */

static int pair_query(void *extra, MPI_Status *st) {
    struct pair *p = extra;
    int bytes = 0, cancelled = 0;
    MPI_Get_count(&p->recv, MPI_BYTE, &bytes);
    MPI_Test_cancelled(&p->recv, &cancelled);
    st->MPI_SOURCE = p->recv.MPI_SOURCE;
    st->MPI_TAG = p->recv.MPI_TAG;
    MPI_Status_set_elements(st, MPI_BYTE, bytes == MPI_UNDEFINED ? 0 : bytes);
    MPI_Status_set_cancelled(st, cancelled);
    return MPI_SUCCESS;
}

static int pair_free(void *extra) {
    struct pair *p = extra;
    for (struct pair **q = &pairs; *q != NULL; q = &(*q)->next)
        if (*q == p) {
            *q = p->next;
            break;
        }
    free(p->packed);
    free(p);
    return MPI_SUCCESS;
}

static int pair_cancel(void *extra, int complete) {
    struct pair *p = extra;
    if (!complete)
        for (int i = 0; i < 2; i++)
            if (p->sub[i] != MPI_REQUEST_NULL) MPI_Cancel(&p->sub[i]);
    return MPI_SUCCESS;
}

/* pair_start wraps the two started halves in a generalized request. */
static int pair_start(struct pair *p, uintptr_t *req) {
    int rc = MPI_Grequest_start(pair_query, pair_free, pair_cancel, p, &p->greq);
    if (rc != MPI_SUCCESS) {
        /* The halves are started; let them finish before giving up. */
        MPI_Status st[2];
        MPI_Waitall(2, p->sub, st);
        free(p->packed);
        free(p);
        return rc;
    }
    p->next = pairs;
    pairs = p;
    open_pairs++;
    *req = (uintptr_t)p->greq;
    return MPI_SUCCESS;
}

static void pair_finish(struct pair *p, MPI_Status *st) {
    p->recv = st[1];
    if (p->from_null) {
        /* the empty status; MPICH 4.0 leaves a PROC_NULL receive's as it was */
        status_init(&p->recv);
        p->recv.MPI_SOURCE = MPI_PROC_NULL;
        p->recv.MPI_TAG = MPI_ANY_TAG;
    }
    p->done = 1;
    open_pairs--;
    MPI_Grequest_complete(p->greq);
}

int wr_isendrecv(uintptr_t sbuf, int scount, uintptr_t stype, int dest, int stag, uintptr_t rbuf, int rcount,
                 uintptr_t rtype, int src, int rtag, uintptr_t comm, uintptr_t *req) {
    struct pair *p = calloc(1, sizeof *p);
    if (p == NULL) return MPI_ERR_NO_MEM;
    p->sub[0] = p->sub[1] = MPI_REQUEST_NULL;
    p->from_null = rank_in(src) == MPI_PROC_NULL;
    int rc = MPI_Irecv((void *)rbuf, rcount, TYPE(rtype), rank_in(src), tag_in(rtag), COMM(comm), &p->sub[1]);
    if (rc != MPI_SUCCESS) {
        free(p);
        return rc;
    }
    rc = MPI_Isend((const void *)sbuf, scount, TYPE(stype), rank_in(dest), stag, COMM(comm), &p->sub[0]);
    if (rc != MPI_SUCCESS) {
        MPI_Cancel(&p->sub[1]);
        MPI_Wait(&p->sub[1], MPI_STATUS_IGNORE);
        free(p);
        return rc;
    }
    return pair_start(p, req);
}

int wr_isendrecv_replace(uintptr_t buf, int count, uintptr_t type, int dest, int stag, int src, int rtag,
                         uintptr_t comm, uintptr_t *req) {
    int size = 0, pos = 0;
    int rc = MPI_Pack_size(count, TYPE(type), COMM(comm), &size);
    if (rc != MPI_SUCCESS) return rc;
    struct pair *p = calloc(1, sizeof *p);
    if (p == NULL) return MPI_ERR_NO_MEM;
    p->sub[0] = p->sub[1] = MPI_REQUEST_NULL;
    p->from_null = rank_in(src) == MPI_PROC_NULL;
    p->packed = malloc(size > 0 ? (size_t)size : 1);
    if (p->packed == NULL) {
        free(p);
        return MPI_ERR_NO_MEM;
    }
    rc = MPI_Pack((void *)buf, count, TYPE(type), p->packed, size, &pos, COMM(comm));
    if (rc == MPI_SUCCESS)
        rc = MPI_Irecv((void *)buf, count, TYPE(type), rank_in(src), tag_in(rtag), COMM(comm), &p->sub[1]);
    if (rc != MPI_SUCCESS) {
        free(p->packed);
        free(p);
        return rc;
    }
    rc = MPI_Isend(p->packed, pos, MPI_PACKED, rank_in(dest), stag, COMM(comm), &p->sub[0]);
    if (rc != MPI_SUCCESS) {
        MPI_Cancel(&p->sub[1]);
        MPI_Wait(&p->sub[1], MPI_STATUS_IGNORE);
        free(p->packed);
        free(p);
        return rc;
    }
    return pair_start(p, req);
}

/* wr_pairs_test lets every open pair progress without blocking. */
int wr_pairs_test(void) {
    if (open_pairs == 0) return MPI_SUCCESS;
    for (struct pair *p = pairs; p != NULL; p = p->next) {
        if (p->done) continue;
        MPI_Status st[2];
        int flag = 0;
        status_init(&st[0]);
        status_init(&st[1]);
        int rc = MPI_Testall(2, p->sub, &flag, st);
        if (flag || rc != MPI_SUCCESS) pair_finish(p, st);
        if (rc != MPI_SUCCESS) return rc;
    }
    return MPI_SUCCESS;
}

static struct pair *open_pair(MPI_Request r) {
    for (struct pair *p = pairs; p != NULL; p = p->next)
        if (!p->done && p->greq == r) return p;
    return NULL;
}

/* wr_pairs_wait waits for the halves of every open pair among reqs. */
int wr_pairs_wait(int n, const MPI_Request *reqs) {
    if (open_pairs == 0) return MPI_SUCCESS;
    for (int i = 0; i < n; i++) {
        struct pair *p = open_pair(reqs[i]);
        if (p == NULL) continue;
        MPI_Status st[2];
        status_init(&st[0]);
        status_init(&st[1]);
        int rc = MPI_Waitall(2, p->sub, st);
        pair_finish(p, st); /* also on error: nothing else would complete it */
        if (rc != MPI_SUCCESS) return rc;
    }
    return MPI_SUCCESS;
}

/* wr_pairs_among says whether an open pair is among reqs. */
int wr_pairs_among(int n, const MPI_Request *reqs) {
    if (open_pairs == 0) return 0;
    for (int i = 0; i < n; i++)
        if (open_pair(reqs[i]) != NULL) return 1;
    return 0;
}

#endif

/* ---- generalized requests (MPI_Grequest_start) ----
 * The guest's query, free and cancel functions are called through the
 * function wr_set_greq gave (wasmrun's Go wasmrunGreq), with the id the
 * bridge chose for the request; a query fills a guest-layout status
 * (calls.h), turned into the host's here. */
static wr_greq_fn *greq_cb;

void wr_set_greq(wr_greq_fn *fn) { greq_cb = fn; }

static int greq_query(void *extra, MPI_Status *st) {
    int32_t g[8] = {0};
    if (greq_cb == NULL) return MPI_ERR_INTERN;
    int rc = greq_cb(WR_GREQ_QUERY, (int)(intptr_t)extra, 0, g);
    st->MPI_SOURCE = rank_in(g[0]);
    st->MPI_TAG = tag_in(g[1]);
    MPI_Status_set_elements_x(st, MPI_BYTE, (MPI_Count)(((uint64_t)(uint32_t)g[4] << 32) | (uint32_t)g[3]));
    MPI_Status_set_cancelled(st, g[5] != 0);
    return rc == 0 ? MPI_SUCCESS : MPI_ERR_OTHER;
}

static int greq_free(void *extra) {
    if (greq_cb == NULL) return MPI_ERR_INTERN;
    return greq_cb(WR_GREQ_FREE, (int)(intptr_t)extra, 0, NULL) == 0 ? MPI_SUCCESS : MPI_ERR_OTHER;
}

static int greq_cancel(void *extra, int complete) {
    if (greq_cb == NULL) return MPI_ERR_INTERN;
    return greq_cb(WR_GREQ_CANCEL, (int)(intptr_t)extra, complete, NULL) == 0 ? MPI_SUCCESS : MPI_ERR_OTHER;
}

int wr_grequest_start(int id, uintptr_t *req) {
    MPI_Request r = MPI_REQUEST_NULL;
    int rc = MPI_Grequest_start(greq_query, greq_free, greq_cancel, (void *)(intptr_t)id, &r);
    *req = (uintptr_t)r;
    return rc;
}

int wr_grequest_complete(uintptr_t req) { return MPI_Grequest_complete((MPI_Request)req); }
