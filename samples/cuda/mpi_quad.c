/*
 * MPI + CUDA: pi as the integral of 4/(1+x^2) over [0, 1] by the midpoint
 * rule. Each rank takes one slice of the intervals on its own GPU (rank
 * modulo the node's device count: two ranks share one GPU where there is
 * one), the quad kernel evaluates them (its slice passed by value, 24
 * bytes), blocksum adds them per block on the GPU, the rank adds the block
 * sums, and MPI_Allreduce combines the ranks. The same source builds with
 * mpicc (-lcuda) and wasmrun cc; both print the same lines.
 *
 *   mpi_quad [n]   (intervals in all, default 1<<24)
 */
#include <math.h>
#include <mpi.h>

#include "common.h"

struct slice {
    double h;
    unsigned long long start;
    unsigned n;
};

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int rank, size;
    MPI_Comm_rank(MPI_COMM_WORLD, &rank);
    MPI_Comm_size(MPI_COMM_WORLD, &size);
    unsigned long long total = argc > 1 ? strtoull(argv[1], NULL, 10) : 1ull << 24;

    CHECK(cuInit(0));
    int count = 0;
    CHECK(cuDeviceGetCount(&count));
    CUdevice dev;
    CHECK(cuDeviceGet(&dev, rank % count));
    CUcontext ctx;
    CHECK(cuDevicePrimaryCtxRetain(&ctx, dev));
    CHECK(cuCtxSetCurrent(ctx));
    CUmodule mod = load_kernels();
    CUfunction quad, blocksum;
    CHECK(cuModuleGetFunction(&quad, mod, "quad"));
    CHECK(cuModuleGetFunction(&blocksum, mod, "blocksum"));

    struct slice s;
    s.h = 1.0 / (double)total;
    s.start = total * (unsigned long long)rank / (unsigned long long)size;
    s.n = (unsigned)(total * (unsigned long long)(rank + 1) / (unsigned long long)size - s.start);
    unsigned block = 256, grid = (s.n + block - 1) / block;
    CUdeviceptr vals, sums;
    CHECK(cuMemAlloc(&vals, (size_t)s.n * sizeof(double)));
    CHECK(cuMemAlloc(&sums, (size_t)grid * sizeof(double)));
    void *qp[] = {&vals, &s};
    CHECK(cuLaunchKernel(quad, grid, 1, 1, block, 1, 1, 0, NULL, qp, NULL));
    void *bp[] = {&vals, &sums, &s.n};
    CHECK(cuLaunchKernel(blocksum, grid, 1, 1, block, 1, 1, 0, NULL, bp, NULL));
    double *part = malloc((size_t)grid * sizeof(double));
    if (part == NULL)
        MPI_Abort(MPI_COMM_WORLD, 1);
    CHECK(cuMemcpyDtoH(part, sums, (size_t)grid * sizeof(double)));
    double local = 0;
    for (unsigned i = 0; i < grid; i++)
        local += part[i];

    double pi = 0;
    MPI_Allreduce(&local, &pi, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD);
    double *all = rank == 0 ? malloc((size_t)size * sizeof(double)) : NULL;
    if (rank == 0 && all == NULL)
        MPI_Abort(MPI_COMM_WORLD, 1);
    MPI_Gather(&local, 1, MPI_DOUBLE, all, 1, MPI_DOUBLE, 0, MPI_COMM_WORLD);
    if (rank == 0) {
        printf("ranks=%d intervals=%llu\n", size, total);
        for (int r = 0; r < size; r++)
            printf("rank %d slice=%.17g\n", r, all[r]);
        printf("pi=%.15f err_ok=%d\n", pi, fabs(pi - 3.14159265358979323846) < 1e-9);
    }
    CHECK(cuMemFree(vals));
    CHECK(cuMemFree(sums));
    CHECK(cuModuleUnload(mod));
    CHECK(cuDevicePrimaryCtxRelease(dev));
    free(part);
    free(all);
    MPI_Finalize();
    return 0;
}
