/* STREAM triad, one rank: a[j] = b[j] + q * c[j] over arrays of 2^24
 * doubles (128 MiB each, 384 MiB in all, well beyond the caches).
 *   stream [quick]
 * The three arrays rotate roles from one pass to the next, so every pass
 * depends on the one before and none can be optimised away. After one
 * untimed pass, 20 passes (quick: 5) are timed with MPI_Wtime. Bandwidth
 * counts 24 bytes per element and pass, as STREAM does (GB = 1e9 bytes).
 * Prints CSV: kernel,problem,time_s,rate,unit. Every element is checked
 * against the same recurrence run on scalars; a mismatch beyond rounding
 * (1e-12 relative) makes the program exit 1. */
#include <math.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { N = 1 << 24, PATTERNS = 8 };
static const double Q = 0.375;

static void triad(double *restrict a, const double *restrict b, const double *restrict c, int n) {
    for (int j = 0; j < n; j++) a[j] = b[j] + Q * c[j];
}

/* Pass k writes x[k%3] from x[(k+1)%3] and x[(k+2)%3]. */
static void pass(double *x[3], int k, int n) { triad(x[k % 3], x[(k + 1) % 3], x[(k + 2) % 3], n); }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    int passes = quick ? 5 : 20, bad = 0;
    double time = 0;
    if (rank == 0) {
        double *x[3];
        for (int i = 0; i < 3; i++)
            if (!(x[i] = malloc((size_t)N * sizeof(double)))) MPI_Abort(MPI_COMM_WORLD, 2);
        /* Element j starts as pattern j % PATTERNS; run the same passes on scalars. */
        double s[PATTERNS][3];
        for (int p = 0; p < PATTERNS; p++)
            for (int i = 0; i < 3; i++) s[p][i] = 1.0 + 0.25 * p + 0.5 * i;
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < N; j++) x[i][j] = s[j % PATTERNS][i];
        pass(x, 0, N);
        double t0 = MPI_Wtime();
        for (int k = 1; k <= passes; k++) pass(x, k, N);
        time = MPI_Wtime() - t0;
        for (int p = 0; p < PATTERNS; p++)
            for (int k = 0; k <= passes; k++) s[p][k % 3] = s[p][(k + 1) % 3] + Q * s[p][(k + 2) % 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < N; j++) {
                double want = s[j % PATTERNS][i];
                bad += !(fabs(x[i][j] - want) <= 1e-12 * fabs(want));
            }
        if (bad) fprintf(stderr, "stream: FAILED: %d wrong elements\n", bad);
        printf("kernel,problem,time_s,rate,unit\n");
        printf("stream,n=2^24,%.6f,%.3f,GB/s\n", time, 24.0 * N * passes / time / 1e9);
        for (int i = 0; i < 3; i++) free(x[i]);
    }
    MPI_Bcast(&bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return bad != 0;
}
