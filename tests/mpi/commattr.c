/*
 * commattr.c - communicator attributes and intercommunicators:
 * MPI_Comm_create_keyval (MPI_COMM_NULL_COPY_FN, MPI_COMM_DUP_FN,
 * MPI_COMM_NULL_DELETE_FN, and user copy/delete callbacks that count their
 * calls and check their arguments), MPI_Comm_set_attr (replacing a value
 * runs the delete callback), MPI_Comm_get_attr (user keys, and the
 * predefined MPI_TAG_UB), MPI_Comm_delete_attr, MPI_Comm_free_keyval
 * (MPI_KEYVAL_INVALID; attributes outlive their freed keyval), attributes
 * copied or not on MPI_Comm_dup and MPI_Comm_idup (+ MPI_Wait), delete
 * callbacks on MPI_Comm_free; MPI_Intercomm_create (world split into two
 * halves), MPI_Comm_test_inter, MPI_Comm_remote_size, communication on the
 * intercommunicator, MPI_Intercomm_merge.
 *
 * With one rank there is no second group: the intercomm group checks only
 * MPI_Comm_test_inter on intracommunicators and prints the same line.
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

/* attribute values are addresses of these slots */
static int slots[16];

typedef struct {
    int keyval;      /* the keyval the callbacks expect */
    int copies;      /* copy callback calls */
    int deletes;     /* delete callback calls */
    void *deleted;   /* value seen by the last delete */
    int copy_flag;   /* what the copy callback answers in *flag */
    int bad_args;    /* calls with an unexpected keyval */
} counters_t;

/* copy: the new communicator gets the next slot */
static int copy_cb(MPI_Comm oldcomm, int keyval, void *extra, void *in, void *out, int *flag)
{
    counters_t *c = extra;
    (void)oldcomm;
    c->copies++;
    if (keyval != c->keyval)
        c->bad_args++;
    *(void **)out = (int *)in + 1;
    *flag = c->copy_flag;
    return MPI_SUCCESS;
}

static int delete_cb(MPI_Comm comm, int keyval, void *val, void *extra)
{
    counters_t *c = extra;
    (void)comm;
    c->deletes++;
    c->deleted = val;
    if (keyval != c->keyval)
        c->bad_args++;
    return MPI_SUCCESS;
}

/* the attribute of comm under key, or NULL when there is none */
static void *get(MPI_Comm comm, int key, int *flag)
{
    void *v = NULL;
    *flag = -1;
    MPI_OK(MPI_Comm_get_attr(comm, key, &v, flag));
    return *flag ? v : NULL;
}

static void test_predefined(void)
{
    int flag = 0, *ub = NULL;
    MPI_OK(MPI_Comm_get_attr(W, MPI_TAG_UB, &ub, &flag));
    CHECK(flag == 1);
    if (flag && ub)
        CHECKF(*ub >= 32767, "MPI_TAG_UB %d", *ub);
    /* the bound is a usable tag */
    if (flag && ub) {
        int x = 5, y = 0;
        MPI_Request rq;
        MPI_OK(MPI_Irecv(&y, 1, MPI_INT, t_rank, *ub, W, &rq));
        MPI_OK(MPI_Send(&x, 1, MPI_INT, t_rank, *ub, W));
        MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        CHECK(y == 5);
    }
}

static void test_null_and_dup_fn(void)
{
    MPI_Comm base, d;
    int knull = MPI_KEYVAL_INVALID, kdup = MPI_KEYVAL_INVALID, flag;
    MPI_OK(MPI_Comm_dup(W, &base));
    MPI_OK(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, MPI_COMM_NULL_DELETE_FN, &knull, NULL));
    MPI_OK(MPI_Comm_create_keyval(MPI_COMM_DUP_FN, MPI_COMM_NULL_DELETE_FN, &kdup, NULL));
    CHECK(knull != MPI_KEYVAL_INVALID && kdup != MPI_KEYVAL_INVALID && knull != kdup);
    /* nothing set yet */
    CHECK(get(base, knull, &flag) == NULL && flag == 0);
    MPI_OK(MPI_Comm_set_attr(base, knull, &slots[0]));
    MPI_OK(MPI_Comm_set_attr(base, kdup, &slots[1]));
    CHECK(get(base, knull, &flag) == &slots[0] && flag == 1);
    CHECK(get(base, kdup, &flag) == &slots[1] && flag == 1);
    /* a value that is not a pointer: integers fit in an attribute too */
    MPI_OK(MPI_Comm_set_attr(base, knull, (void *)(MPI_Aint)12345));
    CHECK(get(base, knull, &flag) == (void *)(MPI_Aint)12345);
    MPI_OK(MPI_Comm_set_attr(base, knull, &slots[0]));
    /* the keys are per communicator */
    CHECK(get(W, kdup, &flag) == NULL && flag == 0);

    MPI_OK(MPI_Comm_dup(base, &d));
    CHECK(get(d, knull, &flag) == NULL && flag == 0);     /* not copied */
    CHECK(get(d, kdup, &flag) == &slots[1] && flag == 1); /* copied */
    /* the copy is independent */
    MPI_OK(MPI_Comm_set_attr(d, kdup, &slots[2]));
    CHECK(get(base, kdup, &flag) == &slots[1]);
    MPI_OK(MPI_Comm_delete_attr(d, kdup));
    CHECK(get(d, kdup, &flag) == NULL && flag == 0);
    CHECK(get(base, kdup, &flag) == &slots[1]);
    MPI_OK(MPI_Comm_free(&d));

    /* Comm_idup copies attributes like Comm_dup */
    MPI_Request rq;
    MPI_OK(MPI_Comm_idup(base, &d, &rq));
    MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
    CHECK(get(d, kdup, &flag) == &slots[1] && flag == 1);
    CHECK(get(d, knull, &flag) == NULL && flag == 0);
    MPI_OK(MPI_Comm_free(&d));

    MPI_OK(MPI_Comm_free_keyval(&knull));
    MPI_OK(MPI_Comm_free_keyval(&kdup));
    CHECK(knull == MPI_KEYVAL_INVALID && kdup == MPI_KEYVAL_INVALID);
    MPI_OK(MPI_Comm_free(&base));
}

static void test_callbacks(void)
{
    MPI_Comm base, d, d2;
    counters_t c = {0};
    int k, flag;
    MPI_OK(MPI_Comm_dup(W, &base));
    MPI_OK(MPI_Comm_create_keyval(copy_cb, delete_cb, &k, &c));
    c.keyval = k;
    c.copy_flag = 1;
    MPI_OK(MPI_Comm_set_attr(base, k, &slots[0]));
    CHECK(c.copies == 0 && c.deletes == 0);
    /* replacing a value deletes the old one */
    MPI_OK(MPI_Comm_set_attr(base, k, &slots[3]));
    CHECKF(c.deletes == 1 && c.deleted == &slots[0], "deletes %d", c.deletes);
    CHECK(get(base, k, &flag) == &slots[3]);
    /* dup: one copy call, the dup gets the next slot */
    MPI_OK(MPI_Comm_dup(base, &d));
    CHECKF(c.copies == 1, "copies %d", c.copies);
    CHECK(get(d, k, &flag) == &slots[4] && flag == 1);
    CHECK(get(base, k, &flag) == &slots[3]);
    /* dup of the dup */
    MPI_OK(MPI_Comm_dup(d, &d2));
    CHECK(c.copies == 2 && get(d2, k, &flag) == &slots[5]);
    /* explicit delete */
    MPI_OK(MPI_Comm_delete_attr(base, k));
    CHECKF(c.deletes == 2 && c.deleted == &slots[3], "deletes %d", c.deletes);
    CHECK(get(base, k, &flag) == NULL && flag == 0);
    /* a dup of a communicator without the attribute calls no copy */
    {
        MPI_Comm e;
        MPI_OK(MPI_Comm_dup(base, &e));
        CHECK(c.copies == 2);
        CHECK(get(e, k, &flag) == NULL && flag == 0);
        MPI_OK(MPI_Comm_free(&e));
        CHECK(c.deletes == 2);
    }
    /* freeing a communicator deletes its attributes */
    MPI_OK(MPI_Comm_free(&d));
    CHECKF(c.deletes == 3 && c.deleted == &slots[4], "deletes %d", c.deletes);
    CHECK(d == MPI_COMM_NULL);
    /* a copy callback answering flag = 0 copies nothing */
    c.copy_flag = 0;
    MPI_OK(MPI_Comm_dup(d2, &d));
    CHECK(c.copies == 3);
    CHECK(get(d, k, &flag) == NULL && flag == 0);
    MPI_OK(MPI_Comm_free(&d));
    CHECK(c.deletes == 3);
    /* Comm_idup runs the copy callback too */
    c.copy_flag = 1;
    {
        MPI_Request rq;
        MPI_OK(MPI_Comm_idup(d2, &d, &rq));
        MPI_OK(MPI_Wait(&rq, MPI_STATUS_IGNORE));
        CHECKF(c.copies == 4, "copies %d after idup", c.copies);
        CHECK(get(d, k, &flag) == &slots[6] && flag == 1);
        int sum = -1;
        MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, d));
        CHECK(sum == t_size * (t_size - 1) / 2);
        MPI_OK(MPI_Comm_free(&d));
        CHECK(c.deletes == 4 && c.deleted == &slots[6]);
    }
    /* a freed keyval stays valid for the attributes that use it */
    MPI_OK(MPI_Comm_free_keyval(&k));
    CHECK(k == MPI_KEYVAL_INVALID);
    CHECK(c.deletes == 4);
    MPI_OK(MPI_Comm_free(&d2));
    CHECKF(c.deletes == 5 && c.deleted == &slots[5], "deletes %d", c.deletes);
    CHECKF(c.bad_args == 0, "%d callbacks with a wrong keyval", c.bad_args);
    MPI_OK(MPI_Comm_free(&base));
    CHECK(c.copies == 4 && c.deletes == 5);
}

static void test_intercomm(void)
{
    int inter = -1;
    MPI_OK(MPI_Comm_test_inter(W, &inter));
    CHECK(inter == 0);
    MPI_OK(MPI_Comm_test_inter(MPI_COMM_SELF, &inter));
    CHECK(inter == 0);
    if (t_size < 2)
        return;
    /* group 0: the lower half of the world ranks, group 1: the rest */
    int half = t_size / 2, color = t_rank < half ? 0 : 1;
    int lsize = color ? t_size - half : half, rsize = t_size - lsize;
    MPI_Comm local, ic, merged;
    MPI_OK(MPI_Comm_split(W, color, t_rank, &local));
    MPI_OK(MPI_Intercomm_create(local, 0, W, color ? 0 : half, 77, &ic));
    MPI_OK(MPI_Comm_test_inter(ic, &inter));
    CHECK(inter == 1);
    int size = -1, rsz = -1, rank = -1;
    MPI_OK(MPI_Comm_size(ic, &size));
    MPI_OK(MPI_Comm_remote_size(ic, &rsz));
    MPI_OK(MPI_Comm_rank(ic, &rank));
    CHECKF(size == lsize && rsz == rsize, "size %d remote %d", size, rsz);
    CHECKF(rank == (color ? t_rank - half : t_rank), "rank %d", rank);
    /* ranks in point-to-point calls name the remote group */
    if (rank == 0) {
        int x = t_rank, y = -1;
        MPI_Status st;
        MPI_OK(MPI_Sendrecv(&x, 1, MPI_INT, 0, 5, &y, 1, MPI_INT, 0, 5, ic, &st));
        CHECKF(y == (color ? 0 : half), "remote leader sent %d", y);
        CHECK(st.MPI_SOURCE == 0);
    }
    /* Allreduce on an intercommunicator: each group gets the other's sum */
    int sum = -1, lo = 0, hi = 0;
    for (int r = 0; r < half; r++)
        lo += r;
    for (int r = half; r < t_size; r++)
        hi += r;
    MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, ic));
    CHECKF(sum == (color ? lo : hi), "intercomm allreduce %d", sum);
    /* Bcast from the root of group 0 */
    int b = color ? -1 : 4242;
    if (color == 0)
        MPI_OK(MPI_Bcast(&b, 1, MPI_INT, rank == 0 ? MPI_ROOT : MPI_PROC_NULL, ic));
    else
        MPI_OK(MPI_Bcast(&b, 1, MPI_INT, 0, ic));
    CHECK(b == 4242);
    /* merge with group 0 first: the merged ranks are the world ranks */
    MPI_OK(MPI_Intercomm_merge(ic, color, &merged));
    MPI_OK(MPI_Comm_test_inter(merged, &inter));
    CHECK(inter == 0);
    MPI_OK(MPI_Comm_size(merged, &size));
    MPI_OK(MPI_Comm_rank(merged, &rank));
    CHECKF(size == t_size && rank == t_rank, "merged size %d rank %d", size, rank);
    MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, merged));
    CHECK(sum == lo + hi);
    MPI_Comm m2;
    /* merged the other way round: group 1 first */
    MPI_OK(MPI_Intercomm_merge(ic, !color, &m2));
    MPI_OK(MPI_Comm_rank(m2, &rank));
    CHECKF(rank == (color ? t_rank - half : t_rank + (t_size - half)), "reverse merge rank %d",
           rank);
    MPI_OK(MPI_Comm_free(&m2));
    MPI_OK(MPI_Comm_free(&merged));
    MPI_OK(MPI_Comm_free(&ic));
    MPI_OK(MPI_Comm_free(&local));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("commattr");

    t_begin("predefined-tag-ub");
    test_predefined();
    t_end();
    t_begin("null-copy-dup-fn");
    test_null_and_dup_fn();
    t_end();
    t_begin("user-callbacks");
    test_callbacks();
    t_end();
    t_begin("intercomm");
    test_intercomm();
    t_end();

    return t_finish();
}
