/*
 * p3_comm.c - groups, communicators, error handlers and names, part 3:
 * MPI_Group_range_excl (a stride, a descending stride, two ranges, no
 * range), MPI_Comm_create_group (called by the members only: even ranks,
 * while odd ranks build their own), MPI_Comm_dup_with_info (the dup has its
 * own matching context), MPI_Comm_set_info and MPI_Comm_get_info (+
 * MPI_Info_free; only nkeys >= 0 is checked, hosts differ in what they
 * report), MPI_Comm_create_errhandler with a user handler that counts its
 * calls and records the code and the communicator (set on a dup of
 * MPI_COMM_WORLD; a send to rank = size returns the code after the handler
 * ran; a dup inherits the handler), MPI_Comm_call_errhandler,
 * MPI_Errhandler_free (the communicator keeps its handler),
 * MPI_Add_error_class, MPI_Add_error_code, MPI_Add_error_string,
 * MPI_Error_class and MPI_Error_string on the added codes and classes
 * (MPI_LASTUSEDCODE covers the added classes), MPI_Type_set_name and MPI_Type_get_name
 * (a derived type: empty before, set, renamed; MPI_INT and MPI_LONG).
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

/* ---- MPI_Group_range_excl ---- */

/* checks that g holds, in order, the world ranks r for which keep[r] */
static void check_group(MPI_Group world, MPI_Group g, const int *keep, const char *what)
{
    int n = 0, size = -1;
    for (int r = 0; r < t_size; r++)
        n += keep[r] != 0;
    MPI_OK(MPI_Group_size(g, &size));
    CHECKF(size == n, "%s: size %d expected %d", what, size, n);
    if (size != n)
        return;
    int *in = malloc(sizeof(int) * (size_t)(n + 1)), *out = malloc(sizeof(int) * (size_t)(n + 1));
    for (int i = 0; i < n; i++)
        in[i] = i;
    if (n > 0)
        MPI_OK(MPI_Group_translate_ranks(g, n, in, world, out));
    int i = 0;
    for (int r = 0; r < t_size; r++)
        if (keep[r]) {
            CHECKF(out[i] == r, "%s: rank %d is world rank %d, expected %d", what, i, out[i], r);
            i++;
        }
    /* this rank's rank in g */
    int myrank = -5, want = MPI_UNDEFINED;
    MPI_OK(MPI_Group_rank(g, &myrank));
    if (keep[t_rank]) {
        want = 0;
        for (int r = 0; r < t_rank; r++)
            want += keep[r] != 0;
    }
    CHECKF(myrank == want, "%s: my rank %d expected %d", what, myrank, want);
    free(in);
    free(out);
}

/* keep[r] = 0 for every r in the range first..last by stride */
static void drop_range(int *keep, int first, int last, int stride)
{
    for (int r = first; stride > 0 ? r <= last : r >= last; r += stride)
        keep[r] = 0;
}

static void test_range_excl(void)
{
    MPI_Group world, g;
    int *keep = malloc(sizeof(int) * (size_t)t_size);
    MPI_OK(MPI_Comm_group(W, &world));

    /* no range: the same group */
    int none[1][3] = {{0, 0, 1}};
    MPI_OK(MPI_Group_range_excl(world, 0, none, &g));
    int cmp = -1;
    MPI_OK(MPI_Group_compare(g, world, &cmp));
    CHECKF(cmp == MPI_IDENT, "compare %d", cmp);
    MPI_OK(MPI_Group_free(&g));

    /* the odd ranks, by stride 2: the even ranks stay */
    if (t_size > 1) {
        int r1[1][3] = {{1, t_size - 1, 2}};
        for (int r = 0; r < t_size; r++)
            keep[r] = 1;
        drop_range(keep, 1, t_size - 1, 2);
        MPI_OK(MPI_Group_range_excl(world, 1, r1, &g));
        check_group(world, g, keep, "odd ranks");
        MPI_OK(MPI_Group_free(&g));
    }

    /* descending with stride -3 from the last rank (with one rank: all of it) */
    {
        int r2[1][3] = {{t_size - 1, 0, -3}};
        for (int r = 0; r < t_size; r++)
            keep[r] = 1;
        drop_range(keep, t_size - 1, 0, -3);
        MPI_OK(MPI_Group_range_excl(world, 1, r2, &g));
        check_group(world, g, keep, "descending");
        MPI_OK(MPI_Group_free(&g));
    }

    /* two ranges: the first and the last rank */
    if (t_size > 1) {
        int r3[2][3] = {{t_size - 1, t_size - 1, 1}, {0, 0, 5}};
        for (int r = 0; r < t_size; r++)
            keep[r] = 1;
        keep[0] = keep[t_size - 1] = 0;
        MPI_OK(MPI_Group_range_excl(world, 2, r3, &g));
        check_group(world, g, keep, "two ranges");
        MPI_OK(MPI_Group_free(&g));
    }

    /* of a group that is not the world: reversed world, drop its first half */
    {
        int *rev = malloc(sizeof(int) * (size_t)t_size);
        for (int r = 0; r < t_size; r++)
            rev[r] = t_size - 1 - r;
        MPI_Group gr, gx;
        MPI_OK(MPI_Group_incl(world, t_size, rev, &gr));
        int half = t_size / 2;
        if (half > 0) {
            int r4[1][3] = {{0, half - 1, 1}};
            MPI_OK(MPI_Group_range_excl(gr, 1, r4, &gx));
            /* left: positions half..size-1 of gr, world ranks size-1-half..0 */
            int size = -1;
            MPI_OK(MPI_Group_size(gx, &size));
            CHECKF(size == t_size - half, "size %d", size);
            for (int i = 0; i < size && size == t_size - half; i++) {
                int w = -5;
                MPI_OK(MPI_Group_translate_ranks(gx, 1, &i, world, &w));
                CHECKF(w == t_size - 1 - half - i, "rank %d is world rank %d", i, w);
            }
            MPI_OK(MPI_Group_free(&gx));
        }
        MPI_OK(MPI_Group_free(&gr));
        free(rev);
    }
    MPI_OK(MPI_Group_free(&world));
    free(keep);
}

/* ---- MPI_Comm_create_group ---- */

static void test_create_group(void)
{
    MPI_Group world, evens, odds;
    MPI_OK(MPI_Comm_group(W, &world));
    if (t_size > 1) {
        int ro[1][3] = {{1, t_size - 1, 2}}, re[1][3] = {{0, t_size - 1, 2}};
        MPI_OK(MPI_Group_range_excl(world, 1, ro, &evens));
        MPI_OK(MPI_Group_range_excl(world, 1, re, &odds));
    } else {
        MPI_OK(MPI_Group_range_excl(world, 0, NULL, &evens));
        odds = MPI_GROUP_EMPTY;
    }
    int even = t_rank % 2 == 0;
    int nmine = even ? (t_size + 1) / 2 : t_size / 2;
    MPI_Comm c = MPI_COMM_NULL;
    /* only the members call it; the two halves at the same time, with
     * different tags */
    if (even)
        MPI_OK(MPI_Comm_create_group(W, evens, 7, &c));
    else
        MPI_OK(MPI_Comm_create_group(W, odds, 8, &c));
    CHECK(c != MPI_COMM_NULL);
    if (c != MPI_COMM_NULL) {
        int size = -1, rank = -1, sum = -1, want = 0, cmp = -1;
        MPI_OK(MPI_Comm_size(c, &size));
        MPI_OK(MPI_Comm_rank(c, &rank));
        CHECKF(size == nmine && rank == t_rank / 2, "size %d rank %d", size, rank);
        MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, c));
        for (int r = even ? 0 : 1; r < t_size; r += 2)
            want += r;
        CHECKF(sum == want, "sum %d expected %d", sum, want);
        MPI_Group cg;
        MPI_OK(MPI_Comm_group(c, &cg));
        MPI_OK(MPI_Group_compare(cg, even ? evens : odds, &cmp));
        CHECKF(cmp == MPI_IDENT, "compare %d", cmp);
        MPI_OK(MPI_Group_free(&cg));
        /* point-to-point inside: a ring over the new ranks */
        int x = t_rank, y = -1, right = (rank + 1) % size, left = (rank + size - 1) % size;
        MPI_OK(MPI_Sendrecv(&x, 1, MPI_INT, right, 1, &y, 1, MPI_INT, left, 1, c,
                            MPI_STATUS_IGNORE));
        CHECKF(y == 2 * left + (even ? 0 : 1), "ring got %d", y);
        MPI_OK(MPI_Comm_free(&c));
        CHECK(c == MPI_COMM_NULL);
    }
    /* the world is still whole */
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Group_free(&evens));
    if (odds != MPI_GROUP_EMPTY)
        MPI_OK(MPI_Group_free(&odds));
    MPI_OK(MPI_Group_free(&world));
}

/* ---- MPI_Comm_dup_with_info, MPI_Comm_set_info, MPI_Comm_get_info ---- */

static void test_info(void)
{
    MPI_Info info, got = MPI_INFO_NULL;
    MPI_Comm d = MPI_COMM_NULL;
    MPI_OK(MPI_Info_create(&info));
    MPI_OK(MPI_Info_set(info, "p3_comm_hint", "yes"));
    MPI_OK(MPI_Comm_dup_with_info(W, info, &d));
    CHECK(d != MPI_COMM_NULL && d != W);
    /* the info stays the caller's */
    int nk = -1;
    MPI_OK(MPI_Info_get_nkeys(info, &nk));
    CHECK(nk == 1);
    MPI_OK(MPI_Info_free(&info));

    int cmp = -1, size = -1, rank = -1;
    MPI_OK(MPI_Comm_compare(W, d, &cmp));
    CHECKF(cmp == MPI_CONGRUENT, "compare %d", cmp);
    MPI_OK(MPI_Comm_size(d, &size));
    MPI_OK(MPI_Comm_rank(d, &rank));
    CHECK(size == t_size && rank == t_rank);
    /* its own context: a message on the world does not match a receive on
     * the dup, even though it was sent first */
    int a = 100 + t_rank, b = 200 + t_rank, x = -1, y = -1;
    MPI_Request rq[2];
    int right = (t_rank + 1) % t_size, left = (t_rank + t_size - 1) % t_size;
    MPI_OK(MPI_Isend(&a, 1, MPI_INT, right, 3, W, &rq[0]));
    MPI_OK(MPI_Isend(&b, 1, MPI_INT, right, 3, d, &rq[1]));
    MPI_OK(MPI_Recv(&y, 1, MPI_INT, left, 3, d, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Recv(&x, 1, MPI_INT, left, 3, W, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Waitall(2, rq, MPI_STATUSES_IGNORE));
    CHECKF(x == 100 + left && y == 200 + left, "world got %d, dup got %d", x, y);

    MPI_OK(MPI_Comm_get_info(d, &got));
    CHECK(got != MPI_INFO_NULL);
    if (got != MPI_INFO_NULL) {
        nk = -1;
        MPI_OK(MPI_Info_get_nkeys(got, &nk));
        CHECKF(nk >= 0, "nkeys %d", nk);
        MPI_OK(MPI_Info_free(&got));
        CHECK(got == MPI_INFO_NULL);
    }

    /* set_info, then get_info again */
    MPI_Info hints;
    MPI_OK(MPI_Info_create(&hints));
    MPI_OK(MPI_Info_set(hints, "p3_comm_other", "1"));
    MPI_OK(MPI_Comm_set_info(d, hints));
    MPI_OK(MPI_Info_free(&hints));
    got = MPI_INFO_NULL;
    MPI_OK(MPI_Comm_get_info(d, &got));
    CHECK(got != MPI_INFO_NULL);
    if (got != MPI_INFO_NULL) {
        nk = -1;
        MPI_OK(MPI_Info_get_nkeys(got, &nk));
        CHECKF(nk >= 0, "nkeys %d", nk);
        MPI_OK(MPI_Info_free(&got));
        CHECK(got == MPI_INFO_NULL);
    }
    /* the world's info too */
    got = MPI_INFO_NULL;
    MPI_OK(MPI_Comm_get_info(W, &got));
    CHECK(got != MPI_INFO_NULL);
    if (got != MPI_INFO_NULL)
        MPI_OK(MPI_Info_free(&got));

    /* the dup still communicates */
    int sum = -1;
    MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, d));
    CHECK(sum == t_size * (t_size - 1) / 2);
    MPI_OK(MPI_Comm_free(&d));
    CHECK(d == MPI_COMM_NULL);
}

/* ---- added error classes, codes and strings ---- */

static int added_class = -1, added_code = -1; /* used by the errhandler group */

static void check_string(int code, const char *want, const char *what)
{
    char s[MPI_MAX_ERROR_STRING + 1];
    int len = -1;
    memset(s, 'x', sizeof s);
    MPI_OK(MPI_Error_string(code, s, &len));
    s[MPI_MAX_ERROR_STRING] = '\0';
    CHECKF(strcmp(s, want) == 0, "%s: \"%s\", expected \"%s\"", what, s, want);
    CHECKF(len == (int)strlen(want), "%s: length %d, expected %d", what, len,
           (int)strlen(want));
}

static void test_error_classes(void)
{
    int c1 = -1, c2 = -1, e1 = -1, e2 = -1, e3 = -1, cls = -1;
    MPI_OK(MPI_Add_error_class(&c1));
    MPI_OK(MPI_Add_error_class(&c2));
    CHECKF(c1 != MPI_SUCCESS && c2 != MPI_SUCCESS && c1 != c2, "classes %d %d", c1, c2);
    CHECK(c1 != MPI_ERR_OTHER && c1 != MPI_ERR_RANK && c2 != MPI_ERR_OTHER);
    /* (MPI_Error_class of an added class itself is not asked: Open MPI 4.1
     * answers MPI_ERR_UNKNOWN, see the README) */

    MPI_OK(MPI_Add_error_code(c1, &e1));
    MPI_OK(MPI_Add_error_code(c1, &e2));
    MPI_OK(MPI_Add_error_code(c2, &e3));
    CHECKF(e1 != e2 && e1 != e3 && e2 != e3, "codes %d %d %d", e1, e2, e3);
    CHECK(e1 != c1 && e1 != c2 && e2 != c1 && e3 != c2 && e1 != MPI_SUCCESS);
    MPI_OK(MPI_Error_class(e1, &cls));
    CHECKF(cls == c1, "class of e1: %d", cls);
    MPI_OK(MPI_Error_class(e2, &cls));
    CHECKF(cls == c1, "class of e2: %d", cls);
    MPI_OK(MPI_Error_class(e3, &cls));
    CHECKF(cls == c2, "class of e3: %d", cls);
    /* the predefined classes are unchanged */
    MPI_OK(MPI_Error_class(MPI_ERR_RANK, &cls));
    CHECK(cls == MPI_ERR_RANK);

    /* MPI_LASTUSEDCODE is the largest error class, added ones included
     * (MPI-3.1 section 8.5; codes may be larger) */
    int flag = 0, *last = NULL;
    MPI_OK(MPI_Comm_get_attr(W, MPI_LASTUSEDCODE, &last, &flag));
    CHECK(flag == 1 && last != NULL);
    if (flag && last)
        CHECKF(*last >= c1 && *last >= c2 && *last >= MPI_ERR_LASTCODE, "MPI_LASTUSEDCODE %d",
               *last);

    /* strings for codes and classes */
    MPI_OK(MPI_Add_error_string(e1, "p3: first added code"));
    MPI_OK(MPI_Add_error_string(e3, "p3: code of the second class"));
    MPI_OK(MPI_Add_error_string(c1, "p3: first added class"));
    check_string(e1, "p3: first added code", "e1");
    check_string(e3, "p3: code of the second class", "e3");
    check_string(c1, "p3: first added class", "c1");
    /* a string can be replaced */
    MPI_OK(MPI_Add_error_string(e1, "p3: replaced"));
    check_string(e1, "p3: replaced", "e1 replaced");
    check_string(c1, "p3: first added class", "c1 after e1 replaced");
    /* the longest string that fits */
    {
        char longest[MPI_MAX_ERROR_STRING];
        memset(longest, 'L', sizeof longest);
        longest[MPI_MAX_ERROR_STRING - 1] = '\0';
        MPI_OK(MPI_Add_error_string(e2, longest));
        check_string(e2, longest, "e2 longest");
    }
    /* the same on every rank: the values were added in the same order */
    int mine[5] = {c1, c2, e1, e2, e3}, r0[5];
    memcpy(r0, mine, sizeof r0);
    MPI_OK(MPI_Bcast(r0, 5, MPI_INT, 0, W));
    CHECK(memcmp(r0, mine, sizeof r0) == 0);
    added_class = c1;
    added_code = e1;
}

/* ---- user error handler ---- */

static int eh_calls, eh_code;
static MPI_Comm eh_comm;

static void counting_handler(MPI_Comm *comm, int *code, ...)
{
    eh_calls++;
    eh_code = *code;
    eh_comm = *comm;
}

static void test_errhandler(void)
{
    MPI_Errhandler h = MPI_ERRHANDLER_NULL, h2 = MPI_ERRHANDLER_NULL;
    MPI_Comm d, d2;
    int x = 1, rc, cls = -1;
    MPI_OK(MPI_Comm_create_errhandler(counting_handler, &h));
    CHECK(h != MPI_ERRHANDLER_NULL);
    MPI_OK(MPI_Comm_dup(W, &d));
    MPI_OK(MPI_Comm_set_errhandler(d, h));
    MPI_OK(MPI_Comm_get_errhandler(d, &h2));
    CHECK(h2 == h);
    MPI_OK(MPI_Errhandler_free(&h2));

    /* a real error: the handler runs, then the call returns the code */
    eh_calls = 0;
    eh_code = MPI_SUCCESS;
    eh_comm = MPI_COMM_NULL;
    rc = MPI_Send(&x, 1, MPI_INT, t_size, 0, d);
    CHECK(rc != MPI_SUCCESS);
    CHECKF(eh_calls == 1, "handler calls %d", eh_calls);
    CHECKF(eh_code == rc, "handler saw %d, call returned %d", eh_code, rc);
    CHECK(eh_comm == d);
    MPI_OK(MPI_Error_class(rc, &cls));
    CHECKF(cls == MPI_ERR_RANK, "class %d", cls);

    /* MPI_Comm_call_errhandler with an added code and a predefined one */
    if (added_code != -1) {
        MPI_OK(MPI_Comm_call_errhandler(d, added_code));
        CHECKF(eh_calls == 2 && eh_code == added_code, "calls %d code %d", eh_calls, eh_code);
    } else {
        CHECK(added_code != -1);
    }
    eh_calls = 0;
    MPI_OK(MPI_Comm_call_errhandler(d, MPI_ERR_OTHER));
    CHECKF(eh_calls == 1 && eh_code == MPI_ERR_OTHER, "calls %d code %d", eh_calls, eh_code);
    CHECK(eh_comm == d);

    /* a dup inherits the handler */
    MPI_OK(MPI_Comm_dup(d, &d2));
    eh_calls = 0;
    eh_comm = MPI_COMM_NULL;
    rc = MPI_Send(&x, 1, MPI_INT, t_size + 5, 0, d2);
    CHECK(rc != MPI_SUCCESS);
    CHECKF(eh_calls == 1 && eh_code == rc, "calls %d code %d rc %d", eh_calls, eh_code, rc);
    CHECK(eh_comm == d2);

    /* freeing the handle does not take the handler from the communicators */
    MPI_OK(MPI_Errhandler_free(&h));
    CHECK(h == MPI_ERRHANDLER_NULL);
    eh_calls = 0;
    rc = MPI_Recv(&x, 1, MPI_INT, t_size, 0, d, MPI_STATUS_IGNORE);
    CHECK(rc != MPI_SUCCESS);
    CHECKF(eh_calls == 1 && eh_code == rc, "calls %d code %d rc %d", eh_calls, eh_code, rc);
    MPI_OK(MPI_Error_class(rc, &cls));
    CHECKF(cls == MPI_ERR_RANK, "class %d", cls);

    /* the world keeps its own handler; the comms still work */
    int sum = -1;
    MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, d2));
    CHECK(sum == t_size * (t_size - 1) / 2);
    eh_calls = 0;
    MPI_OK(MPI_Comm_free(&d2));
    MPI_OK(MPI_Comm_free(&d));
    CHECK(eh_calls == 0);
}

/* ---- datatype names ---- */

static void check_name(MPI_Datatype t, const char *want, const char *what)
{
    char s[MPI_MAX_OBJECT_NAME + 1];
    int len = -1;
    memset(s, 'x', sizeof s);
    MPI_OK(MPI_Type_get_name(t, s, &len));
    s[MPI_MAX_OBJECT_NAME] = '\0';
    CHECKF(strcmp(s, want) == 0, "%s: \"%s\", expected \"%s\"", what, s, want);
    CHECKF(len == (int)strlen(want), "%s: length %d, expected %d", what, len,
           (int)strlen(want));
}

static void test_type_name(void)
{
    check_name(MPI_INT, "MPI_INT", "MPI_INT");
    check_name(MPI_LONG, "MPI_LONG", "MPI_LONG");
    check_name(MPI_DOUBLE, "MPI_DOUBLE", "MPI_DOUBLE");

    MPI_Datatype t, u;
    MPI_OK(MPI_Type_contiguous(3, MPI_INT, &t));
    MPI_OK(MPI_Type_commit(&t));
    check_name(t, "", "unnamed");
    MPI_OK(MPI_Type_set_name(t, "p3 triple"));
    check_name(t, "p3 triple", "named");
    MPI_OK(MPI_Type_set_name(t, "p3 renamed triple"));
    check_name(t, "p3 renamed triple", "renamed");
    /* another derived type keeps its own (empty) name */
    MPI_OK(MPI_Type_vector(2, 1, 2, MPI_INT, &u));
    check_name(u, "", "other unnamed");
    MPI_OK(MPI_Type_set_name(u, "p3 vector"));
    check_name(u, "p3 vector", "other named");
    check_name(t, "p3 renamed triple", "first kept");
    /* the named type still works */
    int s[3] = {t_rank, t_rank + 1, t_rank + 2}, r[3] = {-1, -1, -1};
    MPI_OK(MPI_Sendrecv(s, 1, t, t_rank, 4, r, 3, MPI_INT, t_rank, 4, W, MPI_STATUS_IGNORE));
    CHECK(r[0] == t_rank && r[1] == t_rank + 1 && r[2] == t_rank + 2);
    MPI_OK(MPI_Type_free(&u));
    MPI_OK(MPI_Type_free(&t));
    /* the predefined names are unchanged */
    check_name(MPI_INT, "MPI_INT", "MPI_INT again");
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("p3_comm");

    t_begin("group-range-excl");
    test_range_excl();
    t_end();
    t_begin("comm-create-group");
    test_create_group();
    t_end();
    t_begin("comm-info");
    test_info();
    t_end();
    t_begin("error-classes");
    test_error_classes();
    t_end();
    t_begin("user-errhandler");
    test_errhandler();
    t_end();
    t_begin("type-name");
    test_type_name();
    t_end();

    return t_finish();
}
