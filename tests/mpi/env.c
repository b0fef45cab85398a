/*
 * env.c - MPI environment management: MPI_Initialized, MPI_Init,
 * MPI_Finalized (before and after MPI_Finalize), MPI_Query_thread,
 * MPI_Is_thread_main, MPI_Wtime, MPI_Wtick, MPI_Get_processor_name,
 * MPI_Get_version, MPI_Get_library_version, MPI_Error_string,
 * MPI_Error_class, MPI_Comm_get_attr (MPI_TAG_UB, MPI_WTIME_IS_GLOBAL),
 * MPI_Comm_set_errhandler, MPI_Comm_get_errhandler, MPI_Errhandler_free.
 *
 * Nothing run-dependent (names, versions, times) is printed on stdout.
 * The checks after MPI_Finalize cannot be reduced over ranks any more:
 * every rank checks them itself, rank 0 prints the line from its own
 * result and each rank's exit code includes its own result.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <math.h>

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
    int flag_init_before = -1, flag_fin_before = -1;
    MPI_Initialized(&flag_init_before);
    MPI_Finalized(&flag_fin_before);

    if (MPI_Init(&argc, &argv) != MPI_SUCCESS)
        return 1;
    t_init("env");

    t_begin("initialized");
    {
        int flag = -1;
        CHECKF(flag_init_before == 0, "before MPI_Init flag=%d", flag_init_before);
        MPI_OK(MPI_Initialized(&flag));
        CHECKF(flag != 0, "after MPI_Init flag=%d", flag);
    }
    t_end();

    t_begin("finalized-before-finalize");
    {
        int flag = -1;
        CHECKF(flag_fin_before == 0, "before MPI_Init flag=%d", flag_fin_before);
        MPI_OK(MPI_Finalized(&flag));
        CHECKF(flag == 0, "after MPI_Init flag=%d", flag);
    }
    t_end();

    t_begin("query-thread");
    {
        int provided = -1, flag = -1;
        MPI_OK(MPI_Query_thread(&provided));
        CHECKF(provided == MPI_THREAD_SINGLE || provided == MPI_THREAD_FUNNELED ||
                   provided == MPI_THREAD_SERIALIZED ||
                   provided == MPI_THREAD_MULTIPLE,
               "provided=%d", provided);
        CHECK(MPI_THREAD_SINGLE < MPI_THREAD_FUNNELED &&
              MPI_THREAD_FUNNELED < MPI_THREAD_SERIALIZED &&
              MPI_THREAD_SERIALIZED < MPI_THREAD_MULTIPLE);
        MPI_OK(MPI_Is_thread_main(&flag));
        CHECKF(flag != 0, "flag=%d", flag);
    }
    t_end();

    t_begin("wtime");
    {
        double prev = MPI_Wtime(), first = prev;
        int nonmono = 0;
        CHECKF(isfinite(prev), "Wtime=%g", prev);
        for (int i = 0; i < 1000; i++) {
            double t = MPI_Wtime();
            if (!(t >= prev))
                nonmono++;
            prev = t;
        }
        CHECKF(nonmono == 0, "%d non-monotonic readings", nonmono);
        CHECKF(prev - first >= 0.0, "difference %g", prev - first);
        /* 1000 readings take far less than a minute */
        CHECKF(prev - first < 60.0, "difference %g", prev - first);
    }
    t_end();

    t_begin("wtick");
    {
        double tick = MPI_Wtick();
        CHECKF(tick > 0.0 && tick <= 1.0, "Wtick=%g", tick);
    }
    t_end();

    t_begin("get-processor-name");
    {
        char name[MPI_MAX_PROCESSOR_NAME + 1];
        int len = -1;
        memset(name, 0x7f, sizeof name);
        name[MPI_MAX_PROCESSOR_NAME] = '\0';
        MPI_OK(MPI_Get_processor_name(name, &len));
        CHECKF(len > 0 && len < MPI_MAX_PROCESSOR_NAME, "len=%d", len);
        CHECKF(len >= 0 && len < MPI_MAX_PROCESSOR_NAME && name[len] == '\0',
               "len=%d not terminated", len);
        CHECKF((size_t)len == strlen(name), "len=%d strlen=%d", len,
               (int)strlen(name));
    }
    t_end();

    t_begin("get-version");
    {
        int version = -1, subversion = -1;
        MPI_OK(MPI_Get_version(&version, &subversion));
        CHECKF(version >= 3, "version=%d", version);
        CHECKF(subversion >= 0, "subversion=%d", subversion);
        CHECK(MPI_VERSION >= 3);
    }
    t_end();

    t_begin("get-library-version");
    {
        char lib[MPI_MAX_LIBRARY_VERSION_STRING + 1];
        int len = -1;
        memset(lib, 0x7f, sizeof lib);
        lib[MPI_MAX_LIBRARY_VERSION_STRING] = '\0';
        MPI_OK(MPI_Get_library_version(lib, &len));
        size_t slen = strlen(lib);
        CHECKF(len > 0 && len <= MPI_MAX_LIBRARY_VERSION_STRING, "len=%d", len);
        CHECKF(slen > 0 && slen < MPI_MAX_LIBRARY_VERSION_STRING, "strlen=%d",
               (int)slen);
        /* MPI-3.1 8.1.1: resultlen is the number of characters and
         * lib[resultlen] is the terminating NUL. Open MPI 4.1 returns
         * strlen + 1 (it counts the NUL), so both are accepted here. */
        CHECKF((size_t)len == slen || (size_t)len == slen + 1,
               "len=%d strlen=%d", len, (int)slen);
    }
    t_end();

    t_begin("error-string");
    {
        char s[MPI_MAX_ERROR_STRING + 1];
        int len = -1;
        memset(s, 0x7f, sizeof s);
        s[MPI_MAX_ERROR_STRING] = '\0';
        MPI_OK(MPI_Error_string(MPI_ERR_RANK, s, &len));
        CHECKF(len > 0 && len < MPI_MAX_ERROR_STRING, "len=%d", len);
        CHECKF(len >= 0 && len < MPI_MAX_ERROR_STRING && s[len] == '\0',
               "len=%d not terminated", len);
        CHECKF((size_t)len == strlen(s), "len=%d strlen=%d", len, (int)strlen(s));

        len = -1;
        MPI_OK(MPI_Error_string(MPI_SUCCESS, s, &len));
        CHECKF(len > 0 && (size_t)len == strlen(s), "len=%d", len);
    }
    t_end();

    t_begin("error-class");
    {
        static const int codes[] = {
            MPI_SUCCESS,   MPI_ERR_BUFFER, MPI_ERR_COUNT, MPI_ERR_TYPE,
            MPI_ERR_TAG,   MPI_ERR_COMM,   MPI_ERR_RANK,  MPI_ERR_REQUEST,
            MPI_ERR_ROOT,  MPI_ERR_GROUP,  MPI_ERR_OP,    MPI_ERR_TOPOLOGY,
            MPI_ERR_DIMS,  MPI_ERR_ARG,    MPI_ERR_UNKNOWN, MPI_ERR_TRUNCATE,
            MPI_ERR_OTHER, MPI_ERR_INTERN, MPI_ERR_IN_STATUS, MPI_ERR_PENDING};
        int cls = -1;
        MPI_OK(MPI_Error_class(MPI_ERR_RANK, &cls));
        CHECKF(cls == MPI_ERR_RANK, "class=%d", cls);
        cls = -1;
        MPI_OK(MPI_Error_class(MPI_SUCCESS, &cls));
        CHECKF(cls == MPI_SUCCESS, "class=%d", cls);
        /* every predefined error class is its own class */
        for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
            cls = -1;
            MPI_OK(MPI_Error_class(codes[i], &cls));
            CHECKF(cls == codes[i], "code %d -> class %d", codes[i], cls);
            CHECKF(codes[i] <= MPI_ERR_LASTCODE, "code %d", codes[i]);
        }
        CHECK(MPI_SUCCESS == 0);
    }
    t_end();

    t_begin("attr-tag-ub");
    {
        int *val = NULL, flag = 0;
        MPI_OK(MPI_Comm_get_attr(MPI_COMM_WORLD, MPI_TAG_UB, &val, &flag));
        CHECKF(flag != 0, "flag=%d", flag);
        CHECK(val != NULL);
        if (flag && val)
            CHECKF(*val >= 32767, "MPI_TAG_UB=%d", *val);
    }
    t_end();

    t_begin("attr-wtime-is-global");
    {
        int *val = NULL, flag = -1;
        MPI_OK(MPI_Comm_get_attr(MPI_COMM_WORLD, MPI_WTIME_IS_GLOBAL, &val, &flag));
        CHECKF(flag == 0 || flag == 1, "flag=%d", flag);
        if (flag) {
            CHECK(val != NULL);
            if (val)
                CHECKF(*val == 0 || *val == 1, "MPI_WTIME_IS_GLOBAL=%d", *val);
        }
    }
    t_end();

    t_begin("errhandler");
    {
        MPI_Errhandler eh = MPI_ERRHANDLER_NULL;
        /* the default handler of MPI_COMM_WORLD is MPI_ERRORS_ARE_FATAL */
        MPI_OK(MPI_Comm_get_errhandler(MPI_COMM_WORLD, &eh));
        CHECK(eh == MPI_ERRORS_ARE_FATAL);
        MPI_OK(MPI_Errhandler_free(&eh));
        CHECK(eh == MPI_ERRHANDLER_NULL);

        MPI_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN));
        eh = MPI_ERRHANDLER_NULL;
        MPI_OK(MPI_Comm_get_errhandler(MPI_COMM_WORLD, &eh));
        CHECK(eh == MPI_ERRORS_RETURN);
        MPI_OK(MPI_Errhandler_free(&eh));
        CHECK(eh == MPI_ERRHANDLER_NULL);

        MPI_OK(MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_ARE_FATAL));
        eh = MPI_ERRHANDLER_NULL;
        MPI_OK(MPI_Comm_get_errhandler(MPI_COMM_WORLD, &eh));
        CHECK(eh == MPI_ERRORS_ARE_FATAL);
        MPI_OK(MPI_Errhandler_free(&eh));
    }
    t_end();

    /* verdict of everything before MPI_Finalize, same on all ranks */
    int verdict = t_failed_groups != 0;
    MPI_Bcast(&verdict, 1, MPI_INT, 0, MPI_COMM_WORLD);

    int rc_fin = MPI_Finalize();

    /* after MPI_Finalize: only MPI_Initialized/MPI_Finalized may be called */
    int flag_fin_after = -1, flag_init_after = -1, post_fail = 0;
    MPI_Finalized(&flag_fin_after);
    MPI_Initialized(&flag_init_after);
    if (rc_fin != MPI_SUCCESS) {
        fprintf(stderr, "[rank %d] MPI_Finalize returned %d\n", t_rank, rc_fin);
        post_fail = 1;
    }
    if (flag_fin_after == 0) {
        fprintf(stderr, "[rank %d] MPI_Finalized after MPI_Finalize: %d\n",
                t_rank, flag_fin_after);
        post_fail = 1;
    }
    if (flag_init_after == 0) {
        fprintf(stderr, "[rank %d] MPI_Initialized after MPI_Finalize: %d\n",
                t_rank, flag_init_after);
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
