// cuda.h from C++: the types have the driver API's sizes on wasm32 and a
// call links as an import from wasmrun_cuda.
#include <cuda.h>
#include <cstdio>

static_assert(sizeof(CUdeviceptr) == 8, "CUdeviceptr is 64-bit");
static_assert(sizeof(CUresult) == 4, "CUresult is an int-sized enum");
static_assert(sizeof(CUcontext) == 4, "handles are 32-bit in the guest");
static_assert(CUDA_VERSION >= 12000, "CUDA 12 signatures");

int main() {
    CUresult rc = cuInit(0);
    const char *name = nullptr;
    cuGetErrorName(rc, &name);
    std::printf("cuInit=%d %s\n", static_cast<int>(rc), name ? name : "?");
    return 0;
}
