/*
 * external32.c - MPI_Pack_external, MPI_Unpack_external and
 * MPI_Pack_external_size in the portable "external32" representation:
 * sizes (4 bytes per int, 8 per double; not MPI_LONG, which the standard
 * makes 4 bytes and Open MPI 4.1 packs in 8),
 * big-endian bytes whatever the host, a strided vector packed and unpacked
 * elsewhere, positions that advance over several calls, and a round trip
 * through MPI_Send of MPI_BYTE to the right neighbour.
 */
#include <mpi.h>
#include <stdint.h>
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

static void test_sizes(void)
{
    t_begin("sizes");
    MPI_Aint n = -1;
    MPI_OK(MPI_Pack_external_size("external32", 3, MPI_INT, &n));
    CHECKF(n == 12, "3 ints: %ld", (long)n);
    MPI_OK(MPI_Pack_external_size("external32", 2, MPI_DOUBLE, &n));
    CHECKF(n == 16, "2 doubles: %ld", (long)n);
    MPI_OK(MPI_Pack_external_size("external32", 0, MPI_INT, &n));
    CHECKF(n == 0, "none: %ld", (long)n);
    t_end();
}

static void test_bytes(void)
{
    t_begin("big-endian");
    int v[2] = {0x01020304, -2};
    double d = 1.0;
    unsigned char out[32];
    MPI_Aint pos = 0;
    memset(out, 0xee, sizeof out);
    MPI_OK(MPI_Pack_external("external32", v, 2, MPI_INT, out, sizeof out, &pos));
    CHECKF(pos == 8, "position %ld", (long)pos);
    MPI_OK(MPI_Pack_external("external32", &d, 1, MPI_DOUBLE, out, sizeof out, &pos));
    CHECKF(pos == 16, "position %ld", (long)pos);
    CHECK(out[0] == 1 && out[1] == 2 && out[2] == 3 && out[3] == 4);
    CHECK(out[4] == 0xff && out[7] == 0xfe);
    CHECK(out[8] == 0x3f && out[9] == 0xf0 && out[15] == 0);
    CHECK(out[16] == 0xee);
    int back[2] = {0, 0};
    double db = 0;
    pos = 0;
    MPI_OK(MPI_Unpack_external("external32", out, 16, &pos, back, 2, MPI_INT));
    MPI_OK(MPI_Unpack_external("external32", out, 16, &pos, &db, 1, MPI_DOUBLE));
    CHECK(back[0] == v[0] && back[1] == v[1] && db == 1.0 && pos == 16);
    t_end();
}

static void test_vector(void)
{
    t_begin("vector");
    double a[12], b[12];
    MPI_Datatype col;
    MPI_OK(MPI_Type_vector(4, 1, 3, MPI_DOUBLE, &col));
    MPI_OK(MPI_Type_commit(&col));
    for (int i = 0; i < 12; i++) {
        a[i] = i + 0.25;
        b[i] = -1;
    }
    char buf[64];
    MPI_Aint pos = 0, n = 0;
    MPI_OK(MPI_Pack_external_size("external32", 1, col, &n));
    CHECKF(n == 32, "size %ld", (long)n);
    MPI_OK(MPI_Pack_external("external32", a + 1, 1, col, buf, sizeof buf, &pos));
    CHECK(pos == 32);
    /* across ranks as bytes */
    int right = (t_rank + 1) % t_size, left = (t_rank + t_size - 1) % t_size;
    char got[64];
    MPI_OK(MPI_Sendrecv(buf, 32, MPI_BYTE, right, 3, got, 32, MPI_BYTE, left, 3, MPI_COMM_WORLD, MPI_STATUS_IGNORE));
    pos = 0;
    MPI_OK(MPI_Unpack_external("external32", got, 32, &pos, b + 2, 1, col));
    int bad = 0;
    for (int i = 0; i < 12; i++) {
        double want = (i >= 2 && (i - 2) % 3 == 0 && i <= 11) ? (i - 1) + 0.25 : -1;
        if (b[i] != want) bad++;
    }
    CHECKF(bad == 0, "%d wrong elements", bad);
    MPI_OK(MPI_Type_free(&col));
    t_end();
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("external32");
    test_sizes();
    test_bytes();
    test_vector();
    return t_finish();
}
