/*
 * types.c - every predefined C datatype: MPI_Type_size equals sizeof of
 * the C type, values survive MPI_Bcast (root = last rank) and a ring
 * MPI_Sendrecv bit-exactly (MPI_Get_count checked), and MPI_Allreduce works
 * where the type has a natural reduction:
 *   MPI_SUM: all C integer types, fixed-width integers, MPI_FLOAT,
 *            MPI_DOUBLE, MPI_C_FLOAT_COMPLEX, MPI_C_DOUBLE_COMPLEX,
 *            MPI_AINT, MPI_OFFSET, MPI_COUNT
 *   MPI_LOR: MPI_C_BOOL;  MPI_BOR: MPI_BYTE
 *   none:    MPI_CHAR, MPI_WCHAR, MPI_PACKED (no reduction defined),
 *            MPI_LONG_DOUBLE, MPI_C_LONG_DOUBLE_COMPLEX (the wasm32 guest's
 *            binary128 long double differs from the x86-64 host's, so only
 *            byte transport is meaningful)
 * Values use the extremes of each type where only transport is checked, so
 * that a wrong width or sign shows. sizeof is always used for sizes: long is
 * 4 bytes in the wasm32 guest and 8 natively.
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
#define NV 5

/* largest value of the signed type whose unsigned counterpart is UT */
#define SMAX(UT) ((UT)((UT)~(UT)0 >> 1))
/* signed: alternating near-max and near-min values */
#define S_BIG(CT, UT, r, i)                                                  \
    ((CT)((i) % 2 ? -(CT)SMAX(UT) - 1 + (r) + (i) : (CT)SMAX(UT) - (r) - (i)))
/* unsigned: near the maximum */
#define U_BIG(CT, r, i) ((CT)((CT)~(CT)0 - (CT)((r) * 7 + (i))))

#define F_SUM(a, b) ((a) + (b))
#define F_LOR(a, b) ((a) || (b))
#define F_BOR(a, b) ((a) | (b))
#define F_NONE(a, b) (a)

/* FN: function, CT: C type, MT: MPI type, BV(r,i): transport value,
 * SV(r,i): reduction value, OP/FOLD: reduction (HAS_OP 0: none) */
#define TYPE_TEST(FN, CT, MT, BV, SV, HAS_OP, OP, FOLD)                      \
    static void FN(void)                                                     \
    {                                                                        \
        int sz = -1, n = -1;                                                 \
        MPI_OK(MPI_Type_size(MT, &sz));                                      \
        CHECKF(sz == (int)sizeof(CT), "%s: Type_size %d, sizeof %d", #MT,    \
               sz, (int)sizeof(CT));                                         \
        int root = t_size - 1, L = (t_rank + t_size - 1) % t_size;           \
        CT b[NV], s[NV], r[NV], ex[NV];                                      \
        memset(b, 0, sizeof b);                                              \
        if (t_rank == root)                                                  \
            for (int i = 0; i < NV; i++)                                     \
                b[i] = BV(root, i);                                          \
        MPI_OK(MPI_Bcast(b, NV, MT, root, W));                               \
        for (int i = 0; i < NV; i++)                                         \
            CHECKF(b[i] == BV(root, i), "%s Bcast [%d]: got %g", #MT, i,     \
                   (double)b[i]);                                            \
        for (int i = 0; i < NV; i++)                                         \
            s[i] = BV(t_rank, i);                                            \
        memset(r, 0, sizeof r);                                              \
        MPI_Status st;                                                       \
        MPI_OK(MPI_Sendrecv(s, NV, MT, (t_rank + 1) % t_size, 7, r, NV, MT,  \
                            L, 7, W, &st));                                  \
        MPI_OK(MPI_Get_count(&st, MT, &n));                                  \
        CHECKF(n == NV, "%s Get_count %d", #MT, n);                          \
        for (int i = 0; i < NV; i++)                                         \
            CHECKF(r[i] == BV(L, i), "%s Sendrecv [%d]: got %g", #MT, i,     \
                   (double)r[i]);                                            \
        if (HAS_OP) {                                                        \
            for (int i = 0; i < NV; i++) {                                   \
                s[i] = SV(t_rank, i);                                        \
                CT a = SV(0, i);                                             \
                for (int k = 1; k < t_size; k++)                             \
                    a = (CT)FOLD(a, SV(k, i));                               \
                ex[i] = a;                                                   \
            }                                                                \
            memset(r, 0, sizeof r);                                          \
            MPI_OK(MPI_Allreduce(s, r, NV, MT, OP, W));                      \
            for (int i = 0; i < NV; i++)                                     \
                CHECKF(r[i] == ex[i], "%s %s [%d]: got %g expected %g", #MT, \
                       #OP, i, (double)r[i], (double)ex[i]);                 \
        }                                                                    \
    }

/* ---- value generators ---- */
#define BV_CHAR(r, i) ((char)('a' + (r) * 3 + (i)))
#define BV_SCHAR(r, i) S_BIG(signed char, unsigned char, r, i)
#define SV_SCHAR(r, i) ((signed char)(((r) + 1) * 5 - (i)))
#define BV_UCHAR(r, i) U_BIG(unsigned char, r, i)
#define BV_SHORT(r, i) S_BIG(short, unsigned short, r, i)
#define SV_SHORT(r, i) ((short)(((r) + 1) * 1000 - (i)))
#define BV_USHORT(r, i) U_BIG(unsigned short, r, i)
#define BV_INT(r, i) S_BIG(int, unsigned int, r, i)
#define SV_INT(r, i) ((int)(((r) + 1) * 100000 - (i)))
#define BV_UINT(r, i) U_BIG(unsigned int, r, i)
#define BV_LONG(r, i) S_BIG(long, unsigned long, r, i)
#define SV_LONG(r, i) ((long)(((r) + 1) * 100000L - (i)))
#define BV_ULONG(r, i) U_BIG(unsigned long, r, i)
#define BV_LL(r, i) S_BIG(long long, unsigned long long, r, i)
#define SV_LL(r, i) ((long long)((((long long)(r) + 1) << 33) - (i)))
#define BV_ULL(r, i) U_BIG(unsigned long long, r, i)
#define BV_I8(r, i) S_BIG(int8_t, uint8_t, r, i)
#define SV_I8(r, i) ((int8_t)(((r) + 1) * 5 - (i)))
#define BV_I16(r, i) S_BIG(int16_t, uint16_t, r, i)
#define SV_I16(r, i) ((int16_t)(((r) + 1) * 1000 - (i)))
#define BV_I32(r, i) S_BIG(int32_t, uint32_t, r, i)
#define SV_I32(r, i) ((int32_t)(((r) + 1) * 100000 - (i)))
#define BV_I64(r, i) S_BIG(int64_t, uint64_t, r, i)
#define SV_I64(r, i) ((int64_t)((((int64_t)(r) + 1) << 33) - (i)))
#define BV_U8(r, i) U_BIG(uint8_t, r, i)
#define BV_U16(r, i) U_BIG(uint16_t, r, i)
#define BV_U32(r, i) U_BIG(uint32_t, r, i)
#define BV_U64(r, i) U_BIG(uint64_t, r, i)
#define BV_FLOAT(r, i) ((float)((r) + 1) * 1.5e30f / (float)((i) + 1))
#define SV_FLOAT(r, i) ((float)((r) * 2 - (i)) * 0.25f)
#define BV_DOUBLE(r, i) ((double)((r) + 1) * 1.0e300 / (double)((i) + 1))
#define SV_DOUBLE(r, i) ((double)((r) * 2 - (i)) * 0.125)
#define BV_LDOUBLE(r, i) ((long double)((r) + 1) * 0.125L - (long double)(i) * 1024.0L)
#define BV_CFLOAT(r, i)                                                      \
    ((float complex)((float)((r) + (i)) * 0.5f + (float)((r) - (i)) * 0.25f * I))
#define BV_CDOUBLE(r, i)                                                     \
    ((double complex)((double)((r) + (i)) * 0.5 + (double)((r) - 2 * (i)) * 0.25 * I))
#define BV_CLDOUBLE(r, i)                                                    \
    ((long double complex)((long double)((r) + (i)) * 0.5L +                 \
                           (long double)((r) - (i)) * 8.0L * I))
#define BV_BOOL(r, i) ((bool)(((r) + (i)) % 2 != 0))
#define SV_BOOL(r, i) ((bool)((i) > 0 && ((r) * (i)) % 3 == 1))
#define BV_WCHAR(r, i) ((wchar_t)(L'A' + (r) * 100 + (i) * 0x1000))
#define BV_BYTE(r, i) ((unsigned char)(((r) * 37 + (i) * 11 + 128) & 0xff))
#define SV_BYTE(r, i) ((unsigned char)(1u << (((r) + (i)) % 8)))
#define BV_AINT(r, i)                                                        \
    ((MPI_Aint)((i) % 2 ? -((MPI_Aint)(r) + 1) * 1000 - (i)                  \
                        : ((MPI_Aint)(r) + 1) * 100000 + (i)))
#define BV_OFFSET(r, i)                                                      \
    ((MPI_Offset)((((int64_t)(r) + 1) << 33) + (i)) * ((i) % 2 ? -1 : 1))
#define BV_COUNT(r, i)                                                       \
    ((MPI_Count)((((int64_t)(r) + 1) << 35) + (i)) * ((i) % 2 ? -1 : 1))

TYPE_TEST(t_char, char, MPI_CHAR, BV_CHAR, BV_CHAR, 0, MPI_OP_NULL, F_NONE)
TYPE_TEST(t_schar, signed char, MPI_SIGNED_CHAR, BV_SCHAR, SV_SCHAR, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_uchar, unsigned char, MPI_UNSIGNED_CHAR, BV_UCHAR, BV_UCHAR, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_short, short, MPI_SHORT, BV_SHORT, SV_SHORT, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_ushort, unsigned short, MPI_UNSIGNED_SHORT, BV_USHORT, BV_USHORT, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_int, int, MPI_INT, BV_INT, SV_INT, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_uint, unsigned, MPI_UNSIGNED, BV_UINT, BV_UINT, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_long, long, MPI_LONG, BV_LONG, SV_LONG, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_ulong, unsigned long, MPI_UNSIGNED_LONG, BV_ULONG, BV_ULONG, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_ll, long long, MPI_LONG_LONG, BV_LL, SV_LL, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_lli, long long, MPI_LONG_LONG_INT, BV_LL, SV_LL, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_ull, unsigned long long, MPI_UNSIGNED_LONG_LONG, BV_ULL, BV_ULL, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_i8, int8_t, MPI_INT8_T, BV_I8, SV_I8, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_i16, int16_t, MPI_INT16_T, BV_I16, SV_I16, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_i32, int32_t, MPI_INT32_T, BV_I32, SV_I32, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_i64, int64_t, MPI_INT64_T, BV_I64, SV_I64, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_u8, uint8_t, MPI_UINT8_T, BV_U8, BV_U8, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_u16, uint16_t, MPI_UINT16_T, BV_U16, BV_U16, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_u32, uint32_t, MPI_UINT32_T, BV_U32, BV_U32, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_u64, uint64_t, MPI_UINT64_T, BV_U64, BV_U64, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_float, float, MPI_FLOAT, BV_FLOAT, SV_FLOAT, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_double, double, MPI_DOUBLE, BV_DOUBLE, SV_DOUBLE, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_ldouble, long double, MPI_LONG_DOUBLE, BV_LDOUBLE, BV_LDOUBLE, 0, MPI_OP_NULL, F_NONE)
TYPE_TEST(t_cfloat, float complex, MPI_C_FLOAT_COMPLEX, BV_CFLOAT, BV_CFLOAT, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_ccomplex, float complex, MPI_C_COMPLEX, BV_CFLOAT, BV_CFLOAT, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_cdouble, double complex, MPI_C_DOUBLE_COMPLEX, BV_CDOUBLE, BV_CDOUBLE, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_cldouble, long double complex, MPI_C_LONG_DOUBLE_COMPLEX, BV_CLDOUBLE, BV_CLDOUBLE, 0, MPI_OP_NULL, F_NONE)
TYPE_TEST(t_bool, bool, MPI_C_BOOL, BV_BOOL, SV_BOOL, 1, MPI_LOR, F_LOR)
TYPE_TEST(t_wchar, wchar_t, MPI_WCHAR, BV_WCHAR, BV_WCHAR, 0, MPI_OP_NULL, F_NONE)
TYPE_TEST(t_byte, unsigned char, MPI_BYTE, BV_BYTE, SV_BYTE, 1, MPI_BOR, F_BOR)
TYPE_TEST(t_aint, MPI_Aint, MPI_AINT, BV_AINT, BV_AINT, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_offset, MPI_Offset, MPI_OFFSET, BV_OFFSET, BV_OFFSET, 1, MPI_SUM, F_SUM)
TYPE_TEST(t_count, MPI_Count, MPI_COUNT, BV_COUNT, BV_COUNT, 1, MPI_SUM, F_SUM)

/* MPI_PACKED: raw bytes sent and received as MPI_PACKED */
static void t_packed(void)
{
    int sz = -1, n = -1, root = t_size - 1, L = (t_rank + t_size - 1) % t_size;
    unsigned char b[11], s[11], r[11];
    MPI_OK(MPI_Type_size(MPI_PACKED, &sz));
    CHECKF(sz == 1, "Type_size %d", sz);
    memset(b, 0, sizeof b);
    if (t_rank == root)
        for (int i = 0; i < 11; i++)
            b[i] = (unsigned char)(i * 29 + root * 3 + 200);
    MPI_OK(MPI_Bcast(b, 11, MPI_PACKED, root, W));
    for (int i = 0; i < 11; i++)
        CHECKF(b[i] == (unsigned char)(i * 29 + root * 3 + 200), "Bcast [%d]", i);
    for (int i = 0; i < 11; i++)
        s[i] = (unsigned char)(i * 31 + t_rank * 5 + 100);
    memset(r, 0, sizeof r);
    MPI_Status st;
    MPI_OK(MPI_Sendrecv(s, 11, MPI_PACKED, (t_rank + 1) % t_size, 8, r, 11,
                        MPI_PACKED, L, 8, W, &st));
    MPI_OK(MPI_Get_count(&st, MPI_PACKED, &n));
    CHECKF(n == 11, "Get_count %d", n);
    for (int i = 0; i < 11; i++)
        CHECKF(r[i] == (unsigned char)(i * 31 + L * 5 + 100), "Sendrecv [%d]", i);
}

/* MPI_Offset and MPI_Count hold 64-bit values, MPI_Aint a pointer */
static void t_widths(void)
{
    CHECKF(sizeof(MPI_Offset) >= 8, "sizeof(MPI_Offset)=%d", (int)sizeof(MPI_Offset));
    CHECKF(sizeof(MPI_Count) >= 8, "sizeof(MPI_Count)=%d", (int)sizeof(MPI_Count));
    CHECKF(sizeof(MPI_Aint) >= sizeof(void *), "sizeof(MPI_Aint)=%d",
           (int)sizeof(MPI_Aint));
    CHECK(sizeof(MPI_Count) >= sizeof(MPI_Aint));
    CHECK(sizeof(MPI_Count) >= sizeof(MPI_Offset));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("types");

    static const struct {
        const char *name;
        void (*fn)(void);
    } tests[] = {
        {"MPI_CHAR", t_char},
        {"MPI_SIGNED_CHAR", t_schar},
        {"MPI_UNSIGNED_CHAR", t_uchar},
        {"MPI_SHORT", t_short},
        {"MPI_UNSIGNED_SHORT", t_ushort},
        {"MPI_INT", t_int},
        {"MPI_UNSIGNED", t_uint},
        {"MPI_LONG", t_long},
        {"MPI_UNSIGNED_LONG", t_ulong},
        {"MPI_LONG_LONG", t_ll},
        {"MPI_LONG_LONG_INT", t_lli},
        {"MPI_UNSIGNED_LONG_LONG", t_ull},
        {"MPI_INT8_T", t_i8},
        {"MPI_INT16_T", t_i16},
        {"MPI_INT32_T", t_i32},
        {"MPI_INT64_T", t_i64},
        {"MPI_UINT8_T", t_u8},
        {"MPI_UINT16_T", t_u16},
        {"MPI_UINT32_T", t_u32},
        {"MPI_UINT64_T", t_u64},
        {"MPI_FLOAT", t_float},
        {"MPI_DOUBLE", t_double},
        {"MPI_LONG_DOUBLE", t_ldouble},
        {"MPI_C_FLOAT_COMPLEX", t_cfloat},
        {"MPI_C_COMPLEX", t_ccomplex},
        {"MPI_C_DOUBLE_COMPLEX", t_cdouble},
        {"MPI_C_LONG_DOUBLE_COMPLEX", t_cldouble},
        {"MPI_C_BOOL", t_bool},
        {"MPI_WCHAR", t_wchar},
        {"MPI_BYTE", t_byte},
        {"MPI_PACKED", t_packed},
        {"MPI_AINT", t_aint},
        {"MPI_OFFSET", t_offset},
        {"MPI_COUNT", t_count},
        {"widths-offset-count-aint", t_widths},
    };
    char name[64];
    for (size_t i = 0; i < sizeof tests / sizeof tests[0]; i++) {
        snprintf(name, sizeof name, "type-%s", tests[i].name);
        t_begin(name);
        tests[i].fn();
        t_end();
    }
    return t_finish();
}
