/* DGEMM, one rank: C = A B for n × n doubles (n = 512), cache-blocked
 * (64 × 64 × 64 blocks, i-k-j order inside a block so the innermost loop
 * streams rows of B and C and vectorises).
 *   dgemm [quick]
 * After one untimed product, 16 products (quick: 3) are timed with
 * MPI_Wtime; GFLOP/s counts 2 n^3 flops per product (GFLOP = 1e9).
 * Prints CSV: kernel,problem,time_s,rate,unit.
 * A and B hold small integers, so every product and partial sum is exact
 * whatever the order of summation or use of FMA: C is checked exactly
 * through its row sums (C 1 = A (B 1)) and column sums (1^T C = (1^T A) B),
 * which together catch any wrong or missing block; a mismatch makes the
 * program exit 1. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 512, BS = 64 };

static void gemm(int n, const double *restrict a, const double *restrict b, double *restrict c) {
    memset(c, 0, sizeof(double) * n * n);
    for (int ii = 0; ii < n; ii += BS)
        for (int kk = 0; kk < n; kk += BS)
            for (int jj = 0; jj < n; jj += BS)
                for (int i = ii; i < ii + BS; i++)
                    for (int k = kk; k < kk + BS; k++) {
                        double aik = a[i * n + k];
                        const double *restrict brow = b + k * n;
                        double *restrict crow = c + i * n;
                        for (int j = jj; j < jj + BS; j++) crow[j] += aik * brow[j];
                    }
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    int reps = quick ? 3 : 16, bad = 0, n = N;
    if (rank == 0) {
        double *a = malloc(sizeof(double) * n * n), *b = malloc(sizeof(double) * n * n);
        double *c = malloc(sizeof(double) * n * n);
        double *v = malloc(sizeof(double) * n), *w = malloc(sizeof(double) * n);
        if (!a || !b || !c || !v || !w) MPI_Abort(MPI_COMM_WORLD, 2);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) {
                a[i * n + j] = (double)((i * 3 + j * 5) % 7 - 3);
                b[i * n + j] = (double)((i * 2 + j * 7) % 5 - 2);
            }
        gemm(n, a, b, c);
        double t0 = MPI_Wtime();
        for (int r = 0; r < reps; r++) gemm(n, a, b, c);
        double time = MPI_Wtime() - t0;
        /* Row sums: v = B 1, w = A v, compare with C 1. */
        for (int k = 0; k < n; k++) {
            v[k] = 0;
            for (int j = 0; j < n; j++) v[k] += b[k * n + j];
        }
        for (int i = 0; i < n; i++) {
            double want = 0, got = 0;
            for (int k = 0; k < n; k++) want += a[i * n + k] * v[k];
            for (int j = 0; j < n; j++) got += c[i * n + j];
            bad += got != want;
        }
        /* Column sums: v = 1^T A, w = v B, compare with 1^T C. */
        for (int k = 0; k < n; k++) {
            v[k] = 0;
            for (int i = 0; i < n; i++) v[k] += a[i * n + k];
        }
        for (int j = 0; j < n; j++) {
            double want = 0, got = 0;
            for (int k = 0; k < n; k++) want += v[k] * b[k * n + j];
            for (int i = 0; i < n; i++) got += c[i * n + j];
            bad += got != want;
        }
        if (bad) fprintf(stderr, "dgemm: FAILED: %d wrong row or column sums\n", bad);
        printf("kernel,problem,time_s,rate,unit\n");
        printf("dgemm,n=%d,%.6f,%.3f,GFLOP/s\n", n, time, 2.0 * n * n * n * reps / time / 1e9);
        free(a), free(b), free(c), free(v), free(w);
    }
    MPI_Bcast(&bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return bad != 0;
}
