/* 2D Jacobi, 5-point stencil, one rank: n × n interior points (n = 2048,
 * two grids of 32 MiB, beyond the caches), zero boundary.
 *   jacobi2d [quick]
 * Each sweep sets u'[i][j] = (u[i-1][j] + u[i+1][j] + u[i][j-1] + u[i][j+1]) / 4.
 * After one untimed sweep, 80 sweeps (quick: 15) are timed with MPI_Wtime;
 * the rate is million lattice-site updates per second (MLUP/s).
 * Prints CSV: kernel,problem,time_s,rate,unit.
 * The grid starts as an eigenmode of the stencil, sin(p pi i/(n+1)) sin(q pi
 * j/(n+1)), which each sweep multiplies by lambda = (cos(p pi/(n+1)) +
 * cos(q pi/(n+1)))/2: every point is checked against lambda^sweeps times its
 * start value (1e-9 absolute, values are at most 1); a mismatch makes the
 * program exit 1. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 2048, P = 3, Q = 5 };

static void sweep(int n, const double *restrict u, double *restrict v) {
    int m = n + 2;
    for (int i = 1; i <= n; i++)
        for (int j = 1; j <= n; j++)
            v[i * m + j] = 0.25 * (u[(i - 1) * m + j] + u[(i + 1) * m + j] + u[i * m + j - 1] + u[i * m + j + 1]);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    int sweeps = quick ? 15 : 80, bad = 0, n = N, m = N + 2;
    if (rank == 0) {
        const double pi = 3.14159265358979323846;
        double *u = calloc((size_t)m * m, sizeof(double)), *v = calloc((size_t)m * m, sizeof(double));
        double *sx = malloc(sizeof(double) * m), *sy = malloc(sizeof(double) * m);
        if (!u || !v || !sx || !sy) MPI_Abort(MPI_COMM_WORLD, 2);
        for (int i = 0; i < m; i++) {
            sx[i] = sin(P * pi * i / (n + 1));
            sy[i] = sin(Q * pi * i / (n + 1));
        }
        for (int i = 1; i <= n; i++)
            for (int j = 1; j <= n; j++) u[i * m + j] = sx[i] * sy[j];
        sweep(n, u, v);
        double *t;
        t = u, u = v, v = t;
        double t0 = MPI_Wtime();
        for (int s = 0; s < sweeps; s++) {
            sweep(n, u, v);
            t = u, u = v, v = t;
        }
        double time = MPI_Wtime() - t0;
        double lambda = (cos(P * pi / (n + 1)) + cos(Q * pi / (n + 1))) / 2, f = pow(lambda, sweeps + 1);
        for (int i = 0; i < m; i++)
            for (int j = 0; j < m; j++) {
                double want = (i == 0 || j == 0 || i > n || j > n) ? 0 : f * sx[i] * sy[j];
                bad += !(fabs(u[i * m + j] - want) <= 1e-9);
            }
        if (bad) fprintf(stderr, "jacobi2d: FAILED: %d wrong points\n", bad);
        printf("kernel,problem,time_s,rate,unit\n");
        printf("jacobi2d,%d^2,%.6f,%.3f,MLUP/s\n", n, time, (double)n * n * sweeps / time / 1e6);
        free(u), free(v), free(sx), free(sy);
    }
    MPI_Bcast(&bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return bad != 0;
}
