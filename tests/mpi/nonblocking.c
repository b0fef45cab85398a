/*
 * nonblocking.c - MPI_Isend, MPI_Issend, MPI_Irsend, MPI_Ibsend, MPI_Irecv,
 * MPI_Wait, MPI_Waitall, MPI_Waitany, MPI_Waitsome, MPI_Test, MPI_Testall,
 * MPI_Testany, MPI_Testsome, MPI_Request_free, MPI_Cancel,
 * MPI_Test_cancelled, MPI_REQUEST_NULL handling (empty statuses,
 * MPI_UNDEFINED indices), MPI_STATUSES_IGNORE, MPI_Probe, MPI_Iprobe.
 *
 * Test loops poll until completion but give up (and fail) after a large
 * bounded number of tries so that a broken MPI cannot spin forever.
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
#define MAX_POLLS 50000000L
#define K 4  /* messages per multi-request test */

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

/* the "empty" status of a null or inactive request */
static void check_empty_status(const MPI_Status *st)
{
    int n = -1, flag = -1;
    CHECKF(st->MPI_SOURCE == MPI_ANY_SOURCE, "MPI_SOURCE=%d", st->MPI_SOURCE);
    CHECKF(st->MPI_TAG == MPI_ANY_TAG, "MPI_TAG=%d", st->MPI_TAG);
    MPI_OK(MPI_Get_count(st, MPI_INT, &n));
    CHECKF(n == 0, "count=%d", n);
    MPI_OK(MPI_Test_cancelled(st, &flag));
    CHECKF(flag == 0, "cancelled=%d", flag);
}

#define N 8
static void fill(int *b, int who, int salt)
{
    for (int i = 0; i < N; i++)
        b[i] = who * 1000 + salt * 10 + i;
}
static int count_bad(const int *b, int who, int salt)
{
    int bad = 0;
    for (int i = 0; i < N; i++)
        bad += b[i] != who * 1000 + salt * 10 + i;
    return bad;
}

static void test_isend_irecv_wait(void)
{
    int s[N], r[N];
    MPI_Request rr = MPI_REQUEST_NULL, sr = MPI_REQUEST_NULL;
    MPI_Status st;
    fill(s, t_rank, 1);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Irecv(r, N, MPI_INT, left(), 10, W, &rr));
    MPI_OK(MPI_Isend(s, N, MPI_INT, right(), 10, W, &sr));
    CHECK(rr != MPI_REQUEST_NULL && sr != MPI_REQUEST_NULL);
    MPI_OK(MPI_Wait(&rr, &st));
    check_status(&st, left(), 10, MPI_INT, N);
    CHECK(count_bad(r, left(), 1) == 0);
    MPI_OK(MPI_Wait(&sr, &st));
    CHECK(rr == MPI_REQUEST_NULL && sr == MPI_REQUEST_NULL);

    /* wildcard nonblocking receive */
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Irecv(r, N, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, W, &rr));
    MPI_OK(MPI_Isend(s, N, MPI_INT, right(), 11, W, &sr));
    MPI_OK(MPI_Wait(&rr, &st));
    check_status(&st, left(), 11, MPI_INT, N);
    CHECK(count_bad(r, left(), 1) == 0);
    MPI_OK(MPI_Wait(&sr, MPI_STATUS_IGNORE));
}

static void test_waitall(void)
{
    int s[K][N], r[K][N];
    MPI_Request rq[2 * K];
    MPI_Status st[2 * K];
    for (int k = 0; k < K; k++) {
        fill(s[k], t_rank, k);
        memset(r[k], 0xff, sizeof r[k]);
        MPI_OK(MPI_Irecv(r[k], N, MPI_INT, left(), 20 + k, W, &rq[k]));
    }
    for (int k = 0; k < K; k++) /* in reverse tag order */
        MPI_OK(MPI_Isend(s[K - 1 - k], N, MPI_INT, right(), 20 + K - 1 - k, W,
                         &rq[K + k]));
    MPI_OK(MPI_Waitall(2 * K, rq, st));
    for (int k = 0; k < K; k++) {
        check_status(&st[k], left(), 20 + k, MPI_INT, N);
        CHECKF(count_bad(r[k], left(), k) == 0, "message %d", k);
    }
    for (int k = 0; k < 2 * K; k++)
        CHECKF(rq[k] == MPI_REQUEST_NULL, "request %d", k);
}

static void test_issend(void)
{
    int p = partner(), s[N], r[N];
    MPI_Request rq[2];
    MPI_Status st[2];
    fill(s, t_rank, 3);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Issend(s, N, MPI_INT, p, 30, W, &rq[0]));
    MPI_OK(MPI_Irecv(r, N, MPI_INT, p, 30, W, &rq[1]));
    MPI_OK(MPI_Waitall(2, rq, st));
    check_status(&st[1], p, 30, MPI_INT, N);
    CHECK(count_bad(r, p, 3) == 0);
}

static void test_irsend(void)
{
    int p = partner(), s[N], r[N];
    MPI_Request rq[2];
    MPI_Status st[2];
    fill(s, t_rank, 4);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Irecv(r, N, MPI_INT, p, 40, W, &rq[0]));
    MPI_Barrier(W); /* every receive is posted before any ready send */
    MPI_OK(MPI_Irsend(s, N, MPI_INT, p, 40, W, &rq[1]));
    MPI_OK(MPI_Waitall(2, rq, st));
    check_status(&st[0], p, 40, MPI_INT, N);
    CHECK(count_bad(r, p, 4) == 0);
}

static void test_ibsend(void)
{
    int p = partner(), s[N], r[N], psize = 0;
    MPI_Request rq;
    MPI_Status st;
    MPI_OK(MPI_Pack_size(N, MPI_INT, W, &psize));
    int bufsize = psize + MPI_BSEND_OVERHEAD;
    char *buf = malloc((size_t)bufsize);
    MPI_OK(MPI_Buffer_attach(buf, bufsize));
    fill(s, t_rank, 5);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Ibsend(s, N, MPI_INT, p, 50, W, &rq));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE)); /* completes locally */
    MPI_OK(MPI_Recv(r, N, MPI_INT, p, 50, W, &st));
    check_status(&st, p, 50, MPI_INT, N);
    CHECK(count_bad(r, p, 5) == 0);
    void *dbuf = NULL;
    int dsize = -1;
    MPI_OK(MPI_Buffer_detach(&dbuf, &dsize));
    CHECK(dbuf == (void *)buf && dsize == bufsize);
    free(buf);
}

static void test_waitany(void)
{
    int s[K], r[K], done[K] = {0};
    MPI_Request rr[K], sr[K];
    for (int k = 0; k < K; k++) {
        r[k] = -1;
        s[k] = t_rank * 100 + k;
        MPI_OK(MPI_Irecv(&r[k], 1, MPI_INT, left(), 60 + k, W, &rr[k]));
    }
    for (int k = K - 1; k >= 0; k--)
        MPI_OK(MPI_Isend(&s[k], 1, MPI_INT, right(), 60 + k, W, &sr[k]));
    for (int n = 0; n < K; n++) {
        int idx = -1;
        MPI_Status st;
        MPI_OK(MPI_Waitany(K, rr, &idx, &st));
        CHECKF(idx >= 0 && idx < K, "index %d", idx);
        if (idx < 0 || idx >= K)
            break;
        CHECKF(!done[idx], "index %d twice", idx);
        done[idx] = 1;
        CHECK(rr[idx] == MPI_REQUEST_NULL);
        check_status(&st, left(), 60 + idx, MPI_INT, 1);
        CHECKF(r[idx] == left() * 100 + idx, "value %d at %d", r[idx], idx);
    }
    /* all requests are null now */
    int idx = -2;
    MPI_Status st;
    MPI_OK(MPI_Waitany(K, rr, &idx, &st));
    CHECKF(idx == MPI_UNDEFINED, "index %d", idx);
    /* sends complete with Waitany too */
    for (int n = 0; n < K; n++)
        MPI_OK(MPI_Waitany(K, sr, &idx, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Waitany(K, sr, &idx, MPI_STATUS_IGNORE));
    CHECKF(idx == MPI_UNDEFINED, "index %d", idx);
}

static void test_waitsome(void)
{
    int s[K], r[K], done[K] = {0}, total = 0, rounds = 0;
    MPI_Request rr[K], sr[K];
    for (int k = 0; k < K; k++) {
        r[k] = -1;
        s[k] = t_rank * 100 + k;
        MPI_OK(MPI_Irecv(&r[k], 1, MPI_INT, left(), 70 + k, W, &rr[k]));
    }
    for (int k = 0; k < K; k++)
        MPI_OK(MPI_Isend(&s[k], 1, MPI_INT, right(), 70 + k, W, &sr[k]));
    while (total < K && rounds++ < 10 * K) {
        int outcount = -1, idx[K];
        MPI_Status st[K];
        MPI_OK(MPI_Waitsome(K, rr, &outcount, idx, st));
        CHECKF(outcount >= 1 && outcount <= K - total, "outcount %d", outcount);
        if (outcount < 1 || outcount > K - total)
            break;
        for (int j = 0; j < outcount; j++) {
            int i = idx[j];
            CHECKF(i >= 0 && i < K && !done[i], "index %d", i);
            if (i < 0 || i >= K)
                continue;
            done[i] = 1;
            CHECK(rr[i] == MPI_REQUEST_NULL);
            check_status(&st[j], left(), 70 + i, MPI_INT, 1);
            CHECKF(r[i] == left() * 100 + i, "value %d at %d", r[i], i);
        }
        total += outcount;
    }
    CHECKF(total == K, "completed %d", total);
    int outcount = -2, idx[K];
    MPI_OK(MPI_Waitsome(K, rr, &outcount, idx, MPI_STATUSES_IGNORE));
    CHECKF(outcount == MPI_UNDEFINED, "outcount %d", outcount);
    MPI_OK(MPI_Waitall(K, sr, MPI_STATUSES_IGNORE));
}

static void test_test(void)
{
    int s[N], r[N], flag = 0;
    long polls = 0;
    MPI_Request rr, sr;
    MPI_Status st;
    fill(s, t_rank, 8);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Irecv(r, N, MPI_INT, left(), 80, W, &rr));
    MPI_OK(MPI_Isend(s, N, MPI_INT, right(), 80, W, &sr));
    while (!flag && polls++ < MAX_POLLS)
        MPI_OK(MPI_Test(&rr, &flag, &st));
    CHECKF(flag, "receive not complete after %ld polls", polls);
    if (!flag)
        MPI_Wait(&rr, &st);
    CHECK(rr == MPI_REQUEST_NULL);
    check_status(&st, left(), 80, MPI_INT, N);
    CHECK(count_bad(r, left(), 8) == 0);
    flag = 0;
    polls = 0;
    while (!flag && polls++ < MAX_POLLS)
        MPI_OK(MPI_Test(&sr, &flag, MPI_STATUS_IGNORE));
    CHECKF(flag, "send not complete after %ld polls", polls);
    if (!flag)
        MPI_Wait(&sr, MPI_STATUS_IGNORE);
    CHECK(sr == MPI_REQUEST_NULL);
}

static void post_k(int tag0, int *s, int *r, MPI_Request *rq)
{
    /* rq[0..K-1]: receives from the left, rq[K..2K-1]: sends to the right */
    for (int k = 0; k < K; k++) {
        r[k] = -1;
        s[k] = t_rank * 100 + k;
        MPI_OK(MPI_Irecv(&r[k], 1, MPI_INT, left(), tag0 + k, W, &rq[k]));
    }
    for (int k = 0; k < K; k++)
        MPI_OK(MPI_Isend(&s[k], 1, MPI_INT, right(), tag0 + k, W, &rq[K + k]));
}

static void test_testall(void)
{
    int s[K], r[K], flag = 0;
    long polls = 0;
    MPI_Request rq[2 * K];
    MPI_Status st[2 * K];
    post_k(90, s, r, rq);
    while (!flag && polls++ < MAX_POLLS)
        MPI_OK(MPI_Testall(2 * K, rq, &flag, st));
    CHECKF(flag, "not complete after %ld polls", polls);
    if (!flag)
        MPI_Waitall(2 * K, rq, st);
    for (int k = 0; k < K; k++) {
        check_status(&st[k], left(), 90 + k, MPI_INT, 1);
        CHECK(r[k] == left() * 100 + k);
    }
    for (int k = 0; k < 2 * K; k++)
        CHECK(rq[k] == MPI_REQUEST_NULL);
    /* all null: complete at once */
    flag = 0;
    MPI_OK(MPI_Testall(2 * K, rq, &flag, st));
    CHECK(flag != 0);
}

static void test_testany(void)
{
    int s[K], r[K], done[2 * K] = {0}, ndone = 0;
    long polls = 0;
    MPI_Request rq[2 * K];
    post_k(100, s, r, rq);
    while (ndone < 2 * K && polls++ < MAX_POLLS) {
        int flag = 0, idx = -2;
        MPI_Status st;
        MPI_OK(MPI_Testany(2 * K, rq, &idx, &flag, &st));
        if (!flag) {
            CHECKF(idx == MPI_UNDEFINED, "index %d without completion", idx);
            continue;
        }
        CHECKF(idx >= 0 && idx < 2 * K && !done[idx], "index %d", idx);
        if (idx < 0 || idx >= 2 * K)
            break;
        done[idx] = 1;
        ndone++;
        CHECK(rq[idx] == MPI_REQUEST_NULL);
        if (idx < K) {
            check_status(&st, left(), 100 + idx, MPI_INT, 1);
            CHECK(r[idx] == left() * 100 + idx);
        }
    }
    CHECKF(ndone == 2 * K, "completed %d", ndone);
    if (ndone < 2 * K)
        MPI_Waitall(2 * K, rq, MPI_STATUSES_IGNORE);
    /* all null: flag true, index MPI_UNDEFINED */
    int flag = 0, idx = -2;
    MPI_Status st;
    MPI_OK(MPI_Testany(2 * K, rq, &idx, &flag, &st));
    CHECK(flag != 0);
    CHECKF(idx == MPI_UNDEFINED, "index %d", idx);
}

static void test_testsome(void)
{
    int s[K], r[K], done[2 * K] = {0}, ndone = 0;
    long polls = 0;
    MPI_Request rq[2 * K];
    post_k(110, s, r, rq);
    while (ndone < 2 * K && polls++ < MAX_POLLS) {
        int outcount = -2, idx[2 * K];
        MPI_Status st[2 * K];
        MPI_OK(MPI_Testsome(2 * K, rq, &outcount, idx, st));
        CHECKF(outcount >= 0 && outcount <= 2 * K - ndone, "outcount %d", outcount);
        if (outcount < 0 || outcount > 2 * K - ndone)
            break;
        for (int j = 0; j < outcount; j++) {
            int i = idx[j];
            CHECKF(i >= 0 && i < 2 * K && !done[i], "index %d", i);
            if (i < 0 || i >= 2 * K)
                continue;
            done[i] = 1;
            CHECK(rq[i] == MPI_REQUEST_NULL);
            if (i < K) {
                check_status(&st[j], left(), 110 + i, MPI_INT, 1);
                CHECK(r[i] == left() * 100 + i);
            }
        }
        ndone += outcount;
    }
    CHECKF(ndone == 2 * K, "completed %d", ndone);
    if (ndone < 2 * K)
        MPI_Waitall(2 * K, rq, MPI_STATUSES_IGNORE);
    int outcount = -2, idx[2 * K];
    MPI_OK(MPI_Testsome(2 * K, rq, &outcount, idx, MPI_STATUSES_IGNORE));
    CHECKF(outcount == MPI_UNDEFINED, "outcount %d", outcount);
}

static void test_request_free(void)
{
    int *s = malloc(sizeof(int) * N), r[N];
    MPI_Request rq;
    MPI_Status st;
    fill(s, t_rank, 12);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_Isend(s, N, MPI_INT, right(), 120, W, &rq));
    MPI_OK(MPI_Request_free(&rq));
    CHECK(rq == MPI_REQUEST_NULL);
    /* the freed send still completes: the receive gets the data */
    MPI_OK(MPI_Recv(r, N, MPI_INT, left(), 120, W, &st));
    check_status(&st, left(), 120, MPI_INT, N);
    CHECK(count_bad(r, left(), 12) == 0);
    /* once every receive is done, every freed send has completed */
    MPI_Barrier(W);
    free(s);
}

static void test_cancel(void)
{
    int r[N], flag = -1;
    MPI_Request rq;
    MPI_Status st;
    /* nobody ever sends tag 130 */
    MPI_OK(MPI_Irecv(r, N, MPI_INT, MPI_ANY_SOURCE, 130, W, &rq));
    MPI_OK(MPI_Cancel(&rq));
    MPI_OK(MPI_Wait(&rq, &st));
    CHECK(rq == MPI_REQUEST_NULL);
    MPI_OK(MPI_Test_cancelled(&st, &flag));
    CHECKF(flag != 0, "cancelled=%d", flag);

    /* a normally completed receive is not cancelled */
    int s[N];
    fill(s, t_rank, 13);
    MPI_Request sr;
    MPI_OK(MPI_Irecv(r, N, MPI_INT, left(), 131, W, &rq));
    MPI_OK(MPI_Isend(s, N, MPI_INT, right(), 131, W, &sr));
    MPI_OK(MPI_Wait(&rq, &st));
    MPI_OK(MPI_Wait(&sr, MPI_STATUS_IGNORE));
    flag = -1;
    MPI_OK(MPI_Test_cancelled(&st, &flag));
    CHECKF(flag == 0, "cancelled=%d", flag);
    CHECK(count_bad(r, left(), 13) == 0);
}

static void test_request_null(void)
{
    MPI_Request rq = MPI_REQUEST_NULL, rqs[3] = {MPI_REQUEST_NULL,
                                                  MPI_REQUEST_NULL,
                                                  MPI_REQUEST_NULL};
    MPI_Status st, sts[3];
    int flag = 0, idx = -2, outcount = -2, idxs[3];

    memset(&st, 0x5a, sizeof st);
    MPI_OK(MPI_Wait(&rq, &st));
    check_empty_status(&st);
    CHECK(rq == MPI_REQUEST_NULL);

    memset(&st, 0x5a, sizeof st);
    MPI_OK(MPI_Test(&rq, &flag, &st));
    CHECK(flag != 0);
    check_empty_status(&st);

    MPI_OK(MPI_Waitany(3, rqs, &idx, &st));
    CHECKF(idx == MPI_UNDEFINED, "Waitany index %d", idx);
    idx = -2;
    MPI_OK(MPI_Waitany(0, rqs, &idx, &st));
    CHECKF(idx == MPI_UNDEFINED, "Waitany(0) index %d", idx);

    memset(sts, 0x5a, sizeof sts);
    MPI_OK(MPI_Waitall(3, rqs, sts));
    for (int i = 0; i < 3; i++)
        check_empty_status(&sts[i]);

    flag = 0;
    memset(sts, 0x5a, sizeof sts);
    MPI_OK(MPI_Testall(3, rqs, &flag, sts));
    CHECK(flag != 0);
    for (int i = 0; i < 3; i++)
        check_empty_status(&sts[i]);

    flag = 0;
    idx = -2;
    MPI_OK(MPI_Testany(3, rqs, &idx, &flag, &st));
    CHECK(flag != 0);
    CHECKF(idx == MPI_UNDEFINED, "Testany index %d", idx);

    MPI_OK(MPI_Waitsome(3, rqs, &outcount, idxs, sts));
    CHECKF(outcount == MPI_UNDEFINED, "Waitsome outcount %d", outcount);
    outcount = -2;
    MPI_OK(MPI_Testsome(3, rqs, &outcount, idxs, sts));
    CHECKF(outcount == MPI_UNDEFINED, "Testsome outcount %d", outcount);

    /* a mix of null and active requests */
    int s = t_rank, r = -1;
    rqs[0] = MPI_REQUEST_NULL;
    MPI_OK(MPI_Irecv(&r, 1, MPI_INT, left(), 140, W, &rqs[1]));
    MPI_OK(MPI_Isend(&s, 1, MPI_INT, right(), 140, W, &rqs[2]));
    memset(sts, 0x5a, sizeof sts);
    MPI_OK(MPI_Waitall(3, rqs, sts));
    check_empty_status(&sts[0]);
    check_status(&sts[1], left(), 140, MPI_INT, 1);
    CHECK(r == left());

    /* requests with MPI_PROC_NULL complete at once with a PROC_NULL status */
    MPI_OK(MPI_Irecv(&r, 1, MPI_INT, MPI_PROC_NULL, 141, W, &rq));
    MPI_OK(MPI_Wait(&rq, &st));
    CHECKF(st.MPI_SOURCE == MPI_PROC_NULL, "MPI_SOURCE=%d", st.MPI_SOURCE);
    CHECKF(st.MPI_TAG == MPI_ANY_TAG, "MPI_TAG=%d", st.MPI_TAG);
    int n = -1;
    MPI_OK(MPI_Get_count(&st, MPI_INT, &n));
    CHECK(n == 0);
    MPI_OK(MPI_Isend(&s, 1, MPI_INT, MPI_PROC_NULL, 141, W, &rq));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    CHECK(rq == MPI_REQUEST_NULL);
}

static void test_statuses_ignore(void)
{
    int s[K], r[K], flag = 0, idx, outcount;
    long polls = 0;
    MPI_Request rq[2 * K];
    post_k(150, s, r, rq);
    MPI_OK(MPI_Waitall(2 * K, rq, MPI_STATUSES_IGNORE));
    for (int k = 0; k < K; k++)
        CHECK(r[k] == left() * 100 + k);

    post_k(160, s, r, rq);
    while (!flag && polls++ < MAX_POLLS)
        MPI_OK(MPI_Testall(2 * K, rq, &flag, MPI_STATUSES_IGNORE));
    CHECK(flag != 0);
    if (!flag)
        MPI_Waitall(2 * K, rq, MPI_STATUSES_IGNORE);
    for (int k = 0; k < K; k++)
        CHECK(r[k] == left() * 100 + k);

    post_k(170, s, r, rq);
    int ndone = 0;
    while (ndone < 2 * K) {
        MPI_OK(MPI_Waitsome(2 * K, rq, &outcount, (int[2 * K]){0},
                            MPI_STATUSES_IGNORE));
        if (outcount == MPI_UNDEFINED || outcount < 1)
            break;
        ndone += outcount;
    }
    CHECK(ndone == 2 * K);
    for (int k = 0; k < K; k++)
        CHECK(r[k] == left() * 100 + k);

    post_k(180, s, r, rq);
    for (int k = 0; k < 2 * K; k++)
        MPI_OK(MPI_Waitany(2 * K, rq, &idx, MPI_STATUS_IGNORE));
    for (int k = 0; k < K; k++)
        CHECK(r[k] == left() * 100 + k);
    for (int k = 0; k < 2 * K; k++)
        CHECK(rq[k] == MPI_REQUEST_NULL);
}

static void test_probe(void)
{
    /* each rank sends 3 + rank ints to the right; receiver sizes by Probe */
    int cnt = 3 + t_rank, n = -1;
    int *s = malloc(sizeof(int) * (size_t)cnt);
    for (int i = 0; i < cnt; i++)
        s[i] = t_rank * 100 + i;
    MPI_Request sr;
    MPI_Status st;
    MPI_OK(MPI_Isend(s, cnt, MPI_INT, right(), 190, W, &sr));
    MPI_OK(MPI_Probe(left(), 190, W, &st));
    check_status(&st, left(), 190, MPI_INT, 3 + left());
    MPI_OK(MPI_Get_count(&st, MPI_INT, &n));
    int *r = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    MPI_OK(MPI_Recv(r, n, MPI_INT, st.MPI_SOURCE, st.MPI_TAG, W, &st));
    check_status(&st, left(), 190, MPI_INT, 3 + left());
    for (int i = 0; i < n; i++)
        CHECK(r[i] == left() * 100 + i);
    MPI_OK(MPI_Wait(&sr, MPI_STATUS_IGNORE));
    free(r);

    /* probe with wildcards */
    MPI_OK(MPI_Isend(s, cnt, MPI_INT, right(), 191, W, &sr));
    MPI_OK(MPI_Probe(MPI_ANY_SOURCE, MPI_ANY_TAG, W, &st));
    check_status(&st, left(), 191, MPI_INT, 3 + left());
    n = -1;
    MPI_OK(MPI_Get_count(&st, MPI_INT, &n));
    r = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    MPI_OK(MPI_Recv(r, n, MPI_INT, st.MPI_SOURCE, st.MPI_TAG, W, MPI_STATUS_IGNORE));
    for (int i = 0; i < n; i++)
        CHECK(r[i] == left() * 100 + i);
    MPI_OK(MPI_Wait(&sr, MPI_STATUS_IGNORE));
    free(r);
    free(s);
}

static void test_iprobe(void)
{
    int flag = -1, n = -1;
    long polls = 0;
    MPI_Status st;
    /* nothing is ever sent with tag 200 */
    MPI_OK(MPI_Iprobe(MPI_ANY_SOURCE, 200, W, &flag, &st));
    CHECKF(flag == 0, "flag=%d", flag);
    MPI_OK(MPI_Iprobe(MPI_PROC_NULL, 200, W, &flag, &st));
    CHECKF(flag != 0, "flag=%d", flag); /* PROC_NULL probes match at once */
    CHECK(st.MPI_SOURCE == MPI_PROC_NULL && st.MPI_TAG == MPI_ANY_TAG);

    int cnt = 2 + 2 * t_rank;
    int *s = malloc(sizeof(int) * (size_t)cnt);
    for (int i = 0; i < cnt; i++)
        s[i] = t_rank * 100 + i;
    MPI_Request sr;
    MPI_OK(MPI_Isend(s, cnt, MPI_INT, right(), 201, W, &sr));
    flag = 0;
    while (!flag && polls++ < MAX_POLLS)
        MPI_OK(MPI_Iprobe(left(), 201, W, &flag, &st));
    CHECKF(flag, "no message after %ld polls", polls);
    if (!flag)
        MPI_Probe(left(), 201, W, &st);
    check_status(&st, left(), 201, MPI_INT, 2 + 2 * left());
    MPI_OK(MPI_Get_count(&st, MPI_INT, &n));
    int *r = malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
    MPI_OK(MPI_Recv(r, n, MPI_INT, left(), 201, W, &st));
    check_status(&st, left(), 201, MPI_INT, 2 + 2 * left());
    for (int i = 0; i < n; i++)
        CHECK(r[i] == left() * 100 + i);
    MPI_OK(MPI_Wait(&sr, MPI_STATUS_IGNORE));
    /* the message is gone */
    MPI_OK(MPI_Iprobe(left(), 201, W, &flag, MPI_STATUS_IGNORE));
    CHECKF(flag == 0, "flag=%d", flag);
    free(r);
    free(s);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("nonblocking");

    t_begin("isend-irecv-wait");
    test_isend_irecv_wait();
    t_end();
    t_begin("waitall");
    test_waitall();
    t_end();
    t_begin("issend");
    test_issend();
    t_end();
    t_begin("irsend");
    test_irsend();
    t_end();
    t_begin("ibsend");
    test_ibsend();
    t_end();
    t_begin("waitany");
    test_waitany();
    t_end();
    t_begin("waitsome");
    test_waitsome();
    t_end();
    t_begin("test");
    test_test();
    t_end();
    t_begin("testall");
    test_testall();
    t_end();
    t_begin("testany");
    test_testany();
    t_end();
    t_begin("testsome");
    test_testsome();
    t_end();
    t_begin("request-free");
    test_request_free();
    t_end();
    t_begin("cancel-test-cancelled");
    test_cancel();
    t_end();
    t_begin("request-null");
    test_request_null();
    t_end();
    t_begin("statuses-ignore");
    test_statuses_ignore();
    t_end();
    t_begin("probe");
    test_probe();
    t_end();
    t_begin("iprobe");
    test_iprobe();
    t_end();

    return t_finish();
}
