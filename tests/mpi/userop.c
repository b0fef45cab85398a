/*
 * userop.c - user-defined reduction operations: MPI_Op_create/MPI_Op_free
 * with C functions, MPI_Op_commutative (both user ops and MPI_SUM), used by
 * MPI_Reduce (every root), MPI_Allreduce (also in place), MPI_Scan,
 * MPI_Exscan, MPI_Reduce_scatter_block, MPI_Ireduce, MPI_Iallreduce and
 * MPI_Reduce_local.
 *
 * The commutative op sums complex numbers stored as struct {double re, im}
 * over a contiguous type of two doubles (small integers, so every order of
 * summation is exact). The non-commutative op multiplies 2x2 integer
 * matrices (unsigned, exact modulo 2^32) over a contiguous type of four
 * unsigned ints: MPI computes
 * invec op inoutvec with invec from the lower ranks, so the reduction of
 * M(0), ..., M(p-1) must be exactly the ordered product M(0) M(1) ... M(p-1),
 * which differs from any other order for the matrices used here.
 * The op functions also check that they are called with the datatype of the
 * reduction.
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

typedef struct {
    double re, im;
} cplx_t;

/* unsigned, so that products wrap modulo 2^32 at any rank count */
typedef struct {
    unsigned m[4]; /* row-major: m[0] m[1] / m[2] m[3] */
} mat_t;

static MPI_Datatype cplx_type, mat_type;
static MPI_Op cplx_op, mat_op;
static int op_bad_type; /* calls with a datatype other than the expected one */

static void cplx_sum(void *in, void *inout, int *len, MPI_Datatype *dt)
{
    const cplx_t *a = in;
    cplx_t *b = inout;
    if (*dt != cplx_type)
        op_bad_type++;
    for (int i = 0; i < *len; i++) {
        b[i].re += a[i].re;
        b[i].im += a[i].im;
    }
}

static mat_t mat_mul2(mat_t x, mat_t y)
{
    mat_t z;
    z.m[0] = x.m[0] * y.m[0] + x.m[1] * y.m[2];
    z.m[1] = x.m[0] * y.m[1] + x.m[1] * y.m[3];
    z.m[2] = x.m[2] * y.m[0] + x.m[3] * y.m[2];
    z.m[3] = x.m[2] * y.m[1] + x.m[3] * y.m[3];
    return z;
}

/* inout = in * inout: in holds the product of the lower ranks */
static void mat_mul(void *in, void *inout, int *len, MPI_Datatype *dt)
{
    const mat_t *a = in;
    mat_t *b = inout;
    if (*dt != mat_type)
        op_bad_type++;
    for (int i = 0; i < *len; i++)
        b[i] = mat_mul2(a[i], b[i]);
}

/* rank r's k-th values */
static cplx_t cv(int r, int k)
{
    cplx_t c = {r + 1.0 + k, -2.0 * r + k * 0.5};
    return c;
}
static mat_t mv(int r, int k)
{
    /* [a b; 1 d] commutes with [c e; 1 f] only if b == e: b differs
     * between neighbouring ranks */
    mat_t m = {{(unsigned)r % 4 + 1, (unsigned)(k + r) % 5 + 1, 1, (unsigned)(k + r) % 2}};
    return m;
}

/* expected results over ranks lo..hi (inclusive, in this order) */
static cplx_t csum(int lo, int hi, int k)
{
    cplx_t s = {0.0, 0.0};
    for (int r = lo; r <= hi; r++) {
        s.re += cv(r, k).re;
        s.im += cv(r, k).im;
    }
    return s;
}
static mat_t mprod(int lo, int hi, int k)
{
    mat_t p = mv(lo, k);
    for (int r = lo + 1; r <= hi; r++)
        p = mat_mul2(p, mv(r, k));
    return p;
}
static int ceq(cplx_t a, cplx_t b) { return a.re == b.re && a.im == b.im; }
static int meq(mat_t a, mat_t b) { return memcmp(a.m, b.m, sizeof a.m) == 0; }

#define NC 3 /* complex numbers per rank */
#define NM 2 /* matrices per rank */

static void fill(cplx_t *c, mat_t *m, int r)
{
    for (int k = 0; k < NC; k++)
        c[k] = cv(r, k);
    for (int k = 0; k < NM; k++)
        m[k] = mv(r, k);
}

static void test_create_commutative(void)
{
    int c = -1;
    MPI_OK(MPI_Type_contiguous(2, MPI_DOUBLE, &cplx_type));
    MPI_OK(MPI_Type_commit(&cplx_type));
    MPI_OK(MPI_Type_contiguous(4, MPI_UNSIGNED, &mat_type));
    MPI_OK(MPI_Type_commit(&mat_type));
    MPI_OK(MPI_Op_create(cplx_sum, 1, &cplx_op));
    MPI_OK(MPI_Op_create(mat_mul, 0, &mat_op));
    CHECK(cplx_op != MPI_OP_NULL && mat_op != MPI_OP_NULL && cplx_op != mat_op);
    MPI_OK(MPI_Op_commutative(cplx_op, &c));
    CHECKF(c == 1, "complex sum commutative=%d", c);
    c = -1;
    MPI_OK(MPI_Op_commutative(mat_op, &c));
    CHECKF(c == 0, "matrix product commutative=%d", c);
    c = -1;
    MPI_OK(MPI_Op_commutative(MPI_SUM, &c));
    CHECKF(c == 1, "MPI_SUM commutative=%d", c);
    /* the test matrices do not commute, so order errors show */
    for (int r = 0; r + 1 < t_size; r++)
        for (int k = 0; k < 4; k++)
            CHECKF(!meq(mat_mul2(mv(r, k), mv(r + 1, k)), mat_mul2(mv(r + 1, k), mv(r, k))),
                   "M(%d,%d) and M(%d,%d) commute", r, k, r + 1, k);
}

static void test_reduce(void)
{
    for (int root = 0; root < t_size; root++) {
        cplx_t cs[NC], cr[NC];
        mat_t ms[NM], mr[NM];
        fill(cs, ms, t_rank);
        memset(cr, 0, sizeof cr);
        memset(mr, 0, sizeof mr);
        MPI_OK(MPI_Reduce(cs, cr, NC, cplx_type, cplx_op, root, W));
        MPI_OK(MPI_Reduce(ms, mr, NM, mat_type, mat_op, root, W));
        if (t_rank == root) {
            for (int k = 0; k < NC; k++)
                CHECKF(ceq(cr[k], csum(0, t_size - 1, k)), "root %d c[%d]=%g%+gi", root, k,
                       cr[k].re, cr[k].im);
            for (int k = 0; k < NM; k++)
                CHECKF(meq(mr[k], mprod(0, t_size - 1, k)), "root %d m[%d]=[%u %u; %u %u]",
                       root, k, mr[k].m[0], mr[k].m[1], mr[k].m[2], mr[k].m[3]);
        }
        /* in place at the root */
        fill(cs, ms, t_rank);
        if (t_rank == root) {
            MPI_OK(MPI_Reduce(MPI_IN_PLACE, ms, NM, mat_type, mat_op, root, W));
            for (int k = 0; k < NM; k++)
                CHECKF(meq(ms[k], mprod(0, t_size - 1, k)), "in place root %d m[%d]", root, k);
        } else {
            MPI_OK(MPI_Reduce(ms, NULL, NM, mat_type, mat_op, root, W));
        }
    }
}

static void test_allreduce(void)
{
    cplx_t cs[NC], cr[NC];
    mat_t ms[NM], mr[NM];
    fill(cs, ms, t_rank);
    MPI_OK(MPI_Allreduce(cs, cr, NC, cplx_type, cplx_op, W));
    MPI_OK(MPI_Allreduce(ms, mr, NM, mat_type, mat_op, W));
    for (int k = 0; k < NC; k++)
        CHECKF(ceq(cr[k], csum(0, t_size - 1, k)), "c[%d]=%g%+gi", k, cr[k].re, cr[k].im);
    for (int k = 0; k < NM; k++)
        CHECKF(meq(mr[k], mprod(0, t_size - 1, k)), "m[%d]=[%u %u; %u %u]", k, mr[k].m[0],
               mr[k].m[1], mr[k].m[2], mr[k].m[3]);
    MPI_OK(MPI_Allreduce(MPI_IN_PLACE, ms, NM, mat_type, mat_op, W));
    MPI_OK(MPI_Allreduce(MPI_IN_PLACE, cs, NC, cplx_type, cplx_op, W));
    for (int k = 0; k < NM; k++)
        CHECKF(meq(ms[k], mprod(0, t_size - 1, k)), "in place m[%d]", k);
    for (int k = 0; k < NC; k++)
        CHECKF(ceq(cs[k], csum(0, t_size - 1, k)), "in place c[%d]", k);
    /* a longer vector of matrices, where implementations may segment */
    enum { LONG = 1000 };
    mat_t *a = malloc(sizeof(mat_t) * LONG), *b = malloc(sizeof(mat_t) * LONG);
    for (int k = 0; k < LONG; k++)
        a[k] = mv(t_rank, k);
    MPI_OK(MPI_Allreduce(a, b, LONG, mat_type, mat_op, W));
    int bad = 0;
    for (int k = 0; k < LONG; k++)
        bad += !meq(b[k], mprod(0, t_size - 1, k));
    CHECKF(bad == 0, "%d of %d long products wrong", bad, LONG);
    free(a);
    free(b);
}

static void test_scan(void)
{
    cplx_t cs[NC], cr[NC];
    mat_t ms[NM], mr[NM];
    fill(cs, ms, t_rank);
    MPI_OK(MPI_Scan(cs, cr, NC, cplx_type, cplx_op, W));
    MPI_OK(MPI_Scan(ms, mr, NM, mat_type, mat_op, W));
    for (int k = 0; k < NC; k++)
        CHECKF(ceq(cr[k], csum(0, t_rank, k)), "scan c[%d]", k);
    for (int k = 0; k < NM; k++)
        CHECKF(meq(mr[k], mprod(0, t_rank, k)), "scan m[%d]=[%u %u; %u %u]", k, mr[k].m[0],
               mr[k].m[1], mr[k].m[2], mr[k].m[3]);
    /* in place */
    MPI_OK(MPI_Scan(MPI_IN_PLACE, ms, NM, mat_type, mat_op, W));
    for (int k = 0; k < NM; k++)
        CHECKF(meq(ms[k], mprod(0, t_rank, k)), "scan in place m[%d]", k);
    /* Exscan: rank r gets ranks 0..r-1; rank 0's result is undefined */
    fill(cs, ms, t_rank);
    MPI_OK(MPI_Exscan(cs, cr, NC, cplx_type, cplx_op, W));
    MPI_OK(MPI_Exscan(ms, mr, NM, mat_type, mat_op, W));
    if (t_rank > 0) {
        for (int k = 0; k < NC; k++)
            CHECKF(ceq(cr[k], csum(0, t_rank - 1, k)), "exscan c[%d]", k);
        for (int k = 0; k < NM; k++)
            CHECKF(meq(mr[k], mprod(0, t_rank - 1, k)), "exscan m[%d]=[%u %u; %u %u]", k,
                   mr[k].m[0], mr[k].m[1], mr[k].m[2], mr[k].m[3]);
    }
}

static void test_reduce_scatter_block(void)
{
    /* block j (NM matrices, NC complex numbers) goes to rank j */
    mat_t *ms = malloc(sizeof(mat_t) * NM * (size_t)t_size), mr[NM];
    cplx_t *cs = malloc(sizeof(cplx_t) * NC * (size_t)t_size), cr[NC];
    for (int j = 0; j < t_size; j++) {
        for (int k = 0; k < NM; k++)
            ms[j * NM + k] = mv(t_rank, j * NM + k);
        for (int k = 0; k < NC; k++)
            cs[j * NC + k] = cv(t_rank, j * NC + k);
    }
    MPI_OK(MPI_Reduce_scatter_block(ms, mr, NM, mat_type, mat_op, W));
    MPI_OK(MPI_Reduce_scatter_block(cs, cr, NC, cplx_type, cplx_op, W));
    for (int k = 0; k < NM; k++)
        CHECKF(meq(mr[k], mprod(0, t_size - 1, t_rank * NM + k)), "m[%d]=[%u %u; %u %u]", k,
               mr[k].m[0], mr[k].m[1], mr[k].m[2], mr[k].m[3]);
    for (int k = 0; k < NC; k++)
        CHECKF(ceq(cr[k], csum(0, t_size - 1, t_rank * NC + k)), "c[%d]", k);
    /* in place: the result is the first block */
    MPI_OK(MPI_Reduce_scatter_block(MPI_IN_PLACE, ms, NM, mat_type, mat_op, W));
    for (int k = 0; k < NM; k++)
        CHECKF(meq(ms[k], mprod(0, t_size - 1, t_rank * NM + k)), "in place m[%d]", k);
    free(ms);
    free(cs);
}

static void test_nonblocking(void)
{
    cplx_t cs[NC], cr[NC];
    mat_t ms[NM], mr[NM], ms2[NM], mroot[NM];
    MPI_Request rq[3];
    fill(cs, ms, t_rank);
    fill(cs, ms2, t_rank);
    memset(mroot, 0, sizeof mroot);
    int root = t_size - 1;
    MPI_OK(MPI_Iallreduce(ms, mr, NM, mat_type, mat_op, W, &rq[0]));
    MPI_OK(MPI_Iallreduce(cs, cr, NC, cplx_type, cplx_op, W, &rq[1]));
    MPI_OK(MPI_Ireduce(ms2, mroot, NM, mat_type, mat_op, root, W, &rq[2]));
    MPI_OK(MPI_Waitall(3, rq, MPI_STATUSES_IGNORE));
    for (int k = 0; k < NM; k++)
        CHECKF(meq(mr[k], mprod(0, t_size - 1, k)), "iallreduce m[%d]", k);
    for (int k = 0; k < NC; k++)
        CHECKF(ceq(cr[k], csum(0, t_size - 1, k)), "iallreduce c[%d]", k);
    if (t_rank == root)
        for (int k = 0; k < NM; k++)
            CHECKF(meq(mroot[k], mprod(0, t_size - 1, k)), "ireduce m[%d]", k);
    /* Ireduce of complex numbers to root 0, completed by a Test loop */
    MPI_Request r1;
    int flag = 0;
    memset(cr, 0, sizeof cr);
    MPI_OK(MPI_Ireduce(cs, cr, NC, cplx_type, cplx_op, 0, W, &r1));
    while (!flag)
        MPI_OK(MPI_Test(&r1, &flag, MPI_STATUS_IGNORE));
    CHECK(r1 == MPI_REQUEST_NULL);
    if (t_rank == 0)
        for (int k = 0; k < NC; k++)
            CHECKF(ceq(cr[k], csum(0, t_size - 1, k)), "ireduce c[%d]", k);
}

static void test_reduce_local(void)
{
    /* inout = in op inout */
    mat_t a[NM], b[NM];
    for (int k = 0; k < NM; k++) {
        a[k] = mv(1, k);
        b[k] = mv(2, k);
    }
    MPI_OK(MPI_Reduce_local(a, b, NM, mat_type, mat_op));
    for (int k = 0; k < NM; k++)
        CHECK(meq(b[k], mat_mul2(mv(1, k), mv(2, k))));
    cplx_t c[NC], d[NC];
    for (int k = 0; k < NC; k++) {
        c[k] = cv(1, k);
        d[k] = cv(3, k);
    }
    MPI_OK(MPI_Reduce_local(c, d, NC, cplx_type, cplx_op));
    for (int k = 0; k < NC; k++)
        CHECK(d[k].re == cv(1, k).re + cv(3, k).re && d[k].im == cv(1, k).im + cv(3, k).im);
}

static void test_free(void)
{
    CHECKF(op_bad_type == 0, "%d op calls with another datatype", op_bad_type);
    MPI_OK(MPI_Op_free(&cplx_op));
    MPI_OK(MPI_Op_free(&mat_op));
    CHECK(cplx_op == MPI_OP_NULL && mat_op == MPI_OP_NULL);
    MPI_OK(MPI_Type_free(&cplx_type));
    MPI_OK(MPI_Type_free(&mat_type));
    /* an op created after the others were freed works */
    MPI_Op op;
    int x = t_rank + 1, y = 0;
    MPI_OK(MPI_Type_contiguous(4, MPI_UNSIGNED, &mat_type));
    MPI_OK(MPI_Type_commit(&mat_type));
    MPI_OK(MPI_Op_create(mat_mul, 0, &op));
    mat_t a = mv(t_rank, 5), b;
    MPI_OK(MPI_Allreduce(&a, &b, 1, mat_type, op, W));
    CHECK(meq(b, mprod(0, t_size - 1, 5)));
    MPI_OK(MPI_Op_free(&op));
    MPI_OK(MPI_Type_free(&mat_type));
    MPI_OK(MPI_Allreduce(&x, &y, 1, MPI_INT, MPI_SUM, W));
    CHECK(y == t_size * (t_size + 1) / 2);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("userop");

    t_begin("op-create-commutative");
    test_create_commutative();
    t_end();
    t_begin("reduce");
    test_reduce();
    t_end();
    t_begin("allreduce");
    test_allreduce();
    t_end();
    t_begin("scan-exscan");
    test_scan();
    t_end();
    t_begin("reduce-scatter-block");
    test_reduce_scatter_block();
    t_end();
    t_begin("ireduce-iallreduce");
    test_nonblocking();
    t_end();
    t_begin("reduce-local");
    test_reduce_local();
    t_end();
    t_begin("op-free");
    test_free();
    t_end();

    return t_finish();
}
