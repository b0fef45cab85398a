/*
 * types_derived.c - derived datatypes: MPI_Type_contiguous, MPI_Type_vector,
 * MPI_Type_create_hvector, MPI_Type_indexed, MPI_Type_create_hindexed,
 * MPI_Type_create_indexed_block, MPI_Type_create_hindexed_block,
 * MPI_Type_create_struct (struct {char; double; int[3]} built with
 * MPI_Get_address/offsetof and resized to sizeof), MPI_Type_create_subarray
 * (2D and 3D, C order; 2D Fortran order), MPI_Type_create_darray (block
 * distribution), MPI_Type_create_resized, MPI_Type_dup, MPI_Type_commit,
 * MPI_Type_free, MPI_Type_size(_x), MPI_Type_get_extent(_x),
 * MPI_Type_get_true_extent(_x), MPI_Type_get_envelope, MPI_Type_get_contents
 * (a vector and a struct rebuilt from their contents), MPI_Get_address,
 * MPI_Aint_add, MPI_Aint_diff, MPI_Pack, MPI_Unpack, MPI_Pack_size, and
 * derived types in MPI_Sendrecv, MPI_Bcast, MPI_Gather, MPI_Allreduce (SUM
 * on a contiguous type of doubles) and MPI_Isend/MPI_Irecv.
 *
 * Layouts are checked element by element: a typed send is received as plain
 * ints in a ring (send right, receive from left; np = 1 talks to itself), a
 * plain send is received through the type, and every slot the type does not
 * cover must stay untouched. Byte sizes come from sizeof and offsetof only,
 * so the same source is right where long and pointers are 4 bytes.
 */
#include <mpi.h>
#include <stddef.h>
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
#define SENT (-7777) /* sentinel for untouched slots */
#define BUF 128      /* ints in the test buffers */

static int left(void) { return (t_rank + t_size - 1) % t_size; }
static int right(void) { return (t_rank + 1) % t_size; }

/* value of element i of rank r's send buffer */
static int val(int r, int i) { return r * 1000 + i; }

#define ISZ ((MPI_Aint)sizeof(int))

/* size, lb and extent (in bytes) of a type, also through the _x variants */
static void check_layout(MPI_Datatype t, MPI_Aint size, MPI_Aint lb,
                         MPI_Aint extent, const char *what)
{
    int s = -1;
    MPI_Aint l = -1, e = -1;
    MPI_Count sx = -1, lx = -1, ex = -1;
    MPI_OK(MPI_Type_size(t, &s));
    MPI_OK(MPI_Type_get_extent(t, &l, &e));
    CHECKF(s == size, "%s: size %d expected %ld", what, s, (long)size);
    CHECKF(l == lb && e == extent, "%s: lb %ld extent %ld expected %ld %ld",
           what, (long)l, (long)e, (long)lb, (long)extent);
    MPI_OK(MPI_Type_size_x(t, &sx));
    MPI_OK(MPI_Type_get_extent_x(t, &lx, &ex));
    CHECKF(sx == size, "%s: size_x %lld", what, (long long)sx);
    CHECKF(lx == lb && ex == extent, "%s: lb_x %lld extent_x %lld", what,
           (long long)lx, (long long)ex);
}

static void check_true_extent(MPI_Datatype t, MPI_Aint tlb, MPI_Aint text,
                              const char *what)
{
    MPI_Aint l = -1, e = -1;
    MPI_Count lx = -1, ex = -1;
    MPI_OK(MPI_Type_get_true_extent(t, &l, &e));
    CHECKF(l == tlb && e == text, "%s: true lb %ld extent %ld expected %ld %ld",
           what, (long)l, (long)e, (long)tlb, (long)text);
    MPI_OK(MPI_Type_get_true_extent_x(t, &lx, &ex));
    CHECKF(lx == tlb && ex == text, "%s: true lb_x %lld extent_x %lld", what,
           (long long)lx, (long long)ex);
}

/*
 * t describes n ints at positions idx[0..n-1] (in ints from the buffer
 * start), with lb and extent in ints. Sends count instances typed and
 * receives them as plain ints, then the other way round (slots outside the
 * type must keep the sentinel).
 */
static void check_map(MPI_Datatype t, int count, const int *idx, int n,
                      int lb, int extent, const char *what)
{
    int s[BUF], r[BUF], e[BUF], got = -1;
    MPI_Status st;
    check_layout(t, n * ISZ, lb * ISZ, extent * ISZ, what);
    for (int i = 0; i < BUF; i++) {
        s[i] = val(t_rank, i);
        r[i] = SENT;
        e[i] = SENT;
    }
    /* typed -> plain */
    MPI_OK(MPI_Sendrecv(s, count, t, right(), 7, r, BUF, MPI_INT, left(), 7, W, &st));
    MPI_OK(MPI_Get_count(&st, MPI_INT, &got));
    CHECKF(got == count * n, "%s: count %d expected %d", what, got, count * n);
    for (int c = 0; c < count; c++)
        for (int k = 0; k < n; k++)
            CHECKF(r[c * n + k] == val(left(), c * extent + idx[k]),
                   "%s: r[%d]=%d expected %d", what, c * n + k, r[c * n + k],
                   val(left(), c * extent + idx[k]));
    CHECKF(r[count * n] == SENT, "%s: slot after the data %d", what, r[count * n]);
    /* plain -> typed */
    for (int i = 0; i < BUF; i++)
        r[i] = SENT;
    for (int c = 0; c < count; c++)
        for (int k = 0; k < n; k++)
            e[c * extent + idx[k]] = val(left(), c * n + k);
    MPI_OK(MPI_Sendrecv(s, count * n, MPI_INT, right(), 8, r, count, t, left(), 8, W, &st));
    for (int i = 0; i < BUF; i++)
        CHECKF(r[i] == e[i], "%s: typed r[%d]=%d expected %d", what, i, r[i], e[i]);
    got = -1;
    MPI_OK(MPI_Get_count(&st, t, &got));
    CHECKF(got == count, "%s: typed count %d expected %d", what, got, count);
    got = -1;
    MPI_OK(MPI_Get_elements(&st, t, &got));
    CHECKF(got == count * n, "%s: elements %d expected %d", what, got, count * n);
}

static void free_type(MPI_Datatype *t)
{
    MPI_OK(MPI_Type_free(t));
    CHECK(*t == MPI_DATATYPE_NULL);
}

/* ---- contiguous, vector, hvector ---- */

static void test_contiguous(void)
{
    MPI_Datatype t;
    int idx[5] = {0, 1, 2, 3, 4};
    MPI_OK(MPI_Type_contiguous(5, MPI_INT, &t));
    MPI_OK(MPI_Type_commit(&t));
    check_map(t, 3, idx, 5, 0, 5, "contiguous");
    check_true_extent(t, 0, 5 * ISZ, "contiguous");
    free_type(&t);
    /* contiguous of a contiguous type */
    MPI_Datatype a, b;
    int idx6[6] = {0, 1, 2, 3, 4, 5};
    MPI_OK(MPI_Type_contiguous(2, MPI_INT, &a));
    MPI_OK(MPI_Type_contiguous(3, a, &b));
    MPI_OK(MPI_Type_commit(&b));
    free_type(&a); /* b stays usable */
    check_map(b, 2, idx6, 6, 0, 6, "contiguous of contiguous");
    free_type(&b);
}

static void test_vector(void)
{
    MPI_Datatype v, hv;
    /* 3 blocks of 2 ints, stride 4 ints: 0 1 . . 4 5 . . 8 9 */
    int vidx[6] = {0, 1, 4, 5, 8, 9};
    MPI_OK(MPI_Type_vector(3, 2, 4, MPI_INT, &v));
    MPI_OK(MPI_Type_commit(&v));
    check_map(v, 1, vidx, 6, 0, 10, "vector");
    check_map(v, 2, vidx, 6, 0, 10, "vector x2");
    check_true_extent(v, 0, 10 * ISZ, "vector");
    free_type(&v);
    /* 3 blocks of 2 ints, stride 5 ints given in bytes */
    int hidx[6] = {0, 1, 5, 6, 10, 11};
    MPI_OK(MPI_Type_create_hvector(3, 2, 5 * ISZ, MPI_INT, &hv));
    MPI_OK(MPI_Type_commit(&hv));
    check_map(hv, 1, hidx, 6, 0, 12, "hvector");
    check_map(hv, 3, hidx, 6, 0, 12, "hvector x3");
    free_type(&hv);
    /* negative stride: blocks at 8, 4, 0 (lb is the lowest block) */
    int nidx[3] = {8, 4, 0};
    MPI_Datatype nv;
    MPI_OK(MPI_Type_vector(3, 1, -4, MPI_INT, &nv));
    MPI_OK(MPI_Type_commit(&nv));
    check_layout(nv, 3 * ISZ, -8 * ISZ, 9 * ISZ, "vector stride -4");
    {
        int s[BUF], r[3] = {SENT, SENT, SENT};
        for (int i = 0; i < BUF; i++)
            s[i] = val(t_rank, i);
        MPI_OK(MPI_Sendrecv(s + 8, 1, nv, right(), 9, r, 3, MPI_INT, left(), 9, W,
                            MPI_STATUS_IGNORE));
        for (int k = 0; k < 3; k++)
            CHECKF(r[k] == val(left(), nidx[k]), "negative stride r[%d]=%d", k, r[k]);
    }
    free_type(&nv);
}

/* ---- indexed family ---- */

static void test_indexed(void)
{
    MPI_Datatype t;
    {
        int bl[3] = {1, 2, 3}, dp[3] = {0, 3, 7};
        int idx[6] = {0, 3, 4, 7, 8, 9};
        MPI_OK(MPI_Type_indexed(3, bl, dp, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 2, idx, 6, 0, 10, "indexed");
        free_type(&t);
    }
    {
        /* lb is the lowest displacement, here 2 ints */
        int bl[3] = {2, 1, 2};
        MPI_Aint dp[3] = {2 * ISZ, 6 * ISZ, 9 * ISZ};
        int idx[5] = {2, 3, 6, 9, 10};
        MPI_OK(MPI_Type_create_hindexed(3, bl, dp, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 1, idx, 5, 2, 9, "hindexed");
        check_true_extent(t, 2 * ISZ, 9 * ISZ, "hindexed");
        free_type(&t);
    }
    {
        int dp[3] = {0, 4, 9};
        int idx[6] = {0, 1, 4, 5, 9, 10};
        MPI_OK(MPI_Type_create_indexed_block(3, 2, dp, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 2, idx, 6, 0, 11, "indexed_block");
        free_type(&t);
    }
    {
        MPI_Aint dp[2] = {1 * ISZ, 7 * ISZ};
        int idx[6] = {1, 2, 3, 7, 8, 9};
        MPI_OK(MPI_Type_create_hindexed_block(2, 3, dp, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 1, idx, 6, 1, 9, "hindexed_block");
        free_type(&t);
    }
    {
        /* displacements out of order: the type map keeps the given order */
        int bl[2] = {2, 1}, dp[2] = {5, 1};
        int idx[3] = {5, 6, 1};
        MPI_OK(MPI_Type_indexed(2, bl, dp, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 1, idx, 3, 1, 6, "indexed unordered");
        free_type(&t);
    }
}

/* ---- struct ---- */

typedef struct {
    char c;
    double d;
    int i[3];
} rec_t;

#define NREC 4
#define PAD 0x5a

static void rec_fill(rec_t *a, int n, int who, int salt)
{
    memset(a, PAD, sizeof(rec_t) * (size_t)n);
    for (int k = 0; k < n; k++) {
        a[k].c = (char)('A' + (who + k + salt) % 26);
        a[k].d = who * 10.0 + k + salt * 0.125;
        for (int j = 0; j < 3; j++)
            a[k].i[j] = val(who, 10 * k + j) + salt;
    }
}

/* number of mismatches: member values against rec_fill, padding bytes
 * against PAD (a struct type must not write them) */
static int rec_bad(const rec_t *a, int n, int who, int salt)
{
    int bad = 0;
    rec_t e[NREC];
    rec_fill(e, n, who, salt);
    for (int k = 0; k < n; k++) {
        bad += a[k].c != e[k].c;
        bad += a[k].d != e[k].d;
        for (int j = 0; j < 3; j++)
            bad += a[k].i[j] != e[k].i[j];
        const unsigned char *b = (const unsigned char *)&a[k];
        for (size_t off = 0; off < sizeof(rec_t); off++) {
            int member = off == offsetof(rec_t, c) ||
                         (off >= offsetof(rec_t, d) &&
                          off < offsetof(rec_t, d) + sizeof(double)) ||
                         (off >= offsetof(rec_t, i) &&
                          off < offsetof(rec_t, i) + 3 * sizeof(int));
            if (!member)
                bad += b[off] != PAD;
        }
    }
    return bad;
}

/* the struct type as portable programs build it: member displacements from
 * MPI_Get_address relative to the start, extent resized to sizeof */
static MPI_Datatype rec_type(MPI_Datatype *inner)
{
    rec_t probe = {0};
    MPI_Aint base, a[3], disp[3];
    int bl[3] = {1, 1, 3};
    MPI_Datatype ty[3] = {MPI_CHAR, MPI_DOUBLE, MPI_INT}, s, t;
    MPI_OK(MPI_Get_address(&probe, &base));
    MPI_OK(MPI_Get_address(&probe.c, &a[0]));
    MPI_OK(MPI_Get_address(&probe.d, &a[1]));
    MPI_OK(MPI_Get_address(&probe.i[0], &a[2]));
    for (int k = 0; k < 3; k++)
        disp[k] = MPI_Aint_diff(a[k], base);
    CHECK(disp[0] == (MPI_Aint)offsetof(rec_t, c));
    CHECK(disp[1] == (MPI_Aint)offsetof(rec_t, d));
    CHECK(disp[2] == (MPI_Aint)offsetof(rec_t, i));
    MPI_OK(MPI_Type_create_struct(3, bl, disp, ty, &s));
    MPI_OK(MPI_Type_create_resized(s, 0, (MPI_Aint)sizeof(rec_t), &t));
    MPI_OK(MPI_Type_commit(&t));
    if (inner)
        *inner = s;
    else
        MPI_Type_free(&s);
    return t;
}

static void test_struct(void)
{
    MPI_Datatype s, t = rec_type(&s);
    const MPI_Aint data = (MPI_Aint)(sizeof(char) + sizeof(double) + 3 * sizeof(int));
    const MPI_Aint tend = (MPI_Aint)(offsetof(rec_t, i) + 3 * sizeof(int));
    check_layout(t, data, 0, (MPI_Aint)sizeof(rec_t), "struct resized");
    check_true_extent(t, 0, tend, "struct resized");
    check_true_extent(s, 0, tend, "struct");
    {
        int sz = -1;
        MPI_Aint lb = -1, ext = -1;
        MPI_OK(MPI_Type_size(s, &sz));
        MPI_OK(MPI_Type_get_extent(s, &lb, &ext));
        CHECKF(sz == data, "struct size %d", sz);
        /* the unresized extent is the true extent plus alignment padding
         * of the implementation's choice; only its lower end is fixed */
        CHECKF(lb == 0 && ext >= tend, "struct lb %ld extent %ld", (long)lb, (long)ext);
    }
    MPI_OK(MPI_Type_free(&s));

    rec_t a[NREC], b[NREC];
    MPI_Status st;
    int n = -1;
    rec_fill(a, NREC, t_rank, 1);
    memset(b, PAD, sizeof b);
    MPI_OK(MPI_Sendrecv(a, NREC, t, right(), 3, b, NREC, t, left(), 3, W, &st));
    CHECKF(rec_bad(b, NREC, left(), 1) == 0, "%d bad", rec_bad(b, NREC, left(), 1));
    MPI_OK(MPI_Get_count(&st, t, &n));
    CHECKF(n == NREC, "count %d", n);
    MPI_OK(MPI_Get_elements(&st, t, &n));
    CHECKF(n == NREC * 5, "elements %d", n);
    /* a single record */
    memset(b, PAD, sizeof b);
    MPI_OK(MPI_Sendrecv(&a[2], 1, t, right(), 4, &b[0], 1, t, left(), 4, W,
                        MPI_STATUS_IGNORE));
    {
        rec_t e[NREC];
        rec_fill(e, NREC, left(), 1);
        CHECK(b[0].c == e[2].c && b[0].d == e[2].d && b[0].i[0] == e[2].i[0] &&
              b[0].i[2] == e[2].i[2]);
    }
    /* Bcast of the array from every root */
    for (int root = 0; root < t_size; root++) {
        if (t_rank == root)
            rec_fill(b, NREC, root, 2);
        else
            memset(b, PAD, sizeof b);
        MPI_OK(MPI_Bcast(b, NREC, t, root, W));
        CHECKF(rec_bad(b, NREC, root, 2) == 0, "bcast root %d: %d bad", root,
               rec_bad(b, NREC, root, 2));
    }
    free_type(&t);
}

/* ---- subarray and darray ---- */

static void test_subarray(void)
{
    MPI_Datatype t;
    int idx[BUF], n;
    {
        int sizes[2] = {6, 8}, sub[2] = {3, 4}, start[2] = {2, 3};
        n = 0;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 4; j++)
                idx[n++] = (2 + i) * 8 + 3 + j;
        MPI_OK(MPI_Type_create_subarray(2, sizes, sub, start, MPI_ORDER_C, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 1, idx, n, 0, 48, "subarray 2D C");
        check_true_extent(t, idx[0] * ISZ, (idx[n - 1] - idx[0] + 1) * ISZ, "subarray 2D C");
        free_type(&t);
    }
    {
        /* Fortran order: the first index varies fastest */
        int sizes[2] = {6, 8}, sub[2] = {3, 4}, start[2] = {2, 3};
        n = 0;
        for (int j = 0; j < 4; j++)
            for (int i = 0; i < 3; i++)
                idx[n++] = (2 + i) + (3 + j) * 6;
        MPI_OK(MPI_Type_create_subarray(2, sizes, sub, start, MPI_ORDER_FORTRAN, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 1, idx, n, 0, 48, "subarray 2D Fortran");
        free_type(&t);
    }
    {
        int sizes[3] = {4, 5, 6}, sub[3] = {2, 3, 2}, start[3] = {1, 1, 3};
        n = 0;
        for (int i = 0; i < 2; i++)
            for (int j = 0; j < 3; j++)
                for (int k = 0; k < 2; k++)
                    idx[n++] = ((1 + i) * 5 + 1 + j) * 6 + 3 + k;
        MPI_OK(MPI_Type_create_subarray(3, sizes, sub, start, MPI_ORDER_C, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 1, idx, n, 0, 120, "subarray 3D C");
        free_type(&t);
    }
    {
        /* a face of a 3D block: one plane of a 4x5x6 array (i = 3) */
        int sizes[3] = {4, 5, 6}, sub[3] = {1, 5, 6}, start[3] = {3, 0, 0};
        n = 0;
        for (int j = 0; j < 5; j++)
            for (int k = 0; k < 6; k++)
                idx[n++] = (3 * 5 + j) * 6 + k;
        MPI_OK(MPI_Type_create_subarray(3, sizes, sub, start, MPI_ORDER_C, MPI_INT, &t));
        MPI_OK(MPI_Type_commit(&t));
        check_map(t, 1, idx, n, 0, 120, "subarray 3D face");
        free_type(&t);
    }
}

/* block distribution of one dimension: start and length of coordinate c */
static void block_of(int g, int p, int c, int *start, int *len)
{
    int b = (g + p - 1) / p;
    *start = c * b < g ? c * b : g;
    *len = (c + 1) * b < g ? b : g - *start;
}

static void test_darray(void)
{
    enum { G0 = 8, G1 = 12 };
    int gs[2] = {G0, G1};
    int dist[2] = {MPI_DISTRIBUTE_BLOCK, MPI_DISTRIBUTE_BLOCK};
    int darg[2] = {MPI_DISTRIBUTE_DFLT_DARG, MPI_DISTRIBUTE_DFLT_DARG};
    int ps[2] = {t_size, 1};
    /* the squarest p0 x p1 = size grid with p0 >= p1 */
    for (int d = 1; d * d <= t_size; d++)
        if (t_size % d == 0) {
            ps[1] = d;
            ps[0] = t_size / d;
        }
    /* the process grid of a darray is row-major whatever the array order */
    int c0 = t_rank / ps[1], c1 = t_rank % ps[1], s0, n0, s1, n1;
    block_of(G0, ps[0], c0, &s0, &n0);
    block_of(G1, ps[1], c1, &s1, &n1);

    MPI_Datatype t;
    MPI_OK(MPI_Type_create_darray(t_size, t_rank, 2, gs, dist, darg, ps, MPI_ORDER_C,
                                  MPI_INT, &t));
    MPI_OK(MPI_Type_commit(&t));
    check_layout(t, (MPI_Aint)n0 * n1 * ISZ, 0, (MPI_Aint)G0 * G1 * ISZ, "darray");

    int g[G0 * G1], loc[G0 * G1], back[G0 * G1], got = -1;
    MPI_Status st;
    for (int i = 0; i < G0 * G1; i++) {
        g[i] = val(7, i);
        loc[i] = SENT;
        back[i] = 0;
    }
    /* my block of the global array, in row-major order */
    MPI_OK(MPI_Sendrecv(g, 1, t, t_rank, 5, loc, G0 * G1, MPI_INT, t_rank, 5, W, &st));
    MPI_OK(MPI_Get_count(&st, MPI_INT, &got));
    CHECKF(got == n0 * n1, "count %d expected %d", got, n0 * n1);
    for (int i = 0; i < n0; i++)
        for (int j = 0; j < n1; j++)
            CHECKF(loc[i * n1 + j] == g[(s0 + i) * G1 + s1 + j], "loc[%d][%d]=%d", i, j,
                   loc[i * n1 + j]);
    /* scattered back into zeros, the blocks of all ranks tile the array */
    MPI_OK(MPI_Sendrecv(loc, n0 * n1, MPI_INT, t_rank, 6, back, 1, t, t_rank, 6, W,
                        MPI_STATUS_IGNORE));
    MPI_OK(MPI_Allreduce(MPI_IN_PLACE, back, G0 * G1, MPI_INT, MPI_SUM, W));
    int bad = 0;
    for (int i = 0; i < G0 * G1; i++)
        bad += back[i] != g[i];
    CHECKF(bad == 0, "%d elements not covered exactly once", bad);
    free_type(&t);
}

/* ---- resized, dup ---- */

static void test_resized(void)
{
    enum { R = 4, C = 5 };
    int m[R * C], r[R * C];
    MPI_Datatype col, colr;
    for (int i = 0; i < R * C; i++) {
        m[i] = val(t_rank, i);
        r[i] = SENT;
    }
    /* a matrix column, resized to one int so that C of them transpose */
    MPI_OK(MPI_Type_vector(R, 1, C, MPI_INT, &col));
    MPI_OK(MPI_Type_create_resized(col, 0, ISZ, &colr));
    MPI_OK(MPI_Type_commit(&colr));
    check_layout(colr, R * ISZ, 0, ISZ, "column resized");
    check_true_extent(colr, 0, ((R - 1) * C + 1) * ISZ, "column resized");
    check_layout(col, R * ISZ, 0, ((R - 1) * C + 1) * ISZ, "column");
    MPI_OK(MPI_Type_free(&col));
    MPI_OK(MPI_Sendrecv(m, C, colr, right(), 10, r, R * C, MPI_INT, left(), 10, W,
                        MPI_STATUS_IGNORE));
    for (int c = 0; c < C; c++)
        for (int i = 0; i < R; i++)
            CHECKF(r[c * R + i] == val(left(), i * C + c), "transpose [%d][%d]=%d", c, i,
                   r[c * R + i]);
    free_type(&colr);

    /* lb above the data and an extent of 3 ints: instances at 0, 3, 6 */
    MPI_Datatype t;
    int idx[1] = {0};
    MPI_OK(MPI_Type_create_resized(MPI_INT, ISZ, 3 * ISZ, &t));
    MPI_OK(MPI_Type_commit(&t));
    check_map(t, 3, idx, 1, 1, 3, "resized lb 1 extent 3");
    check_true_extent(t, 0, ISZ, "resized lb 1 extent 3");
    free_type(&t);

    /* negative lb */
    MPI_OK(MPI_Type_create_resized(MPI_INT, -2 * ISZ, 4 * ISZ, &t));
    MPI_OK(MPI_Type_commit(&t));
    check_layout(t, ISZ, -2 * ISZ, 4 * ISZ, "resized lb -2");
    free_type(&t);
}

static void test_dup(void)
{
    MPI_Datatype v, d, d2;
    int vidx[6] = {0, 1, 4, 5, 8, 9};
    MPI_OK(MPI_Type_vector(3, 2, 4, MPI_INT, &v));
    MPI_OK(MPI_Type_commit(&v));
    MPI_OK(MPI_Type_dup(v, &d));
    free_type(&v);
    /* a dup is committed when its old type is */
    check_map(d, 2, vidx, 6, 0, 10, "dup of vector");
    MPI_OK(MPI_Type_dup(d, &d2));
    check_map(d2, 1, vidx, 6, 0, 10, "dup of dup");
    free_type(&d);
    free_type(&d2);
    /* dup of a predefined type */
    int idx[1] = {0};
    MPI_OK(MPI_Type_dup(MPI_INT, &d));
    check_map(d, 4, idx, 1, 0, 1, "dup of MPI_INT");
    int ni = -1, na = -1, nd = -1, comb = -1;
    MPI_OK(MPI_Type_get_envelope(d, &ni, &na, &nd, &comb));
    CHECKF(comb == MPI_COMBINER_DUP && ni == 0 && na == 0 && nd == 1,
           "envelope %d %d %d %d", ni, na, nd, comb);
    MPI_Datatype old = MPI_DATATYPE_NULL;
    MPI_OK(MPI_Type_get_contents(d, 0, 0, 1, NULL, NULL, &old));
    CHECK(old == MPI_INT);
    free_type(&d);
    /* a dup of the struct type carries records */
    MPI_Datatype rt = rec_type(NULL);
    MPI_OK(MPI_Type_dup(rt, &d));
    rec_t a[NREC], b[NREC];
    rec_fill(a, NREC, t_rank, 3);
    memset(b, PAD, sizeof b);
    MPI_OK(MPI_Sendrecv(a, NREC, d, right(), 11, b, NREC, rt, left(), 11, W,
                        MPI_STATUS_IGNORE));
    CHECK(rec_bad(b, NREC, left(), 3) == 0);
    MPI_OK(MPI_Type_get_envelope(d, &ni, &na, &nd, &comb));
    CHECK(comb == MPI_COMBINER_DUP);
    MPI_OK(MPI_Type_get_contents(d, 0, 0, 1, NULL, NULL, &old));
    /* the old type is derived: get_contents returns a new handle to free */
    MPI_OK(MPI_Type_get_envelope(old, &ni, &na, &nd, &comb));
    CHECKF(comb == MPI_COMBINER_RESIZED && ni == 0 && na == 2 && nd == 1,
           "resized envelope %d %d %d %d", ni, na, nd, comb);
    MPI_OK(MPI_Type_free(&old));
    free_type(&d);
    free_type(&rt);
}

/* ---- envelope and contents ---- */

static void test_envelope_contents(void)
{
    int ni = -1, na = -1, nd = -1, comb = -1;
    MPI_OK(MPI_Type_get_envelope(MPI_INT, &ni, &na, &nd, &comb));
    CHECK(comb == MPI_COMBINER_NAMED);
    MPI_OK(MPI_Type_get_envelope(MPI_DOUBLE, &ni, &na, &nd, &comb));
    CHECK(comb == MPI_COMBINER_NAMED);

    /* vector round trip */
    MPI_Datatype v, v2;
    MPI_OK(MPI_Type_vector(3, 2, 4, MPI_INT, &v));
    MPI_OK(MPI_Type_get_envelope(v, &ni, &na, &nd, &comb));
    CHECKF(comb == MPI_COMBINER_VECTOR && ni == 3 && na == 0 && nd == 1,
           "vector envelope %d %d %d %d", ni, na, nd, comb);
    {
        int ints[3] = {-1, -1, -1};
        MPI_Aint aints[1] = {-1};
        MPI_Datatype types[1] = {MPI_DATATYPE_NULL};
        MPI_OK(MPI_Type_get_contents(v, 3, 0, 1, ints, aints, types));
        CHECKF(ints[0] == 3 && ints[1] == 2 && ints[2] == 4, "vector ints %d %d %d",
               ints[0], ints[1], ints[2]);
        CHECK(types[0] == MPI_INT);
        MPI_OK(MPI_Type_vector(ints[0], ints[1], ints[2], types[0], &v2));
        MPI_OK(MPI_Type_commit(&v2));
        int vidx[6] = {0, 1, 4, 5, 8, 9};
        check_map(v2, 2, vidx, 6, 0, 10, "vector from contents");
        free_type(&v2);
    }
    free_type(&v);

    /* hvector and hindexed: addresses come back as MPI_Aint */
    MPI_OK(MPI_Type_create_hvector(2, 3, 7 * ISZ, MPI_INT, &v));
    MPI_OK(MPI_Type_get_envelope(v, &ni, &na, &nd, &comb));
    CHECKF(comb == MPI_COMBINER_HVECTOR && ni == 2 && na == 1 && nd == 1,
           "hvector envelope %d %d %d %d", ni, na, nd, comb);
    {
        int ints[2] = {-1, -1};
        MPI_Aint aints[1] = {-1};
        MPI_Datatype types[1];
        MPI_OK(MPI_Type_get_contents(v, 2, 1, 1, ints, aints, types));
        CHECK(ints[0] == 2 && ints[1] == 3 && aints[0] == 7 * ISZ && types[0] == MPI_INT);
    }
    free_type(&v);

    /* struct round trip */
    MPI_Datatype s, t = rec_type(&s), s2, t2;
    MPI_OK(MPI_Type_get_envelope(s, &ni, &na, &nd, &comb));
    CHECKF(comb == MPI_COMBINER_STRUCT && ni == 4 && na == 3 && nd == 3,
           "struct envelope %d %d %d %d", ni, na, nd, comb);
    {
        int ints[4] = {-1, -1, -1, -1};
        MPI_Aint aints[3] = {-1, -1, -1};
        MPI_Datatype types[3] = {MPI_DATATYPE_NULL, MPI_DATATYPE_NULL, MPI_DATATYPE_NULL};
        MPI_OK(MPI_Type_get_contents(s, 4, 3, 3, ints, aints, types));
        CHECKF(ints[0] == 3 && ints[1] == 1 && ints[2] == 1 && ints[3] == 3,
               "struct ints %d %d %d %d", ints[0], ints[1], ints[2], ints[3]);
        CHECK(aints[0] == (MPI_Aint)offsetof(rec_t, c));
        CHECK(aints[1] == (MPI_Aint)offsetof(rec_t, d));
        CHECK(aints[2] == (MPI_Aint)offsetof(rec_t, i));
        CHECK(types[0] == MPI_CHAR && types[1] == MPI_DOUBLE && types[2] == MPI_INT);
        MPI_OK(MPI_Type_create_struct(ints[0], ints + 1, aints, types, &s2));
    }
    /* the resized type around it */
    MPI_OK(MPI_Type_get_envelope(t, &ni, &na, &nd, &comb));
    CHECKF(comb == MPI_COMBINER_RESIZED && ni == 0 && na == 2 && nd == 1,
           "resized envelope %d %d %d %d", ni, na, nd, comb);
    {
        MPI_Aint aints[2] = {-1, -1};
        MPI_Datatype types[1] = {MPI_DATATYPE_NULL};
        MPI_OK(MPI_Type_get_contents(t, 0, 2, 1, NULL, aints, types));
        CHECK(aints[0] == 0 && aints[1] == (MPI_Aint)sizeof(rec_t));
        MPI_OK(MPI_Type_get_envelope(types[0], &ni, &na, &nd, &comb));
        CHECK(comb == MPI_COMBINER_STRUCT);
        MPI_OK(MPI_Type_free(&types[0]));
        MPI_OK(MPI_Type_create_resized(s2, aints[0], aints[1], &t2));
    }
    MPI_OK(MPI_Type_commit(&t2));
    check_layout(t2, (MPI_Aint)(sizeof(char) + sizeof(double) + 3 * sizeof(int)), 0,
                 (MPI_Aint)sizeof(rec_t), "struct from contents");
    rec_t a[NREC], b[NREC];
    rec_fill(a, NREC, t_rank, 4);
    memset(b, PAD, sizeof b);
    /* sent with the rebuilt type, received with the original */
    MPI_OK(MPI_Sendrecv(a, NREC, t2, right(), 12, b, NREC, t, left(), 12, W,
                        MPI_STATUS_IGNORE));
    CHECK(rec_bad(b, NREC, left(), 4) == 0);
    free_type(&t2);
    free_type(&s2);
    free_type(&s);
    free_type(&t);

    /* subarray: ndims, sizes, subsizes, starts, order */
    {
        int sizes[3] = {4, 5, 6}, sub[3] = {2, 3, 2}, start[3] = {1, 1, 3};
        int ints[11];
        MPI_Datatype types[1];
        MPI_OK(MPI_Type_create_subarray(3, sizes, sub, start, MPI_ORDER_C, MPI_INT, &v));
        MPI_OK(MPI_Type_get_envelope(v, &ni, &na, &nd, &comb));
        CHECKF(comb == MPI_COMBINER_SUBARRAY && ni == 11 && na == 0 && nd == 1,
               "subarray envelope %d %d %d %d", ni, na, nd, comb);
        MPI_OK(MPI_Type_get_contents(v, 11, 0, 1, ints, NULL, types));
        CHECK(ints[0] == 3 && ints[1] == 4 && ints[3] == 6 && ints[4] == 2 && ints[9] == 3);
        CHECK(ints[10] == MPI_ORDER_C && types[0] == MPI_INT);
        free_type(&v);
    }
}

/* ---- addresses ---- */

static void test_address(void)
{
    double arr[10] = {0};
    MPI_Aint a0, a7, b;
    MPI_OK(MPI_Get_address(&arr[0], &a0));
    MPI_OK(MPI_Get_address(&arr[7], &a7));
    CHECK(MPI_Aint_diff(a7, a0) == 7 * (MPI_Aint)sizeof(double));
    CHECK(MPI_Aint_diff(a0, a7) == -7 * (MPI_Aint)sizeof(double));
    b = MPI_Aint_add(a0, 7 * (MPI_Aint)sizeof(double));
    CHECK(b == a7);
    CHECK(MPI_Aint_add(a7, -7 * (MPI_Aint)sizeof(double)) == a0);
    /* addresses of heap memory and of members */
    rec_t *h = malloc(2 * sizeof(rec_t));
    MPI_Aint h0, h1, hd;
    MPI_OK(MPI_Get_address(&h[0], &h0));
    MPI_OK(MPI_Get_address(&h[1], &h1));
    MPI_OK(MPI_Get_address(&h[1].d, &hd));
    CHECK(MPI_Aint_diff(h1, h0) == (MPI_Aint)sizeof(rec_t));
    CHECK(MPI_Aint_diff(hd, h0) == (MPI_Aint)(sizeof(rec_t) + offsetof(rec_t, d)));
    CHECK(MPI_Aint_add(h0, (MPI_Aint)sizeof(rec_t)) == h1);
    free(h);
    /* an hindexed type from MPI_Aint_diff of addresses in one array */
    int s[BUF], r[4] = {SENT, SENT, SENT, SENT};
    MPI_Aint base, p[2], dp[2];
    int bl[2] = {2, 2};
    MPI_Datatype t;
    for (int i = 0; i < BUF; i++)
        s[i] = val(t_rank, i);
    MPI_OK(MPI_Get_address(s, &base));
    MPI_OK(MPI_Get_address(&s[3], &p[0]));
    MPI_OK(MPI_Get_address(&s[20], &p[1]));
    dp[0] = MPI_Aint_diff(p[0], base);
    dp[1] = MPI_Aint_diff(p[1], base);
    MPI_OK(MPI_Type_create_hindexed(2, bl, dp, MPI_INT, &t));
    MPI_OK(MPI_Type_commit(&t));
    MPI_OK(MPI_Sendrecv(s, 1, t, right(), 13, r, 4, MPI_INT, left(), 13, W,
                        MPI_STATUS_IGNORE));
    CHECK(r[0] == val(left(), 3) && r[1] == val(left(), 4));
    CHECK(r[2] == val(left(), 20) && r[3] == val(left(), 21));
    free_type(&t);
}

/* ---- pack / unpack ---- */

static void test_pack(void)
{
    MPI_Datatype v;
    int s[BUF], r[BUF], hdr = 42 + t_rank, hdr2 = -1;
    double d[2] = {t_rank + 0.5, -t_rank - 0.25}, d2[2] = {0, 0};
    int vidx[6] = {0, 1, 4, 5, 8, 9};
    MPI_OK(MPI_Type_vector(3, 2, 4, MPI_INT, &v));
    MPI_OK(MPI_Type_commit(&v));
    int sz1 = -1, sz2 = -1, sz3 = -1;
    MPI_OK(MPI_Pack_size(1, MPI_INT, W, &sz1));
    MPI_OK(MPI_Pack_size(2, v, W, &sz2));
    MPI_OK(MPI_Pack_size(2, MPI_DOUBLE, W, &sz3));
    CHECKF(sz1 >= (int)sizeof(int), "pack size int %d", sz1);
    CHECKF(sz2 >= 12 * (int)sizeof(int), "pack size vector %d", sz2);
    CHECKF(sz3 >= 2 * (int)sizeof(double), "pack size double %d", sz3);
    int total = sz1 + sz2 + sz3, pos = 0, rpos = 0, got = -1;
    char *pb = malloc((size_t)total), *rb = malloc((size_t)total);
    for (int i = 0; i < BUF; i++) {
        s[i] = val(t_rank, i);
        r[i] = SENT;
    }
    MPI_OK(MPI_Pack(&hdr, 1, MPI_INT, pb, total, &pos, W));
    CHECKF(pos > 0 && pos <= sz1, "position %d after one int", pos);
    MPI_OK(MPI_Pack(s, 2, v, pb, total, &pos, W));
    MPI_OK(MPI_Pack(d, 2, MPI_DOUBLE, pb, total, &pos, W));
    CHECKF(pos <= total, "position %d > %d", pos, total);
    MPI_Status st;
    MPI_OK(MPI_Sendrecv(pb, pos, MPI_PACKED, right(), 14, rb, total, MPI_PACKED, left(), 14,
                        W, &st));
    MPI_OK(MPI_Get_count(&st, MPI_PACKED, &got));
    CHECKF(got == pos, "packed count %d expected %d", got, pos);
    MPI_OK(MPI_Unpack(rb, got, &rpos, &hdr2, 1, MPI_INT, W));
    CHECKF(hdr2 == 42 + left(), "header %d", hdr2);
    MPI_OK(MPI_Unpack(rb, got, &rpos, r, 2, v, W));
    MPI_OK(MPI_Unpack(rb, got, &rpos, d2, 2, MPI_DOUBLE, W));
    CHECKF(rpos == got, "unpacked %d of %d", rpos, got);
    for (int i = 0; i < BUF; i++) {
        int e = SENT;
        for (int c = 0; c < 2; c++)
            for (int k = 0; k < 6; k++)
                if (i == c * 10 + vidx[k])
                    e = val(left(), i);
        CHECKF(r[i] == e, "unpacked r[%d]=%d expected %d", i, r[i], e);
    }
    CHECK(d2[0] == left() + 0.5 && d2[1] == -left() - 0.25);
    /* the packed vector unpacks as the 12 ints of its type signature */
    rpos = 0;
    MPI_OK(MPI_Unpack(rb, got, &rpos, &hdr2, 1, MPI_INT, W));
    MPI_OK(MPI_Unpack(rb, got, &rpos, r, 12, MPI_INT, W));
    for (int c = 0; c < 2; c++)
        for (int k = 0; k < 6; k++)
            CHECKF(r[c * 6 + k] == val(left(), c * 10 + vidx[k]), "flat r[%d]=%d",
                   c * 6 + k, r[c * 6 + k]);
    /* pack the same data as plain ints, the packed images agree in length */
    {
        int flat[12], p2 = 0;
        for (int c = 0; c < 2; c++)
            for (int k = 0; k < 6; k++)
                flat[c * 6 + k] = s[c * 10 + vidx[k]];
        char *fb = malloc((size_t)sz2);
        MPI_OK(MPI_Pack(flat, 12, MPI_INT, fb, sz2, &p2, W));
        int p3 = 0;
        char *vb = malloc((size_t)sz2);
        MPI_OK(MPI_Pack(s, 2, v, vb, sz2, &p3, W));
        CHECKF(p2 == p3 && memcmp(fb, vb, (size_t)p2) == 0, "packed sizes %d %d", p2, p3);
        free(fb);
        free(vb);
    }
    free(pb);
    free(rb);
    free_type(&v);
}

/* ---- derived types in collectives and nonblocking calls ---- */

static MPI_Datatype d3_type;
static int d3_bad;

/* element-wise sum of contiguous triples of doubles */
static void d3_sum(void *in, void *inout, int *len, MPI_Datatype *dt)
{
    const double *a = in;
    double *b = inout;
    if (*dt != d3_type)
        d3_bad++;
    for (int i = 0; i < *len * 3; i++)
        b[i] += a[i];
}

static void test_collectives(void)
{
    /* Gather: each rank sends 3 ints, the root stores them as column r of
     * a 3 x size matrix through a column type resized to one int */
    MPI_Datatype col, colr;
    int *m = malloc(sizeof(int) * 3 * (size_t)t_size);
    MPI_OK(MPI_Type_vector(3, 1, t_size, MPI_INT, &col));
    MPI_OK(MPI_Type_create_resized(col, 0, ISZ, &colr));
    MPI_OK(MPI_Type_commit(&colr));
    MPI_OK(MPI_Type_free(&col));
    for (int root = 0; root < t_size; root++) {
        int s[3];
        for (int i = 0; i < 3; i++) {
            s[i] = val(t_rank, i);
        }
        for (int i = 0; i < 3 * t_size; i++)
            m[i] = SENT;
        MPI_OK(MPI_Gather(s, 3, MPI_INT, m, 1, colr, root, W));
        if (t_rank == root)
            for (int i = 0; i < 3; i++)
                for (int r = 0; r < t_size; r++)
                    CHECKF(m[i * t_size + r] == val(r, i), "gather root %d m[%d][%d]=%d",
                           root, i, r, m[i * t_size + r]);
    }
    /* Gather of a vector type into plain ints */
    {
        MPI_Datatype v;
        int vidx[6] = {0, 1, 4, 5, 8, 9}, s[12];
        int *g = malloc(sizeof(int) * 6 * (size_t)t_size);
        MPI_OK(MPI_Type_vector(3, 2, 4, MPI_INT, &v));
        MPI_OK(MPI_Type_commit(&v));
        for (int i = 0; i < 12; i++)
            s[i] = val(t_rank, i);
        MPI_OK(MPI_Gather(s, 1, v, g, 6, MPI_INT, 0, W));
        if (t_rank == 0)
            for (int r = 0; r < t_size; r++)
                for (int k = 0; k < 6; k++)
                    CHECKF(g[r * 6 + k] == val(r, vidx[k]), "gather vector g[%d]=%d",
                           r * 6 + k, g[r * 6 + k]);
        free(g);
        free_type(&v);
    }
    free(m);
    free_type(&colr);

    /* Allreduce on a contiguous type of 3 doubles. MPI-3.1 5.9.1 allows
     * predefined ops only on the predefined types, so the sum is a user op;
     * MPI_SUM itself must either work or fail with MPI_ERR_OP. */
    MPI_Datatype d3;
    MPI_Op op;
    double a[6], b[6];
    MPI_OK(MPI_Type_contiguous(3, MPI_DOUBLE, &d3));
    MPI_OK(MPI_Type_commit(&d3));
    d3_type = d3;
    d3_bad = 0;
    MPI_OK(MPI_Op_create(d3_sum, 1, &op));
    for (int i = 0; i < 6; i++) {
        a[i] = t_rank + i * 0.5;
        b[i] = -1.0;
    }
    MPI_OK(MPI_Allreduce(a, b, 2, d3, op, W));
    CHECKF(d3_bad == 0, "%d calls of the op with a different datatype", d3_bad);
    for (int i = 0; i < 6; i++) {
        double e = 0.0;
        for (int r = 0; r < t_size; r++)
            e += r + i * 0.5;
        CHECKF(b[i] == e, "allreduce b[%d]=%g expected %g", i, b[i], e);
    }
    MPI_OK(MPI_Op_free(&op));
    {
        MPI_Comm c;
        int rc, cls = -1;
        MPI_OK(MPI_Comm_dup(W, &c));
        MPI_OK(MPI_Comm_set_errhandler(c, MPI_ERRORS_RETURN));
        for (int i = 0; i < 6; i++)
            b[i] = -1.0;
        rc = MPI_Allreduce(a, b, 2, d3, MPI_SUM, c);
        MPI_Error_class(rc, &cls);
        CHECKF(rc == MPI_SUCCESS || cls == MPI_ERR_OP, "MPI_SUM on contiguous: class %d", cls);
        /* every rank made the same decision */
        int mine = rc == MPI_SUCCESS, all = -1;
        MPI_OK(MPI_Allreduce(&mine, &all, 1, MPI_INT, MPI_SUM, W));
        CHECKF(all == 0 || all == t_size, "%d ranks accepted MPI_SUM", all);
        if (rc == MPI_SUCCESS)
            for (int i = 0; i < 6; i++) {
                double e = 0.0;
                for (int r = 0; r < t_size; r++)
                    e += r + i * 0.5;
                CHECKF(b[i] == e, "MPI_SUM b[%d]=%g expected %g", i, b[i], e);
            }
        MPI_OK(MPI_Comm_free(&c));
    }
    free_type(&d3);
}

static void test_nonblocking(void)
{
    MPI_Datatype ix, rt = rec_type(NULL);
    int bl[3] = {1, 2, 3}, dp[3] = {0, 3, 7};
    int idx[6] = {0, 3, 4, 7, 8, 9};
    int s[BUF], r[BUF];
    rec_t a[NREC], b[NREC];
    MPI_Request rq[4];
    MPI_Status st[4];
    MPI_OK(MPI_Type_indexed(3, bl, dp, MPI_INT, &ix));
    MPI_OK(MPI_Type_commit(&ix));
    for (int i = 0; i < BUF; i++) {
        s[i] = val(t_rank, i);
        r[i] = SENT;
    }
    rec_fill(a, NREC, t_rank, 5);
    memset(b, PAD, sizeof b);
    MPI_OK(MPI_Irecv(r, 2, ix, left(), 15, W, &rq[0]));
    MPI_OK(MPI_Irecv(b, NREC, rt, left(), 16, W, &rq[1]));
    MPI_OK(MPI_Isend(a, NREC, rt, right(), 16, W, &rq[2]));
    MPI_OK(MPI_Isend(s, 2, ix, right(), 15, W, &rq[3]));
    MPI_OK(MPI_Waitall(4, rq, st));
    int got = -1;
    MPI_OK(MPI_Get_count(&st[0], ix, &got));
    CHECKF(got == 2, "count %d", got);
    MPI_OK(MPI_Get_count(&st[1], rt, &got));
    CHECKF(got == NREC, "count %d", got);
    for (int i = 0; i < BUF; i++) {
        int e = SENT;
        for (int c = 0; c < 2; c++)
            for (int k = 0; k < 6; k++)
                if (i == c * 10 + idx[k])
                    e = val(left(), i);
        CHECKF(r[i] == e, "r[%d]=%d expected %d", i, r[i], e);
    }
    CHECK(rec_bad(b, NREC, left(), 5) == 0);
    free_type(&ix);
    free_type(&rt);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("types_derived");

    t_begin("contiguous");
    test_contiguous();
    t_end();
    t_begin("vector-hvector");
    test_vector();
    t_end();
    t_begin("indexed-hindexed-block");
    test_indexed();
    t_end();
    t_begin("struct-get-address");
    test_struct();
    t_end();
    t_begin("subarray");
    test_subarray();
    t_end();
    t_begin("darray");
    test_darray();
    t_end();
    t_begin("resized-extent");
    test_resized();
    t_end();
    t_begin("dup");
    test_dup();
    t_end();
    t_begin("envelope-contents");
    test_envelope_contents();
    t_end();
    t_begin("address-aint");
    test_address();
    t_end();
    t_begin("pack-unpack");
    test_pack();
    t_end();
    t_begin("derived-collectives");
    test_collectives();
    t_end();
    t_begin("derived-nonblocking");
    test_nonblocking();
    t_end();

    return t_finish();
}
