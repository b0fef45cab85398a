/*
 * heat2d_mpi.c - MPI version of samples/heat2d/heat2d.c.
 *
 * Same problem and same arithmetic as the serial program: an N x N grid
 * whose outer ring is a fixed boundary (top row at T_TOP, other edges 0), an
 * interior that starts at 0, a constant heat source on a central square and
 * the explicit 5-point update with ALPHA = 0.2.
 *
 * Parallelisation: 1D block decomposition of the N global rows over
 * MPI_COMM_WORLD (the first N % P ranks get one extra row). Each rank keeps
 * its rows plus one halo row above and below; halos are exchanged every step
 * with the up/down neighbours (MPI_PROC_NULL at the ends), either with
 * MPI_Sendrecv (default) or with MPI_Irecv/MPI_Isend/MPI_Waitall (third
 * argument "nb"). Every K steps the total heat (MPI_Allreduce SUM, used only
 * for a sanity check) and the max change of the last step (MPI_Allreduce
 * MAX, exact in any order, printed) are reduced.
 *
 * Deterministic output: every grid value is computed by the same expression
 * regardless of the decomposition, and the final total heat and checksum are
 * computed on rank 0 from the full grid gathered with MPI_Gatherv, summed in
 * global row-major order. So stdout is identical for any rank count (and
 * identical to the serial heat2d for the same N and steps). The energy
 * balance self-check uses MPI_Reduce'd per-rank flux sums with a tolerance.
 *
 * Usage: mpirun -np P heat2d_mpi [N] [steps] [sendrecv|nb]
 *        (defaults: N = 256, steps = 500, sendrecv); needs N >= P.
 * Timing (MPI_Wtime) goes to stderr only.
 */
#include <mpi.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ALPHA 0.2
#define T_TOP 1.0
#define SOURCE 1.0e-3
#define K_REPORT 100 /* reduce the monitors every K_REPORT steps */

typedef struct { int lo, hi; } source_t;

typedef struct {
    int n;           /* global grid size (N x N points incl. boundary) */
    int rank, size;
    int row0, nrows; /* first global row owned, number of rows owned */
    int up, down;    /* neighbour ranks or MPI_PROC_NULL */
    source_t src;
} domain_t;

static source_t make_source(int n)
{
    int c = n / 2, h = n / 16 < 1 ? 1 : n / 16;
    source_t s = { c - h, c + h };
    if (s.lo < 1) s.lo = 1;
    if (s.hi > n - 1) s.hi = n - 1;
    return s;
}

static double weight(int i, int j) { return (double)(1 + (i * 131 + j * 71) % 101); }

static void block_range(int n, int size, int rank, int *row0, int *nrows)
{
    int base = n / size, rem = n % size;
    *nrows = base + (rank < rem ? 1 : 0);
    *row0 = rank * base + (rank < rem ? rank : rem);
}

/* Local row l (0..nrows+1, 0 and nrows+1 are halos) <-> global row row0 + l - 1. */
static double *row_ptr(double *u, const domain_t *d, int l) { return u + (size_t)l * d->n; }

static void set_boundary(double *u, const domain_t *d)
{
    int n = d->n;
    for (int l = 1; l <= d->nrows; ++l) {
        int gi = d->row0 + l - 1;
        double *r = row_ptr(u, d, l);
        if (gi == 0) {
            for (int j = 0; j < n; ++j) r[j] = T_TOP;
        } else if (gi == n - 1) {
            for (int j = 0; j < n; ++j) r[j] = 0.0;
        } else {
            r[0] = 0.0;
            r[n - 1] = 0.0;
        }
    }
}

/* Exchange halo rows: first owned row goes up, last owned row goes down. */
static void exchange_halos(double *u, const domain_t *d, int nonblocking)
{
    int n = d->n;
    double *top_halo = row_ptr(u, d, 0);
    double *first = row_ptr(u, d, 1);
    double *last = row_ptr(u, d, d->nrows);
    double *bottom_halo = row_ptr(u, d, d->nrows + 1);
    if (!nonblocking) {
        MPI_Sendrecv(first, n, MPI_DOUBLE, d->up, 0, bottom_halo, n, MPI_DOUBLE, d->down, 0,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        MPI_Sendrecv(last, n, MPI_DOUBLE, d->down, 1, top_halo, n, MPI_DOUBLE, d->up, 1,
                     MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        MPI_Request req[4];
        MPI_Irecv(top_halo, n, MPI_DOUBLE, d->up, 1, MPI_COMM_WORLD, &req[0]);
        MPI_Irecv(bottom_halo, n, MPI_DOUBLE, d->down, 0, MPI_COMM_WORLD, &req[1]);
        MPI_Isend(first, n, MPI_DOUBLE, d->up, 0, MPI_COMM_WORLD, &req[2]);
        MPI_Isend(last, n, MPI_DOUBLE, d->down, 1, MPI_COMM_WORLD, &req[3]);
        MPI_Waitall(4, req, MPI_STATUSES_IGNORE);
    }
}

/* Local flux into the interior through the boundary (needs valid halos). */
static double boundary_flux(double *u, const domain_t *d)
{
    int n = d->n;
    double f = 0.0;
    for (int l = 1; l <= d->nrows; ++l) {
        int gi = d->row0 + l - 1;
        if (gi < 1 || gi > n - 2) continue;
        const double *up = row_ptr(u, d, l - 1), *r = row_ptr(u, d, l), *dn = row_ptr(u, d, l + 1);
        for (int j = 1; j < n - 1; ++j) {
            if (gi == 1)     f += up[j] - r[j];
            if (gi == n - 2) f += dn[j] - r[j];
            if (j == 1)      f += r[0] - r[1];
            if (j == n - 2)  f += r[n - 1] - r[n - 2];
        }
    }
    return f;
}

/* One explicit step on the owned interior rows; returns local max |v - u|. */
static double step(double *u, double *v, const domain_t *d)
{
    int n = d->n;
    double maxdiff = 0.0;
    for (int l = 1; l <= d->nrows; ++l) {
        int gi = d->row0 + l - 1;
        if (gi < 1 || gi > n - 2) continue;
        int srow = gi >= d->src.lo && gi < d->src.hi;
        const double *up = row_ptr(u, d, l - 1), *c = row_ptr(u, d, l), *dn = row_ptr(u, d, l + 1);
        double *o = row_ptr(v, d, l);
        for (int j = 1; j < n - 1; ++j) {
            double lap = up[j] + dn[j] + c[j - 1] + c[j + 1] - 4.0 * c[j];
            double nv = c[j] + ALPHA * lap;
            if (srow && j >= d->src.lo && j < d->src.hi)
                nv += SOURCE;
            o[j] = nv;
            double diff = fabs(nv - c[j]);
            if (diff > maxdiff)
                maxdiff = diff;
        }
    }
    return maxdiff;
}

static double local_interior_sum(double *u, const domain_t *d)
{
    int n = d->n;
    double s = 0.0;
    for (int l = 1; l <= d->nrows; ++l) {
        int gi = d->row0 + l - 1;
        if (gi < 1 || gi > n - 2) continue;
        const double *r = row_ptr(u, d, l);
        for (int j = 1; j < n - 1; ++j) s += r[j];
    }
    return s;
}

/* Parse a non-negative integer; returns -1 on error. */
static long parse_arg(const char *s, long lo, long hi)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (end == s || *end != '\0' || v < lo || v > hi) return -1;
    return v;
}

int main(int argc, char **argv)
{
    MPI_Init(&argc, &argv);
    domain_t d;
    MPI_Comm_rank(MPI_COMM_WORLD, &d.rank);
    MPI_Comm_size(MPI_COMM_WORLD, &d.size);

    /* Rank 0 parses the arguments and broadcasts them: {N, steps, nonblocking, status}. */
    int params[4] = { 256, 500, 0, 0 };
    if (d.rank == 0) {
        if (argc > 4) params[3] = 1;
        if (argc > 1 && (params[0] = (int)parse_arg(argv[1], 3, 8192)) < 0) params[3] = 1;
        if (argc > 2 && (params[1] = (int)parse_arg(argv[2], 0, 100000000)) < 0) params[3] = 1;
        if (argc > 3) {
            if (strcmp(argv[3], "nb") == 0) params[2] = 1;
            else if (strcmp(argv[3], "sendrecv") != 0) params[3] = 1;
        }
        if (params[3])
            fprintf(stderr, "usage: %s [N >= 3] [steps >= 0] [sendrecv|nb]\n", argv[0]);
        else if (params[0] < d.size) {
            fprintf(stderr, "heat2d_mpi: N = %d must be >= the number of ranks (%d)\n", params[0], d.size);
            params[3] = 1;
        }
    }
    MPI_Bcast(params, 4, MPI_INT, 0, MPI_COMM_WORLD);
    if (params[3]) {
        MPI_Finalize();
        return 2;
    }
    d.n = params[0];
    int steps = params[1], nonblocking = params[2], n = d.n;

    block_range(n, d.size, d.rank, &d.row0, &d.nrows);
    d.up = d.rank > 0 ? d.rank - 1 : MPI_PROC_NULL;
    d.down = d.rank < d.size - 1 ? d.rank + 1 : MPI_PROC_NULL;
    d.src = make_source(n);

    size_t local = (size_t)(d.nrows + 2) * n;
    double *u = calloc(local, sizeof *u);
    double *v = calloc(local, sizeof *v);
    /* Rank 0 also holds the full grid for the final gather. */
    int *counts = NULL, *displs = NULL;
    double *grid = NULL;
    if (d.rank == 0) {
        counts = malloc((size_t)d.size * sizeof *counts);
        displs = malloc((size_t)d.size * sizeof *displs);
        grid = malloc((size_t)n * n * sizeof *grid);
    }
    int oom = !u || !v || (d.rank == 0 && (!counts || !displs || !grid)), any_oom = 0;
    MPI_Allreduce(&oom, &any_oom, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (any_oom) {
        if (d.rank == 0) fprintf(stderr, "heat2d_mpi: out of memory\n");
        free(grid); free(counts); free(displs); free(u); free(v);
        MPI_Finalize();
        return 3;
    }
    set_boundary(u, &d);
    set_boundary(v, &d);

    int nsrc = (d.src.hi - d.src.lo) * (d.src.hi - d.src.lo);
    double local_initial = local_interior_sum(u, &d), initial = 0.0;
    MPI_Allreduce(&local_initial, &initial, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);

    if (d.rank == 0)
        printf("heat2d_mpi: grid %d x %d, %d steps, alpha %.3f, source %d cells\n", n, n, steps, ALPHA, nsrc);

    MPI_Barrier(MPI_COMM_WORLD);
    double t0 = MPI_Wtime(), t_comm = 0.0;

    double flux = 0.0, injected = 0.0, maxdiff = 0.0;
    int monitor_ok = 1;
    for (int s = 1; s <= steps; ++s) {
        double tc = MPI_Wtime();
        exchange_halos(u, &d, nonblocking);
        t_comm += MPI_Wtime() - tc;
        flux += boundary_flux(u, &d);
        injected += SOURCE * nsrc;
        maxdiff = step(u, v, &d);
        double *t = u; u = v; v = t;

        if (s % K_REPORT == 0 || s == steps) {
            double mon_local[1] = { local_interior_sum(u, &d) }, mon[1];
            double gmax = 0.0;
            MPI_Allreduce(mon_local, mon, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
            MPI_Allreduce(&maxdiff, &gmax, 1, MPI_DOUBLE, MPI_MAX, MPI_COMM_WORLD);
            /* Total heat can only grow here (hot boundary, positive source) and stays finite. */
            if (!isfinite(mon[0]) || mon[0] < 0.0) monitor_ok = 0;
            maxdiff = gmax;
            if (d.rank == 0)
                printf("step %6d: max change %.8e\n", s, gmax);
        }
    }
    double t_loop = MPI_Wtime() - t0;

    /* Gather the owned rows of the full grid on rank 0. */
    if (d.rank == 0) {
        for (int r = 0; r < d.size; ++r) {
            int r0, nr;
            block_range(n, d.size, r, &r0, &nr);
            counts[r] = nr * n;
            displs[r] = r0 * n;
        }
    }
    MPI_Gatherv(row_ptr(u, &d, 1), d.nrows * n, MPI_DOUBLE, grid, counts, displs, MPI_DOUBLE, 0,
                MPI_COMM_WORLD);

    double flux_total = 0.0;
    MPI_Reduce(&flux, &flux_total, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    int mon_all = 0;
    MPI_Reduce(&monitor_ok, &mon_all, 1, MPI_INT, MPI_MIN, 0, MPI_COMM_WORLD);
    double t_max[2] = { 0.0, 0.0 }, t_mine[2] = { t_loop, t_comm };
    MPI_Reduce(t_mine, t_max, 2, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);

    int ok = 1;
    if (d.rank == 0) {
        double total = 0.0, checksum = 0.0, umax = -INFINITY, umin = INFINITY;
        int bad = 0;
        for (int i = 1; i < n - 1; ++i)
            for (int j = 1; j < n - 1; ++j) {
                double x = grid[(size_t)i * n + j];
                if (!isfinite(x)) bad = 1;
                if (x < umin) umin = x;
                if (x > umax) umax = x;
                total += x;
                checksum += weight(i, j) * x;
            }
        double center = grid[(size_t)(n / 2) * n + n / 2];
        double expected = initial + injected + ALPHA * flux_total;
        double scale = fabs(initial) + injected + ALPHA * fabs(flux_total) + 1.0;
        double relerr = fabs(total - expected) / scale;
        ok = !bad && mon_all && umin >= 0.0 && relerr < 1e-10;

        printf("total heat      = %.10e\n", total);
        printf("heat injected   = %.10e\n", injected);
        printf("center value    = %.10e\n", center);
        printf("max value       = %.10e\n", umax);
        printf("last max change = %.10e\n", maxdiff);
        printf("checksum        = %.10e\n", checksum);
        printf("self-check (energy balance, u >= 0): %s\n", ok ? "PASS" : "FAIL");
        fflush(stdout);
        fprintf(stderr, "heat2d_mpi: %d ranks, %s halos, loop %.3f s (halo %.3f s) max over ranks, "
                "energy balance rel. error %.3e\n", d.size, nonblocking ? "Isend/Irecv" : "Sendrecv",
                t_max[0], t_max[1], relerr);
    }
    /* Everyone exits with the same status. */
    MPI_Bcast(&ok, 1, MPI_INT, 0, MPI_COMM_WORLD);

    free(grid);
    free(counts);
    free(displs);
    free(u);
    free(v);
    MPI_Finalize();
    return ok ? 0 : 1;
}
