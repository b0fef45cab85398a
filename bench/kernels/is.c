/* Integer sort in the style of NPB IS, one rank: 2^23 keys in [0, 2^19)
 * (NPB class A sizes) with NPB's roughly Gaussian distribution (each key
 * the mean of four uniform draws), ranked by counting sort.
 *   is [quick]
 * Each of 10 iterations (quick: 4), as in NPB, changes two keys, then
 * counts the keys per value and turns the counts into ranks (prefix sum);
 * after the last, the keys are scattered to their sorted places. All of it
 * is timed with MPI_Wtime; the rate is million keys ranked per second
 * (keys × iterations / time).
 * Prints CSV: kernel,problem,time_s,rate,unit.
 * The output is checked to be in order and to be a permutation of the
 * input (same sum, same sum of squares, same count per value); a mismatch
 * makes the program exit 1. */
#include <mpi.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { KEYS = 1 << 23, MAX_KEY = 1 << 19 };

static uint64_t state = 314159265;

static uint32_t draw(void) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (uint32_t)(state >> 33) & (MAX_KEY - 1);
}

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    int iters = quick ? 4 : 10, bad = 0;
    if (rank == 0) {
        int *key = malloc(sizeof(int) * KEYS), *sorted = malloc(sizeof(int) * KEYS);
        int *count = malloc(sizeof(int) * MAX_KEY), *check = calloc(MAX_KEY, sizeof(int));
        if (!key || !sorted || !count || !check) MPI_Abort(MPI_COMM_WORLD, 2);
        for (int i = 0; i < KEYS; i++) key[i] = (int)((draw() + draw() + draw() + draw()) / 4);
        double t0 = MPI_Wtime();
        for (int it = 1; it <= iters; it++) {
            key[it] = it;
            key[it + iters] = MAX_KEY - it;
            memset(count, 0, sizeof(int) * MAX_KEY);
            for (int i = 0; i < KEYS; i++) count[key[i]]++;
            for (int k = 1; k < MAX_KEY; k++) count[k] += count[k - 1];
        }
        /* count[k] is now the number of keys <= k: scatter from the end. */
        for (int i = KEYS - 1; i >= 0; i--) sorted[--count[key[i]]] = key[i];
        double time = MPI_Wtime() - t0;
        uint64_t sum[2] = {0, 0}, sq[2] = {0, 0};
        for (int i = 0; i < KEYS; i++) {
            sum[0] += (uint64_t)key[i], sq[0] += (uint64_t)key[i] * (uint64_t)key[i];
            sum[1] += (uint64_t)sorted[i], sq[1] += (uint64_t)sorted[i] * (uint64_t)sorted[i];
            check[key[i]]++;
            if (sorted[i] < 0 || sorted[i] >= MAX_KEY) {
                bad++;
                continue;
            }
            check[sorted[i]]--;
            bad += i > 0 && sorted[i - 1] > sorted[i];
        }
        for (int k = 0; k < MAX_KEY; k++) bad += check[k] != 0;
        bad += sum[0] != sum[1] || sq[0] != sq[1];
        if (bad) fprintf(stderr, "is: FAILED: %d keys out of order or lost\n", bad);
        printf("kernel,problem,time_s,rate,unit\n");
        printf("is,2^23 keys,%.6f,%.3f,Mkeys/s\n", time, (double)KEYS * iters / time / 1e6);
        free(key), free(sorted), free(count), free(check);
    }
    MPI_Bcast(&bad, 1, MPI_INT, 0, MPI_COMM_WORLD);
    MPI_Finalize();
    return bad != 0;
}
