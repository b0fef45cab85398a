/* 3D Jacobi, 7-point stencil, one rank: n^3 interior points (n = 192, two
 * grids of 55 MiB, beyond the caches), zero boundary.
 *   jacobi3d [quick]
 * Each sweep sets u' to the mean of the six neighbours of each point.
 * After one untimed sweep, 40 sweeps (quick: 8) are timed with MPI_Wtime;
 * the rate is million lattice-site updates per second (MLUP/s).
 * Prints CSV: kernel,problem,time_s,rate,unit.
 * The grid starts as an eigenmode of the stencil, sin(p pi i/(n+1))
 * sin(q pi j/(n+1)) sin(r pi k/(n+1)), which each sweep multiplies by
 * lambda = (cos(p pi/(n+1)) + cos(q pi/(n+1)) + cos(r pi/(n+1)))/3: every
 * point is checked against lambda^sweeps times its start value (1e-9
 * absolute); a mismatch makes the program exit 1. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 192, P = 2, Q = 3, R = 5 };

static void sweep(int n, const double *restrict u, double *restrict v) {
    long m = n + 2, mm = m * m;
    const double sixth = 1.0 / 6.0;
    for (long i = 1; i <= n; i++)
        for (long j = 1; j <= n; j++) {
            long o = i * mm + j * m;
            for (long k = 1; k <= n; k++)
                v[o + k] = sixth * (u[o + k - mm] + u[o + k + mm] + u[o + k - m] + u[o + k + m] + u[o + k - 1] + u[o + k + 1]);
        }
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    int sweeps = quick ? 8 : 40, bad = 0, n = N;
    long m = N + 2, mm = m * m;
    if (rank == 0) {
        const double pi = 3.14159265358979323846;
        double *u = calloc((size_t)(m * mm), sizeof(double)), *v = calloc((size_t)(m * mm), sizeof(double));
        double *s[3];
        int mode[3] = {P, Q, R};
        for (int d = 0; d < 3; d++) {
            if (!(s[d] = malloc(sizeof(double) * m))) MPI_Abort(MPI_COMM_WORLD, 2);
            for (long i = 0; i < m; i++) s[d][i] = sin(mode[d] * pi * i / (n + 1));
        }
        if (!u || !v) MPI_Abort(MPI_COMM_WORLD, 2);
        for (long i = 1; i <= n; i++)
            for (long j = 1; j <= n; j++)
                for (long k = 1; k <= n; k++) u[i * mm + j * m + k] = s[0][i] * s[1][j] * s[2][k];
        sweep(n, u, v);
        double *t;
        t = u, u = v, v = t;
        double t0 = MPI_Wtime();
        for (int w = 0; w < sweeps; w++) {
            sweep(n, u, v);
            t = u, u = v, v = t;
        }
        double time = MPI_Wtime() - t0;
        double lambda = (cos(P * pi / (n + 1)) + cos(Q * pi / (n + 1)) + cos(R * pi / (n + 1))) / 3;
        double f = pow(lambda, sweeps + 1);
        for (long i = 0; i < m; i++)
            for (long j = 0; j < m; j++)
                for (long k = 0; k < m; k++) {
                    int edge = i == 0 || j == 0 || k == 0 || i > n || j > n || k > n;
                    double want = edge ? 0 : f * s[0][i] * s[1][j] * s[2][k];
                    bad += !(fabs(u[i * mm + j * m + k] - want) <= 1e-9);
                }
        if (bad) fprintf(stderr, "jacobi3d: FAILED: %d wrong points\n", bad);
        printf("kernel,problem,time_s,rate,unit\n");
        printf("jacobi3d,%d^3,%.6f,%.3f,MLUP/s\n", n, time, (double)n * n * n * sweeps / time / 1e6);
        free(u), free(v);
        for (int d = 0; d < 3; d++) free(s[d]);
    }
    MPI_Bcast(&bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return bad != 0;
}
