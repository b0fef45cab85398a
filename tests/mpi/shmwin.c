/*
 * shmwin.c - shared-memory windows: MPI_Win_allocate_shared on the
 * node's communicator (MPI_Comm_split_type with MPI_COMM_TYPE_SHARED),
 * direct loads and stores into every rank's part through the pointers
 * MPI_Win_shared_query gives (the parts are contiguous in rank order,
 * MPI_PROC_NULL names the first part that is not empty), stores made
 * visible by MPI_Win_sync and MPI_Barrier inside an MPI_Win_lock_all
 * epoch, MPI_Put and MPI_Get on the same window, a rank with an empty
 * part, the window attributes (MPI_WIN_CREATE_FLAVOR is
 * MPI_WIN_FLAVOR_SHARED, MPI_WIN_SIZE, MPI_WIN_DISP_UNIT), malloc still
 * working beside the segments, and MPI_Win_shared_query on a window of
 * MPI_Win_create failing with MPI_ERR_RMA_FLAVOR.
 *
 * The program needs every rank on one node (any single-node mpirun).
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

static MPI_Comm node;
static int nrank, nsize;

static void test_parts(void)
{
    t_begin("parts");
    int n = 4 * (nrank + 1); /* ints in this rank's part */
    int *mine = NULL;
    MPI_Win win;
    MPI_OK(MPI_Win_allocate_shared((MPI_Aint)(n * sizeof(int)), sizeof(int), MPI_INFO_NULL, node, &mine, &win));
    CHECK(mine != NULL);
    MPI_OK(MPI_Win_lock_all(MPI_MODE_NOCHECK, win));
    for (int i = 0; i < n; i++) mine[i] = nrank * 1000 + i;
    MPI_OK(MPI_Win_sync(win));
    MPI_OK(MPI_Barrier(node));
    MPI_OK(MPI_Win_sync(win));
    int *first = NULL;
    MPI_Aint sz = -1;
    int du = -1;
    for (int r = 0; r < nsize; r++) {
        int *p = NULL;
        MPI_OK(MPI_Win_shared_query(win, r, &sz, &du, &p));
        CHECKF(sz == (MPI_Aint)(4 * (r + 1) * sizeof(int)), "rank %d size %ld", r, (long)sz);
        CHECKF(du == (int)sizeof(int), "disp unit %d", du);
        if (r == 0) first = p;
        /* contiguous in rank order */
        CHECKF(p == first + 2 * r * (r + 1), "rank %d part at offset %ld ints", r, (long)(p - first));
        int bad = 0;
        for (int i = 0; p != NULL && i < 4 * (r + 1); i++)
            if (p[i] != r * 1000 + i) bad++;
        CHECKF(bad == 0, "rank %d: %d wrong values", r, bad);
        if (r == nrank) CHECK(p == mine);
    }
    int *any = NULL;
    MPI_OK(MPI_Win_shared_query(win, MPI_PROC_NULL, &sz, &du, &any));
    CHECK(any == first);
    CHECK(sz == (MPI_Aint)(4 * sizeof(int)));
    MPI_OK(MPI_Barrier(node));
    /* the right neighbour's last element, stored directly */
    int right = (nrank + 1) % nsize, *rp = NULL;
    MPI_OK(MPI_Win_shared_query(win, right, &sz, &du, &rp));
    rp[4 * (right + 1) - 1] = -nrank;
    MPI_OK(MPI_Win_sync(win));
    MPI_OK(MPI_Barrier(node));
    MPI_OK(MPI_Win_sync(win));
    int left = (nrank + nsize - 1) % nsize;
    CHECKF(mine[n - 1] == -left, "last %d", mine[n - 1]);
    /* MPI_Put and MPI_Get on the same window */
    MPI_OK(MPI_Barrier(node));
    int v = 77 + nrank, got = 0;
    MPI_OK(MPI_Put(&v, 1, MPI_INT, right, 0, 1, MPI_INT, win));
    MPI_OK(MPI_Win_flush(right, win));
    MPI_OK(MPI_Barrier(node));
    MPI_OK(MPI_Win_sync(win));
    CHECKF(mine[0] == 77 + left, "put gave %d", mine[0]);
    MPI_OK(MPI_Get(&got, 1, MPI_INT, right, 1, 1, MPI_INT, win));
    MPI_OK(MPI_Win_flush(right, win));
    CHECKF(got == right * 1000 + 1, "get gave %d", got);
    MPI_OK(MPI_Win_unlock_all(win));
    /* attributes */
    int *flavor = NULL, *unit = NULL, flag = 0;
    MPI_Aint *size = NULL;
    MPI_OK(MPI_Win_get_attr(win, MPI_WIN_CREATE_FLAVOR, &flavor, &flag));
    CHECK(flag && *flavor == MPI_WIN_FLAVOR_SHARED);
    MPI_OK(MPI_Win_get_attr(win, MPI_WIN_SIZE, &size, &flag));
    CHECK(flag && *size == (MPI_Aint)(n * sizeof(int)));
    MPI_OK(MPI_Win_get_attr(win, MPI_WIN_DISP_UNIT, &unit, &flag));
    CHECK(flag && *unit == (int)sizeof(int));
    /* malloc beside the segment */
    char *heap = malloc(1 << 20);
    CHECK(heap != NULL);
    if (heap != NULL) {
        memset(heap, 0x5a, 1 << 20);
        CHECK(heap + (1 << 20) <= (char *)first || heap >= (char *)(first + 2 * nsize * (nsize + 1)));
    }
    MPI_OK(MPI_Barrier(node));
    int bad = 0;
    for (int i = 1; i < n - 1; i++)
        if (mine[i] != nrank * 1000 + i) bad++;
    CHECKF(bad == 0, "%d values changed by malloc", bad);
    free(heap);
    MPI_OK(MPI_Win_free(&win));
    CHECK(win == MPI_WIN_NULL);
    t_end();
}

static void test_empty_part(void)
{
    t_begin("empty-part");
    /* only the last rank of the node asks for memory */
    MPI_Aint bytes = nrank == nsize - 1 ? 64 * sizeof(double) : 0;
    double *mine = NULL, *p = NULL;
    MPI_Win win;
    MPI_OK(MPI_Win_allocate_shared(bytes, sizeof(double), MPI_INFO_NULL, node, &mine, &win));
    if (nrank == nsize - 1)
        for (int i = 0; i < 64; i++) mine[i] = 0.5 * i;
    MPI_OK(MPI_Win_fence(0, win));
    MPI_Aint sz = -1;
    int du = 0;
    MPI_OK(MPI_Win_shared_query(win, MPI_PROC_NULL, &sz, &du, &p));
    CHECKF(sz == 64 * (MPI_Aint)sizeof(double), "size %ld", (long)sz);
    int bad = 0;
    for (int i = 0; p != NULL && i < 64; i++)
        if (p[i] != 0.5 * i) bad++;
    CHECK(p != NULL && bad == 0);
    MPI_OK(MPI_Win_shared_query(win, 0, &sz, &du, &p));
    CHECK(sz == (nsize == 1 ? 64 * (MPI_Aint)sizeof(double) : 0));
    MPI_OK(MPI_Win_fence(0, win));
    MPI_OK(MPI_Win_free(&win));
    t_end();
}

static void test_errors(void)
{
    t_begin("errors");
    int buf[4], *mem = NULL;
    MPI_Win win;
    MPI_Comm_set_errhandler(node, MPI_ERRORS_RETURN);
    if (MPI_Win_create(buf, sizeof buf, sizeof(int), MPI_INFO_NULL, node, &win) != MPI_SUCCESS) {
        /* Debian's Open MPI 4.1 cannot create a window on one process
         * (open-mpi/ompi#10726): a window of MPI_Win_allocate is not a
         * shared one either */
        MPI_OK(MPI_Win_allocate(sizeof buf, sizeof(int), MPI_INFO_NULL, node, &mem, &win));
    }
    MPI_OK(MPI_Win_set_errhandler(win, MPI_ERRORS_RETURN));
    MPI_Aint sz;
    int du, cls = -1, *p;
    int rc = MPI_Win_shared_query(win, 0, &sz, &du, &p);
    MPI_Error_class(rc, &cls);
    CHECK(rc != MPI_SUCCESS);
    if (mem == NULL) CHECKF(cls == MPI_ERR_RMA_FLAVOR, "class %d", cls);
    MPI_OK(MPI_Win_free(&win));
    t_end();
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("shmwin");
    MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node);
    MPI_Comm_rank(node, &nrank);
    MPI_Comm_size(node, &nsize);
    for (int round = 0; round < 2; round++) test_parts();
    test_empty_part();
    test_errors();
    MPI_Comm_free(&node);
    return t_finish();
}
