/*
 * coll.c - collectives with exact value checks, every root:
 * MPI_Barrier, MPI_Bcast, MPI_Gather, MPI_Gatherv, MPI_Scatter,
 * MPI_Scatterv, MPI_Allgather, MPI_Allgatherv, MPI_Alltoall, MPI_Alltoallv,
 * MPI_Reduce, MPI_Allreduce, MPI_Reduce_scatter, MPI_Reduce_scatter_block,
 * MPI_Scan, MPI_Exscan, MPI_Reduce_local, and MPI_IN_PLACE wherever the
 * standard allows it on an intracommunicator (Gather/Gatherv and Reduce at
 * the root, Scatter/Scatterv recvbuf at the root, Allgather(v),
 * Alltoall(v), Allreduce, Reduce_scatter(_block), Scan, Exscan).
 *
 * Variable-size layouts leave gaps between blocks that must stay untouched.
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
#define SENT (-7777) /* sentinel for untouched slots */

static int *ialloc(int n, int v)
{
    int *p = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    for (int i = 0; i < n; i++)
        p[i] = v;
    return p;
}

/* value that rank r contributes at element i */
static int val(int r, int i) { return r * 100 + i; }

static void test_barrier(void)
{
    MPI_OK(MPI_Barrier(W));
    /* after a barrier every rank has passed the message below */
    int x = t_rank, y = -1;
    MPI_Request rq;
    MPI_OK(MPI_Irecv(&y, 1, MPI_INT, (t_rank + t_size - 1) % t_size, 1, W, &rq));
    MPI_OK(MPI_Send(&x, 1, MPI_INT, (t_rank + 1) % t_size, 1, W));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    CHECK(y == (t_rank + t_size - 1) % t_size);
    MPI_OK(MPI_Barrier(W));
}

static void test_bcast(void)
{
    for (int root = 0; root < t_size; root++) {
        int b[10];
        double d[3];
        for (int i = 0; i < 10; i++)
            b[i] = t_rank == root ? val(root, i) : SENT;
        for (int i = 0; i < 3; i++)
            d[i] = t_rank == root ? root + i * 0.25 : -1.0;
        MPI_OK(MPI_Bcast(b, 10, MPI_INT, root, W));
        MPI_OK(MPI_Bcast(d, 3, MPI_DOUBLE, root, W));
        for (int i = 0; i < 10; i++)
            CHECKF(b[i] == val(root, i), "root %d b[%d]=%d", root, i, b[i]);
        for (int i = 0; i < 3; i++)
            CHECKF(d[i] == root + i * 0.25, "root %d d[%d]=%g", root, i, d[i]);
    }
    /* zero count */
    int z = 5;
    MPI_OK(MPI_Bcast(&z, 0, MPI_INT, 0, W));
    CHECK(z == 5);
}

static void test_gather(int in_place)
{
    const int c = 3;
    for (int root = 0; root < t_size; root++) {
        int s[3], *r = NULL;
        for (int i = 0; i < c; i++)
            s[i] = val(t_rank, i);
        if (t_rank == root) {
            r = ialloc(c * t_size, SENT);
            if (in_place)
                for (int i = 0; i < c; i++)
                    r[root * c + i] = val(root, i);
        }
        if (in_place && t_rank == root)
            MPI_OK(MPI_Gather(MPI_IN_PLACE, c, MPI_INT, r, c, MPI_INT, root, W));
        else
            MPI_OK(MPI_Gather(s, c, MPI_INT, r, c, MPI_INT, root, W));
        if (t_rank == root) {
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < c; i++)
                    CHECKF(r[j * c + i] == val(j, i), "root %d r[%d]=%d", root,
                           j * c + i, r[j * c + i]);
            free(r);
        }
    }
}

/* counts[j] = j + 1, displs with a gap of 2 between blocks */
static void v_layout(int *counts, int *displs, int *total)
{
    int off = 1;
    for (int j = 0; j < t_size; j++) {
        counts[j] = j + 1;
        displs[j] = off;
        off += counts[j] + 2;
    }
    *total = off;
}

static void test_gatherv(int in_place)
{
    int *counts = ialloc(t_size, 0), *displs = ialloc(t_size, 0), total;
    v_layout(counts, displs, &total);
    for (int root = 0; root < t_size; root++) {
        int *s = ialloc(t_rank + 1, 0), *r = NULL;
        for (int i = 0; i <= t_rank; i++)
            s[i] = val(t_rank, i);
        if (t_rank == root) {
            r = ialloc(total, SENT);
            if (in_place)
                for (int i = 0; i < counts[root]; i++)
                    r[displs[root] + i] = val(root, i);
        }
        if (in_place && t_rank == root)
            MPI_OK(MPI_Gatherv(MPI_IN_PLACE, t_rank + 1, MPI_INT, r, counts,
                               displs, MPI_INT, root, W));
        else
            MPI_OK(MPI_Gatherv(s, t_rank + 1, MPI_INT, r, counts, displs,
                               MPI_INT, root, W));
        if (t_rank == root) {
            int *expect = ialloc(total, SENT);
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < counts[j]; i++)
                    expect[displs[j] + i] = val(j, i);
            for (int k = 0; k < total; k++)
                CHECKF(r[k] == expect[k], "root %d r[%d]=%d expected %d", root,
                       k, r[k], expect[k]);
            free(expect);
            free(r);
        }
        free(s);
    }
    free(counts);
    free(displs);
}

static void test_scatter(int in_place)
{
    const int c = 2;
    for (int root = 0; root < t_size; root++) {
        int *s = NULL, r[2] = {SENT, SENT};
        if (t_rank == root) {
            s = ialloc(c * t_size, 0);
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < c; i++)
                    s[j * c + i] = val(j, i) + root * 10000;
        }
        if (in_place && t_rank == root) {
            MPI_OK(MPI_Scatter(s, c, MPI_INT, MPI_IN_PLACE, c, MPI_INT, root, W));
            /* the root's own block stays in place, nothing else changes */
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < c; i++)
                    CHECK(s[j * c + i] == val(j, i) + root * 10000);
        } else {
            MPI_OK(MPI_Scatter(s, c, MPI_INT, r, c, MPI_INT, root, W));
            for (int i = 0; i < c; i++)
                CHECKF(r[i] == val(t_rank, i) + root * 10000, "root %d r[%d]=%d",
                       root, i, r[i]);
        }
        free(s);
    }
}

static void test_scatterv(int in_place)
{
    int *counts = ialloc(t_size, 0), *displs = ialloc(t_size, 0), total;
    v_layout(counts, displs, &total);
    for (int root = 0; root < t_size; root++) {
        int *s = NULL, *r = ialloc(t_rank + 3, SENT);
        if (t_rank == root) {
            s = ialloc(total, SENT);
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < counts[j]; i++)
                    s[displs[j] + i] = val(j, i) - root;
        }
        if (in_place && t_rank == root) {
            MPI_OK(MPI_Scatterv(s, counts, displs, MPI_INT, MPI_IN_PLACE,
                                t_rank + 1, MPI_INT, root, W));
            for (int i = 0; i < counts[root]; i++)
                CHECK(s[displs[root] + i] == val(root, i) - root);
        } else {
            MPI_OK(MPI_Scatterv(s, counts, displs, MPI_INT, r, t_rank + 1,
                                MPI_INT, root, W));
            for (int i = 0; i <= t_rank; i++)
                CHECKF(r[i] == val(t_rank, i) - root, "root %d r[%d]=%d", root,
                       i, r[i]);
            CHECK(r[t_rank + 1] == SENT);
        }
        free(s);
        free(r);
    }
    free(counts);
    free(displs);
}

static void test_allgather(int in_place)
{
    const int c = 2;
    int s[2], *r = ialloc(c * t_size, SENT);
    for (int i = 0; i < c; i++)
        s[i] = val(t_rank, i);
    if (in_place) {
        for (int i = 0; i < c; i++)
            r[t_rank * c + i] = val(t_rank, i);
        MPI_OK(MPI_Allgather(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, r, c, MPI_INT, W));
    } else {
        MPI_OK(MPI_Allgather(s, c, MPI_INT, r, c, MPI_INT, W));
    }
    for (int j = 0; j < t_size; j++)
        for (int i = 0; i < c; i++)
            CHECKF(r[j * c + i] == val(j, i), "r[%d]=%d", j * c + i, r[j * c + i]);
    free(r);
}

static void test_allgatherv(int in_place)
{
    int *counts = ialloc(t_size, 0), *displs = ialloc(t_size, 0), total;
    v_layout(counts, displs, &total);
    int *s = ialloc(t_rank + 1, 0), *r = ialloc(total, SENT);
    for (int i = 0; i <= t_rank; i++)
        s[i] = val(t_rank, i);
    if (in_place) {
        for (int i = 0; i <= t_rank; i++)
            r[displs[t_rank] + i] = val(t_rank, i);
        MPI_OK(MPI_Allgatherv(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, r, counts,
                              displs, MPI_INT, W));
    } else {
        MPI_OK(MPI_Allgatherv(s, t_rank + 1, MPI_INT, r, counts, displs,
                              MPI_INT, W));
    }
    int *expect = ialloc(total, SENT);
    for (int j = 0; j < t_size; j++)
        for (int i = 0; i < counts[j]; i++)
            expect[displs[j] + i] = val(j, i);
    for (int k = 0; k < total; k++)
        CHECKF(r[k] == expect[k], "r[%d]=%d expected %d", k, r[k], expect[k]);
    free(expect);
    free(s);
    free(r);
    free(counts);
    free(displs);
}

/* what rank `from` sends to rank `to` at element i */
static int a2a(int from, int to, int i) { return from * 1000 + to * 10 + i; }

static void test_alltoall(int in_place)
{
    const int c = 2;
    int *s = ialloc(c * t_size, 0), *r = ialloc(c * t_size, SENT);
    for (int j = 0; j < t_size; j++)
        for (int i = 0; i < c; i++)
            s[j * c + i] = a2a(t_rank, j, i);
    if (in_place) {
        memcpy(r, s, sizeof(int) * (size_t)(c * t_size));
        MPI_OK(MPI_Alltoall(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, r, c, MPI_INT, W));
    } else {
        MPI_OK(MPI_Alltoall(s, c, MPI_INT, r, c, MPI_INT, W));
    }
    for (int j = 0; j < t_size; j++)
        for (int i = 0; i < c; i++)
            CHECKF(r[j * c + i] == a2a(j, t_rank, i), "r[%d]=%d", j * c + i,
                   r[j * c + i]);
    free(s);
    free(r);
}

/* element count from rank i to rank j; symmetric for the in-place case */
static int cnt_asym(int i, int j) { return (i + 2 * j) % 3 + 1; }
static int cnt_sym(int i, int j) { return (i + j) % 3 + 1; }

static void test_alltoallv(int in_place)
{
    int (*cnt)(int, int) = in_place ? cnt_sym : cnt_asym;
    int *sc = ialloc(t_size, 0), *sd = ialloc(t_size, 0);
    int *rc = ialloc(t_size, 0), *rd = ialloc(t_size, 0);
    int stot = 0, rtot = 0;
    for (int j = 0; j < t_size; j++) {
        sc[j] = cnt(t_rank, j);
        sd[j] = stot;
        stot += sc[j] + 1; /* gap of 1 */
        rc[j] = cnt(j, t_rank);
        rd[j] = rtot + 1;
        rtot += rc[j] + 2; /* gap of 2 */
    }
    int *s = ialloc(stot, SENT), *r = ialloc(rtot, SENT);
    for (int j = 0; j < t_size; j++)
        for (int i = 0; i < sc[j]; i++)
            s[sd[j] + i] = a2a(t_rank, j, i);
    if (in_place) {
        /* data for rank j is taken from, and replaced in, r at rd[j] */
        for (int j = 0; j < t_size; j++)
            for (int i = 0; i < rc[j]; i++)
                r[rd[j] + i] = a2a(t_rank, j, i);
        MPI_OK(MPI_Alltoallv(MPI_IN_PLACE, NULL, NULL, MPI_DATATYPE_NULL, r, rc,
                             rd, MPI_INT, W));
    } else {
        MPI_OK(MPI_Alltoallv(s, sc, sd, MPI_INT, r, rc, rd, MPI_INT, W));
    }
    int *expect = ialloc(rtot, SENT);
    for (int j = 0; j < t_size; j++)
        for (int i = 0; i < rc[j]; i++)
            expect[rd[j] + i] = a2a(j, t_rank, i);
    for (int k = 0; k < rtot; k++)
        CHECKF(r[k] == expect[k], "r[%d]=%d expected %d", k, r[k], expect[k]);
    free(expect);
    free(s);
    free(r);
    free(sc);
    free(sd);
    free(rc);
    free(rd);
}

#define NR 5
static void test_reduce(int in_place)
{
    for (int root = 0; root < t_size; root++) {
        int s[NR], r[NR];
        for (int i = 0; i < NR; i++) {
            s[i] = val(t_rank, i) + root;
            r[i] = SENT;
        }
        if (in_place && t_rank == root) {
            memcpy(r, s, sizeof r);
            MPI_OK(MPI_Reduce(MPI_IN_PLACE, r, NR, MPI_INT, MPI_SUM, root, W));
        } else {
            MPI_OK(MPI_Reduce(s, r, NR, MPI_INT, MPI_SUM, root, W));
        }
        if (t_rank == root) {
            for (int i = 0; i < NR; i++) {
                int e = 0;
                for (int j = 0; j < t_size; j++)
                    e += val(j, i) + root;
                CHECKF(r[i] == e, "root %d r[%d]=%d expected %d", root, i, r[i], e);
            }
        } else if (!in_place) {
            for (int i = 0; i < NR; i++)
                CHECK(r[i] == SENT); /* recvbuf is not significant off-root */
        }
        /* MAX of doubles too */
        double ds = t_rank * 1.5 - root, dr = -1e300;
        if (in_place && t_rank == root) {
            dr = ds;
            MPI_OK(MPI_Reduce(MPI_IN_PLACE, &dr, 1, MPI_DOUBLE, MPI_MAX, root, W));
        } else {
            MPI_OK(MPI_Reduce(&ds, &dr, 1, MPI_DOUBLE, MPI_MAX, root, W));
        }
        if (t_rank == root)
            CHECKF(dr == (t_size - 1) * 1.5 - root, "root %d max %g", root, dr);
    }
}

static void test_allreduce(int in_place)
{
    int s[NR], r[NR];
    for (int i = 0; i < NR; i++) {
        s[i] = val(t_rank, i);
        r[i] = in_place ? s[i] : SENT;
    }
    MPI_OK(MPI_Allreduce(in_place ? MPI_IN_PLACE : s, r, NR, MPI_INT, MPI_SUM, W));
    for (int i = 0; i < NR; i++) {
        int e = 0;
        for (int j = 0; j < t_size; j++)
            e += val(j, i);
        CHECKF(r[i] == e, "r[%d]=%d expected %d", i, r[i], e);
    }
    int mn = in_place ? -t_rank : 0, mx = in_place ? t_rank : 0;
    int smn = -t_rank, smx = t_rank;
    MPI_OK(MPI_Allreduce(in_place ? MPI_IN_PLACE : &smn, &mn, 1, MPI_INT, MPI_MIN, W));
    MPI_OK(MPI_Allreduce(in_place ? MPI_IN_PLACE : &smx, &mx, 1, MPI_INT, MPI_MAX, W));
    CHECKF(mn == -(t_size - 1), "min %d", mn);
    CHECKF(mx == t_size - 1, "max %d", mx);
}

static void test_reduce_scatter(int in_place)
{
    /* rank j gets j + 1 elements */
    int *rc = ialloc(t_size, 0), total = 0;
    for (int j = 0; j < t_size; j++) {
        rc[j] = j + 1;
        total += rc[j];
    }
    int *s = ialloc(total, 0), *r = ialloc(total + 1, SENT);
    for (int k = 0; k < total; k++)
        s[k] = val(t_rank, k);
    if (in_place) {
        memcpy(r, s, sizeof(int) * (size_t)total);
        MPI_OK(MPI_Reduce_scatter(MPI_IN_PLACE, r, rc, MPI_INT, MPI_SUM, W));
    } else {
        MPI_OK(MPI_Reduce_scatter(s, r, rc, MPI_INT, MPI_SUM, W));
    }
    int off = 0;
    for (int j = 0; j < t_rank; j++)
        off += rc[j];
    for (int i = 0; i < rc[t_rank]; i++) {
        int e = 0;
        for (int j = 0; j < t_size; j++)
            e += val(j, off + i);
        CHECKF(r[i] == e, "r[%d]=%d expected %d", i, r[i], e);
    }
    if (!in_place)
        CHECK(r[rc[t_rank]] == SENT);
    free(s);
    free(r);
    free(rc);
}

static void test_reduce_scatter_block(int in_place)
{
    const int c = 3;
    int *s = ialloc(c * t_size, 0), *r = ialloc(c * t_size, SENT);
    for (int k = 0; k < c * t_size; k++)
        s[k] = val(t_rank, k);
    if (in_place) {
        memcpy(r, s, sizeof(int) * (size_t)(c * t_size));
        MPI_OK(MPI_Reduce_scatter_block(MPI_IN_PLACE, r, c, MPI_INT, MPI_SUM, W));
    } else {
        MPI_OK(MPI_Reduce_scatter_block(s, r, c, MPI_INT, MPI_SUM, W));
    }
    for (int i = 0; i < c; i++) {
        int e = 0;
        for (int j = 0; j < t_size; j++)
            e += val(j, t_rank * c + i);
        CHECKF(r[i] == e, "r[%d]=%d expected %d", i, r[i], e);
    }
    if (!in_place && t_size > 1)
        CHECK(r[c] == SENT);
    free(s);
    free(r);
}

static void test_scan(int in_place)
{
    int s[2] = {t_rank + 1, 2 * t_rank}, r[2] = {SENT, SENT};
    if (in_place) {
        r[0] = s[0];
        r[1] = s[1];
    }
    MPI_OK(MPI_Scan(in_place ? MPI_IN_PLACE : s, r, 2, MPI_INT, MPI_SUM, W));
    CHECKF(r[0] == (t_rank + 1) * (t_rank + 2) / 2, "r[0]=%d", r[0]);
    CHECKF(r[1] == t_rank * (t_rank + 1), "r[1]=%d", r[1]);
    int m = in_place ? (t_rank * 7) % 5 : SENT, sm = (t_rank * 7) % 5, e = 0;
    MPI_OK(MPI_Scan(in_place ? MPI_IN_PLACE : &sm, &m, 1, MPI_INT, MPI_MAX, W));
    for (int j = 0; j <= t_rank; j++)
        e = (j * 7) % 5 > e ? (j * 7) % 5 : e;
    CHECKF(m == e, "max scan %d expected %d", m, e);
}

static void test_exscan(int in_place)
{
    int s[2] = {t_rank + 1, 2 * t_rank}, r[2] = {SENT, SENT};
    if (in_place) {
        r[0] = s[0];
        r[1] = s[1];
    }
    MPI_OK(MPI_Exscan(in_place ? MPI_IN_PLACE : s, r, 2, MPI_INT, MPI_SUM, W));
    /* rank 0's result is undefined */
    if (t_rank > 0) {
        CHECKF(r[0] == t_rank * (t_rank + 1) / 2, "r[0]=%d", r[0]);
        CHECKF(r[1] == (t_rank - 1) * t_rank, "r[1]=%d", r[1]);
    }
}

static void test_reduce_local(void)
{
    int in[4] = {1, -2, 30, 4}, io[4] = {10, 20, -30, 40};
    MPI_OK(MPI_Reduce_local(in, io, 4, MPI_INT, MPI_SUM));
    CHECK(io[0] == 11 && io[1] == 18 && io[2] == 0 && io[3] == 44);
    CHECK(in[0] == 1 && in[1] == -2 && in[2] == 30 && in[3] == 4);
    MPI_OK(MPI_Reduce_local(in, io, 4, MPI_INT, MPI_MAX));
    CHECK(io[0] == 11 && io[1] == 18 && io[2] == 30 && io[3] == 44);
    double din[2] = {0.5, -1.0}, dio[2] = {4.0, 3.0};
    MPI_OK(MPI_Reduce_local(din, dio, 2, MPI_DOUBLE, MPI_PROD));
    CHECK(dio[0] == 2.0 && dio[1] == -3.0);
    MPI_OK(MPI_Reduce_local(din, dio, 0, MPI_DOUBLE, MPI_PROD));
    CHECK(dio[0] == 2.0 && dio[1] == -3.0);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("coll");

    static const struct {
        const char *name;
        void (*fn)(int);
        int in_place;
    } tests[] = {
        {"gather", test_gather, 0},
        {"gather-in-place", test_gather, 1},
        {"gatherv", test_gatherv, 0},
        {"gatherv-in-place", test_gatherv, 1},
        {"scatter", test_scatter, 0},
        {"scatter-in-place", test_scatter, 1},
        {"scatterv", test_scatterv, 0},
        {"scatterv-in-place", test_scatterv, 1},
        {"allgather", test_allgather, 0},
        {"allgather-in-place", test_allgather, 1},
        {"allgatherv", test_allgatherv, 0},
        {"allgatherv-in-place", test_allgatherv, 1},
        {"alltoall", test_alltoall, 0},
        {"alltoall-in-place", test_alltoall, 1},
        {"alltoallv", test_alltoallv, 0},
        {"alltoallv-in-place", test_alltoallv, 1},
        {"reduce", test_reduce, 0},
        {"reduce-in-place", test_reduce, 1},
        {"allreduce", test_allreduce, 0},
        {"allreduce-in-place", test_allreduce, 1},
        {"reduce-scatter", test_reduce_scatter, 0},
        {"reduce-scatter-in-place", test_reduce_scatter, 1},
        {"reduce-scatter-block", test_reduce_scatter_block, 0},
        {"reduce-scatter-block-in-place", test_reduce_scatter_block, 1},
        {"scan", test_scan, 0},
        {"scan-in-place", test_scan, 1},
        {"exscan", test_exscan, 0},
        {"exscan-in-place", test_exscan, 1},
    };

    t_begin("barrier");
    test_barrier();
    t_end();
    t_begin("bcast");
    test_bcast();
    t_end();
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        t_begin(tests[i].name);
        tests[i].fn(tests[i].in_place);
        t_end();
    }
    t_begin("reduce-local");
    test_reduce_local();
    t_end();

    return t_finish();
}
