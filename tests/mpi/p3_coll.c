/*
 * p3_coll.c - the rest of the collectives on process topologies:
 * MPI_Ialltoallw (+ MPI_Wait; a different datatype per peer, byte
 * displacements, gaps), MPI_Neighbor_allgather(v), MPI_Neighbor_alltoall,
 * MPI_Neighbor_alltoallv, MPI_Neighbor_alltoallw (MPI_Aint byte
 * displacements, a datatype per neighbour) and the nonblocking
 * MPI_Ineighbor_allgather, MPI_Ineighbor_allgatherv, MPI_Ineighbor_alltoall,
 * MPI_Ineighbor_alltoallv and MPI_Ineighbor_alltoallw (each alone + MPI_Wait,
 * then all five outstanding at once + MPI_Waitall), on a periodic 1-D
 * Cartesian communicator, a 2-D Cartesian communicator (periodic in the
 * first dimension only) and a communicator from MPI_Dist_graph_create (the
 * general form: each rank contributes the edges of another rank; weighted),
 * checked with MPI_Dist_graph_neighbors_count and MPI_Dist_graph_neighbors;
 * MPI_Cart_map and MPI_Graph_map (the whole job; a grid one smaller).
 *
 * Every block that goes from rank s to rank d carries values that depend
 * only on s, d and the position in the block, and its length depends only
 * on s and d. A periodic dimension of size 1 or 2 makes the two neighbours
 * of that dimension one process, and MPI-3.1 does not say which of the two
 * messages lands in which block; with these contents both give the same
 * result. Blocks of MPI_PROC_NULL neighbours must stay untouched.
 *
 * The MPI_Ialltoallw layouts start at displacement 0 on one rank, like
 * icoll's MPI_Alltoallw (Open MPI 4.1's coll/self scales MPI_Alltoallw's
 * byte displacements by the type extent there), and have a leading gap only
 * with more ranks.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- self-check harness (identical in every program of tests/mpi) ----
 * Each rank counts failed checks of the current test group; t_end() sums
 * them over MPI_COMM_WORLD and rank 0 prints "ok <group>" or
 * "FAIL <group>: ...". Details of failures go to stderr with the rank.
 * t_finish() prints "PASS <prog>" / "FAIL <prog>" and returns the exit code,
 * identical on all ranks. */
static int t_rank, t_size;
static const char *t_prog = "";
static const char *t_group = "";
static int t_group_fails;  /* failed checks in the current group, this rank */
static int t_failed_groups; /* same value on every rank */
static char t_detail[160];  /* first failed check of the group on this rank */

#define T_CHECK_(cond, text, ...)                                             \
    do {                                                                      \
        if (!(cond)) {                                                        \
            t_group_fails++;                                                  \
            fprintf(stderr, "[rank %d] %s: %s:%d: check failed: %s: ",       \
                    t_rank, t_group, __FILE__, __LINE__, text);               \
            fprintf(stderr, __VA_ARGS__);                                     \
            fputc('\n', stderr);                                              \
            if (t_detail[0] == '\0')                                          \
                snprintf(t_detail, sizeof t_detail, "line %d: %.120s",       \
                         __LINE__, text);                                     \
        }                                                                     \
    } while (0)
/* the check text is the source text, never macro-expanded, so that stdout
 * does not depend on how a given mpi.h defines its constants */
#define CHECKF(cond, ...) T_CHECK_(cond, #cond, __VA_ARGS__)
#define CHECK(cond) T_CHECK_(cond, #cond, "%s", "false")
/* an MPI call that must return MPI_SUCCESS */
#define MPI_OK(call) T_CHECK_((call) == MPI_SUCCESS, #call, "%s", "error returned")

static void t_init(const char *prog)
{
    t_prog = prog;
    MPI_Comm_rank(MPI_COMM_WORLD, &t_rank);
    MPI_Comm_size(MPI_COMM_WORLD, &t_size);
}

static void t_begin(const char *group)
{
    t_group = group;
    t_group_fails = 0;
    t_detail[0] = '\0';
}

static void t_end(void)
{
    int loc[2] = {t_group_fails, t_group_fails ? 1 : 0}, sum[2];
    MPI_Allreduce(loc, sum, 2, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (sum[0] != 0)
        t_failed_groups++;
    if (t_rank == 0) {
        if (sum[0] == 0)
            printf("ok %s\n", t_group);
        else if (t_detail[0] != '\0')
            printf("FAIL %s: %d failed check(s) on %d rank(s); rank 0 %s\n",
                   t_group, sum[0], sum[1], t_detail);
        else
            printf("FAIL %s: %d failed check(s) on %d rank(s), see stderr\n",
                   t_group, sum[0], sum[1]);
        fflush(stdout);
    }
}

/* prints the verdict, finalizes MPI and returns the exit code */
static inline int t_finish(void)
{
    int verdict = t_failed_groups != 0;
    MPI_Bcast(&verdict, 1, MPI_INT, 0, MPI_COMM_WORLD);
    if (t_rank == 0) {
        printf("%s %s\n", verdict ? "FAIL" : "PASS", t_prog);
        fflush(stdout);
    }
    MPI_Finalize();
    return verdict;
}
/* ---- end of harness ---- */

#define W MPI_COMM_WORLD
#define SENT (-1) /* the value of every int that must stay untouched */

static int *ialloc(int n, int v)
{
    int *p = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    for (int k = 0; k < n; k++)
        p[k] = v;
    return p;
}

/* ---- MPI_Ialltoallw on MPI_COMM_WORLD ---- */

static void test_ialltoallw(void)
{
    /* rank i sends j + 1 ints to rank j, in one of three layouts chosen by
     * (i + j) % 3: j + 1 MPI_INTs, one contiguous type of j + 1 ints, or one
     * vector type picking every second int. It receives i + 1 ints from
     * rank j, chosen by (2i + j) % 3: MPI_INTs, a contiguous type, or a
     * vector type with stride 3 whose gaps stay untouched. Byte
     * displacements, two ints between blocks, and a leading gap of three
     * ints when there is more than one rank. */
    int n = t_size, lead = t_size > 1 ? 3 : 0;
    int *sc = ialloc(n, 0), *sd = ialloc(n, 0), *rc = ialloc(n, 0), *rd = ialloc(n, 0);
    MPI_Datatype *st = malloc(sizeof(MPI_Datatype) * (size_t)n);
    MPI_Datatype *rt = malloc(sizeof(MPI_Datatype) * (size_t)n);
    int *spos = ialloc(n, 0), *rpos = ialloc(n, 0); /* block starts in ints */
    int sints = lead, rints = lead;
    for (int j = 0; j < n; j++) {
        int c = j + 1, ch = (t_rank + j) % 3;
        spos[j] = sints;
        sd[j] = sints * (int)sizeof(int);
        if (ch == 0) {
            st[j] = MPI_INT;
            sc[j] = c;
            sints += c;
        } else if (ch == 1) {
            MPI_OK(MPI_Type_contiguous(c, MPI_INT, &st[j]));
            MPI_OK(MPI_Type_commit(&st[j]));
            sc[j] = 1;
            sints += c;
        } else {
            MPI_OK(MPI_Type_vector(c, 1, 2, MPI_INT, &st[j]));
            MPI_OK(MPI_Type_commit(&st[j]));
            sc[j] = 1;
            sints += 2 * c - 1;
        }
        sints += 2;
        c = t_rank + 1;
        ch = (2 * t_rank + j) % 3;
        rpos[j] = rints;
        rd[j] = rints * (int)sizeof(int);
        if (ch == 0) {
            rt[j] = MPI_INT;
            rc[j] = c;
            rints += c;
        } else if (ch == 1) {
            MPI_OK(MPI_Type_contiguous(c, MPI_INT, &rt[j]));
            MPI_OK(MPI_Type_commit(&rt[j]));
            rc[j] = 1;
            rints += c;
        } else {
            MPI_OK(MPI_Type_vector(c, 1, 3, MPI_INT, &rt[j]));
            MPI_OK(MPI_Type_commit(&rt[j]));
            rc[j] = 1;
            rints += 3 * c - 2;
        }
        rints += 2;
    }
    int *s = ialloc(sints, SENT), *r = ialloc(rints, SENT), *expect = ialloc(rints, SENT);
    for (int j = 0; j < n; j++) {
        int step = (t_rank + j) % 3 == 2 ? 2 : 1;
        for (int k = 0; k <= j; k++)
            s[spos[j] + step * k] = t_rank * 1000 + j * 10 + k + 1;
        step = (2 * t_rank + j) % 3 == 2 ? 3 : 1;
        for (int k = 0; k <= t_rank; k++)
            expect[rpos[j] + step * k] = j * 1000 + t_rank * 10 + k + 1;
    }
    MPI_Request rq = MPI_REQUEST_NULL;
    MPI_OK(MPI_Ialltoallw(s, sc, sd, st, r, rc, rd, rt, W, &rq));
    CHECK(rq != MPI_REQUEST_NULL);
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    CHECK(rq == MPI_REQUEST_NULL);
    for (int k = 0; k < rints; k++)
        CHECKF(r[k] == expect[k], "r[%d]=%d expected %d", k, r[k], expect[k]);
    /* the send buffer is unchanged */
    for (int j = 0; j < n; j++) {
        int step = (t_rank + j) % 3 == 2 ? 2 : 1;
        for (int k = 0; k <= j; k++)
            CHECK(s[spos[j] + step * k] == t_rank * 1000 + j * 10 + k + 1);
    }
    for (int j = 0; j < n; j++) {
        if (st[j] != MPI_INT)
            MPI_OK(MPI_Type_free(&st[j]));
        if (rt[j] != MPI_INT)
            MPI_OK(MPI_Type_free(&rt[j]));
    }
    free(s);
    free(r);
    free(expect);
    free(sc);
    free(sd);
    free(rc);
    free(rd);
    free(st);
    free(rt);
    free(spos);
    free(rpos);
}

/* ---- neighbourhood collectives ---- */

/* a communicator with a topology and its neighbours in the order the
 * neighbourhood collectives use */
typedef struct {
    const char *name;
    MPI_Comm comm;
    int indeg, outdeg;
    int src[8], dst[8];
} topo_t;

/* the block from s to d: its length and its k-th value */
static int nb_count(int s, int d)
{
    if (s < 0 || d < 0)
        return 2;
    return 1 + (s + 2 * d) % 3;
}

static int nb_val(int s, int d, int k)
{
    return s * 1000 + d * 10 + k + 1;
}

/* what s sends to all its neighbours in allgather(v) */
static int ag_count(int s)
{
    return s < 0 ? 2 : 1 + s % 3;
}

static int ag_val(int s, int k)
{
    return s * 1000 + 500 + k + 1;
}

enum { AG, AGV, A2A, A2AV, A2AW, NKINDS };
static const char *kind_name[NKINDS] = {"allgather", "allgatherv", "alltoall", "alltoallv",
                                        "alltoallw"};

/* one neighbourhood collective: buffers, arguments and the expected result */
typedef struct {
    int kind;
    const topo_t *t;
    int *s, *r, *expect, rlen;
    int sc[8], sd[8], rc[8], rd[8];
    MPI_Aint sdw[8], rdw[8];
    MPI_Datatype st[8], rt[8];
    MPI_Request req;
} nop_t;

static void nop_prep(nop_t *o, int kind, const topo_t *t)
{
    int me = t_rank, sl = 0, rl = 0;
    memset(o, 0, sizeof *o);
    o->kind = kind;
    o->t = t;
    o->req = MPI_REQUEST_NULL;
    for (int i = 0; i < 8; i++)
        o->st[i] = o->rt[i] = MPI_INT;
    switch (kind) {
    case AG: /* 2 ints to everyone, blocks of 2 back to back */
        o->s = ialloc(2, SENT);
        o->s[0] = ag_val(me, 0);
        o->s[1] = ag_val(me, 1);
        o->rlen = 2 * t->indeg;
        o->r = ialloc(o->rlen, SENT);
        o->expect = ialloc(o->rlen, SENT);
        for (int j = 0; j < t->indeg; j++)
            if (t->src[j] != MPI_PROC_NULL)
                for (int k = 0; k < 2; k++)
                    o->expect[2 * j + k] = ag_val(t->src[j], k);
        break;
    case AGV: /* ag_count(me) ints; uneven blocks with a lead of 1 and gaps of 2 */
        o->s = ialloc(ag_count(me), SENT);
        for (int k = 0; k < ag_count(me); k++)
            o->s[k] = ag_val(me, k);
        rl = 1;
        for (int j = 0; j < t->indeg; j++) {
            o->rc[j] = ag_count(t->src[j]);
            o->rd[j] = rl;
            rl += o->rc[j] + 2;
        }
        o->rlen = rl;
        o->r = ialloc(rl, SENT);
        o->expect = ialloc(rl, SENT);
        for (int j = 0; j < t->indeg; j++)
            if (t->src[j] != MPI_PROC_NULL)
                for (int k = 0; k < o->rc[j]; k++)
                    o->expect[o->rd[j] + k] = ag_val(t->src[j], k);
        break;
    case A2A: /* 3 ints per block, block i goes to dst[i] */
        o->s = ialloc(3 * t->outdeg, SENT);
        for (int i = 0; i < t->outdeg; i++)
            for (int k = 0; k < 3; k++)
                o->s[3 * i + k] = nb_val(me, t->dst[i], k);
        o->rlen = 3 * t->indeg;
        o->r = ialloc(o->rlen, SENT);
        o->expect = ialloc(o->rlen, SENT);
        for (int j = 0; j < t->indeg; j++)
            if (t->src[j] != MPI_PROC_NULL)
                for (int k = 0; k < 3; k++)
                    o->expect[3 * j + k] = nb_val(t->src[j], me, k);
        break;
    case A2AV: /* nb_count ints per block; displacements in ints, gaps */
        sl = 2;
        for (int i = 0; i < t->outdeg; i++) {
            o->sc[i] = nb_count(me, t->dst[i]);
            o->sd[i] = sl;
            sl += o->sc[i] + 1;
        }
        o->s = ialloc(sl, SENT);
        for (int i = 0; i < t->outdeg; i++)
            for (int k = 0; k < o->sc[i]; k++)
                o->s[o->sd[i] + k] = nb_val(me, t->dst[i], k);
        rl = 1;
        for (int j = 0; j < t->indeg; j++) {
            o->rc[j] = nb_count(t->src[j], me);
            o->rd[j] = rl;
            rl += o->rc[j] + 2;
        }
        o->rlen = rl;
        o->r = ialloc(rl, SENT);
        o->expect = ialloc(rl, SENT);
        for (int j = 0; j < t->indeg; j++)
            if (t->src[j] != MPI_PROC_NULL)
                for (int k = 0; k < o->rc[j]; k++)
                    o->expect[o->rd[j] + k] = nb_val(t->src[j], me, k);
        break;
    case A2AW: {
        /* send block i: by i % 3 MPI_INTs, a contiguous type or a vector
         * of stride 2; receive block j: by (j + 1) % 3 MPI_INTs, a
         * contiguous type or a vector of stride 3. MPI_Aint byte
         * displacements with a lead and gaps. */
        int spos[8], rpos[8];
        sl = 1;
        for (int i = 0; i < t->outdeg; i++) {
            int c = nb_count(me, t->dst[i]);
            spos[i] = sl;
            o->sdw[i] = (MPI_Aint)sl * (MPI_Aint)sizeof(int);
            if (i % 3 == 0) {
                o->sc[i] = c;
                sl += c;
            } else if (i % 3 == 1) {
                MPI_OK(MPI_Type_contiguous(c, MPI_INT, &o->st[i]));
                MPI_OK(MPI_Type_commit(&o->st[i]));
                o->sc[i] = 1;
                sl += c;
            } else {
                MPI_OK(MPI_Type_vector(c, 1, 2, MPI_INT, &o->st[i]));
                MPI_OK(MPI_Type_commit(&o->st[i]));
                o->sc[i] = 1;
                sl += 2 * c - 1;
            }
            sl += 1;
        }
        o->s = ialloc(sl, SENT);
        for (int i = 0; i < t->outdeg; i++) {
            int step = i % 3 == 2 ? 2 : 1;
            for (int k = 0; k < nb_count(me, t->dst[i]); k++)
                o->s[spos[i] + step * k] = nb_val(me, t->dst[i], k);
        }
        rl = 2;
        for (int j = 0; j < t->indeg; j++) {
            int c = nb_count(t->src[j], me);
            rpos[j] = rl;
            o->rdw[j] = (MPI_Aint)rl * (MPI_Aint)sizeof(int);
            if ((j + 1) % 3 == 0) {
                o->rc[j] = c;
                rl += c;
            } else if ((j + 1) % 3 == 1) {
                MPI_OK(MPI_Type_contiguous(c, MPI_INT, &o->rt[j]));
                MPI_OK(MPI_Type_commit(&o->rt[j]));
                o->rc[j] = 1;
                rl += c;
            } else {
                MPI_OK(MPI_Type_vector(c, 1, 3, MPI_INT, &o->rt[j]));
                MPI_OK(MPI_Type_commit(&o->rt[j]));
                o->rc[j] = 1;
                rl += 3 * c - 2;
            }
            rl += 2;
        }
        o->rlen = rl;
        o->r = ialloc(rl, SENT);
        o->expect = ialloc(rl, SENT);
        for (int j = 0; j < t->indeg; j++) {
            int step = (j + 1) % 3 == 2 ? 3 : 1;
            if (t->src[j] != MPI_PROC_NULL)
                for (int k = 0; k < nb_count(t->src[j], me); k++)
                    o->expect[rpos[j] + step * k] = nb_val(t->src[j], me, k);
        }
        break;
    }
    }
}

/* blocking when nonblocking is 0, otherwise starts it into o->req */
static void nop_issue(nop_t *o, int nonblocking)
{
    MPI_Comm c = o->t->comm;
    MPI_Request *q = &o->req;
    switch (o->kind) {
    case AG:
        if (nonblocking)
            MPI_OK(MPI_Ineighbor_allgather(o->s, 2, MPI_INT, o->r, 2, MPI_INT, c, q));
        else
            MPI_OK(MPI_Neighbor_allgather(o->s, 2, MPI_INT, o->r, 2, MPI_INT, c));
        break;
    case AGV:
        if (nonblocking)
            MPI_OK(MPI_Ineighbor_allgatherv(o->s, ag_count(t_rank), MPI_INT, o->r, o->rc, o->rd,
                                            MPI_INT, c, q));
        else
            MPI_OK(MPI_Neighbor_allgatherv(o->s, ag_count(t_rank), MPI_INT, o->r, o->rc, o->rd,
                                           MPI_INT, c));
        break;
    case A2A:
        if (nonblocking)
            MPI_OK(MPI_Ineighbor_alltoall(o->s, 3, MPI_INT, o->r, 3, MPI_INT, c, q));
        else
            MPI_OK(MPI_Neighbor_alltoall(o->s, 3, MPI_INT, o->r, 3, MPI_INT, c));
        break;
    case A2AV:
        if (nonblocking)
            MPI_OK(MPI_Ineighbor_alltoallv(o->s, o->sc, o->sd, MPI_INT, o->r, o->rc, o->rd,
                                           MPI_INT, c, q));
        else
            MPI_OK(MPI_Neighbor_alltoallv(o->s, o->sc, o->sd, MPI_INT, o->r, o->rc, o->rd,
                                          MPI_INT, c));
        break;
    case A2AW:
        if (nonblocking)
            MPI_OK(MPI_Ineighbor_alltoallw(o->s, o->sc, o->sdw, o->st, o->r, o->rc, o->rdw,
                                           o->rt, c, q));
        else
            MPI_OK(MPI_Neighbor_alltoallw(o->s, o->sc, o->sdw, o->st, o->r, o->rc, o->rdw,
                                          o->rt, c));
        break;
    }
    if (nonblocking)
        CHECKF(o->req != MPI_REQUEST_NULL, "%s %s: no request", o->t->name,
               kind_name[o->kind]);
}

static void nop_finish(nop_t *o, const char *how)
{
    CHECK(o->req == MPI_REQUEST_NULL);
    for (int k = 0; k < o->rlen; k++)
        CHECKF(o->r[k] == o->expect[k], "%s %s %s: r[%d]=%d expected %d", o->t->name, how,
               kind_name[o->kind], k, o->r[k], o->expect[k]);
    for (int i = 0; i < 8; i++) {
        if (o->st[i] != MPI_INT)
            MPI_OK(MPI_Type_free(&o->st[i]));
        if (o->rt[i] != MPI_INT)
            MPI_OK(MPI_Type_free(&o->rt[i]));
    }
    free(o->s);
    free(o->r);
    free(o->expect);
}

/* every neighbourhood collective on t: blocking, nonblocking one at a time,
 * and the five nonblocking ones outstanding together */
static void run_neighbor(const topo_t *t)
{
    nop_t o[NKINDS];
    for (int k = 0; k < NKINDS; k++) {
        nop_prep(&o[0], k, t);
        nop_issue(&o[0], 0);
        nop_finish(&o[0], "blocking");
    }
    for (int k = 0; k < NKINDS; k++) {
        nop_prep(&o[0], k, t);
        nop_issue(&o[0], 1);
        MPI_OK(MPI_Wait(&o[0].req, MPI_STATUS_IGNORE));
        nop_finish(&o[0], "wait");
    }
    MPI_Request rq[NKINDS];
    for (int k = 0; k < NKINDS; k++) {
        nop_prep(&o[k], k, t);
        nop_issue(&o[k], 1);
        rq[k] = o[k].req;
    }
    MPI_OK(MPI_Waitall(NKINDS, rq, MPI_STATUSES_IGNORE));
    for (int k = 0; k < NKINDS; k++) {
        CHECK(rq[k] == MPI_REQUEST_NULL);
        o[k].req = rq[k];
        nop_finish(&o[k], "waitall");
    }
}

/* a Cartesian communicator's neighbours: per dimension the -1 then the +1
 * neighbour of MPI_Cart_shift */
static void cart_topo(topo_t *t, const char *name, int ndims, const int *dims,
                      const int *periods)
{
    t->name = name;
    MPI_OK(MPI_Cart_create(W, ndims, dims, periods, 0, &t->comm));
    t->indeg = t->outdeg = 2 * ndims;
    for (int d = 0; d < ndims; d++) {
        int lo = -5, hi = -5;
        MPI_OK(MPI_Cart_shift(t->comm, d, 1, &lo, &hi));
        t->src[2 * d] = t->dst[2 * d] = lo;
        t->src[2 * d + 1] = t->dst[2 * d + 1] = hi;
    }
}

static void test_cart1d(void)
{
    topo_t t;
    int dims[1] = {t_size}, periods[1] = {1};
    cart_topo(&t, "cart1d", 1, dims, periods);
    /* periodic: the neighbours are the ring neighbours, never MPI_PROC_NULL */
    CHECKF(t.src[0] == (t_rank + t_size - 1) % t_size && t.src[1] == (t_rank + 1) % t_size,
           "neighbours %d %d", t.src[0], t.src[1]);
    run_neighbor(&t);
    MPI_OK(MPI_Comm_free(&t.comm));
}

static void test_cart2d(void)
{
    topo_t t;
    int dims[2] = {0, 0}, periods[2] = {1, 0};
    MPI_OK(MPI_Dims_create(t_size, 2, dims));
    cart_topo(&t, "cart2d", 2, dims, periods);
    /* the non-periodic second dimension has MPI_PROC_NULL at its edges */
    int coords[2] = {-1, -1};
    MPI_OK(MPI_Cart_coords(t.comm, t_rank, 2, coords));
    CHECK((coords[1] == 0) == (t.src[2] == MPI_PROC_NULL));
    CHECK((coords[1] == dims[1] - 1) == (t.src[3] == MPI_PROC_NULL));
    CHECK(t.src[0] != MPI_PROC_NULL && t.src[1] != MPI_PROC_NULL);
    run_neighbor(&t);
    MPI_OK(MPI_Comm_free(&t.comm));
}

/* the graph of the dist-graph test: s -> s + 1; 0 -> 0 with two or more
 * ranks; s -> s + 2 for even s with four or more ranks (all mod n) */
static int dg_dests(int s, int n, int *d)
{
    int k = 0;
    d[k++] = (s + 1) % n;
    if (n >= 2 && s == 0)
        d[k++] = 0;
    if (n >= 4 && s % 2 == 0)
        d[k++] = (s + 2) % n;
    return k;
}

static int dg_weight(int s, int d)
{
    return 1 + 10 * s + d;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

static void test_dist_graph(void)
{
    topo_t t;
    int n = t_size, me = t_rank;
    t.name = "distgraph";
    /* this rank contributes the edges of source rank (me + 1) % n */
    int s = (me + 1) % n, d[4], w[4];
    int deg = dg_dests(s, n, d);
    for (int k = 0; k < deg; k++)
        w[k] = dg_weight(s, d[k]);
    MPI_OK(MPI_Dist_graph_create(W, 1, &s, &deg, d, w, MPI_INFO_NULL, 0, &t.comm));
    int topo = -1;
    MPI_OK(MPI_Topo_test(t.comm, &topo));
    CHECK(topo == MPI_DIST_GRAPH);

    /* the expected neighbours, sorted */
    int ein[8], eout[8], nin = 0, nout = 0;
    for (int q = 0; q < n; q++) {
        int qd[4], qn = dg_dests(q, n, qd);
        for (int k = 0; k < qn; k++) {
            if (q == me)
                eout[nout++] = qd[k];
            if (qd[k] == me)
                ein[nin++] = q;
        }
    }
    qsort(ein, (size_t)nin, sizeof(int), cmp_int);
    qsort(eout, (size_t)nout, sizeof(int), cmp_int);

    int indeg = -1, outdeg = -1, weighted = -1;
    MPI_OK(MPI_Dist_graph_neighbors_count(t.comm, &indeg, &outdeg, &weighted));
    CHECKF(indeg == nin && outdeg == nout, "indegree %d (expected %d), outdegree %d (%d)", indeg,
           nin, outdeg, nout);
    CHECKF(weighted == 1, "weighted %d", weighted);
    if (indeg != nin || outdeg != nout)
        return;
    int sw[8], dw[8];
    for (int k = 0; k < 8; k++)
        t.src[k] = t.dst[k] = sw[k] = dw[k] = -7;
    MPI_OK(MPI_Dist_graph_neighbors(t.comm, nin, t.src, sw, nout, t.dst, dw));
    /* MPI-3.1 leaves the order to the library: compare as sets, and each
     * weight with its edge */
    int got[8];
    memcpy(got, t.src, sizeof(int) * (size_t)nin);
    qsort(got, (size_t)nin, sizeof(int), cmp_int);
    for (int k = 0; k < nin; k++)
        CHECKF(got[k] == ein[k], "source %d: %d expected %d", k, got[k], ein[k]);
    memcpy(got, t.dst, sizeof(int) * (size_t)nout);
    qsort(got, (size_t)nout, sizeof(int), cmp_int);
    for (int k = 0; k < nout; k++)
        CHECKF(got[k] == eout[k], "destination %d: %d expected %d", k, got[k], eout[k]);
    for (int k = 0; k < nin; k++)
        CHECKF(sw[k] == dg_weight(t.src[k], me), "source weight %d: %d for %d", k, sw[k],
               t.src[k]);
    for (int k = 0; k < nout; k++)
        CHECKF(dw[k] == dg_weight(me, t.dst[k]), "destination weight %d: %d for %d", k, dw[k],
               t.dst[k]);
    /* the same order again */
    int src2[8], dst2[8];
    MPI_OK(MPI_Dist_graph_neighbors(t.comm, nin, src2, MPI_UNWEIGHTED, nout, dst2,
                                    MPI_UNWEIGHTED));
    CHECK(memcmp(src2, t.src, sizeof(int) * (size_t)nin) == 0);
    CHECK(memcmp(dst2, t.dst, sizeof(int) * (size_t)nout) == 0);
    t.indeg = nin;
    t.outdeg = nout;
    run_neighbor(&t);
    MPI_OK(MPI_Comm_free(&t.comm));
}

/* gathers v from every rank and checks that the values other than
 * MPI_UNDEFINED are distinct and in [0, m), with exactly `undef` of them
 * MPI_UNDEFINED */
static void check_map(int v, int m, int undef, const char *what)
{
    int *all = ialloc(t_size, 0), nundef = 0;
    MPI_OK(MPI_Allgather(&v, 1, MPI_INT, all, 1, MPI_INT, W));
    int *seen = ialloc(m > 0 ? m : 1, 0);
    for (int r = 0; r < t_size; r++) {
        if (all[r] == MPI_UNDEFINED) {
            nundef++;
            continue;
        }
        CHECKF(all[r] >= 0 && all[r] < m, "%s: rank %d maps to %d", what, r, all[r]);
        if (all[r] >= 0 && all[r] < m) {
            CHECKF(seen[all[r]] == 0, "%s: %d given twice", what, all[r]);
            seen[all[r]] = 1;
        }
    }
    CHECKF(nundef == undef, "%s: %d MPI_UNDEFINED, expected %d", what, nundef, undef);
    free(all);
    free(seen);
}

/* a ring of m nodes without self loops or repeated edges */
static void ring_graph(int m, int *index, int *edges)
{
    int e = 0;
    for (int i = 0; i < m; i++) {
        int a = (i + m - 1) % m, b = (i + 1) % m;
        if (a != i)
            edges[e++] = a;
        if (b != i && b != a)
            edges[e++] = b;
        index[i] = e;
    }
}

static void test_map(void)
{
    int dims[2] = {0, 0}, periods[2] = {1, 0}, nr = -9;
    MPI_OK(MPI_Dims_create(t_size, 2, dims));
    MPI_OK(MPI_Cart_map(W, 2, dims, periods, &nr));
    check_map(nr, t_size, 0, "cart_map");
    int index[8], edges[16];
    ring_graph(t_size, index, edges);
    nr = -9;
    MPI_OK(MPI_Graph_map(W, t_size, index, edges, &nr));
    check_map(nr, t_size, 0, "graph_map");
    if (t_size < 2)
        return;
    /* A grid one smaller than the job leaves one rank out. Open MPI 4.1
     * ignores the grid on a communicator without a topology of that kind
     * (it returns the rank), so these map from a Cartesian and a graph
     * communicator. */
    MPI_Comm cart, graph;
    int d1[1] = {t_size}, p1[1] = {1};
    MPI_OK(MPI_Cart_create(W, 1, d1, p1, 0, &cart));
    d1[0] = t_size - 1;
    p1[0] = 0;
    nr = -9;
    MPI_OK(MPI_Cart_map(cart, 1, d1, p1, &nr));
    check_map(nr, t_size - 1, 1, "cart_map smaller");
    MPI_OK(MPI_Graph_create(W, t_size, index, edges, 0, &graph));
    ring_graph(t_size - 1, index, edges);
    nr = -9;
    MPI_OK(MPI_Graph_map(graph, t_size - 1, index, edges, &nr));
    check_map(nr, t_size - 1, 1, "graph_map smaller");
    MPI_OK(MPI_Comm_free(&graph));
    MPI_OK(MPI_Comm_free(&cart));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("p3_coll");

    t_begin("ialltoallw");
    test_ialltoallw();
    t_end();
    t_begin("neighbor-cart1d-periodic");
    test_cart1d();
    t_end();
    t_begin("neighbor-cart2d");
    test_cart2d();
    t_end();
    t_begin("neighbor-dist-graph");
    test_dist_graph();
    t_end();
    t_begin("cart-graph-map");
    test_map();
    t_end();

    return t_finish();
}
