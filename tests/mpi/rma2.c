/*
 * rma2.c - one-sided communication, part 2: dynamic windows
 * (MPI_Win_create_dynamic, MPI_Win_attach, MPI_Win_detach; target
 * displacements are addresses from MPI_Get_address, also of memory
 * allocated after the window was created), request-based operations
 * (MPI_Rput, MPI_Rget, MPI_Raccumulate, MPI_Rget_accumulate, completed with
 * MPI_Wait/MPI_Waitall), MPI_Win_flush_local, MPI_Win_flush_local_all,
 * MPI_Win_flush_all, generalized active target synchronization
 * (MPI_Win_post, MPI_Win_start, MPI_Win_complete, MPI_Win_wait,
 * MPI_Win_test), MPI_Win_sync, MPI_Win_get_group.
 *
 * Window memory that other ranks update in a passive epoch is read back
 * with MPI_Get, or with a plain load after MPI_Win_sync and a barrier.
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
#define N 16

static int left(void) { return (t_rank + t_size - 1) % t_size; }
static int right(void) { return (t_rank + 1) % t_size; }
static int val(int r, int i) { return r * 1000 + i; }

/*
 * MPI_Win_create_dynamic. Open MPI 4.1 as Debian configures it
 * (osc = ^ucx,pt2pt) has no one-sided component for dynamic windows on a
 * one-process communicator: the call fails with MPI_ERR_WIN (as
 * MPI_Win_create does, open-mpi/ompi#10726). Only in that case the
 * group's checks are skipped, with a note on stderr.
 */
static int dyn_create(MPI_Win *w)
{
    int rc, cls = MPI_SUCCESS;
    MPI_OK(MPI_Comm_set_errhandler(W, MPI_ERRORS_RETURN));
    rc = MPI_Win_create_dynamic(MPI_INFO_NULL, W, w);
    MPI_OK(MPI_Comm_set_errhandler(W, MPI_ERRORS_ARE_FATAL));
    if (rc == MPI_SUCCESS)
        return 1;
    MPI_Error_class(rc, &cls);
    CHECKF(t_size == 1 && cls == MPI_ERR_WIN, "MPI_Win_create_dynamic failed, class %d", cls);
    fprintf(stderr, "[rank %d] %s: MPI_Win_create_dynamic on one process failed with "
            "MPI_ERR_WIN (open-mpi/ompi#10726); checks skipped\n", t_rank, t_group);
    return 0;
}

static void free_win(MPI_Win *w)
{
    MPI_OK(MPI_Win_free(w));
    CHECK(*w == MPI_WIN_NULL);
}

/* every rank's address of p */
static MPI_Aint *addresses(void *p)
{
    MPI_Aint mine = 0, *all = malloc(sizeof(MPI_Aint) * (size_t)t_size);
    MPI_OK(MPI_Get_address(p, &mine));
    MPI_OK(MPI_Allgather(&mine, 1, MPI_AINT, all, 1, MPI_AINT, W));
    return all;
}

static void test_dynamic(void)
{
    MPI_Win w;
    if (!dyn_create(&w))
        return;
    CHECK(w != MPI_WIN_NULL);
    int *buf = malloc(sizeof(int) * N), s[4], g[4] = {0, 0, 0, 0};
    for (int i = 0; i < N; i++)
        buf[i] = -1;
    for (int i = 0; i < 4; i++)
        s[i] = val(t_rank, i);
    MPI_OK(MPI_Win_attach(w, buf, (MPI_Aint)(sizeof(int) * N)));
    MPI_Aint *addr = addresses(buf);
    const MPI_Aint isz = (MPI_Aint)sizeof(int);

    /* fence epochs: put into the right neighbour's slots 4..7 */
    MPI_OK(MPI_Win_fence(0, w));
    MPI_OK(MPI_Put(s, 4, MPI_INT, right(), MPI_Aint_add(addr[right()], 4 * isz), 4, MPI_INT, w));
    MPI_OK(MPI_Win_fence(0, w));
    for (int i = 0; i < 4; i++)
        CHECKF(buf[4 + i] == val(left(), i), "buf[%d]=%d", 4 + i, buf[4 + i]);
    CHECK(buf[3] == -1 && buf[8] == -1);
    /* get them from the left neighbour; accumulate into the right one's slot 12 */
    int one = 1;
    MPI_OK(MPI_Get(g, 4, MPI_INT, left(), MPI_Aint_add(addr[left()], 4 * isz), 4, MPI_INT, w));
    MPI_OK(MPI_Accumulate(&one, 1, MPI_INT, right(), MPI_Aint_add(addr[right()], 12 * isz), 1,
                          MPI_INT, MPI_SUM, w));
    MPI_OK(MPI_Win_fence(0, w));
    for (int i = 0; i < 4; i++)
        CHECKF(g[i] == val((left() + t_size - 1) % t_size, i), "g[%d]=%d", i, g[i]);
    CHECKF(buf[12] == 0, "buf[12]=%d", buf[12]);
    /* a strided target type at an address */
    MPI_Datatype every2;
    MPI_OK(MPI_Type_vector(2, 1, 2, MPI_INT, &every2));
    MPI_OK(MPI_Type_commit(&every2));
    MPI_OK(MPI_Put(s, 2, MPI_INT, left(), MPI_Aint_add(addr[left()], 13 * isz), 1, every2, w));
    MPI_OK(MPI_Win_fence(MPI_MODE_NOSUCCEED, w));
    CHECKF(buf[13] == val(right(), 0) && buf[14] == -1 && buf[15] == val(right(), 1),
           "strided %d %d %d", buf[13], buf[14], buf[15]);
    MPI_OK(MPI_Type_free(&every2));

    /* a second region, from memory allocated after the window was created
     * (large enough that a growing heap grows), under passive target */
    const size_t big = (size_t)8 << 20;
    char *mem = malloc(big);
    int *reg = (int *)(mem + big - sizeof(int) * N);
    for (int i = 0; i < N; i++)
        reg[i] = -2;
    MPI_OK(MPI_Win_attach(w, reg, (MPI_Aint)(sizeof(int) * N)));
    MPI_Aint *addr2 = addresses(reg);
    int sv[N], gv[N];
    for (int i = 0; i < N; i++)
        sv[i] = val(t_rank, 100 + i);
    MPI_OK(MPI_Win_lock(MPI_LOCK_EXCLUSIVE, right(), 0, w));
    MPI_OK(MPI_Put(sv, N, MPI_INT, right(), addr2[right()], N, MPI_INT, w));
    MPI_OK(MPI_Win_unlock(right(), w));
    MPI_OK(MPI_Barrier(W));
    memset(gv, 0, sizeof gv);
    MPI_OK(MPI_Win_lock(MPI_LOCK_SHARED, t_rank, 0, w));
    MPI_OK(MPI_Get(gv, N, MPI_INT, t_rank, addr2[t_rank], N, MPI_INT, w));
    MPI_OK(MPI_Win_unlock(t_rank, w));
    int nbad = 0;
    for (int i = 0; i < N; i++)
        nbad += gv[i] != val(left(), 100 + i);
    CHECKF(nbad == 0, "%d of the second region wrong", nbad);
    /* the first region is still attached: fetch-and-op on the left one's slot 0 */
    int old = -5;
    MPI_OK(MPI_Win_lock(MPI_LOCK_SHARED, left(), 0, w));
    MPI_OK(MPI_Fetch_and_op(&one, &old, MPI_INT, left(), addr[left()], MPI_SUM, w));
    MPI_OK(MPI_Win_unlock(left(), w));
    CHECKF(old == -1, "fetched %d", old);

    /* nobody accesses the regions any more */
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Win_detach(w, reg));
    MPI_OK(MPI_Win_detach(w, buf));
    CHECKF(buf[0] == 0, "buf[0]=%d", buf[0]);
    free_win(&w);
    free(addr2);
    free(mem);
    free(addr);
    free(buf);
}

/* a window of N ints per rank from MPI_Win_allocate, slot i = val(rank, i) */
static int *alloc_win(MPI_Win *w)
{
    int *base = NULL;
    MPI_OK(MPI_Win_allocate((MPI_Aint)(sizeof(int) * N), (int)sizeof(int), MPI_INFO_NULL, W, &base, w));
    for (int i = 0; i < N; i++)
        base[i] = val(t_rank, i);
    MPI_OK(MPI_Win_fence(MPI_MODE_NOPRECEDE, *w));
    MPI_OK(MPI_Win_fence(MPI_MODE_NOSUCCEED, *w));
    return base;
}

/* this rank's window slots [0, n) read through the window */
static void read_own(MPI_Win w, int *out, int n)
{
    MPI_OK(MPI_Win_lock(MPI_LOCK_SHARED, t_rank, 0, w));
    MPI_OK(MPI_Get(out, n, MPI_INT, t_rank, 0, n, MPI_INT, w));
    MPI_OK(MPI_Win_unlock(t_rank, w));
}

static void test_request_accumulate(void)
{
    MPI_Win w;
    alloc_win(&w);
    MPI_Request r[3] = {MPI_REQUEST_NULL, MPI_REQUEST_NULL, MPI_REQUEST_NULL};
    int add[2] = {1, 2}, inc = 5, old = -1, rep = val(t_rank, 77), rd[2] = {-1, -1}, dummy[2] = {0, 0};
    MPI_OK(MPI_Win_lock_all(0, w));
    /* everybody adds {1, 2} to rank 0's slots 0..1 */
    MPI_OK(MPI_Raccumulate(add, 2, MPI_INT, 0, 0, 2, MPI_INT, MPI_SUM, w, &r[0]));
    /* and 5 to the right neighbour's slot 5, fetching the old value */
    MPI_OK(MPI_Rget_accumulate(&inc, 1, MPI_INT, &old, 1, MPI_INT, right(), 5, 1, MPI_INT,
                               MPI_SUM, w, &r[1]));
    /* and replaces its right neighbour's slot 6 */
    MPI_OK(MPI_Raccumulate(&rep, 1, MPI_INT, right(), 6, 1, MPI_INT, MPI_REPLACE, w, &r[2]));
    MPI_Status sts[3];
    MPI_OK(MPI_Waitall(3, r, sts));
    CHECK(r[0] == MPI_REQUEST_NULL && r[1] == MPI_REQUEST_NULL && r[2] == MPI_REQUEST_NULL);
    CHECKF(old == val(right(), 5), "fetched %d", old);
    MPI_OK(MPI_Win_flush_all(w));
    MPI_OK(MPI_Win_unlock_all(w));
    MPI_OK(MPI_Barrier(W));
    /* an atomic read of the left neighbour's slots 5..6 with MPI_NO_OP */
    MPI_OK(MPI_Win_lock_all(0, w));
    MPI_OK(MPI_Rget_accumulate(dummy, 2, MPI_INT, rd, 2, MPI_INT, left(), 5, 2, MPI_INT,
                               MPI_NO_OP, w, &r[0]));
    MPI_OK(MPI_Wait(&r[0], MPI_STATUS_IGNORE));
    MPI_OK(MPI_Win_unlock_all(w));
    CHECKF(rd[0] == val(left(), 5) + 5 && rd[1] == val((left() + t_size - 1) % t_size, 77),
           "read %d %d", rd[0], rd[1]);
    MPI_OK(MPI_Barrier(W));
    int mine[N];
    read_own(w, mine, N);
    if (t_rank == 0)
        CHECKF(mine[0] == val(0, 0) + t_size && mine[1] == val(0, 1) + 2 * t_size,
               "sums %d %d", mine[0], mine[1]);
    CHECKF(mine[5] == val(t_rank, 5) + 5, "slot 5 = %d", mine[5]);
    CHECKF(mine[6] == val(left(), 77), "slot 6 = %d", mine[6]);
    MPI_OK(MPI_Barrier(W));
    free_win(&w);
}

static void test_request_put_get(void)
{
    MPI_Win w;
    alloc_win(&w);
    int s[N], g[N];
    for (int i = 0; i < N; i++)
        s[i] = val(t_rank, 200 + i);
    MPI_Request r = MPI_REQUEST_NULL, rs[2];
    MPI_OK(MPI_Win_lock_all(0, w));
    /* Rput into the right neighbour's slots 0..7, complete locally, flush */
    MPI_OK(MPI_Rput(s, 8, MPI_INT, right(), 0, 8, MPI_INT, w, &r));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(r == MPI_REQUEST_NULL);
    MPI_OK(MPI_Win_flush(right(), w));
    /* Rget it back and the untouched slots 8..15 */
    memset(g, 0, sizeof g);
    MPI_OK(MPI_Rget(g, 8, MPI_INT, right(), 0, 8, MPI_INT, w, &rs[0]));
    MPI_OK(MPI_Rget(g + 8, 8, MPI_INT, right(), 8, 8, MPI_INT, w, &rs[1]));
    MPI_Status sts[2];
    MPI_OK(MPI_Waitall(2, rs, sts));
    int nbad = 0;
    for (int i = 0; i < 8; i++)
        nbad += g[i] != s[i] || g[8 + i] != val(right(), 8 + i);
    CHECKF(nbad == 0, "%d wrong after Rput/Rget", nbad);
    /* plain puts completed with the local flushes, then the remote ones
     * (after everybody has read its right neighbour's slots) */
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Put(s + 8, 4, MPI_INT, right(), 8, 4, MPI_INT, w));
    MPI_OK(MPI_Win_flush_local(right(), w));
    s[8] = -77; /* the origin buffer is free again */
    MPI_OK(MPI_Put(s + 12, 4, MPI_INT, left(), 12, 4, MPI_INT, w));
    MPI_OK(MPI_Win_flush_local_all(w));
    MPI_OK(MPI_Win_flush_all(w));
    MPI_OK(MPI_Win_unlock_all(w));
    MPI_OK(MPI_Barrier(W));
    int mine[N];
    read_own(w, mine, N);
    nbad = 0;
    for (int i = 0; i < 8; i++)
        nbad += mine[i] != val(left(), 200 + i);
    for (int i = 8; i < 12; i++)
        nbad += mine[i] != val(left(), 200 + i);
    for (int i = 12; i < 16; i++)
        nbad += mine[i] != val(right(), 200 + i);
    CHECKF(nbad == 0, "%d wrong in my window", nbad);
    MPI_OK(MPI_Barrier(W));
    free_win(&w);
}

static void test_pscw(void)
{
    MPI_Win w;
    int *base = alloc_win(&w);
    MPI_Group world, from, to;
    int l = left(), r = right(), flag = 0, polls = 0;
    MPI_OK(MPI_Comm_group(W, &world));
    MPI_OK(MPI_Group_incl(world, 1, &l, &from)); /* who accesses my window */
    MPI_OK(MPI_Group_incl(world, 1, &r, &to));   /* whose window I access */
    int s[4], g[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        s[i] = val(t_rank, 300 + i);
    /* epoch 1: put into the right neighbour's slots 0..3; wait */
    MPI_OK(MPI_Win_post(from, 0, w));
    MPI_OK(MPI_Win_start(to, 0, w));
    MPI_OK(MPI_Put(s, 4, MPI_INT, r, 0, 4, MPI_INT, w));
    MPI_OK(MPI_Win_complete(w));
    MPI_OK(MPI_Win_wait(w));
    int nbad = 0;
    for (int i = 0; i < 4; i++)
        nbad += base[i] != val(l, 300 + i);
    CHECKF(nbad == 0, "%d wrong after MPI_Win_wait: %d %d %d %d", nbad, base[0], base[1], base[2], base[3]);
    CHECK(base[4] == val(t_rank, 4));
    /* epoch 2: get the right neighbour's slots 8..11 and accumulate into
     * its slot 12; poll with MPI_Win_test */
    int one = 1;
    MPI_OK(MPI_Win_post(from, MPI_MODE_NOPUT, w));
    MPI_OK(MPI_Win_start(to, 0, w));
    MPI_OK(MPI_Get(g, 4, MPI_INT, r, 8, 4, MPI_INT, w));
    MPI_OK(MPI_Win_complete(w));
    do {
        MPI_OK(MPI_Win_test(w, &flag));
        polls++;
    } while (!flag && polls < 100000000);
    CHECK(flag);
    for (int i = 0; i < 4; i++)
        CHECKF(g[i] == val(r, 8 + i), "g[%d]=%d", i, g[i]);
    /* epoch 3: accumulate */
    MPI_OK(MPI_Win_post(from, 0, w));
    MPI_OK(MPI_Win_start(to, 0, w));
    MPI_OK(MPI_Accumulate(&one, 1, MPI_INT, r, 12, 1, MPI_INT, MPI_SUM, w));
    MPI_OK(MPI_Win_complete(w));
    MPI_OK(MPI_Win_wait(w));
    CHECKF(base[12] == val(t_rank, 12) + 1, "slot 12 = %d", base[12]);
    MPI_OK(MPI_Group_free(&from));
    MPI_OK(MPI_Group_free(&to));
    MPI_OK(MPI_Group_free(&world));
    free_win(&w);
}

static void test_win_sync(void)
{
    MPI_Win w;
    int *base = alloc_win(&w);
    int x = val(t_rank, 400);
    MPI_OK(MPI_Win_lock_all(0, w));
    MPI_OK(MPI_Put(&x, 1, MPI_INT, right(), 3, 1, MPI_INT, w));
    MPI_OK(MPI_Win_flush(right(), w));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Win_sync(w));
    CHECKF(base[3] == val(left(), 400), "slot 3 = %d", base[3]);
    /* a local store made visible with MPI_Win_sync, read by the left neighbour */
    MPI_OK(MPI_Barrier(W));
    base[9] = val(t_rank, 401);
    MPI_OK(MPI_Win_sync(w));
    MPI_OK(MPI_Barrier(W));
    int y = -1;
    MPI_OK(MPI_Get(&y, 1, MPI_INT, right(), 9, 1, MPI_INT, w));
    MPI_OK(MPI_Win_flush(right(), w));
    CHECKF(y == val(right(), 401), "read %d", y);
    MPI_OK(MPI_Win_unlock_all(w));
    MPI_OK(MPI_Barrier(W));
    free_win(&w);
}

static void test_get_group(void)
{
    MPI_Win w;
    alloc_win(&w);
    MPI_Group g = MPI_GROUP_NULL, world;
    int cmp = -1, size = -1, rank = -1;
    MPI_OK(MPI_Win_get_group(w, &g));
    CHECK(g != MPI_GROUP_NULL);
    MPI_OK(MPI_Comm_group(W, &world));
    MPI_OK(MPI_Group_compare(g, world, &cmp));
    CHECKF(cmp == MPI_IDENT, "compare %d", cmp);
    MPI_OK(MPI_Group_size(g, &size));
    MPI_OK(MPI_Group_rank(g, &rank));
    CHECK(size == t_size && rank == t_rank);
    MPI_OK(MPI_Group_free(&g));
    MPI_OK(MPI_Group_free(&world));
    free_win(&w);
    /* a window over every other rank: its group is the communicator's.
     * The two halves make their windows one after the other: Open MPI 4.1's
     * osc/rdma names its shared-memory segment after the job and the
     * communicator's context id, which two disjoint communicators on one
     * node may share, so concurrent creations collide (MPI_ERR_WIN). */
    MPI_Comm half;
    MPI_Group hg, wg = MPI_GROUP_NULL;
    int *base = NULL, hsize = -1;
    MPI_OK(MPI_Comm_split(W, t_rank % 2, t_rank, &half));
    MPI_OK(MPI_Comm_size(half, &hsize));
    for (int color = 0; color < 2; color++) {
        if (t_rank % 2 == color) {
            MPI_OK(MPI_Win_allocate((MPI_Aint)sizeof(int), (int)sizeof(int), MPI_INFO_NULL, half,
                                    &base, &w));
            MPI_OK(MPI_Win_get_group(w, &wg));
            MPI_OK(MPI_Comm_group(half, &hg));
            MPI_OK(MPI_Group_compare(wg, hg, &cmp));
            CHECKF(cmp == MPI_IDENT, "compare %d", cmp);
            MPI_OK(MPI_Group_size(wg, &size));
            CHECKF(size == (t_size + 1 - t_rank % 2) / 2 && size == hsize, "size %d", size);
            MPI_OK(MPI_Group_free(&wg));
            MPI_OK(MPI_Group_free(&hg));
            free_win(&w);
        }
        MPI_OK(MPI_Barrier(W));
    }
    MPI_OK(MPI_Comm_free(&half));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("rma2");

    t_begin("win-create-dynamic-attach-detach");
    test_dynamic();
    t_end();
    t_begin("raccumulate-rget-accumulate");
    test_request_accumulate();
    t_end();
    t_begin("rput-rget-flush-local");
    test_request_put_get();
    t_end();
    t_begin("post-start-complete-wait-test");
    test_pscw();
    t_end();
    t_begin("win-sync");
    test_win_sync();
    t_end();
    t_begin("win-get-group");
    test_get_group();
    t_end();

    return t_finish();
}
