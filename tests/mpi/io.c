/*
 * io.c - MPI-IO: MPI_File_open (MPI_MODE_CREATE | MPI_MODE_RDWR, and
 * MPI_MODE_RDONLY; MPI_MODE_DELETE_ON_CLOSE), MPI_File_close,
 * MPI_File_delete, MPI_File_set_view (a vector filetype that interleaves
 * per-rank blocks), MPI_File_read, MPI_File_write, MPI_File_read_at,
 * MPI_File_write_at, MPI_File_read_all, MPI_File_write_all,
 * MPI_File_read_at_all, MPI_File_write_at_all, MPI_File_get_size,
 * MPI_File_set_size, MPI_File_sync, MPI_File_seek (MPI_SEEK_SET, _CUR,
 * _END), MPI_File_get_position; MPI_File_set_errhandler/
 * MPI_File_get_errhandler on MPI_FILE_NULL (MPI_ERRORS_RETURN) and the
 * error classes of bad opens (a directory that does not exist, a missing
 * file, bad amodes, MPI_MODE_EXCL on an existing file), of writing a
 * read-only file and reading a write-only one, and of deleting a missing
 * file; MPI_Info_create, MPI_Info_set, MPI_Info_get, MPI_Info_get_nkeys,
 * MPI_Info_get_nthkey, MPI_Info_get_valuelen, MPI_Info_delete,
 * MPI_Info_dup, MPI_Info_free (hints passed to MPI_File_open), and
 * MPI_INFO_NULL.
 *
 * Usage: io [DIR]. The files are made in DIR (default "."), named after
 * the rank count, and deleted at the end. Other ranks' data is read only
 * after the sync-barrier-sync sequence that MPI's consistency rules ask for.
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

static char path[4096], path2[4096], nodir[4096];
static MPI_Info hints = MPI_INFO_NULL;

/* value of element i of rank r in region g */
static int val(int g, int r, int i) { return g * 1000000 + r * 1000 + i; }

/* the file holds 4 regions of t_size * N ints each */
static MPI_Offset region(int g) { return (MPI_Offset)g * t_size * N * (MPI_Offset)sizeof(int); }
static MPI_Offset total_size(void) { return region(4); }

static void fill(int *b, int g, int r)
{
    for (int i = 0; i < N; i++)
        b[i] = val(g, r, i);
}
static int bad(const int *b, int n, int g, int r, int first)
{
    int k = 0;
    for (int i = 0; i < n; i++)
        k += b[i] != val(g, r, first + i);
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

/* MPI_File_get_size reads the whole file and MPI_File_set_size writes it
 * (MPI-3.1 13.6, "File Size"): a size is read after sync-barrier-sync, and
 * a barrier after it keeps every rank from changing the file before all
 * have read the size */
static MPI_Offset file_size(MPI_File fh)
{
    MPI_Offset sz = -1;
    sync_barrier_sync(fh);
    MPI_OK(MPI_File_get_size(fh, &sz));
    MPI_OK(MPI_Barrier(W));
    return sz;
}

static int err_class(int rc)
{
    int c = -1;
    if (MPI_Error_class(rc, &c) != MPI_SUCCESS)
        return -1;
    return c;
}

static void test_info(void)
{
    char v[64];
    int flag = -1, n = -1, len = -1;
    MPI_OK(MPI_Info_create(&hints));
    CHECK(hints != MPI_INFO_NULL);
    MPI_OK(MPI_Info_set(hints, "access_style", "read_mostly"));
    MPI_OK(MPI_Info_set(hints, "wasmrun_test_key", "first"));
    MPI_OK(MPI_Info_set(hints, "wasmrun_test_key", "second value")); /* replaces */
    MPI_OK(MPI_Info_get_nkeys(hints, &n));
    CHECKF(n == 2, "nkeys %d", n);
    memset(v, 0, sizeof v);
    MPI_OK(MPI_Info_get(hints, "wasmrun_test_key", (int)sizeof v - 1, v, &flag));
    CHECKF(flag == 1 && strcmp(v, "second value") == 0, "flag %d value '%s'", flag, v);
    MPI_OK(MPI_Info_get_valuelen(hints, "wasmrun_test_key", &len, &flag));
    CHECKF(flag == 1 && len == (int)strlen("second value"), "valuelen %d", len);
    MPI_OK(MPI_Info_get_nthkey(hints, 0, v));
    CHECKF(strcmp(v, "access_style") == 0, "key 0 '%s'", v);
    MPI_OK(MPI_Info_get(hints, "no_such_key", (int)sizeof v - 1, v, &flag));
    CHECK(flag == 0);
    /* a value longer than valuelen is truncated (MPI-3.1 chapter 9).
     * MPICH 4.0 returns an error instead, so errors return here, not abort
     * (an error without an object goes to MPI_COMM_SELF in MPI-4.0, to
     * MPI_COMM_WORLD in MPI-3.1) */
    MPI_OK(MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_RETURN));
    MPI_OK(MPI_Comm_set_errhandler(W, MPI_ERRORS_RETURN));
    memset(v, 0, sizeof v);
    MPI_OK(MPI_Info_get(hints, "wasmrun_test_key", 6, v, &flag));
    CHECKF(flag == 1 && strncmp(v, "second", 6) == 0, "truncated '%s'", v);
    MPI_OK(MPI_Comm_set_errhandler(W, MPI_ERRORS_ARE_FATAL));
    MPI_OK(MPI_Comm_set_errhandler(MPI_COMM_SELF, MPI_ERRORS_ARE_FATAL));
    /* a dup is independent */
    MPI_Info d;
    MPI_OK(MPI_Info_dup(hints, &d));
    MPI_OK(MPI_Info_delete(d, "wasmrun_test_key"));
    MPI_OK(MPI_Info_get_nkeys(d, &n));
    CHECK(n == 1);
    MPI_OK(MPI_Info_get_nkeys(hints, &n));
    CHECK(n == 2);
    MPI_OK(MPI_Info_free(&d));
    CHECK(d == MPI_INFO_NULL);
}

static void test_errhandler(void)
{
    MPI_Errhandler eh = MPI_ERRHANDLER_NULL;
    MPI_OK(MPI_File_set_errhandler(MPI_FILE_NULL, MPI_ERRORS_RETURN));
    MPI_OK(MPI_File_get_errhandler(MPI_FILE_NULL, &eh));
    CHECK(eh == MPI_ERRORS_RETURN);
    if (eh != MPI_ERRHANDLER_NULL)
        MPI_OK(MPI_Errhandler_free(&eh));
}

static void test_write_at_read_at(MPI_File *fhp)
{
    MPI_File fh = MPI_FILE_NULL;
    MPI_Status st;
    int s[N], r[N];
    MPI_OK(MPI_File_open(W, path, MPI_MODE_CREATE | MPI_MODE_RDWR, hints, &fh));
    CHECK(fh != MPI_FILE_NULL);
    *fhp = fh;
    if (fh == MPI_FILE_NULL)
        return;
    /* a file left over from an earlier run must not matter */
    MPI_OK(MPI_File_set_size(fh, 0));
    MPI_Offset sz = file_size(fh);
    CHECKF(sz == 0, "size %lld after set_size(0)", (long long)sz);
    /* region 0: block r by rank r, independent writes */
    fill(s, 0, t_rank);
    MPI_OK(MPI_File_write_at(fh, region(0) + (MPI_Offset)t_rank * N * (MPI_Offset)sizeof(int), s,
                             N, MPI_INT, &st));
    check_count(&st, N);
    sync_barrier_sync(fh);
    int left = (t_rank + t_size - 1) % t_size;
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_at(fh, region(0) + (MPI_Offset)left * N * (MPI_Offset)sizeof(int), r, N,
                            MPI_INT, &st));
    check_count(&st, N);
    CHECKF(bad(r, N, 0, left, 0) == 0, "%d bad", bad(r, N, 0, left, 0));
    sz = file_size(fh);
    CHECKF(sz == region(1), "size %lld expected %lld", (long long)sz, (long long)region(1));
    /* reading past the end gives a short count */
    MPI_OK(MPI_File_read_at(fh, region(1) - 2 * (MPI_Offset)sizeof(int), r, N, MPI_INT, &st));
    check_count(&st, 2);
    /* before anybody writes past this end */
    MPI_OK(MPI_Barrier(W));
}

static void test_at_all(MPI_File fh)
{
    MPI_Status st;
    int s[N], r[N];
    fill(s, 1, t_rank);
    MPI_OK(MPI_File_write_at_all(fh, region(1) + (MPI_Offset)t_rank * N * (MPI_Offset)sizeof(int),
                                 s, N, MPI_INT, &st));
    check_count(&st, N);
    sync_barrier_sync(fh);
    int right = (t_rank + 1) % t_size;
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_at_all(fh, region(1) + (MPI_Offset)right * N * (MPI_Offset)sizeof(int),
                                r, N, MPI_INT, &st));
    check_count(&st, N);
    CHECKF(bad(r, N, 1, right, 0) == 0, "%d bad", bad(r, N, 1, right, 0));
    /* a rank may take part with zero elements */
    MPI_OK(MPI_File_read_at_all(fh, 0, r, t_rank == 0 ? 1 : 0, MPI_INT, &st));
    if (t_rank == 0)
        CHECK(r[0] == val(0, 0, 0));
}

static void test_view(MPI_File fh)
{
    /* K rounds of t_size blocks of B ints; rank r owns block r of each round */
    MPI_Datatype ft;
    MPI_Status st;
    int s[N], r[N];
    MPI_Offset pos = -1;
    MPI_OK(MPI_Type_vector(K, B, B * t_size, MPI_INT, &ft));
    MPI_OK(MPI_Type_commit(&ft));
    MPI_Offset disp = region(2) + (MPI_Offset)t_rank * B * (MPI_Offset)sizeof(int);
    MPI_OK(MPI_File_set_view(fh, disp, MPI_INT, ft, "native", hints));
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECKF(pos == 0, "position %lld after set_view", (long long)pos);
    fill(s, 2, t_rank);
    MPI_OK(MPI_File_write_all(fh, s, N, MPI_INT, &st));
    check_count(&st, N);
    /* positions count etypes of the view */
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECKF(pos == N, "position %lld after write_all", (long long)pos);
    sync_barrier_sync(fh);
    /* read back through the view */
    MPI_OK(MPI_File_seek(fh, 0, MPI_SEEK_SET));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_all(fh, r, N, MPI_INT, &st));
    check_count(&st, N);
    CHECKF(bad(r, N, 2, t_rank, 0) == 0, "view read %d bad", bad(r, N, 2, t_rank, 0));
    /* half of it, from the middle, in etype units */
    MPI_OK(MPI_File_seek(fh, N / 2, MPI_SEEK_SET));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read_all(fh, r, N / 2, MPI_INT, &st));
    CHECKF(bad(r, N / 2, 2, t_rank, N / 2) == 0, "second half bad");
    /* the default view again: the raw file shows the interleaving */
    MPI_OK(MPI_File_set_view(fh, 0, MPI_BYTE, MPI_BYTE, "native", MPI_INFO_NULL));
    int n = t_size * N, *all = malloc(sizeof(int) * (size_t)n), nbad = 0;
    MPI_OK(MPI_File_read_at(fh, region(2), all, n, MPI_INT, &st));
    check_count(&st, n);
    for (int k = 0; k < K; k++)
        for (int q = 0; q < t_size; q++)
            for (int i = 0; i < B; i++)
                nbad += all[(k * t_size + q) * B + i] != val(2, q, k * B + i);
    CHECKF(nbad == 0, "%d ints of the interleaved region wrong", nbad);
    free(all);
    MPI_OK(MPI_Type_free(&ft));
}

static void test_seek(MPI_File fh)
{
    MPI_Status st;
    MPI_Offset pos = -1, mine = region(3) + (MPI_Offset)t_rank * N * (MPI_Offset)sizeof(int);
    int s[N], r[N];
    const MPI_Offset isz = (MPI_Offset)sizeof(int);
    fill(s, 3, t_rank);
    MPI_OK(MPI_File_seek(fh, mine, MPI_SEEK_SET));
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECKF(pos == mine, "position %lld after SEEK_SET", (long long)pos);
    MPI_OK(MPI_File_write(fh, s, N, MPI_INT, &st));
    check_count(&st, N);
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECKF(pos == mine + N * isz, "position %lld after write", (long long)pos);
    /* back half the block: a process sees its own writes at once */
    MPI_OK(MPI_File_seek(fh, -(N / 2) * isz, MPI_SEEK_CUR));
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECKF(pos == mine + (N / 2) * isz, "position %lld after SEEK_CUR", (long long)pos);
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read(fh, r, N / 2, MPI_INT, &st));
    check_count(&st, N / 2);
    CHECK(bad(r, N / 2, 3, t_rank, N / 2) == 0);
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECK(pos == mine + N * isz);
    sync_barrier_sync(fh);
    /* the end of the file is the end of the last rank's block */
    MPI_OK(MPI_File_seek(fh, 0, MPI_SEEK_END));
    MPI_OK(MPI_File_get_position(fh, &pos));
    CHECKF(pos == total_size(), "position %lld at SEEK_END", (long long)pos);
    MPI_OK(MPI_File_seek(fh, -N * isz, MPI_SEEK_END));
    memset(r, 0xff, sizeof r);
    MPI_OK(MPI_File_read(fh, r, N, MPI_INT, &st));
    check_count(&st, N);
    CHECK(bad(r, N, 3, t_size - 1, 0) == 0);
    /* and a read at the end returns nothing */
    MPI_OK(MPI_File_read(fh, r, 1, MPI_INT, &st));
    check_count(&st, 0);
}

static void test_size(MPI_File fh)
{
    MPI_Offset sz;
    const MPI_Offset isz = (MPI_Offset)sizeof(int);
    sz = file_size(fh);
    CHECKF(sz == total_size(), "size %lld expected %lld", (long long)sz, (long long)total_size());
    /* collective truncation and extension */
    MPI_OK(MPI_File_set_size(fh, total_size() - N * isz));
    sz = file_size(fh);
    CHECKF(sz == total_size() - N * isz, "truncated size %lld", (long long)sz);
    MPI_OK(MPI_File_set_size(fh, total_size() + 100));
    sz = file_size(fh);
    CHECKF(sz == total_size() + 100, "extended size %lld", (long long)sz);
    /* back to the truncated size, then the last rank writes its block again */
    MPI_OK(MPI_File_set_size(fh, total_size() - N * isz));
    sync_barrier_sync(fh);
    if (t_rank == t_size - 1) {
        int s[N];
        fill(s, 3, t_rank);
        MPI_OK(MPI_File_write_at(fh, total_size() - N * isz, s, N, MPI_INT, MPI_STATUS_IGNORE));
    }
    sz = file_size(fh);
    CHECKF(sz == total_size(), "size %lld after rewrite", (long long)sz);
}

static void test_close_reopen(MPI_File *fhp)
{
    MPI_File fh = *fhp;
    MPI_Status st;
    MPI_OK(MPI_File_close(&fh));
    CHECK(fh == MPI_FILE_NULL);
    *fhp = MPI_FILE_NULL;
    MPI_OK(MPI_File_open(W, path, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh));
    if (fh == MPI_FILE_NULL)
        return;
    MPI_Offset sz = -1;
    MPI_OK(MPI_File_get_size(fh, &sz));
    CHECK(sz == total_size());
    /* everybody reads the whole file collectively and checks regions 0, 1, 3 */
    int n = 4 * t_size * N, *all = malloc(sizeof(int) * (size_t)n), nbad = 0;
    MPI_OK(MPI_File_read_at_all(fh, 0, all, n, MPI_INT, &st));
    check_count(&st, n);
    for (int q = 0; q < t_size; q++) {
        nbad += bad(all + (0 * t_size + q) * N, N, 0, q, 0);
        nbad += bad(all + (1 * t_size + q) * N, N, 1, q, 0);
        nbad += bad(all + (3 * t_size + q) * N, N, 3, q, 0);
    }
    CHECKF(nbad == 0, "%d ints wrong after reopening", nbad);
    free(all);
    /* a read-only file refuses writes */
    int x = 1, rc = MPI_File_write_at(fh, 0, &x, 1, MPI_INT, &st);
    CHECKF(err_class(rc) == MPI_ERR_READ_ONLY, "write on read-only: class %d", err_class(rc));
    MPI_OK(MPI_File_close(&fh));
    CHECK(fh == MPI_FILE_NULL);
}

static void test_errors(void)
{
    MPI_File fh = MPI_FILE_NULL;
    int rc;
    /* a directory that does not exist */
    rc = MPI_File_open(MPI_COMM_SELF, nodir, MPI_MODE_CREATE | MPI_MODE_RDWR, MPI_INFO_NULL, &fh);
    CHECKF(err_class(rc) == MPI_ERR_NO_SUCH_FILE, "open in a missing directory: class %d",
           err_class(rc));
    CHECK(fh == MPI_FILE_NULL);
    /* a missing file without MPI_MODE_CREATE */
    rc = MPI_File_open(MPI_COMM_SELF, path2, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh);
    CHECKF(err_class(rc) == MPI_ERR_NO_SUCH_FILE, "open missing file: class %d", err_class(rc));
    /* bad amodes */
    rc = MPI_File_open(MPI_COMM_SELF, path, MPI_MODE_RDWR | MPI_MODE_RDONLY, MPI_INFO_NULL, &fh);
    CHECKF(err_class(rc) == MPI_ERR_AMODE, "RDWR|RDONLY: class %d", err_class(rc));
    rc = MPI_File_open(MPI_COMM_SELF, path, MPI_MODE_RDONLY | MPI_MODE_CREATE, MPI_INFO_NULL, &fh);
    CHECKF(err_class(rc) == MPI_ERR_AMODE, "RDONLY|CREATE: class %d", err_class(rc));
    /* MPI_MODE_EXCL on the existing file */
    rc = MPI_File_open(MPI_COMM_SELF, path, MPI_MODE_RDWR | MPI_MODE_CREATE | MPI_MODE_EXCL,
                       MPI_INFO_NULL, &fh);
    CHECKF(err_class(rc) == MPI_ERR_FILE_EXISTS, "EXCL on existing file: class %d", err_class(rc));
    CHECK(fh == MPI_FILE_NULL);
    /* a write-only file refuses reads */
    rc = MPI_File_open(MPI_COMM_SELF, path, MPI_MODE_WRONLY, MPI_INFO_NULL, &fh);
    CHECK(rc == MPI_SUCCESS);
    if (rc == MPI_SUCCESS) {
        int x;
        rc = MPI_File_read_at(fh, 0, &x, 1, MPI_INT, MPI_STATUS_IGNORE);
        CHECKF(err_class(rc) == MPI_ERR_ACCESS, "read on write-only: class %d", err_class(rc));
        MPI_OK(MPI_File_close(&fh));
    }
    /* deleting a file that does not exist */
    rc = MPI_File_delete(nodir, MPI_INFO_NULL);
    CHECKF(err_class(rc) == MPI_ERR_NO_SUCH_FILE, "delete missing file: class %d", err_class(rc));
    /* file operations still work */
    int y = -1;
    MPI_OK(MPI_File_open(MPI_COMM_SELF, path, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh));
    MPI_OK(MPI_File_read_at(fh, 0, &y, 1, MPI_INT, MPI_STATUS_IGNORE));
    CHECK(y == val(0, 0, 0));
    MPI_OK(MPI_File_close(&fh));
}

static void test_delete(void)
{
    MPI_File fh = MPI_FILE_NULL;
    int rc;
    MPI_OK(MPI_Barrier(W));
    if (t_rank == 0)
        MPI_OK(MPI_File_delete(path, MPI_INFO_NULL));
    MPI_OK(MPI_Barrier(W));
    rc = MPI_File_open(MPI_COMM_SELF, path, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh);
    CHECKF(err_class(rc) == MPI_ERR_NO_SUCH_FILE, "open after delete: class %d", err_class(rc));
    if (rc == MPI_SUCCESS)
        MPI_File_close(&fh);
    /* MPI_MODE_DELETE_ON_CLOSE */
    MPI_OK(MPI_File_open(W, path2, MPI_MODE_CREATE | MPI_MODE_RDWR | MPI_MODE_DELETE_ON_CLOSE,
                         hints, &fh));
    int s[N];
    fill(s, 5, t_rank);
    MPI_OK(MPI_File_write_at_all(fh, (MPI_Offset)t_rank * N * (MPI_Offset)sizeof(int), s, N,
                                 MPI_INT, MPI_STATUS_IGNORE));
    MPI_OK(MPI_File_close(&fh));
    MPI_OK(MPI_Barrier(W));
    rc = MPI_File_open(MPI_COMM_SELF, path2, MPI_MODE_RDONLY, MPI_INFO_NULL, &fh);
    CHECKF(err_class(rc) == MPI_ERR_NO_SUCH_FILE, "open after delete on close: class %d",
           err_class(rc));
    if (rc == MPI_SUCCESS)
        MPI_File_close(&fh);
    MPI_OK(MPI_Info_free(&hints));
    CHECK(hints == MPI_INFO_NULL);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("io");
    const char *dir = argc > 1 ? argv[1] : ".";
    int len1 = snprintf(path, sizeof path, "%s/mpi_io_test_np%d.dat", dir, t_size);
    int len2 = snprintf(path2, sizeof path2, "%s/mpi_io_test_np%d.tmp", dir, t_size);
    int len3 = snprintf(nodir, sizeof nodir, "%s/mpi_io_no_such_dir/mpi_io_test.dat", dir);
    if (len1 < 0 || len2 < 0 || len3 < 0 || len3 >= (int)sizeof nodir) {
        if (t_rank == 0)
            fprintf(stderr, "io: directory name too long\n");
        MPI_Finalize();
        return 2;
    }
    MPI_File fh = MPI_FILE_NULL;

    t_begin("info");
    test_info();
    t_end();
    t_begin("file-errhandler");
    test_errhandler();
    t_end();
    t_begin("open-write-at-read-at");
    test_write_at_read_at(&fh);
    t_end();
    /* without a file handle the remaining groups cannot run; they fail */
    int have = fh != MPI_FILE_NULL, all = 0;
    MPI_Allreduce(&have, &all, 1, MPI_INT, MPI_MIN, W);
    t_begin("write-at-all-read-at-all");
    if (all)
        test_at_all(fh);
    else
        CHECK(all);
    t_end();
    t_begin("set-view-write-all-read-all");
    if (all)
        test_view(fh);
    else
        CHECK(all);
    t_end();
    t_begin("seek-get-position");
    if (all)
        test_seek(fh);
    else
        CHECK(all);
    t_end();
    t_begin("get-set-size");
    if (all)
        test_size(fh);
    else
        CHECK(all);
    t_end();
    t_begin("close-reopen-rdonly");
    if (all)
        test_close_reopen(&fh);
    else
        CHECK(all);
    t_end();
    t_begin("error-classes");
    test_errors();
    t_end();
    t_begin("delete");
    test_delete();
    t_end();

    if (fh != MPI_FILE_NULL)
        MPI_File_close(&fh);
    return t_finish();
}
