/*
 * env_thread.c - MPI_Init_thread (requesting MPI_THREAD_FUNNELED),
 * MPI_Query_thread, MPI_Is_thread_main, MPI_Initialized, MPI_Finalized.
 *
 * No threads are created; only the reported thread level is checked.
 * The checks after MPI_Finalize are done by each rank on its own (see env.c).
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

int main(int argc, char **argv)
{
    int flag_init_before = -1, flag_fin_before = -1, provided = -1;
    MPI_Initialized(&flag_init_before);
    MPI_Finalized(&flag_fin_before);

    int rc_init = MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
    if (rc_init != MPI_SUCCESS)
        return 1;
    t_init("env_thread");

    t_begin("init-thread");
    {
        CHECKF(provided >= MPI_THREAD_SINGLE && provided <= MPI_THREAD_MULTIPLE,
               "provided=%d", provided);
        CHECK(MPI_THREAD_SINGLE < MPI_THREAD_FUNNELED &&
              MPI_THREAD_FUNNELED < MPI_THREAD_SERIALIZED &&
              MPI_THREAD_SERIALIZED < MPI_THREAD_MULTIPLE);
    }
    t_end();

    t_begin("query-thread");
    {
        int q = -1;
        MPI_OK(MPI_Query_thread(&q));
        CHECKF(q == provided, "query=%d provided=%d", q, provided);
        /* all ranks got the same level */
        int mn = -1, mx = -1;
        MPI_Allreduce(&provided, &mn, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
        MPI_Allreduce(&provided, &mx, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
        CHECKF(mn == mx, "min=%d max=%d", mn, mx);
    }
    t_end();

    t_begin("is-thread-main");
    {
        int flag = -1;
        MPI_OK(MPI_Is_thread_main(&flag));
        CHECKF(flag != 0, "flag=%d", flag);
    }
    t_end();

    t_begin("initialized");
    {
        int flag = -1;
        CHECKF(flag_init_before == 0, "before flag=%d", flag_init_before);
        MPI_OK(MPI_Initialized(&flag));
        CHECKF(flag != 0, "after flag=%d", flag);
    }
    t_end();

    t_begin("finalized-before-finalize");
    {
        int flag = -1;
        CHECKF(flag_fin_before == 0, "before init flag=%d", flag_fin_before);
        MPI_OK(MPI_Finalized(&flag));
        CHECKF(flag == 0, "flag=%d", flag);
    }
    t_end();

    int verdict = t_failed_groups != 0;
    MPI_Bcast(&verdict, 1, MPI_INT, 0, MPI_COMM_WORLD);

    int rc_fin = MPI_Finalize();

    int flag_fin_after = -1, post_fail = 0;
    MPI_Finalized(&flag_fin_after);
    if (rc_fin != MPI_SUCCESS || flag_fin_after == 0) {
        fprintf(stderr, "[rank %d] MPI_Finalize rc=%d, MPI_Finalized=%d\n",
                t_rank, rc_fin, flag_fin_after);
        post_fail = 1;
    }
    if (t_rank == 0) {
        if (post_fail)
            printf("FAIL finalized-after-finalize: rank 0\n");
        else
            printf("ok finalized-after-finalize\n");
        printf("%s %s\n", (verdict || post_fail) ? "FAIL" : "PASS", t_prog);
        fflush(stdout);
    }
    return (verdict || post_fail) ? 1 : 0;
}
