/* Ping-pong latency between ranks 0 and 1 (osu_latency style).
 *   pingpong [quick]
 * For each message size, 0 B and 1 B..4 MiB in powers of two, rank 0 sends
 * a message and rank 1 sends it back; the latency is half the round trip,
 * in microseconds, timed with MPI_Wtime after a warm-up (the median of 10
 * batches' means, see BATCHES). Other ranks wait. Prints CSV on rank 0:
 * size,latency_us. Both ranks check the last message they received
 * (cleared before the timed loop) and the warm-up's; a wrong byte makes the
 * program exit 1. "quick" moves fewer bytes per size
 * at the large sizes; the small sizes are cheap and keep their iterations. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The round trips of one size are timed in BATCHES batches; the latency
 * is the median of the batches' means, so that a neighbour taking the CPU
 * for a while spoils one batch rather than the whole size. */
enum { BATCHES = 10 };

static double median(double *x, int n) {
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && x[j - 1] > x[j]; j--) {
            double t = x[j];
            x[j] = x[j - 1], x[j - 1] = t;
        }
    return n % 2 ? x[n / 2] : (x[n / 2 - 1] + x[n / 2]) / 2;
}

/* Buffers are page-aligned, as OSU allocates them. */
static void *alloc(size_t n) {
    void *p = NULL;
    if (posix_memalign(&p, 4096, n) != 0) MPI_Abort(MPI_COMM_WORLD, 2);
    return p;
}

static unsigned char pattern(int n, int i) { return (unsigned char)(i * 7 + n * 3 + 1); }

static int check(const unsigned char *buf, int n) {
    int bad = 0;
    for (int i = 0; i < n; i++) bad += buf[i] != pattern(n, i);
    return bad;
}

/* Round trips for one size: all of them up to about budget bytes each way. */
static int iterations(int n, int quick) {
    long budget = quick ? 16L << 20 : 128L << 20;
    long hi = 10000, lo = quick ? BATCHES : 2 * BATCHES;
    long it = n ? budget / n : hi;
    return (int)(it > hi ? hi : it < lo ? lo : it);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, np;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &np);
    if (np < 2) {
        if (rank == 0) fprintf(stderr, "pingpong: needs 2 ranks\n");
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    const int max = 4 << 20;
    unsigned char *sbuf = alloc(max), *rbuf = alloc(max);
    int bad = 0, peer = 1 - rank;
    if (rank == 0) printf("size,latency_us\n");
    for (int n = 0; n <= max; n = n ? n * 2 : 1) {
        int reps = iterations(n, quick);
        if (rank < 2) {
            for (int i = 0; i < n; i++) sbuf[i] = pattern(n, i);
            for (int w = 0; w < 10; w++) {
                memset(rbuf, 0, n);
                if (rank == 0) {
                    MPI_Send(sbuf, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD);
                    MPI_Recv(rbuf, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                } else {
                    MPI_Recv(rbuf, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                    MPI_Send(rbuf, n, MPI_BYTE, peer, 1, MPI_COMM_WORLD);
                }
                bad += check(rbuf, n);
            }
            memset(rbuf, 0, n);
        }
        MPI_Barrier(MPI_COMM_WORLD);
        if (rank < 2) {
            int per = reps / BATCHES;
            double batch[BATCHES];
            for (int b = 0; b < BATCHES; b++) {
                double t0 = MPI_Wtime();
                for (int i = 0; i < per; i++) {
                    if (rank == 0) {
                        MPI_Send(sbuf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD);
                        MPI_Recv(rbuf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                    } else {
                        MPI_Recv(rbuf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
                        MPI_Send(rbuf, n, MPI_BYTE, peer, 0, MPI_COMM_WORLD);
                    }
                }
                batch[b] = (MPI_Wtime() - t0) / per / 2;
            }
            bad += check(rbuf, n);
            if (rank == 0) printf("%d,%.4f\n", n, median(batch, BATCHES) * 1e6);
        }
    }
    free(sbuf);
    free(rbuf);
    int allbad = 0;
    MPI_Allreduce(&bad, &allbad, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0 && allbad) fprintf(stderr, "pingpong: FAILED: %d wrong bytes received\n", allbad);
    MPI_Finalize();
    return allbad != 0;
}
