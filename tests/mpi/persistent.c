/*
 * persistent.c - persistent point-to-point requests: MPI_Send_init,
 * MPI_Ssend_init, MPI_Recv_init, MPI_Start, MPI_Startall,
 * MPI_Request_free, completed with MPI_Wait, MPI_Test (polled) and
 * MPI_Waitall, and reused over several iterations of a ring exchange with
 * new data each time (send right, receive from left; np = 1 talks to
 * itself, np = 2 has the same rank on both sides, told apart by tags).
 *
 * Also: a completed persistent request stays allocated and inactive
 * (not MPI_REQUEST_NULL); MPI_Wait/MPI_Test on an inactive one return at
 * once with an empty status; MPI_Request_free turns it into
 * MPI_REQUEST_NULL; persistent requests to and from MPI_PROC_NULL.
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
#define N 8
#define ITERS 5

static int left(void) { return (t_rank + t_size - 1) % t_size; }
static int right(void) { return (t_rank + 1) % t_size; }

/* what rank r sends in iteration it with salt s */
static int val(int r, int it, int s, int i) { return r * 10000 + it * 100 + s * 10 + i; }

static void fill(int *b, int r, int it, int s)
{
    for (int i = 0; i < N; i++)
        b[i] = val(r, it, s, i);
}
static int bad(const int *b, int r, int it, int s)
{
    int n = 0;
    for (int i = 0; i < N; i++)
        n += b[i] != val(r, it, s, i);
    return n;
}

static void check_status(const MPI_Status *st, int src, int tag, int count)
{
    int n = -1;
    CHECKF(st->MPI_SOURCE == src, "source %d expected %d", st->MPI_SOURCE, src);
    CHECKF(st->MPI_TAG == tag, "tag %d expected %d", st->MPI_TAG, tag);
    MPI_OK(MPI_Get_count(st, MPI_INT, &n));
    CHECKF(n == count, "count %d expected %d", n, count);
}

static void free_req(MPI_Request *rq)
{
    MPI_OK(MPI_Request_free(rq));
    CHECK(*rq == MPI_REQUEST_NULL);
}

static void test_send_recv_init(void)
{
    int s[N], r[N];
    MPI_Request rr, sr;
    MPI_Status st;
    MPI_OK(MPI_Recv_init(r, N, MPI_INT, left(), 1, W, &rr));
    MPI_OK(MPI_Send_init(s, N, MPI_INT, right(), 1, W, &sr));
    CHECK(rr != MPI_REQUEST_NULL && sr != MPI_REQUEST_NULL);
    for (int it = 0; it < ITERS; it++) {
        /* the buffers may be changed while the requests are inactive */
        fill(s, t_rank, it, 1);
        memset(r, 0xff, sizeof r);
        MPI_OK(MPI_Start(&rr));
        MPI_OK(MPI_Start(&sr));
        MPI_OK(MPI_Wait(&rr, &st));
        MPI_OK(MPI_Wait(&sr, MPI_STATUS_IGNORE));
        CHECKF(bad(r, left(), it, 1) == 0, "iteration %d: %d bad", it, bad(r, left(), it, 1));
        check_status(&st, left(), 1, N);
        /* completed persistent requests stay allocated */
        CHECKF(rr != MPI_REQUEST_NULL && sr != MPI_REQUEST_NULL, "iteration %d", it);
    }
    free_req(&rr);
    free_req(&sr);
}

static void test_startall_waitall(void)
{
    /* two messages each way: to the right with tag 2, to the left with tag 3 */
    int s1[N], s2[N], r1[N], r2[N];
    MPI_Request rq[4];
    MPI_Status st[4];
    MPI_OK(MPI_Recv_init(r1, N, MPI_INT, left(), 2, W, &rq[0]));
    MPI_OK(MPI_Recv_init(r2, N, MPI_INT, right(), 3, W, &rq[1]));
    MPI_OK(MPI_Send_init(s1, N, MPI_INT, right(), 2, W, &rq[2]));
    MPI_OK(MPI_Send_init(s2, N, MPI_INT, left(), 3, W, &rq[3]));
    for (int it = 0; it < ITERS; it++) {
        fill(s1, t_rank, it, 2);
        fill(s2, t_rank, it, 3);
        memset(r1, 0xff, sizeof r1);
        memset(r2, 0xff, sizeof r2);
        MPI_OK(MPI_Startall(4, rq));
        MPI_OK(MPI_Waitall(4, rq, st));
        CHECKF(bad(r1, left(), it, 2) == 0, "iteration %d from left", it);
        CHECKF(bad(r2, right(), it, 3) == 0, "iteration %d from right", it);
        check_status(&st[0], left(), 2, N);
        check_status(&st[1], right(), 3, N);
        for (int k = 0; k < 4; k++)
            CHECKF(rq[k] != MPI_REQUEST_NULL, "iteration %d request %d", it, k);
    }
    for (int k = 0; k < 4; k++)
        free_req(&rq[k]);
}

static void test_ssend_init(void)
{
    int s[N], r[N];
    MPI_Request rq[2];
    MPI_Status st;
    MPI_OK(MPI_Ssend_init(s, N, MPI_INT, right(), 4, W, &rq[1]));
    MPI_OK(MPI_Recv_init(r, N, MPI_INT, left(), 4, W, &rq[0]));
    for (int it = 0; it < ITERS; it++) {
        fill(s, t_rank, it, 4);
        memset(r, 0xff, sizeof r);
        /* receive first, then the synchronous send; completion by polling */
        MPI_OK(MPI_Start(&rq[0]));
        MPI_OK(MPI_Start(&rq[1]));
        int fs = 0, fr = 0, polls = 0;
        while (!(fs && fr)) {
            if (!fs)
                MPI_OK(MPI_Test(&rq[1], &fs, MPI_STATUS_IGNORE));
            if (!fr)
                MPI_OK(MPI_Test(&rq[0], &fr, &st));
            polls++;
        }
        CHECK(polls > 0);
        CHECKF(bad(r, left(), it, 4) == 0, "iteration %d", it);
        check_status(&st, left(), 4, N);
        CHECK(rq[0] != MPI_REQUEST_NULL && rq[1] != MPI_REQUEST_NULL);
    }
    /* Ssend started before the matching receive (odd/even order) */
    for (int it = 0; it < 2; it++) {
        fill(s, t_rank, it, 5);
        if (t_rank % 2) {
            MPI_OK(MPI_Start(&rq[1]));
            MPI_OK(MPI_Start(&rq[0]));
        } else {
            MPI_OK(MPI_Start(&rq[0]));
            MPI_OK(MPI_Start(&rq[1]));
        }
        MPI_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
        CHECKF(bad(r, left(), it, 5) == 0, "ordered iteration %d", it);
    }
    free_req(&rq[0]);
    free_req(&rq[1]);
}

static void check_empty(const MPI_Status *st, const char *what)
{
    int n = -1;
    CHECKF(st->MPI_SOURCE == MPI_ANY_SOURCE, "%s: source %d", what, st->MPI_SOURCE);
    CHECKF(st->MPI_TAG == MPI_ANY_TAG, "%s: tag %d", what, st->MPI_TAG);
    MPI_OK(MPI_Get_count(st, MPI_INT, &n));
    CHECKF(n == 0, "%s: count %d", what, n);
}

static void test_inactive(void)
{
    int s[N], r[N];
    MPI_Request rq[2];
    MPI_Status st, sts[2];
    int flag = 0;
    fill(s, t_rank, 0, 6);
    MPI_OK(MPI_Recv_init(r, N, MPI_INT, left(), 6, W, &rq[0]));
    MPI_OK(MPI_Send_init(s, N, MPI_INT, right(), 6, W, &rq[1]));
    /* never started: Wait and Test return at once with an empty status */
    memset(&st, 0x55, sizeof st);
    MPI_OK(MPI_Wait(&rq[0], &st));
    check_empty(&st, "wait before start");
    CHECK(rq[0] != MPI_REQUEST_NULL);
    memset(&st, 0x55, sizeof st);
    MPI_OK(MPI_Test(&rq[0], &flag, &st));
    CHECK(flag == 1);
    check_empty(&st, "test before start");
    MPI_OK(MPI_Waitall(2, rq, sts));
    check_empty(&sts[0], "waitall before start");
    CHECK(rq[0] != MPI_REQUEST_NULL && rq[1] != MPI_REQUEST_NULL);
    /* one round, then inactive again */
    MPI_OK(MPI_Startall(2, rq));
    MPI_OK(MPI_Waitall(2, rq, sts));
    CHECK(bad(r, left(), 0, 6) == 0);
    check_status(&sts[0], left(), 6, N);
    memset(&st, 0x55, sizeof st);
    MPI_OK(MPI_Wait(&rq[0], &st));
    check_empty(&st, "wait after completion");
    flag = 0;
    MPI_OK(MPI_Test(&rq[1], &flag, MPI_STATUS_IGNORE));
    CHECK(flag == 1 && rq[1] != MPI_REQUEST_NULL);
    free_req(&rq[0]);
    free_req(&rq[1]);
}

static void test_proc_null(void)
{
    int s[N], r[N];
    MPI_Request rq[2];
    MPI_Status st[2];
    fill(s, t_rank, 0, 7);
    memset(r, 0x11, sizeof r);
    MPI_OK(MPI_Recv_init(r, N, MPI_INT, MPI_PROC_NULL, 7, W, &rq[0]));
    MPI_OK(MPI_Send_init(s, N, MPI_INT, MPI_PROC_NULL, 7, W, &rq[1]));
    for (int it = 0; it < 3; it++) {
        MPI_OK(MPI_Startall(2, rq));
        MPI_OK(MPI_Waitall(2, rq, st));
        int n = -1;
        CHECKF(st[0].MPI_SOURCE == MPI_PROC_NULL, "source %d", st[0].MPI_SOURCE);
        CHECKF(st[0].MPI_TAG == MPI_ANY_TAG, "tag %d", st[0].MPI_TAG);
        MPI_OK(MPI_Get_count(&st[0], MPI_INT, &n));
        CHECKF(n == 0, "count %d", n);
        CHECK(r[0] == 0x11111111 && r[N - 1] == 0x11111111);
    }
    free_req(&rq[0]);
    free_req(&rq[1]);
}

/* a ring where each iteration forwards what came in, so data moves on */
static void test_ring_forward(void)
{
    int buf[2][N];
    MPI_Request rq[2][2]; /* [parity][recv, send] */
    /* two request pairs alternate buffers: receive into one, send the other */
    for (int p = 0; p < 2; p++) {
        MPI_OK(MPI_Recv_init(buf[p], N, MPI_INT, left(), 8, W, &rq[p][0]));
        MPI_OK(MPI_Send_init(buf[1 - p], N, MPI_INT, right(), 8, W, &rq[p][1]));
    }
    fill(buf[1], t_rank, 0, 8);
    int steps = 2 * t_size + 1;
    for (int it = 0; it < steps; it++) {
        int p = it % 2;
        MPI_OK(MPI_Startall(2, rq[p]));
        MPI_OK(MPI_Waitall(2, rq[p], MPI_STATUSES_IGNORE));
    }
    /* after `steps` hops the data came from rank - steps */
    int origin = ((t_rank - steps) % t_size + t_size) % t_size;
    int p = (steps - 1) % 2;
    CHECKF(bad(buf[p], origin, 0, 8) == 0, "data from %d expected", origin);
    for (int q = 0; q < 2; q++) {
        free_req(&rq[q][0]);
        free_req(&rq[q][1]);
    }
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("persistent");

    t_begin("send-recv-init");
    test_send_recv_init();
    t_end();
    t_begin("startall-waitall");
    test_startall_waitall();
    t_end();
    t_begin("ssend-init-test");
    test_ssend_init();
    t_end();
    t_begin("inactive-requests");
    test_inactive();
    t_end();
    t_begin("proc-null");
    test_proc_null();
    t_end();
    t_begin("ring-forward");
    test_ring_forward();
    t_end();

    return t_finish();
}
