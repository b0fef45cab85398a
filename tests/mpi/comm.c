/*
 * comm.c - communicator management: MPI_Comm_size, MPI_Comm_rank,
 * MPI_Comm_dup, MPI_Comm_split (by parity, key reversing the order, and
 * MPI_UNDEFINED colors), MPI_Comm_split_type(MPI_COMM_TYPE_SHARED),
 * MPI_Comm_create (even ranks; odd ranks get MPI_COMM_NULL), MPI_Comm_free
 * (handle becomes MPI_COMM_NULL), MPI_Comm_compare (IDENT, CONGRUENT,
 * SIMILAR, UNEQUAL), MPI_Comm_set_name / MPI_Comm_get_name (including the
 * predefined "MPI_COMM_WORLD" and "MPI_COMM_SELF").
 * MPI_Comm_group / MPI_Group_incl / MPI_Group_free are used to build the
 * group for MPI_Comm_create (they are tested in group.c).
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

static void test_size_rank(void)
{
    int size = -1, rank = -1, sum = 0, one = 1;
    MPI_OK(MPI_Comm_size(W, &size));
    MPI_OK(MPI_Comm_rank(W, &rank));
    CHECK(size >= 1 && rank >= 0 && rank < size);
    MPI_OK(MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, W));
    CHECKF(sum == size, "sum %d size %d", sum, size);
    /* ranks are a permutation of 0..size-1: sum of ranks, sum of squares */
    long long r2[2] = {rank, (long long)rank * rank}, s2[2] = {0, 0};
    MPI_OK(MPI_Allreduce(r2, s2, 2, MPI_LONG_LONG, MPI_SUM, W));
    long long n = size;
    CHECK(s2[0] == n * (n - 1) / 2);
    CHECK(s2[1] == (n - 1) * n * (2 * n - 1) / 6);

    MPI_OK(MPI_Comm_size(MPI_COMM_SELF, &size));
    MPI_OK(MPI_Comm_rank(MPI_COMM_SELF, &rank));
    CHECK(size == 1 && rank == 0);
}

static void test_dup(void)
{
    MPI_Comm d = MPI_COMM_NULL;
    int size = -1, rank = -1, cmp = -1;
    MPI_OK(MPI_Comm_dup(W, &d));
    CHECK(d != MPI_COMM_NULL && d != W);
    MPI_OK(MPI_Comm_size(d, &size));
    MPI_OK(MPI_Comm_rank(d, &rank));
    CHECK(size == t_size && rank == t_rank);
    MPI_OK(MPI_Comm_compare(W, d, &cmp));
    CHECKF(cmp == MPI_CONGRUENT, "compare(world, dup)=%d", cmp);

    /* the dup has its own matching context: same tag on both comms */
    int R = (t_rank + 1) % t_size, L = (t_rank + t_size - 1) % t_size;
    int vw = 100 + t_rank, vd = 200 + t_rank, got = -1;
    MPI_Request rq[2];
    MPI_OK(MPI_Isend(&vw, 1, MPI_INT, R, 5, W, &rq[0]));
    MPI_OK(MPI_Isend(&vd, 1, MPI_INT, R, 5, d, &rq[1]));
    MPI_OK(MPI_Recv(&got, 1, MPI_INT, L, 5, d, MPI_STATUS_IGNORE));
    CHECKF(got == 200 + L, "dup got %d", got);
    MPI_OK(MPI_Recv(&got, 1, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, W,
                    MPI_STATUS_IGNORE));
    CHECKF(got == 100 + L, "world got %d", got);
    MPI_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));

    /* a dup of a dup, collectives on it */
    MPI_Comm dd = MPI_COMM_NULL;
    MPI_OK(MPI_Comm_dup(d, &dd));
    MPI_OK(MPI_Comm_compare(d, dd, &cmp));
    CHECKF(cmp == MPI_CONGRUENT, "compare(dup, dupdup)=%d", cmp);
    int sum = -1;
    MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, dd));
    CHECK(sum == t_size * (t_size - 1) / 2);

    MPI_OK(MPI_Comm_free(&dd));
    CHECK(dd == MPI_COMM_NULL);
    MPI_OK(MPI_Comm_free(&d));
    CHECK(d == MPI_COMM_NULL);
}

static void test_split(void)
{
    /* by parity, key = -rank: order reversed within each color */
    MPI_Comm s = MPI_COMM_NULL;
    int color = t_rank % 2, size = -1, rank = -1, cmp = -1;
    MPI_OK(MPI_Comm_split(W, color, -t_rank, &s));
    CHECK(s != MPI_COMM_NULL);
    MPI_OK(MPI_Comm_size(s, &size));
    MPI_OK(MPI_Comm_rank(s, &rank));
    int esize = color == 0 ? (t_size + 1) / 2 : t_size / 2;
    /* members with the same parity and a larger world rank come first */
    int erank = 0;
    for (int r = t_rank + 2; r < t_size; r += 2)
        erank++;
    CHECKF(size == esize, "size %d expected %d", size, esize);
    CHECKF(rank == erank, "rank %d expected %d", rank, erank);
    /* reduce over it: sum of world ranks of the same parity */
    int sum = -1, esum = 0;
    for (int r = color; r < t_size; r += 2)
        esum += r;
    MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, s));
    CHECKF(sum == esum, "sum %d expected %d", sum, esum);
    /* world-rank of sub-rank 0 is the largest of the color */
    int top = t_rank;
    MPI_OK(MPI_Bcast(&top, 1, MPI_INT, 0, s));
    int etop = color;
    while (etop + 2 < t_size)
        etop += 2;
    CHECKF(top == etop, "top %d expected %d", top, etop);
    MPI_OK(MPI_Comm_compare(W, s, &cmp));
    /* np == 1: same single member, different context */
    if (t_size == 1)
        CHECKF(cmp == MPI_CONGRUENT, "compare=%d", cmp);
    else
        CHECKF(cmp == MPI_UNEQUAL, "compare=%d", cmp);
    MPI_OK(MPI_Comm_free(&s));
    CHECK(s == MPI_COMM_NULL);

    /* one color, reversed keys: same members in another order */
    MPI_OK(MPI_Comm_split(W, 0, t_size - t_rank, &s));
    MPI_OK(MPI_Comm_rank(s, &rank));
    CHECKF(rank == t_size - 1 - t_rank, "rank %d", rank);
    MPI_OK(MPI_Comm_compare(W, s, &cmp));
    if (t_size == 1)
        CHECKF(cmp == MPI_CONGRUENT, "compare=%d", cmp);
    else
        CHECKF(cmp == MPI_SIMILAR, "compare=%d", cmp);
    MPI_OK(MPI_Comm_free(&s));

    /* equal keys keep the world order: congruent */
    MPI_OK(MPI_Comm_split(W, 3, 0, &s));
    MPI_OK(MPI_Comm_rank(s, &rank));
    CHECK(rank == t_rank);
    MPI_OK(MPI_Comm_compare(W, s, &cmp));
    CHECKF(cmp == MPI_CONGRUENT, "compare=%d", cmp);
    MPI_OK(MPI_Comm_free(&s));

    /* MPI_UNDEFINED color: rank 0 is left out */
    MPI_OK(MPI_Comm_split(W, t_rank == 0 ? MPI_UNDEFINED : 1, t_rank, &s));
    if (t_rank == 0) {
        CHECK(s == MPI_COMM_NULL);
    } else {
        CHECK(s != MPI_COMM_NULL);
        if (s != MPI_COMM_NULL) {
            MPI_OK(MPI_Comm_size(s, &size));
            MPI_OK(MPI_Comm_rank(s, &rank));
            CHECK(size == t_size - 1 && rank == t_rank - 1);
            MPI_OK(MPI_Comm_free(&s));
        }
    }
}

static void test_split_type(void)
{
    MPI_Comm s = MPI_COMM_NULL;
    int size = -1, rank = -1;
    MPI_OK(MPI_Comm_split_type(W, MPI_COMM_TYPE_SHARED, t_rank, MPI_INFO_NULL, &s));
    CHECK(s != MPI_COMM_NULL);
    if (s == MPI_COMM_NULL)
        return;
    MPI_OK(MPI_Comm_size(s, &size));
    MPI_OK(MPI_Comm_rank(s, &rank));
    CHECKF(size >= 1 && size <= t_size, "size %d", size);
    CHECKF(rank >= 0 && rank < size, "rank %d", rank);
    int one = 1, sum = -1, mn = -1, mx = -1;
    MPI_OK(MPI_Allreduce(&one, &sum, 1, MPI_INT, MPI_SUM, s));
    CHECKF(sum == size, "sum %d size %d", sum, size);
    /* key = world rank: order follows the world order */
    MPI_OK(MPI_Allreduce(&t_rank, &mn, 1, MPI_INT, MPI_MIN, s));
    MPI_OK(MPI_Allreduce(&t_rank, &mx, 1, MPI_INT, MPI_MAX, s));
    CHECK(mn <= t_rank && t_rank <= mx);
    if (rank == 0)
        CHECK(mn == t_rank);
    /* every rank is in exactly one shared-memory communicator */
    int lead = rank == 0, nodes = -1, total = -1;
    MPI_OK(MPI_Allreduce(&lead, &nodes, 1, MPI_INT, MPI_SUM, W));
    int mysize = rank == 0 ? size : 0;
    MPI_OK(MPI_Allreduce(&mysize, &total, 1, MPI_INT, MPI_SUM, W));
    CHECKF(nodes >= 1 && total == t_size, "nodes %d total %d", nodes, total);
    MPI_OK(MPI_Comm_free(&s));
    CHECK(s == MPI_COMM_NULL);
}

static void test_create(void)
{
    MPI_Group wg, eg;
    int n_even = (t_size + 1) / 2;
    int *ranks = malloc(sizeof(int) * (size_t)n_even);
    for (int i = 0; i < n_even; i++)
        ranks[i] = 2 * i;
    MPI_OK(MPI_Comm_group(W, &wg));
    MPI_OK(MPI_Group_incl(wg, n_even, ranks, &eg));
    MPI_Comm c = MPI_COMM_NULL;
    MPI_OK(MPI_Comm_create(W, eg, &c));
    if (t_rank % 2 == 1) {
        CHECK(c == MPI_COMM_NULL);
    } else {
        CHECK(c != MPI_COMM_NULL);
        if (c != MPI_COMM_NULL) {
            int size = -1, rank = -1, sum = -1, cmp = -1;
            MPI_OK(MPI_Comm_size(c, &size));
            MPI_OK(MPI_Comm_rank(c, &rank));
            CHECKF(size == n_even, "size %d", size);
            CHECKF(rank == t_rank / 2, "rank %d", rank);
            MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, c));
            CHECKF(sum == n_even * (n_even - 1), "sum %d", sum);
            MPI_OK(MPI_Comm_compare(W, c, &cmp));
            CHECKF(cmp == (t_size == 1 ? MPI_CONGRUENT : MPI_UNEQUAL),
                   "compare=%d", cmp);
            MPI_Group cg;
            MPI_OK(MPI_Comm_group(c, &cg));
            MPI_OK(MPI_Group_compare(cg, eg, &cmp));
            CHECKF(cmp == MPI_IDENT, "group compare=%d", cmp);
            MPI_OK(MPI_Group_free(&cg));
            MPI_OK(MPI_Comm_free(&c));
            CHECK(c == MPI_COMM_NULL);
        }
    }
    /* the full world group gives a congruent communicator */
    MPI_OK(MPI_Comm_create(W, wg, &c));
    CHECK(c != MPI_COMM_NULL);
    if (c != MPI_COMM_NULL) {
        int cmp = -1;
        MPI_OK(MPI_Comm_compare(W, c, &cmp));
        CHECKF(cmp == MPI_CONGRUENT, "compare=%d", cmp);
        MPI_OK(MPI_Comm_free(&c));
    }
    MPI_OK(MPI_Group_free(&eg));
    MPI_OK(MPI_Group_free(&wg));
    free(ranks);
}

static void test_compare(void)
{
    int cmp = -1;
    MPI_OK(MPI_Comm_compare(W, W, &cmp));
    CHECKF(cmp == MPI_IDENT, "world/world=%d", cmp);
    MPI_OK(MPI_Comm_compare(MPI_COMM_SELF, MPI_COMM_SELF, &cmp));
    CHECKF(cmp == MPI_IDENT, "self/self=%d", cmp);
    MPI_OK(MPI_Comm_compare(W, MPI_COMM_SELF, &cmp));
    CHECKF(cmp == (t_size == 1 ? MPI_CONGRUENT : MPI_UNEQUAL), "world/self=%d", cmp);
    MPI_Comm d, d2;
    MPI_OK(MPI_Comm_dup(W, &d));
    d2 = d; /* another handle to the same communicator */
    MPI_OK(MPI_Comm_compare(d, d2, &cmp));
    CHECKF(cmp == MPI_IDENT, "dup/same handle=%d", cmp);
    MPI_OK(MPI_Comm_compare(d, W, &cmp));
    CHECKF(cmp == MPI_CONGRUENT, "dup/world=%d", cmp);
    MPI_OK(MPI_Comm_free(&d));
    CHECK(MPI_IDENT < MPI_CONGRUENT && MPI_CONGRUENT < MPI_SIMILAR &&
          MPI_SIMILAR < MPI_UNEQUAL);
}

static void test_names(void)
{
    char name[MPI_MAX_OBJECT_NAME];
    int len = -1;
    MPI_OK(MPI_Comm_get_name(W, name, &len));
    CHECKF(strcmp(name, "MPI_COMM_WORLD") == 0, "name '%s'", name);
    CHECKF(len == (int)strlen("MPI_COMM_WORLD"), "len %d", len);
    MPI_OK(MPI_Comm_get_name(MPI_COMM_SELF, name, &len));
    CHECKF(strcmp(name, "MPI_COMM_SELF") == 0, "name '%s'", name);
    CHECK(len == (int)strlen(name));

    MPI_Comm d;
    MPI_OK(MPI_Comm_dup(W, &d));
    MPI_OK(MPI_Comm_set_name(d, "conformance dup"));
    memset(name, 'x', sizeof name);
    MPI_OK(MPI_Comm_get_name(d, name, &len));
    CHECKF(strcmp(name, "conformance dup") == 0, "name '%s'", name);
    CHECKF(len == (int)strlen("conformance dup"), "len %d", len);
    /* renaming replaces the name */
    MPI_OK(MPI_Comm_set_name(d, "renamed"));
    MPI_OK(MPI_Comm_get_name(d, name, &len));
    CHECKF(strcmp(name, "renamed") == 0 && len == 7, "name '%s' len %d", name, len);
    /* the name is local: the world keeps its own */
    MPI_OK(MPI_Comm_get_name(W, name, &len));
    CHECKF(strcmp(name, "MPI_COMM_WORLD") == 0, "name '%s'", name);
    MPI_OK(MPI_Comm_free(&d));

    /* a predefined communicator can be renamed too; restore afterwards */
    MPI_OK(MPI_Comm_set_name(MPI_COMM_SELF, "my self"));
    MPI_OK(MPI_Comm_get_name(MPI_COMM_SELF, name, &len));
    CHECKF(strcmp(name, "my self") == 0 && len == 7, "name '%s'", name);
    MPI_OK(MPI_Comm_set_name(MPI_COMM_SELF, "MPI_COMM_SELF"));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("comm");

    t_begin("comm-size-rank");
    test_size_rank();
    t_end();
    t_begin("comm-dup");
    test_dup();
    t_end();
    t_begin("comm-split");
    test_split();
    t_end();
    t_begin("comm-split-type-shared");
    test_split_type();
    t_end();
    t_begin("comm-create");
    test_create();
    t_end();
    t_begin("comm-compare");
    test_compare();
    t_end();
    t_begin("comm-set-get-name");
    test_names();
    t_end();

    return t_finish();
}
