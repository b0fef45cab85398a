/* CUDA through the bridge, one rank, on device 0 (driver API, PTX from
 * samples/cuda/kernels.cu):
 *   cuda [quick]
 * h2d: cuMemcpyHtoD of 64 MiB (quick: 16 MiB) from pageable host memory;
 * d2h: cuMemcpyDtoH back; each GB/s over 10 transfers (quick: 4) after an
 * untimed one (GB = 1e9 bytes). vadd: c = a + s*b over 2^24 floats
 * (quick: 2^20), the time of one launch + cuCtxSynchronize, mean of 10
 * after an untimed one, as GB/s moved (12 bytes an element). launch: the
 * empty kernel launched 10000 times (quick: 1000) then one
 * cuCtxSynchronize, time per launch (the GPU's queue keeps up: this is
 * the host's cost of one cuLaunchKernel); launch_sync: one launch +
 * cuCtxSynchronize, mean of 1000 (quick: 100).
 * Prints CSV: kernel,problem,time_s,rate,unit. vadd's result is checked
 * element by element; a mismatch exits 1. Without a GPU it prints
 * "skipped: ..." on stderr and exits 77. */
#include <cuda.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../samples/cuda/kernels_ptx.h"

#define CHECK(call)                                                                     \
    do {                                                                                \
        CUresult rc_ = (call);                                                          \
        if (rc_ != CUDA_SUCCESS) {                                                      \
            fprintf(stderr, "%s:%d: %s failed: %d\n", __FILE__, __LINE__, #call, rc_);  \
            MPI_Abort(MPI_COMM_WORLD, 1);                                               \
        }                                                                               \
    } while (0)

int main(int argc, char **argv) {
    MPI_Init(&argc, &argv);
    int quick = argc > 1 && strcmp(argv[1], "quick") == 0;
    size_t bytes = (size_t)(quick ? 16 : 64) << 20;
    int xfers = quick ? 4 : 10, runs = 10, queued = quick ? 1000 : 10000, synced = quick ? 100 : 1000;
    unsigned n = 1u << (quick ? 20 : 24);

    CUresult rc = cuInit(0);
    int count = 0;
    if (rc == CUDA_SUCCESS)
        rc = cuDeviceGetCount(&count);
    if (rc != CUDA_SUCCESS || count == 0) {
        fprintf(stderr, "skipped: no CUDA device (cuInit/cuDeviceGetCount: %d)\n", (int)rc);
        MPI_Finalize();
        return 77;
    }
    CUdevice dev;
    CHECK(cuDeviceGet(&dev, 0));
    CUcontext ctx;
    CHECK(cuDevicePrimaryCtxRetain(&ctx, dev));
    CHECK(cuCtxSetCurrent(ctx));
    CUmodule mod;
    CHECK(cuModuleLoadData(&mod, kernels_ptx));
    CUfunction vadd, empty;
    CHECK(cuModuleGetFunction(&vadd, mod, "vadd"));
    CHECK(cuModuleGetFunction(&empty, mod, "empty"));

    char *host = malloc(bytes);
    for (size_t i = 0; i < bytes; i++)
        host[i] = (char)(i * 31);
    CUdeviceptr big;
    CHECK(cuMemAlloc(&big, bytes));
    CHECK(cuMemcpyHtoD(big, host, bytes));
    double t0 = MPI_Wtime();
    for (int r = 0; r < xfers; r++)
        CHECK(cuMemcpyHtoD(big, host, bytes));
    double th = MPI_Wtime() - t0;
    CHECK(cuMemcpyDtoH(host, big, bytes));
    t0 = MPI_Wtime();
    for (int r = 0; r < xfers; r++)
        CHECK(cuMemcpyDtoH(host, big, bytes));
    double td = MPI_Wtime() - t0;
    printf("kernel,problem,time_s,rate,unit\n");
    printf("h2d,%zuMiB,%.6e,%.3f,GB/s\n", bytes >> 20, th / xfers, (double)bytes * xfers / th / 1e9);
    printf("d2h,%zuMiB,%.6e,%.3f,GB/s\n", bytes >> 20, td / xfers, (double)bytes * xfers / td / 1e9);

    size_t vb = (size_t)n * sizeof(float);
    float *a = malloc(vb), *b = malloc(vb), *c = malloc(vb);
    for (unsigned i = 0; i < n; i++) {
        a[i] = (float)(i % 1000);
        b[i] = (float)(i % 7);
    }
    CUdeviceptr da, db, dc;
    CHECK(cuMemAlloc(&da, vb));
    CHECK(cuMemAlloc(&db, vb));
    CHECK(cuMemAlloc(&dc, vb));
    CHECK(cuMemcpyHtoD(da, a, vb));
    CHECK(cuMemcpyHtoD(db, b, vb));
    float s = 3.0f;
    void *params[] = {&da, &db, &dc, &s, &n};
    unsigned block = 256, grid = (n + block - 1) / block;
    CHECK(cuLaunchKernel(vadd, grid, 1, 1, block, 1, 1, 0, NULL, params, NULL));
    CHECK(cuCtxSynchronize());
    t0 = MPI_Wtime();
    for (int r = 0; r < runs; r++) {
        CHECK(cuLaunchKernel(vadd, grid, 1, 1, block, 1, 1, 0, NULL, params, NULL));
        CHECK(cuCtxSynchronize());
    }
    double tv = (MPI_Wtime() - t0) / runs;
    CHECK(cuMemcpyDtoH(c, dc, vb));
    for (unsigned i = 0; i < n; i++)
        if (c[i] != a[i] + s * b[i]) {
            fprintf(stderr, "vadd: c[%u] = %g, want %g\n", i, c[i], a[i] + s * b[i]);
            MPI_Abort(MPI_COMM_WORLD, 1);
        }
    printf("vadd,2^%d,%.6e,%.3f,GB/s\n", quick ? 20 : 24, tv, 12.0 * n / tv / 1e9);

    void *ep[] = {&dc};
    CHECK(cuLaunchKernel(empty, 1, 1, 1, 64, 1, 1, 0, NULL, ep, NULL));
    CHECK(cuCtxSynchronize());
    t0 = MPI_Wtime();
    for (int r = 0; r < queued; r++)
        CHECK(cuLaunchKernel(empty, 1, 1, 1, 64, 1, 1, 0, NULL, ep, NULL));
    CHECK(cuCtxSynchronize());
    double tl = (MPI_Wtime() - t0) / queued;
    printf("launch,queued,%.6e,%.0f,launch/s\n", tl, 1 / tl);
    t0 = MPI_Wtime();
    for (int r = 0; r < synced; r++) {
        CHECK(cuLaunchKernel(empty, 1, 1, 1, 64, 1, 1, 0, NULL, ep, NULL));
        CHECK(cuCtxSynchronize());
    }
    double ts = (MPI_Wtime() - t0) / synced;
    printf("launch_sync,1x64,%.6e,%.0f,launch/s\n", ts, 1 / ts);

    CHECK(cuMemFree(big));
    CHECK(cuMemFree(da));
    CHECK(cuMemFree(db));
    CHECK(cuMemFree(dc));
    CHECK(cuModuleUnload(mod));
    CHECK(cuDevicePrimaryCtxRelease(dev));
    free(host);
    free(a);
    free(b);
    free(c);
    MPI_Finalize();
    return 0;
}
