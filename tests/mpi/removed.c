/*
 * removed.c - names removed from the standard in MPI-3.0 that codes still
 * call: MPI_Address (= MPI_Get_address for stack, heap and struct members),
 * MPI_Type_extent, MPI_Type_lb, MPI_Type_ub (predefined, resized and vector
 * types), MPI_Type_hvector and MPI_Type_hindexed (same layout as their
 * MPI_Type_create_ replacements, checked through a ring exchange),
 * MPI_Type_struct without markers (= MPI_Type_create_struct) and with the
 * MPI_LB / MPI_UB markers (lower and upper bound from the markers, several
 * markers of a kind, a marker of one kind only; the type's extent steps
 * through an array in communication), MPI_Errhandler_create,
 * MPI_Errhandler_set, MPI_Errhandler_get (a handler that counts its calls
 * on a bad send, then MPI_ERRORS_RETURN), and a PMPI_ name of each group.
 *
 * Only cases where MPI-1 leaves no room are checked: with an MPI_LB marker
 * but no MPI_UB marker, Open MPI pads the extent to the alignment of the
 * data and MPICH does not; an MPI_LB marker with blocklength 0 counts in
 * MPICH only.
 *
 * Open MPI 4.1 hides these names unless asked (OMPI_OMIT_MPI1_COMPAT_DECLS
 * 0) and leaves MPI_LB / MPI_UB undefined although its library has them;
 * the lines below reach them there.
 */
#define OMPI_OMIT_MPI1_COMPAT_DECLS 0
#include <mpi.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#if defined(OPEN_MPI) && !defined(MPI_LB)
extern struct ompi_predefined_datatype_t ompi_mpi_lb, ompi_mpi_ub;
#define MPI_LB ((MPI_Datatype)&ompi_mpi_lb)
#define MPI_UB ((MPI_Datatype)&ompi_mpi_ub)
#endif

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

/* ring sends count elements of stype from sbuf to the right neighbour and
 * receives rcount elements of rtype from the left one (np = 1: itself) */
static void ring(const void *sbuf, int count, MPI_Datatype stype, void *rbuf, int rcount, MPI_Datatype rtype)
{
    int right = (t_rank + 1) % t_size, left = (t_rank + t_size - 1) % t_size;
    MPI_OK(MPI_Sendrecv(sbuf, count, stype, right, 7, rbuf, rcount, rtype, left, 7, W, MPI_STATUS_IGNORE));
}

static int left_rank(void)
{
    return (t_rank + t_size - 1) % t_size;
}

typedef struct {
    char c;
    double d;
    int i[3];
} rec_t;

static void test_address(void)
{
    rec_t s;
    int x = 0;
    int *heap = malloc(4 * sizeof *heap);
    MPI_Aint a, b;
    MPI_OK(MPI_Address(&x, &a));
    MPI_OK(MPI_Get_address(&x, &b));
    CHECK(a == b);
    MPI_OK(MPI_Address(heap + 3, &a));
    MPI_OK(MPI_Get_address(heap + 3, &b));
    CHECK(a == b);
    MPI_Aint base, d, i2;
    MPI_OK(MPI_Address(&s, &base));
    MPI_OK(MPI_Address(&s.d, &d));
    MPI_OK(MPI_Address(&s.i[2], &i2));
    CHECKF(d - base == (MPI_Aint)offsetof(rec_t, d), "%ld", (long)(d - base));
    CHECKF(i2 - base == (MPI_Aint)(offsetof(rec_t, i) + 2 * sizeof(int)), "%ld", (long)(i2 - base));
    MPI_OK(PMPI_Address(&s.c, &a));
    CHECK(a == base);
    free(heap);
}

/* extent, lb and ub of t through the removed names and through
 * MPI_Type_get_extent */
static void check_bounds(MPI_Datatype t, long lb, long ub)
{
    MPI_Aint l, u, e, gl, ge;
    MPI_OK(MPI_Type_lb(t, &l));
    MPI_OK(MPI_Type_ub(t, &u));
    MPI_OK(MPI_Type_extent(t, &e));
    MPI_OK(MPI_Type_get_extent(t, &gl, &ge));
    CHECKF(l == lb && u == ub && e == ub - lb, "lb %ld ub %ld extent %ld, want %ld %ld", (long)l, (long)u, (long)e, lb, ub);
    CHECKF(gl == l && ge == e, "get_extent %ld %ld", (long)gl, (long)ge);
}

static void test_extent_lb_ub(void)
{
    check_bounds(MPI_INT, 0, (long)sizeof(int));
    check_bounds(MPI_DOUBLE, 0, (long)sizeof(double));
    MPI_Datatype r, v;
    MPI_OK(MPI_Type_create_resized(MPI_INT, -4, 20, &r));
    check_bounds(r, -4, 16);
    MPI_OK(MPI_Type_vector(3, 1, 2, MPI_INT, &v));
    check_bounds(v, 0, 5 * (long)sizeof(int));
    MPI_Aint e;
    MPI_OK(PMPI_Type_extent(v, &e));
    CHECK(e == 5 * (MPI_Aint)sizeof(int));
    MPI_Type_free(&r);
    MPI_Type_free(&v);
}

/* compare sends count of a (removed) and b (replacement) from the same
 * buffer of n ints and checks that both deliver the same sequence */
static void compare_layouts(MPI_Datatype a, MPI_Datatype b, int count, int n)
{
    int *src = malloc((size_t)n * sizeof *src);
    int *ra = calloc((size_t)n, sizeof *ra), *rb = calloc((size_t)n, sizeof *rb);
    for (int i = 0; i < n; i++)
        src[i] = 1000 * t_rank + i;
    int sa, sb;
    MPI_Aint la, ea, lb, eb;
    MPI_OK(MPI_Type_size(a, &sa));
    MPI_OK(MPI_Type_size(b, &sb));
    MPI_OK(MPI_Type_get_extent(a, &la, &ea));
    MPI_OK(MPI_Type_get_extent(b, &lb, &eb));
    CHECKF(sa == sb && la == lb && ea == eb, "size %d/%d lb %ld/%ld extent %ld/%ld", sa, sb, (long)la, (long)lb, (long)ea, (long)eb);
    int m = count * sa / (int)sizeof(int);
    ring(src, count, a, ra, m, MPI_INT);
    ring(src, count, b, rb, m, MPI_INT);
    CHECK(memcmp(ra, rb, (size_t)m * sizeof *ra) == 0);
    int bad = 0;
    for (int i = 0; i < m; i++)
        if (ra[i] / 1000 != left_rank() || ra[i] % 1000 >= n)
            bad++;
    CHECKF(bad == 0, "%d elements not from the left neighbour's buffer", bad);
    free(src);
    free(ra);
    free(rb);
}

static void test_hvector(void)
{
    MPI_Datatype a, b;
    MPI_OK(MPI_Type_hvector(3, 2, 5 * (MPI_Aint)sizeof(int), MPI_INT, &a));
    MPI_OK(MPI_Type_create_hvector(3, 2, 5 * (MPI_Aint)sizeof(int), MPI_INT, &b));
    MPI_OK(MPI_Type_commit(&a));
    MPI_OK(MPI_Type_commit(&b));
    compare_layouts(a, b, 2, 40);
    /* the first block of the second element starts one extent on */
    int src[40], got[12];
    for (int i = 0; i < 40; i++)
        src[i] = i;
    ring(src, 2, a, got, 12, MPI_INT);
    int want[12] = {0, 1, 5, 6, 10, 11, 12, 13, 17, 18, 22, 23};
    CHECK(memcmp(got, want, sizeof want) == 0);
    MPI_Type_free(&a);
    MPI_Type_free(&b);
    MPI_OK(PMPI_Type_hvector(1, 1, 0, MPI_INT, &a));
    MPI_Type_free(&a);
}

static void test_hindexed(void)
{
    int bl[3] = {2, 1, 3};
    MPI_Aint disp[3] = {8 * (MPI_Aint)sizeof(int), 0, 3 * (MPI_Aint)sizeof(int)};
    MPI_Datatype a, b;
    MPI_OK(MPI_Type_hindexed(3, bl, disp, MPI_INT, &a));
    MPI_OK(MPI_Type_create_hindexed(3, bl, disp, MPI_INT, &b));
    MPI_OK(MPI_Type_commit(&a));
    MPI_OK(MPI_Type_commit(&b));
    compare_layouts(a, b, 2, 30);
    int src[30], got[6];
    for (int i = 0; i < 30; i++)
        src[i] = i;
    ring(src, 1, a, got, 6, MPI_INT);
    int want[6] = {8, 9, 0, 3, 4, 5};
    CHECK(memcmp(got, want, sizeof want) == 0);
    MPI_Type_free(&a);
    MPI_Type_free(&b);
    MPI_OK(PMPI_Type_hindexed(1, bl, disp, MPI_INT, &a));
    MPI_Type_free(&a);
}

static void test_struct(void)
{
    int bl[3] = {1, 1, 3};
    MPI_Aint disp[3] = {offsetof(rec_t, c), offsetof(rec_t, d), offsetof(rec_t, i)};
    MPI_Datatype types[3] = {MPI_CHAR, MPI_DOUBLE, MPI_INT};
    MPI_Datatype a, b;
    MPI_OK(MPI_Type_struct(3, bl, disp, types, &a));
    MPI_OK(MPI_Type_create_struct(3, bl, disp, types, &b));
    MPI_Aint la, ea, lb, eb;
    MPI_OK(MPI_Type_get_extent(a, &la, &ea));
    MPI_OK(MPI_Type_get_extent(b, &lb, &eb));
    CHECKF(la == lb && ea == eb, "lb %ld/%ld extent %ld/%ld", (long)la, (long)lb, (long)ea, (long)eb);
    CHECKF(ea == (MPI_Aint)sizeof(rec_t), "extent %ld, sizeof %ld", (long)ea, (long)sizeof(rec_t));
    MPI_OK(MPI_Type_commit(&a));
    rec_t out[2], in[2];
    memset(out, 0, sizeof out);
    memset(in, 0x55, sizeof in);
    for (int k = 0; k < 2; k++) {
        out[k].c = (char)('a' + t_rank % 26);
        out[k].d = t_rank + 0.25 * k;
        for (int j = 0; j < 3; j++)
            out[k].i[j] = 100 * t_rank + 10 * k + j;
    }
    ring(out, 2, a, in, 2, a);
    int l = left_rank();
    for (int k = 0; k < 2; k++) {
        CHECK(in[k].c == (char)('a' + l % 26));
        CHECK(in[k].d == l + 0.25 * k);
        CHECK(in[k].i[0] == 100 * l + 10 * k && in[k].i[2] == 100 * l + 10 * k + 2);
    }
    MPI_Type_free(&a);
    MPI_Type_free(&b);
    MPI_OK(PMPI_Type_struct(3, bl, disp, types, &a));
    MPI_Type_free(&a);
}

/* builds a Type_struct, checks its bounds, true bounds and size */
static MPI_Datatype marked(int n, int *bl, MPI_Aint *disp, MPI_Datatype *types, long lb, long ub, long tlb, long textent, int size)
{
    MPI_Datatype t = MPI_DATATYPE_NULL;
    MPI_OK(MPI_Type_struct(n, bl, disp, types, &t));
    if (t == MPI_DATATYPE_NULL)
        return t;
    check_bounds(t, lb, ub);
    MPI_Aint tl, te;
    int s;
    MPI_OK(MPI_Type_get_true_extent(t, &tl, &te));
    MPI_OK(MPI_Type_size(t, &s));
    CHECKF(tl == tlb && te == textent && s == size, "true lb %ld true extent %ld size %d", (long)tl, (long)te, s);
    MPI_OK(MPI_Type_commit(&t));
    return t;
}

static void test_struct_lb_ub(void)
{
    const MPI_Aint I = (MPI_Aint)sizeof(int);
    {   /* both markers around an int and a double */
        int bl[4] = {1, 1, 1, 1};
        MPI_Aint d[4] = {0, 4, 8, 24};
        MPI_Datatype ty[4] = {MPI_LB, MPI_INT, MPI_DOUBLE, MPI_UB};
        MPI_Datatype t = marked(4, bl, d, ty, 0, 24, 4, 12, 12);
        MPI_Type_free(&t);
    }
    {   /* an upper bound only: every third int of an array */
        int bl[2] = {1, 1};
        MPI_Aint d[2] = {0, 3 * I};
        MPI_Datatype ty[2] = {MPI_INT, MPI_UB};
        MPI_Datatype t = marked(2, bl, d, ty, 0, 3 * I, 0, I, (int)I);
        int src[9], got[3] = {-1, -1, -1};
        for (int i = 0; i < 9; i++)
            src[i] = 10 * t_rank + i;
        ring(src, 3, t, got, 3, MPI_INT);
        int l = left_rank();
        CHECKF(got[0] == 10 * l && got[1] == 10 * l + 3 && got[2] == 10 * l + 6, "%d %d %d", got[0], got[1], got[2]);
        /* and received through the type: gaps stay untouched */
        int dst[9];
        for (int i = 0; i < 9; i++)
            dst[i] = -7;
        ring(src, 3, MPI_INT, dst, 3, t);
        CHECK(dst[0] == 10 * l && dst[3] == 10 * l + 1 && dst[6] == 10 * l + 2);
        CHECK(dst[1] == -7 && dst[2] == -7 && dst[4] == -7 && dst[8] == -7);
        MPI_Type_free(&t);
    }
    {   /* a lower bound only, below an int */
        int bl[2] = {1, 1};
        MPI_Aint d[2] = {-I, 0};
        MPI_Datatype ty[2] = {MPI_LB, MPI_INT};
        MPI_Datatype t = marked(2, bl, d, ty, -I, I, 0, I, (int)I);
        MPI_Type_free(&t);
    }
    {   /* two lower bounds: the lowest counts */
        int bl[4] = {1, 1, 1, 1};
        MPI_Aint d[4] = {16, 4, 2, 30};
        MPI_Datatype ty[4] = {MPI_LB, MPI_INT, MPI_LB, MPI_UB};
        MPI_Datatype t = marked(4, bl, d, ty, 2, 30, 4, I, (int)I);
        MPI_Type_free(&t);
    }
    {   /* two upper bounds: the highest counts */
        int bl[3] = {1, 1, 1};
        MPI_Aint d[3] = {0, 0, 2 * I};
        MPI_Datatype ty[3] = {MPI_UB, MPI_INT, MPI_UB};
        MPI_Datatype t = marked(3, bl, d, ty, 0, 2 * I, 0, I, (int)I);
        MPI_Type_free(&t);
    }
    {   /* a block of three ints between markers, sent two at a time */
        int bl[3] = {1, 3, 1};
        MPI_Aint d[3] = {-2 * I, 0, 10 * I};
        MPI_Datatype ty[3] = {MPI_LB, MPI_INT, MPI_UB};
        MPI_Datatype t = marked(3, bl, d, ty, -2 * I, 10 * I, 0, 3 * I, 3 * (int)I);
        int src[24], got[6];
        for (int i = 0; i < 24; i++)
            src[i] = 100 * t_rank + i;
        /* elements start at src + 2, one extent (12 ints) apart */
        ring(src + 2, 2, t, got, 6, MPI_INT);
        int l = left_rank();
        int ok = got[0] == 100 * l + 2 && got[2] == 100 * l + 4 && got[3] == 100 * l + 14 && got[5] == 100 * l + 16;
        CHECKF(ok, "%d %d %d %d", got[0], got[2], got[3], got[5]);
        MPI_Type_free(&t);
    }
}

static int handler_calls, handler_class;
static MPI_Comm handler_comm;

static void count_errors(MPI_Comm *comm, int *code, ...)
{
    handler_calls++;
    handler_comm = *comm;
    MPI_Error_class(*code, &handler_class);
}

static void test_errhandler(void)
{
    MPI_Comm c;
    MPI_Errhandler eh = MPI_ERRHANDLER_NULL, got = MPI_ERRHANDLER_NULL;
    MPI_OK(MPI_Comm_dup(W, &c));
    MPI_OK(MPI_Errhandler_create(count_errors, &eh));
    CHECK(eh != MPI_ERRHANDLER_NULL);
    MPI_OK(MPI_Errhandler_set(c, eh));
    MPI_OK(MPI_Errhandler_get(c, &got));
    CHECK(got == eh);
    MPI_Errhandler_free(&got);
    int x = 1;
    int rc = MPI_Send(&x, 1, MPI_INT, t_size, 0, c); /* no such rank */
    int class = -1;
    MPI_Error_class(rc, &class);
    CHECKF(rc != MPI_SUCCESS && class == MPI_ERR_RANK, "rc %d class %d", rc, class);
    CHECKF(handler_calls == 1 && handler_class == MPI_ERR_RANK, "calls %d class %d", handler_calls, handler_class);
    CHECK(handler_comm == c);
    MPI_OK(MPI_Errhandler_set(c, MPI_ERRORS_RETURN));
    MPI_OK(MPI_Errhandler_get(c, &got));
    CHECK(got == MPI_ERRORS_RETURN);
    rc = MPI_Send(&x, 1, MPI_INT, t_size, 0, c);
    CHECK(rc != MPI_SUCCESS && handler_calls == 1);
    MPI_OK(PMPI_Errhandler_get(W, &got));
    CHECK(got == MPI_ERRORS_ARE_FATAL);
    MPI_OK(MPI_Errhandler_free(&eh));
    CHECK(eh == MPI_ERRHANDLER_NULL);
    MPI_OK(MPI_Comm_free(&c));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("removed");

    t_begin("address");
    test_address();
    t_end();
    t_begin("extent-lb-ub");
    test_extent_lb_ub();
    t_end();
    t_begin("hvector");
    test_hvector();
    t_end();
    t_begin("hindexed");
    test_hindexed();
    t_end();
    t_begin("struct");
    test_struct();
    t_end();
    t_begin("struct-lb-ub");
    test_struct_lb_ub();
    t_end();
    t_begin("errhandler");
    test_errhandler();
    t_end();

    return t_finish();
}
