/*
 * typeattr.c - datatype and window attributes: MPI_Type_create_keyval
 * (MPI_TYPE_NULL_COPY_FN, MPI_TYPE_DUP_FN, MPI_TYPE_NULL_DELETE_FN, and user
 * copy/delete callbacks that count their calls and check their arguments),
 * MPI_Type_set_attr (replacing a value runs the delete callback),
 * MPI_Type_get_attr, MPI_Type_delete_attr, MPI_Type_free_keyval
 * (MPI_KEYVAL_INVALID; attributes outlive their freed keyval), attributes
 * on a predefined datatype, copy callbacks on MPI_Type_dup (also a dup of a
 * dup), delete callbacks on MPI_Type_free; MPI_Win_create_keyval,
 * MPI_Win_set_attr, MPI_Win_get_attr, MPI_Win_delete_attr,
 * MPI_Win_free_keyval, delete callbacks on MPI_Win_free; the predefined
 * window attributes MPI_WIN_BASE, MPI_WIN_SIZE, MPI_WIN_DISP_UNIT,
 * MPI_WIN_CREATE_FLAVOR and MPI_WIN_MODEL of windows made by
 * MPI_Win_create and MPI_Win_allocate; a keyval of one kind refused by the
 * functions of the others (any error: the class differs between
 * implementations).
 *
 * Native Open MPI cannot MPI_Win_create on a one-process communicator
 * (README: osc/rdma); there the window group falls back to MPI_Win_allocate
 * and checks that flavor instead, as rma.c does.
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

static int slots[16];

typedef struct {
    int keyval;   /* the keyval the callbacks expect */
    int copies;   /* copy callback calls */
    int deletes;  /* delete callback calls */
    void *deleted; /* value seen by the last delete */
    int copy_flag; /* what the copy callback answers in *flag */
    int bad_args; /* calls with an unexpected keyval or object */
    MPI_Datatype type; /* the object the callbacks expect (types) */
    MPI_Win win;       /* (windows) */
} counters_t;

static int type_copy(MPI_Datatype old, int keyval, void *extra, void *in, void *out, int *flag)
{
    counters_t *c = extra;
    c->copies++;
    if (keyval != c->keyval || old != c->type)
        c->bad_args++;
    *(void **)out = (int *)in + 1;
    *flag = c->copy_flag;
    return MPI_SUCCESS;
}

static int type_delete(MPI_Datatype t, int keyval, void *val, void *extra)
{
    counters_t *c = extra;
    (void)t;
    c->deletes++;
    c->deleted = val;
    if (keyval != c->keyval)
        c->bad_args++;
    return MPI_SUCCESS;
}

static int win_copy(MPI_Win old, int keyval, void *extra, void *in, void *out, int *flag)
{
    counters_t *c = extra;
    (void)old;
    (void)keyval;
    c->copies++;
    *(void **)out = in;
    *flag = 1;
    return MPI_SUCCESS;
}

static int win_delete(MPI_Win w, int keyval, void *val, void *extra)
{
    counters_t *c = extra;
    c->deletes++;
    c->deleted = val;
    if (keyval != c->keyval || w != c->win)
        c->bad_args++;
    return MPI_SUCCESS;
}

/* the attribute of t under key, or NULL when there is none */
static void *type_attr(MPI_Datatype t, int key)
{
    void *v = NULL;
    int flag = -1;
    MPI_OK(MPI_Type_get_attr(t, key, &v, &flag));
    CHECK(flag == 0 || flag == 1);
    return flag ? v : NULL;
}

static void *win_attr(MPI_Win w, int key)
{
    void *v = NULL;
    int flag = -1;
    MPI_OK(MPI_Win_get_attr(w, key, &v, &flag));
    CHECK(flag == 0 || flag == 1);
    return flag ? v : NULL;
}

static void test_type_keyval(void)
{
    counters_t c = {0};
    MPI_Datatype t, u;
    MPI_OK(MPI_Type_contiguous(3, MPI_INT, &t));
    MPI_OK(MPI_Type_contiguous(2, MPI_DOUBLE, &u));
    MPI_OK(MPI_Type_create_keyval(type_copy, type_delete, &c.keyval, &c));
    c.type = t;
    CHECK(type_attr(t, c.keyval) == NULL);
    MPI_OK(MPI_Type_set_attr(t, c.keyval, &slots[0]));
    CHECK(type_attr(t, c.keyval) == &slots[0]);
    CHECK(type_attr(u, c.keyval) == NULL);
    CHECK(c.deletes == 0);
    /* replacing runs the delete callback on the old value */
    MPI_OK(MPI_Type_set_attr(t, c.keyval, &slots[1]));
    CHECK(c.deletes == 1 && c.deleted == &slots[0]);
    CHECK(type_attr(t, c.keyval) == &slots[1]);
    MPI_OK(MPI_Type_delete_attr(t, c.keyval));
    CHECK(c.deletes == 2 && c.deleted == &slots[1]);
    CHECK(type_attr(t, c.keyval) == NULL);
    /* an attribute outlives its freed keyval */
    MPI_OK(MPI_Type_set_attr(u, c.keyval, &slots[2]));
    int k = c.keyval;
    MPI_OK(MPI_Type_free_keyval(&k));
    CHECK(k == MPI_KEYVAL_INVALID);
    CHECK(type_attr(u, c.keyval) == &slots[2]);
    MPI_OK(MPI_Type_free(&u));
    CHECK(u == MPI_DATATYPE_NULL);
    CHECK(c.deletes == 3 && c.deleted == &slots[2]);
    MPI_OK(MPI_Type_free(&t));
    CHECK(c.deletes == 3 && c.bad_args == 0);
}

static void test_type_dup(void)
{
    counters_t keep = {0}, drop = {0};
    int kdup, knull;
    MPI_Datatype t, d, dd;
    MPI_OK(MPI_Type_vector(2, 1, 3, MPI_INT, &t));
    MPI_OK(MPI_Type_commit(&t));
    MPI_OK(MPI_Type_create_keyval(MPI_TYPE_DUP_FN, MPI_TYPE_NULL_DELETE_FN, &kdup, NULL));
    MPI_OK(MPI_Type_create_keyval(MPI_TYPE_NULL_COPY_FN, MPI_TYPE_NULL_DELETE_FN, &knull, NULL));
    MPI_OK(MPI_Type_create_keyval(type_copy, type_delete, &keep.keyval, &keep));
    MPI_OK(MPI_Type_create_keyval(type_copy, type_delete, &drop.keyval, &drop));
    keep.copy_flag = 1;
    drop.copy_flag = 0;
    keep.type = drop.type = t;
    MPI_OK(MPI_Type_set_attr(t, kdup, &slots[3]));
    MPI_OK(MPI_Type_set_attr(t, knull, &slots[4]));
    MPI_OK(MPI_Type_set_attr(t, keep.keyval, &slots[5]));
    MPI_OK(MPI_Type_set_attr(t, drop.keyval, &slots[6]));
    MPI_OK(MPI_Type_dup(t, &d));
    CHECK(type_attr(d, kdup) == &slots[3]);
    CHECK(type_attr(d, knull) == NULL);
    CHECK(type_attr(d, keep.keyval) == &slots[6]); /* copy gives in + 1 */
    CHECK(type_attr(d, drop.keyval) == NULL);
    CHECK(keep.copies == 1 && drop.copies == 1);
    /* the original keeps its own values */
    CHECK(type_attr(t, keep.keyval) == &slots[5]);
    /* a dup of the dup copies from the dup */
    keep.type = d;
    drop.type = d;
    MPI_OK(MPI_Type_dup(d, &dd));
    CHECK(type_attr(dd, keep.keyval) == &slots[7]);
    CHECK(type_attr(dd, kdup) == &slots[3]);
    CHECK(keep.copies == 2 && drop.copies == 1);
    /* the dup still describes the same layout */
    int size;
    MPI_OK(MPI_Type_size(dd, &size));
    CHECK(size == 2 * (int)sizeof(int));
    /* freeing each type runs the delete callbacks of its own attributes */
    MPI_OK(MPI_Type_free(&dd));
    CHECK(keep.deletes == 1 && keep.deleted == &slots[7]);
    MPI_OK(MPI_Type_free(&d));
    CHECK(keep.deletes == 2 && keep.deleted == &slots[6]);
    CHECK(drop.deletes == 0);
    MPI_OK(MPI_Type_free(&t));
    CHECK(keep.deletes == 3 && drop.deletes == 1 && drop.deleted == &slots[6]);
    CHECK(keep.bad_args == 0 && drop.bad_args == 0);
    MPI_OK(MPI_Type_free_keyval(&kdup));
    MPI_OK(MPI_Type_free_keyval(&knull));
    MPI_OK(MPI_Type_free_keyval(&keep.keyval));
    MPI_OK(MPI_Type_free_keyval(&drop.keyval));
}

static void test_type_predefined(void)
{
    counters_t c = {0};
    MPI_OK(MPI_Type_create_keyval(MPI_TYPE_NULL_COPY_FN, type_delete, &c.keyval, &c));
    MPI_OK(MPI_Type_set_attr(MPI_INT, c.keyval, &slots[8]));
    CHECK(type_attr(MPI_INT, c.keyval) == &slots[8]);
    CHECK(type_attr(MPI_DOUBLE, c.keyval) == NULL);
    MPI_OK(MPI_Type_delete_attr(MPI_INT, c.keyval));
    CHECK(c.deletes == 1 && c.deleted == &slots[8]);
    CHECK(type_attr(MPI_INT, c.keyval) == NULL);
    MPI_OK(MPI_Type_free_keyval(&c.keyval));
}

/* win makes a window of n ints over buf with MPI_Win_create, or (native
 * Open MPI at np = 1) with MPI_Win_allocate; *flavor says which. */
static MPI_Win make_win(int *buf, int n, int **base, int *flavor)
{
    MPI_Win w = MPI_WIN_NULL;
    MPI_Comm_set_errhandler(W, MPI_ERRORS_RETURN);
    int rc = MPI_Win_create(buf, (MPI_Aint)(n * sizeof(int)), (int)sizeof(int), MPI_INFO_NULL, W, &w);
    int class = MPI_SUCCESS;
    MPI_Error_class(rc, &class);
    if (rc == MPI_SUCCESS) {
        *base = buf;
        *flavor = MPI_WIN_FLAVOR_CREATE;
    } else if (class == MPI_ERR_WIN && t_size == 1) {
        fprintf(stderr, "[rank %d] MPI_Win_create refused on one process: using MPI_Win_allocate\n", t_rank);
        MPI_OK(MPI_Win_allocate((MPI_Aint)(n * sizeof(int)), (int)sizeof(int), MPI_INFO_NULL, W, base, &w));
        *flavor = MPI_WIN_FLAVOR_ALLOCATE;
    } else {
        CHECKF(0, "MPI_Win_create returned %d", rc);
    }
    MPI_Comm_set_errhandler(W, MPI_ERRORS_ARE_FATAL);
    return w;
}

static void check_win_attrs(MPI_Win w, void *base, MPI_Aint size, int disp_unit, int flavor)
{
    void *b = win_attr(w, MPI_WIN_BASE);
    MPI_Aint *s = win_attr(w, MPI_WIN_SIZE);
    int *du = win_attr(w, MPI_WIN_DISP_UNIT);
    int *fl = win_attr(w, MPI_WIN_CREATE_FLAVOR);
    int *model = win_attr(w, MPI_WIN_MODEL);
    CHECK(b == base);
    CHECKF(s != NULL && *s == size, "size %ld", s ? (long)*s : -1L);
    CHECKF(du != NULL && *du == disp_unit, "disp_unit %d", du ? *du : -1);
    CHECKF(fl != NULL && *fl == flavor, "flavor %d", fl ? *fl : -1);
    CHECKF(model != NULL && *model == MPI_WIN_UNIFIED, "model %d", model ? *model : -1);
}

static void test_win_predefined(void)
{
    int buf[8], *base = NULL, flavor = 0;
    MPI_Win w = make_win(buf, 8, &base, &flavor);
    if (w == MPI_WIN_NULL)
        return;
    check_win_attrs(w, base, 8 * (MPI_Aint)sizeof(int), (int)sizeof(int), flavor);
    /* the window works: every rank puts its rank into its right
     * neighbour's first slot */
    MPI_OK(MPI_Win_fence(0, w));
    MPI_OK(MPI_Put(&t_rank, 1, MPI_INT, (t_rank + 1) % t_size, 0, 1, MPI_INT, w));
    MPI_OK(MPI_Win_fence(0, w));
    CHECK(base[0] == (t_rank + t_size - 1) % t_size);
    MPI_OK(MPI_Win_free(&w));

    /* sizes are multiples of 16 bytes: native MPICH 4.0.2 reports an
     * MPI_WIN_BASE 8 bytes below the memory it returned when the ranks
     * before it allocated a multiple of 8 but not of 16 */
    double *d = NULL;
    MPI_Aint size = 4 * (MPI_Aint)sizeof(double) * (t_rank + 1);
    MPI_OK(MPI_Win_allocate(size, (int)sizeof(double), MPI_INFO_NULL, W, &d, &w));
    check_win_attrs(w, d, size, (int)sizeof(double), MPI_WIN_FLAVOR_ALLOCATE);
    MPI_OK(MPI_Win_free(&w));
    CHECK(w == MPI_WIN_NULL);
}

static void test_win_keyval(void)
{
    counters_t c = {0}, n = {0};
    int *base = NULL;
    MPI_Win w;
    MPI_OK(MPI_Win_allocate(4 * (MPI_Aint)sizeof(int), (int)sizeof(int), MPI_INFO_NULL, W, &base, &w));
    c.win = n.win = w;
    MPI_OK(MPI_Win_create_keyval(win_copy, win_delete, &c.keyval, &c));
    MPI_OK(MPI_Win_create_keyval(MPI_WIN_NULL_COPY_FN, MPI_WIN_NULL_DELETE_FN, &n.keyval, &n));
    CHECK(win_attr(w, c.keyval) == NULL);
    MPI_OK(MPI_Win_set_attr(w, c.keyval, &slots[9]));
    MPI_OK(MPI_Win_set_attr(w, n.keyval, &slots[10]));
    CHECK(win_attr(w, c.keyval) == &slots[9]);
    CHECK(win_attr(w, n.keyval) == &slots[10]);
    MPI_OK(MPI_Win_set_attr(w, c.keyval, &slots[11]));
    CHECK(c.deletes == 1 && c.deleted == &slots[9]);
    MPI_OK(MPI_Win_delete_attr(w, c.keyval));
    CHECK(c.deletes == 2 && c.deleted == &slots[11]);
    CHECK(win_attr(w, c.keyval) == NULL);
    MPI_OK(MPI_Win_set_attr(w, c.keyval, &slots[12]));
    /* the keyval is freed; its attribute stays until the window goes */
    int k = c.keyval;
    MPI_OK(MPI_Win_free_keyval(&k));
    CHECK(k == MPI_KEYVAL_INVALID);
    CHECK(win_attr(w, c.keyval) == &slots[12]);
    MPI_OK(MPI_Win_free(&w));
    CHECK(c.deletes == 3 && c.deleted == &slots[12]);
    CHECK(c.copies == 0 && c.bad_args == 0);
    MPI_OK(MPI_Win_free_keyval(&n.keyval));
}

static void test_keyval_kinds(void)
{
    int tk, wk, ck;
    MPI_OK(MPI_Type_create_keyval(MPI_TYPE_NULL_COPY_FN, MPI_TYPE_NULL_DELETE_FN, &tk, NULL));
    MPI_OK(MPI_Win_create_keyval(MPI_WIN_NULL_COPY_FN, MPI_WIN_NULL_DELETE_FN, &wk, NULL));
    MPI_OK(MPI_Comm_create_keyval(MPI_COMM_NULL_COPY_FN, MPI_COMM_NULL_DELETE_FN, &ck, NULL));
    int *base;
    MPI_Win w;
    MPI_OK(MPI_Win_allocate(4 * (MPI_Aint)sizeof(int), (int)sizeof(int), MPI_INFO_NULL, W, &base, &w));
    MPI_Comm_set_errhandler(W, MPI_ERRORS_RETURN);
    MPI_Win_set_errhandler(w, MPI_ERRORS_RETURN);
    CHECK(MPI_Type_set_attr(MPI_INT, ck, &slots[13]) != MPI_SUCCESS);
    CHECK(MPI_Type_set_attr(MPI_INT, wk, &slots[13]) != MPI_SUCCESS);
    CHECK(MPI_Comm_set_attr(W, tk, &slots[13]) != MPI_SUCCESS);
    CHECK(MPI_Win_set_attr(w, tk, &slots[13]) != MPI_SUCCESS);
    CHECK(MPI_Win_set_attr(w, ck, &slots[13]) != MPI_SUCCESS);
    CHECK(MPI_Win_set_attr(w, MPI_WIN_BASE, &slots[13]) != MPI_SUCCESS);
    MPI_Comm_set_errhandler(W, MPI_ERRORS_ARE_FATAL);
    MPI_OK(MPI_Win_free(&w));
    MPI_OK(MPI_Type_free_keyval(&tk));
    MPI_OK(MPI_Win_free_keyval(&wk));
    MPI_OK(MPI_Comm_free_keyval(&ck));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("typeattr");

    t_begin("type-keyval");
    test_type_keyval();
    t_end();
    t_begin("type-dup");
    test_type_dup();
    t_end();
    t_begin("type-predefined");
    test_type_predefined();
    t_end();
    t_begin("win-predefined");
    test_win_predefined();
    t_end();
    t_begin("win-keyval");
    test_win_keyval();
    t_end();
    t_begin("keyval-kinds");
    test_keyval_kinds();
    t_end();

    return t_finish();
}
