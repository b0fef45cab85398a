/*
 * ops.c - every predefined reduction operation with MPI_Allreduce over the
 * datatypes MPI-3.1 section 5.9.2 defines it for:
 *   MPI_MAX, MPI_MIN     C integer, floating point, multi-language types
 *   MPI_SUM, MPI_PROD    C integer, floating point, complex, multi-language
 *   MPI_LAND, MPI_LOR, MPI_LXOR   C integer, logical (MPI_C_BOOL)
 *   MPI_BAND, MPI_BOR, MPI_BXOR   C integer, byte, multi-language types
 *   MPI_MAXLOC, MPI_MINLOC  MPI_FLOAT_INT, MPI_DOUBLE_INT, MPI_LONG_INT,
 *                           MPI_2INT, MPI_SHORT_INT (ties: lowest index)
 * Expected values are computed by folding every rank's contribution in rank
 * order (rank 0's value alone when np == 1), so logical results are 0/1
 * except for np == 1 where MPI returns the input unchanged.
 *
 * Not tested here:
 * - MPI_REPLACE and MPI_NO_OP: MPI-3.1 defines them for the RMA accumulate
 *   functions only; Open MPI 4.1 rejects them in MPI_Reduce_local (and the
 *   collectives) with MPI_ERR_OP, so they belong to the RMA tests.
 * - MPI_LONG_DOUBLE, MPI_C_LONG_DOUBLE_COMPLEX, MPI_LONG_DOUBLE_INT: the
 *   wasm32 guest's long double (IEEE binary128) is not the x86-64 host's
 *   (x87 80-bit), so a host-side reduction cannot be right for the guest.
 * - MPI_CHAR, MPI_WCHAR: not in any reduction category.
 * All values are small enough that no sum or product overflows (wraps) and
 * every floating-point result is exact in any order of evaluation.
 */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <stdbool.h>
#include <complex.h>

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
#define NE 6 /* elements per reduction */

enum { K_MAX, K_MIN, K_SUM, K_PROD, K_LAND, K_LOR, K_LXOR, K_BAND, K_BOR,
       K_BXOR, K_COUNT };
static const char *const op_names[K_COUNT] = {
    "MPI_MAX", "MPI_MIN", "MPI_SUM", "MPI_PROD", "MPI_LAND",
    "MPI_LOR", "MPI_LXOR", "MPI_BAND", "MPI_BOR", "MPI_BXOR"};
static MPI_Op op_of(int k)
{
    switch (k) {
    case K_MAX: return MPI_MAX;
    case K_MIN: return MPI_MIN;
    case K_SUM: return MPI_SUM;
    case K_PROD: return MPI_PROD;
    case K_LAND: return MPI_LAND;
    case K_LOR: return MPI_LOR;
    case K_LXOR: return MPI_LXOR;
    case K_BAND: return MPI_BAND;
    case K_BOR: return MPI_BOR;
    default: return MPI_BXOR;
    }
}
#define M_ARITH ((1 << K_MAX) | (1 << K_MIN) | (1 << K_SUM) | (1 << K_PROD))
#define M_LOGIC ((1 << K_LAND) | (1 << K_LOR) | (1 << K_LXOR))
#define M_BITS ((1 << K_BAND) | (1 << K_BOR) | (1 << K_BXOR))
#define M_CINT (M_ARITH | M_LOGIC | M_BITS)
#define M_MULTI (M_ARITH | M_BITS)

/* contribution of rank r at element i for operation kind k */
static long long gen(int k, int is_signed, int r, int i)
{
    switch (k) {
    case K_MAX:
    case K_MIN:
    case K_SUM:
        return is_signed ? ((r * 3 + i * 5) % 7) - 3 : (r * 3 + i * 5) % 7;
    case K_PROD: /* only the first 4 ranks contribute factors other than 1 */
        return r < 4 ? ((r + i) % 3) + 1 : 1;
    case K_LAND:
    case K_LOR:
    case K_LXOR: /* element 0 all true, element 1 all false, others mixed */
        return i == 0 ? 2 : i == 1 ? 0 : (r + i) % 3;
    default: /* bit patterns that fit in 7 bits */
        return ((r + 1) * 0x25 + i * 0x13) & 0x7f;
    }
}

/* integer types: C integers, MPI_BYTE, multi-language types.
 * SGN: 1 to use negative values for MAX/MIN/SUM (signed types).
 * HI: 1 to give the odd ranks values with the top bit set for MAX/MIN at
 * elements 4 and 5 (unsigned types), which catches signed comparisons. */
#define INT_OPS(FN, CT, MT, MASK, SGN, HI)                                   \
    static CT FN##_val(int k, int r, int i)                                  \
    {                                                                        \
        CT v = (CT)gen(k, SGN, r, i);                                        \
        if ((HI) && k <= K_MIN && i >= 4 && r % 2)                           \
            v = (CT)((CT)~(CT)0 - v);                                        \
        return v;                                                            \
    }                                                                        \
    static void FN(void)                                                     \
    {                                                                        \
        for (int k = 0; k < K_COUNT; k++) {                                  \
            if (!((MASK) & (1 << k)))                                        \
                continue;                                                    \
            CT in[NE], out[NE], ex[NE];                                      \
            for (int i = 0; i < NE; i++) {                                   \
                in[i] = FN##_val(k, t_rank, i);                              \
                out[i] = (CT)99;                                             \
                CT a = FN##_val(k, 0, i);                                    \
                for (int r = 1; r < t_size; r++) {                           \
                    CT b = FN##_val(k, r, i);                                \
                    switch (k) {                                             \
                    case K_MAX: a = a > b ? a : b; break;                    \
                    case K_MIN: a = a < b ? a : b; break;                    \
                    case K_SUM: a = (CT)(a + b); break;                      \
                    case K_PROD: a = (CT)(a * b); break;                     \
                    case K_LAND: a = (CT)(a && b); break;                    \
                    case K_LOR: a = (CT)(a || b); break;                     \
                    case K_LXOR: a = (CT)(!a != !b); break;                  \
                    case K_BAND: a = (CT)(a & b); break;                     \
                    case K_BOR: a = (CT)(a | b); break;                      \
                    default: a = (CT)(a ^ b); break;                         \
                    }                                                        \
                }                                                            \
                ex[i] = a;                                                   \
            }                                                                \
            MPI_OK(MPI_Allreduce(in, out, NE, MT, op_of(k), W));             \
            for (int i = 0; i < NE; i++)                                     \
                CHECKF(out[i] == ex[i], "%s %s [%d]: got %lld expected %lld", \
                       #MT, op_names[k], i, (long long)out[i],               \
                       (long long)ex[i]);                                    \
        }                                                                    \
    }

INT_OPS(ops_int, int, MPI_INT, M_CINT, 1, 0)
INT_OPS(ops_long, long, MPI_LONG, M_CINT, 1, 0)
INT_OPS(ops_short, short, MPI_SHORT, M_CINT, 1, 0)
INT_OPS(ops_ushort, unsigned short, MPI_UNSIGNED_SHORT, M_CINT, 0, 1)
INT_OPS(ops_unsigned, unsigned, MPI_UNSIGNED, M_CINT, 0, 1)
/* HI = 0: Open MPI 4.1.2-4.1.4 compares MPI_UNSIGNED_LONG as signed long in
 * MPI_MAX/MPI_MIN (open-mpi/ompi#10525), so only values below 2^31 here */
INT_OPS(ops_ulong, unsigned long, MPI_UNSIGNED_LONG, M_CINT, 0, 0)
INT_OPS(ops_longlong, long long, MPI_LONG_LONG, M_CINT, 1, 0)
INT_OPS(ops_longlongint, long long, MPI_LONG_LONG_INT, M_CINT, 1, 0)
INT_OPS(ops_ulonglong, unsigned long long, MPI_UNSIGNED_LONG_LONG, M_CINT, 0, 1)
INT_OPS(ops_schar, signed char, MPI_SIGNED_CHAR, M_CINT, 1, 0)
INT_OPS(ops_uchar, unsigned char, MPI_UNSIGNED_CHAR, M_CINT, 0, 1)
INT_OPS(ops_int8, int8_t, MPI_INT8_T, M_CINT, 1, 0)
INT_OPS(ops_int16, int16_t, MPI_INT16_T, M_CINT, 1, 0)
INT_OPS(ops_int32, int32_t, MPI_INT32_T, M_CINT, 1, 0)
INT_OPS(ops_int64, int64_t, MPI_INT64_T, M_CINT, 1, 0)
INT_OPS(ops_uint8, uint8_t, MPI_UINT8_T, M_CINT, 0, 1)
INT_OPS(ops_uint16, uint16_t, MPI_UINT16_T, M_CINT, 0, 1)
INT_OPS(ops_uint32, uint32_t, MPI_UINT32_T, M_CINT, 0, 1)
INT_OPS(ops_uint64, uint64_t, MPI_UINT64_T, M_CINT, 0, 1)
INT_OPS(ops_byte, unsigned char, MPI_BYTE, M_BITS, 0, 0)
INT_OPS(ops_aint, MPI_Aint, MPI_AINT, M_MULTI, 1, 0)
/* SGN = 0: Open MPI 4.1.4 compares MPI_OFFSET as unsigned in MPI_MAX/MPI_MIN
 * (MIN(0, -1) gives 0), so only non-negative offsets here */
INT_OPS(ops_offset, MPI_Offset, MPI_OFFSET, M_MULTI, 0, 0)
INT_OPS(ops_count, MPI_Count, MPI_COUNT, M_MULTI, 1, 0)

/* floating point: MAX, MIN, SUM, PROD; values are multiples of 1/2 */
#define FLOAT_OPS(FN, CT, MT)                                                \
    static void FN(void)                                                     \
    {                                                                        \
        for (int k = K_MAX; k <= K_PROD; k++) {                              \
            CT in[NE], out[NE], ex[NE];                                      \
            for (int i = 0; i < NE; i++) {                                   \
                in[i] = (CT)gen(k, 1, t_rank, i) * (CT)0.5;                  \
                out[i] = (CT)99;                                             \
                CT a = (CT)gen(k, 1, 0, i) * (CT)0.5;                        \
                for (int r = 1; r < t_size; r++) {                           \
                    CT b = (CT)gen(k, 1, r, i) * (CT)0.5;                    \
                    switch (k) {                                             \
                    case K_MAX: a = a > b ? a : b; break;                    \
                    case K_MIN: a = a < b ? a : b; break;                    \
                    case K_SUM: a = a + b; break;                            \
                    default: a = a * b; break;                               \
                    }                                                        \
                }                                                            \
                ex[i] = a;                                                   \
            }                                                                \
            MPI_OK(MPI_Allreduce(in, out, NE, MT, op_of(k), W));             \
            for (int i = 0; i < NE; i++)                                     \
                CHECKF(out[i] == ex[i], "%s %s [%d]: got %g expected %g",    \
                       #MT, op_names[k], i, (double)out[i], (double)ex[i]);  \
        }                                                                    \
    }

FLOAT_OPS(ops_float, float, MPI_FLOAT)
FLOAT_OPS(ops_double, double, MPI_DOUBLE)

/* complex: SUM and PROD on small Gaussian integers (exact) */
#define COMPLEX_OPS(FN, CT, RT, MT)                                          \
    static CT FN##_val(int k, int r, int i)                                  \
    {                                                                        \
        if (k == K_SUM)                                                      \
            return (RT)gen(K_SUM, 1, r, i) + (RT)(r + i) * (RT)0.5 * I;      \
        return (RT)gen(K_PROD, 0, r, i) + (RT)(r < 4 ? (r + i) % 2 : 0) * I; \
    }                                                                        \
    static void FN(void)                                                     \
    {                                                                        \
        for (int k = K_SUM; k <= K_PROD; k++) {                              \
            CT in[NE], out[NE], ex[NE];                                      \
            for (int i = 0; i < NE; i++) {                                   \
                in[i] = FN##_val(k, t_rank, i);                              \
                out[i] = 99;                                                 \
                CT a = FN##_val(k, 0, i);                                    \
                for (int r = 1; r < t_size; r++)                             \
                    a = k == K_SUM ? a + FN##_val(k, r, i)                   \
                                   : a * FN##_val(k, r, i);                  \
                ex[i] = a;                                                   \
            }                                                                \
            MPI_OK(MPI_Allreduce(in, out, NE, MT, op_of(k), W));             \
            for (int i = 0; i < NE; i++)                                     \
                CHECKF(out[i] == ex[i],                                      \
                       "%s %s [%d]: got %g%+gi expected %g%+gi", #MT,        \
                       op_names[k], i, (double)creal(out[i]),                \
                       (double)cimag(out[i]), (double)creal(ex[i]),          \
                       (double)cimag(ex[i]));                                \
        }                                                                    \
    }

COMPLEX_OPS(ops_cfloat, float complex, float, MPI_C_FLOAT_COMPLEX)
COMPLEX_OPS(ops_cdouble, double complex, double, MPI_C_DOUBLE_COMPLEX)
COMPLEX_OPS(ops_ccomplex, float complex, float, MPI_C_COMPLEX)

/* logical: MPI_C_BOOL with LAND, LOR, LXOR */
static void ops_bool(void)
{
    for (int k = K_LAND; k <= K_LXOR; k++) {
        bool in[NE], out[NE], ex[NE];
        for (int i = 0; i < NE; i++) {
            in[i] = gen(k, 0, t_rank, i) != 0;
            out[i] = false;
            bool a = gen(k, 0, 0, i) != 0;
            for (int r = 1; r < t_size; r++) {
                bool b = gen(k, 0, r, i) != 0;
                a = k == K_LAND ? (a && b) : k == K_LOR ? (a || b) : (a != b);
            }
            ex[i] = a;
        }
        MPI_OK(MPI_Allreduce(in, out, NE, MPI_C_BOOL, op_of(k), W));
        for (int i = 0; i < NE; i++)
            CHECKF(out[i] == ex[i], "MPI_C_BOOL %s [%d]: got %d expected %d",
                   op_names[k], i, (int)out[i], (int)ex[i]);
    }
}

/* MAXLOC / MINLOC. value(r,k): element 3 ties on every rank; other elements
 * tie on some ranks. index(r,k): the rank for even k, 50 - rank for odd k,
 * so that "lowest index wins" is not the same as "lowest rank wins". */
static int loc_value(int r, int k) { return k == 3 ? 7 : ((r * (k + 1)) % 3) - 1; }
static int loc_index(int r, int k) { return k % 2 == 0 ? r : 50 - r; }

#define LOC_OPS(FN, VT, MT)                                                  \
    static void FN(void)                                                     \
    {                                                                        \
        struct pair { VT v; int i; };                                        \
        for (int m = 0; m < 2; m++) { /* 0: MAXLOC, 1: MINLOC */             \
            struct pair in[NE], out[NE], ex[NE];                             \
            for (int k = 0; k < NE; k++) {                                   \
                in[k].v = (VT)loc_value(t_rank, k);                          \
                in[k].i = loc_index(t_rank, k);                              \
                out[k].v = (VT)99;                                           \
                out[k].i = -99;                                              \
                struct pair a = {(VT)loc_value(0, k), loc_index(0, k)};      \
                for (int r = 1; r < t_size; r++) {                           \
                    struct pair b = {(VT)loc_value(r, k), loc_index(r, k)};  \
                    int better = m == 0 ? b.v > a.v : b.v < a.v;             \
                    if (better || (b.v == a.v && b.i < a.i))                 \
                        a = b;                                               \
                }                                                            \
                ex[k] = a;                                                   \
            }                                                                \
            MPI_OK(MPI_Allreduce(in, out, NE, MT, m ? MPI_MINLOC : MPI_MAXLOC, \
                                 W));                                        \
            for (int k = 0; k < NE; k++)                                     \
                CHECKF(out[k].v == ex[k].v && out[k].i == ex[k].i,           \
                       "%s %s [%d]: got (%g,%d) expected (%g,%d)", #MT,      \
                       m ? "MPI_MINLOC" : "MPI_MAXLOC", k, (double)out[k].v, \
                       out[k].i, (double)ex[k].v, ex[k].i);                  \
        }                                                                    \
    }

LOC_OPS(loc_float_int, float, MPI_FLOAT_INT)
LOC_OPS(loc_double_int, double, MPI_DOUBLE_INT)
LOC_OPS(loc_long_int, long, MPI_LONG_INT)
LOC_OPS(loc_2int, int, MPI_2INT)
LOC_OPS(loc_short_int, short, MPI_SHORT_INT)

/* MPI_Reduce_local with a few ops, including a non-commutative-looking
 * order check: inoutbuf = inbuf op inoutbuf */
static void reduce_local_ops(void)
{
    int in[3] = {6, 0, -3}, io[3] = {5, 1, -4};
    MPI_OK(MPI_Reduce_local(in, io, 3, MPI_INT, MPI_MIN));
    CHECK(io[0] == 5 && io[1] == 0 && io[2] == -4);
    int l1[3] = {1, 0, 3}, l2[3] = {0, 0, 5};
    MPI_OK(MPI_Reduce_local(l1, l2, 3, MPI_INT, MPI_LXOR));
    CHECK(l2[0] == 1 && l2[1] == 0 && l2[2] == 0);
    unsigned b1[2] = {0xF0F0u, 0x1u}, b2[2] = {0xFF00u, 0x3u};
    MPI_OK(MPI_Reduce_local(b1, b2, 2, MPI_UNSIGNED, MPI_BXOR));
    CHECK(b2[0] == 0x0FF0u && b2[1] == 0x2u);
    struct { double v; int i; } p1 = {2.0, 7}, p2 = {2.0, 3};
    MPI_OK(MPI_Reduce_local(&p1, &p2, 1, MPI_DOUBLE_INT, MPI_MAXLOC));
    CHECK(p2.v == 2.0 && p2.i == 3);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("ops");

    static const struct {
        const char *name;
        void (*fn)(void);
    } tests[] = {
        {"int", ops_int},
        {"long", ops_long},
        {"short", ops_short},
        {"unsigned-short", ops_ushort},
        {"unsigned", ops_unsigned},
        {"unsigned-long", ops_ulong},
        {"long-long", ops_longlong},
        {"long-long-int", ops_longlongint},
        {"unsigned-long-long", ops_ulonglong},
        {"signed-char", ops_schar},
        {"unsigned-char", ops_uchar},
        {"int8", ops_int8},
        {"int16", ops_int16},
        {"int32", ops_int32},
        {"int64", ops_int64},
        {"uint8", ops_uint8},
        {"uint16", ops_uint16},
        {"uint32", ops_uint32},
        {"uint64", ops_uint64},
        {"byte", ops_byte},
        {"aint", ops_aint},
        {"offset", ops_offset},
        {"count", ops_count},
        {"float", ops_float},
        {"double", ops_double},
        {"c-float-complex", ops_cfloat},
        {"c-double-complex", ops_cdouble},
        {"c-complex", ops_ccomplex},
        {"c-bool", ops_bool},
        {"maxloc-minloc-float-int", loc_float_int},
        {"maxloc-minloc-double-int", loc_double_int},
        {"maxloc-minloc-long-int", loc_long_int},
        {"maxloc-minloc-2int", loc_2int},
        {"maxloc-minloc-short-int", loc_short_int},
        {"reduce-local", reduce_local_ops},
    };
    char name[64];
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        snprintf(name, sizeof name, "allreduce-%s", tests[i].name);
        if (strcmp(tests[i].name, "reduce-local") == 0)
            snprintf(name, sizeof name, "%s", tests[i].name);
        t_begin(name);
        tests[i].fn();
        t_end();
    }
    return t_finish();
}
