/* HPCG-style conjugate gradient, one rank: A x = b with A the 27-point
 * stencil matrix of HPCG on a 64^3 grid (262,144 rows, 6.97 million
 * nonzeros: 26 on the diagonal, -1 for every neighbour; about 80 MiB in CSR
 * with 32-bit column indices), b = A * ones, x_0 = 0, preconditioned by one
 * symmetric Gauss-Seidel sweep (forward then backward, as HPCG's smoother).
 *   cg [quick]
 * After one untimed iteration (from which the solve restarts), 50
 * iterations (quick: 10) are timed with MPI_Wtime. GFLOP/s counts flops as
 * HPCG does: 2 per nonzero for the SpMV, 4 per nonzero for the SymGS
 * sweep, 2 per row for each of the 3 dot products and each of the 3 vector
 * updates (GFLOP = 1e9). The dot products are summed with MPI_Allreduce
 * (one rank: a copy), as in HPCG.
 * Prints CSV: kernel,problem,time_s,rate,unit.
 * Checks: the relative residual ||b - A x|| / ||b||, recomputed from x at the
 * end, must fall below 1e-6 after 50 iterations (1e-1 after 10), agree with
 * the recurrence's residual, and have fallen at every 10th iteration;
 * otherwise the program exits 1. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 64 };

typedef struct {
    int rows, nnz;
    int *rowptr, *col, *diag; /* diag: index of the diagonal entry of each row */
    double *val;
} csr;

static void *alloc(size_t bytes) {
    void *p = malloc(bytes);
    if (!p) MPI_Abort(MPI_COMM_WORLD, 2);
    return p;
}

static csr stencil27(int n) {
    csr a;
    a.rows = n * n * n;
    a.rowptr = alloc(((size_t)a.rows + 1) * sizeof(int));
    a.col = alloc((size_t)a.rows * 27 * sizeof(int));
    a.diag = alloc((size_t)a.rows * sizeof(int));
    a.val = alloc((size_t)a.rows * 27 * sizeof(double));
    int k = 0;
    for (int z = 0; z < n; z++)
        for (int y = 0; y < n; y++)
            for (int x = 0; x < n; x++) {
                int i = (z * n + y) * n + x;
                a.rowptr[i] = k;
                for (int dz = -1; dz <= 1; dz++)
                    for (int dy = -1; dy <= 1; dy++)
                        for (int dx = -1; dx <= 1; dx++) {
                            int zz = z + dz, yy = y + dy, xx = x + dx;
                            if (zz < 0 || zz >= n || yy < 0 || yy >= n || xx < 0 || xx >= n) continue;
                            int j = (zz * n + yy) * n + xx;
                            if (j == i) a.diag[i] = k;
                            a.col[k] = j;
                            a.val[k++] = j == i ? 26.0 : -1.0;
                        }
            }
    a.rowptr[a.rows] = k;
    a.nnz = k;
    return a;
}

static void spmv(const csr *a, const double *restrict x, double *restrict y) {
    for (int i = 0; i < a->rows; i++) {
        double s = 0;
        for (int k = a->rowptr[i]; k < a->rowptr[i + 1]; k++) s += a->val[k] * x[a->col[k]];
        y[i] = s;
    }
}

/* z = M^-1 r: one symmetric Gauss-Seidel sweep from z = 0. */
static void symgs(const csr *a, const double *restrict r, double *restrict z) {
    memset(z, 0, (size_t)a->rows * sizeof(double));
    for (int i = 0; i < a->rows; i++) {
        double s = r[i], d = a->val[a->diag[i]];
        for (int k = a->rowptr[i]; k < a->rowptr[i + 1]; k++) s -= a->val[k] * z[a->col[k]];
        z[i] = (s + d * z[i]) / d;
    }
    for (int i = a->rows - 1; i >= 0; i--) {
        double s = r[i], d = a->val[a->diag[i]];
        for (int k = a->rowptr[i]; k < a->rowptr[i + 1]; k++) s -= a->val[k] * z[a->col[k]];
        z[i] = (s + d * z[i]) / d;
    }
}

static double dot(const double *restrict x, const double *restrict y, int n) {
    double s = 0, g;
    for (int i = 0; i < n; i++) s += x[i] * y[i];
    MPI_Allreduce(&s, &g, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    return g;
}

/* w = alpha x + beta y */
static void waxpby(double *w, double alpha, const double *x, double beta, const double *y, int n) {
    for (int i = 0; i < n; i++) w[i] = alpha * x[i] + beta * y[i];
}

/* iters CG iterations from x = 0; resid[k] is the recurrence's ||r_k||. */
static void cg(const csr *a, const double *b, double *x, double *r, double *z, double *p, double *ap, int iters,
               double *resid) {
    int n = a->rows;
    memset(x, 0, (size_t)n * sizeof(double));
    memcpy(r, b, (size_t)n * sizeof(double));
    double rtz = 0;
    resid[0] = sqrt(dot(r, r, n));
    for (int k = 1; k <= iters; k++) {
        symgs(a, r, z);
        double rtz_new = dot(r, z, n);
        if (k == 1)
            memcpy(p, z, (size_t)n * sizeof(double));
        else
            waxpby(p, 1.0, z, rtz_new / rtz, p, n);
        rtz = rtz_new;
        spmv(a, p, ap);
        double alpha = rtz / dot(p, ap, n);
        waxpby(x, 1.0, x, alpha, p, n);
        waxpby(r, 1.0, r, -alpha, ap, n);
        resid[k] = sqrt(dot(r, r, n));
    }
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    int iters = quick ? 10 : 50, bad = 0;
    double want = quick ? 1e-1 : 1e-6;
    csr a = stencil27(N);
    int n = a.rows;
    double *b = alloc(n * sizeof(double)), *x = alloc(n * sizeof(double)), *r = alloc(n * sizeof(double)),
           *z = alloc(n * sizeof(double)), *p = alloc(n * sizeof(double)), *ap = alloc(n * sizeof(double)),
           *ones = alloc(n * sizeof(double)), *resid = alloc((iters + 1) * sizeof(double));
    for (int i = 0; i < n; i++) ones[i] = 1.0;
    spmv(&a, ones, b);
    cg(&a, b, x, r, z, p, ap, 1, resid); /* warm-up */
    double t0 = MPI_Wtime();
    cg(&a, b, x, r, z, p, ap, iters, resid);
    double time = MPI_Wtime() - t0;
    /* the true residual, from x */
    spmv(&a, x, ap);
    double rr = 0, bb = 0;
    for (int i = 0; i < n; i++) rr += (b[i] - ap[i]) * (b[i] - ap[i]), bb += b[i] * b[i];
    double rel = sqrt(rr / bb), relrec = resid[iters] / resid[0];
    if (!(rel < want)) fprintf(stderr, "cg: FAILED: relative residual %.3g after %d iterations, want < %.0e\n", rel, iters, want), bad = 1;
    if (!(fabs(rel - relrec) <= 1e-3 * rel + 1e-12))
        fprintf(stderr, "cg: FAILED: true residual %.6g, recurrence's %.6g\n", rel, relrec), bad = 1;
    for (int k = 10; k <= iters; k += 10)
        if (!(resid[k] < resid[k - 10]))
            fprintf(stderr, "cg: FAILED: residual rose from iteration %d to %d\n", k - 10, k), bad = 1;
    double flops = (double)iters * (6.0 * a.nnz + 12.0 * n);
    printf("kernel,problem,time_s,rate,unit\n");
    printf("cg,%d^3 SymGS,%.6f,%.3f,GFLOP/s\n", N, time, flops / time / 1e9);
    fprintf(stderr, "cg: relative residual %.3g after %d iterations\n", rel, iters);
    MPI_Finalize();
    return bad;
}
