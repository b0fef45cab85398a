/* What the CUDA samples share: checking driver calls and loading the
 * kernels' PTX (kernels_ptx.h, made from kernels.cu) with its JIT log. */
#ifndef SAMPLES_CUDA_COMMON_H
#define SAMPLES_CUDA_COMMON_H

#include <cuda.h>
#include <stdio.h>
#include <stdlib.h>

#include "kernels_ptx.h"

#define CHECK(call)                                                                   \
    do {                                                                              \
        CUresult rc_ = (call);                                                        \
        if (rc_ != CUDA_SUCCESS) {                                                    \
            const char *name_ = NULL;                                                 \
            cuGetErrorName(rc_, &name_);                                              \
            fprintf(stderr, "%s:%d: %s: %s (%d)\n", __FILE__, __LINE__, #call,        \
                    name_ ? name_ : "?", (int)rc_);                                   \
            exit(1);                                                                  \
        }                                                                             \
    } while (0)

/* load_kernels JIT-compiles the PTX for the current context's GPU; a
 * refusal prints the driver's error log. */
static CUmodule load_kernels(void) {
    static char log[8192];
    CUjit_option opts[] = {CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
    void *vals[] = {log, (void *)(size_t)sizeof log};
    CUmodule m;
    CUresult rc = cuModuleLoadDataEx(&m, kernels_ptx, 2, opts, vals);
    if (rc != CUDA_SUCCESS) {
        fprintf(stderr, "cuModuleLoadDataEx failed (%d): %s\n", (int)rc, log);
        exit(1);
    }
    return m;
}

#endif
