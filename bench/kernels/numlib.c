/* BLAS, LAPACK and FFTW through the bridge, one rank:
 *   numlib [quick]
 * dgemm: cblas_dgemm C = A·B, n = 256, 512, 1024 (quick: 256, 512), the
 * best of 3 calls (after an untimed one), GFLOP/s = 2n³/t.
 * dgemm_c: the same product written in C (64×64×64 blocks, i-k-j order
 * inside a block), n = 256, 512 (quick: 256): what the guest does without
 * the library.
 * dgesv: LAPACKE_dgesv n = 1000 (quick: 500), one right-hand side, the
 * best of 3, GFLOP/s = (2/3)n³/t; the residual is checked.
 * fft3d: an in-place complex 3D FFT (FFTW_ESTIMATE), 128³ (quick: 64³),
 * forward then backward, the best of 3 pairs; GFLOP/s = 5 N log2 N per
 * transform; the round trip is checked.
 * dgemm4, ddot8: the fixed cost of a tiny call, cblas_dgemm of 4×4 and
 * cblas_ddot of length 8, mean of 200000 calls (quick: 50000), in time per
 * call (rate: calls a second).
 * Prints CSV: kernel,problem,time_s,rate,unit. */
#include <fftw3.h> /* first: after complex.h, fftw_complex would be C99 complex */
#include <cblas.h>
#include <lapacke.h>
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void fill(double *v, size_t n, unsigned s) {
    for (size_t i = 0; i < n; i++) {
        s = s * 1103515245u + 12345u;
        v[i] = (double)(s >> 8) / 16777216.0 - 0.5;
    }
}

/* The guest-C kernel: blocked i-k-j, as bench/kernels/dgemm.c. */
static void dgemm_c(int n, const double *a, const double *b, double *c) {
    const int bs = 64;
    memset(c, 0, sizeof(double) * n * n);
    for (int ii = 0; ii < n; ii += bs)
        for (int kk = 0; kk < n; kk += bs)
            for (int jj = 0; jj < n; jj += bs)
                for (int i = ii; i < ii + bs && i < n; i++)
                    for (int k = kk; k < kk + bs && k < n; k++) {
                        double aik = a[i * n + k];
                        for (int j = jj; j < jj + bs && j < n; j++) c[i * n + j] += aik * b[k * n + j];
                    }
}

static void row(const char *kernel, const char *problem, double t, double rate, const char *unit) {
    printf("%s,%s,%.6g,%.6g,%s\n", kernel, problem, t, rate, unit);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    printf("kernel,problem,time_s,rate,unit\n");
    int sizes[3] = {256, 512, 1024}, nsizes = quick ? 2 : 3;
    int nmax = sizes[nsizes - 1];
    double *a = malloc(sizeof(double) * nmax * nmax), *b = malloc(sizeof(double) * nmax * nmax);
    double *c = malloc(sizeof(double) * nmax * nmax), *c2 = malloc(sizeof(double) * nmax * nmax);
    fill(a, (size_t)nmax * nmax, 1), fill(b, (size_t)nmax * nmax, 2);
    char p[32];
    for (int s = 0; s < nsizes; s++) {
        int n = sizes[s];
        double best = 1e30;
        for (int r = 0; r < 4; r++) {
            double t0 = MPI_Wtime();
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0, a, n, b, n, 0.0, c, n);
            double t = MPI_Wtime() - t0;
            if (r > 0 && t < best) best = t;
        }
        snprintf(p, sizeof p, "%d", n);
        row("dgemm", p, best, 2.0 * n * n * (double)n / best / 1e9, "GFLOP/s");
        if (s < nsizes - 1) {
            double t0 = MPI_Wtime();
            dgemm_c(n, a, b, c2);
            double t = MPI_Wtime() - t0;
            double err = 0;
            for (int i = 0; i < n * n; i++) err = fmax(err, fabs(c[i] - c2[i]));
            if (err > 1e-9) {
                fprintf(stderr, "dgemm_c differs from cblas_dgemm by %g\n", err);
                MPI_Abort(MPI_COMM_WORLD, 1);
            }
            row("dgemm_c", p, t, 2.0 * n * n * (double)n / t / 1e9, "GFLOP/s");
        }
    }

    int n = quick ? 500 : 1000;
    double *m = malloc(sizeof(double) * n * n), *x = malloc(sizeof(double) * n), *rhs = malloc(sizeof(double) * n);
    int *ipiv = malloc(sizeof(int) * n);
    double best = 1e30;
    for (int r = 0; r < 3; r++) {
        fill(m, (size_t)n * n, 3), fill(rhs, n, 4);
        for (int i = 0; i < n; i++) m[i * n + i] += n;
        memcpy(x, rhs, sizeof(double) * n);
        double t0 = MPI_Wtime();
        int info = LAPACKE_dgesv(LAPACK_ROW_MAJOR, n, 1, m, n, ipiv, x, 1);
        double t = MPI_Wtime() - t0;
        if (info != 0) {
            fprintf(stderr, "dgesv info %d\n", info);
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
        if (t < best) best = t;
    }
    fill(m, (size_t)n * n, 3);
    for (int i = 0; i < n; i++) m[i * n + i] += n;
    cblas_dgemv(CblasRowMajor, CblasNoTrans, n, n, 1.0, m, n, x, 1, -1.0, rhs, 1);
    if (cblas_dnrm2(n, rhs, 1) > 1e-9 * n) {
        fprintf(stderr, "dgesv residual %g\n", cblas_dnrm2(n, rhs, 1));
        MPI_Abort(MPI_COMM_WORLD, 1);
    }
    snprintf(p, sizeof p, "%d", n);
    row("dgesv", p, best, 2.0 / 3.0 * n * n * (double)n / best / 1e9, "GFLOP/s");

    int g = quick ? 64 : 128;
    size_t cells = (size_t)g * g * g;
    fftw_complex *f = fftw_alloc_complex(cells);
    fftw_plan fw = fftw_plan_dft_3d(g, g, g, f, f, FFTW_FORWARD, FFTW_ESTIMATE);
    fftw_plan bw = fftw_plan_dft_3d(g, g, g, f, f, FFTW_BACKWARD, FFTW_ESTIMATE);
    best = 1e30;
    for (int r = 0; r < 4; r++) {
        for (size_t i = 0; i < cells; i++) f[i][0] = (double)(i % 17) - 8, f[i][1] = (double)(i % 5) - 2;
        double t0 = MPI_Wtime();
        fftw_execute(fw);
        fftw_execute(bw);
        double t = (MPI_Wtime() - t0) / 2;
        if (r > 0 && t < best) best = t;
        double err = 0;
        for (size_t i = 0; i < cells; i += 97) err = fmax(err, fabs(f[i][0] / cells - ((double)(i % 17) - 8)));
        if (err > 1e-9) {
            fprintf(stderr, "fft round trip error %g\n", err);
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
    }
    snprintf(p, sizeof p, "%d^3", g);
    row("fft3d", p, best, 5.0 * cells * log2((double)cells) / best / 1e9, "GFLOP/s");
    fftw_destroy_plan(fw), fftw_destroy_plan(bw), fftw_free(f);

    int calls = quick ? 50000 : 200000;
    double ta[16], tb[16], tc[16], acc = 0;
    fill(ta, 16, 5), fill(tb, 16, 6);
    double t0 = MPI_Wtime();
    for (int i = 0; i < calls; i++)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, 4, 4, 4, 1.0, ta, 4, tb, 4, 0.0, tc, 4);
    double t = (MPI_Wtime() - t0) / calls;
    row("dgemm4", "4x4", t, 1 / t, "calls/s");
    t0 = MPI_Wtime();
    for (int i = 0; i < calls; i++) acc += cblas_ddot(8, ta, 1, tb, 1);
    t = (MPI_Wtime() - t0) / calls;
    row("ddot8", "8", t, 1 / t, "calls/s");
    if (acc == 12345.678) printf("#\n"); /* keeps the loop */
    MPI_Finalize();
    return 0;
}
