/*
 * pmpi.c - the profiling interface: the program defines its own MPI_Send
 * and MPI_Allreduce, which count their calls and forward to PMPI_Send and
 * PMPI_Allreduce, as a profiling library would. Checks that every MPI_Send
 * and MPI_Allreduce call of the program (the harness's own MPI_Allreduce
 * in t_end included) reaches the wrappers exactly once, that PMPI_ calls
 * bypass them, that functions that are not wrapped (MPI_Isend, MPI_Ssend,
 * MPI_Sendrecv, MPI_Reduce) do not count, and that the data arrives.
 * (Collectives may use MPI_Send internally, MPI-3.1 14.2 "Multiple
 * Counting", so they are not checked against the MPI_Send count.)
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the profiling wrappers ---- */
static int n_send, n_allreduce;

int MPI_Send(const void *buf, int count, MPI_Datatype datatype, int dest, int tag,
             MPI_Comm comm)
{
    n_send++;
    return PMPI_Send(buf, count, datatype, dest, tag, comm);
}

int MPI_Allreduce(const void *sendbuf, void *recvbuf, int count, MPI_Datatype datatype,
                  MPI_Op op, MPI_Comm comm)
{
    n_allreduce++;
    return PMPI_Allreduce(sendbuf, recvbuf, count, datatype, op, comm);
}

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

static int left(void) { return (t_rank + t_size - 1) % t_size; }
static int right(void) { return (t_rank + 1) % t_size; }

static int groups_ended; /* t_end() calls so far, one MPI_Allreduce each */
static int my_allreduces; /* MPI_Allreduce calls made by the tests */

static void end_group(void)
{
    t_end();
    groups_ended++;
}

static void test_send(void)
{
    int before = n_send;
    /* ring: pre-posted receive from the left, MPI_Send to the right */
    for (int k = 0; k < 3; k++) {
        int x = t_rank * 10 + k, y = -1;
        MPI_Request rq;
        MPI_OK(MPI_Irecv(&y, 1, MPI_INT, left(), 20 + k, W, &rq));
        MPI_OK(MPI_Send(&x, 1, MPI_INT, right(), 20 + k, W));
        MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        CHECKF(y == left() * 10 + k, "round %d got %d", k, y);
    }
    CHECKF(n_send - before == 3, "MPI_Send counted %d times", n_send - before);
    /* MPI_PROC_NULL goes through the wrapper too */
    int z = 0;
    MPI_OK(MPI_Send(&z, 1, MPI_INT, MPI_PROC_NULL, 1, W));
    CHECK(n_send - before == 4);
}

static void test_pmpi_bypass(void)
{
    int before = n_send, x = t_rank, y = -1;
    MPI_Request rq;
    MPI_OK(MPI_Irecv(&y, 1, MPI_INT, left(), 30, W, &rq));
    MPI_OK(PMPI_Send(&x, 1, MPI_INT, right(), 30, W));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    CHECK(y == left());
    CHECKF(n_send == before, "PMPI_Send counted %d times", n_send - before);
    /* other send functions are not MPI_Send */
    MPI_Request rs;
    MPI_OK(MPI_Irecv(&y, 1, MPI_INT, left(), 31, W, &rq));
    MPI_OK(MPI_Isend(&x, 1, MPI_INT, right(), 31, W, &rs));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Wait(&rs, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Irecv(&y, 1, MPI_INT, left(), 32, W, &rq));
    MPI_OK(MPI_Ssend(&x, 1, MPI_INT, right(), 32, W));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Sendrecv(&x, 1, MPI_INT, right(), 33, &y, 1, MPI_INT, left(), 33, W,
                        MPI_STATUS_IGNORE));
    CHECK(y == left());
    CHECKF(n_send == before, "MPI_Send counted %d times", n_send - before);
    /* PMPI_Allreduce bypasses the wrapper */
    int a = before, s = -1, b = n_allreduce;
    MPI_OK(PMPI_Allreduce(&a, &s, 1, MPI_INT, MPI_SUM, W));
    CHECK(n_allreduce == b);
    CHECK(s == a * t_size);
}

static void test_allreduce(void)
{
    int before = n_allreduce;
    int x[3] = {t_rank, 1, -t_rank}, y[3];
    MPI_OK(MPI_Allreduce(x, y, 3, MPI_INT, MPI_SUM, W));
    my_allreduces++;
    CHECK(y[0] == t_size * (t_size - 1) / 2 && y[1] == t_size && y[2] == -y[0]);
    MPI_OK(MPI_Allreduce(MPI_IN_PLACE, x, 3, MPI_INT, MPI_MAX, W));
    my_allreduces++;
    CHECK(x[0] == t_size - 1 && x[1] == 1 && x[2] == 0);
    double d = 0.5 * t_rank, e = -1;
    MPI_OK(MPI_Allreduce(&d, &e, 1, MPI_DOUBLE, MPI_MIN, W));
    my_allreduces++;
    CHECK(e == 0.0);
    /* on another communicator */
    MPI_Comm c;
    MPI_OK(MPI_Comm_dup(W, &c));
    MPI_OK(MPI_Allreduce(&t_rank, &y[0], 1, MPI_INT, MPI_MAX, c));
    my_allreduces++;
    CHECK(y[0] == t_size - 1);
    MPI_OK(MPI_Comm_free(&c));
    CHECKF(n_allreduce - before == 4, "MPI_Allreduce counted %d times", n_allreduce - before);
    /* MPI_Reduce is not MPI_Allreduce */
    int r = -1, b2 = n_allreduce;
    MPI_OK(MPI_Reduce(&t_rank, &r, 1, MPI_INT, MPI_SUM, 0, W));
    CHECK(n_allreduce == b2);
}

static void test_totals(void)
{
    /* every MPI_Allreduce of the program, the harness's included, went
     * through the wrapper exactly once */
    CHECKF(n_allreduce == my_allreduces + groups_ended, "counted %d, made %d", n_allreduce,
           my_allreduces + groups_ended);
    /* the counts agree over the ranks (PMPI_, so not counted) */
    int c[2] = {n_send, n_allreduce}, mx[2], mn[2];
    MPI_OK(PMPI_Allreduce(c, mx, 2, MPI_INT, MPI_MAX, W));
    MPI_OK(PMPI_Allreduce(c, mn, 2, MPI_INT, MPI_MIN, W));
    CHECK(mx[0] == mn[0] && mx[1] == mn[1]);
    CHECKF(n_send == 4, "n_send %d", n_send);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("pmpi");

    t_begin("wrapped-send");
    test_send();
    end_group();
    t_begin("pmpi-bypass");
    test_pmpi_bypass();
    end_group();
    t_begin("wrapped-allreduce");
    test_allreduce();
    end_group();
    t_begin("call-totals");
    test_totals();
    end_group();

    return t_finish();
}
