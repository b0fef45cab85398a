/* Streaming and bidirectional bandwidth between ranks 0 and 1 (osu_bw and
 * osu_bibw style).
 *   bandwidth [quick]
 * For each message size, 1 B..4 MiB in powers of two:
 *   bw:   rank 0 posts a window of MPI_Isend to rank 1, rank 1 as many
 *         MPI_Irecv; both wait for all, then rank 1 sends a 4-byte
 *         acknowledgement. Bandwidth = bytes of the window / time, on rank 0.
 *   bibw: both ranks post a window of MPI_Irecv and of MPI_Isend to each
 *         other and wait for all; bandwidth counts both directions.
 * The window is 64 messages, as in OSU, while window × size stays within
 * 64 MiB (32 at 2 MiB, 16 at 4 MiB): every pending receive has a buffer of
 * its own, as MPI requires, rather than OSU's single shared one. The sends
 * of a window share one buffer (allowed since MPI-3.0). Buffers are
 * page-aligned, as in OSU.
 * MB/s are 1e6 bytes per second. Prints CSV on rank 0:
 * size,bw_MBps,bibw_MBps. Each receiver clears every buffer of the window
 * before the timed loop and checks them all after it; a wrong byte makes
 * the program exit 1. "quick" moves fewer bytes per size. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { WINDOW = 64, WARMUP = 2 };
static const long SLOTS_BYTES = 64L << 20;

/* Buffers are page-aligned, as OSU allocates them. */
static void *alloc(size_t n) {
    void *p = NULL;
    if (posix_memalign(&p, 4096, n) != 0) MPI_Abort(MPI_COMM_WORLD, 2);
    return p;
}

static unsigned char pattern(int from, int n, long i) { return (unsigned char)(i * 13 + from * 101 + n * 7 + 5); }

static int window_for(int n) {
    long w = SLOTS_BYTES / n;
    return w > WINDOW ? WINDOW : (int)w;
}

/* Iterations (windows) for one size: about budget bytes per direction. */
static int iterations(int n, int w, int quick) {
    long budget = quick ? 128L << 20 : 512L << 20;
    long hi = quick ? 100 : 200, lo = quick ? 3 : 5;
    long it = budget / ((long)n * w);
    return (int)(it > hi ? hi : it < lo ? lo : it);
}

static int check(unsigned char *const *slots, int w, int from, int n) {
    int bad = 0;
    for (int j = 0; j < w; j++)
        for (int i = 0; i < n; i++) bad += slots[j][i] != pattern(from, n, i);
    return bad;
}

static void clear(unsigned char **slots, int w, int n) {
    for (int j = 0; j < w; j++) memset(slots[j], 0, n);
}

/* One window of osu_bw from rank 0 to rank 1. */
static void bw_window(int rank, unsigned char *sbuf, unsigned char **slots, int w, int n, MPI_Request *req) {
    char ack[4] = {0};
    if (rank == 0) {
        for (int j = 0; j < w; j++) MPI_Isend(sbuf, n, MPI_BYTE, 1, 100, MPI_COMM_WORLD, &req[j]);
        MPI_Waitall(w, req, MPI_STATUSES_IGNORE);
        MPI_Recv(ack, 4, MPI_BYTE, 1, 101, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else {
        for (int j = 0; j < w; j++) MPI_Irecv(slots[j], n, MPI_BYTE, 0, 100, MPI_COMM_WORLD, &req[j]);
        MPI_Waitall(w, req, MPI_STATUSES_IGNORE);
        MPI_Send(ack, 4, MPI_BYTE, 0, 101, MPI_COMM_WORLD);
    }
}

/* One window of osu_bibw: both directions at once. */
static void bibw_window(int rank, unsigned char *sbuf, unsigned char **slots, int w, int n, MPI_Request *req) {
    int peer = 1 - rank;
    for (int j = 0; j < w; j++) MPI_Irecv(slots[j], n, MPI_BYTE, peer, 200, MPI_COMM_WORLD, &req[j]);
    for (int j = 0; j < w; j++) MPI_Isend(sbuf, n, MPI_BYTE, peer, 200, MPI_COMM_WORLD, &req[w + j]);
    MPI_Waitall(2 * w, req, MPI_STATUSES_IGNORE);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, np;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &np);
    if (np < 2) {
        if (rank == 0) fprintf(stderr, "bandwidth: needs 2 ranks\n");
        MPI_Abort(MPI_COMM_WORLD, 2);
    }
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    const int max = 4 << 20;
    unsigned char *sbuf = alloc(max), *rmem = alloc(SLOTS_BYTES), *slots[WINDOW];
    MPI_Request req[2 * WINDOW];
    int bad = 0;
    if (rank == 0) printf("size,bw_MBps,bibw_MBps\n");
    for (int n = 1; n <= max; n *= 2) {
        int w = window_for(n), iters = iterations(n, w, quick);
        for (int j = 0; j < w; j++) slots[j] = rmem + (long)j * n;
        double bw = 0, bibw = 0;
        if (rank < 2) {
            for (int i = 0; i < n; i++) sbuf[i] = pattern(rank, n, i);
            /* osu_bw: rank 1 receives. */
            for (int k = 0; k < WARMUP; k++) bw_window(rank, sbuf, slots, w, n, req);
            if (rank == 1) clear(slots, w, n);
        }
        MPI_Barrier(MPI_COMM_WORLD);
        if (rank < 2) {
            double t0 = MPI_Wtime();
            for (int k = 0; k < iters; k++) bw_window(rank, sbuf, slots, w, n, req);
            double t = MPI_Wtime() - t0;
            bw = (double)n * w * iters / t / 1e6;
            if (rank == 1) bad += check(slots, w, 0, n);
            /* osu_bibw: both receive. */
            for (int k = 0; k < WARMUP; k++) bibw_window(rank, sbuf, slots, w, n, req);
            clear(slots, w, n);
        }
        MPI_Barrier(MPI_COMM_WORLD);
        if (rank < 2) {
            double t0 = MPI_Wtime();
            for (int k = 0; k < iters; k++) bibw_window(rank, sbuf, slots, w, n, req);
            double t = MPI_Wtime() - t0;
            bibw = 2.0 * n * w * iters / t / 1e6;
            bad += check(slots, w, 1 - rank, n);
        }
        if (rank == 0) printf("%d,%.2f,%.2f\n", n, bw, bibw);
    }
    free(sbuf);
    free(rmem);
    int allbad = 0;
    MPI_Allreduce(&bad, &allbad, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0 && allbad) fprintf(stderr, "bandwidth: FAILED: %d wrong bytes received\n", allbad);
    MPI_Finalize();
    return allbad != 0;
}
