/*
 * io2.c - MPI-IO, part 2: shared file pointers (MPI_File_write_shared,
 * MPI_File_read_shared, MPI_File_iwrite_shared, MPI_File_iread_shared,
 * MPI_File_write_ordered, MPI_File_read_ordered, MPI_File_seek_shared with
 * MPI_SEEK_SET, _CUR and _END, also through a view whose etype is MPI_INT,
 * MPI_File_get_position_shared), the split collectives
 * (MPI_File_write_at_all_begin/_end, MPI_File_read_at_all_begin/_end,
 * MPI_File_write_all_begin/_end, MPI_File_read_all_begin/_end,
 * MPI_File_write_ordered_begin/_end, MPI_File_read_ordered_begin/_end),
 * MPI_File_get_view (the default view, a derived filetype that was freed
 * after MPI_File_set_view), MPI_File_get_type_extent, MPI_File_get_info,
 * MPI_File_set_info, and MPI_MODE_APPEND (every file pointer starts at the
 * end of the file).
 *
 * Usage: io2 [DIR]. The file is made in DIR (default "."), named after the
 * rank count, and deleted at the end. Other ranks' data is read only after
 * the sync-barrier-sync sequence that MPI's consistency rules ask for.
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
#define N 16 /* ints per rank per region */
#define B 4  /* ints per block of the interleaved view */
#define K (N / B)

static char path[4096];

/* value of element i of rank r in region g */
static int val(int g, int r, int i) { return g * 1000000 + r * 1000 + i; }
/* the rank whose value v is, or -1 */
static int owner(int g, int v)
{
    int r = (v - g * 1000000) / 1000;
    return r >= 0 && r < t_size ? r : -1;
}

/* region g holds t_size * N ints */
static MPI_Offset region(int g) { return (MPI_Offset)g * t_size * N * (MPI_Offset)sizeof(int); }
static MPI_Offset block(int g, int r) { return region(g) + (MPI_Offset)r * N * (MPI_Offset)sizeof(int); }

static void fill(int *b, int n, int g, int r)
{
    for (int i = 0; i < n; i++)
        b[i] = val(g, r, i);
}
static int bad(const int *b, int n, int g, int r)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += b[i] != val(g, r, i);
    return k;
}

static void check_count(const MPI_Status *st, int n)
{
    int c = -1;
    MPI_OK(MPI_Get_count(st, MPI_INT, &c));
    CHECKF(c == n, "count %d expected %d", c, n);
}

/* what MPI's consistency rules ask for before reading others' writes */
static void sync_barrier_sync(MPI_File fh)
{
    MPI_OK(MPI_File_sync(fh));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_sync(fh));
}

static MPI_Offset shared_pos(MPI_File fh)
{
    MPI_Offset p = -1;
    MPI_OK(MPI_File_get_position_shared(fh, &p));
    return p;
}

/* r holds one whole block of region g written by some rank; every rank
 * got a different one */
static void check_blocks(const int *r, int g)
{
    int q = owner(g, r[0]), *all = malloc(sizeof(int) * (size_t)t_size);
    int *seen = calloc((size_t)t_size, sizeof(int));
    CHECKF(q >= 0 && bad(r, N, g, q) == 0, "block of rank %d, first %d", q, r[0]);
    MPI_OK(MPI_Allgather(&q, 1, MPI_INT, all, 1, MPI_INT, W));
    for (int k = 0; k < t_size; k++)
        if (all[k] >= 0)
            seen[all[k]]++;
    for (int k = 0; k < t_size; k++)
        CHECKF(seen[k] == 1, "block of rank %d read %d times", k, seen[k]);
    free(seen);
    free(all);
}

static void test_shared(MPI_File fh)
{
    MPI_Status st;
    int s[N], r[N];
    MPI_OK(MPI_File_set_size(fh, 0));
    CHECKF(shared_pos(fh) == 0, "initial shared position %lld", (long long)shared_pos(fh));
    MPI_OK(MPI_Barrier(W));
    /* every rank appends its block of region 0, in some order */
    fill(s, N, 0, t_rank);
    MPI_OK(MPI_File_write_shared(fh, s, N, MPI_INT, &st));
    check_count(&st, N);
    sync_barrier_sync(fh);
    CHECKF(shared_pos(fh) == region(1), "shared position %lld", (long long)shared_pos(fh));
    MPI_OK(MPI_Barrier(W));
    /* read the blocks back, one each, in some order */
    MPI_OK(MPI_File_seek_shared(fh, 0, MPI_SEEK_SET));
    CHECK(shared_pos(fh) == 0);
    MPI_OK(MPI_Barrier(W));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_shared(fh, r, N, MPI_INT, &st));
    check_count(&st, N);
    check_blocks(r, 0);
    /* the individual file pointer did not move */
    MPI_Offset pos = -1;
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECKF(pos == 0, "individual position %lld", (long long)pos);
    /* a shared read at the end gives nothing */
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_read_shared(fh, r, 1, MPI_INT, &st));
    check_count(&st, 0);
}

static void test_ishared(MPI_File fh)
{
    MPI_Status st;
    MPI_Request rq = MPI_REQUEST_NULL;
    int s[N], r[N];
    /* region 1: nonblocking shared writes from the end */
    MPI_OK(MPI_File_seek_shared(fh, 0, MPI_SEEK_END));
    CHECKF(shared_pos(fh) == region(1), "position at SEEK_END %lld", (long long)shared_pos(fh));
    MPI_OK(MPI_Barrier(W));
    fill(s, N, 1, t_rank);
    MPI_OK(MPI_File_iwrite_shared(fh, s, N, MPI_INT, &rq));
    MPI_OK(MPI_Wait(&rq, &st));
    CHECK(rq == MPI_REQUEST_NULL);
    check_count(&st, N);
    sync_barrier_sync(fh);
    CHECKF(shared_pos(fh) == region(2), "shared position %lld", (long long)shared_pos(fh));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_seek_shared(fh, region(1), MPI_SEEK_SET));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_iread_shared(fh, r, N, MPI_INT, &rq));
    MPI_OK(MPI_Wait(&rq, &st));
    check_count(&st, N);
    check_blocks(r, 1);
}

static void test_ordered(MPI_File fh)
{
    MPI_Status st;
    /* region 2: rank r writes r + 1 ints, in rank order */
    int n = t_rank + 1, s[64], r[64], before = t_rank * (t_rank + 1) / 2;
    int total = t_size * (t_size + 1) / 2;
    MPI_OK(MPI_File_seek_shared(fh, region(2), MPI_SEEK_SET));
    fill(s, n, 2, t_rank);
    MPI_OK(MPI_File_write_ordered(fh, s, n, MPI_INT, &st));
    check_count(&st, n);
    CHECKF(shared_pos(fh) == region(2) + total * (MPI_Offset)sizeof(int), "shared position %lld",
           (long long)shared_pos(fh));
    sync_barrier_sync(fh);
    /* each block where the rank order puts it */
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_at(fh, region(2) + before * (MPI_Offset)sizeof(int), r, n, MPI_INT, &st));
    check_count(&st, n);
    CHECKF(bad(r, n, 2, t_rank) == 0, "ordered block of rank %d", t_rank);
    /* read in rank order: every rank gets its own block back */
    MPI_OK(MPI_File_seek_shared(fh, region(2), MPI_SEEK_SET));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_ordered(fh, r, n, MPI_INT, &st));
    check_count(&st, n);
    CHECK(bad(r, n, 2, t_rank) == 0);
    /* some ranks with nothing to read */
    MPI_OK(MPI_File_seek_shared(fh, region(2), MPI_SEEK_SET));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_ordered(fh, r, t_rank == t_size - 1 ? 1 : 0, MPI_INT, &st));
    if (t_rank == t_size - 1)
        CHECKF(r[0] == val(2, 0, 0), "first int %d", r[0]);
    CHECKF(shared_pos(fh) == region(2) + (MPI_Offset)sizeof(int), "shared position %lld",
           (long long)shared_pos(fh));
}

static void test_seek_view(MPI_File fh)
{
    /* the end of region 2 */
    MPI_Offset end = region(2) + t_size * (t_size + 1) / 2 * (MPI_Offset)sizeof(int), sz = -1;
    sync_barrier_sync(fh);
    MPI_OK(MPI_File_get_size(fh, &sz));
    CHECKF(sz == end, "size %lld expected %lld", (long long)sz, (long long)end);
    MPI_OK(MPI_Barrier(W));
    /* a view of ints from region 1: positions count ints */
    MPI_OK(MPI_File_set_view(fh, region(1), MPI_INT, MPI_INT, "native", MPI_INFO_NULL));
    CHECKF(shared_pos(fh) == 0, "shared position %lld after set_view", (long long)shared_pos(fh));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_seek_shared(fh, 5, MPI_SEEK_SET));
    CHECK(shared_pos(fh) == 5);
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_seek_shared(fh, 2, MPI_SEEK_CUR));
    CHECK(shared_pos(fh) == 7);
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_seek_shared(fh, -3, MPI_SEEK_CUR));
    CHECK(shared_pos(fh) == 4);
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_set_view(fh, 0, MPI_BYTE, MPI_BYTE, "native", MPI_INFO_NULL));
}

/* MPI_SEEK_END through a view with a displacement: positions count etypes
 * from the displacement (Open MPI 4.1's OMPIO counts them from the start
 * of the file, unlike its own MPI_File_seek) */
static void test_seek_end_view(MPI_File fh)
{
    MPI_Status st;
    int r[4];
    MPI_Offset end = region(2) + t_size * (t_size + 1) / 2 * (MPI_Offset)sizeof(int);
    MPI_OK(MPI_File_set_view(fh, region(1), MPI_INT, MPI_INT, "native", MPI_INFO_NULL));
    MPI_OK(MPI_File_seek_shared(fh, -1, MPI_SEEK_END));
    MPI_Offset last = (end - region(1)) / (MPI_Offset)sizeof(int) - 1;
    CHECKF(shared_pos(fh) == last, "position %lld at SEEK_END - 1, expected %lld",
           (long long)shared_pos(fh), (long long)last);
    MPI_OK(MPI_Barrier(W));
    /* the last rank reads the last int of the file */
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_ordered(fh, r, t_rank == t_size - 1 ? 1 : 0, MPI_INT, &st));
    if (t_rank == t_size - 1)
        CHECKF(r[0] == val(2, t_size - 1, t_size - 1), "last int %d", r[0]);
    CHECK(shared_pos(fh) == last + 1);
    MPI_OK(MPI_File_set_view(fh, 0, MPI_BYTE, MPI_BYTE, "native", MPI_INFO_NULL));
}

static void test_split(MPI_File fh)
{
    MPI_Status st;
    int s[N], r[N], right = (t_rank + 1) % t_size;
    /* region 3: explicit offsets */
    fill(s, N, 3, t_rank);
    MPI_OK(MPI_File_write_at_all_begin(fh, block(3, t_rank), s, N, MPI_INT));
    MPI_OK(MPI_File_write_at_all_end(fh, s, &st));
    check_count(&st, N);
    sync_barrier_sync(fh);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_at_all_begin(fh, block(3, right), r, N, MPI_INT));
    MPI_OK(MPI_File_read_at_all_end(fh, r, &st));
    check_count(&st, N);
    CHECKF(bad(r, N, 3, right) == 0, "%d bad", bad(r, N, 3, right));
    /* region 4: through an interleaving view, individual file pointers */
    MPI_Datatype ft;
    MPI_OK(MPI_Type_vector(K, B, B * t_size, MPI_INT, &ft));
    MPI_OK(MPI_Type_commit(&ft));
    MPI_OK(MPI_File_set_view(fh, region(4) + (MPI_Offset)t_rank * B * (MPI_Offset)sizeof(int),
                             MPI_INT, ft, "native", MPI_INFO_NULL));
    fill(s, N, 4, t_rank);
    MPI_OK(MPI_File_write_all_begin(fh, s, N, MPI_INT));
    MPI_OK(MPI_File_write_all_end(fh, s, &st));
    check_count(&st, N);
    sync_barrier_sync(fh);
    MPI_OK(MPI_File_seek(fh, 0, MPI_SEEK_SET));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_all_begin(fh, r, N, MPI_INT));
    MPI_OK(MPI_File_read_all_end(fh, r, &st));
    check_count(&st, N);
    CHECKF(bad(r, N, 4, t_rank) == 0, "view read %d bad", bad(r, N, 4, t_rank));
    MPI_OK(MPI_Type_free(&ft));
    /* region 5: shared file pointer, rank order */
    MPI_OK(MPI_File_set_view(fh, 0, MPI_BYTE, MPI_BYTE, "native", MPI_INFO_NULL));
    MPI_OK(MPI_File_seek_shared(fh, region(5), MPI_SEEK_SET));
    fill(s, N, 5, t_rank);
    MPI_OK(MPI_File_write_ordered_begin(fh, s, N, MPI_INT));
    MPI_OK(MPI_File_write_ordered_end(fh, s, &st));
    check_count(&st, N);
    CHECKF(shared_pos(fh) == region(6), "shared position %lld", (long long)shared_pos(fh));
    sync_barrier_sync(fh);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_at(fh, block(5, t_rank), r, N, MPI_INT, &st));
    CHECK(bad(r, N, 5, t_rank) == 0);
    MPI_OK(MPI_File_seek_shared(fh, region(5), MPI_SEEK_SET));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_ordered_begin(fh, r, N, MPI_INT));
    MPI_OK(MPI_File_read_ordered_end(fh, r, &st));
    check_count(&st, N);
    CHECK(bad(r, N, 5, t_rank) == 0);
}

static void test_view(MPI_File fh)
{
    MPI_Offset disp = -1;
    MPI_Datatype et = MPI_DATATYPE_NULL, ft = MPI_DATATYPE_NULL, vec;
    char rep[MPI_MAX_DATAREP_STRING + 1];
    /* the default view (restored by test_split) */
    memset(rep, 0, sizeof rep);
    MPI_OK(MPI_File_get_view(fh, &disp, &et, &ft, rep));
    CHECKF(disp == 0, "disp %lld", (long long)disp);
    CHECK(et == MPI_BYTE && ft == MPI_BYTE);
    CHECKF(strcmp(rep, "native") == 0, "datarep '%s'", rep);
    /* a derived filetype, freed right after MPI_File_set_view */
    MPI_OK(MPI_Type_vector(K, B, B * t_size, MPI_INT, &vec));
    MPI_OK(MPI_Type_commit(&vec));
    MPI_Aint lb = -1, ext = -1, fext = -1;
    MPI_OK(MPI_Type_get_extent(vec, &lb, &ext));
    MPI_OK(MPI_File_set_view(fh, 64, MPI_INT, vec, "native", MPI_INFO_NULL));
    MPI_OK(MPI_Type_free(&vec));
    memset(rep, 0, sizeof rep);
    MPI_OK(MPI_File_get_view(fh, &disp, &et, &ft, rep));
    CHECKF(disp == 64, "disp %lld", (long long)disp);
    CHECK(et == MPI_INT);
    CHECK(ft != MPI_INT && ft != MPI_DATATYPE_NULL);
    CHECKF(strcmp(rep, "native") == 0, "datarep '%s'", rep);
    if (ft != MPI_DATATYPE_NULL && ft != MPI_INT) {
        int size = -1, ni = -1, na = -1, nd = -1, comb = -1;
        MPI_Aint flb = -1;
        MPI_OK(MPI_Type_size(ft, &size));
        CHECKF(size == K * B * (int)sizeof(int), "filetype size %d", size);
        MPI_OK(MPI_Type_get_extent(ft, &flb, &fext));
        CHECKF(flb == lb && fext == ext, "filetype extent %ld, expected %ld", (long)fext, (long)ext);
        MPI_OK(MPI_Type_get_envelope(ft, &ni, &na, &nd, &comb));
        CHECK(comb != MPI_COMBINER_NAMED);
        /* the returned filetype works for a view of its own */
        MPI_OK(MPI_File_get_type_extent(fh, ft, &fext));
        CHECKF(fext == ext, "file extent of the filetype %ld", (long)fext);
        MPI_OK(MPI_Type_free(&ft));
    }
    MPI_OK(MPI_File_set_view(fh, 0, MPI_BYTE, MPI_BYTE, "native", MPI_INFO_NULL));
}

static void test_type_extent(MPI_File fh)
{
    MPI_Aint e = -1;
    MPI_OK(MPI_File_get_type_extent(fh, MPI_INT, &e));
    CHECKF(e == (MPI_Aint)sizeof(int), "extent of MPI_INT %ld", (long)e);
    MPI_OK(MPI_File_get_type_extent(fh, MPI_DOUBLE, &e));
    CHECKF(e == (MPI_Aint)sizeof(double), "extent of MPI_DOUBLE %ld", (long)e);
    MPI_Datatype c3;
    MPI_OK(MPI_Type_contiguous(3, MPI_SHORT, &c3));
    MPI_OK(MPI_Type_commit(&c3));
    MPI_OK(MPI_File_get_type_extent(fh, c3, &e));
    CHECKF(e == 3 * (MPI_Aint)sizeof(short), "extent of 3 shorts %ld", (long)e);
    MPI_OK(MPI_Type_free(&c3));
}

static void test_info(MPI_File fh)
{
    MPI_Info used = MPI_INFO_NULL, h;
    int n = -1;
    MPI_OK(MPI_File_get_info(fh, &used));
    CHECK(used != MPI_INFO_NULL);
    if (used != MPI_INFO_NULL) {
        MPI_OK(MPI_Info_get_nkeys(used, &n));
        CHECKF(n >= 0, "nkeys %d", n);
        for (int i = 0; i < n; i++) {
            char key[MPI_MAX_INFO_KEY + 1];
            int len = -1, flag = 0;
            MPI_OK(MPI_Info_get_nthkey(used, i, key));
            MPI_OK(MPI_Info_get_valuelen(used, key, &len, &flag));
            CHECKF(flag && len >= 0, "key '%s' valuelen %d flag %d", key, len, flag);
        }
        MPI_OK(MPI_Info_free(&used));
        CHECK(used == MPI_INFO_NULL);
    }
    MPI_OK(MPI_Info_create(&h));
    MPI_OK(MPI_Info_set(h, "access_style", "read_mostly"));
    MPI_OK(MPI_File_set_info(fh, h));
    MPI_OK(MPI_Info_free(&h));
    /* the file still works */
    int x = -1;
    MPI_OK(MPI_File_read_at(fh, block(0, 0), &x, 1, MPI_INT, MPI_STATUS_IGNORE));
    CHECKF(owner(0, x) >= 0, "first int %d", x);
}

static void test_append(void)
{
    MPI_File fh = MPI_FILE_NULL;
    MPI_Status st;
    MPI_Offset sz = -1, pos = -1;
    MPI_OK(MPI_File_open(W, path, MPI_MODE_RDWR | MPI_MODE_APPEND, MPI_INFO_NULL, &fh));
    if (fh == MPI_FILE_NULL)
        return;
    MPI_OK(MPI_File_get_size(fh, &sz));
    CHECKF(sz == region(6), "size %lld expected %lld", (long long)sz, (long long)region(6));
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECKF(pos == sz, "individual position %lld", (long long)pos);
    CHECKF(shared_pos(fh) == sz, "shared position %lld", (long long)shared_pos(fh));
    int amode = 0;
    MPI_OK(MPI_File_get_amode(fh, &amode));
    CHECK(amode == (MPI_MODE_RDWR | MPI_MODE_APPEND));
    MPI_OK(MPI_Barrier(W));
    int s[N];
    fill(s, N, 6, t_rank);
    MPI_OK(MPI_File_write_ordered(fh, s, N, MPI_INT, &st));
    check_count(&st, N);
    sync_barrier_sync(fh);
    MPI_OK(MPI_File_get_size(fh, &sz));
    CHECKF(sz == region(7), "size %lld after appending", (long long)sz);
    MPI_OK(MPI_File_close(&fh));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("io2");
    const char *dir = argc > 1 ? argv[1] : ".";
    int len = snprintf(path, sizeof path, "%s/mpi_io2_test_np%d.dat", dir, t_size);
    if (len < 0 || len >= (int)sizeof path) {
        if (t_rank == 0)
            fprintf(stderr, "io2: directory name too long\n");
        MPI_Finalize();
        return 2;
    }
    MPI_File fh = MPI_FILE_NULL;
    MPI_OK(MPI_File_open(W, path, MPI_MODE_CREATE | MPI_MODE_RDWR, MPI_INFO_NULL, &fh));
    /* without a file handle the groups cannot run; they fail */
    int have = fh != MPI_FILE_NULL, all = 0;
    MPI_Allreduce(&have, &all, 1, MPI_INT, MPI_MIN, W);

    t_begin("write-shared-read-shared");
    if (all)
        test_shared(fh);
    else
        CHECK(all);
    t_end();
    t_begin("iwrite-shared-iread-shared");
    if (all)
        test_ishared(fh);
    else
        CHECK(all);
    t_end();
    t_begin("write-ordered-read-ordered");
    if (all)
        test_ordered(fh);
    else
        CHECK(all);
    t_end();
    t_begin("seek-shared-with-view");
    if (all)
        test_seek_view(fh);
    else
        CHECK(all);
    t_end();
    t_begin("seek-shared-end-with-view");
    if (all)
        test_seek_end_view(fh);
    else
        CHECK(all);
    t_end();
    t_begin("split-collectives");
    if (all)
        test_split(fh);
    else
        CHECK(all);
    t_end();
    t_begin("get-view");
    if (all)
        test_view(fh);
    else
        CHECK(all);
    t_end();
    t_begin("get-type-extent");
    if (all)
        test_type_extent(fh);
    else
        CHECK(all);
    t_end();
    t_begin("get-set-info");
    if (all)
        test_info(fh);
    else
        CHECK(all);
    t_end();
    if (fh != MPI_FILE_NULL)
        MPI_OK(MPI_File_close(&fh));
    t_begin("append");
    if (all)
        test_append();
    else
        CHECK(all);
    t_end();

    MPI_Barrier(W);
    if (t_rank == 0)
        MPI_File_delete(path, MPI_INFO_NULL);
    return t_finish();
}
