/*
 * Vector add on the GPU through the CUDA driver API: c = a + s*b over n
 * floats, on device 0's primary context, with the kernel's PTX embedded.
 * The same source builds natively (cc vadd.c -lcuda) and to wasm
 * (wasmrun cc vadd.c -lcuda); both print the same lines. Timings go to
 * stderr.
 *
 *   vadd [n]   (default 1<<22)
 */
#include <string.h>

#include "common.h"

int main(int argc, char **argv) {
    unsigned n = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 1u << 22;
    int count = 0;
    CUresult rc = cuInit(0);
    if (rc != CUDA_SUCCESS) {
        const char *name = NULL;
        cuGetErrorName(rc, &name);
        printf("cuInit: %s\n", name ? name : "?");
        return 2;
    }
    CHECK(cuDeviceGetCount(&count));
    CUdevice dev;
    CHECK(cuDeviceGet(&dev, 0));
    char name[256];
    CHECK(cuDeviceGetName(name, sizeof name, dev));
    int major = 0, minor = 0;
    CHECK(cuDeviceGetAttribute(&major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev));
    CHECK(cuDeviceGetAttribute(&minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev));
    printf("devices=%d device0=%s sm_%d%d\n", count, name, major, minor);

    CUcontext ctx;
    CHECK(cuDevicePrimaryCtxRetain(&ctx, dev));
    CHECK(cuCtxSetCurrent(ctx));
    CUmodule mod = load_kernels();
    CUfunction vadd;
    CHECK(cuModuleGetFunction(&vadd, mod, "vadd"));

    size_t bytes = (size_t)n * sizeof(float);
    float *a = malloc(bytes), *b = malloc(bytes), *c = malloc(bytes);
    if (!a || !b || !c) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    for (unsigned i = 0; i < n; i++) {
        a[i] = (float)(i % 1000);
        b[i] = (float)(i % 7) * 0.5f;
    }
    CUdeviceptr da, db, dc;
    CHECK(cuMemAlloc(&da, bytes));
    CHECK(cuMemAlloc(&db, bytes));
    CHECK(cuMemAlloc(&dc, bytes));
    CHECK(cuMemsetD32(dc, 0, n));

    CUstream stream;
    CUevent t0, t1, t2, t3;
    CHECK(cuStreamCreate(&stream, CU_STREAM_DEFAULT));
    CHECK(cuEventCreate(&t0, CU_EVENT_DEFAULT));
    CHECK(cuEventCreate(&t1, CU_EVENT_DEFAULT));
    CHECK(cuEventCreate(&t2, CU_EVENT_DEFAULT));
    CHECK(cuEventCreate(&t3, CU_EVENT_DEFAULT));

    float s = 2.0f;
    void *params[] = {&da, &db, &dc, &s, &n};
    unsigned block = 256, grid = (n + block - 1) / block;
    CHECK(cuEventRecord(t0, stream));
    CHECK(cuMemcpyHtoDAsync(da, a, bytes, stream));
    CHECK(cuMemcpyHtoDAsync(db, b, bytes, stream));
    CHECK(cuEventRecord(t1, stream));
    CHECK(cuLaunchKernel(vadd, grid, 1, 1, block, 1, 1, 0, stream, params, NULL));
    CHECK(cuEventRecord(t2, stream));
    CHECK(cuMemcpyDtoHAsync(c, dc, bytes, stream));
    CHECK(cuEventRecord(t3, stream));
    CHECK(cuStreamSynchronize(stream));
    CHECK(cuEventSynchronize(t3));

    unsigned bad = 0;
    double sum = 0;
    for (unsigned i = 0; i < n; i++) {
        if (c[i] != a[i] + s * b[i])
            bad++;
        sum += c[i];
    }
    printf("n=%u mismatches=%u sum=%.1f\n", n, bad, sum);

    /* A device-to-device copy and a byte memset, read back. */
    CHECK(cuMemcpyDtoD(da, dc, bytes));
    CHECK(cuMemsetD8(db, 0, bytes));
    CHECK(cuMemcpyDtoH(a, da, bytes));
    CHECK(cuMemcpyDtoH(b, db, bytes));
    printf("dtod_equal=%d memset_zero=%d\n", memcmp(a, c, bytes) == 0, b[0] == 0.0f && b[n - 1] == 0.0f);

    float h2d, kern, d2h;
    CHECK(cuEventElapsedTime(&h2d, t0, t1));
    CHECK(cuEventElapsedTime(&kern, t1, t2));
    CHECK(cuEventElapsedTime(&d2h, t2, t3));
    fprintf(stderr, "vadd n=%u: h2d %.3f ms, kernel %.3f ms, d2h %.3f ms\n", n, h2d, kern, d2h);

    CHECK(cuEventDestroy(t0));
    CHECK(cuEventDestroy(t1));
    CHECK(cuEventDestroy(t2));
    CHECK(cuEventDestroy(t3));
    CHECK(cuStreamDestroy(stream));
    CHECK(cuMemFree(da));
    CHECK(cuMemFree(db));
    CHECK(cuMemFree(dc));
    CHECK(cuModuleUnload(mod));
    CHECK(cuDevicePrimaryCtxRelease(dev));
    free(a);
    free(b);
    free(c);
    return bad != 0;
}
