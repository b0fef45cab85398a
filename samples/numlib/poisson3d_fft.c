/*
 * Spectral Poisson solver on a periodic N^3 grid over [0, 2 pi)^3:
 * -laplace(u) = f, solved as u^ = f^ / |k|^2 with FFTW, the grid split
 * into slabs of x-planes over the MPI ranks. Forward: a 2D FFT of each
 * local plane (fftw_plan_many_dft over (y, z)), an MPI_Alltoall transpose
 * to slabs of y, a strided 1D FFT along x; the inverse retraces the steps.
 * f is chosen so that u is known exactly; the result is checked against
 * it.
 *
 *   wasmrun cc -O2 poisson3d_fft.c -o poisson3d_fft.wasm -lfftw3 -lm
 *   mpirun -np 4 wasmrun poisson3d_fft.wasm 64
 */
#include <fftw3.h>
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

static double exact(double x, double y, double z) {
    return sin(x) * cos(2 * y) * sin(3 * z) / 14.0 + cos(4 * x + y) / 17.0;
}

static double source(double x, double y, double z) { return sin(x) * cos(2 * y) * sin(3 * z) + cos(4 * x + y); }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int n = argc > 1 ? atoi(argv[1]) : 32;
    if (n < 1 || n % size != 0) {
        if (rank == 0) fprintf(stderr, "n=%d must be a positive multiple of the %d ranks\n", n, size);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    int nl = n / size; /* local x-planes, then local y-rows */
    size_t count = (size_t)nl * n * n;
    fftw_complex *u = fftw_alloc_complex(count), *t = fftw_alloc_complex(count), *buf = fftw_alloc_complex(count);
    double h = 2 * M_PI / n;

    int plane[2] = {n, n}, line[1] = {n};
    /* 2D over (y, z) for each of the nl planes of u, in place. */
    fftw_plan f2 = fftw_plan_many_dft(2, plane, nl, u, NULL, 1, n * n, u, NULL, 1, n * n, FFTW_FORWARD, FFTW_ESTIMATE);
    fftw_plan b2 = fftw_plan_many_dft(2, plane, nl, u, NULL, 1, n * n, u, NULL, 1, n * n, FFTW_BACKWARD, FFTW_ESTIMATE);
    /* 1D along x in t[x][yl][z]: stride nl*n, one transform per (yl, z). */
    fftw_plan f1 = fftw_plan_many_dft(1, line, nl * n, t, NULL, nl * n, 1, t, NULL, nl * n, 1, FFTW_FORWARD, FFTW_ESTIMATE);
    fftw_plan b1 = fftw_plan_many_dft(1, line, nl * n, t, NULL, nl * n, 1, t, NULL, nl * n, 1, FFTW_BACKWARD, FFTW_ESTIMATE);
    if (!f2 || !b2 || !f1 || !b1) {
        fprintf(stderr, "rank %d: no plan\n", rank);
        MPI_Abort(MPI_COMM_WORLD, 3);
    }

    for (int xl = 0; xl < nl; xl++)
        for (int y = 0; y < n; y++)
            for (int z = 0; z < n; z++) {
                size_t i = ((size_t)xl * n + y) * n + z;
                u[i][0] = source((rank * nl + xl) * h, y * h, z * h);
                u[i][1] = 0;
            }

    double t0 = MPI_Wtime();
    fftw_execute(f2);
    /* To slabs of y: rank q gets u[xl][q's rows][:], and t ends up as
     * t[x][yl][z], x = q * nl + xl for the block from rank q. */
    for (int q = 0; q < size; q++)
        for (int xl = 0; xl < nl; xl++)
            for (int yl = 0; yl < nl; yl++)
                for (int z = 0; z < n; z++) {
                    size_t from = ((size_t)xl * n + q * nl + yl) * n + z;
                    size_t to = (((size_t)q * nl + xl) * nl + yl) * n + z;
                    buf[to][0] = u[from][0], buf[to][1] = u[from][1];
                }
    MPI_Alltoall(buf, 2 * nl * nl * n, MPI_DOUBLE, t, 2 * nl * nl * n, MPI_DOUBLE, MPI_COMM_WORLD);
    fftw_execute(f1);
    for (int x = 0; x < n; x++)
        for (int yl = 0; yl < nl; yl++)
            for (int z = 0; z < n; z++) {
                int kx = x <= n / 2 ? x : x - n, y = rank * nl + yl, ky = y <= n / 2 ? y : y - n,
                    kz = z <= n / 2 ? z : z - n;
                double k2 = (double)kx * kx + (double)ky * ky + (double)kz * kz;
                size_t i = ((size_t)x * nl + yl) * n + z;
                double s = k2 == 0 ? 0 : 1.0 / (k2 * n * (double)n * n);
                t[i][0] *= s, t[i][1] *= s;
            }
    fftw_execute(b1);
    MPI_Alltoall(t, 2 * nl * nl * n, MPI_DOUBLE, buf, 2 * nl * nl * n, MPI_DOUBLE, MPI_COMM_WORLD);
    for (int q = 0; q < size; q++)
        for (int xl = 0; xl < nl; xl++)
            for (int yl = 0; yl < nl; yl++)
                for (int z = 0; z < n; z++) {
                    size_t from = (((size_t)q * nl + xl) * nl + yl) * n + z;
                    size_t to = ((size_t)xl * n + q * nl + yl) * n + z;
                    u[to][0] = buf[from][0], u[to][1] = buf[from][1];
                }
    fftw_execute(b2);
    double elapsed = MPI_Wtime() - t0;

    double err = 0, sum = 0;
    for (int xl = 0; xl < nl; xl++)
        for (int y = 0; y < n; y++)
            for (int z = 0; z < n; z++) {
                size_t i = ((size_t)xl * n + y) * n + z;
                double want = exact((rank * nl + xl) * h, y * h, z * h);
                err = fmax(err, fabs(u[i][0] - want) + fabs(u[i][1]));
                sum += u[i][0] * u[i][0];
            }
    double maxerr, total;
    MPI_Reduce(&err, &maxerr, 1, MPI_DOUBLE, MPI_MAX, 0, MPI_COMM_WORLD);
    MPI_Reduce(&sum, &total, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("n=%d ranks=%d err_ok=%d norm2=%.10f\n", n, size, maxerr < 1e-12, total / ((double)n * n * n));
        fprintf(stderr, "poisson3d: %.3f s, max error %.2e\n", elapsed, maxerr);
    }
    fftw_destroy_plan(f2), fftw_destroy_plan(b2), fftw_destroy_plan(f1), fftw_destroy_plan(b1);
    fftw_free(u), fftw_free(t), fftw_free(buf);
    fftw_cleanup();
    MPI_Finalize();
    return maxerr < 1e-12 || rank != 0 ? 0 : 1;
}
