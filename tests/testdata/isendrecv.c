/*
 * isendrecv.c - MPI_Isendrecv and MPI_Isendrecv_replace (MPI-4.0) with
 * every completion call: MPI_Wait, MPI_Test polled until true,
 * MPI_Waitall and MPI_Testall over pairs mixed with plain requests,
 * MPI_Waitany, MPI_Testany, MPI_Waitsome, MPI_Testsome and
 * MPI_Request_get_status (which leaves the request valid). Each status
 * gives the real source, tag and count; a pair with MPI_PROC_NULL on both
 * sides completes with an empty status and leaves the buffer untouched;
 * Isendrecv_replace of a strided vector type replaces only the vector's
 * elements.
 *
 * Every rank sends to its right neighbour and receives from its left one.
 * Built with wasmrun cc, and natively against MPICH 4 (Open MPI 4.1 has no
 * MPI_Isendrecv). Output as in tests/mpi.
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

enum { N = 64 };
static int right, left;

static void fill(int *b, int n, int rank, int salt)
{
    for (int i = 0; i < n; i++) b[i] = rank * 100000 + salt * 1000 + i;
}

static int matches(const int *b, int n, int rank, int salt)
{
    for (int i = 0; i < n; i++)
        if (b[i] != rank * 100000 + salt * 1000 + i) return 0;
    return 1;
}

static void check_status(const MPI_Status *st, int src, int tag, int count)
{
    int n = -1;
    MPI_Get_count(st, MPI_INT, &n);
    CHECKF(st->MPI_SOURCE == src, "source %d, want %d", st->MPI_SOURCE, src);
    CHECKF(st->MPI_TAG == tag, "tag %d, want %d", st->MPI_TAG, tag);
    CHECKF(n == count, "count %d, want %d", n, count);
}

static void test_wait(void)
{
    t_begin("wait");
    int s[N], r[N];
    MPI_Request req;
    MPI_Status st;
    fill(s, N, t_rank, 1);
    memset(r, 0, sizeof r);
    MPI_OK(MPI_Isendrecv(s, N, MPI_INT, right, 7, r, N, MPI_INT, left, 7, MPI_COMM_WORLD, &req));
    CHECK(req != MPI_REQUEST_NULL);
    MPI_OK(MPI_Wait(&req, &st));
    CHECK(req == MPI_REQUEST_NULL);
    check_status(&st, left, 7, N);
    CHECK(matches(r, N, left, 1));
    /* a shorter message than the buffer, any source and tag */
    memset(r, 0, sizeof r);
    MPI_OK(MPI_Isendrecv(s, N / 2, MPI_INT, right, 8, r, N, MPI_INT, MPI_ANY_SOURCE, MPI_ANY_TAG, MPI_COMM_WORLD, &req));
    MPI_OK(MPI_Wait(&req, &st));
    check_status(&st, left, 8, N / 2);
    CHECK(matches(r, N / 2, left, 1) && r[N / 2] == 0);
    t_end();
}

static void test_poll(void)
{
    t_begin("test");
    int s[N], r[N], flag = 0, polls = 0;
    MPI_Request req;
    MPI_Status st;
    fill(s, N, t_rank, 2);
    MPI_OK(MPI_Isendrecv(s, N, MPI_INT, right, 9, r, N, MPI_INT, left, 9, MPI_COMM_WORLD, &req));
    while (!flag && polls < 100000000) {
        MPI_OK(MPI_Test(&req, &flag, &st));
        polls++;
    }
    CHECK(flag);
    CHECK(req == MPI_REQUEST_NULL);
    check_status(&st, left, 9, N);
    CHECK(matches(r, N, left, 2));
    /* Request_get_status leaves the request to be freed by a wait */
    MPI_OK(MPI_Isendrecv(s, N, MPI_INT, right, 10, r, N, MPI_INT, left, 10, MPI_COMM_WORLD, &req));
    flag = 0;
    polls = 0;
    while (!flag && polls < 100000000) {
        MPI_OK(MPI_Request_get_status(req, &flag, &st));
        polls++;
    }
    CHECK(flag);
    CHECK(req != MPI_REQUEST_NULL);
    check_status(&st, left, 10, N);
    MPI_OK(MPI_Wait(&req, &st));
    CHECK(req == MPI_REQUEST_NULL);
    check_status(&st, left, 10, N);
    t_end();
}

static void test_all(void)
{
    t_begin("all");
    int s[3][N], r[3][N], flag = 0, polls = 0;
    MPI_Request req[4];
    MPI_Status st[4];
    for (int k = 0; k < 3; k++) fill(s[k], N, t_rank, 10 + k);
    /* pair, plain receive + send, pair: Waitall */
    MPI_OK(MPI_Isendrecv(s[0], N, MPI_INT, right, 20, r[0], N, MPI_INT, left, 20, MPI_COMM_WORLD, &req[0]));
    MPI_OK(MPI_Irecv(r[1], N, MPI_INT, left, 21, MPI_COMM_WORLD, &req[1]));
    MPI_OK(MPI_Isend(s[1], N, MPI_INT, right, 21, MPI_COMM_WORLD, &req[2]));
    MPI_OK(MPI_Isendrecv(s[2], N - 1, MPI_INT, right, 22, r[2], N, MPI_INT, left, 22, MPI_COMM_WORLD, &req[3]));
    MPI_OK(MPI_Waitall(4, req, st));
    for (int k = 0; k < 4; k++) CHECK(req[k] == MPI_REQUEST_NULL);
    check_status(&st[0], left, 20, N);
    check_status(&st[1], left, 21, N);
    check_status(&st[3], left, 22, N - 1);
    for (int k = 0; k < 3; k++) CHECK(matches(r[k], k == 2 ? N - 1 : N, left, 10 + k));
    /* a pair and a replacing pair: Testall polled until true */
    fill(r[2], N, t_rank, 12);
    MPI_OK(MPI_Isendrecv(s[0], N, MPI_INT, right, 26, r[0], N, MPI_INT, left, 26, MPI_COMM_WORLD, &req[0]));
    MPI_OK(MPI_Isendrecv_replace(r[2], N, MPI_INT, right, 27, left, 27, MPI_COMM_WORLD, &req[1]));
    while (!flag && polls < 100000000) {
        MPI_OK(MPI_Testall(2, req, &flag, st));
        polls++;
    }
    CHECK(flag);
    CHECK(req[0] == MPI_REQUEST_NULL && req[1] == MPI_REQUEST_NULL);
    check_status(&st[0], left, 26, N);
    check_status(&st[1], left, 27, N);
    CHECK(matches(r[0], N, left, 10));
    CHECK(matches(r[2], N, left, 12));
    t_end();
}

static void test_any_some(void)
{
    t_begin("any-some");
    int s[3][N], r[3][N];
    MPI_Request req[3];
    MPI_Status st[3];
    int idx[3], done = 0, seen[3] = {0, 0, 0};
    for (int k = 0; k < 3; k++) fill(s[k], N, t_rank, 40 + k);
    for (int k = 0; k < 3; k++)
        MPI_OK(MPI_Isendrecv(s[k], N, MPI_INT, right, 40 + k, r[k], N, MPI_INT, left, 40 + k, MPI_COMM_WORLD, &req[k]));
    while (done < 3) {
        int i = -1;
        MPI_OK(MPI_Waitany(3, req, &i, &st[0]));
        CHECKF(i >= 0 && i < 3, "index %d", i);
        if (i < 0 || i >= 3) break;
        CHECK(!seen[i] && req[i] == MPI_REQUEST_NULL);
        seen[i] = 1;
        check_status(&st[0], left, 40 + i, N);
        CHECK(matches(r[i], N, left, 40 + i));
        done++;
    }
    int i = 0;
    MPI_OK(MPI_Waitany(3, req, &i, &st[0]));
    CHECK(i == MPI_UNDEFINED);

    /* Testany until each completes */
    for (int k = 0; k < 3; k++)
        MPI_OK(MPI_Isendrecv(s[k], N, MPI_INT, right, 50 + k, r[k], N, MPI_INT, left, 50 + k, MPI_COMM_WORLD, &req[k]));
    done = 0;
    for (long polls = 0; done < 3 && polls < 100000000; polls++) {
        int flag = 0;
        MPI_OK(MPI_Testany(3, req, &i, &flag, &st[0]));
        if (flag && i != MPI_UNDEFINED) {
            check_status(&st[0], left, 50 + i, N);
            done++;
        }
    }
    CHECK(done == 3);

    /* Waitsome, then Testsome */
    for (int k = 0; k < 3; k++)
        MPI_OK(MPI_Isendrecv(s[k], N, MPI_INT, right, 60 + k, r[k], N, MPI_INT, left, 60 + k, MPI_COMM_WORLD, &req[k]));
    done = 0;
    while (done < 3) {
        int out = 0;
        MPI_OK(MPI_Waitsome(3, req, &out, idx, st));
        CHECKF(out > 0 && out <= 3 - done, "outcount %d", out);
        if (out <= 0) break;
        for (int j = 0; j < out; j++) check_status(&st[j], left, 60 + idx[j], N);
        done += out;
    }
    for (int k = 0; k < 3; k++)
        MPI_OK(MPI_Isendrecv(s[k], N, MPI_INT, right, 70 + k, r[k], N, MPI_INT, left, 70 + k, MPI_COMM_WORLD, &req[k]));
    done = 0;
    for (long polls = 0; done < 3 && polls < 100000000; polls++) {
        int out = 0;
        MPI_OK(MPI_Testsome(3, req, &out, idx, st));
        if (out == MPI_UNDEFINED) break;
        for (int j = 0; j < out; j++) check_status(&st[j], left, 70 + idx[j], N);
        done += out;
    }
    CHECK(done == 3);
    t_end();
}

static void test_proc_null(void)
{
    t_begin("proc-null");
    int s[N], r[N];
    MPI_Request req;
    MPI_Status st;
    fill(s, N, t_rank, 3);
    fill(r, N, t_rank, 4);
    MPI_OK(MPI_Isendrecv(s, N, MPI_INT, MPI_PROC_NULL, 1, r, N, MPI_INT, MPI_PROC_NULL, 1, MPI_COMM_WORLD, &req));
    MPI_OK(MPI_Wait(&req, &st));
    check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, 0);
    CHECK(matches(r, N, t_rank, 4));
    MPI_OK(MPI_Isendrecv_replace(r, N, MPI_INT, MPI_PROC_NULL, 1, MPI_PROC_NULL, 1, MPI_COMM_WORLD, &req));
    MPI_OK(MPI_Wait(&req, &st));
    check_status(&st, MPI_PROC_NULL, MPI_ANY_TAG, 0);
    CHECK(matches(r, N, t_rank, 4));
    t_end();
}

static void test_replace_vector(void)
{
    t_begin("replace-vector");
    int b[2 * N];
    MPI_Datatype vec;
    MPI_Request req;
    MPI_Status st;
    MPI_OK(MPI_Type_vector(N, 1, 2, MPI_INT, &vec));
    MPI_OK(MPI_Type_commit(&vec));
    for (int i = 0; i < 2 * N; i++) b[i] = i % 2 ? -1 : t_rank * 1000 + i;
    MPI_OK(MPI_Isendrecv_replace(b, 1, vec, right, 5, left, 5, MPI_COMM_WORLD, &req));
    MPI_OK(MPI_Type_free(&vec)); /* the request keeps what it needs */
    MPI_OK(MPI_Wait(&req, &st));
    CHECKF(st.MPI_SOURCE == left && st.MPI_TAG == 5, "source %d tag %d", st.MPI_SOURCE, st.MPI_TAG);
    int n = -1;
    MPI_Get_count(&st, MPI_INT, &n);
    CHECKF(n == N, "count %d", n);
    int bad = 0;
    for (int i = 0; i < 2 * N; i++)
        if (b[i] != (i % 2 ? -1 : left * 1000 + i)) bad++;
    CHECKF(bad == 0, "%d wrong elements", bad);
    t_end();
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("isendrecv");
    right = (t_rank + 1) % t_size;
    left = (t_rank + t_size - 1) % t_size;
    test_wait();
    test_poll();
    test_all();
    test_any_some();
    test_proc_null();
    test_replace_vector();
    return t_finish();
}
