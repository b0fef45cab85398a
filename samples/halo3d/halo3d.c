/*
 * halo3d.c - 3D heat diffusion with an explicit 7-point Jacobi update on a
 * Cartesian process grid.
 *
 * Problem: an N x N x N interior grid surrounded by a fixed boundary: the
 * x = -1 face is held at T_HOT, the other five faces at 0. The interior
 * starts at 0 and a constant heat source warms a central cube. Each step
 *     v = u + ALPHA * (u[x-1] + u[x+1] + u[y-1] + u[y+1] + u[z-1] + u[z+1] - 6 u)
 * (+ SOURCE inside the cube), with ALPHA = 0.1 (stable for ALPHA <= 1/6).
 *
 * Parallelisation: MPI_Dims_create + MPI_Cart_create (non-periodic, reorder
 * allowed) split the grid into 3D blocks (the first N % p coordinates of a
 * dimension get one extra plane). Each rank stores its block with one ghost
 * layer on every side. The six faces are exchanged every step with
 * MPI_Type_create_subarray types that pick a face (send) or a ghost layer
 * (receive) straight out of the 3D array, with MPI_Sendrecv per direction
 * (default) or MPI_Irecv/MPI_Isend/MPI_Waitall over all twelve (third
 * argument "nb"). MPI_Cart_shift gives the neighbours; MPI_PROC_NULL at the
 * outer faces leaves the boundary values in the ghost layers untouched.
 * Every K_REPORT steps the max change of a step is reduced with
 * MPI_Allreduce(MAX) and printed.
 *
 * Deterministic output: each grid value is computed by the same expression
 * in the same order for any decomposition, the max change is an exact
 * reduction, and the final field is collected on rank 0 in global order
 * (each block received through a subarray type of the global array), where
 * the total, a weighted checksum, the centre and the maximum are computed.
 * So stdout is identical for any number of ranks and either exchange mode;
 * the rank count, process grid and timing go to stderr.
 *
 * Self-check: the discrete energy balance
 *     total(final) = total(initial) + injected + ALPHA * boundary flux
 * (the flux is summed per rank and combined with MPI_Reduce, so it is
 * compared with a relative tolerance of 1e-10), every value finite and >= 0,
 * and the y <-> z mirror symmetry of the problem to 1e-12 relative.
 *
 * Usage: mpirun -np P halo3d [N] [steps] [sendrecv|nb]
 *        defaults: N = 40, steps = 100; N must be at least the process
 *        grid's size in every dimension.
 * Exit status: 0 self-check passed, 1 failed, 2 bad arguments, 3 no memory.
 * MPI functions: Init, Comm_rank, Comm_size, Bcast, Dims_create,
 * Cart_create, Cart_coords, Cart_shift, Type_create_subarray, Type_commit,
 * Type_free, Sendrecv, Irecv, Isend, Recv, Send, Waitall, Allreduce, Reduce,
 * Barrier, Wtime, Comm_free, Finalize.
 */
#include <mpi.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALPHA 0.1
#define T_HOT 1.0
#define SOURCE 1.0e-3
#define K_REPORT 25

typedef struct {
    int n;                 /* global interior size per dimension */
    int rank, size;        /* in the Cartesian communicator */
    int dims[3], coords[3];
    int off[3], len[3];    /* first global index and length of my block */
    int lo[3], hi[3];      /* neighbours (MPI_PROC_NULL at the outer faces) */
    int src_lo, src_hi;    /* the source cube, per dimension [lo, hi) */
    MPI_Comm cart;
    MPI_Datatype face_send[3][2], face_recv[3][2]; /* [dim][low/high] */
} domain_t;

/* first N % p coordinates get one extra plane */
static void block_range(int n, int p, int c, int *off, int *len)
{
    int base = n / p, rem = n % p;
    *len = base + (c < rem ? 1 : 0);
    *off = c * base + (c < rem ? c : rem);
}

/* local index with ghosts: (i, j, k) in [0, len+1] */
static size_t idx(const domain_t *d, int i, int j, int k)
{
    return ((size_t)i * (size_t)(d->len[1] + 2) + (size_t)j) * (size_t)(d->len[2] + 2) + (size_t)k;
}

static double weight(int i, int j, int k)
{
    return (double)(1 + (i * 131 + j * 71 + k * 37) % 101);
}

/* subarray types for the faces: the outermost owned layer (send) and the
 * ghost layer beyond it (receive), on the low and high side of each dim */
static void make_face_types(domain_t *d)
{
    int sizes[3] = {d->len[0] + 2, d->len[1] + 2, d->len[2] + 2};
    for (int dim = 0; dim < 3; dim++)
        for (int side = 0; side < 2; side++) {
            int sub[3] = {d->len[0], d->len[1], d->len[2]};
            int s_start[3] = {1, 1, 1}, r_start[3] = {1, 1, 1};
            sub[dim] = 1;
            s_start[dim] = side == 0 ? 1 : d->len[dim];
            r_start[dim] = side == 0 ? 0 : d->len[dim] + 1;
            MPI_Type_create_subarray(3, sizes, sub, s_start, MPI_ORDER_C, MPI_DOUBLE,
                                     &d->face_send[dim][side]);
            MPI_Type_create_subarray(3, sizes, sub, r_start, MPI_ORDER_C, MPI_DOUBLE,
                                     &d->face_recv[dim][side]);
            MPI_Type_commit(&d->face_send[dim][side]);
            MPI_Type_commit(&d->face_recv[dim][side]);
        }
}

static void free_face_types(domain_t *d)
{
    for (int dim = 0; dim < 3; dim++)
        for (int side = 0; side < 2; side++) {
            MPI_Type_free(&d->face_send[dim][side]);
            MPI_Type_free(&d->face_recv[dim][side]);
        }
}

/* ghost layers on the outer faces hold the boundary values */
static void set_boundary(double *u, const domain_t *d)
{
    if (d->off[0] == 0)
        for (int j = 1; j <= d->len[1]; j++)
            for (int k = 1; k <= d->len[2]; k++)
                u[idx(d, 0, j, k)] = T_HOT;
    /* the other outer faces are 0, as calloc left them */
}

static void exchange(double *u, const domain_t *d, int nonblocking)
{
    if (!nonblocking) {
        for (int dim = 0; dim < 3; dim++) {
            /* my high face to the high neighbour, its low ghost... */
            MPI_Sendrecv(u, 1, d->face_send[dim][1], d->hi[dim], 2 * dim, u, 1,
                         d->face_recv[dim][0], d->lo[dim], 2 * dim, d->cart, MPI_STATUS_IGNORE);
            /* ...and my low face to the low neighbour */
            MPI_Sendrecv(u, 1, d->face_send[dim][0], d->lo[dim], 2 * dim + 1, u, 1,
                         d->face_recv[dim][1], d->hi[dim], 2 * dim + 1, d->cart,
                         MPI_STATUS_IGNORE);
        }
    } else {
        MPI_Request rq[12];
        int n = 0;
        for (int dim = 0; dim < 3; dim++) {
            MPI_Irecv(u, 1, d->face_recv[dim][0], d->lo[dim], 2 * dim, d->cart, &rq[n++]);
            MPI_Irecv(u, 1, d->face_recv[dim][1], d->hi[dim], 2 * dim + 1, d->cart, &rq[n++]);
        }
        for (int dim = 0; dim < 3; dim++) {
            MPI_Isend(u, 1, d->face_send[dim][1], d->hi[dim], 2 * dim, d->cart, &rq[n++]);
            MPI_Isend(u, 1, d->face_send[dim][0], d->lo[dim], 2 * dim + 1, d->cart, &rq[n++]);
        }
        MPI_Waitall(n, rq, MPI_STATUSES_IGNORE);
    }
}

/* heat flowing in through the outer faces this step (needs valid ghosts) */
static double boundary_flux(const double *u, const domain_t *d)
{
    double f = 0.0;
    int n = d->n;
    for (int i = 1; i <= d->len[0]; i++)
        for (int j = 1; j <= d->len[1]; j++)
            for (int k = 1; k <= d->len[2]; k++) {
                int g[3] = {d->off[0] + i - 1, d->off[1] + j - 1, d->off[2] + k - 1};
                double c = u[idx(d, i, j, k)];
                if (g[0] == 0) f += u[idx(d, i - 1, j, k)] - c;
                if (g[0] == n - 1) f += u[idx(d, i + 1, j, k)] - c;
                if (g[1] == 0) f += u[idx(d, i, j - 1, k)] - c;
                if (g[1] == n - 1) f += u[idx(d, i, j + 1, k)] - c;
                if (g[2] == 0) f += u[idx(d, i, j, k - 1)] - c;
                if (g[2] == n - 1) f += u[idx(d, i, j, k + 1)] - c;
            }
    return f;
}

/* one Jacobi step over my block; returns the local max |v - u| */
static double step(const double *u, double *v, const domain_t *d)
{
    double maxdiff = 0.0;
    size_t sj = (size_t)(d->len[2] + 2), si = (size_t)(d->len[1] + 2) * sj;
    for (int i = 1; i <= d->len[0]; i++) {
        int gi = d->off[0] + i - 1;
        int si_src = gi >= d->src_lo && gi < d->src_hi;
        for (int j = 1; j <= d->len[1]; j++) {
            int gj = d->off[1] + j - 1;
            int sij = si_src && gj >= d->src_lo && gj < d->src_hi;
            for (int k = 1; k <= d->len[2]; k++) {
                int gk = d->off[2] + k - 1;
                size_t p = idx(d, i, j, k);
                double c = u[p];
                double lap = u[p - si] + u[p + si] + u[p - sj] + u[p + sj] + u[p - 1] + u[p + 1] -
                             6.0 * c;
                double nv = c + ALPHA * lap;
                if (sij && gk >= d->src_lo && gk < d->src_hi)
                    nv += SOURCE;
                v[p] = nv;
                double diff = fabs(nv - c);
                if (diff > maxdiff)
                    maxdiff = diff;
            }
        }
    }
    return maxdiff;
}

static double local_sum(const double *u, const domain_t *d)
{
    double s = 0.0;
    for (int i = 1; i <= d->len[0]; i++)
        for (int j = 1; j <= d->len[1]; j++)
            for (int k = 1; k <= d->len[2]; k++)
                s += u[idx(d, i, j, k)];
    return s;
}

/* the interior of every block into the global array on rank 0, in place
 * through a subarray type of the global array per block */
static void gather_field(const double *u, const domain_t *d, double *global)
{
    int lsizes[3] = {d->len[0] + 2, d->len[1] + 2, d->len[2] + 2}, ones[3] = {1, 1, 1};
    MPI_Datatype interior;
    MPI_Type_create_subarray(3, lsizes, d->len, ones, MPI_ORDER_C, MPI_DOUBLE, &interior);
    MPI_Type_commit(&interior);
    if (d->rank == 0) {
        int gs[3] = {d->n, d->n, d->n};
        for (int r = 0; r < d->size; r++) {
            int c[3], off[3], len[3];
            MPI_Datatype block;
            MPI_Cart_coords(d->cart, r, 3, c);
            for (int k = 0; k < 3; k++)
                block_range(d->n, d->dims[k], c[k], &off[k], &len[k]);
            MPI_Type_create_subarray(3, gs, len, off, MPI_ORDER_C, MPI_DOUBLE, &block);
            MPI_Type_commit(&block);
            if (r == 0)
                MPI_Sendrecv(u, 1, interior, 0, 9, global, 1, block, 0, 9, d->cart,
                             MPI_STATUS_IGNORE);
            else
                MPI_Recv(global, 1, block, r, 9, d->cart, MPI_STATUS_IGNORE);
            MPI_Type_free(&block);
        }
    } else {
        MPI_Send(u, 1, interior, 0, 9, d->cart);
    }
    MPI_Type_free(&interior);
}

static long parse_arg(const char *s, long lo, long hi)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi)
        return -1;
    return v;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    int wrank, wsize;
    MPI_Comm_rank(MPI_COMM_WORLD, &wrank);
    MPI_Comm_size(MPI_COMM_WORLD, &wsize);

    /* {N, steps, nonblocking, error}, parsed on rank 0 */
    int params[4] = {40, 100, 0, 0};
    if (wrank == 0) {
        if (argc > 4)
            params[3] = 1;
        if (argc > 1 && (params[0] = (int)parse_arg(argv[1], 1, 2048)) < 0)
            params[3] = 1;
        if (argc > 2 && (params[1] = (int)parse_arg(argv[2], 0, 100000000)) < 0)
            params[3] = 1;
        if (argc > 3) {
            if (strcmp(argv[3], "nb") == 0)
                params[2] = 1;
            else if (strcmp(argv[3], "sendrecv") != 0)
                params[3] = 1;
        }
        if (params[3])
            fprintf(stderr, "usage: %s [N >= 1] [steps >= 0] [sendrecv|nb]\n", argv[0]);
    }
    MPI_Bcast(params, 4, MPI_INT, 0, MPI_COMM_WORLD);
    if (params[3]) {
        MPI_Finalize();
        return 2;
    }

    domain_t d;
    memset(&d, 0, sizeof d);
    d.n = params[0];
    int steps = params[1], nonblocking = params[2], n = d.n;
    int periods[3] = {0, 0, 0};
    MPI_Dims_create(wsize, 3, d.dims);
    if (d.dims[0] > n) { /* the largest dimension */
        if (wrank == 0)
            fprintf(stderr, "halo3d: N = %d is smaller than the process grid %d x %d x %d\n", n,
                    d.dims[0], d.dims[1], d.dims[2]);
        MPI_Finalize();
        return 2;
    }
    MPI_Cart_create(MPI_COMM_WORLD, 3, d.dims, periods, 1, &d.cart);
    MPI_Comm_rank(d.cart, &d.rank);
    MPI_Comm_size(d.cart, &d.size);
    MPI_Cart_coords(d.cart, d.rank, 3, d.coords);
    for (int k = 0; k < 3; k++) {
        block_range(n, d.dims[k], d.coords[k], &d.off[k], &d.len[k]);
        MPI_Cart_shift(d.cart, k, 1, &d.lo[k], &d.hi[k]);
    }
    int h = n / 8 < 1 ? 1 : n / 8;
    d.src_lo = n / 2 - h < 0 ? 0 : n / 2 - h;
    d.src_hi = n / 2 + h > n ? n : n / 2 + h;
    long long nsrc = (long long)(d.src_hi - d.src_lo) * (d.src_hi - d.src_lo) * (d.src_hi - d.src_lo);

    size_t local = (size_t)(d.len[0] + 2) * (size_t)(d.len[1] + 2) * (size_t)(d.len[2] + 2);
    double *u = calloc(local, sizeof *u), *v = calloc(local, sizeof *v), *global = NULL;
    if (d.rank == 0)
        global = malloc((size_t)n * (size_t)n * (size_t)n * sizeof *global);
    int oom = !u || !v || (d.rank == 0 && !global), any_oom = 0;
    MPI_Allreduce(&oom, &any_oom, 1, MPI_INT, MPI_MAX, d.cart);
    if (any_oom) {
        if (d.rank == 0)
            fprintf(stderr, "halo3d: out of memory\n");
        free(u);
        free(v);
        free(global);
        MPI_Finalize();
        return 3;
    }
    make_face_types(&d);
    set_boundary(u, &d);
    set_boundary(v, &d);

    if (d.rank == 0)
        printf("halo3d: grid %d x %d x %d, %d steps, alpha %.3f, source %lld cells\n", n, n, n,
               steps, ALPHA, nsrc);

    MPI_Barrier(d.cart);
    double t0 = MPI_Wtime();
    double flux = 0.0, injected = 0.0, maxdiff = 0.0;
    double initial_local = local_sum(u, &d), initial = 0.0;
    MPI_Allreduce(&initial_local, &initial, 1, MPI_DOUBLE, MPI_SUM, d.cart);
    for (int s = 1; s <= steps; s++) {
        exchange(u, &d, nonblocking);
        flux += boundary_flux(u, &d);
        injected += SOURCE * (double)nsrc;
        maxdiff = step(u, v, &d);
        double *t = u;
        u = v;
        v = t;
        if (s % K_REPORT == 0 || s == steps) {
            double g = 0.0;
            MPI_Allreduce(&maxdiff, &g, 1, MPI_DOUBLE, MPI_MAX, d.cart);
            maxdiff = g;
            if (d.rank == 0)
                printf("step %6d: max change %.8e\n", s, g);
        }
    }
    double t_loop = MPI_Wtime() - t0, t_max = 0.0;

    gather_field(u, &d, global);
    double flux_total = 0.0;
    MPI_Reduce(&flux, &flux_total, 1, MPI_DOUBLE, MPI_SUM, 0, d.cart);
    MPI_Reduce(&t_loop, &t_max, 1, MPI_DOUBLE, MPI_MAX, 0, d.cart);

    int ok = 1;
    if (d.rank == 0) {
        double total = 0.0, checksum = 0.0, umax = -INFINITY, umin = INFINITY, asym = 0.0;
        int bad = 0;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int k = 0; k < n; k++) {
                    double x = global[((size_t)i * n + j) * n + k];
                    double y = global[((size_t)i * n + k) * n + j];
                    if (!isfinite(x))
                        bad = 1;
                    if (x < umin) umin = x;
                    if (x > umax) umax = x;
                    if (fabs(x - y) > asym) asym = fabs(x - y);
                    total += x;
                    checksum += weight(i, j, k) * x;
                }
        double center = global[((size_t)(n / 2) * n + n / 2) * n + n / 2];
        double expected = initial + injected + ALPHA * flux_total;
        double scale = fabs(initial) + injected + ALPHA * fabs(flux_total) + 1.0;
        double relerr = fabs(total - expected) / scale;
        ok = !bad && umin >= 0.0 && relerr < 1e-10 && asym <= 1e-12 * (umax > 1.0 ? umax : 1.0);
        printf("total heat      = %.10e\n", total);
        printf("heat injected   = %.10e\n", injected);
        printf("center value    = %.10e\n", center);
        printf("max value       = %.10e\n", umax);
        printf("last max change = %.10e\n", maxdiff);
        printf("checksum        = %.10e\n", checksum);
        printf("self-check (energy balance, u >= 0, y-z symmetry): %s\n", ok ? "PASS" : "FAIL");
        fflush(stdout);
        fprintf(stderr, "halo3d: %d ranks as %d x %d x %d, %s halos, loop %.3f s (max over ranks), "
                "energy balance rel. error %.3e, y-z asymmetry %.3e\n", d.size, d.dims[0],
                d.dims[1], d.dims[2], nonblocking ? "Isend/Irecv" : "Sendrecv", t_max, relerr,
                asym);
    }
    MPI_Bcast(&ok, 1, MPI_INT, 0, d.cart);

    free_face_types(&d);
    MPI_Comm_free(&d.cart);
    free(u);
    free(v);
    free(global);
    MPI_Finalize();
    return ok ? 0 : 1;
}
