/*
 * sessions.c - wasm only: MPI-4 sessions as the guest library builds them
 * on the world model (Open MPI 4.1 has no sessions, MPICH 4.0 has its own,
 * so a native build would not test the same thing). Checked against the
 * world model within the run:
 *
 *   MPI_Session_init (MPI_ERRORS_RETURN; info "thread_level" when MPI is
 *   already initialised: wasmrun makes info objects in the host MPI, so
 *   none exists before MPI_Init or the first MPI_Session_init),
 *   MPI_Session_get_num_psets (2), MPI_Session_get_nth_pset (length only
 *   with pset_len 0, the names, truncation, n out of range),
 *   MPI_Group_from_session_pset (mpi://WORLD is MPI_COMM_WORLD's group,
 *   mpi://SELF MPI_COMM_SELF's, an unknown name is MPI_ERR_ARG),
 *   MPI_Comm_create_from_group (from mpi://WORLD: congruent with
 *   MPI_COMM_WORLD, with the given error handler; from mpi://SELF; even
 *   and odd ranks each making their own half with different stringtags,
 *   the other half not calling), MPI_Session_get_info ("thread_level"),
 *   MPI_Session_get_pset_info ("mpi_size"), MPI_Session_set_errhandler /
 *   MPI_Session_get_errhandler, a second session, and MPI_Session_finalize
 *   (the handle becomes MPI_SESSION_NULL; the last session finalizes MPI
 *   that the sessions started, and no new session can start after that).
 *
 *   sessions         the sessions start MPI
 *   sessions world   the program calls MPI_Init first: the sessions use
 *                    that MPI, and MPI_Session_finalize leaves it running
 *                    for the program's own MPI_Finalize
 *
 * Output as in tests/mpi: "ok <group>" lines from rank 0, then PASS or
 * FAIL sessions; the exit code is 0 only on PASS. The checks after MPI is
 * finalized are made by each rank alone.
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

static int class_of(int rc)
{
    int c = -1;
    MPI_Error_class(rc, &c);
    return c;
}

static void test_psets(MPI_Session s)
{
    int n = -1;
    MPI_OK(MPI_Session_get_num_psets(s, MPI_INFO_NULL, &n));
    CHECKF(n == 2, "%d process sets", n);
    char name[64];
    int len = 0;
    MPI_OK(MPI_Session_get_nth_pset(s, MPI_INFO_NULL, 0, &len, name));
    CHECKF(len == (int)strlen("mpi://WORLD") + 1, "length %d", len);
    len = (int)sizeof name;
    MPI_OK(MPI_Session_get_nth_pset(s, MPI_INFO_NULL, 0, &len, name));
    CHECK(strcmp(name, "mpi://WORLD") == 0);
    CHECK(len == 12);
    len = (int)sizeof name;
    MPI_OK(MPI_Session_get_nth_pset(s, MPI_INFO_NULL, 1, &len, name));
    CHECK(strcmp(name, "mpi://SELF") == 0);
    CHECK(len == 11);
    /* a short buffer gets what fits and the terminating NUL */
    memset(name, 'x', sizeof name);
    len = 5;
    MPI_OK(MPI_Session_get_nth_pset(s, MPI_INFO_NULL, 0, &len, name));
    CHECK(memcmp(name, "mpi:", 5) == 0);
    CHECK(len == 12);
    len = (int)sizeof name;
    CHECK(class_of(MPI_Session_get_nth_pset(s, MPI_INFO_NULL, 2, &len, name)) == MPI_ERR_ARG);
    CHECK(class_of(MPI_Session_get_nth_pset(s, MPI_INFO_NULL, -1, &len, name)) == MPI_ERR_ARG);
}

static void test_groups(MPI_Session s)
{
    MPI_Group g, wg;
    int size = -1, rank = -1, cmp = -1;
    MPI_OK(MPI_Group_from_session_pset(s, "mpi://WORLD", &g));
    MPI_OK(MPI_Comm_group(W, &wg));
    MPI_OK(MPI_Group_size(g, &size));
    MPI_OK(MPI_Group_rank(g, &rank));
    MPI_OK(MPI_Group_compare(g, wg, &cmp));
    CHECK(size == t_size && rank == t_rank && cmp == MPI_IDENT);
    MPI_OK(MPI_Group_free(&g));
    MPI_OK(MPI_Group_free(&wg));
    MPI_OK(MPI_Group_from_session_pset(s, "mpi://SELF", &g));
    MPI_OK(MPI_Group_size(g, &size));
    MPI_OK(MPI_Group_rank(g, &rank));
    CHECK(size == 1 && rank == 0);
    MPI_OK(MPI_Group_free(&g));
    g = MPI_GROUP_NULL;
    CHECK(class_of(MPI_Group_from_session_pset(s, "mpi://nowhere", &g)) == MPI_ERR_ARG);
    CHECK(g == MPI_GROUP_NULL);
}

static void test_comms(MPI_Session s)
{
    MPI_Group g;
    MPI_Comm c = MPI_COMM_NULL;
    int size = -1, rank = -1, cmp = -1, sum = 0;
    MPI_OK(MPI_Group_from_session_pset(s, "mpi://WORLD", &g));
    MPI_OK(MPI_Comm_create_from_group(g, "org.wasmrun.test.world", MPI_INFO_NULL, MPI_ERRORS_RETURN, &c));
    MPI_OK(MPI_Group_free(&g));
    CHECK(c != MPI_COMM_NULL);
    if (c != MPI_COMM_NULL) {
        MPI_OK(MPI_Comm_size(c, &size));
        MPI_OK(MPI_Comm_rank(c, &rank));
        MPI_OK(MPI_Comm_compare(c, W, &cmp));
        CHECK(size == t_size && rank == t_rank);
        CHECKF(cmp == MPI_CONGRUENT, "compare %d", cmp);
        MPI_Errhandler eh = MPI_ERRHANDLER_NULL;
        MPI_OK(MPI_Comm_get_errhandler(c, &eh));
        CHECK(eh == MPI_ERRORS_RETURN);
        int one = 1;
        MPI_OK(MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, c));
        CHECK(sum == t_size);
        /* the handler is in force: a bad rank comes back as an error */
        CHECK(class_of(MPI_Send(&one, 1, MPI_INT, t_size, 0, c)) == MPI_ERR_RANK);
        MPI_OK(MPI_Comm_free(&c));
    }

    MPI_OK(MPI_Group_from_session_pset(s, "mpi://SELF", &g));
    MPI_OK(MPI_Comm_create_from_group(g, "org.wasmrun.test.self", MPI_INFO_NULL, MPI_ERRORS_ARE_FATAL, &c));
    MPI_OK(MPI_Group_free(&g));
    MPI_OK(MPI_Comm_size(c, &size));
    MPI_OK(MPI_Comm_rank(c, &rank));
    CHECK(size == 1 && rank == 0);
    MPI_OK(MPI_Comm_free(&c));

    /* even and odd ranks each make a communicator of their own half; the
     * other half does not take part */
    MPI_Group wg, half;
    int n = 0, members[64];
    for (int r = t_rank % 2; r < t_size && n < 64; r += 2)
        members[n++] = r;
    MPI_OK(MPI_Group_from_session_pset(s, "mpi://WORLD", &wg));
    MPI_OK(MPI_Group_incl(wg, n, members, &half));
    MPI_OK(MPI_Comm_create_from_group(half, t_rank % 2 ? "org.wasmrun.test.odd" : "org.wasmrun.test.even", MPI_INFO_NULL, MPI_ERRORS_RETURN, &c));
    MPI_OK(MPI_Comm_size(c, &size));
    MPI_OK(MPI_Comm_rank(c, &rank));
    CHECKF(size == n && rank == t_rank / 2, "size %d rank %d", size, rank);
    int mine = t_rank;
    MPI_OK(MPI_Allreduce(&mine, &sum, 1, MPI_INT, MPI_SUM, c));
    int want = 0;
    for (int i = 0; i < n; i++)
        want += members[i];
    CHECK(sum == want);
    MPI_OK(MPI_Comm_free(&c));
    MPI_OK(MPI_Group_free(&half));
    MPI_OK(MPI_Group_free(&wg));
}

static int info_value(MPI_Info info, const char *key, char *value, int size)
{
    int len = size, flag = 0;
    MPI_OK(MPI_Info_get_string(info, key, &len, value, &flag));
    return flag;
}

static void test_info(MPI_Session s)
{
    MPI_Info info = MPI_INFO_NULL;
    char v[64];
    MPI_OK(MPI_Session_get_info(s, &info));
    CHECK(info != MPI_INFO_NULL);
    if (info != MPI_INFO_NULL) {
        CHECK(info_value(info, "thread_level", v, (int)sizeof v));
        CHECKF(strcmp(v, "MPI_THREAD_SINGLE") == 0 || strcmp(v, "MPI_THREAD_FUNNELED") == 0, "%s", v);
        MPI_OK(MPI_Info_free(&info));
    }
    MPI_OK(MPI_Session_get_pset_info(s, "mpi://WORLD", &info));
    char want[16];
    snprintf(want, sizeof want, "%d", t_size);
    CHECK(info_value(info, "mpi_size", v, (int)sizeof v) && strcmp(v, want) == 0);
    MPI_OK(MPI_Info_free(&info));
    MPI_OK(MPI_Session_get_pset_info(s, "mpi://SELF", &info));
    CHECK(info_value(info, "mpi_size", v, (int)sizeof v) && strcmp(v, "1") == 0);
    MPI_OK(MPI_Info_free(&info));
    CHECK(class_of(MPI_Session_get_pset_info(s, "mpi://nowhere", &info)) == MPI_ERR_ARG);
}

static void test_errhandler(MPI_Session s)
{
    MPI_Errhandler eh = MPI_ERRHANDLER_NULL;
    MPI_OK(MPI_Session_get_errhandler(s, &eh));
    CHECK(eh == MPI_ERRORS_RETURN);
    MPI_OK(MPI_Session_set_errhandler(s, MPI_ERRORS_ARE_FATAL));
    MPI_OK(MPI_Session_get_errhandler(s, &eh));
    CHECK(eh == MPI_ERRORS_ARE_FATAL);
    MPI_OK(MPI_Session_set_errhandler(s, MPI_ERRORS_RETURN));
    CHECK(class_of(MPI_Session_get_num_psets(MPI_SESSION_NULL, MPI_INFO_NULL, &(int){0})) == MPI_ERR_SESSION);
}

static void test_second_session(void)
{
    MPI_Session s2 = MPI_SESSION_NULL;
    MPI_OK(MPI_Session_init(MPI_INFO_NULL, MPI_ERRORS_RETURN, &s2));
    CHECK(s2 != MPI_SESSION_NULL);
    int n = 0;
    MPI_OK(MPI_Session_get_num_psets(s2, MPI_INFO_NULL, &n));
    CHECK(n == 2);
    MPI_OK(MPI_Session_finalize(&s2));
    CHECK(s2 == MPI_SESSION_NULL);
    /* MPI goes on while the first session is open */
    int fin = -1, one = 1, sum = 0;
    MPI_OK(MPI_Finalized(&fin));
    CHECK(fin == 0);
    MPI_OK(MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, W));
    CHECK(sum == t_size);
}

int main(int argc, char **argv)
{
    int world = argc > 1 && strcmp(argv[1], "world") == 0;
    int init_before = -1;
    MPI_Initialized(&init_before);
    if (world && MPI_Init(&argc, &argv) != MPI_SUCCESS)
        return 1;

    /* info objects live in the host MPI, which wasmrun starts in
     * MPI_Init: before it, the session gets MPI_INFO_NULL */
    MPI_Info info = MPI_INFO_NULL;
    MPI_Session s = MPI_SESSION_NULL;
    if (world) {
        MPI_Info_create(&info);
        MPI_Info_set(info, "thread_level", "MPI_THREAD_FUNNELED");
    }
    int rc = MPI_Session_init(info, MPI_ERRORS_RETURN, &s);
    if (info != MPI_INFO_NULL)
        MPI_Info_free(&info);
    if (rc != MPI_SUCCESS) {
        fprintf(stderr, "MPI_Session_init returned %d\n", rc);
        return 1;
    }
    t_init("sessions");

    t_begin(world ? "init-world-then-session" : "init-session");
    CHECK(init_before == 0);
    CHECK(s != MPI_SESSION_NULL);
    {
        int provided = -1;
        MPI_OK(MPI_Query_thread(&provided));
        CHECKF(provided == MPI_THREAD_SINGLE || provided == MPI_THREAD_FUNNELED, "provided %d", provided);
    }
    t_end();
    t_begin("psets");
    test_psets(s);
    t_end();
    t_begin("group-from-pset");
    test_groups(s);
    t_end();
    t_begin("comm-from-group");
    test_comms(s);
    t_end();
    t_begin("info");
    test_info(s);
    t_end();
    t_begin("errhandler");
    test_errhandler(s);
    t_end();
    t_begin("second-session");
    test_second_session();
    t_end();

    int verdict = t_failed_groups != 0;
    MPI_Bcast(&verdict, 1, MPI_INT, 0, W);
    if (t_rank == 0)
        fflush(stdout);

    /* the last session: each rank checks alone from here on */
    int post_fail = 0, fin = -1;
    rc = MPI_Session_finalize(&s);
    if (rc != MPI_SUCCESS || s != MPI_SESSION_NULL) {
        fprintf(stderr, "[rank %d] MPI_Session_finalize returned %d\n", t_rank, rc);
        post_fail = 1;
    }
    MPI_Finalized(&fin);
    if (fin != !world) {
        fprintf(stderr, "[rank %d] MPI_Finalized after the last session: %d\n", t_rank, fin);
        post_fail = 1;
    }
    if (world) {
        /* MPI is the program's: it still works, and ends with MPI_Finalize */
        int one = 1, sum = 0;
        if (MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, W) != MPI_SUCCESS || sum != t_size)
            post_fail = 1;
        if (MPI_Finalize() != MPI_SUCCESS)
            post_fail = 1;
    } else {
        /* the sessions ended MPI; it cannot start again */
        MPI_Session again = MPI_SESSION_NULL;
        rc = MPI_Session_init(MPI_INFO_NULL, MPI_ERRORS_RETURN, &again);
        if (rc != MPI_ERR_SESSION || again != MPI_SESSION_NULL) {
            fprintf(stderr, "[rank %d] MPI_Session_init after the end returned %d\n", t_rank, rc);
            post_fail = 1;
        }
    }
    if (t_rank == 0) {
        printf("%s %s\n", post_fail ? "FAIL" : "ok", world ? "world-goes-on" : "finalized-by-last-session");
        printf("%s %s\n", (verdict || post_fail) ? "FAIL" : "PASS", t_prog);
        fflush(stdout);
    }
    return (verdict || post_fail) ? 1 : 0;
}
