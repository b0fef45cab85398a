/*
 * p3_misc.c - calls that real codes use beside the main chapters:
 * MPI_Type_match_size (each class and size, and a size no type has),
 * MPI_Status_set_elements / MPI_Status_set_elements_x with MPI_Get_count,
 * MPI_Get_elements and MPI_Get_elements_x on a status the program made,
 * MPI_Status_set_cancelled with MPI_Test_cancelled, MPI_Comm_remote_group
 * on an inter-communicator of the even and odd ranks (its size and its
 * ranks' world ranks), MPI_Win_set_info / MPI_Win_get_info (an info
 * object comes back and is freed), and MPI_Win_create_errhandler with
 * MPI_Win_set_errhandler, MPI_Win_get_errhandler and MPI_Win_call_errhandler
 * (the handler sees the window and the code; the call returns after it).
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

static void test_match_size(void)
{
    t_begin("type-match-size");
    MPI_Datatype t = MPI_DATATYPE_NULL;
    int size = 0;
    MPI_OK(MPI_Type_match_size(MPI_TYPECLASS_INTEGER, 4, &t));
    MPI_Type_size(t, &size);
    CHECKF(size == 4, "integer size %d", size);
    MPI_OK(MPI_Type_match_size(MPI_TYPECLASS_INTEGER, 8, &t));
    MPI_Type_size(t, &size);
    CHECKF(size == 8, "integer size %d", size);
    MPI_OK(MPI_Type_match_size(MPI_TYPECLASS_REAL, 8, &t));
    MPI_Type_size(t, &size);
    CHECKF(size == 8, "real size %d", size);
    MPI_OK(MPI_Type_match_size(MPI_TYPECLASS_REAL, 4, &t));
    MPI_Type_size(t, &size);
    CHECKF(size == 4, "real size %d", size);
    MPI_OK(MPI_Type_match_size(MPI_TYPECLASS_COMPLEX, 16, &t));
    MPI_Type_size(t, &size);
    CHECKF(size == 16, "complex size %d", size);
    /* a real number of 8 bytes adds like a double */
    double x = 1.5, sum = 0;
    MPI_OK(MPI_Type_match_size(MPI_TYPECLASS_REAL, sizeof(double), &t));
    MPI_OK(MPI_Allreduce(&x, &sum, 1, t, MPI_SUM, MPI_COMM_WORLD));
    CHECKF(sum == 1.5 * t_size, "sum %g", sum);
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    CHECK(MPI_Type_match_size(MPI_TYPECLASS_INTEGER, 3, &t) != MPI_SUCCESS);
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL);
    t_end();
}

static void test_status(void)
{
    t_begin("status-set");
    MPI_Status st;
    int n = -1, cancelled = -1;
    MPI_Count nx = -1;
    memset(&st, 0, sizeof st);
    MPI_OK(MPI_Status_set_elements(&st, MPI_DOUBLE, 5));
    MPI_OK(MPI_Get_count(&st, MPI_DOUBLE, &n));
    CHECKF(n == 5, "count %d", n);
    MPI_OK(MPI_Get_count(&st, MPI_INT, &n));
    CHECKF(n == 10, "count in ints %d", n);
    MPI_OK(MPI_Get_elements_x(&st, MPI_DOUBLE, &nx));
    CHECKF(nx == 5, "elements %lld", (long long)nx);
    MPI_OK(MPI_Status_set_elements_x(&st, MPI_CHAR, 7));
    MPI_OK(MPI_Get_elements(&st, MPI_CHAR, &n));
    CHECKF(n == 7, "elements %d", n);
    MPI_OK(MPI_Get_count(&st, MPI_INT, &n));
    CHECKF(n == MPI_UNDEFINED, "7 bytes are not whole ints: %d", n);
    MPI_OK(MPI_Status_set_cancelled(&st, 1));
    MPI_OK(MPI_Test_cancelled(&st, &cancelled));
    CHECK(cancelled);
    MPI_OK(MPI_Status_set_cancelled(&st, 0));
    MPI_OK(MPI_Test_cancelled(&st, &cancelled));
    CHECK(!cancelled);
    t_end();
}

static void test_remote_group(void)
{
    t_begin("remote-group");
    if (t_size < 2) {
        t_end();
        return;
    }
    MPI_Comm half, inter;
    int color = t_rank % 2;
    MPI_OK(MPI_Comm_split(MPI_COMM_WORLD, color, t_rank, &half));
    MPI_OK(MPI_Intercomm_create(half, 0, MPI_COMM_WORLD, color ? 0 : 1, 7, &inter));
    MPI_Group remote, world;
    int rsize = -1, want = color ? (t_size + 1) / 2 : t_size / 2;
    MPI_OK(MPI_Comm_remote_group(inter, &remote));
    MPI_OK(MPI_Group_size(remote, &rsize));
    CHECKF(rsize == want, "remote size %d, want %d", rsize, want);
    int r0 = 0, w0 = -1;
    MPI_Comm_group(MPI_COMM_WORLD, &world);
    MPI_OK(MPI_Group_translate_ranks(remote, 1, &r0, world, &w0));
    CHECKF(w0 == (color ? 0 : 1), "remote rank 0 is world rank %d", w0);
    MPI_Group_free(&world);
    MPI_OK(MPI_Group_free(&remote));
    MPI_Comm_free(&inter);
    MPI_Comm_free(&half);
    t_end();
}

static int errh_calls, errh_code;
static MPI_Win errh_win;

static void win_handler(MPI_Win *win, int *code, ...)
{
    errh_calls++;
    errh_code = *code;
    errh_win = *win;
}

static void test_win(void)
{
    t_begin("win-info-errhandler");
    int *mem = NULL;
    MPI_Win win;
    MPI_Info info, used;
    MPI_OK(MPI_Win_allocate(4 * sizeof(int), sizeof(int), MPI_INFO_NULL, MPI_COMM_WORLD, &mem, &win));
    MPI_OK(MPI_Info_create(&info));
    MPI_OK(MPI_Info_set(info, "no_locks", "false"));
    MPI_OK(MPI_Win_set_info(win, info));
    MPI_OK(MPI_Info_free(&info));
    used = MPI_INFO_NULL;
    MPI_OK(MPI_Win_get_info(win, &used));
    CHECK(used != MPI_INFO_NULL);
    int nkeys = -1;
    MPI_OK(MPI_Info_get_nkeys(used, &nkeys));
    CHECKF(nkeys >= 0, "nkeys %d", nkeys);
    MPI_OK(MPI_Info_free(&used));

    MPI_Errhandler eh = MPI_ERRHANDLER_NULL, got = MPI_ERRHANDLER_NULL;
    MPI_OK(MPI_Win_create_errhandler(win_handler, &eh));
    MPI_OK(MPI_Win_set_errhandler(win, eh));
    MPI_OK(MPI_Win_get_errhandler(win, &got));
    CHECK(got == eh);
    MPI_OK(MPI_Errhandler_free(&got));
    MPI_OK(MPI_Win_call_errhandler(win, MPI_ERR_OTHER));
    CHECKF(errh_calls == 1, "handler called %d times", errh_calls);
    CHECKF(errh_code == MPI_ERR_OTHER, "code %d", errh_code);
    CHECK(errh_win == win);
    /* an error of a call on the window goes to the handler too */
    int x = 0;
    int rc = MPI_Put(&x, 1, MPI_INT, t_size + 5, 0, 1, MPI_INT, win);
    CHECK(rc != MPI_SUCCESS);
    CHECKF(errh_calls == 2, "handler called %d times", errh_calls);
    MPI_OK(MPI_Win_set_errhandler(win, MPI_ERRORS_RETURN));
    MPI_OK(MPI_Errhandler_free(&eh));
    CHECK(eh == MPI_ERRHANDLER_NULL);
    MPI_OK(MPI_Win_free(&win));
    t_end();
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("p3_misc");
    test_match_size();
    test_status();
    test_remote_group();
    test_win();
    return t_finish();
}
