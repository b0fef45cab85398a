/*
 * icoll.c - nonblocking collectives with exact value checks: MPI_Ibarrier,
 * MPI_Ibcast, MPI_Igather, MPI_Igatherv, MPI_Iscatter, MPI_Iscatterv,
 * MPI_Iallgather, MPI_Iallgatherv, MPI_Ialltoall, MPI_Ialltoallv,
 * MPI_Ireduce, MPI_Iallreduce, MPI_Ireduce_scatter,
 * MPI_Ireduce_scatter_block, MPI_Iscan, MPI_Iexscan, plus the blocking
 * MPI_Alltoallw with a different datatype per peer.
 *
 * Completion: MPI_Wait, MPI_Test loops (alternating with MPI_Wait by root),
 * and MPI_Waitall over several collectives outstanding at once (each rank
 * starts them in the same order, as the standard requires). Rooted
 * operations run with every root; the v-variants use uneven counts with
 * gaps that must stay untouched.
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

/* completes a request with MPI_Wait (how = 0) or an MPI_Test loop (how = 1) */
static void complete(MPI_Request *rq, int how)
{
    if (how == 0) {
        MPI_OK(MPI_Wait(rq, MPI_STATUS_IGNORE));
    } else {
        int flag = 0;
        while (!flag)
            MPI_OK(MPI_Test(rq, &flag, MPI_STATUS_IGNORE));
    }
    CHECK(*rq == MPI_REQUEST_NULL);
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

static void test_ibarrier(void)
{
    MPI_Request rq[2];
    MPI_OK(MPI_Ibarrier(W, &rq[0]));
    complete(&rq[0], 0);
    MPI_OK(MPI_Ibarrier(W, &rq[0]));
    complete(&rq[0], 1);
    /* two outstanding barriers */
    MPI_OK(MPI_Ibarrier(W, &rq[0]));
    MPI_OK(MPI_Ibarrier(W, &rq[1]));
    MPI_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
    CHECK(rq[0] == MPI_REQUEST_NULL && rq[1] == MPI_REQUEST_NULL);
    /* a message sent before the barrier is received after it */
    int x = t_rank, y = -1;
    MPI_Request rr, b;
    MPI_OK(MPI_Irecv(&y, 1, MPI_INT, (t_rank + t_size - 1) % t_size, 1, W, &rr));
    MPI_OK(MPI_Send(&x, 1, MPI_INT, (t_rank + 1) % t_size, 1, W));
    MPI_OK(MPI_Ibarrier(W, &b));
    complete(&b, 1);
    MPI_OK(MPI_Wait(&rr, MPI_STATUS_IGNORE));
    CHECK(y == (t_rank + t_size - 1) % t_size);
}

static void test_ibcast(void)
{
    for (int root = 0; root < t_size; root++) {
        int b[10];
        double d[3];
        MPI_Request rq;
        for (int i = 0; i < 10; i++)
            b[i] = t_rank == root ? val(root, i) : SENT;
        for (int i = 0; i < 3; i++)
            d[i] = t_rank == root ? root + i * 0.25 : -1.0;
        MPI_OK(MPI_Ibcast(b, 10, MPI_INT, root, W, &rq));
        complete(&rq, root % 2);
        MPI_OK(MPI_Ibcast(d, 3, MPI_DOUBLE, root, W, &rq));
        complete(&rq, (root + 1) % 2);
        for (int i = 0; i < 10; i++)
            CHECKF(b[i] == val(root, i), "root %d b[%d]=%d", root, i, b[i]);
        for (int i = 0; i < 3; i++)
            CHECKF(d[i] == root + i * 0.25, "root %d d[%d]=%g", root, i, d[i]);
    }
    /* one broadcast from every root, all outstanding at once */
    int *b = ialloc(4 * t_size, SENT);
    MPI_Request *rq = malloc(sizeof(MPI_Request) * (size_t)t_size);
    for (int root = 0; root < t_size; root++) {
        if (t_rank == root)
            for (int i = 0; i < 4; i++)
                b[root * 4 + i] = val(root, i + 50);
        MPI_OK(MPI_Ibcast(b + root * 4, 4, MPI_INT, root, W, &rq[root]));
    }
    MPI_OK(MPI_Waitall(t_size, rq, MPI_STATUSES_IGNORE));
    for (int root = 0; root < t_size; root++)
        for (int i = 0; i < 4; i++)
            CHECKF(b[root * 4 + i] == val(root, i + 50), "waitall root %d b[%d]=%d", root, i,
                   b[root * 4 + i]);
    free(b);
    free(rq);
}

static void test_igather(void)
{
    const int c = 3;
    for (int root = 0; root < t_size; root++) {
        int s[3], *r = NULL;
        MPI_Request rq;
        for (int i = 0; i < c; i++)
            s[i] = val(t_rank, i);
        if (t_rank == root)
            r = ialloc(c * t_size, SENT);
        MPI_OK(MPI_Igather(s, c, MPI_INT, r, c, MPI_INT, root, W, &rq));
        complete(&rq, root % 2);
        if (t_rank == root) {
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < c; i++)
                    CHECKF(r[j * c + i] == val(j, i), "root %d r[%d]=%d", root, j * c + i,
                           r[j * c + i]);
            free(r);
        }
    }
}

static void test_igatherv(void)
{
    int *counts = ialloc(t_size, 0), *displs = ialloc(t_size, 0), total;
    v_layout(counts, displs, &total);
    for (int root = 0; root < t_size; root++) {
        int *s = ialloc(t_rank + 1, 0), *r = NULL;
        MPI_Request rq;
        for (int i = 0; i <= t_rank; i++)
            s[i] = val(t_rank, i);
        if (t_rank == root)
            r = ialloc(total, SENT);
        MPI_OK(MPI_Igatherv(s, t_rank + 1, MPI_INT, r, counts, displs, MPI_INT, root, W, &rq));
        complete(&rq, (root + 1) % 2);
        if (t_rank == root) {
            int *expect = ialloc(total, SENT);
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < counts[j]; i++)
                    expect[displs[j] + i] = val(j, i);
            for (int k = 0; k < total; k++)
                CHECKF(r[k] == expect[k], "root %d r[%d]=%d expected %d", root, k, r[k],
                       expect[k]);
            free(expect);
            free(r);
        }
        free(s);
    }
    free(counts);
    free(displs);
}

static void test_iscatter(void)
{
    const int c = 2;
    for (int root = 0; root < t_size; root++) {
        int *s = NULL, r[3] = {SENT, SENT, SENT};
        MPI_Request rq;
        if (t_rank == root) {
            s = ialloc(c * t_size, 0);
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < c; i++)
                    s[j * c + i] = val(j, i) + root * 10000;
        }
        MPI_OK(MPI_Iscatter(s, c, MPI_INT, r, c, MPI_INT, root, W, &rq));
        complete(&rq, root % 2);
        for (int i = 0; i < c; i++)
            CHECKF(r[i] == val(t_rank, i) + root * 10000, "root %d r[%d]=%d", root, i, r[i]);
        CHECK(r[c] == SENT);
        free(s);
    }
}

static void test_iscatterv(void)
{
    int *counts = ialloc(t_size, 0), *displs = ialloc(t_size, 0), total;
    v_layout(counts, displs, &total);
    for (int root = 0; root < t_size; root++) {
        int *s = NULL, *r = ialloc(t_rank + 3, SENT);
        MPI_Request rq;
        if (t_rank == root) {
            s = ialloc(total, SENT);
            for (int j = 0; j < t_size; j++)
                for (int i = 0; i < counts[j]; i++)
                    s[displs[j] + i] = val(j, i) - root;
        }
        MPI_OK(MPI_Iscatterv(s, counts, displs, MPI_INT, r, t_rank + 1, MPI_INT, root, W, &rq));
        complete(&rq, (root + 1) % 2);
        for (int i = 0; i <= t_rank; i++)
            CHECKF(r[i] == val(t_rank, i) - root, "root %d r[%d]=%d", root, i, r[i]);
        CHECK(r[t_rank + 1] == SENT);
        free(s);
        free(r);
    }
    free(counts);
    free(displs);
}

static void test_iallgather(void)
{
    const int c = 2;
    int s[2], *r = ialloc(c * t_size, SENT);
    MPI_Request rq;
    for (int i = 0; i < c; i++)
        s[i] = val(t_rank, i);
    MPI_OK(MPI_Iallgather(s, c, MPI_INT, r, c, MPI_INT, W, &rq));
    complete(&rq, 1);
    for (int j = 0; j < t_size; j++)
        for (int i = 0; i < c; i++)
            CHECKF(r[j * c + i] == val(j, i), "r[%d]=%d", j * c + i, r[j * c + i]);
    /* in place */
    for (int k = 0; k < c * t_size; k++)
        r[k] = SENT;
    for (int i = 0; i < c; i++)
        r[t_rank * c + i] = val(t_rank, i);
    MPI_OK(MPI_Iallgather(MPI_IN_PLACE, 0, MPI_DATATYPE_NULL, r, c, MPI_INT, W, &rq));
    complete(&rq, 0);
    for (int j = 0; j < t_size; j++)
        for (int i = 0; i < c; i++)
            CHECKF(r[j * c + i] == val(j, i), "in place r[%d]=%d", j * c + i, r[j * c + i]);
    free(r);
}

static void test_iallgatherv(void)
{
    int *counts = ialloc(t_size, 0), *displs = ialloc(t_size, 0), total;
    v_layout(counts, displs, &total);
    int *s = ialloc(t_rank + 1, 0), *r = ialloc(total, SENT);
    MPI_Request rq;
    for (int i = 0; i <= t_rank; i++)
        s[i] = val(t_rank, i);
    MPI_OK(MPI_Iallgatherv(s, t_rank + 1, MPI_INT, r, counts, displs, MPI_INT, W, &rq));
    complete(&rq, 0);
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

static void test_ialltoall(void)
{
    const int c = 2;
    int *s = ialloc(c * t_size, 0), *r = ialloc(c * t_size, SENT);
    MPI_Request rq;
    /* block j of rank i carries i*100 + j*10 + k */
    for (int j = 0; j < t_size; j++)
        for (int k = 0; k < c; k++)
            s[j * c + k] = t_rank * 100 + j * 10 + k;
    MPI_OK(MPI_Ialltoall(s, c, MPI_INT, r, c, MPI_INT, W, &rq));
    complete(&rq, 1);
    for (int j = 0; j < t_size; j++)
        for (int k = 0; k < c; k++)
            CHECKF(r[j * c + k] == j * 100 + t_rank * 10 + k, "r[%d]=%d", j * c + k,
                   r[j * c + k]);
    free(s);
    free(r);
}

static void test_ialltoallv(void)
{
    /* rank i sends j + 1 ints to rank j; send blocks are spaced by 1, receive
     * blocks by 2 so the gaps must stay untouched */
    int *sc = ialloc(t_size, 0), *sd = ialloc(t_size, 0);
    int *rc = ialloc(t_size, 0), *rd = ialloc(t_size, 0), soff = 0, roff = 1;
    for (int j = 0; j < t_size; j++) {
        sc[j] = j + 1;
        sd[j] = soff;
        soff += sc[j] + 1;
        rc[j] = t_rank + 1;
        rd[j] = roff;
        roff += rc[j] + 2;
    }
    int *s = ialloc(soff, SENT), *r = ialloc(roff, SENT);
    for (int j = 0; j < t_size; j++)
        for (int k = 0; k < sc[j]; k++)
            s[sd[j] + k] = t_rank * 100 + j * 10 + k;
    MPI_Request rq;
    MPI_OK(MPI_Ialltoallv(s, sc, sd, MPI_INT, r, rc, rd, MPI_INT, W, &rq));
    complete(&rq, 0);
    int *expect = ialloc(roff, SENT);
    for (int j = 0; j < t_size; j++)
        for (int k = 0; k < rc[j]; k++)
            expect[rd[j] + k] = j * 100 + t_rank * 10 + k;
    for (int k = 0; k < roff; k++)
        CHECKF(r[k] == expect[k], "r[%d]=%d expected %d", k, r[k], expect[k]);
    free(expect);
    free(s);
    free(r);
    free(sc);
    free(sd);
    free(rc);
    free(rd);
}

static int sum_val(int i) /* sum over ranks of val(r, i) */
{
    return 100 * t_size * (t_size - 1) / 2 + t_size * i;
}

static void test_ireduce(void)
{
    for (int root = 0; root < t_size; root++) {
        int s[4], r[4] = {SENT, SENT, SENT, SENT}, m[4] = {SENT, SENT, SENT, SENT};
        MPI_Request rq[2];
        for (int i = 0; i < 4; i++)
            s[i] = val(t_rank, i);
        MPI_OK(MPI_Ireduce(s, r, 4, MPI_INT, MPI_SUM, root, W, &rq[0]));
        MPI_OK(MPI_Ireduce(s, m, 4, MPI_INT, MPI_MAX, root, W, &rq[1]));
        if (root % 2) {
            MPI_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
        } else {
            complete(&rq[1], 1);
            complete(&rq[0], 0);
        }
        if (t_rank == root)
            for (int i = 0; i < 4; i++) {
                CHECKF(r[i] == sum_val(i), "root %d sum[%d]=%d", root, i, r[i]);
                CHECKF(m[i] == val(t_size - 1, i), "root %d max[%d]=%d", root, i, m[i]);
            }
        else
            for (int i = 0; i < 4; i++)
                CHECK(r[i] == SENT && m[i] == SENT);
    }
}

static void test_iallreduce(void)
{
    int s[5], r[5];
    double d[2], e[2];
    MPI_Request rq[2];
    for (int i = 0; i < 5; i++)
        s[i] = val(t_rank, i);
    d[0] = t_rank + 0.5;
    d[1] = -t_rank;
    MPI_OK(MPI_Iallreduce(s, r, 5, MPI_INT, MPI_SUM, W, &rq[0]));
    MPI_OK(MPI_Iallreduce(d, e, 2, MPI_DOUBLE, MPI_MIN, W, &rq[1]));
    MPI_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
    for (int i = 0; i < 5; i++)
        CHECKF(r[i] == sum_val(i), "sum[%d]=%d", i, r[i]);
    CHECK(e[0] == 0.5 && e[1] == -(t_size - 1));
    /* in place, Test loop */
    MPI_OK(MPI_Iallreduce(MPI_IN_PLACE, s, 5, MPI_INT, MPI_SUM, W, &rq[0]));
    complete(&rq[0], 1);
    for (int i = 0; i < 5; i++)
        CHECKF(s[i] == sum_val(i), "in place sum[%d]=%d", i, s[i]);
}

static void test_ireduce_scatter(void)
{
    /* rank j receives j + 1 elements */
    int *counts = ialloc(t_size, 0), total = 0;
    for (int j = 0; j < t_size; j++) {
        counts[j] = j + 1;
        total += counts[j];
    }
    int *s = ialloc(total, 0), *r = ialloc(t_rank + 2, SENT);
    for (int k = 0; k < total; k++)
        s[k] = val(t_rank, k);
    MPI_Request rq;
    MPI_OK(MPI_Ireduce_scatter(s, r, counts, MPI_INT, MPI_SUM, W, &rq));
    complete(&rq, 1);
    int first = t_rank * (t_rank + 1) / 2; /* my first element */
    for (int i = 0; i <= t_rank; i++)
        CHECKF(r[i] == sum_val(first + i), "r[%d]=%d", i, r[i]);
    CHECK(r[t_rank + 1] == SENT);
    free(s);
    free(r);
    free(counts);
}

static void test_ireduce_scatter_block(void)
{
    const int c = 3;
    int *s = ialloc(c * t_size, 0), r[4] = {SENT, SENT, SENT, SENT};
    for (int k = 0; k < c * t_size; k++)
        s[k] = val(t_rank, k);
    MPI_Request rq;
    MPI_OK(MPI_Ireduce_scatter_block(s, r, c, MPI_INT, MPI_SUM, W, &rq));
    complete(&rq, 0);
    for (int i = 0; i < c; i++)
        CHECKF(r[i] == sum_val(t_rank * c + i), "r[%d]=%d", i, r[i]);
    CHECK(r[c] == SENT);
    free(s);
}

static void test_iscan(void)
{
    int s[3], r[3], x[3] = {SENT, SENT, SENT};
    MPI_Request rq[2];
    for (int i = 0; i < 3; i++)
        s[i] = val(t_rank, i);
    MPI_OK(MPI_Iscan(s, r, 3, MPI_INT, MPI_SUM, W, &rq[0]));
    MPI_OK(MPI_Iexscan(s, x, 3, MPI_INT, MPI_SUM, W, &rq[1]));
    MPI_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
    for (int i = 0; i < 3; i++) {
        int inc = 0;
        for (int q = 0; q <= t_rank; q++)
            inc += val(q, i);
        CHECKF(r[i] == inc, "scan r[%d]=%d expected %d", i, r[i], inc);
        /* rank 0's exscan result is undefined */
        if (t_rank > 0)
            CHECKF(x[i] == inc - val(t_rank, i), "exscan x[%d]=%d", i, x[i]);
    }
    /* Iexscan alone, with a Test loop; MAX over lower ranks */
    int m = -1;
    MPI_OK(MPI_Iexscan(&t_rank, &m, 1, MPI_INT, MPI_MAX, W, &rq[0]));
    complete(&rq[0], 1);
    if (t_rank > 0)
        CHECKF(m == t_rank - 1, "exscan max %d", m);
}

/* every kind of collective outstanding at the same time */
static void test_mixed_waitall(void)
{
    enum { NREQ = 6 };
    MPI_Request rq[NREQ];
    int b[2], g2[2], *ag = ialloc(2 * t_size, SENT), ar = -1, sc = -1, *a2a = ialloc(t_size, SENT);
    int *s2a = ialloc(t_size, 0);
    b[0] = b[1] = t_rank == 0 ? 77 : SENT;
    g2[0] = t_rank;
    g2[1] = -t_rank;
    for (int j = 0; j < t_size; j++)
        s2a[j] = t_rank * 100 + j;
    MPI_OK(MPI_Ibcast(b, 2, MPI_INT, 0, W, &rq[0]));
    MPI_OK(MPI_Iallgather(g2, 2, MPI_INT, ag, 2, MPI_INT, W, &rq[1]));
    MPI_OK(MPI_Iallreduce(&t_rank, &ar, 1, MPI_INT, MPI_SUM, W, &rq[2]));
    MPI_OK(MPI_Iscan(&t_rank, &sc, 1, MPI_INT, MPI_SUM, W, &rq[3]));
    MPI_OK(MPI_Ialltoall(s2a, 1, MPI_INT, a2a, 1, MPI_INT, W, &rq[4]));
    MPI_OK(MPI_Ibarrier(W, &rq[5]));
    MPI_OK(MPI_Waitall(NREQ, rq, MPI_STATUSES_IGNORE));
    for (int k = 0; k < NREQ; k++)
        CHECKF(rq[k] == MPI_REQUEST_NULL, "request %d not freed", k);
    CHECK(b[0] == 77 && b[1] == 77);
    for (int j = 0; j < t_size; j++)
        CHECKF(ag[2 * j] == j && ag[2 * j + 1] == -j, "allgather %d: %d %d", j, ag[2 * j],
               ag[2 * j + 1]);
    CHECK(ar == t_size * (t_size - 1) / 2);
    CHECK(sc == t_rank * (t_rank + 1) / 2);
    for (int j = 0; j < t_size; j++)
        CHECKF(a2a[j] == j * 100 + t_rank, "alltoall %d: %d", j, a2a[j]);
    free(ag);
    free(a2a);
    free(s2a);
}

static void test_alltoallw(void)
{
    /* rank i sends to rank j: j + 1 ints. For odd j they go out as one
     * contiguous type of j + 1 ints, for even j as j + 1 MPI_INTs, picked
     * from every second int of the send buffer with a vector type when
     * j % 3 == 2. Receives from rank j: t_rank + 1 ints, as a contiguous
     * type for odd j and as plain ints otherwise. Displacements are bytes. */
    int n = t_size;
    int *sc = ialloc(n, 0), *sd = ialloc(n, 0), *rc = ialloc(n, 0), *rd = ialloc(n, 0);
    MPI_Datatype *st = malloc(sizeof(MPI_Datatype) * (size_t)n);
    MPI_Datatype *rt = malloc(sizeof(MPI_Datatype) * (size_t)n);
    /* Both layouts start at displacement 0: Open MPI 4.1's coll/self (used
     * at np = 1) scales Alltoallw's byte displacements by the type extent,
     * so any non-zero displacement would be misplaced there. */
    int sints = 0, rints = 0;
    for (int j = 0; j < n; j++) {
        sd[j] = sints * (int)sizeof(int);
        if (j % 3 == 2) {
            MPI_OK(MPI_Type_vector(j + 1, 1, 2, MPI_INT, &st[j]));
            MPI_OK(MPI_Type_commit(&st[j]));
            sc[j] = 1;
            sints += 2 * (j + 1);
        } else if (j % 2) {
            MPI_OK(MPI_Type_contiguous(j + 1, MPI_INT, &st[j]));
            MPI_OK(MPI_Type_commit(&st[j]));
            sc[j] = 1;
            sints += j + 1;
        } else {
            st[j] = MPI_INT;
            sc[j] = j + 1;
            sints += j + 1;
        }
        rd[j] = rints * (int)sizeof(int);
        if (j % 2) {
            MPI_OK(MPI_Type_contiguous(t_rank + 1, MPI_INT, &rt[j]));
            MPI_OK(MPI_Type_commit(&rt[j]));
            rc[j] = 1;
        } else {
            rt[j] = MPI_INT;
            rc[j] = t_rank + 1;
        }
        rints += t_rank + 1 + 2; /* gap of 2 */
    }
    int *s = ialloc(sints, SENT), *r = ialloc(rints, SENT);
    for (int j = 0; j < n; j++) {
        int *p = s + sd[j] / (int)sizeof(int);
        for (int k = 0; k <= j; k++)
            p[j % 3 == 2 ? 2 * k : k] = t_rank * 100 + j * 10 + k;
    }
    MPI_OK(MPI_Alltoallw(s, sc, sd, st, r, rc, rd, rt, W));
    int *expect = ialloc(rints, SENT);
    for (int j = 0; j < n; j++)
        for (int k = 0; k <= t_rank; k++)
            expect[rd[j] / (int)sizeof(int) + k] = j * 100 + t_rank * 10 + k;
    for (int k = 0; k < rints; k++)
        CHECKF(r[k] == expect[k], "r[%d]=%d expected %d", k, r[k], expect[k]);
    for (int j = 0; j < n; j++) {
        if (st[j] != MPI_INT)
            MPI_OK(MPI_Type_free(&st[j]));
        if (rt[j] != MPI_INT)
            MPI_OK(MPI_Type_free(&rt[j]));
    }
    free(expect);
    free(s);
    free(r);
    free(sc);
    free(sd);
    free(rc);
    free(rd);
    free(st);
    free(rt);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("icoll");

    t_begin("ibarrier");
    test_ibarrier();
    t_end();
    t_begin("ibcast");
    test_ibcast();
    t_end();
    t_begin("igather");
    test_igather();
    t_end();
    t_begin("igatherv");
    test_igatherv();
    t_end();
    t_begin("iscatter");
    test_iscatter();
    t_end();
    t_begin("iscatterv");
    test_iscatterv();
    t_end();
    t_begin("iallgather");
    test_iallgather();
    t_end();
    t_begin("iallgatherv");
    test_iallgatherv();
    t_end();
    t_begin("ialltoall");
    test_ialltoall();
    t_end();
    t_begin("ialltoallv");
    test_ialltoallv();
    t_end();
    t_begin("ireduce");
    test_ireduce();
    t_end();
    t_begin("iallreduce");
    test_iallreduce();
    t_end();
    t_begin("ireduce-scatter");
    test_ireduce_scatter();
    t_end();
    t_begin("ireduce-scatter-block");
    test_ireduce_scatter_block();
    t_end();
    t_begin("iscan-iexscan");
    test_iscan();
    t_end();
    t_begin("mixed-waitall");
    test_mixed_waitall();
    t_end();
    t_begin("alltoallw");
    test_alltoallw();
    t_end();

    return t_finish();
}
