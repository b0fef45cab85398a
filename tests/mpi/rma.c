/*
 * rma.c - one-sided communication: MPI_Win_create (over a static array and
 * over malloc'd memory), MPI_Win_allocate, MPI_Win_free (MPI_WIN_NULL),
 * MPI_Put, MPI_Get (also with a strided target datatype), MPI_Accumulate
 * (MPI_SUM, MPI_REPLACE), MPI_Get_accumulate (MPI_SUM, MPI_NO_OP),
 * MPI_Fetch_and_op (MPI_SUM on a counter every rank increments),
 * MPI_Compare_and_swap (exactly one winner), MPI_Win_fence epochs,
 * MPI_Win_lock/MPI_Win_unlock (exclusive and shared), MPI_Win_lock_all/
 * MPI_Win_unlock_all and MPI_Win_flush.
 *
 * Only fence and passive-target synchronization are used (no
 * post/start/complete/wait). Window memory that other ranks update in a
 * passive epoch is read back with MPI_Get, never with a plain load.
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
#define NS 32

static int left(void) { return (t_rank + t_size - 1) % t_size; }
static int right(void) { return (t_rank + 1) % t_size; }
static int val(int r, int i) { return r * 1000 + i; }

static int sarr[NS]; /* window over static storage */

/*
 * MPI_Win_create over *mem. Open MPI 4.1 as Debian configures it
 * (osc = ^ucx,pt2pt) cannot create a window over user memory on a
 * one-process communicator: MPI_Win_create fails with MPI_ERR_WIN
 * (open-mpi/ompi#10726). Only in that case the window is made with
 * MPI_Win_allocate instead, with *mem's contents copied in and *mem
 * pointing to the new memory, so the rest of the test still runs.
 */
static void win_create(void **mem, MPI_Aint size, int disp_unit, MPI_Win *w)
{
    int rc, cls = MPI_SUCCESS;
    MPI_OK(MPI_Comm_set_errhandler(W, MPI_ERRORS_RETURN));
    rc = MPI_Win_create(*mem, size, disp_unit, MPI_INFO_NULL, W, w);
    MPI_OK(MPI_Comm_set_errhandler(W, MPI_ERRORS_ARE_FATAL));
    if (rc == MPI_SUCCESS)
        return;
    MPI_Error_class(rc, &cls);
    CHECKF(t_size == 1 && cls == MPI_ERR_WIN, "MPI_Win_create failed, class %d", cls);
    fprintf(stderr, "[rank %d] %s: MPI_Win_create on one process failed with "
            "MPI_ERR_WIN (open-mpi/ompi#10726); using MPI_Win_allocate\n", t_rank, t_group);
    void *base = NULL;
    MPI_OK(MPI_Win_allocate(size, disp_unit, MPI_INFO_NULL, W, &base, w));
    memcpy(base, *mem, (size_t)size);
    *mem = base;
}

static void free_win(MPI_Win *w)
{
    MPI_OK(MPI_Win_free(w));
    CHECK(*w == MPI_WIN_NULL);
}

static void test_static_fence(void)
{
    MPI_Win w;
    void *mem = sarr;
    for (int i = 0; i < NS; i++)
        sarr[i] = -1;
    win_create(&mem, (MPI_Aint)sizeof sarr, (int)sizeof(int), &w);
    CHECK(w != MPI_WIN_NULL);
    int *a = mem; /* sarr, unless Open MPI needed the fallback */
    int s[4], g[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        s[i] = val(t_rank, i);
    /* epoch 1: put my values into slots 4..7 of the right neighbour */
    MPI_OK(MPI_Win_fence(0, w));
    MPI_OK(MPI_Put(s, 4, MPI_INT, right(), 4, 4, MPI_INT, w));
    MPI_OK(MPI_Win_fence(0, w));
    for (int i = 0; i < 4; i++)
        CHECKF(a[4 + i] == val(left(), i), "a[%d]=%d", 4 + i, a[4 + i]);
    CHECK(a[3] == -1 && a[8] == -1);
    /* epoch 2: get them back from the right neighbour; also put single
     * ints to the left neighbour's slot 10 + k */
    for (int k = 0; k < 2; k++)
        MPI_OK(MPI_Put(&s[k], 1, MPI_INT, left(), 10 + k, 1, MPI_INT, w));
    MPI_OK(MPI_Get(g, 4, MPI_INT, right(), 4, 4, MPI_INT, w));
    MPI_OK(MPI_Win_fence(0, w));
    for (int i = 0; i < 4; i++)
        CHECKF(g[i] == val(t_rank, i), "g[%d]=%d", i, g[i]);
    CHECK(a[10] == val(right(), 0) && a[11] == val(right(), 1));
    /* epoch 3: a strided target type, every 2nd slot from 16 */
    MPI_Datatype strided;
    MPI_OK(MPI_Type_vector(4, 1, 2, MPI_INT, &strided));
    MPI_OK(MPI_Type_commit(&strided));
    MPI_OK(MPI_Put(s, 4, MPI_INT, right(), 16, 1, strided, w));
    MPI_OK(MPI_Win_fence(0, w));
    for (int i = 0; i < 4; i++)
        CHECKF(a[16 + 2 * i] == val(left(), i) && a[17 + 2 * i] == -1, "strided %d", i);
    MPI_OK(MPI_Get(g, 4, MPI_INT, left(), 16, 1, strided, w));
    MPI_OK(MPI_Win_fence(MPI_MODE_NOSUCCEED, w));
    for (int i = 0; i < 4; i++)
        CHECKF(g[i] == val((left() + t_size - 1) % t_size, i), "strided get %d: %d", i, g[i]);
    MPI_OK(MPI_Type_free(&strided));
    free_win(&w);
}

static void test_malloc_accumulate(void)
{
    const int n = 8;
    double *d = malloc(sizeof(double) * (size_t)n);
    MPI_Win w;
    for (int i = 0; i < n; i++)
        d[i] = 0.5 * i;
    void *mem = d;
    win_create(&mem, (MPI_Aint)(sizeof(double) * (size_t)n), (int)sizeof(double), &w);
    double *m = mem; /* d, unless Open MPI needed the fallback */
    MPI_OK(MPI_Win_fence(MPI_MODE_NOPRECEDE, w));
    /* everybody adds (rank + 1) * (i + 1) into rank 0's m[0..3] */
    double a[4];
    for (int i = 0; i < 4; i++)
        a[i] = (t_rank + 1.0) * (i + 1);
    MPI_OK(MPI_Accumulate(a, 4, MPI_DOUBLE, 0, 0, 4, MPI_DOUBLE, MPI_SUM, w));
    /* and replaces m[4] of its right neighbour */
    double me = t_rank + 0.25;
    MPI_OK(MPI_Accumulate(&me, 1, MPI_DOUBLE, right(), 4, 1, MPI_DOUBLE, MPI_REPLACE, w));
    MPI_OK(MPI_Win_fence(0, w));
    if (t_rank == 0)
        for (int i = 0; i < 4; i++) {
            double e = 0.5 * i;
            for (int r = 0; r < t_size; r++)
                e += (r + 1.0) * (i + 1);
            CHECKF(m[i] == e, "m[%d]=%g expected %g", i, m[i], e);
        }
    CHECKF(m[4] == left() + 0.25, "replaced m[4]=%g", m[4]);
    /* all ranks replace rank 0's m[5]: one of the values wins */
    MPI_OK(MPI_Accumulate(&me, 1, MPI_DOUBLE, 0, 5, 1, MPI_DOUBLE, MPI_REPLACE, w));
    MPI_OK(MPI_Win_fence(MPI_MODE_NOSUCCEED, w));
    if (t_rank == 0) {
        int ok = 0;
        for (int r = 0; r < t_size; r++)
            ok |= m[5] == r + 0.25;
        CHECKF(ok, "m[5]=%g is no rank's value", m[5]);
    }
    free_win(&w);
    free(d);
}

static void test_allocate_get_accumulate(void)
{
    int *base = NULL;
    MPI_Win w;
    MPI_OK(MPI_Win_allocate((MPI_Aint)(sizeof(int) * NS), (int)sizeof(int), MPI_INFO_NULL, W,
                            &base, &w));
    CHECK(base != NULL && w != MPI_WIN_NULL);
    for (int i = 0; i < NS; i++)
        base[i] = val(t_rank, i);
    MPI_OK(MPI_Win_fence(0, w));
    /* Get_accumulate SUM: add 1 to rank 0's slot 1, fetching the old value;
     * the fetched values are a permutation of the starting value + 0..np-1 */
    int one = 1, old = -1;
    MPI_OK(MPI_Get_accumulate(&one, 1, MPI_INT, &old, 1, MPI_INT, 0, 1, 1, MPI_INT, MPI_SUM, w));
    MPI_OK(MPI_Win_fence(0, w));
    int *all = malloc(sizeof(int) * (size_t)t_size), *seen = calloc((size_t)t_size, sizeof(int));
    MPI_OK(MPI_Allgather(&old, 1, MPI_INT, all, 1, MPI_INT, W));
    for (int r = 0; r < t_size; r++) {
        int k = all[r] - val(0, 1);
        if (k >= 0 && k < t_size)
            seen[k]++;
    }
    for (int k = 0; k < t_size; k++)
        CHECKF(seen[k] == 1, "fetched value %d seen %d times", val(0, 1) + k, seen[k]);
    if (t_rank == 0)
        CHECKF(base[1] == val(0, 1) + t_size, "counter %d", base[1]);
    /* MPI_NO_OP: an atomic read of the left neighbour's slots 2..3 */
    int rd[2] = {-1, -1}, dummy[2] = {0, 0};
    MPI_OK(MPI_Get_accumulate(dummy, 2, MPI_INT, rd, 2, MPI_INT, left(), 2, 2, MPI_INT,
                              MPI_NO_OP, w));
    MPI_OK(MPI_Win_fence(0, w));
    CHECK(rd[0] == val(left(), 2) && rd[1] == val(left(), 3));
    /* Accumulate SUM with a strided origin into the right neighbour */
    int src[6] = {1, -100, 2, -100, 3, -100};
    MPI_Datatype every2;
    MPI_OK(MPI_Type_vector(3, 1, 2, MPI_INT, &every2));
    MPI_OK(MPI_Type_commit(&every2));
    MPI_OK(MPI_Accumulate(src, 1, every2, right(), 8, 3, MPI_INT, MPI_SUM, w));
    MPI_OK(MPI_Win_fence(MPI_MODE_NOSUCCEED, w));
    for (int i = 0; i < 3; i++)
        CHECKF(base[8 + i] == val(t_rank, 8 + i) + i + 1, "base[%d]=%d", 8 + i, base[8 + i]);
    MPI_OK(MPI_Type_free(&every2));
    free(all);
    free(seen);
    free_win(&w);
}

static void test_passive(void)
{
    int *base = NULL;
    MPI_Win w;
    MPI_OK(MPI_Win_allocate((MPI_Aint)(sizeof(int) * 8), (int)sizeof(int), MPI_INFO_NULL, W,
                            &base, &w));
    /* slot 0: counter, 1: CAS target, 2: RMW counter under exclusive lock */
    for (int i = 0; i < 8; i++)
        base[i] = 0;
    base[1] = -1;
    MPI_OK(MPI_Win_fence(MPI_MODE_NOPRECEDE, w));
    MPI_OK(MPI_Win_fence(MPI_MODE_NOSUCCEED, w));

    /* Fetch_and_op SUM under a shared lock */
    int one = 1, old = -1;
    MPI_OK(MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, w));
    MPI_OK(MPI_Fetch_and_op(&one, &old, MPI_INT, 0, 0, MPI_SUM, w));
    MPI_OK(MPI_Win_unlock(0, w));
    CHECKF(old >= 0 && old < t_size, "fetched %d", old);
    int *all = malloc(sizeof(int) * (size_t)t_size), *seen = calloc((size_t)t_size, sizeof(int));
    MPI_OK(MPI_Allgather(&old, 1, MPI_INT, all, 1, MPI_INT, W));
    for (int r = 0; r < t_size; r++)
        if (all[r] >= 0 && all[r] < t_size)
            seen[all[r]]++;
    for (int k = 0; k < t_size; k++)
        CHECKF(seen[k] == 1, "counter value %d fetched %d times", k, seen[k]);

    /* Compare_and_swap: -1 -> my rank; exactly one rank wins */
    int mine = t_rank, cmp = -1, got = -2;
    MPI_OK(MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, w));
    MPI_OK(MPI_Compare_and_swap(&mine, &cmp, &got, MPI_INT, 0, 1, w));
    MPI_OK(MPI_Win_unlock(0, w));
    int won = got == -1, winners = -1, winner = -1, cand = won ? t_rank : -1;
    MPI_OK(MPI_Allreduce(&won, &winners, 1, MPI_INT, MPI_SUM, W));
    MPI_OK(MPI_Allreduce(&cand, &winner, 1, MPI_INT, MPI_MAX, W));
    CHECKF(winners == 1, "%d winners", winners);
    CHECKF(won || (got >= 0 && got < t_size), "loser saw %d", got);

    /* read-modify-write under an exclusive lock: Get, flush, Put */
    MPI_OK(MPI_Win_lock(MPI_LOCK_EXCLUSIVE, 0, 0, w));
    int cur = -1;
    MPI_OK(MPI_Get(&cur, 1, MPI_INT, 0, 2, 1, MPI_INT, w));
    MPI_OK(MPI_Win_flush(0, w));
    cur += t_rank + 1;
    MPI_OK(MPI_Put(&cur, 1, MPI_INT, 0, 2, 1, MPI_INT, w));
    MPI_OK(MPI_Win_unlock(0, w));

    MPI_OK(MPI_Barrier(W));
    /* read the results back through the window */
    int res[3] = {-1, -1, -1};
    MPI_OK(MPI_Win_lock(MPI_LOCK_SHARED, 0, 0, w));
    MPI_OK(MPI_Get(res, 3, MPI_INT, 0, 0, 3, MPI_INT, w));
    MPI_OK(MPI_Win_unlock(0, w));
    CHECKF(res[0] == t_size, "counter %d", res[0]);
    CHECKF(res[1] == winner, "CAS slot %d winner %d", res[1], winner);
    CHECKF(res[2] == t_size * (t_size + 1) / 2, "exclusive RMW %d", res[2]);
    free(all);
    free(seen);
    MPI_OK(MPI_Barrier(W));
    free_win(&w);
}

static void test_lock_all_flush(void)
{
    int *base = NULL;
    MPI_Win w;
    MPI_OK(MPI_Win_allocate((MPI_Aint)(sizeof(int) * 4), (int)sizeof(int), MPI_INFO_NULL, W,
                            &base, &w));
    for (int i = 0; i < 4; i++)
        base[i] = -1;
    MPI_OK(MPI_Win_fence(MPI_MODE_NOPRECEDE, w));
    MPI_OK(MPI_Win_fence(MPI_MODE_NOSUCCEED, w));

    MPI_OK(MPI_Win_lock_all(0, w));
    /* put into the right neighbour's slot 0, flush, read it back */
    int x = val(t_rank, 7), y = -1;
    MPI_OK(MPI_Put(&x, 1, MPI_INT, right(), 0, 1, MPI_INT, w));
    MPI_OK(MPI_Win_flush(right(), w));
    MPI_OK(MPI_Get(&y, 1, MPI_INT, right(), 0, 1, MPI_INT, w));
    MPI_OK(MPI_Win_flush(right(), w));
    CHECKF(y == x, "read back %d", y);
    /* fetch_and_op on every rank's slot 1 within the same epoch */
    int one = 1, old = 0;
    for (int r = 0; r < t_size; r++)
        MPI_OK(MPI_Fetch_and_op(&one, &old, MPI_INT, r, 1, MPI_SUM, w));
    MPI_OK(MPI_Win_unlock_all(w));
    MPI_OK(MPI_Barrier(W));

    int mine[2] = {0, 0};
    MPI_OK(MPI_Win_lock_all(MPI_MODE_NOCHECK, w));
    MPI_OK(MPI_Get(mine, 2, MPI_INT, t_rank, 0, 2, MPI_INT, w));
    MPI_OK(MPI_Win_unlock_all(w));
    CHECKF(mine[0] == val(left(), 7), "slot 0 = %d", mine[0]);
    CHECKF(mine[1] == -1 + t_size, "slot 1 = %d", mine[1]);
    MPI_OK(MPI_Barrier(W));
    free_win(&w);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("rma");

    t_begin("win-create-static-fence-put-get");
    test_static_fence();
    t_end();
    t_begin("win-create-malloc-accumulate");
    test_malloc_accumulate();
    t_end();
    t_begin("win-allocate-get-accumulate");
    test_allocate_get_accumulate();
    t_end();
    t_begin("lock-fetch-and-op-cas");
    test_passive();
    t_end();
    t_begin("lock-all-flush");
    test_lock_all_flush();
    t_end();

    return t_finish();
}
