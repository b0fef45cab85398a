/* Sparse matrix-vector product, one rank: y = A x with A the 7-point
 * Poisson matrix of an n^3 grid (n = 96: 884,736 rows, 6.1 million
 * nonzeros, about 90 MiB in CSR with 32-bit column indices, beyond the
 * caches), Dirichlet boundary, stored in CSR and built by the program.
 *   spmv [quick]
 * The products are chained, x_{k+1} = A x_k, so none can be optimised away.
 * After one untimed product, 60 products (quick: 10) are timed with
 * MPI_Wtime; GFLOP/s counts 2 flops per nonzero (GFLOP = 1e9).
 * Prints CSV: kernel,problem,time_s,rate,unit.
 * x_0 is the eigenvector of A with the largest eigenvalue mu (the
 * highest-frequency sine mode), so x_k = mu^k x_0 and rounding in the other
 * modes shrinks; every entry is checked to 1e-9 relative to the largest;
 * a mismatch makes the program exit 1. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 96 };

typedef struct {
    int rows, nnz;
    int *rowptr, *col;
    double *val;
} csr;

static csr poisson3d(int n) {
    csr a;
    a.rows = n * n * n;
    a.rowptr = malloc(sizeof(int) * (a.rows + 1));
    a.col = malloc(sizeof(int) * a.rows * 7);
    a.val = malloc(sizeof(double) * a.rows * 7);
    if (!a.rowptr || !a.col || !a.val) MPI_Abort(MPI_COMM_WORLD, 2);
    int k = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            for (int l = 0; l < n; l++) {
                int r = (i * n + j) * n + l;
                a.rowptr[r] = k;
                /* Columns in increasing order. */
                if (i > 0) a.col[k] = r - n * n, a.val[k++] = -1;
                if (j > 0) a.col[k] = r - n, a.val[k++] = -1;
                if (l > 0) a.col[k] = r - 1, a.val[k++] = -1;
                a.col[k] = r, a.val[k++] = 6;
                if (l < n - 1) a.col[k] = r + 1, a.val[k++] = -1;
                if (j < n - 1) a.col[k] = r + n, a.val[k++] = -1;
                if (i < n - 1) a.col[k] = r + n * n, a.val[k++] = -1;
            }
    a.rowptr[a.rows] = k;
    a.nnz = k;
    return a;
}

static void spmv(const csr *a, const double *restrict x, double *restrict y) {
    const int *restrict rowptr = a->rowptr, *restrict col = a->col;
    const double *restrict val = a->val;
    for (int r = 0; r < a->rows; r++) {
        double s = 0;
        for (int k = rowptr[r]; k < rowptr[r + 1]; k++) s += val[k] * x[col[k]];
        y[r] = s;
    }
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    int products = quick ? 10 : 60, bad = 0, n = N;
    if (rank == 0) {
        const double pi = 3.14159265358979323846;
        csr a = poisson3d(n);
        double *x = malloc(sizeof(double) * a.rows), *y = malloc(sizeof(double) * a.rows);
        double *s = malloc(sizeof(double) * n);
        if (!x || !y || !s) MPI_Abort(MPI_COMM_WORLD, 2);
        /* Mode n in every direction: sin(n pi (i+1)/(n+1)); eigenvalue
         * 6 - 6 cos(n pi/(n+1)). */
        for (int i = 0; i < n; i++) s[i] = sin(n * pi * (i + 1) / (n + 1));
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int l = 0; l < n; l++) x[(i * n + j) * n + l] = s[i] * s[j] * s[l];
        double mu = 6 - 6 * cos(n * pi / (n + 1));
        spmv(&a, x, y);
        double *t;
        t = x, x = y, y = t;
        double t0 = MPI_Wtime();
        for (int p = 0; p < products; p++) {
            spmv(&a, x, y);
            t = x, x = y, y = t;
        }
        double time = MPI_Wtime() - t0;
        double f = pow(mu, products + 1), tol = 1e-9 * f;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                for (int l = 0; l < n; l++)
                    bad += !(fabs(x[(i * n + j) * n + l] - f * s[i] * s[j] * s[l]) <= tol);
        if (bad) fprintf(stderr, "spmv: FAILED: %d wrong entries\n", bad);
        printf("kernel,problem,time_s,rate,unit\n");
        printf("spmv,%d^3 grid,%.6f,%.3f,GFLOP/s\n", n, time, 2.0 * a.nnz * products / time / 1e9);
        free(a.rowptr), free(a.col), free(a.val), free(x), free(y), free(s);
    }
    MPI_Bcast(&bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return bad != 0;
}
