/*
 * Blocked matrix multiply over MPI: C = A B for n x n matrices, A, B and C
 * distributed by blocks of rows. Each rank multiplies its rows of A, one
 * column block at a time, by the block of B it holds (cblas_dgemm on
 * submatrices, lda = n), then passes that block of B on around the ring
 * (MPI_Sendrecv_replace). The entries are small integers, so the result is
 * exact and its checksum the same everywhere.
 *
 *   wasmrun cc -O2 matmul_mpi.c -o matmul_mpi.wasm -lopenblas
 *   mpirun -np 4 wasmrun matmul_mpi.wasm 512
 */
#include <cblas.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    int n = argc > 1 ? atoi(argv[1]) : 256;
    if (n < 1 || n % size != 0) {
        if (rank == 0) fprintf(stderr, "n=%d must be a positive multiple of the %d ranks\n", n, size);
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    int nb = n / size, row0 = rank * nb;
    double *a = malloc(sizeof(double) * nb * n), *b = malloc(sizeof(double) * nb * n);
    double *c = calloc((size_t)nb * n, sizeof(double));
    for (int i = 0; i < nb; i++) {
        for (int j = 0; j < n; j++) {
            int gi = row0 + i;
            a[i * n + j] = (double)((gi + 2 * j) % 7 - 3);
            b[i * n + j] = (double)((gi * j) % 5 - 2);
        }
    }
    double t0 = MPI_Wtime();
    int owner = rank; /* whose rows of B this rank holds */
    for (int step = 0; step < size; step++) {
        /* C(my rows, :) += A(my rows, owner's columns) B(owner's rows, :) */
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, nb, n, nb, 1.0, a + owner * nb, n, b, n, 1.0, c, n);
        MPI_Sendrecv_replace(b, nb * n, MPI_DOUBLE, (rank + 1) % size, 0, (rank - 1 + size) % size, 0,
                             MPI_COMM_WORLD, MPI_STATUS_IGNORE);
        owner = (owner - 1 + size) % size;
    }
    double t = MPI_Wtime() - t0;
    double local = 0, sum = 0, weighted = 0, wsum = 0;
    for (int i = 0; i < nb; i++) {
        for (int j = 0; j < n; j++) {
            local += c[i * n + j];
            weighted += c[i * n + j] * ((row0 + i + j) % 3);
        }
    }
    MPI_Reduce(&local, &sum, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    MPI_Reduce(&weighted, &wsum, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    /* Check one entry of C against a direct sum on rank 0's first row. */
    int ok = 1;
    if (rank == 0) {
        for (int j = 0; j < n; j += n / 8 + 1) {
            double want = 0;
            for (int k = 0; k < n; k++) want += (double)((2 * k) % 7 - 3) * (double)((k * j) % 5 - 2);
            ok &= c[j] == want;
        }
        printf("n=%d ranks=%d checksum=%.0f weighted=%.0f entries_ok=%d\n", n, size, sum, wsum, ok);
        fprintf(stderr, "matmul: %.3f s, %.2f GFLOP/s\n", t, 2.0 * n * n * (double)n / t / 1e9);
    }
    free(a), free(b), free(c);
    MPI_Finalize();
    return ok ? 0 : 1;
}
