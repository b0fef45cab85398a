/*
 * grequest.c - generalized requests: MPI_Grequest_start with query, free
 * and cancel functions and an extra_state, MPI_Test before and after
 * MPI_Grequest_complete (the query function fills the status: source,
 * tag, count through MPI_Status_set_elements, error), MPI_Wait and
 * MPI_Waitall with an ordinary request beside it, MPI_Request_get_status
 * (the request stays), the free function called once after completion,
 * MPI_Cancel calling the cancel function with complete = 0 (and with 1
 * once complete) and MPI_Test_cancelled on the status the query gave.
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

typedef struct {
    int queries, frees, cancels, last_complete;
    int cancelled;
} state_t;

static int query(void *extra, MPI_Status *st)
{
    state_t *s = extra;
    s->queries++;
    MPI_Status_set_elements(st, MPI_INT, 3);
    MPI_Status_set_cancelled(st, s->cancelled);
    st->MPI_SOURCE = t_rank;
    st->MPI_TAG = 77;
    return MPI_SUCCESS;
}

static int free_fn(void *extra)
{
    ((state_t *)extra)->frees++;
    return MPI_SUCCESS;
}

static int cancel_fn(void *extra, int complete)
{
    state_t *s = extra;
    s->cancels++;
    s->last_complete = complete;
    if (!complete)
        s->cancelled = 1;
    return MPI_SUCCESS;
}

static void test_complete(void)
{
    t_begin("complete");
    state_t s = {0};
    MPI_Request r;
    MPI_Status st;
    int flag = -1, n = -1;
    MPI_OK(MPI_Grequest_start(query, free_fn, cancel_fn, &s, &r));
    MPI_OK(MPI_Test(&r, &flag, &st));
    CHECK(!flag && r != MPI_REQUEST_NULL);
    MPI_OK(MPI_Grequest_complete(r));
    flag = 0;
    MPI_OK(MPI_Request_get_status(r, &flag, &st));
    CHECK(flag && r != MPI_REQUEST_NULL);
    MPI_OK(MPI_Wait(&r, &st));
    CHECK(r == MPI_REQUEST_NULL);
    CHECKF(st.MPI_SOURCE == t_rank && st.MPI_TAG == 77, "source %d tag %d", st.MPI_SOURCE, st.MPI_TAG);
    MPI_OK(MPI_Get_count(&st, MPI_INT, &n));
    CHECKF(n == 3, "count %d", n);
    CHECKF(s.queries >= 1, "queries %d", s.queries);
    CHECKF(s.frees == 1, "frees %d", s.frees);
    CHECKF(s.cancels == 0, "cancels %d", s.cancels);
    t_end();
}

static void test_waitall(void)
{
    t_begin("waitall-mixed");
    state_t s = {0};
    MPI_Request r[2];
    MPI_Status st[2];
    int in = -1, out = t_rank;
    MPI_OK(MPI_Grequest_start(query, free_fn, cancel_fn, &s, &r[0]));
    MPI_OK(MPI_Irecv(&in, 1, MPI_INT, 0, 5, MPI_COMM_SELF, &r[1]));
    MPI_OK(MPI_Send(&out, 1, MPI_INT, 0, 5, MPI_COMM_SELF));
    MPI_OK(MPI_Grequest_complete(r[0]));
    MPI_OK(MPI_Waitall(2, r, st));
    CHECK(r[0] == MPI_REQUEST_NULL && r[1] == MPI_REQUEST_NULL);
    CHECK(in == t_rank);
    CHECK(st[0].MPI_TAG == 77 && st[1].MPI_TAG == 5);
    CHECKF(s.frees == 1, "frees %d", s.frees);
    t_end();
}

static void test_cancel(void)
{
    t_begin("cancel");
    state_t s = {0};
    MPI_Request r;
    MPI_Status st;
    int cancelled = -1;
    MPI_OK(MPI_Grequest_start(query, free_fn, cancel_fn, &s, &r));
    MPI_OK(MPI_Cancel(&r));
    CHECKF(s.cancels == 1 && s.last_complete == 0, "cancels %d complete %d", s.cancels, s.last_complete);
    MPI_OK(MPI_Grequest_complete(r));
    MPI_OK(MPI_Wait(&r, &st));
    MPI_OK(MPI_Test_cancelled(&st, &cancelled));
    CHECK(cancelled);
    CHECKF(s.frees == 1, "frees %d", s.frees);
    t_end();
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("grequest");
    test_complete();
    test_waitall();
    test_cancel();
    return t_finish();
}
