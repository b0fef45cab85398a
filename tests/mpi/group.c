/*
 * group.c - process groups: MPI_Comm_group, MPI_Group_size,
 * MPI_Group_rank, MPI_Group_incl, MPI_Group_excl, MPI_Group_range_incl,
 * MPI_Group_union, MPI_Group_intersection, MPI_Group_difference,
 * MPI_Group_translate_ranks (MPI_UNDEFINED and MPI_PROC_NULL results),
 * MPI_Group_compare (IDENT / SIMILAR / UNEQUAL), MPI_Group_free,
 * MPI_GROUP_EMPTY. Groups are local objects: no communication except the
 * harness's result reduction.
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

static int *iarr(int n)
{
    return malloc(sizeof(int) * (size_t)(n > 0 ? n : 1));
}

/* ranks of `g` translated to the world group, checked against `expect` */
static void expect_members(MPI_Group g, MPI_Group world, const int *expect, int n)
{
    int size = -1;
    MPI_OK(MPI_Group_size(g, &size));
    CHECKF(size == n, "size %d expected %d", size, n);
    if (size != n)
        return;
    int *in = iarr(n), *out = iarr(n);
    for (int i = 0; i < n; i++) {
        in[i] = i;
        out[i] = -5;
    }
    if (n > 0)
        MPI_OK(MPI_Group_translate_ranks(g, n, in, world, out));
    for (int i = 0; i < n; i++)
        CHECKF(out[i] == expect[i], "member %d is world rank %d, expected %d", i,
               out[i], expect[i]);
    free(in);
    free(out);
}

static void test_comm_group(MPI_Group wg)
{
    int size = -1, rank = -1, cmp = -1;
    MPI_OK(MPI_Group_size(wg, &size));
    MPI_OK(MPI_Group_rank(wg, &rank));
    CHECK(size == t_size && rank == t_rank);
    MPI_Group wg2;
    MPI_OK(MPI_Comm_group(W, &wg2));
    MPI_OK(MPI_Group_compare(wg, wg2, &cmp));
    CHECKF(cmp == MPI_IDENT, "compare=%d", cmp);
    MPI_OK(MPI_Group_free(&wg2));
    CHECK(wg2 == MPI_GROUP_NULL);
    MPI_Group sg;
    MPI_OK(MPI_Comm_group(MPI_COMM_SELF, &sg));
    MPI_OK(MPI_Group_size(sg, &size));
    MPI_OK(MPI_Group_rank(sg, &rank));
    CHECK(size == 1 && rank == 0);
    int zero = 0, w = -1;
    MPI_OK(MPI_Group_translate_ranks(sg, 1, &zero, wg, &w));
    CHECKF(w == t_rank, "self member is world rank %d", w);
    MPI_OK(MPI_Group_free(&sg));
}

static void test_incl(MPI_Group wg)
{
    /* reversed order */
    int *ranks = iarr(t_size), cmp = -1, rank = -1;
    for (int i = 0; i < t_size; i++)
        ranks[i] = t_size - 1 - i;
    MPI_Group rg;
    MPI_OK(MPI_Group_incl(wg, t_size, ranks, &rg));
    MPI_OK(MPI_Group_rank(rg, &rank));
    CHECKF(rank == t_size - 1 - t_rank, "rank %d", rank);
    expect_members(rg, wg, ranks, t_size);
    MPI_OK(MPI_Group_compare(wg, rg, &cmp));
    CHECKF(cmp == (t_size == 1 ? MPI_IDENT : MPI_SIMILAR), "compare=%d", cmp);
    MPI_OK(MPI_Group_free(&rg));

    /* a single member: the last rank */
    int last = t_size - 1;
    MPI_Group one;
    MPI_OK(MPI_Group_incl(wg, 1, &last, &one));
    MPI_OK(MPI_Group_rank(one, &rank));
    CHECKF(rank == (t_rank == last ? 0 : MPI_UNDEFINED), "rank %d", rank);
    expect_members(one, wg, &last, 1);
    MPI_OK(MPI_Group_free(&one));

    /* empty inclusion */
    MPI_Group none;
    MPI_OK(MPI_Group_incl(wg, 0, ranks, &none));
    MPI_OK(MPI_Group_compare(none, MPI_GROUP_EMPTY, &cmp));
    CHECKF(cmp == MPI_IDENT, "compare(empty incl, GROUP_EMPTY)=%d", cmp);
    if (none != MPI_GROUP_EMPTY)
        MPI_OK(MPI_Group_free(&none));
    free(ranks);
}

static void test_excl(MPI_Group wg)
{
    int zero = 0, size = -1, rank = -1;
    MPI_Group g;
    MPI_OK(MPI_Group_excl(wg, 1, &zero, &g));
    MPI_OK(MPI_Group_size(g, &size));
    MPI_OK(MPI_Group_rank(g, &rank));
    CHECKF(size == t_size - 1, "size %d", size);
    CHECKF(rank == (t_rank == 0 ? MPI_UNDEFINED : t_rank - 1), "rank %d", rank);
    int *expect = iarr(t_size);
    for (int i = 0; i < t_size - 1; i++)
        expect[i] = i + 1;
    expect_members(g, wg, expect, t_size - 1);
    if (t_size == 1) {
        int cmp = -1;
        MPI_OK(MPI_Group_compare(g, MPI_GROUP_EMPTY, &cmp));
        CHECKF(cmp == MPI_IDENT, "compare=%d", cmp);
    }
    if (g != MPI_GROUP_EMPTY)
        MPI_OK(MPI_Group_free(&g));

    /* excluding nothing keeps the group */
    int cmp = -1;
    MPI_OK(MPI_Group_excl(wg, 0, &zero, &g));
    MPI_OK(MPI_Group_compare(g, wg, &cmp));
    CHECKF(cmp == MPI_IDENT, "compare=%d", cmp);
    MPI_OK(MPI_Group_free(&g));
    free(expect);
}

static void test_range_incl(MPI_Group wg)
{
    /* even ranks: first 0, last size-1, stride 2 */
    int ranges[1][3] = {{0, t_size - 1, 2}}, rank = -1;
    MPI_Group g;
    MPI_OK(MPI_Group_range_incl(wg, 1, ranges, &g));
    int n_even = (t_size + 1) / 2, *expect = iarr(n_even);
    for (int i = 0; i < n_even; i++)
        expect[i] = 2 * i;
    expect_members(g, wg, expect, n_even);
    MPI_OK(MPI_Group_rank(g, &rank));
    CHECKF(rank == (t_rank % 2 ? MPI_UNDEFINED : t_rank / 2), "rank %d", rank);
    MPI_OK(MPI_Group_free(&g));
    free(expect);

    /* descending: one range (np == 1) or two ranges {size-1..1}, {0} */
    int r2[2][3] = {{t_size - 1, 1, -1}, {0, 0, 1}};
    if (t_size == 1)
        MPI_OK(MPI_Group_range_incl(wg, 1, &r2[1], &g));
    else
        MPI_OK(MPI_Group_range_incl(wg, 2, r2, &g));
    expect = iarr(t_size);
    for (int i = 0; i < t_size; i++)
        expect[i] = t_size - 1 - i;
    expect_members(g, wg, expect, t_size);
    MPI_OK(MPI_Group_free(&g));
    free(expect);
}

static void make_even_odd(MPI_Group wg, MPI_Group *even, MPI_Group *odd)
{
    int ranges[1][3] = {{0, t_size - 1, 2}};
    MPI_OK(MPI_Group_range_incl(wg, 1, ranges, even));
    MPI_OK(MPI_Group_difference(wg, *even, odd));
}

static void test_set_ops(MPI_Group wg)
{
    MPI_Group even, odd, u, x, d;
    int cmp = -1, size = -1, rank = -1;
    int n_even = (t_size + 1) / 2, n_odd = t_size / 2;
    int *expect = iarr(t_size), k;
    make_even_odd(wg, &even, &odd);

    /* difference: world \ even = odd ranks in world order */
    for (k = 0; k < n_odd; k++)
        expect[k] = 2 * k + 1;
    expect_members(odd, wg, expect, n_odd);

    /* union: even ranks first, then odd */
    MPI_OK(MPI_Group_union(even, odd, &u));
    k = 0;
    for (int r = 0; r < t_size; r += 2)
        expect[k++] = r;
    for (int r = 1; r < t_size; r += 2)
        expect[k++] = r;
    expect_members(u, wg, expect, t_size);
    MPI_OK(MPI_Group_rank(u, &rank));
    CHECKF(rank == (t_rank % 2 ? n_even + t_rank / 2 : t_rank / 2), "rank %d", rank);
    MPI_OK(MPI_Group_compare(u, wg, &cmp));
    CHECKF(cmp == (t_size <= 2 ? MPI_IDENT : MPI_SIMILAR), "union compare=%d", cmp);
    MPI_OK(MPI_Group_free(&u));
    /* union with itself and with the empty group */
    MPI_OK(MPI_Group_union(wg, wg, &u));
    MPI_OK(MPI_Group_compare(u, wg, &cmp));
    CHECKF(cmp == MPI_IDENT, "world u world=%d", cmp);
    MPI_OK(MPI_Group_free(&u));
    MPI_OK(MPI_Group_union(MPI_GROUP_EMPTY, wg, &u));
    MPI_OK(MPI_Group_compare(u, wg, &cmp));
    CHECKF(cmp == MPI_IDENT, "empty u world=%d", cmp);
    MPI_OK(MPI_Group_free(&u));

    /* intersection keeps the order of the first group */
    MPI_OK(MPI_Group_intersection(wg, even, &x));
    MPI_OK(MPI_Group_compare(x, even, &cmp));
    CHECKF(cmp == MPI_IDENT, "world n even=%d", cmp);
    MPI_OK(MPI_Group_free(&x));
    MPI_OK(MPI_Group_intersection(even, odd, &x));
    MPI_OK(MPI_Group_size(x, &size));
    CHECKF(size == 0, "even n odd size %d", size);
    MPI_OK(MPI_Group_compare(x, MPI_GROUP_EMPTY, &cmp));
    CHECKF(cmp == MPI_IDENT, "even n odd vs empty=%d", cmp);
    if (x != MPI_GROUP_EMPTY)
        MPI_OK(MPI_Group_free(&x));
    {
        int *rev = iarr(t_size);
        MPI_Group rg;
        for (int i = 0; i < t_size; i++)
            rev[i] = t_size - 1 - i;
        MPI_OK(MPI_Group_incl(wg, t_size, rev, &rg));
        MPI_OK(MPI_Group_intersection(rg, even, &x));
        /* order of rg: even ranks descending */
        k = 0;
        for (int i = 0; i < t_size; i++)
            if (rev[i] % 2 == 0)
                expect[k++] = rev[i];
        expect_members(x, wg, expect, k);
        MPI_OK(MPI_Group_free(&x));
        MPI_OK(MPI_Group_free(&rg));
        free(rev);
    }

    /* difference: group minus itself is empty; minus empty is itself */
    MPI_OK(MPI_Group_difference(wg, wg, &d));
    MPI_OK(MPI_Group_size(d, &size));
    CHECK(size == 0);
    MPI_OK(MPI_Group_rank(d, &rank));
    CHECK(rank == MPI_UNDEFINED);
    if (d != MPI_GROUP_EMPTY)
        MPI_OK(MPI_Group_free(&d));
    MPI_OK(MPI_Group_difference(even, MPI_GROUP_EMPTY, &d));
    MPI_OK(MPI_Group_compare(d, even, &cmp));
    CHECKF(cmp == MPI_IDENT, "even - empty=%d", cmp);
    MPI_OK(MPI_Group_free(&d));

    MPI_OK(MPI_Group_free(&even));
    if (odd != MPI_GROUP_EMPTY)
        MPI_OK(MPI_Group_free(&odd));
    free(expect);
}

static void test_translate(MPI_Group wg)
{
    MPI_Group even, odd;
    make_even_odd(wg, &even, &odd);
    int n_even = (t_size + 1) / 2;
    /* world -> even: r/2 for even r, MPI_UNDEFINED for odd r */
    int *in = iarr(t_size + 1), *out = iarr(t_size + 1);
    for (int r = 0; r < t_size; r++) {
        in[r] = r;
        out[r] = -5;
    }
    in[t_size] = MPI_PROC_NULL; /* MPI_PROC_NULL translates to itself */
    out[t_size] = -5;
    MPI_OK(MPI_Group_translate_ranks(wg, t_size + 1, in, even, out));
    for (int r = 0; r < t_size; r++)
        CHECKF(out[r] == (r % 2 ? MPI_UNDEFINED : r / 2), "world %d -> %d", r,
               out[r]);
    CHECKF(out[t_size] == MPI_PROC_NULL, "PROC_NULL -> %d", out[t_size]);
    /* even -> world: 2i */
    for (int i = 0; i < n_even; i++)
        in[i] = i;
    MPI_OK(MPI_Group_translate_ranks(even, n_even, in, wg, out));
    for (int i = 0; i < n_even; i++)
        CHECKF(out[i] == 2 * i, "even %d -> %d", i, out[i]);
    /* even -> odd: nobody is in both */
    MPI_OK(MPI_Group_translate_ranks(even, n_even, in, odd, out));
    for (int i = 0; i < n_even; i++)
        CHECKF(out[i] == MPI_UNDEFINED, "even %d -> odd %d", i, out[i]);
    /* into the empty group */
    MPI_OK(MPI_Group_translate_ranks(wg, 1, in, MPI_GROUP_EMPTY, out));
    CHECKF(out[0] == MPI_UNDEFINED, "-> empty %d", out[0]);
    MPI_OK(MPI_Group_free(&even));
    if (odd != MPI_GROUP_EMPTY)
        MPI_OK(MPI_Group_free(&odd));
    free(in);
    free(out);
}

static void test_compare(MPI_Group wg)
{
    int cmp = -1;
    MPI_OK(MPI_Group_compare(wg, wg, &cmp));
    CHECKF(cmp == MPI_IDENT, "world/world=%d", cmp);
    MPI_OK(MPI_Group_compare(MPI_GROUP_EMPTY, MPI_GROUP_EMPTY, &cmp));
    CHECKF(cmp == MPI_IDENT, "empty/empty=%d", cmp);
    MPI_OK(MPI_Group_compare(wg, MPI_GROUP_EMPTY, &cmp));
    CHECKF(cmp == MPI_UNEQUAL, "world/empty=%d", cmp);
    /* a copy made with incl of all ranks in order is IDENT */
    int *ranks = iarr(t_size);
    for (int i = 0; i < t_size; i++)
        ranks[i] = i;
    MPI_Group g;
    MPI_OK(MPI_Group_incl(wg, t_size, ranks, &g));
    MPI_OK(MPI_Group_compare(wg, g, &cmp));
    CHECKF(cmp == MPI_IDENT, "world/incl all=%d", cmp);
    MPI_OK(MPI_Group_free(&g));
    /* rotated by one: SIMILAR (np >= 2) */
    for (int i = 0; i < t_size; i++)
        ranks[i] = (i + 1) % t_size;
    MPI_OK(MPI_Group_incl(wg, t_size, ranks, &g));
    MPI_OK(MPI_Group_compare(wg, g, &cmp));
    CHECKF(cmp == (t_size == 1 ? MPI_IDENT : MPI_SIMILAR), "world/rotated=%d", cmp);
    MPI_OK(MPI_Group_free(&g));
    /* a proper subset: UNEQUAL */
    MPI_OK(MPI_Group_excl(wg, 1, ranks, &g));
    MPI_OK(MPI_Group_compare(wg, g, &cmp));
    CHECKF(cmp == MPI_UNEQUAL, "world/subset=%d", cmp);
    if (g != MPI_GROUP_EMPTY)
        MPI_OK(MPI_Group_free(&g));
    free(ranks);
}

static void test_empty(void)
{
    int size = -1, rank = -1;
    MPI_OK(MPI_Group_size(MPI_GROUP_EMPTY, &size));
    MPI_OK(MPI_Group_rank(MPI_GROUP_EMPTY, &rank));
    CHECKF(size == 0, "size %d", size);
    CHECKF(rank == MPI_UNDEFINED, "rank %d", rank);
    CHECK(MPI_GROUP_EMPTY != MPI_GROUP_NULL);
}

static void test_free(MPI_Group wg)
{
    /* freeing a group does not affect groups derived from it */
    MPI_Group a, b;
    int zero = 0, size = -1;
    MPI_OK(MPI_Comm_group(W, &a));
    MPI_OK(MPI_Group_incl(a, 1, &zero, &b));
    MPI_OK(MPI_Group_free(&a));
    CHECK(a == MPI_GROUP_NULL);
    MPI_OK(MPI_Group_size(b, &size));
    CHECK(size == 1);
    expect_members(b, wg, &zero, 1);
    MPI_OK(MPI_Group_free(&b));
    CHECK(b == MPI_GROUP_NULL);
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("group");
    MPI_Group wg;
    MPI_Comm_group(W, &wg);

    t_begin("comm-group-size-rank");
    test_comm_group(wg);
    t_end();
    t_begin("group-incl");
    test_incl(wg);
    t_end();
    t_begin("group-excl");
    test_excl(wg);
    t_end();
    t_begin("group-range-incl");
    test_range_incl(wg);
    t_end();
    t_begin("group-union-intersection-difference");
    test_set_ops(wg);
    t_end();
    t_begin("group-translate-ranks");
    test_translate(wg);
    t_end();
    t_begin("group-compare");
    test_compare(wg);
    t_end();
    t_begin("group-empty");
    test_empty();
    t_end();
    t_begin("group-free");
    test_free(wg);
    t_end();

    MPI_Group_free(&wg);
    return t_finish();
}
