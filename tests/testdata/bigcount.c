/*
 * bigcount.c - wasm only: the large-count (_c) functions of the guest
 * library, checked against the int forms and known values within the run
 * (native Open MPI 4.1 has no _c functions at all).
 *
 * Every group runs twice: as built (every count fits in an int, so each _c
 * function is its int form) and, with a suffix "-carried", after
 * wasmrun_mpi_set_count_limit(11) makes the guest library treat any count
 * or displacement above 11 as one that does not fit. Then 25 elements move
 * through a carrier datatype (2 x 11 + 3), blocking reductions go in
 * chunks of 11, and the forms that cannot be carried must fail with MPI_ERR_COUNT
 * (the "limits" group): nonblocking and persistent reductions, v and w
 * collectives, datatype constructors other than contiguous, buffer
 * attach.
 *
 *   p2p       Send/Recv/Ssend/Rsend/Bsend(+Buffer_attach_c/detach_c)/
 *             Isend/Issend/Irsend/Ibsend/Irecv _c, the persistent _init_c
 *             forms with MPI_Start, Sendrecv_c, Sendrecv_replace_c,
 *             Mrecv_c, Imrecv_c, Get_count_c, Get_elements_c (also on a
 *             derived type and a partial one), a truncating Recv_c
 *   coll      Bcast/Gather/Scatter/Allgather/Alltoall/Reduce/Allreduce
 *             (also MPI_IN_PLACE)/Scan/Exscan/Reduce_local/
 *             Reduce_scatter_block _c against known sums; Ibcast_c,
 *             Bcast_init_c, Iallreduce_c and Allreduce_init_c (small)
 *   vcoll     Gatherv/Scatterv/Allgatherv/Alltoallv/Alltoallw/
 *             Reduce_scatter _c, Igatherv_c, Ialltoallv_c, Alltoallv_init_c
 *             with uneven counts and gaps
 *   neighbor  Neighbor_allgather/alltoall/allgatherv/alltoallv/alltoallw _c
 *             and Ineighbor_allgather_c on a periodic ring, against the int
 *             forms
 *   datatype  every Type_*_c constructor against its int form (size,
 *             extent, true extent, packed bytes), Type_size_c,
 *             Type_get_extent_c, Type_get_true_extent_c,
 *             Type_get_envelope_c, Type_get_contents_c, Pack_c, Unpack_c
 *             (at a position), Pack_size_c (the lowered limit applies to
 *             counts and to displacements counted in elements; byte
 *             displacements keep the range of MPI_Aint)
 *   op        Op_create_c: a user function with an MPI_Count length, used
 *             by Allreduce_c and Reduce_local_c
 *   rma       Win_allocate_c, Win_create_c, Put_c, Get_c, Accumulate_c
 *             (fence), Rput_c and Rget_c (lock_all)
 *   get-accumulate  Get_accumulate_c. Over Open MPI 4.1.4 the carried
 *             form fails (get-accumulate-carried): osc/rdma returns a
 *             wrong result buffer for a derived result datatype on an
 *             MPI_Win_create window, natively too
 *   io        File_write_at_c, File_read_at_c, File_write_at_all_c,
 *             File_read_at_all_c, File_write_c, File_read_c,
 *             File_write_all_c, File_read_all_c, File_iwrite_at_c,
 *             File_iread_at_c, File_iwrite_c, File_iread_c,
 *             File_iwrite_all_c, File_iread_all_c, Get_count_c on their
 *             statuses
 *
 * Usage: bigcount [DIR [huge]]. The io group makes its file in DIR
 * (default "."; give wasmrun a --dir for it) and deletes it. With "huge",
 * a last group moves 2^31 + 5 bytes for real: MPI_Sendrecv_replace_c on
 * MPI_COMM_SELF and MPI_Bcast_c on MPI_COMM_WORLD (a 2 GiB buffer per
 * rank, taken with memory.grow and never given back), with
 * MPI_Get_count_c beyond an int, and sizes a 12 GiB contiguous type.
 *
 * Output as in tests/mpi: "ok <group>" lines from rank 0, then PASS or
 * FAIL bigcount; the exit code is 0 only on PASS.
 */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* in the guest library, for tests */
void wasmrun_mpi_set_count_limit(MPI_Count n);

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
#define N 25 /* elements per message: above the lowered limit */
#define LIMIT 11 /* the lowered limit: N = 2 x 11 + 3 */

static int carried; /* the limit is lowered */
static int right, left;

static int class_of(int rc)
{
    int c = -1;
    MPI_Error_class(rc, &c);
    return c;
}

static int val(int rank, int i)
{
    return 1000 * rank + i;
}

static void fill(int *a, int n, int rank)
{
    for (int i = 0; i < n; i++)
        a[i] = val(rank, i);
}

/* from_left checks that a holds n values of the left neighbour */
static int from_left(const int *a, int n)
{
    int bad = 0;
    for (int i = 0; i < n; i++)
        if (a[i] != val(left, i))
            bad++;
    return bad;
}

static void test_p2p(void)
{
    int a[N], b[N];
    MPI_Request r, rs[2];
    MPI_Status st;
    MPI_Count c = -1;
    fill(a, N, t_rank);

    memset(b, 0, sizeof b);
    MPI_OK(MPI_Irecv(b, N, MPI_INT, left, 1, W, &r));
    MPI_OK(MPI_Send_c(a, N, MPI_INT, right, 1, W));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(from_left(b, N) == 0);

    memset(b, 0, sizeof b);
    MPI_OK(MPI_Isend(a, N, MPI_INT, right, 2, W, &r));
    MPI_OK(MPI_Recv_c(b, N, MPI_INT, left, 2, W, &st));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(from_left(b, N) == 0);
    MPI_OK(MPI_Get_count_c(&st, MPI_INT, &c));
    CHECKF(c == N, "count %lld", (long long)c);
    MPI_OK(MPI_Get_elements_c(&st, MPI_INT, &c));
    CHECK(c == N);
    MPI_Datatype three;
    MPI_OK(MPI_Type_contiguous(3, MPI_INT, &three));
    MPI_OK(MPI_Type_commit(&three));
    MPI_OK(MPI_Get_count_c(&st, three, &c));
    CHECK(c == MPI_UNDEFINED); /* 20 ints are not whole triples */
    MPI_OK(MPI_Type_free(&three));

    memset(b, 0, sizeof b);
    MPI_OK(MPI_Irecv_c(b, N, MPI_INT, left, 3, W, &r));
    MPI_OK(MPI_Ssend_c(a, N, MPI_INT, right, 3, W));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(from_left(b, N) == 0);

    memset(b, 0, sizeof b);
    MPI_OK(MPI_Irecv(b, N, MPI_INT, left, 4, W, &r));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Rsend_c(a, N, MPI_INT, right, 4, W));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(from_left(b, N) == 0);

    /* buffered: attach, send, detach */
    int size = 0;
    MPI_OK(MPI_Pack_size(N, MPI_INT, W, &size));
    size += MPI_BSEND_OVERHEAD;
    char *buf = malloc((size_t)size);
    MPI_Count got = -1;
    void *back = NULL;
    /* carried, a buffer above the limit is refused (limits) */
    if (carried)
        MPI_OK(MPI_Buffer_attach(buf, size));
    else
        MPI_OK(MPI_Buffer_attach_c(buf, size));
    memset(b, 0, sizeof b);
    MPI_OK(MPI_Irecv(b, N, MPI_INT, left, 5, W, &r));
    MPI_OK(MPI_Bsend_c(a, N, MPI_INT, right, 5, W));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(from_left(b, N) == 0);
    MPI_OK(MPI_Buffer_detach_c(&back, &got));
    CHECK(back == buf && got == size);

    /* nonblocking sends */
    MPI_OK(MPI_Buffer_attach(buf, size));
    int (*isends[4])(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) = {MPI_Isend_c, MPI_Issend_c, MPI_Irsend_c, MPI_Ibsend_c};
    for (int k = 0; k < 4; k++) {
        memset(b, 0, sizeof b);
        MPI_OK(MPI_Irecv_c(b, N, MPI_INT, left, 10 + k, W, &rs[0]));
        MPI_OK(MPI_Barrier(W)); /* for the ready send */
        MPI_OK(isends[k](a, N, MPI_INT, right, 10 + k, W, &rs[1]));
        MPI_OK(MPI_Waitall(2, rs, MPI_STATUSES_IGNORE));
        CHECKF(from_left(b, N) == 0, "isend form %d", k);
    }

    /* persistent: each started twice */
    int (*inits[4])(const void *, MPI_Count, MPI_Datatype, int, int, MPI_Comm, MPI_Request *) = {MPI_Send_init_c, MPI_Ssend_init_c, MPI_Rsend_init_c, MPI_Bsend_init_c};
    for (int k = 0; k < 4; k++) {
        MPI_OK(MPI_Recv_init_c(b, N, MPI_INT, left, 20 + k, W, &rs[0]));
        MPI_OK(inits[k](a, N, MPI_INT, right, 20 + k, W, &rs[1]));
        for (int round = 0; round < 2; round++) {
            memset(b, 0, sizeof b);
            MPI_OK(MPI_Start(&rs[0]));
            MPI_OK(MPI_Barrier(W));
            MPI_OK(MPI_Start(&rs[1]));
            MPI_OK(MPI_Waitall(2, rs, MPI_STATUSES_IGNORE));
            CHECKF(from_left(b, N) == 0, "persistent form %d round %d", k, round);
        }
        MPI_OK(MPI_Request_free(&rs[0]));
        MPI_OK(MPI_Request_free(&rs[1]));
    }
    MPI_OK(MPI_Buffer_detach(&back, &size));
    free(buf);

    memset(b, 0, sizeof b);
    MPI_OK(MPI_Sendrecv_c(a, N, MPI_INT, right, 30, b, N, MPI_INT, left, 30, W, &st));
    CHECK(from_left(b, N) == 0);
    MPI_OK(MPI_Get_count_c(&st, MPI_INT, &c));
    CHECK(c == N);

    fill(b, N, t_rank);
    MPI_OK(MPI_Sendrecv_replace_c(b, N, MPI_INT, right, 31, left, 31, W, &st));
    CHECK(from_left(b, N) == 0);

    /* matched receives */
    MPI_Message m;
    memset(b, 0, sizeof b);
    MPI_OK(MPI_Isend(a, N, MPI_INT, right, 32, W, &r));
    MPI_OK(MPI_Mprobe(left, 32, W, &m, &st));
    MPI_OK(MPI_Get_count_c(&st, MPI_INT, &c));
    CHECK(c == N);
    MPI_OK(MPI_Mrecv_c(b, c, MPI_INT, &m, &st));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(from_left(b, N) == 0 && m == MPI_MESSAGE_NULL);
    memset(b, 0, sizeof b);
    MPI_OK(MPI_Isend(a, N, MPI_INT, right, 33, W, &rs[1]));
    MPI_OK(MPI_Mprobe(left, 33, W, &m, &st));
    MPI_OK(MPI_Imrecv_c(b, N, MPI_INT, &m, &rs[0]));
    MPI_OK(MPI_Waitall(2, rs, MPI_STATUSES_IGNORE));
    CHECK(from_left(b, N) == 0);

    /* a derived type: whole and partial copies */
    MPI_Datatype pair;
    MPI_OK(MPI_Type_contiguous(2, MPI_INT, &pair));
    MPI_OK(MPI_Type_commit(&pair));
    memset(b, 0, sizeof b);
    /* an odd number of ints: 11 whole pairs and half of one */
    MPI_OK(MPI_Isend(a, 23, MPI_INT, right, 34, W, &r));
    MPI_OK(MPI_Recv_c(b, 12, pair, left, 34, W, &st));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(from_left(b, 23) == 0);
    MPI_OK(MPI_Get_count_c(&st, pair, &c));
    CHECK(c == MPI_UNDEFINED);
    MPI_OK(MPI_Get_elements_c(&st, pair, &c));
    CHECKF(c == 23, "elements %lld", (long long)c);
    MPI_OK(MPI_Type_free(&pair));

    /* a receive that is too small still truncates */
    MPI_Comm_set_errhandler(W, MPI_ERRORS_RETURN);
    MPI_OK(MPI_Isend(a, N, MPI_INT, right, 35, W, &r));
    int rc = MPI_Recv_c(b, N / 2, MPI_INT, left, 35, W, &st);
    CHECKF(class_of(rc) == MPI_ERR_TRUNCATE, "class %d", class_of(rc));
    MPI_Wait(&r, MPI_STATUS_IGNORE);
    MPI_Comm_set_errhandler(W, MPI_ERRORS_ARE_FATAL);
}

static void test_coll(void)
{
    int n = t_size;
    int a[N], *big = malloc((size_t)(N * n) * sizeof *big), *big2 = malloc((size_t)(N * n) * sizeof *big2);
    int bad;

    for (int i = 0; i < N; i++)
        a[i] = t_rank == 0 ? 7 * i + 1 : 0;
    MPI_OK(MPI_Bcast_c(a, N, MPI_INT, 0, W));
    bad = 0;
    for (int i = 0; i < N; i++)
        bad += a[i] != 7 * i + 1;
    CHECK(bad == 0);

    fill(a, N, t_rank);
    MPI_OK(MPI_Gather_c(a, N, MPI_INT, big, N, MPI_INT, 0, W));
    if (t_rank == 0) {
        bad = 0;
        for (int r = 0; r < n; r++)
            for (int i = 0; i < N; i++)
                bad += big[r * N + i] != val(r, i);
        CHECK(bad == 0);
    }
    for (int r = 0; r < n; r++)
        fill(big + r * N, N, r + 50);
    MPI_OK(MPI_Scatter_c(big, N, MPI_INT, a, N, MPI_INT, 0, W));
    bad = 0;
    for (int i = 0; i < N; i++)
        bad += a[i] != val(t_rank + 50, i);
    CHECK(bad == 0);

    fill(a, N, t_rank);
    memset(big, 0, (size_t)(N * n) * sizeof *big);
    MPI_OK(MPI_Allgather_c(a, N, MPI_INT, big, N, MPI_INT, W));
    bad = 0;
    for (int r = 0; r < n; r++)
        for (int i = 0; i < N; i++)
            bad += big[r * N + i] != val(r, i);
    CHECK(bad == 0);

    for (int j = 0; j < n; j++)
        for (int i = 0; i < N; i++)
            big[j * N + i] = 1000 * t_rank + 100 * j + i;
    MPI_OK(MPI_Alltoall_c(big, N, MPI_INT, big2, N, MPI_INT, W));
    bad = 0;
    for (int j = 0; j < n; j++)
        for (int i = 0; i < N; i++)
            bad += big2[j * N + i] != 1000 * j + 100 * t_rank + i;
    CHECK(bad == 0);

    /* reductions: a[i] = rank + i */
    int s[N], sum0 = n * (n - 1) / 2;
    for (int i = 0; i < N; i++)
        a[i] = t_rank + i;
    memset(s, 0, sizeof s);
    MPI_OK(MPI_Reduce_c(a, s, N, MPI_INT, MPI_SUM, 0, W));
    if (t_rank == 0) {
        bad = 0;
        for (int i = 0; i < N; i++)
            bad += s[i] != sum0 + n * i;
        CHECK(bad == 0);
    }
    /* at a non-root the receive buffer is not significant */
    MPI_OK(MPI_Reduce_c(a, t_rank == 0 ? s : NULL, N, MPI_INT, MPI_SUM, 0, W));
    MPI_OK(MPI_Allreduce_c(a, s, N, MPI_INT, MPI_SUM, W));
    bad = 0;
    for (int i = 0; i < N; i++)
        bad += s[i] != sum0 + n * i;
    CHECK(bad == 0);
    memcpy(s, a, sizeof s);
    MPI_OK(MPI_Allreduce_c(MPI_IN_PLACE, s, N, MPI_INT, MPI_MAX, W));
    bad = 0;
    for (int i = 0; i < N; i++)
        bad += s[i] != n - 1 + i;
    CHECK(bad == 0);
    MPI_OK(MPI_Scan_c(a, s, N, MPI_INT, MPI_SUM, W));
    bad = 0;
    for (int i = 0; i < N; i++)
        bad += s[i] != t_rank * (t_rank + 1) / 2 + (t_rank + 1) * i;
    CHECK(bad == 0);
    MPI_OK(MPI_Exscan_c(a, s, N, MPI_INT, MPI_SUM, W));
    if (t_rank > 0) {
        bad = 0;
        for (int i = 0; i < N; i++)
            bad += s[i] != t_rank * (t_rank - 1) / 2 + t_rank * i;
        CHECK(bad == 0);
    }
    int in[N];
    for (int i = 0; i < N; i++) {
        in[i] = i;
        s[i] = 2 * i;
    }
    MPI_OK(MPI_Reduce_local_c(in, s, N, MPI_INT, MPI_SUM));
    bad = 0;
    for (int i = 0; i < N; i++)
        bad += s[i] != 3 * i;
    CHECK(bad == 0);

    /* Reduce_scatter_block cannot be split: carried, it is refused (limits) */
    if (!carried) {
        for (int j = 0; j < n; j++)
            for (int i = 0; i < N; i++)
                big[j * N + i] = t_rank + j + i;
        MPI_OK(MPI_Reduce_scatter_block_c(big, s, N, MPI_INT, MPI_SUM, W));
        bad = 0;
        for (int i = 0; i < N; i++)
            bad += s[i] != sum0 + n * (t_rank + i);
        CHECK(bad == 0);
    }

    /* nonblocking and persistent */
    MPI_Request r;
    for (int i = 0; i < N; i++)
        a[i] = t_rank == n - 1 ? 3 * i : -1;
    MPI_OK(MPI_Ibcast_c(a, N, MPI_INT, n - 1, W, &r));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    bad = 0;
    for (int i = 0; i < N; i++)
        bad += a[i] != 3 * i;
    CHECK(bad == 0);
    MPI_OK(MPI_Bcast_init_c(a, N, MPI_INT, 0, W, MPI_INFO_NULL, &r));
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < N; i++)
            a[i] = t_rank == 0 ? i + round : -1;
        MPI_OK(MPI_Start(&r));
        MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
        bad = 0;
        for (int i = 0; i < N; i++)
            bad += a[i] != i + round;
        CHECKF(bad == 0, "round %d", round);
    }
    MPI_OK(MPI_Request_free(&r));
    /* 5 elements: within the lowered limit too */
    for (int i = 0; i < 5; i++)
        a[i] = t_rank + i;
    MPI_OK(MPI_Iallreduce_c(a, s, 5, MPI_INT, MPI_SUM, W, &r));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    bad = 0;
    for (int i = 0; i < 5; i++)
        bad += s[i] != sum0 + n * i;
    CHECK(bad == 0);
    MPI_OK(MPI_Allreduce_init_c(a, s, 5, MPI_INT, MPI_SUM, W, MPI_INFO_NULL, &r));
    for (int round = 0; round < 2; round++) {
        memset(s, 0, sizeof s);
        MPI_OK(MPI_Start(&r));
        MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
        bad = 0;
        for (int i = 0; i < 5; i++)
            bad += s[i] != sum0 + n * i;
        CHECKF(bad == 0, "round %d", round);
    }
    MPI_OK(MPI_Request_free(&r));
    free(big);
    free(big2);
}

/* counts of the v tests: c(j) elements for process j, laid out with a gap
 * of one element after each block (displacements stay within the lowered
 * limit up to 4 processes) */
static int vc(int j)
{
    return j % 3 + 1;
}

static void vlayout(MPI_Count *counts, MPI_Aint *displs, int n)
{
    MPI_Aint d = 0;
    for (int j = 0; j < n; j++) {
        counts[j] = vc(j);
        displs[j] = d;
        d += vc(j) + 1;
    }
}

static void test_vcoll(void)
{
    int n = t_size, bad;
    MPI_Count *counts = malloc((size_t)n * sizeof *counts);
    MPI_Aint *displs = malloc((size_t)n * sizeof *displs);
    int total = 4 * n + 1;
    int *all = malloc((size_t)total * sizeof *all), mine[3];
    vlayout(counts, displs, n);
    for (int i = 0; i < vc(t_rank); i++)
        mine[i] = val(t_rank, i);

    for (int k = 0; k < total; k++)
        all[k] = -9;
    MPI_OK(MPI_Gatherv_c(mine, vc(t_rank), MPI_INT, all, counts, displs, MPI_INT, 0, W));
    if (t_rank == 0) {
        bad = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < vc(j); i++)
                bad += all[displs[j] + i] != val(j, i);
            bad += all[displs[j] + vc(j)] != -9;
        }
        CHECK(bad == 0);
    }
    /* a non-root passes no arrays */
    MPI_OK(MPI_Gatherv_c(mine, vc(t_rank), MPI_INT, all, t_rank == 0 ? counts : NULL, t_rank == 0 ? displs : NULL, MPI_INT, 0, W));

    for (int j = 0; j < n; j++)
        for (int i = 0; i < vc(j); i++)
            all[displs[j] + i] = val(j + 20, i);
    memset(mine, 0, sizeof mine);
    MPI_OK(MPI_Scatterv_c(all, counts, displs, MPI_INT, mine, vc(t_rank), MPI_INT, 0, W));
    bad = 0;
    for (int i = 0; i < vc(t_rank); i++)
        bad += mine[i] != val(t_rank + 20, i);
    CHECK(bad == 0);

    for (int i = 0; i < vc(t_rank); i++)
        mine[i] = val(t_rank, i);
    for (int k = 0; k < total; k++)
        all[k] = -9;
    MPI_OK(MPI_Allgatherv_c(mine, vc(t_rank), MPI_INT, all, counts, displs, MPI_INT, W));
    bad = 0;
    for (int j = 0; j < n; j++) {
        for (int i = 0; i < vc(j); i++)
            bad += all[displs[j] + i] != val(j, i);
        bad += all[displs[j] + vc(j)] != -9;
    }
    CHECK(bad == 0);

    /* alltoallv: to process j, (rank + j) % 3 + 1 elements, so what j
     * sends here is as long as what goes there */
    MPI_Count *sc = malloc((size_t)n * sizeof *sc), *rc = malloc((size_t)n * sizeof *rc);
    MPI_Aint *sd = malloc((size_t)n * sizeof *sd), *rd = malloc((size_t)n * sizeof *rd);
    MPI_Aint *sdb = malloc((size_t)n * sizeof *sdb), *rdb = malloc((size_t)n * sizeof *rdb);
    MPI_Datatype *types = malloc((size_t)n * sizeof *types);
    int *sb = malloc((size_t)(3 * n) * sizeof *sb), *rb = malloc((size_t)(3 * n) * sizeof *rb);
    for (int j = 0; j < n; j++) {
        sc[j] = rc[j] = (t_rank + j) % 3 + 1;
        sd[j] = rd[j] = 3 * j;
        sdb[j] = rdb[j] = 3 * j * (MPI_Aint)sizeof(int);
        types[j] = MPI_INT;
        for (int i = 0; i < 3; i++)
            sb[3 * j + i] = 1000 * t_rank + 10 * j + i;
    }
    for (int form = 0; form < 4; form++) {
        for (int k = 0; k < 3 * n; k++)
            rb[k] = -9;
        MPI_Request r;
        switch (form) {
        case 0:
            MPI_OK(MPI_Alltoallv_c(sb, sc, sd, MPI_INT, rb, rc, rd, MPI_INT, W));
            break;
        case 1:
            MPI_OK(MPI_Alltoallw_c(sb, sc, sdb, types, rb, rc, rdb, types, W));
            break;
        case 2:
            MPI_OK(MPI_Ialltoallv_c(sb, sc, sd, MPI_INT, rb, rc, rd, MPI_INT, W, &r));
            MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
            break;
        case 3:
            MPI_OK(MPI_Alltoallv_init_c(sb, sc, sd, MPI_INT, rb, rc, rd, MPI_INT, W, MPI_INFO_NULL, &r));
            MPI_OK(MPI_Start(&r));
            MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
            MPI_OK(MPI_Request_free(&r));
            break;
        }
        bad = 0;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < 3; i++)
                bad += rb[3 * j + i] != (i < rc[j] ? 1000 * j + 10 * t_rank + i : -9);
        CHECKF(bad == 0, "alltoall form %d: %d bad", form, bad);
    }

    /* Igatherv keeps its int arrays until completion */
    MPI_Request r;
    for (int k = 0; k < total; k++)
        all[k] = -9;
    MPI_OK(MPI_Igatherv_c(mine, vc(t_rank), MPI_INT, all, counts, displs, MPI_INT, n - 1, W, &r));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    if (t_rank == n - 1) {
        bad = 0;
        for (int j = 0; j < n; j++)
            for (int i = 0; i < vc(j); i++)
                bad += all[displs[j] + i] != val(j, i);
        CHECK(bad == 0);
    }

    /* reduce_scatter: process j gets vc(j) sums */
    int *src = malloc((size_t)total * sizeof *src), got[3];
    int pos = 0;
    for (int j = 0; j < n; j++)
        for (int i = 0; i < vc(j); i++)
            src[pos++] = t_rank + 10 * j + i;
    MPI_OK(MPI_Reduce_scatter_c(src, got, counts, MPI_INT, MPI_SUM, W));
    bad = 0;
    for (int i = 0; i < vc(t_rank); i++)
        bad += got[i] != n * (n - 1) / 2 + n * (10 * t_rank + i);
    CHECK(bad == 0);

    free(src);
    free(counts);
    free(displs);
    free(all);
    free(sc);
    free(rc);
    free(sd);
    free(rd);
    free(sdb);
    free(rdb);
    free(types);
    free(sb);
    free(rb);
}

static void test_neighbor(void)
{
    MPI_Comm ring;
    int dims[1] = {t_size}, periods[1] = {1};
    MPI_OK(MPI_Cart_create(W, 1, dims, periods, 0, &ring));
    int a[N], r1[2 * N], r2[2 * N], s2[2 * N];
    fill(a, N, t_rank);
    for (int i = 0; i < 2 * N; i++)
        s2[i] = val(t_rank, i);

    memset(r1, 0, sizeof r1);
    memset(r2, 0, sizeof r2);
    MPI_OK(MPI_Neighbor_allgather(a, N, MPI_INT, r1, N, MPI_INT, ring));
    MPI_OK(MPI_Neighbor_allgather_c(a, N, MPI_INT, r2, N, MPI_INT, ring));
    CHECK(memcmp(r1, r2, sizeof r1) == 0);
    CHECK(r1[0] == val(left, 0));
    MPI_Request r;
    memset(r2, 0, sizeof r2);
    MPI_OK(MPI_Ineighbor_allgather_c(a, N, MPI_INT, r2, N, MPI_INT, ring, &r));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    CHECK(memcmp(r1, r2, sizeof r1) == 0);

    memset(r1, 0, sizeof r1);
    memset(r2, 0, sizeof r2);
    MPI_OK(MPI_Neighbor_alltoall(s2, N, MPI_INT, r1, N, MPI_INT, ring));
    MPI_OK(MPI_Neighbor_alltoall_c(s2, N, MPI_INT, r2, N, MPI_INT, ring));
    CHECK(memcmp(r1, r2, sizeof r1) == 0);

    int ci[2] = {2, 3}, di[2] = {0, 4};
    MPI_Count cc[2] = {2, 3};
    MPI_Aint dc[2] = {0, 4}, db[2] = {0, 4 * (MPI_Aint)sizeof(int)};
    MPI_Datatype ty[2] = {MPI_INT, MPI_INT};
    memset(r1, 0, sizeof r1);
    memset(r2, 0, sizeof r2);
    MPI_OK(MPI_Neighbor_allgatherv(a, 3, MPI_INT, r1, (int[]){3, 3}, di, MPI_INT, ring));
    MPI_OK(MPI_Neighbor_allgatherv_c(a, 3, MPI_INT, r2, (MPI_Count[]){3, 3}, dc, MPI_INT, ring));
    CHECK(memcmp(r1, r2, sizeof r1) == 0);
    /* to the left 2, to the right 3: from the left come 3, from the right 2 */
    int rci[2] = {3, 2};
    MPI_Count rcc[2] = {3, 2};
    memset(r1, 0, sizeof r1);
    memset(r2, 0, sizeof r2);
    MPI_OK(MPI_Neighbor_alltoallv(s2, ci, di, MPI_INT, r1, rci, di, MPI_INT, ring));
    MPI_OK(MPI_Neighbor_alltoallv_c(s2, cc, dc, MPI_INT, r2, rcc, dc, MPI_INT, ring));
    CHECK(memcmp(r1, r2, sizeof r1) == 0);
    memset(r2, 0, sizeof r2);
    MPI_OK(MPI_Neighbor_alltoallw_c(s2, cc, db, ty, r2, rcc, db, ty, ring));
    CHECK(memcmp(r1, r2, sizeof r1) == 0);
    MPI_OK(MPI_Comm_free(&ring));
}

/* same_type checks that a (from a _c constructor) and b (int form)
 * describe the same data: size, extent, true extent and packed bytes */
static void same_type(MPI_Datatype a, MPI_Datatype b, const char *what)
{
    MPI_Count sa, sb, la, ea, lb, eb, tla, tea, tlb, teb;
    MPI_OK(MPI_Type_size_c(a, &sa));
    MPI_OK(MPI_Type_size_x(b, &sb));
    MPI_OK(MPI_Type_get_extent_c(a, &la, &ea));
    MPI_OK(MPI_Type_get_extent_x(b, &lb, &eb));
    MPI_OK(MPI_Type_get_true_extent_c(a, &tla, &tea));
    MPI_OK(MPI_Type_get_true_extent_x(b, &tlb, &teb));
    CHECKF(sa == sb && la == lb && ea == eb && tla == tlb && tea == teb, "%s: size %lld/%lld extent %lld/%lld", what, (long long)sa, (long long)sb, (long long)ea, (long long)eb);
    MPI_OK(MPI_Type_commit(&a));
    MPI_OK(MPI_Type_commit(&b));
    static int src[256];
    static char pa[1024], pb[1024];
    for (int i = 0; i < 256; i++)
        src[i] = i;
    int qa = 0, qb = 0;
    if (sa > 0 && sa <= 1024 && tla >= 0 && tla + tea <= (MPI_Count)sizeof src) {
        MPI_OK(MPI_Pack(src, 1, a, pa, 1024, &qa, W));
        MPI_OK(MPI_Pack(src, 1, b, pb, 1024, &qb, W));
        CHECKF(qa == qb && memcmp(pa, pb, (size_t)qa) == 0, "%s: packed bytes differ", what);
    }
    MPI_Type_free(&a);
    MPI_Type_free(&b);
}

static void test_datatype(void)
{
    MPI_Datatype a, b;
    MPI_OK(MPI_Type_contiguous_c(N, MPI_INT, &a));
    MPI_OK(MPI_Type_contiguous(N, MPI_INT, &b));
    same_type(a, b, "contiguous");
    MPI_Datatype pair;
    MPI_OK(MPI_Type_create_resized(MPI_INT, 0, 2 * (MPI_Aint)sizeof(int), &pair));
    MPI_OK(MPI_Type_contiguous_c(N, pair, &a));
    MPI_OK(MPI_Type_contiguous(N, pair, &b));
    same_type(a, b, "contiguous of a resized type");
    MPI_Type_free(&pair);

    MPI_OK(MPI_Type_vector_c(3, 2, 5, MPI_INT, &a));
    MPI_OK(MPI_Type_vector(3, 2, 5, MPI_INT, &b));
    same_type(a, b, "vector");
    MPI_OK(MPI_Type_create_hvector_c(3, 2, 7 * (MPI_Count)sizeof(int), MPI_INT, &a));
    MPI_OK(MPI_Type_create_hvector(3, 2, 7 * (MPI_Aint)sizeof(int), MPI_INT, &b));
    same_type(a, b, "hvector");
    {
        MPI_Count bl[3] = {2, 1, 3}, d[3] = {6, 0, 2};
        int bli[3] = {2, 1, 3}, di[3] = {6, 0, 2};
        MPI_Aint dai[3] = {6 * sizeof(int), 0, 2 * sizeof(int)};
        MPI_Count dac[3] = {6 * sizeof(int), 0, 2 * sizeof(int)};
        MPI_OK(MPI_Type_indexed_c(3, bl, d, MPI_INT, &a));
        MPI_OK(MPI_Type_indexed(3, bli, di, MPI_INT, &b));
        same_type(a, b, "indexed");
        MPI_OK(MPI_Type_create_hindexed_c(3, bl, dac, MPI_INT, &a));
        MPI_OK(MPI_Type_create_hindexed(3, bli, dai, MPI_INT, &b));
        same_type(a, b, "hindexed");
        MPI_OK(MPI_Type_create_indexed_block_c(3, 2, d, MPI_INT, &a));
        MPI_OK(MPI_Type_create_indexed_block(3, 2, di, MPI_INT, &b));
        same_type(a, b, "indexed_block");
        MPI_OK(MPI_Type_create_hindexed_block_c(3, 2, dac, MPI_INT, &a));
        MPI_OK(MPI_Type_create_hindexed_block(3, 2, dai, MPI_INT, &b));
        same_type(a, b, "hindexed_block");
        MPI_Datatype ts[3] = {MPI_INT, MPI_CHAR, MPI_INT};
        MPI_OK(MPI_Type_create_struct_c(3, bl, dac, ts, &a));
        MPI_OK(MPI_Type_create_struct(3, bli, dai, ts, &b));
        same_type(a, b, "struct");
    }
    {
        MPI_Count sz[2] = {6, 5}, sub[2] = {2, 3}, st[2] = {1, 2};
        int szi[2] = {6, 5}, subi[2] = {2, 3}, sti[2] = {1, 2};
        MPI_OK(MPI_Type_create_subarray_c(2, sz, sub, st, MPI_ORDER_C, MPI_INT, &a));
        MPI_OK(MPI_Type_create_subarray(2, szi, subi, sti, MPI_ORDER_C, MPI_INT, &b));
        same_type(a, b, "subarray");
        int distribs[2] = {MPI_DISTRIBUTE_BLOCK, MPI_DISTRIBUTE_CYCLIC}, dargs[2] = {MPI_DISTRIBUTE_DFLT_DARG, 1}, psizes[2] = {1, 1};
        MPI_OK(MPI_Type_create_darray_c(1, 0, 2, sz, distribs, dargs, psizes, MPI_ORDER_C, MPI_INT, &a));
        MPI_OK(MPI_Type_create_darray(1, 0, 2, szi, distribs, dargs, psizes, MPI_ORDER_C, MPI_INT, &b));
        same_type(a, b, "darray");
    }
    MPI_OK(MPI_Type_create_resized_c(MPI_INT, -4, 6 * (MPI_Count)sizeof(int), &a));
    MPI_OK(MPI_Type_create_resized(MPI_INT, -4, 6 * (MPI_Aint)sizeof(int), &b));
    same_type(a, b, "resized");

    /* envelope and contents of a vector */
    MPI_OK(MPI_Type_vector(3, 2, 5, MPI_INT, &b));
    MPI_Count ni, na, nl, nd;
    int comb, ints[3];
    MPI_Aint addrs[1];
    MPI_Count larges[1];
    MPI_Datatype dts[1];
    MPI_OK(MPI_Type_get_envelope_c(b, &ni, &na, &nl, &nd, &comb));
    CHECK(ni == 3 && na == 0 && nl == 0 && nd == 1 && comb == MPI_COMBINER_VECTOR);
    MPI_OK(MPI_Type_get_contents_c(b, 3, 0, 0, 1, ints, addrs, larges, dts));
    CHECK(ints[0] == 3 && ints[1] == 2 && ints[2] == 5 && dts[0] == MPI_INT);
    MPI_OK(MPI_Type_free(&b));
    MPI_Count sz = 0;
    MPI_OK(MPI_Type_size_c(MPI_DOUBLE, &sz));
    CHECK(sz == (MPI_Count)sizeof(double));

    /* pack at a position and back */
    int src[N], dst[N];
    char p1[256], p2[256];
    fill(src, N, t_rank);
    int pos1 = 4;
    MPI_Count pos2 = 4, psize = 0;
    MPI_OK(MPI_Pack(src, N, MPI_INT, p1, 256, &pos1, W));
    MPI_OK(MPI_Pack_c(src, N, MPI_INT, p2, 256, &pos2, W));
    CHECK(pos1 == pos2 && memcmp(p1 + 4, p2 + 4, (size_t)(pos1 - 4)) == 0);
    MPI_OK(MPI_Pack_size_c(N, MPI_INT, W, &psize));
    int isize = 0;
    MPI_OK(MPI_Pack_size(N, MPI_INT, W, &isize));
    CHECK(psize == isize);
    memset(dst, 0, sizeof dst);
    pos2 = 4;
    MPI_OK(MPI_Unpack_c(p2, 256, &pos2, dst, N, MPI_INT, W));
    CHECK(pos2 == pos1 && memcmp(src, dst, sizeof src) == 0);
}

static int max_len_seen;

static void absmax(void *in, void *inout, MPI_Count *len, MPI_Datatype *type)
{
    (void)type;
    int *a = in, *b = inout;
    if (*len > max_len_seen)
        max_len_seen = (int)*len;
    for (MPI_Count i = 0; i < *len; i++) {
        int x = a[i] < 0 ? -a[i] : a[i], y = b[i] < 0 ? -b[i] : b[i];
        b[i] = x > y ? x : y;
    }
}

static void test_op(void)
{
    MPI_Op op;
    MPI_OK(MPI_Op_create_c(absmax, 1, &op));
    int a[N], s[N];
    for (int i = 0; i < N; i++)
        a[i] = (t_rank % 2 ? -1 : 1) * (t_rank * 10 + i);
    max_len_seen = 0;
    MPI_OK(MPI_Allreduce_c(a, s, N, MPI_INT, op, W));
    int bad = 0;
    for (int i = 0; i < N; i++)
        bad += s[i] != (t_size - 1) * 10 + i;
    CHECK(bad == 0);
    /* carried, the reduction goes in chunks of at most LIMIT */
    if (t_size > 1)
        CHECKF(carried ? max_len_seen == LIMIT : max_len_seen == N, "longest call %d", max_len_seen);
    for (int i = 0; i < N; i++)
        s[i] = -i;
    MPI_OK(MPI_Reduce_local_c(a, s, N, MPI_INT, op));
    bad = 0;
    for (int i = 0; i < N; i++)
        bad += s[i] != (t_rank * 10 + i > i ? t_rank * 10 + i : i);
    CHECK(bad == 0);
    MPI_OK(MPI_Op_free(&op));
}

static void test_rma(void)
{
    int *base = NULL, mem[2 * N];
    MPI_Win w, w2;
    MPI_OK(MPI_Win_allocate_c(2 * N * (MPI_Aint)sizeof(int), (MPI_Aint)sizeof(int), MPI_INFO_NULL, W, &base, &w));
    MPI_OK(MPI_Win_create_c(mem, 2 * N * (MPI_Aint)sizeof(int), (MPI_Aint)sizeof(int), MPI_INFO_NULL, W, &w2));
    int a[N], b[N];
    fill(a, N, t_rank);
    for (int i = 0; i < 2 * N; i++)
        base[i] = mem[i] = 0;
    /* each local check of the window is followed by a barrier: after a
     * fence, the next epoch's operations of the others may already land */
    MPI_OK(MPI_Win_fence(0, w));
    MPI_OK(MPI_Put_c(a, N, MPI_INT, right, N, N, MPI_INT, w));
    MPI_OK(MPI_Win_fence(0, w));
    CHECK(from_left(base + N, N) == 0);
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Get_c(b, N, MPI_INT, right, N, N, MPI_INT, w));
    MPI_OK(MPI_Win_fence(0, w));
    CHECK(memcmp(a, b, sizeof a) == 0); /* my own values, at my right */
    MPI_OK(MPI_Accumulate_c(a, N, MPI_INT, right, 0, N, MPI_INT, MPI_SUM, w));
    MPI_OK(MPI_Win_fence(0, w));
    CHECK(from_left(base, N) == 0);

    MPI_Request r;
    MPI_OK(MPI_Win_lock_all(0, w2));
    MPI_OK(MPI_Rput_c(a, N, MPI_INT, right, 0, N, MPI_INT, w2, &r));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Win_flush_all(w2));
    MPI_OK(MPI_Win_unlock_all(w2));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Win_lock_all(0, w2));
    memset(b, 0, sizeof b);
    MPI_OK(MPI_Rget_c(b, N, MPI_INT, right, 0, N, MPI_INT, w2, &r));
    MPI_OK(MPI_Wait(&r, MPI_STATUS_IGNORE));
    MPI_OK(MPI_Win_unlock_all(w2));
    CHECK(memcmp(a, b, sizeof a) == 0);
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_Win_free(&w));
    MPI_OK(MPI_Win_free(&w2));
}

/* Get_accumulate_c on its own: carried, its result datatype is derived,
 * and Open MPI 4.1.4's osc/rdma (which serves windows made with
 * MPI_Win_create, as every wasmrun window is) leaves such a result buffer
 * wrong, natively too */
static void test_get_accumulate(void)
{
    int *base = NULL, a[N], c[N];
    MPI_Win w;
    MPI_OK(MPI_Win_allocate_c(N * (MPI_Aint)sizeof(int), (MPI_Aint)sizeof(int), MPI_INFO_NULL, W, &base, &w));
    fill(a, N, t_rank);
    for (int i = 0; i < N; i++)
        base[i] = 7;
    MPI_OK(MPI_Win_fence(0, w));
    MPI_OK(MPI_Get_accumulate_c(a, N, MPI_INT, c, N, MPI_INT, right, 0, N, MPI_INT, MPI_SUM, w));
    MPI_OK(MPI_Win_fence(0, w));
    int bad = 0, badc = 0;
    for (int i = 0; i < N; i++) {
        bad += base[i] != 7 + val(left, i);
        badc += c[i] != 7;
    }
    CHECKF(bad == 0, "%d window elements wrong", bad);
    CHECKF(badc == 0, "%d result elements wrong", badc);
    MPI_OK(MPI_Win_free(&w));
}

static const char *dir = ".";

static void test_io(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/bigcount_np%d%s.dat", dir, t_size, carried ? "_c" : "");
    MPI_File fh;
    MPI_Status st;
    MPI_Count c;
    MPI_Request r;
    int a[N], b[N];
    const MPI_Offset blk = N * (MPI_Offset)sizeof(int);
    fill(a, N, t_rank);
    MPI_OK(MPI_File_open(W, path, MPI_MODE_CREATE | MPI_MODE_RDWR, MPI_INFO_NULL, &fh));

    /* explicit offsets: blocks 0 .. size-1 */
    MPI_OK(MPI_File_write_at_c(fh, t_rank * blk, a, N, MPI_INT, &st));
    MPI_OK(MPI_Get_count_c(&st, MPI_INT, &c));
    CHECK(c == N);
    MPI_OK(MPI_File_sync(fh));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_sync(fh));
    memset(b, 0, sizeof b);
    MPI_OK(MPI_File_read_at_c(fh, left * blk, b, N, MPI_INT, &st));
    CHECK(from_left(b, N) == 0);
    MPI_OK(MPI_Get_count_c(&st, MPI_INT, &c));
    CHECK(c == N);

    /* collective explicit offsets: blocks size .. 2 size-1 */
    MPI_OK(MPI_File_write_at_all_c(fh, (t_size + t_rank) * blk, a, N, MPI_INT, &st));
    MPI_OK(MPI_File_sync(fh));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_sync(fh));
    memset(b, 0, sizeof b);
    MPI_OK(MPI_File_read_at_all_c(fh, (t_size + left) * blk, b, N, MPI_INT, &st));
    CHECK(from_left(b, N) == 0);

    /* individual file pointers: blocks 2 size .. 3 size-1 */
    MPI_OK(MPI_File_seek(fh, (2 * t_size + t_rank) * blk, MPI_SEEK_SET));
    MPI_OK(MPI_File_write_c(fh, a, N, MPI_INT, &st));
    MPI_OK(MPI_File_seek(fh, (3 * t_size + t_rank) * blk, MPI_SEEK_SET));
    MPI_OK(MPI_File_write_all_c(fh, a, N, MPI_INT, &st));
    MPI_OK(MPI_File_sync(fh));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_sync(fh));
    memset(b, 0, sizeof b);
    MPI_OK(MPI_File_seek(fh, (2 * t_size + left) * blk, MPI_SEEK_SET));
    MPI_OK(MPI_File_read_c(fh, b, N, MPI_INT, &st));
    CHECK(from_left(b, N) == 0);
    memset(b, 0, sizeof b);
    MPI_OK(MPI_File_seek(fh, (3 * t_size + left) * blk, MPI_SEEK_SET));
    MPI_OK(MPI_File_read_all_c(fh, b, N, MPI_INT, &st));
    CHECK(from_left(b, N) == 0);

    /* nonblocking: blocks 4 size .. 6 size-1 */
    MPI_OK(MPI_File_iwrite_at_c(fh, (4 * t_size + t_rank) * blk, a, N, MPI_INT, &r));
    MPI_OK(MPI_Wait(&r, &st));
    MPI_OK(MPI_File_seek(fh, (5 * t_size + t_rank) * blk, MPI_SEEK_SET));
    MPI_OK(MPI_File_iwrite_c(fh, a, N, MPI_INT, &r));
    MPI_OK(MPI_Wait(&r, &st));
    MPI_OK(MPI_File_seek(fh, (6 * t_size + t_rank) * blk, MPI_SEEK_SET));
    MPI_OK(MPI_File_iwrite_all_c(fh, a, N, MPI_INT, &r));
    MPI_OK(MPI_Wait(&r, &st));
    MPI_OK(MPI_File_sync(fh));
    MPI_OK(MPI_Barrier(W));
    MPI_OK(MPI_File_sync(fh));
    for (int k = 4; k <= 6; k++) {
        memset(b, 0, sizeof b);
        if (k == 4) {
            MPI_OK(MPI_File_iread_at_c(fh, (4 * t_size + left) * blk, b, N, MPI_INT, &r));
        } else {
            MPI_OK(MPI_File_seek(fh, (k * t_size + left) * blk, MPI_SEEK_SET));
            if (k == 5)
                MPI_OK(MPI_File_iread_c(fh, b, N, MPI_INT, &r));
            else
                MPI_OK(MPI_File_iread_all_c(fh, b, N, MPI_INT, &r));
        }
        MPI_OK(MPI_Wait(&r, &st));
        CHECKF(from_left(b, N) == 0, "block row %d", k);
        MPI_OK(MPI_Get_count_c(&st, MPI_INT, &c));
        CHECK(c == N);
    }
    MPI_OK(MPI_File_close(&fh));
    MPI_OK(MPI_Barrier(W));
    if (t_rank == 0)
        MPI_OK(MPI_File_delete(path, MPI_INFO_NULL));
}

/* the forms that cannot carry a count above the limit */
static void test_limits(void)
{
    int n = t_size, a[N], s[N];
    MPI_Comm c;
    MPI_Request r;
    MPI_Datatype t;
    MPI_OK(MPI_Comm_dup(W, &c));
    MPI_Comm_set_errhandler(c, MPI_ERRORS_RETURN);
    MPI_Comm_set_errhandler(W, MPI_ERRORS_RETURN);
    fill(a, N, t_rank);
    CHECK(class_of(MPI_Iallreduce_c(a, s, N, MPI_INT, MPI_SUM, c, &r)) == MPI_ERR_COUNT);
    CHECK(class_of(MPI_Allreduce_init_c(a, s, N, MPI_INT, MPI_SUM, c, MPI_INFO_NULL, &r)) == MPI_ERR_COUNT);
    int *big = malloc((size_t)(N * n) * sizeof *big);
    for (int i = 0; i < N * n; i++)
        big[i] = i;
    CHECK(class_of(MPI_Reduce_scatter_block_c(big, s, N, MPI_INT, MPI_SUM, c)) == MPI_ERR_COUNT);
    MPI_Count *counts = malloc((size_t)n * sizeof *counts);
    MPI_Aint *displs = malloc((size_t)n * sizeof *displs);
    for (int j = 0; j < n; j++) {
        counts[j] = j == n - 1 ? LIMIT + 1 : 1;
        displs[j] = j;
    }
    int *all = malloc((size_t)(n + LIMIT + 1) * sizeof *all);
    CHECK(class_of(MPI_Allgatherv_c(a, t_rank == n - 1 ? LIMIT + 1 : 1, MPI_INT, all, counts, displs, MPI_INT, c)) == MPI_ERR_COUNT);
    for (int j = 0; j < n; j++) {
        counts[j] = 1;
        displs[j] = j == n - 1 ? LIMIT + 1 : j;
    }
    CHECK(class_of(MPI_Allgatherv_c(a, 1, MPI_INT, all, counts, displs, MPI_INT, c)) == MPI_ERR_COUNT);
    CHECK(class_of(MPI_Type_vector_c(LIMIT + 1, 1, 2, MPI_INT, &t)) == MPI_ERR_COUNT);
    MPI_Count sizes[2] = {LIMIT + 1, 2}, subs[2] = {1, 1}, starts[2] = {0, 0};
    CHECK(class_of(MPI_Type_create_subarray_c(2, sizes, subs, starts, MPI_ORDER_C, MPI_INT, &t)) == MPI_ERR_COUNT);
    MPI_Count d[2] = {0, LIMIT + 1}, bl[2] = {1, 1};
    CHECK(class_of(MPI_Type_indexed_c(2, bl, d, MPI_INT, &t)) == MPI_ERR_COUNT);
    char buf[64];
    CHECK(class_of(MPI_Buffer_attach_c(buf, 64)) == MPI_ERR_COUNT);
    /* after the refusals the communicator still works */
    MPI_OK(MPI_Allreduce_c(a, s, N, MPI_INT, MPI_SUM, c));
    CHECK(s[0] == 1000 * n * (n - 1) / 2);
    MPI_Comm_set_errhandler(W, MPI_ERRORS_ARE_FATAL);
    MPI_OK(MPI_Comm_free(&c));
    free(big);
    free(counts);
    free(displs);
    free(all);
}

static void test_huge(void)
{
    const MPI_Count n = ((MPI_Count)1 << 31) + 5;
    MPI_Datatype t;
    MPI_Count size = 0;
    MPI_OK(MPI_Type_contiguous_c((MPI_Count)3 << 30, MPI_INT, &t));
    MPI_OK(MPI_Type_size_c(t, &size));
    CHECKF(size == (MPI_Count)12 << 30, "size %lld", (long long)size);
    MPI_OK(MPI_Type_free(&t));

    /* wasi-libc's malloc cannot hand out more than 2 GiB at once (sbrk
     * takes a signed 32-bit increment): take the pages directly */
    size_t pages = (size_t)((n + 65535) / 65536);
    size_t old = __builtin_wasm_memory_grow(0, pages);
    CHECK(old != (size_t)-1);
    if (old == (size_t)-1)
        return;
    unsigned char *buf = (unsigned char *)(old * 65536);
    buf[0] = (unsigned char)t_rank;
    buf[n / 2] = 0x5a;
    buf[n - 1] = (unsigned char)(t_rank + 1);
    MPI_Status st;
    MPI_Count c = 0;
    MPI_OK(MPI_Sendrecv_replace_c(buf, n, MPI_BYTE, 0, 9, 0, 9, MPI_COMM_SELF, &st));
    MPI_OK(MPI_Get_count_c(&st, MPI_BYTE, &c));
    CHECKF(c == n, "count %lld", (long long)c);
    CHECK(buf[0] == (unsigned char)t_rank && buf[n / 2] == 0x5a && buf[n - 1] == (unsigned char)(t_rank + 1));
    MPI_OK(MPI_Bcast_c(buf, n, MPI_BYTE, 0, W));
    CHECK(buf[0] == 0 && buf[n / 2] == 0x5a && buf[n - 1] == 1);
}

static void groups(void)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } all[] = {
        {"p2p", test_p2p}, {"coll", test_coll}, {"vcoll", test_vcoll}, {"neighbor", test_neighbor},
        {"datatype", test_datatype}, {"op", test_op}, {"rma", test_rma},
        {"get-accumulate", test_get_accumulate}, {"io", test_io},
    };
    static char names[16][32];
    for (size_t k = 0; k < sizeof all / sizeof all[0]; k++) {
        snprintf(names[k], sizeof names[k], "%s%s", all[k].name, carried ? "-carried" : "");
        t_begin(names[k]);
        all[k].fn();
        t_end();
    }
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("bigcount");
    right = (t_rank + 1) % t_size;
    left = (t_rank + t_size - 1) % t_size;
    if (argc > 1)
        dir = argv[1];

    groups();
    carried = 1;
    wasmrun_mpi_set_count_limit(LIMIT);
    groups();
    t_begin("limits");
    test_limits();
    t_end();
    wasmrun_mpi_set_count_limit(0);
    carried = 0;
    if (argc > 2 && strcmp(argv[2], "huge") == 0) {
        t_begin("huge");
        test_huge();
        t_end();
    }
    return t_finish();
}
