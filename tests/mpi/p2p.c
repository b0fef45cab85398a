/*
 * p2p.c - blocking point-to-point: MPI_Send, MPI_Recv, MPI_Ssend, MPI_Rsend,
 * MPI_Bsend with MPI_Buffer_attach/MPI_Buffer_detach (sized with
 * MPI_Pack_size + MPI_BSEND_OVERHEAD), MPI_Sendrecv, MPI_Sendrecv_replace,
 * MPI_Get_count, MPI_Get_elements, status fields MPI_SOURCE/MPI_TAG,
 * MPI_ANY_SOURCE/MPI_ANY_TAG, MPI_PROC_NULL, MPI_STATUS_IGNORE, zero-count
 * messages, a 1 MiB message, ring exchanges. (MPI_Isend/MPI_Irecv/MPI_Wait
 * are used only where a rank talks to itself.)
 *
 * Pairing: rank r talks to partner r^1; a rank without one (np == 1, or the
 * last rank of an odd np) is its own partner and uses a pre-posted receive
 * or a nonblocking send so that nothing depends on eager buffering.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>

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

static int partner(void)
{
    int p = t_rank ^ 1;
    return p < t_size ? p : t_rank;
}
static int left(void) { return (t_rank + t_size - 1) % t_size; }
static int right(void) { return (t_rank + 1) % t_size; }

static void check_status(const MPI_Status *st, int src, int tag,
                         MPI_Datatype type, int count)
{
    int n = -1;
    CHECKF(st->MPI_SOURCE == src, "MPI_SOURCE=%d expected %d", st->MPI_SOURCE, src);
    CHECKF(st->MPI_TAG == tag, "MPI_TAG=%d expected %d", st->MPI_TAG, tag);
    MPI_OK(MPI_Get_count(st, type, &n));
    CHECKF(n == count, "count=%d expected %d", n, count);
}

#define N 16

static void fill(int *buf, int n, int who, int salt)
{
    for (int i = 0; i < n; i++)
        buf[i] = who * 1000 + salt * 100 + i;
}
static int count_bad(const int *buf, int n, int who, int salt)
{
    int bad = 0;
    for (int i = 0; i < n; i++)
        bad += buf[i] != who * 1000 + salt * 100 + i;
    return bad;
}

static void test_send_recv(void)
{
    int p = partner(), s[N], r[N];
    MPI_Status st;
    fill(s, N, t_rank, 1);
    memset(r, 0xff, sizeof r);
    if (p == t_rank) {
        /* MPI_Send into a pre-posted receive, then MPI_Recv of an Isend */
        MPI_Request rq;
        MPI_OK(MPI_Irecv(r, N, MPI_INT, p, 11, W, &rq));
        MPI_OK(MPI_Send(s, N, MPI_INT, p, 11, W));
        MPI_OK(MPI_Wait(&rq, &st));
        check_status(&st, p, 11, MPI_INT, N);
        CHECK(count_bad(r, N, p, 1) == 0);
        memset(r, 0xff, sizeof r);
        MPI_OK(MPI_Isend(s, N, MPI_INT, p, 11, W, &rq));
        MPI_OK(MPI_Recv(r, N, MPI_INT, p, 11, W, &st));
        MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    } else if (t_rank < p) {
        MPI_OK(MPI_Send(s, N, MPI_INT, p, 11, W));
        MPI_OK(MPI_Recv(r, N, MPI_INT, p, 11, W, &st));
    } else {
        MPI_OK(MPI_Recv(r, N, MPI_INT, p, 11, W, &st));
        MPI_OK(MPI_Send(s, N, MPI_INT, p, 11, W));
    }
    check_status(&st, p, 11, MPI_INT, N);
    CHECK(count_bad(r, N, p, 1) == 0);

    /* a receive buffer larger than the message; tags select the message */
    int big[2 * N];
    memset(big, 0xff, sizeof big);
    if (p == t_rank) {
        MPI_Request rq[2];
        MPI_OK(MPI_Isend(s, 3, MPI_INT, p, 12, W, &rq[0]));
        MPI_OK(MPI_Isend(s, N, MPI_INT, p, 13, W, &rq[1]));
        MPI_OK(MPI_Recv(big, 2 * N, MPI_INT, p, 13, W, &st));
        check_status(&st, p, 13, MPI_INT, N);
        memset(big, 0xff, sizeof big);
        MPI_OK(MPI_Recv(big, 2 * N, MPI_INT, p, 12, W, &st));
        MPI_OK(MPI_Wait(&rq[0], MPI_STATUS_IGNORE));
        MPI_OK(MPI_Wait(&rq[1], MPI_STATUS_IGNORE));
    } else if (t_rank < p) {
        MPI_OK(MPI_Send(s, 3, MPI_INT, p, 12, W));
        MPI_OK(MPI_Recv(big, 2 * N, MPI_INT, p, 12, W, &st));
    } else {
        MPI_OK(MPI_Recv(big, 2 * N, MPI_INT, p, 12, W, &st));
        MPI_OK(MPI_Send(s, 3, MPI_INT, p, 12, W));
    }
    check_status(&st, p, 12, MPI_INT, 3);
    CHECK(count_bad(big, 3, p, 1) == 0);
    CHECK(big[3] == -1 && big[2 * N - 1] == -1);
}

static void test_ssend(void)
{
    int p = partner(), s[N], r[N];
    MPI_Status st;
    MPI_Request rq;
    /* both sides pre-post the receive, then synchronous send */
    fill(s, N, t_rank, 2);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Irecv(r, N, MPI_INT, p, 21, W, &rq));
    MPI_OK(MPI_Ssend(s, N, MPI_INT, p, 21, W));
    MPI_OK(MPI_Wait(&rq, &st));
    check_status(&st, p, 21, MPI_INT, N);
    CHECK(count_bad(r, N, p, 2) == 0);

    /* ordered blocking pair: Ssend against a blocking Recv */
    if (p != t_rank) {
        memset(r, 0xff, sizeof r);
        if (t_rank < p) {
            MPI_OK(MPI_Ssend(s, N, MPI_INT, p, 22, W));
            MPI_OK(MPI_Recv(r, N, MPI_INT, p, 22, W, &st));
        } else {
            MPI_OK(MPI_Recv(r, N, MPI_INT, p, 22, W, &st));
            MPI_OK(MPI_Ssend(s, N, MPI_INT, p, 22, W));
        }
        check_status(&st, p, 22, MPI_INT, N);
        CHECK(count_bad(r, N, p, 2) == 0);
    }
}

static void test_rsend(void)
{
    int p = partner(), s[N], r[N];
    MPI_Status st;
    MPI_Request rq;
    fill(s, N, t_rank, 3);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Irecv(r, N, MPI_INT, p, 31, W, &rq));
    MPI_Barrier(W); /* every receive is posted before any ready send */
    MPI_OK(MPI_Rsend(s, N, MPI_INT, p, 31, W));
    MPI_OK(MPI_Wait(&rq, &st));
    check_status(&st, p, 31, MPI_INT, N);
    CHECK(count_bad(r, N, p, 3) == 0);
}

static void test_bsend(void)
{
    int p = partner(), s1[N], s2[N], r[N], psize = 0;
    MPI_Status st;
    MPI_OK(MPI_Pack_size(N, MPI_INT, W, &psize));
    CHECKF(psize >= (int)sizeof s1, "Pack_size=%d", psize);
    int bufsize = 2 * (psize + MPI_BSEND_OVERHEAD);
    char *buf = malloc((size_t)bufsize);
    MPI_OK(MPI_Buffer_attach(buf, bufsize));

    fill(s1, N, t_rank, 4);
    fill(s2, N, t_rank, 5);
    /* both messages are buffered: no receive needs to be posted */
    MPI_OK(MPI_Bsend(s1, N, MPI_INT, p, 41, W));
    MPI_OK(MPI_Bsend(s2, N, MPI_INT, p, 42, W));
    memset(s1, 0, sizeof s1); /* send buffers are free after Bsend */
    memset(s2, 0, sizeof s2);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Recv(r, N, MPI_INT, p, 42, W, &st)); /* out of order by tag */
    check_status(&st, p, 42, MPI_INT, N);
    CHECK(count_bad(r, N, p, 5) == 0);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Recv(r, N, MPI_INT, p, 41, W, &st));
    check_status(&st, p, 41, MPI_INT, N);
    CHECK(count_bad(r, N, p, 4) == 0);

    void *dbuf = NULL;
    int dsize = -1;
    MPI_OK(MPI_Buffer_detach(&dbuf, &dsize));
    CHECK(dbuf == (void *)buf);
    CHECKF(dsize == bufsize, "detached size %d expected %d", dsize, bufsize);
    free(buf);
}

static void test_sendrecv(void)
{
    int s[N], r[N], L = left(), R = right();
    MPI_Status st;
    fill(s, N, t_rank, 6);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Sendrecv(s, N, MPI_INT, R, 61, r, N, MPI_INT, L, 61, W, &st));
    check_status(&st, L, 61, MPI_INT, N);
    CHECK(count_bad(r, N, L, 6) == 0);

    /* different send and receive counts, receive from MPI_ANY_SOURCE */
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Sendrecv(s, 5, MPI_INT, L, 62, r, N, MPI_INT, MPI_ANY_SOURCE, 62,
                        W, &st));
    check_status(&st, R, 62, MPI_INT, 5);
    CHECK(count_bad(r, 5, R, 6) == 0);
    CHECK(r[5] == -1);
}

static void test_sendrecv_replace(void)
{
    int b[N], L = left(), R = right();
    MPI_Status st;
    fill(b, N, t_rank, 7);
    MPI_OK(MPI_Sendrecv_replace(b, N, MPI_INT, R, 71, L, 71, W, &st));
    check_status(&st, L, 71, MPI_INT, N);
    CHECK(count_bad(b, N, L, 7) == 0);
    /* and back the other way with wildcards */
    MPI_OK(MPI_Sendrecv_replace(b, N, MPI_INT, L, 72, MPI_ANY_SOURCE,
                                MPI_ANY_TAG, W, &st));
    check_status(&st, R, 72, MPI_INT, N);
    CHECK(count_bad(b, N, t_rank, 7) == 0);
}

static void test_get_count_elements(void)
{
    int p = partner(), n = -1;
    double s[10], r[10];
    MPI_Status st;
    MPI_Request rq;
    for (int i = 0; i < 10; i++) {
        s[i] = t_rank + i * 0.5;
        r[i] = -1.0;
    }
    MPI_OK(MPI_Irecv(r, 10, MPI_DOUBLE, p, 81, W, &rq));
    MPI_OK(MPI_Send(s, 5, MPI_DOUBLE, p, 81, W));
    MPI_OK(MPI_Wait(&rq, &st));
    MPI_OK(MPI_Get_count(&st, MPI_DOUBLE, &n));
    CHECKF(n == 5, "Get_count=%d", n);
    n = -1;
    MPI_OK(MPI_Get_elements(&st, MPI_DOUBLE, &n));
    CHECKF(n == 5, "Get_elements=%d", n);
    for (int i = 0; i < 5; i++)
        CHECK(r[i] == p + i * 0.5);
    CHECK(r[5] == -1.0);

    /* bytes: count and elements of an MPI_BYTE message */
    unsigned char bs[7] = {1, 2, 3, 4, 5, 6, 7}, br[16];
    MPI_OK(MPI_Irecv(br, 16, MPI_BYTE, p, 82, W, &rq));
    MPI_OK(MPI_Send(bs, 7, MPI_BYTE, p, 82, W));
    MPI_OK(MPI_Wait(&rq, &st));
    n = -1;
    MPI_OK(MPI_Get_count(&st, MPI_BYTE, &n));
    CHECKF(n == 7, "Get_count=%d", n);
    n = -1;
    MPI_OK(MPI_Get_elements(&st, MPI_BYTE, &n));
    CHECKF(n == 7, "Get_elements=%d", n);
    CHECK(memcmp(bs, br, 7) == 0);
}

static void test_any_source_tag(void)
{
    /* every rank (rank 0 included) sends one message to rank 0 */
    int v = t_rank * 10 + 3;
    MPI_Request rq;
    MPI_OK(MPI_Isend(&v, 1, MPI_INT, 0, 100 + t_rank, W, &rq));
    if (t_rank == 0) {
        char *seen = calloc((size_t)t_size, 1);
        for (int k = 0; k < t_size; k++) {
            int x = -1, n = -1;
            MPI_Status st;
            MPI_OK(MPI_Recv(&x, 1, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, W, &st));
            int src = st.MPI_SOURCE;
            CHECKF(src >= 0 && src < t_size, "MPI_SOURCE=%d", src);
            if (src < 0 || src >= t_size)
                continue;
            CHECKF(!seen[src], "source %d twice", src);
            seen[src] = 1;
            CHECKF(st.MPI_TAG == 100 + src, "tag %d from %d", st.MPI_TAG, src);
            CHECKF(x == src * 10 + 3, "value %d from %d", x, src);
            MPI_OK(MPI_Get_count(&st, MPI_INT, &n));
            CHECK(n == 1);
        }
        free(seen);
    }
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    /* rank 0's wildcard receives must not see the messages below */
    MPI_Barrier(W);

    /* MPI_ANY_TAG from a known source */
    int p = partner(), x = -1;
    MPI_Status st;
    MPI_OK(MPI_Isend(&v, 1, MPI_INT, p, 1234, W, &rq));
    MPI_OK(MPI_Recv(&x, 1, MPI_INT, p, MPI_ANY_TAG, W, &st));
    check_status(&st, p, 1234, MPI_INT, 1);
    CHECK(x == p * 10 + 3);
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
}

static void expect_null_status(const MPI_Status *st)
{
    int n = -1;
    CHECKF(st->MPI_SOURCE == MPI_PROC_NULL, "MPI_SOURCE=%d", st->MPI_SOURCE);
    CHECKF(st->MPI_TAG == MPI_ANY_TAG, "MPI_TAG=%d", st->MPI_TAG);
    MPI_OK(MPI_Get_count(st, MPI_INT, &n));
    CHECKF(n == 0, "count=%d", n);
}

static void test_proc_null(void)
{
    int s[4] = {1, 2, 3, 4}, r[4] = {-1, -1, -1, -1};
    MPI_Status st;
    MPI_OK(MPI_Send(s, 4, MPI_INT, MPI_PROC_NULL, 5, W));
    MPI_OK(MPI_Ssend(s, 4, MPI_INT, MPI_PROC_NULL, 5, W));
    MPI_OK(MPI_Rsend(s, 4, MPI_INT, MPI_PROC_NULL, 5, W));
    MPI_OK(MPI_Bsend(s, 4, MPI_INT, MPI_PROC_NULL, 5, W)); /* no buffer needed */
    MPI_OK(MPI_Recv(r, 4, MPI_INT, MPI_PROC_NULL, 5, W, &st));
    expect_null_status(&st);
    CHECK(r[0] == -1 && r[3] == -1);
    MPI_OK(MPI_Recv(r, 4, MPI_INT, MPI_PROC_NULL, MPI_ANY_TAG, W, &st));
    expect_null_status(&st);
    MPI_OK(MPI_Sendrecv(s, 4, MPI_INT, MPI_PROC_NULL, 5, r, 4, MPI_INT,
                        MPI_PROC_NULL, 5, W, &st));
    expect_null_status(&st);
    CHECK(r[0] == -1 && r[3] == -1);

    /* non-periodic shift: the ends talk to MPI_PROC_NULL */
    int up = t_rank + 1 < t_size ? t_rank + 1 : MPI_PROC_NULL;
    int down = t_rank > 0 ? t_rank - 1 : MPI_PROC_NULL;
    int v = t_rank * 7, x = -1;
    MPI_OK(MPI_Sendrecv(&v, 1, MPI_INT, up, 6, &x, 1, MPI_INT, down, 6, W, &st));
    if (down == MPI_PROC_NULL) {
        expect_null_status(&st);
        CHECK(x == -1);
    } else {
        check_status(&st, down, 6, MPI_INT, 1);
        CHECK(x == down * 7);
    }
}

static void test_status_ignore(void)
{
    int p = partner(), s[N], r[N];
    MPI_Request rq;
    fill(s, N, t_rank, 8);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Irecv(r, N, MPI_INT, p, 91, W, &rq));
    MPI_OK(MPI_Send(s, N, MPI_INT, p, 91, W));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    CHECK(count_bad(r, N, p, 8) == 0);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Isend(s, N, MPI_INT, p, 92, W, &rq));
    MPI_OK(MPI_Recv(r, N, MPI_INT, p, 92, W, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    CHECK(count_bad(r, N, p, 8) == 0);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Sendrecv(s, N, MPI_INT, right(), 93, r, N, MPI_INT, left(), 93, W,
                        MPI_STATUS_IGNORE));
    CHECK(count_bad(r, N, left(), 8) == 0);
    MPI_OK(MPI_Sendrecv_replace(r, N, MPI_INT, left(), 94, right(), 94, W,
                                MPI_STATUS_IGNORE));
    CHECK(count_bad(r, N, t_rank, 8) == 0);
}

static void test_zero_count(void)
{
    int p = partner(), s[1] = {5}, r[4] = {-1, -1, -1, -1};
    MPI_Status st;
    MPI_Request rq;
    MPI_OK(MPI_Isend(s, 0, MPI_INT, p, 95, W, &rq));
    MPI_OK(MPI_Recv(r, 4, MPI_INT, p, 95, W, &st));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    check_status(&st, p, 95, MPI_INT, 0);
    CHECK(r[0] == -1);
    int n = -1;
    MPI_OK(MPI_Get_elements(&st, MPI_INT, &n));
    CHECKF(n == 0, "Get_elements=%d", n);

    /* zero-count into a zero-count receive, matched by MPI_ANY_TAG */
    MPI_OK(MPI_Irecv(r, 0, MPI_INT, p, MPI_ANY_TAG, W, &rq));
    MPI_OK(MPI_Send(s, 0, MPI_INT, p, 96, W));
    MPI_OK(MPI_Wait(&rq, &st));
    check_status(&st, p, 96, MPI_INT, 0);
    MPI_OK(MPI_Sendrecv(s, 0, MPI_INT, right(), 97, r, 0, MPI_INT, left(), 97, W,
                        &st));
    check_status(&st, left(), 97, MPI_INT, 0);
}

static void test_large(void)
{
    const int nbytes = 1 << 20;
    int p = partner();
    unsigned char *s = malloc((size_t)nbytes), *r = malloc((size_t)nbytes);
    MPI_Status st;
    for (int i = 0; i < nbytes; i++)
        s[i] = (unsigned char)(i * 7 + t_rank * 13 + (i >> 12));
    memset(r, 0, (size_t)nbytes);
    if (p == t_rank) {
        MPI_Request rq;
        MPI_OK(MPI_Irecv(r, nbytes, MPI_BYTE, p, 101, W, &rq));
        MPI_OK(MPI_Send(s, nbytes, MPI_BYTE, p, 101, W));
        MPI_OK(MPI_Wait(&rq, &st));
    } else if (t_rank < p) {
        MPI_OK(MPI_Send(s, nbytes, MPI_BYTE, p, 101, W));
        MPI_OK(MPI_Recv(r, nbytes, MPI_BYTE, p, 101, W, &st));
    } else {
        MPI_OK(MPI_Recv(r, nbytes, MPI_BYTE, p, 101, W, &st));
        MPI_OK(MPI_Send(s, nbytes, MPI_BYTE, p, 101, W));
    }
    check_status(&st, p, 101, MPI_BYTE, nbytes);
    int bad = 0;
    for (int i = 0; i < nbytes; i++)
        bad += r[i] != (unsigned char)(i * 7 + p * 13 + (i >> 12));
    CHECKF(bad == 0, "%d bad bytes", bad);

    /* and 1 MiB of doubles around the ring */
    const int nd = (1 << 20) / (int)sizeof(double);
    double *ds = malloc(sizeof(double) * (size_t)nd);
    double *dr = malloc(sizeof(double) * (size_t)nd);
    for (int i = 0; i < nd; i++) {
        ds[i] = t_rank * 1e6 + i;
        dr[i] = -1;
    }
    MPI_OK(MPI_Sendrecv(ds, nd, MPI_DOUBLE, right(), 102, dr, nd, MPI_DOUBLE,
                        left(), 102, W, &st));
    check_status(&st, left(), 102, MPI_DOUBLE, nd);
    bad = 0;
    for (int i = 0; i < nd; i++)
        bad += dr[i] != left() * 1e6 + i;
    CHECKF(bad == 0, "%d bad doubles", bad);
    free(ds);
    free(dr);
    free(s);
    free(r);
}

static void test_ring_exchange(void)
{
    /* every rank: Isend to the right, Recv from the left (np == 1: self) */
    int s[N], r[N];
    MPI_Request rq;
    MPI_Status st;
    fill(s, N, t_rank, 9);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Isend(s, N, MPI_INT, right(), 111, W, &rq));
    MPI_OK(MPI_Recv(r, N, MPI_INT, left(), 111, W, &st));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    check_status(&st, left(), 111, MPI_INT, N);
    CHECK(count_bad(r, N, left(), 9) == 0);
}

static void test_ring_token(void)
{
    /* a token goes once around: rank 0 starts, every other rank adds r+1 */
    long long token = 1000;
    MPI_Status st;
    if (t_rank == 0) {
        MPI_Request rq;
        long long got = -1;
        MPI_OK(MPI_Isend(&token, 1, MPI_LONG_LONG, right(), 112, W, &rq));
        MPI_OK(MPI_Recv(&got, 1, MPI_LONG_LONG, left(), 112, W, &st));
        MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        long long expect = 1000;
        for (int r = 1; r < t_size; r++)
            expect += r + 1;
        CHECKF(got == expect, "token %lld expected %lld", got, expect);
        check_status(&st, left(), 112, MPI_LONG_LONG, 1);
    } else {
        MPI_OK(MPI_Recv(&token, 1, MPI_LONG_LONG, left(), 112, W, &st));
        check_status(&st, left(), 112, MPI_LONG_LONG, 1);
        token += t_rank + 1;
        MPI_OK(MPI_Send(&token, 1, MPI_LONG_LONG, right(), 112, W));
    }
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("p2p");

    t_begin("send-recv");
    test_send_recv();
    t_end();
    t_begin("ssend");
    test_ssend();
    t_end();
    t_begin("rsend");
    test_rsend();
    t_end();
    t_begin("bsend-buffer-attach-detach");
    test_bsend();
    t_end();
    t_begin("sendrecv");
    test_sendrecv();
    t_end();
    t_begin("sendrecv-replace");
    test_sendrecv_replace();
    t_end();
    t_begin("get-count-get-elements");
    test_get_count_elements();
    t_end();
    t_begin("any-source-any-tag");
    test_any_source_tag();
    t_end();
    t_begin("proc-null");
    test_proc_null();
    t_end();
    t_begin("status-ignore");
    test_status_ignore();
    t_end();
    t_begin("zero-count");
    test_zero_count();
    t_end();
    t_begin("large-1MiB");
    test_large();
    t_end();
    t_begin("ring-exchange");
    test_ring_exchange();
    t_end();
    t_begin("ring-token");
    test_ring_token();
    t_end();

    return t_finish();
}
