/*
 * The CUDA bridge's error paths. Without a driver: cuInit's code and
 * cuDriverGetVersion's answer. With one: the calls a native program can
 * also get wrong (bad device ordinal, PTX the JIT refuses with its log, a
 * missing kernel, a launch too large), which print what the native build
 * prints. With the argument "wasm" (wasm builds only): forged, stale and
 * wrong-kind handles and guest ranges outside memory, which the bridge
 * refuses before the driver sees them, driver or none.
 */
#include <cuda.h>
#include <stdio.h>
#include <string.h>

static const char *bad_ptx = ".version 4.2\n.target sm_52\n.address_size 64\n"
                             ".visible .entry k(.param .u64 p)\n{\n  frobnicate.u32 %r1;\n  ret;\n}\n";
static const char *good_ptx = ".version 4.2\n.target sm_52\n.address_size 64\n"
                              ".visible .entry k(.param .u64 p, .param .u32 n)\n{\n  ret;\n}\n";

int main(int argc, char **argv) {
    int wasm = argc > 1 && strcmp(argv[1], "wasm") == 0;
    CUresult init = cuInit(0);
    printf("init rc=%d\n", (int)init);
    int version = -1;
    CUresult rc = cuDriverGetVersion(&version);
    printf("version rc=%d has_driver=%d\n", (int)rc, version > 0);
    const char *s = NULL;
    rc = cuGetErrorName(CUDA_ERROR_INVALID_PTX, &s);
    printf("error name rc=%d %s\n", (int)rc, s);
    rc = cuGetErrorString(CUDA_ERROR_OUT_OF_MEMORY, &s);
    printf("error string rc=%d %s\n", (int)rc, s);
    rc = cuGetErrorName((CUresult)12345, &s);
    printf("unknown error name rc=%d null=%d\n", (int)rc, s == NULL);

    CUcontext ctx = NULL;
    CUmodule mod = NULL;
    CUfunction fn = NULL;
    CUdeviceptr dp = 0;
    CUstream stream = NULL;
    CUevent ev = NULL;
    if (init == CUDA_SUCCESS) {
        CUdevice dev;
        printf("bad ordinal rc=%d\n", (int)cuDeviceGet(&dev, 9999));
        cuDeviceGet(&dev, 0);
        printf("primary ctx rc=%d\n", (int)cuDevicePrimaryCtxRetain(&ctx, dev));
        cuCtxSetCurrent(ctx);
        static char log[4096];
        CUjit_option opts[] = {CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
        void *vals[] = {log, (void *)(size_t)sizeof log};
        rc = cuModuleLoadDataEx(&mod, bad_ptx, 2, opts, vals);
        printf("bad ptx rc=%d log_names_it=%d\n", (int)rc, strstr(log, "frobnicate") != NULL);
        printf("good ptx rc=%d\n", (int)cuModuleLoadData(&mod, good_ptx));
        printf("missing kernel rc=%d\n", (int)cuModuleGetFunction(&fn, mod, "nope"));
        printf("kernel rc=%d\n", (int)cuModuleGetFunction(&fn, mod, "k"));
        printf("alloc rc=%d\n", (int)cuMemAlloc(&dp, 64));
        unsigned n = 16;
        void *params[] = {&dp, &n};
        printf("launch too large rc=%d\n", (int)cuLaunchKernel(fn, 1, 1, 1, 4096, 1, 1, 0, NULL, params, NULL));
        printf("launch rc=%d sync rc=%d\n", (int)cuLaunchKernel(fn, 1, 1, 1, 32, 1, 1, 0, NULL, params, NULL),
               (int)cuCtxSynchronize());
        /* The same launch with its parameters packed into one buffer. */
        unsigned long long packed[2] = {dp, n};
        size_t packed_size = 12;
        void *extra[] = {CU_LAUNCH_PARAM_BUFFER_POINTER, packed, CU_LAUNCH_PARAM_BUFFER_SIZE, &packed_size,
                         CU_LAUNCH_PARAM_END};
        printf("launch with extra rc=%d sync rc=%d\n", (int)cuLaunchKernel(fn, 1, 1, 1, 32, 1, 1, 0, NULL, NULL, extra),
               (int)cuCtxSynchronize());
        printf("stream rc=%d event rc=%d\n", (int)cuStreamCreate(&stream, 0), (int)cuEventCreate(&ev, 0));
    } else {
        int n = -1;
        printf("count before init rc=%d\n", (int)cuDeviceGetCount(&n));
    }
#ifdef __wasm__
    if (wasm) {
        char *end = (char *)(__builtin_wasm_memory_size(0) * 65536);
        float ms;
        char buf[64];
        printf("forged context rc=%d\n", (int)cuCtxSetCurrent((CUcontext)0x12345678));
        printf("forged module rc=%d\n", (int)cuModuleGetFunction(&fn, (CUmodule)0x1234, "k"));
        printf("forged function rc=%d\n", (int)cuLaunchKernel((CUfunction)0x42, 1, 1, 1, 1, 1, 1, 0, NULL, NULL, NULL));
        printf("forged stream rc=%d\n", (int)cuStreamSynchronize((CUstream)0x777));
        printf("forged event rc=%d\n", (int)cuEventRecord((CUevent)0x999, NULL));
        printf("forged device pointer rc=%d\n", (int)cuMemcpyHtoD(0xdead0000ull, buf, 16));
        printf("free of non-allocation rc=%d\n", (int)cuMemFree(0x1000));
        printf("count past memory end rc=%d\n", (int)cuDeviceGetCount((int *)(end - 2)));
        printf("name past memory end rc=%d\n", (int)cuDeviceGetName(end - 8, 64, 0));
        printf("alloc out past memory end rc=%d\n", (int)cuMemAlloc((CUdeviceptr *)(end - 4), 64));
        printf("image past memory end rc=%d\n", (int)cuModuleLoadData(&mod, end));
        if (init == CUDA_SUCCESS) {
            printf("module as function rc=%d\n", (int)cuLaunchKernel((CUfunction)mod, 1, 1, 1, 1, 1, 1, 0, NULL, NULL, NULL));
            printf("event as stream rc=%d\n", (int)cuStreamSynchronize((CUstream)ev));
            printf("stream as event rc=%d\n", (int)cuEventSynchronize((CUevent)stream));
            printf("elapsed out past memory end rc=%d\n", (int)cuEventElapsedTime((float *)end, ev, ev));
            printf("dtoh past allocation rc=%d\n", (int)cuMemcpyDtoH(buf, dp + 32, 64));
            printf("dtoh past memory end rc=%d\n", (int)cuMemcpyDtoH(end - 16, dp, 64));
            printf("memset past allocation rc=%d\n", (int)cuMemsetD32(dp, 0, 17));
            unsigned n = 16;
            void *past[] = {&dp, end - 2};
            printf("param past memory end rc=%d\n", (int)cuLaunchKernel(fn, 1, 1, 1, 1, 1, 1, 0, NULL, past, NULL));
            void *null_param[] = {&dp, NULL};
            printf("null param rc=%d\n", (int)cuLaunchKernel(fn, 1, 1, 1, 1, 1, 1, 0, NULL, null_param, NULL));
            printf("params past memory end rc=%d\n",
                   (int)cuLaunchKernel(fn, 1, 1, 1, 1, 1, 1, 0, NULL, (void **)(end - 4), NULL));
            (void)n;
            static const char cubin[] = "\x7f" "ELF";
            printf("cubin rc=%d\n", (int)cuModuleLoadData(&mod, cubin));
            CUjit_option bad_opt[] = {(CUjit_option)99};
            void *bad_val[] = {NULL};
            printf("unknown jit option rc=%d\n", (int)cuModuleLoadDataEx(&mod, good_ptx, 1, bad_opt, bad_val));
            CUjit_option log_only[] = {CU_JIT_ERROR_LOG_BUFFER};
            void *log_val[] = {buf};
            printf("log without size rc=%d\n", (int)cuModuleLoadDataEx(&mod, good_ptx, 1, log_only, log_val));
            CUdeviceptr freed = dp;
            cuMemFree(dp);
            printf("copy from freed rc=%d\n", (int)cuMemcpyDtoH(buf, freed, 16));
            CUmodule gone = mod;
            cuModuleUnload(mod);
            printf("unloaded module rc=%d stale function rc=%d\n", (int)cuModuleGetFunction(&fn, gone, "k"),
                   (int)cuLaunchKernel(fn, 1, 1, 1, 1, 1, 1, 0, NULL, NULL, NULL));
            CUdevice dev;
            cuCtxGetDevice(&dev);
            cuDevicePrimaryCtxRelease(dev);
            printf("released context rc=%d stale stream rc=%d\n", (int)cuCtxSetCurrent(ctx), (int)cuStreamQuery(stream));
        }
    }
#else
    (void)wasm;
#endif
    printf("done\n");
    return 0;
}
