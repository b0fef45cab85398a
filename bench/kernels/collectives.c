/* Latency of MPI_Allreduce, MPI_Bcast and MPI_Alltoall by message size
 * (osu_allreduce, osu_bcast, osu_alltoall style), on all ranks.
 *   collectives [quick]
 * Sizes, in bytes: 8 B..1 MiB in powers of two (quick: 8, 64, 512, 4 KiB,
 * 32 KiB, 256 KiB, 1 MiB).
 *   allreduce: MPI_SUM over size/8 doubles;
 *   bcast:     size bytes from rank 0;
 *   alltoall:  size bytes from every rank to every rank.
 * After a warm-up and a barrier each rank times runs of back-to-back calls
 * with MPI_Wtime; the latency is the time per call (the median of 10
 * batches' means, see BATCHES) averaged over the ranks, in microseconds.
 * Prints CSV on rank 0: op,size,latency_us. Every rank checks the result of
 * the warm-up's last call and of the timed loop's last call (its receive
 * buffer is cleared before each); a wrong value makes the program exit 1. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int rank, np, bad;

/* The calls of one size are timed in BATCHES batches; a rank's time is
 * the median of the batches' means, so that a neighbour taking the CPU for
 * a while spoils one batch rather than the whole size. */
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

static unsigned char pattern(int from, int to, long i) { return (unsigned char)(i * 11 + from * 29 + to * 3 + 1); }

/* Calls for one size: about budget bytes each, within [lo, hi]. */
static int iterations(long n, int quick) {
    long budget = quick ? 32L << 20 : 128L << 20;
    long hi = quick ? 2000 : 10000, lo = quick ? BATCHES : 2 * BATCHES;
    long it = budget / n;
    return (int)(it > hi ? hi : it < lo ? lo : it);
}

static double *dsend, *drecv;
static unsigned char *bsend, *brecv;

static void allreduce(long n) { MPI_Allreduce(dsend, drecv, (int)(n / 8), MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD); }
static void bcast(long n) { MPI_Bcast(rank == 0 ? bsend : brecv, (int)n, MPI_BYTE, 0, MPI_COMM_WORLD); }
static void alltoall(long n) { MPI_Alltoall(bsend, (int)n, MPI_BYTE, brecv, (int)n, MPI_BYTE, MPI_COMM_WORLD); }

static void setup(const char *op, long n) {
    if (strcmp(op, "allreduce") == 0) {
        for (long i = 0; i < n / 8; i++) dsend[i] = rank + (double)(i % 13);
        memset(drecv, 0, n);
    } else if (strcmp(op, "bcast") == 0) {
        for (long i = 0; i < n; i++) bsend[i] = pattern(0, 0, i);
        memset(brecv, 0, n);
    } else {
        for (int to = 0; to < np; to++)
            for (long i = 0; i < n; i++) bsend[to * n + i] = pattern(rank, to, i);
        memset(brecv, 0, np * n);
    }
}

static int check(const char *op, long n) {
    int wrong = 0;
    if (strcmp(op, "allreduce") == 0) {
        for (long i = 0; i < n / 8; i++) wrong += drecv[i] != np * (np - 1) / 2.0 + np * (double)(i % 13);
    } else if (strcmp(op, "bcast") == 0) {
        if (rank != 0)
            for (long i = 0; i < n; i++) wrong += brecv[i] != pattern(0, 0, i);
    } else {
        for (int from = 0; from < np; from++)
            for (long i = 0; i < n; i++) wrong += brecv[from * n + i] != pattern(from, rank, i);
    }
    if (wrong) fprintf(stderr, "collectives: rank %d: %s of %ld bytes: %d wrong values\n", rank, op, n, wrong);
    return wrong;
}

static void measure(const char *op, void (*call)(long), long n, int quick) {
    int iters = iterations(n, quick), warm = iters / 10 + 2;
    setup(op, n);
    for (int i = 0; i < warm; i++) call(n);
    bad += check(op, n);
    setup(op, n);
    MPI_Barrier(MPI_COMM_WORLD);
    int per = iters / BATCHES;
    double batch[BATCHES];
    for (int b = 0; b < BATCHES; b++) {
        double t0 = MPI_Wtime();
        for (int i = 0; i < per; i++) call(n);
        batch[b] = (MPI_Wtime() - t0) / per;
    }
    double t = median(batch, BATCHES), sum = 0;
    bad += check(op, n);
    MPI_Reduce(&t, &sum, 1, MPI_DOUBLE, MPI_SUM, 0, MPI_COMM_WORLD);
    if (rank == 0) printf("%s,%ld,%.4f\n", op, n, sum / np * 1e6);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &np);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    const long max = 1 << 20;
    static const long quick_sizes[] = {8, 64, 512, 4096, 32768, 262144, 1048576};
    long sizes[32];
    int nsizes = 0;
    if (quick)
        for (; nsizes < (int)(sizeof quick_sizes / sizeof quick_sizes[0]); nsizes++) sizes[nsizes] = quick_sizes[nsizes];
    else
        for (long n = 8; n <= max; n *= 2) sizes[nsizes++] = n;
    dsend = alloc(max);
    drecv = alloc(max);
    bsend = alloc(np * max);
    brecv = alloc(np * max);
    static const struct {
        const char *name;
        void (*call)(long);
    } ops[] = {{"allreduce", allreduce}, {"bcast", bcast}, {"alltoall", alltoall}};
    if (rank == 0) printf("op,size,latency_us\n");
    for (int o = 0; o < 3; o++)
        for (int s = 0; s < nsizes; s++) measure(ops[o].name, ops[o].call, sizes[s], quick);
    int allbad = 0;
    MPI_Allreduce(&bad, &allbad, 1, MPI_INT, MPI_SUM, MPI_COMM_WORLD);
    if (rank == 0 && allbad) fprintf(stderr, "collectives: FAILED: %d wrong values\n", allbad);
    MPI_Finalize();
    return allbad != 0;
}
