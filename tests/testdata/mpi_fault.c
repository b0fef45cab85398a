/* mpi_fault MODE DIR: every rank writes a line to stdout and to DIR/rank.R;
 * in the fault modes rank 1 leaves both in its stdio buffers (no fflush,
 * no fclose), the others flush them (a process killed from outside loses its buffers,
 * natively too). Then rank 1 (of 4)
 * faults as MODE says while the others wait in MPI_Barrier or compute:
 *   trap    integer divide by zero
 *   abort   abort()
 *   oom     malloc until it fails, then abort() as an xmalloc would
 *   mpierr  MPI_Send to a rank that does not exist (MPI_ERRORS_ARE_FATAL)
 *   wait    no fault: every rank writes DIR/ready.R and waits in a barrier
 *           that rank 1 never reaches (the test kills or signals it)
 *   spin    no fault: like wait, but every rank computes forever */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

__attribute__((noinline)) int divide(int a, int b) { return a / b; }

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, x = 1;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    if (argc < 3) return 2;
    const char *mode = argv[1];
    char path[512];
    snprintf(path, sizeof path, "%s/rank.%d", argv[2], rank);
    FILE *f = fopen(path, "w");
    if (!f) { perror(path); return 3; }
    fprintf(f, "rank %d wrote this before the fault\n", rank);
    printf("rank %d before the fault\n", rank);
    int faults = strcmp(mode, "wait") && strcmp(mode, "spin");
    if (rank != 1 || !faults) {
        fflush(f);
        fflush(stdout);
    }
    MPI_Barrier(MPI_COMM_WORLD);
    if (!strcmp(mode, "wait") || !strcmp(mode, "spin")) {
        snprintf(path, sizeof path, "%s/ready.%d", argv[2], rank);
        FILE *r = fopen(path, "w");
        if (r) fclose(r);
        if (!strcmp(mode, "spin")) { volatile unsigned long i = 0; for (;;) i++; }
        if (rank == 1) for (;;) { volatile unsigned long i = 0; while (i < 100000000UL) i++; }
        MPI_Barrier(MPI_COMM_WORLD);
    } else if (rank == 1) {
        if (!strcmp(mode, "trap")) printf("%d\n", divide(rank, rank - 1));
        if (!strcmp(mode, "abort")) abort();
        if (!strcmp(mode, "oom")) {
            for (int mib = 0;; mib += 16) {
                char *volatile p = malloc(16 << 20);
                if (!p) {
                    fprintf(stderr, "rank %d: out of memory after %d MiB\n", rank, mib);
                    abort();
                }
                memset(p, 1, 16 << 20);
            }
        }
        if (!strcmp(mode, "mpierr")) MPI_Send(&x, 1, MPI_INT, 1000, 0, MPI_COMM_WORLD);
    }
    MPI_Barrier(MPI_COMM_WORLD); /* the other ranks wait here */
    printf("rank %d not reached\n", rank);
    MPI_Finalize();
    return 0;
}
