/*
 * topo.c - process topologies: MPI_Dims_create (free and partly fixed
 * dimensions), MPI_Cart_create (periodic and not, reorder = 0),
 * MPI_Cart_get, MPI_Cart_rank (also wrapping a periodic coordinate),
 * MPI_Cart_coords, MPI_Cart_shift (MPI_PROC_NULL at non-periodic edges),
 * MPI_Cart_sub, MPI_Cartdim_get, MPI_Topo_test (MPI_CART, MPI_GRAPH,
 * MPI_DIST_GRAPH, MPI_UNDEFINED), MPI_Graph_create (a ring),
 * MPI_Graphdims_get, MPI_Graph_neighbors_count, MPI_Graph_neighbors,
 * MPI_Dist_graph_create_adjacent, MPI_Dist_graph_neighbors_count,
 * MPI_Dist_graph_neighbors, MPI_Neighbor_allgather and
 * MPI_Neighbor_alltoall on a Cartesian and a distributed-graph
 * communicator.
 *
 * Neighbor_alltoall runs on a non-periodic grid (where a dimension of size
 * 1 or 2 would make the two neighbours of a dimension the same process,
 * whose blocks MPI-3.1 does not tell apart) and on a directed ring.
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
#define SENT (-7777)

static void test_dims_create(void)
{
    int d2[2] = {0, 0};
    MPI_OK(MPI_Dims_create(t_size, 2, d2));
    CHECKF(d2[0] * d2[1] == t_size && d2[0] >= d2[1], "dims %d x %d", d2[0], d2[1]);
    /* balanced and non-increasing, independent of the job size */
    struct {
        int nnodes, ndims, in[3], out[3];
    } cases[] = {
        {4, 2, {0, 0, 0}, {2, 2, 0}},
        {2, 2, {0, 0, 0}, {2, 1, 0}},
        {1, 2, {0, 0, 0}, {1, 1, 0}},
        {12, 2, {0, 0, 0}, {4, 3, 0}},
        {12, 3, {0, 0, 0}, {3, 2, 2}},
        {24, 3, {0, 0, 0}, {4, 3, 2}},
        {7, 2, {0, 0, 0}, {7, 1, 0}},
        {6, 2, {0, 3, 0}, {2, 3, 0}},
        {12, 3, {0, 1, 0}, {4, 1, 3}},
        {8, 3, {2, 0, 2}, {2, 2, 2}},
        {16, 1, {0, 0, 0}, {16, 0, 0}},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        int d[3];
        memcpy(d, cases[c].in, sizeof d);
        MPI_OK(MPI_Dims_create(cases[c].nnodes, cases[c].ndims, d));
        for (int k = 0; k < cases[c].ndims; k++)
            CHECKF(d[k] == cases[c].out[k], "Dims_create(%d, %d) dim %d = %d expected %d",
                   cases[c].nnodes, cases[c].ndims, k, d[k], cases[c].out[k]);
    }
}

/* world ranks of a row-major grid with reorder = 0 */
static int grid_rank(const int *dims, const int *c) { return c[0] * dims[1] + c[1]; }

static void test_cart(void)
{
    int dims[2] = {0, 0}, periods[2] = {1, 0};
    MPI_Comm cart;
    MPI_OK(MPI_Dims_create(t_size, 2, dims));
    MPI_OK(MPI_Cart_create(W, 2, dims, periods, 0, &cart));
    CHECK(cart != MPI_COMM_NULL);
    int rank = -1, size = -1, nd = -1, topo = -1;
    MPI_OK(MPI_Comm_rank(cart, &rank));
    MPI_OK(MPI_Comm_size(cart, &size));
    CHECKF(rank == t_rank && size == t_size, "rank %d size %d", rank, size);
    MPI_OK(MPI_Cartdim_get(cart, &nd));
    CHECK(nd == 2);
    MPI_OK(MPI_Topo_test(cart, &topo));
    CHECK(topo == MPI_CART);
    MPI_OK(MPI_Topo_test(W, &topo));
    CHECK(topo == MPI_UNDEFINED);

    int gd[2], gp[2], gc[2];
    MPI_OK(MPI_Cart_get(cart, 2, gd, gp, gc));
    CHECK(gd[0] == dims[0] && gd[1] == dims[1]);
    CHECK(gp[0] == 1 && gp[1] == 0);
    /* row-major: the last dimension varies fastest */
    CHECKF(gc[0] == t_rank / dims[1] && gc[1] == t_rank % dims[1], "coords %d %d", gc[0],
           gc[1]);
    for (int r = 0; r < t_size; r++) {
        int c[2] = {-1, -1}, back = -1;
        MPI_OK(MPI_Cart_coords(cart, r, 2, c));
        CHECKF(c[0] == r / dims[1] && c[1] == r % dims[1], "rank %d coords %d %d", r, c[0],
               c[1]);
        MPI_OK(MPI_Cart_rank(cart, c, &back));
        CHECKF(back == r, "Cart_rank of rank %d's coords = %d", r, back);
    }
    /* a periodic coordinate wraps */
    {
        int c[2] = {gc[0] + dims[0], gc[1]}, r = -1;
        MPI_OK(MPI_Cart_rank(cart, c, &r));
        CHECKF(r == t_rank, "wrapped +dims: %d", r);
        c[0] = gc[0] - dims[0];
        MPI_OK(MPI_Cart_rank(cart, c, &r));
        CHECKF(r == t_rank, "wrapped -dims: %d", r);
    }
    /* shifts: dimension 0 periodic, dimension 1 not */
    int src = -2, dst = -2;
    MPI_OK(MPI_Cart_shift(cart, 0, 1, &src, &dst));
    {
        int cs[2] = {(gc[0] - 1 + dims[0]) % dims[0], gc[1]};
        int cd[2] = {(gc[0] + 1) % dims[0], gc[1]};
        CHECKF(src == grid_rank(dims, cs) && dst == grid_rank(dims, cd), "shift 0: %d %d",
               src, dst);
    }
    MPI_OK(MPI_Cart_shift(cart, 1, 1, &src, &dst));
    {
        int cs[2] = {gc[0], gc[1] - 1}, cd[2] = {gc[0], gc[1] + 1};
        int es = gc[1] > 0 ? grid_rank(dims, cs) : MPI_PROC_NULL;
        int ed = gc[1] < dims[1] - 1 ? grid_rank(dims, cd) : MPI_PROC_NULL;
        CHECKF(src == es && dst == ed, "shift 1: %d %d expected %d %d", src, dst, es, ed);
    }
    /* displacement 2 in the non-periodic dimension, -1 in the periodic one */
    MPI_OK(MPI_Cart_shift(cart, 1, 2, &src, &dst));
    {
        int cs[2] = {gc[0], gc[1] - 2}, cd[2] = {gc[0], gc[1] + 2};
        int es = gc[1] >= 2 ? grid_rank(dims, cs) : MPI_PROC_NULL;
        int ed = gc[1] + 2 < dims[1] ? grid_rank(dims, cd) : MPI_PROC_NULL;
        CHECKF(src == es && dst == ed, "shift 1 by 2: %d %d", src, dst);
    }
    MPI_OK(MPI_Cart_shift(cart, 0, -1, &src, &dst));
    {
        int cs[2] = {(gc[0] + 1) % dims[0], gc[1]};
        int cd[2] = {(gc[0] - 1 + dims[0]) % dims[0], gc[1]};
        CHECKF(src == grid_rank(dims, cs) && dst == grid_rank(dims, cd), "shift 0 by -1");
    }
    /* communication along the shift: Sendrecv in dimension 1 */
    {
        int x = t_rank, y = SENT;
        MPI_OK(MPI_Cart_shift(cart, 1, 1, &src, &dst));
        MPI_OK(MPI_Sendrecv(&x, 1, MPI_INT, dst, 5, &y, 1, MPI_INT, src, 5, cart,
                            MPI_STATUS_IGNORE));
        CHECK(y == (src == MPI_PROC_NULL ? SENT : src));
    }

    /* Cart_sub: keep dimension 1 (rows), then dimension 0 (columns) */
    MPI_Comm row, col;
    int keep[2] = {0, 1};
    MPI_OK(MPI_Cart_sub(cart, keep, &row));
    MPI_OK(MPI_Comm_size(row, &size));
    MPI_OK(MPI_Comm_rank(row, &rank));
    CHECKF(size == dims[1] && rank == gc[1], "row size %d rank %d", size, rank);
    MPI_OK(MPI_Cartdim_get(row, &nd));
    CHECK(nd == 1);
    MPI_OK(MPI_Topo_test(row, &topo));
    CHECK(topo == MPI_CART);
    {
        int sd[1], sp[1], sc[1];
        MPI_OK(MPI_Cart_get(row, 1, sd, sp, sc));
        CHECK(sd[0] == dims[1] && sp[0] == 0 && sc[0] == gc[1]);
        /* the row holds the ranks with my first coordinate */
        int sum = -1;
        MPI_OK(MPI_Allreduce(&t_rank, &sum, 1, MPI_INT, MPI_SUM, row));
        int e = 0;
        for (int j = 0; j < dims[1]; j++)
            e += gc[0] * dims[1] + j;
        CHECKF(sum == e, "row sum %d expected %d", sum, e);
    }
    keep[0] = 1;
    keep[1] = 0;
    MPI_OK(MPI_Cart_sub(cart, keep, &col));
    MPI_OK(MPI_Comm_size(col, &size));
    MPI_OK(MPI_Comm_rank(col, &rank));
    CHECKF(size == dims[0] && rank == gc[0], "col size %d rank %d", size, rank);
    {
        int sd[1], sp[1], sc[1];
        MPI_OK(MPI_Cart_get(col, 1, sd, sp, sc));
        CHECK(sd[0] == dims[0] && sp[0] == 1 && sc[0] == gc[0]);
    }
    MPI_OK(MPI_Comm_free(&row));
    MPI_OK(MPI_Comm_free(&col));
    MPI_OK(MPI_Comm_free(&cart));

    /* a 3D grid, non-periodic, of all ranks */
    int d3[3] = {0, 0, 0}, p3[3] = {0, 0, 0}, c3[3];
    MPI_OK(MPI_Dims_create(t_size, 3, d3));
    MPI_OK(MPI_Cart_create(W, 3, d3, p3, 0, &cart));
    MPI_OK(MPI_Cartdim_get(cart, &nd));
    CHECK(nd == 3);
    MPI_OK(MPI_Cart_coords(cart, t_rank, 3, c3));
    CHECK((c3[0] * d3[1] + c3[1]) * d3[2] + c3[2] == t_rank);
    MPI_OK(MPI_Cart_shift(cart, 2, 1, &src, &dst));
    CHECK(src == (c3[2] > 0 ? t_rank - 1 : MPI_PROC_NULL));
    CHECK(dst == (c3[2] < d3[2] - 1 ? t_rank + 1 : MPI_PROC_NULL));
    MPI_OK(MPI_Comm_free(&cart));

    /* a grid smaller than the job: the extra ranks get MPI_COMM_NULL */
    if (t_size > 1) {
        int d1[1] = {t_size - 1}, p1[1] = {1};
        MPI_OK(MPI_Cart_create(W, 1, d1, p1, 0, &cart));
        if (t_rank == t_size - 1) {
            CHECK(cart == MPI_COMM_NULL);
        } else {
            CHECK(cart != MPI_COMM_NULL);
            MPI_OK(MPI_Comm_size(cart, &size));
            CHECK(size == t_size - 1);
            MPI_OK(MPI_Comm_free(&cart));
        }
    }
}

static void test_graph(void)
{
    /* a ring: node i is linked to i-1 and i+1 (self loops at np = 1 and a
     * double edge at np = 2 are allowed) */
    int n = t_size;
    int *index = malloc(sizeof(int) * (size_t)n), *edges = malloc(sizeof(int) * 2 * (size_t)n);
    for (int i = 0; i < n; i++) {
        index[i] = 2 * (i + 1);
        edges[2 * i] = (i + n - 1) % n;
        edges[2 * i + 1] = (i + 1) % n;
    }
    MPI_Comm g;
    MPI_OK(MPI_Graph_create(W, n, index, edges, 0, &g));
    CHECK(g != MPI_COMM_NULL);
    int topo = -1, nn = -1, ne = -1, cnt = -1, rank = -1;
    MPI_OK(MPI_Topo_test(g, &topo));
    CHECK(topo == MPI_GRAPH);
    MPI_OK(MPI_Comm_rank(g, &rank));
    CHECK(rank == t_rank);
    MPI_OK(MPI_Graphdims_get(g, &nn, &ne));
    CHECKF(nn == n && ne == 2 * n, "graphdims %d %d", nn, ne);
    MPI_OK(MPI_Graph_neighbors_count(g, t_rank, &cnt));
    CHECK(cnt == 2);
    int nb[2] = {-1, -1};
    MPI_OK(MPI_Graph_neighbors(g, t_rank, 2, nb));
    CHECKF(nb[0] == (t_rank + n - 1) % n && nb[1] == (t_rank + 1) % n, "neighbors %d %d",
           nb[0], nb[1]);
    /* another node's neighbours are known locally too */
    MPI_OK(MPI_Graph_neighbors(g, n - 1, 2, nb));
    CHECK(nb[0] == (n - 2 + n) % n && nb[1] == 0);
    /* Neighbor_allgather on the graph: from left, then right */
    int x = t_rank * 7, y[2] = {SENT, SENT};
    MPI_OK(MPI_Neighbor_allgather(&x, 1, MPI_INT, y, 1, MPI_INT, g));
    CHECKF(y[0] == ((t_rank + n - 1) % n) * 7 && y[1] == ((t_rank + 1) % n) * 7,
           "graph allgather %d %d", y[0], y[1]);
    MPI_OK(MPI_Comm_free(&g));
    free(index);
    free(edges);
}

/* Open MPI defines MPI_UNWEIGHTED as a small constant pointer, which GCC
 * 11+ takes for an empty array (-Wstringop-overread/-overflow warnings) */
#if defined(__GNUC__) && !defined(__clang__) && __GNUC__ >= 11
#pragma GCC diagnostic ignored "-Wstringop-overread"
#pragma GCC diagnostic ignored "-Wstringop-overflow"
#endif

static void test_dist_graph(void)
{
    /* a directed ring: receive from the left, send to the right */
    int n = t_size, l = (t_rank + n - 1) % n, r = (t_rank + 1) % n;
    int srcs[1] = {l}, dsts[1] = {r};
    MPI_Comm dg;
    MPI_OK(MPI_Dist_graph_create_adjacent(W, 1, srcs, MPI_UNWEIGHTED, 1, dsts, MPI_UNWEIGHTED,
                                          MPI_INFO_NULL, 0, &dg));
    int topo = -1, indeg = -1, outdeg = -1, weighted = -1;
    MPI_OK(MPI_Topo_test(dg, &topo));
    CHECK(topo == MPI_DIST_GRAPH);
    MPI_OK(MPI_Dist_graph_neighbors_count(dg, &indeg, &outdeg, &weighted));
    CHECKF(indeg == 1 && outdeg == 1 && weighted == 0, "counts %d %d %d", indeg, outdeg,
           weighted);
    int gs[1] = {-1}, gd[1] = {-1};
    MPI_OK(MPI_Dist_graph_neighbors(dg, 1, gs, MPI_UNWEIGHTED, 1, gd, MPI_UNWEIGHTED));
    CHECK(gs[0] == l && gd[0] == r);

    int s[3], rcv[4] = {SENT, SENT, SENT, SENT};
    for (int i = 0; i < 3; i++)
        s[i] = t_rank * 100 + i;
    MPI_OK(MPI_Neighbor_alltoall(s, 3, MPI_INT, rcv, 3, MPI_INT, dg));
    for (int i = 0; i < 3; i++)
        CHECKF(rcv[i] == l * 100 + i, "alltoall rcv[%d]=%d", i, rcv[i]);
    CHECK(rcv[3] == SENT);
    int x = -t_rank, y[2] = {SENT, SENT};
    MPI_OK(MPI_Neighbor_allgather(&x, 1, MPI_INT, y, 1, MPI_INT, dg));
    CHECK(y[0] == -l && y[1] == SENT);
    MPI_OK(MPI_Comm_free(&dg));

    /* weighted, two sources (left and right) and two destinations; rank 0
     * lists them in the opposite order */
    int s2[2] = {l, r}, d2[2] = {r, l}, w2[2] = {5, 6};
    if (t_rank == 0) {
        s2[0] = r;
        s2[1] = l;
    }
    MPI_OK(MPI_Dist_graph_create_adjacent(W, 2, s2, w2, 2, d2, w2, MPI_INFO_NULL, 0, &dg));
    MPI_OK(MPI_Dist_graph_neighbors_count(dg, &indeg, &outdeg, &weighted));
    CHECK(indeg == 2 && outdeg == 2 && weighted == 1);
    {
        int a[2], b[2], wa[2], wb[2];
        MPI_OK(MPI_Dist_graph_neighbors(dg, 2, a, wa, 2, b, wb));
        CHECK(a[0] == s2[0] && a[1] == s2[1] && b[0] == r && b[1] == l);
        CHECK(wa[0] == 5 && wa[1] == 6 && wb[0] == 5 && wb[1] == 6);
    }
    /* allgather: block k comes from source k */
    int y2[2] = {SENT, SENT};
    x = t_rank + 1000;
    MPI_OK(MPI_Neighbor_allgather(&x, 1, MPI_INT, y2, 1, MPI_INT, dg));
    CHECKF(y2[0] == s2[0] + 1000 && y2[1] == s2[1] + 1000, "allgather %d %d", y2[0], y2[1]);
    MPI_OK(MPI_Comm_free(&dg));
}

/* neighbour collectives on Cartesian grids: neighbours in the order
 * (dim 0: -1, +1), (dim 1: -1, +1); MPI_PROC_NULL blocks stay untouched */
static void test_cart_neighbors(void)
{
    int dims[2] = {0, 0}, per[2] = {0, 0}, c[2];
    MPI_Comm cart;
    MPI_OK(MPI_Dims_create(t_size, 2, dims));
    MPI_OK(MPI_Cart_create(W, 2, dims, per, 0, &cart));
    MPI_OK(MPI_Cart_coords(cart, t_rank, 2, c));
    int nb[4];
    MPI_OK(MPI_Cart_shift(cart, 0, 1, &nb[0], &nb[1]));
    MPI_OK(MPI_Cart_shift(cart, 1, 1, &nb[2], &nb[3]));

    int x[2] = {t_rank, t_rank * 3}, y[8];
    for (int k = 0; k < 8; k++)
        y[k] = SENT;
    MPI_OK(MPI_Neighbor_allgather(x, 2, MPI_INT, y, 2, MPI_INT, cart));
    for (int k = 0; k < 4; k++) {
        int e0 = nb[k] == MPI_PROC_NULL ? SENT : nb[k];
        int e1 = nb[k] == MPI_PROC_NULL ? SENT : nb[k] * 3;
        CHECKF(y[2 * k] == e0 && y[2 * k + 1] == e1, "allgather neighbour %d: %d %d", k,
               y[2 * k], y[2 * k + 1]);
    }
    /* alltoall: block k goes to neighbour k; what arrives from my -1
     * neighbour in a dimension is the block it sent to its +1 neighbour */
    int s[8], r[8];
    for (int k = 0; k < 4; k++) {
        s[2 * k] = t_rank * 100 + k * 10;
        s[2 * k + 1] = t_rank * 100 + k * 10 + 1;
    }
    for (int k = 0; k < 8; k++)
        r[k] = SENT;
    MPI_OK(MPI_Neighbor_alltoall(s, 2, MPI_INT, r, 2, MPI_INT, cart));
    for (int k = 0; k < 4; k++) {
        int from = nb[k], theirs = k ^ 1; /* their block index toward me */
        int e0 = from == MPI_PROC_NULL ? SENT : from * 100 + theirs * 10;
        int e1 = from == MPI_PROC_NULL ? SENT : from * 100 + theirs * 10 + 1;
        CHECKF(r[2 * k] == e0 && r[2 * k + 1] == e1, "alltoall neighbour %d: %d %d", k,
               r[2 * k], r[2 * k + 1]);
    }
    MPI_OK(MPI_Comm_free(&cart));

    /* periodic ring: allgather gets the same value from both sides even
     * where they are one process */
    int d1[1] = {t_size}, p1[1] = {1};
    MPI_OK(MPI_Cart_create(W, 1, d1, p1, 0, &cart));
    int z[2] = {SENT, SENT}, v = t_rank + 1;
    MPI_OK(MPI_Neighbor_allgather(&v, 1, MPI_INT, z, 1, MPI_INT, cart));
    CHECKF(z[0] == (t_rank + t_size - 1) % t_size + 1 && z[1] == (t_rank + 1) % t_size + 1,
           "periodic allgather %d %d", z[0], z[1]);
    MPI_OK(MPI_Comm_free(&cart));
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    t_init("topo");

    t_begin("dims-create");
    test_dims_create();
    t_end();
    t_begin("cart");
    test_cart();
    t_end();
    t_begin("graph");
    test_graph();
    t_end();
    t_begin("dist-graph");
    test_dist_graph();
    t_end();
    t_begin("cart-neighbor-collectives");
    test_cart_neighbors();
    t_end();

    return t_finish();
}
