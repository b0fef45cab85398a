/*
 * Dense solver: A x = b by LU with partial pivoting (LAPACKE_?gesv), for a
 * diagonally dominant random matrix, in double precision row- and
 * column-major and in double complex, each checked by its residual
 * ||A x - b|| / (||A|| ||x||) computed with cblas_?gemv on a copy of A.
 *
 *   wasmrun cc -O2 dense_solve.c -o dense_solve.wasm -llapacke -lopenblas
 *   wasmrun dense_solve.wasm 500
 */
#include <cblas.h>
#include <lapacke.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned long long seed = 42;

static double rnd(void) {
    seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(seed >> 11) / 9007199254740992.0 - 0.5;
}

static int solve_real(int n, int layout) {
    double *a = malloc(sizeof(double) * n * n), *a0 = malloc(sizeof(double) * n * n);
    double *b = malloc(sizeof(double) * n), *x = malloc(sizeof(double) * n);
    int *ipiv = malloc(sizeof(int) * n);
    for (int i = 0; i < n * n; i++) a[i] = rnd();
    for (int i = 0; i < n; i++) {
        a[i * n + i] += n;
        b[i] = rnd();
    }
    memcpy(a0, a, sizeof(double) * n * n);
    memcpy(x, b, sizeof(double) * n);
    int info = LAPACKE_dgesv(layout, n, 1, a, n, ipiv, x, layout == LAPACK_ROW_MAJOR ? 1 : n);
    /* r = A0 x - b */
    cblas_dgemv(layout == LAPACK_ROW_MAJOR ? CblasRowMajor : CblasColMajor, CblasNoTrans, n, n, 1.0, a0, n, x, 1,
                -1.0, b, 1);
    double rn = cblas_dnrm2(n, b, 1), an = LAPACKE_dlange(layout, 'F', n, n, a0, n), xn = cblas_dnrm2(n, x, 1);
    double rel = rn / (an * xn);
    printf("dgesv %s n=%d info=%d residual_ok=%d x0=%.6f\n", layout == LAPACK_ROW_MAJOR ? "row" : "col", n, info,
           rel < 1e-13, x[0]);
    free(a), free(a0), free(b), free(x), free(ipiv);
    return info == 0 && rel < 1e-13;
}

static int solve_complex(int n) {
    double *a = malloc(sizeof(double) * 2 * n * n), *a0 = malloc(sizeof(double) * 2 * n * n);
    double *b = malloc(sizeof(double) * 2 * n), *x = malloc(sizeof(double) * 2 * n);
    int *ipiv = malloc(sizeof(int) * n);
    for (int i = 0; i < 2 * n * n; i++) a[i] = rnd();
    for (int i = 0; i < n; i++) {
        a[2 * (i * n + i)] += n;
        b[2 * i] = rnd(), b[2 * i + 1] = rnd();
    }
    memcpy(a0, a, sizeof(double) * 2 * n * n);
    memcpy(x, b, sizeof(double) * 2 * n);
    int info = LAPACKE_zgesv(LAPACK_COL_MAJOR, n, 1, (lapack_complex_double *)a, n, ipiv,
                             (lapack_complex_double *)x, n);
    double one[2] = {1, 0}, minus[2] = {-1, 0};
    cblas_zgemv(CblasColMajor, CblasNoTrans, n, n, one, a0, n, x, 1, minus, b, 1);
    double rel = cblas_dznrm2(n, b, 1) /
                 (LAPACKE_zlange(LAPACK_COL_MAJOR, 'F', n, n, (lapack_complex_double *)a0, n) * cblas_dznrm2(n, x, 1));
    printf("zgesv col n=%d info=%d residual_ok=%d x0=%.6f%+.6fi\n", n, info, rel < 1e-13, x[0], x[1]);
    free(a), free(a0), free(b), free(x), free(ipiv);
    return info == 0 && rel < 1e-13;
}

int main(int argc, char **argv) {
    int n = argc > 1 ? atoi(argv[1]) : 200;
    if (n < 1 || n > 20000) {
        fprintf(stderr, "usage: dense_solve [n], 1 <= n <= 20000\n");
        return 2;
    }
    int ok = solve_real(n, LAPACK_ROW_MAJOR) & solve_real(n, LAPACK_COL_MAJOR) & solve_complex(n / 2 + 1);
    printf("all_ok=%d\n", ok);
    return ok ? 0 : 1;
}
