/*
 * p3_mprobe.c - matched probes and the rest of point-to-point:
 * MPI_Mprobe, MPI_Improbe (polled until the flag is set), MPI_Mrecv,
 * MPI_Imrecv (+ MPI_Wait), the message handles (MPI_MESSAGE_NULL after the
 * receive; a matched message is gone from the queue, so a later receive
 * with the same envelope gets the next message), MPI_MESSAGE_NO_PROC from
 * probing MPI_PROC_NULL (receiving it gives source MPI_PROC_NULL, tag
 * MPI_ANY_TAG, count 0), MPI_Request_get_status (on an MPI_Irecv before
 * and after the matching send; the request stays valid and is then
 * waited), MPI_Bsend_init and MPI_Rsend_init (persistent buffered sends
 * through an attached buffer, persistent ready sends to a receive posted
 * before an MPI_Barrier), reused for several iterations.
 *
 * Every rank sends to its right neighbour and receives from its left one
 * (with one rank both are the rank itself, reached through nonblocking
 * sends).
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

static int left, right; /* neighbours in the ring of world ranks */

/* the count of st in MPI_INTs, -2 when MPI_Get_count fails */
static int count_of(const MPI_Status *st)
{
    int c = -2;
    if (MPI_Get_count(st, MPI_INT, &c) != MPI_SUCCESS)
        return -2;
    return c;
}

static void fill(int *p, int n, int base)
{
    for (int k = 0; k < n; k++)
        p[k] = base + k;
}

/* p[0..n) == base + k, and the rest of p[0..len) still holds -1 */
static void check_vals(const int *p, int n, int len, int base, const char *what)
{
    for (int k = 0; k < len; k++) {
        int want = k < n ? base + k : -1;
        CHECKF(p[k] == want, "%s[%d] = %d, expected %d", what, k, p[k], want);
    }
}

static void reset(int *p, int len)
{
    for (int k = 0; k < len; k++)
        p[k] = -1;
}

static void test_mprobe(void)
{
    int a[3], b[5], c[2], buf[8];
    MPI_Request rq[3];
    MPI_Status st;
    MPI_Message msg = MPI_MESSAGE_NULL;

    /* two messages with the same envelope: 3 ints, then 5 ints */
    fill(a, 3, t_rank * 100 + 10);
    fill(b, 5, t_rank * 100 + 50);
    MPI_OK(MPI_Isend(a, 3, MPI_INT, right, 10, W, &rq[0]));
    MPI_OK(MPI_Isend(b, 5, MPI_INT, right, 10, W, &rq[1]));

    /* Mprobe matches the first one (messages do not overtake) */
    memset(&st, 0, sizeof st);
    MPI_OK(MPI_Mprobe(left, 10, W, &msg, &st));
    CHECK(msg != MPI_MESSAGE_NULL && msg != MPI_MESSAGE_NO_PROC);
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 10, "source %d tag %d", st.MPI_SOURCE,
           st.MPI_TAG);
    CHECKF(count_of(&st) == 3, "probed count %d", count_of(&st));

    /* the matched message has left the queue: an ordinary receive with the
     * same envelope gets the second one */
    reset(buf, 8);
    MPI_OK(MPI_Recv(buf, 8, MPI_INT, left, 10, W, &st));
    CHECKF(count_of(&st) == 5, "count %d", count_of(&st));
    CHECK(st.MPI_SOURCE == left && st.MPI_TAG == 10);
    check_vals(buf, 5, 8, left * 100 + 50, "recv after mprobe");

    /* and Mrecv still receives the matched one */
    reset(buf, 8);
    memset(&st, 0, sizeof st);
    MPI_OK(MPI_Mrecv(buf, 3, MPI_INT, &msg, &st));
    CHECK(msg == MPI_MESSAGE_NULL);
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 10, "source %d tag %d", st.MPI_SOURCE,
           st.MPI_TAG);
    CHECKF(count_of(&st) == 3, "count %d", count_of(&st));
    check_vals(buf, 3, 8, left * 100 + 10, "mrecv");

    /* wildcards: the status names the real source and tag */
    fill(c, 2, t_rank * 100 + 90);
    MPI_OK(MPI_Isend(c, 2, MPI_INT, right, 11 + t_rank % 2, W, &rq[2]));
    int tag = 11 + left % 2;
    memset(&st, 0, sizeof st);
    MPI_OK(MPI_Mprobe(MPI_ANY_SOURCE, MPI_ANY_TAG, W, &msg, &st));
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == tag, "source %d tag %d", st.MPI_SOURCE,
           st.MPI_TAG);
    CHECKF(count_of(&st) == 2, "count %d", count_of(&st));
    /* a receive buffer larger than the message */
    reset(buf, 8);
    MPI_OK(MPI_Mrecv(buf, 8, MPI_INT, &msg, &st));
    CHECK(msg == MPI_MESSAGE_NULL);
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == tag && count_of(&st) == 2,
           "source %d tag %d count %d", st.MPI_SOURCE, st.MPI_TAG, count_of(&st));
    check_vals(buf, 2, 8, left * 100 + 90, "mrecv any");
    MPI_OK(MPI_Waitall(3, rq, MPI_STATUSES_IGNORE));
}

static void test_improbe(void)
{
    int a[4], b[6], buf[8], flag = -1;
    MPI_Request rq[2], r;
    MPI_Status st;
    MPI_Message msg = MPI_MESSAGE_NULL;

    /* nobody has sent tag 20 yet: the left neighbour sends after the barrier */
    MPI_OK(MPI_Improbe(left, 20, W, &flag, &msg, &st));
    CHECKF(flag == 0, "flag %d before the send", flag);
    MPI_OK(MPI_Barrier(W));
    fill(a, 4, t_rank * 100 + 20);
    MPI_OK(MPI_Isend(a, 4, MPI_INT, right, 20, W, &rq[0]));
    flag = 0;
    msg = MPI_MESSAGE_NULL;
    while (!flag)
        MPI_OK(MPI_Improbe(left, 20, W, &flag, &msg, &st));
    CHECK(msg != MPI_MESSAGE_NULL && msg != MPI_MESSAGE_NO_PROC);
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 20, "source %d tag %d", st.MPI_SOURCE,
           st.MPI_TAG);
    CHECKF(count_of(&st) == 4, "count %d", count_of(&st));
    /* matched: no longer visible to probes */
    int flag2 = -1;
    MPI_Message m2 = MPI_MESSAGE_NULL;
    MPI_OK(MPI_Improbe(left, 20, W, &flag2, &m2, MPI_STATUS_IGNORE));
    CHECKF(flag2 == 0, "flag %d for a matched message", flag2);
    MPI_OK(MPI_Iprobe(left, 20, W, &flag2, MPI_STATUS_IGNORE));
    CHECKF(flag2 == 0, "Iprobe flag %d for a matched message", flag2);

    /* Imrecv + Wait */
    reset(buf, 8);
    r = MPI_REQUEST_NULL;
    MPI_OK(MPI_Imrecv(buf, 8, MPI_INT, &msg, &r));
    CHECK(msg == MPI_MESSAGE_NULL);
    CHECK(r != MPI_REQUEST_NULL);
    memset(&st, 0, sizeof st);
    MPI_OK(MPI_Wait(&r, &st));
    CHECK(r == MPI_REQUEST_NULL);
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 20, "source %d tag %d", st.MPI_SOURCE,
           st.MPI_TAG);
    CHECKF(count_of(&st) == 4, "count %d", count_of(&st));
    check_vals(buf, 4, 8, left * 100 + 20, "imrecv");

    /* Improbe with wildcards, received with Imrecv */
    fill(b, 6, t_rank * 100 + 60);
    MPI_OK(MPI_Isend(b, 6, MPI_INT, right, 21, W, &rq[1]));
    flag = 0;
    while (!flag)
        MPI_OK(MPI_Improbe(MPI_ANY_SOURCE, MPI_ANY_TAG, W, &flag, &msg, &st));
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 21 && count_of(&st) == 6,
           "source %d tag %d count %d", st.MPI_SOURCE, st.MPI_TAG, count_of(&st));
    reset(buf, 8);
    MPI_OK(MPI_Imrecv(buf, 6, MPI_INT, &msg, &r));
    CHECK(msg == MPI_MESSAGE_NULL);
    MPI_OK(MPI_Wait(&r, &st));
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 21 && count_of(&st) == 6,
           "source %d tag %d count %d", st.MPI_SOURCE, st.MPI_TAG, count_of(&st));
    check_vals(buf, 6, 8, left * 100 + 60, "imrecv any");
    MPI_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
}

/* a status from MPI_PROC_NULL: source MPI_PROC_NULL, tag MPI_ANY_TAG, count 0 */
#define CHECK_PROC_NULL_STATUS(st)                                                          \
    CHECKF((st).MPI_SOURCE == MPI_PROC_NULL && (st).MPI_TAG == MPI_ANY_TAG &&               \
               count_of(&(st)) == 0,                                                        \
           "source %d tag %d count %d", (st).MPI_SOURCE, (st).MPI_TAG, count_of(&(st)))

static void test_no_proc(void)
{
    int buf[4];
    MPI_Status st;
    MPI_Message msg = MPI_MESSAGE_NULL;
    MPI_Request r = MPI_REQUEST_NULL;
    int flag = 0;

    /* Mprobe + Mrecv */
    memset(&st, 0x55, sizeof st);
    MPI_OK(MPI_Mprobe(MPI_PROC_NULL, 5, W, &msg, &st));
    CHECK(msg == MPI_MESSAGE_NO_PROC);
    CHECK_PROC_NULL_STATUS(st);
    reset(buf, 4);
    memset(&st, 0x55, sizeof st);
    MPI_OK(MPI_Mrecv(buf, 4, MPI_INT, &msg, &st));
    CHECK(msg == MPI_MESSAGE_NULL);
    CHECK_PROC_NULL_STATUS(st);
    check_vals(buf, 0, 4, 0, "mrecv no-proc");

    /* Improbe + Imrecv + Wait */
    msg = MPI_MESSAGE_NULL;
    memset(&st, 0x55, sizeof st);
    MPI_OK(MPI_Improbe(MPI_PROC_NULL, MPI_ANY_TAG, W, &flag, &msg, &st));
    CHECKF(flag == 1, "flag %d", flag);
    CHECK(msg == MPI_MESSAGE_NO_PROC);
    CHECK_PROC_NULL_STATUS(st);
    MPI_OK(MPI_Imrecv(buf, 4, MPI_INT, &msg, &r));
    CHECK(msg == MPI_MESSAGE_NULL);
    memset(&st, 0x55, sizeof st);
    MPI_OK(MPI_Wait(&r, &st));
    CHECK(r == MPI_REQUEST_NULL);
    CHECK_PROC_NULL_STATUS(st);
    check_vals(buf, 0, 4, 0, "imrecv no-proc");

    /* real traffic still flows afterwards */
    int x = t_rank + 7, y = -1;
    MPI_OK(MPI_Sendrecv(&x, 1, MPI_INT, right, 6, &y, 1, MPI_INT, left, 6, W,
                        MPI_STATUS_IGNORE));
    CHECK(y == left + 7);
}

static void test_get_status(void)
{
    int a[3], buf[5], flag = -1;
    MPI_Request r = MPI_REQUEST_NULL, s = MPI_REQUEST_NULL;
    MPI_Status st;

    /* MPI_REQUEST_NULL: flag true and an empty status */
    memset(&st, 0x55, sizeof st);
    MPI_OK(MPI_Request_get_status(MPI_REQUEST_NULL, &flag, &st));
    CHECKF(flag == 1, "flag %d", flag);
    CHECKF(st.MPI_SOURCE == MPI_ANY_SOURCE && st.MPI_TAG == MPI_ANY_TAG && count_of(&st) == 0,
           "empty status: source %d tag %d count %d", st.MPI_SOURCE, st.MPI_TAG,
           count_of(&st));

    /* before the send: not complete */
    reset(buf, 5);
    MPI_OK(MPI_Irecv(buf, 5, MPI_INT, left, 40, W, &r));
    flag = -1;
    MPI_OK(MPI_Request_get_status(r, &flag, &st));
    CHECKF(flag == 0, "flag %d before the send", flag);
    CHECK(r != MPI_REQUEST_NULL);
    MPI_OK(MPI_Barrier(W));
    fill(a, 3, t_rank * 100 + 40);
    MPI_OK(MPI_Isend(a, 3, MPI_INT, right, 40, W, &s));
    /* after the send: polled until complete, the request stays valid */
    flag = 0;
    while (!flag)
        MPI_OK(MPI_Request_get_status(r, &flag, &st));
    CHECK(r != MPI_REQUEST_NULL);
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 40 && count_of(&st) == 3,
           "source %d tag %d count %d", st.MPI_SOURCE, st.MPI_TAG, count_of(&st));
    check_vals(buf, 3, 5, left * 100 + 40, "get_status");
    /* asked again: still complete, same status */
    flag = 0;
    memset(&st, 0, sizeof st);
    MPI_OK(MPI_Request_get_status(r, &flag, &st));
    CHECK(flag == 1 && r != MPI_REQUEST_NULL);
    CHECK(st.MPI_SOURCE == left && st.MPI_TAG == 40 && count_of(&st) == 3);
    /* and it is then waited, which frees it */
    memset(&st, 0, sizeof st);
    MPI_OK(MPI_Wait(&r, &st));
    CHECK(r == MPI_REQUEST_NULL);
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 40 && count_of(&st) == 3,
           "wait: source %d tag %d count %d", st.MPI_SOURCE, st.MPI_TAG, count_of(&st));
    /* the send request: polled, then waited */
    flag = 0;
    while (!flag)
        MPI_OK(MPI_Request_get_status(s, &flag, MPI_STATUS_IGNORE));
    CHECK(s != MPI_REQUEST_NULL);
    MPI_OK(MPI_Wait(&s, MPI_STATUS_IGNORE));
    CHECK(s == MPI_REQUEST_NULL);
}

#define ITERS 4

static void test_bsend_init(void)
{
    int sbuf[4], rbuf[6], psize = 0;
    MPI_OK(MPI_Pack_size(4, MPI_INT, W, &psize));
    int bsize = 2 * (psize + MPI_BSEND_OVERHEAD);
    char *bbuf = malloc((size_t)bsize);
    MPI_OK(MPI_Buffer_attach(bbuf, bsize));

    MPI_Request s = MPI_REQUEST_NULL;
    MPI_Status st;
    MPI_OK(MPI_Bsend_init(sbuf, 4, MPI_INT, right, 30, W, &s));
    CHECK(s != MPI_REQUEST_NULL);
    for (int it = 0; it < ITERS; it++) {
        fill(sbuf, 4, t_rank * 1000 + it * 10);
        MPI_OK(MPI_Start(&s));
        /* a buffered send completes locally */
        MPI_OK(MPI_Wait(&s, MPI_STATUS_IGNORE));
        CHECK(s != MPI_REQUEST_NULL); /* persistent: still allocated */
        /* the message was copied out: overwriting the buffer changes nothing */
        reset(sbuf, 4);
        reset(rbuf, 6);
        memset(&st, 0, sizeof st);
        MPI_OK(MPI_Recv(rbuf, 6, MPI_INT, left, 30, W, &st));
        CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 30 && count_of(&st) == 4,
               "iteration %d: source %d tag %d count %d", it, st.MPI_SOURCE, st.MPI_TAG,
               count_of(&st));
        check_vals(rbuf, 4, 6, left * 1000 + it * 10, "bsend_init");
    }
    MPI_OK(MPI_Request_free(&s));
    CHECK(s == MPI_REQUEST_NULL);

    /* persistent buffered sends to MPI_PROC_NULL complete at once */
    MPI_OK(MPI_Bsend_init(sbuf, 4, MPI_INT, MPI_PROC_NULL, 30, W, &s));
    MPI_OK(MPI_Start(&s));
    MPI_OK(MPI_Wait(&s, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Request_free(&s));

    void *dbuf = NULL;
    int dsize = -1;
    MPI_OK(MPI_Buffer_detach(&dbuf, &dsize));
    CHECK(dbuf == (void *)bbuf);
    CHECKF(dsize == bsize, "detached %d of %d bytes", dsize, bsize);
    free(bbuf);
}

static void test_rsend_init(void)
{
    int sbuf[3], rbuf[5];
    MPI_Request s = MPI_REQUEST_NULL, r;
    MPI_Status st;
    MPI_OK(MPI_Rsend_init(sbuf, 3, MPI_INT, right, 31, W, &s));
    CHECK(s != MPI_REQUEST_NULL);
    for (int it = 0; it < ITERS; it++) {
        /* ready mode: the receive is posted before any rank starts the send */
        reset(rbuf, 5);
        MPI_OK(MPI_Irecv(rbuf, 5, MPI_INT, left, 31, W, &r));
        MPI_OK(MPI_Barrier(W));
        fill(sbuf, 3, t_rank * 1000 + it * 7);
        MPI_OK(MPI_Start(&s));
        MPI_OK(MPI_Wait(&s, MPI_STATUS_IGNORE));
        CHECK(s != MPI_REQUEST_NULL);
        memset(&st, 0, sizeof st);
        MPI_OK(MPI_Wait(&r, &st));
        CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 31 && count_of(&st) == 3,
               "iteration %d: source %d tag %d count %d", it, st.MPI_SOURCE, st.MPI_TAG,
               count_of(&st));
        check_vals(rbuf, 3, 5, left * 1000 + it * 7, "rsend_init");
    }
    MPI_OK(MPI_Request_free(&s));
    CHECK(s == MPI_REQUEST_NULL);

    /* started together with a persistent receive in one Startall */
    MPI_Request pr[2];
    MPI_OK(MPI_Recv_init(rbuf, 5, MPI_INT, left, 32, W, &pr[0]));
    MPI_OK(MPI_Rsend_init(sbuf, 3, MPI_INT, right, 32, W, &pr[1]));
    for (int it = 0; it < 2; it++) {
        reset(rbuf, 5);
        MPI_OK(MPI_Start(&pr[0]));
        MPI_OK(MPI_Barrier(W));
        fill(sbuf, 3, t_rank * 1000 + 500 + it);
        MPI_OK(MPI_Start(&pr[1]));
        MPI_OK(MPI_Waitall(2, pr, MPI_STATUSES_IGNORE));
        check_vals(rbuf, 3, 5, left * 1000 + 500 + it, "rsend_init/recv_init");
    }
    MPI_OK(MPI_Request_free(&pr[0]));
    MPI_OK(MPI_Request_free(&pr[1]));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("p3_mprobe");
    left = (t_rank + t_size - 1) % t_size;
    right = (t_rank + 1) % t_size;

    t_begin("mprobe-mrecv");
    test_mprobe();
    t_end();
    t_begin("improbe-imrecv");
    test_improbe();
    t_end();
    t_begin("message-no-proc");
    test_no_proc();
    t_end();
    t_begin("request-get-status");
    test_get_status();
    t_end();
    t_begin("bsend-init");
    test_bsend_init();
    t_end();
    t_begin("rsend-init");
    test_rsend_init();
    t_end();

    return t_finish();
}
