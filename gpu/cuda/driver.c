#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "driver.h"

/* The driver API's own types, as cuda.h defines them for LP64 hosts;
 * wasmrun needs no CUDA headers to build. */
typedef void *obj;

static struct {
    wr_int (*cuInit)(wr_uint);
    wr_int (*cuDriverGetVersion)(wr_int *);
    wr_int (*cuDeviceGetCount)(wr_int *);
    wr_int (*cuDeviceGet)(wr_int *, wr_int);
    wr_int (*cuDeviceGetName)(char *, wr_int, wr_int);
    wr_int (*cuDeviceGetAttribute)(wr_int *, wr_int, wr_int);
    wr_int (*cuDeviceTotalMem)(size_t *, wr_int);
    wr_int (*cuDevicePrimaryCtxRetain)(obj *, wr_int);
    wr_int (*cuDevicePrimaryCtxRelease)(wr_int);
    wr_int (*cuCtxCreate)(obj *, wr_uint, wr_int);
    wr_int (*cuCtxDestroy)(obj);
    wr_int (*cuCtxSetCurrent)(obj);
    wr_int (*cuCtxGetCurrent)(obj *);
    wr_int (*cuCtxGetDevice)(wr_int *);
    wr_int (*cuCtxSynchronize)(void);
    wr_int (*cuModuleLoadDataEx)(obj *, const void *, wr_uint, wr_uint *, void **);
    wr_int (*cuModuleGetFunction)(obj *, obj, const char *);
    wr_int (*cuModuleUnload)(obj);
    wr_int (*cuFuncGetParamInfo)(obj, size_t, size_t *, size_t *);
    wr_int (*cuMemAlloc)(wr_ptr *, size_t);
    wr_int (*cuMemFree)(wr_ptr);
    wr_int (*cuMemcpyHtoD)(wr_ptr, const void *, size_t);
    wr_int (*cuMemcpyDtoH)(void *, wr_ptr, size_t);
    wr_int (*cuMemcpyDtoD)(wr_ptr, wr_ptr, size_t);
    wr_int (*cuMemcpyHtoDAsync)(wr_ptr, const void *, size_t, obj);
    wr_int (*cuMemcpyDtoHAsync)(void *, wr_ptr, size_t, obj);
    wr_int (*cuMemsetD8)(wr_ptr, unsigned char, size_t);
    wr_int (*cuMemsetD32)(wr_ptr, wr_uint, size_t);
    wr_int (*cuLaunchKernel)(obj, wr_uint, wr_uint, wr_uint, wr_uint, wr_uint, wr_uint, wr_uint, obj, void **,
                             void **);
    wr_int (*cuStreamCreate)(obj *, wr_uint);
    wr_int (*cuStreamSynchronize)(obj);
    wr_int (*cuStreamQuery)(obj);
    wr_int (*cuStreamDestroy)(obj);
    wr_int (*cuEventCreate)(obj *, wr_uint);
    wr_int (*cuEventRecord)(obj, obj);
    wr_int (*cuEventSynchronize)(obj);
    wr_int (*cuEventQuery)(obj);
    wr_int (*cuEventElapsedTime)(float *, obj, obj);
    wr_int (*cuEventDestroy)(obj);
} cu;

/* Each entry point: the name cuGetProcAddress knows it by, the CUDA
 * version whose signature the bridge calls (the 12.0 ABI, as the guest
 * header declares it: cuCtxCreate is cuCtxCreate_v2 there, not CUDA 13's
 * cuCtxCreate_v4), and the versioned symbol that has that signature, for
 * drivers without cuGetProcAddress. */
#define E(name, sym, ver, req) {#name, sym, ver, (void **)&cu.name, req}
static const struct {
    const char *name, *symbol;
    int version;
    void **slot;
    int required;
} symbols[] = {
    E(cuInit, "cuInit", 12000, 1),
    E(cuDriverGetVersion, "cuDriverGetVersion", 12000, 1),
    E(cuDeviceGetCount, "cuDeviceGetCount", 12000, 1),
    E(cuDeviceGet, "cuDeviceGet", 12000, 1),
    E(cuDeviceGetName, "cuDeviceGetName", 12000, 1),
    E(cuDeviceGetAttribute, "cuDeviceGetAttribute", 12000, 1),
    E(cuDeviceTotalMem, "cuDeviceTotalMem_v2", 12000, 1),
    E(cuDevicePrimaryCtxRetain, "cuDevicePrimaryCtxRetain", 12000, 1),
    E(cuDevicePrimaryCtxRelease, "cuDevicePrimaryCtxRelease_v2", 12000, 1),
    E(cuCtxCreate, "cuCtxCreate_v2", 12000, 1),
    E(cuCtxDestroy, "cuCtxDestroy_v2", 12000, 1),
    E(cuCtxSetCurrent, "cuCtxSetCurrent", 12000, 1),
    E(cuCtxGetCurrent, "cuCtxGetCurrent", 12000, 1),
    E(cuCtxGetDevice, "cuCtxGetDevice", 12000, 1),
    E(cuCtxSynchronize, "cuCtxSynchronize", 12000, 1),
    E(cuModuleLoadDataEx, "cuModuleLoadDataEx", 12000, 1),
    E(cuModuleGetFunction, "cuModuleGetFunction", 12000, 1),
    E(cuModuleUnload, "cuModuleUnload", 12000, 1),
    E(cuFuncGetParamInfo, "cuFuncGetParamInfo", 12040, 0),
    E(cuMemAlloc, "cuMemAlloc_v2", 12000, 1),
    E(cuMemFree, "cuMemFree_v2", 12000, 1),
    E(cuMemcpyHtoD, "cuMemcpyHtoD_v2", 12000, 1),
    E(cuMemcpyDtoH, "cuMemcpyDtoH_v2", 12000, 1),
    E(cuMemcpyDtoD, "cuMemcpyDtoD_v2", 12000, 1),
    E(cuMemcpyHtoDAsync, "cuMemcpyHtoDAsync_v2", 12000, 1),
    E(cuMemcpyDtoHAsync, "cuMemcpyDtoHAsync_v2", 12000, 1),
    E(cuMemsetD8, "cuMemsetD8_v2", 12000, 1),
    E(cuMemsetD32, "cuMemsetD32_v2", 12000, 1),
    E(cuLaunchKernel, "cuLaunchKernel", 12000, 1),
    E(cuStreamCreate, "cuStreamCreate", 12000, 1),
    E(cuStreamSynchronize, "cuStreamSynchronize", 12000, 1),
    E(cuStreamQuery, "cuStreamQuery", 12000, 1),
    E(cuStreamDestroy, "cuStreamDestroy_v2", 12000, 1),
    E(cuEventCreate, "cuEventCreate", 12000, 1),
    E(cuEventRecord, "cuEventRecord", 12000, 1),
    E(cuEventSynchronize, "cuEventSynchronize", 12000, 1),
    E(cuEventQuery, "cuEventQuery", 12000, 1),
    E(cuEventElapsedTime, "cuEventElapsedTime", 12000, 1),
    E(cuEventDestroy, "cuEventDestroy_v2", 12000, 1),
};

static const char *resolver = "none";

typedef wr_int (*getproc_v2)(const char *, void **, int, uint64_t, int *);
typedef wr_int (*getproc_v1)(const char *, void **, int, uint64_t);

int wr_cu_load(const char *path, char *err, size_t errlen) {
    void *lib = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (lib == NULL) {
        const char *e = dlerror();
        snprintf(err, errlen, "%s", e ? e : "dlopen failed");
        return -1;
    }
    getproc_v2 gp2 = (getproc_v2)dlsym(lib, "cuGetProcAddress_v2");
    getproc_v1 gp1 = gp2 ? NULL : (getproc_v1)dlsym(lib, "cuGetProcAddress");
    resolver = gp2 ? "cuGetProcAddress_v2" : gp1 ? "cuGetProcAddress" : "dlsym";
    for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++) {
        void *f = NULL;
        int status = 0;
        if (gp2 != NULL && (gp2(symbols[i].name, &f, symbols[i].version, 0, &status) != 0 || status != 0))
            f = NULL;
        if (gp1 != NULL && gp1(symbols[i].name, &f, symbols[i].version, 0) != 0)
            f = NULL;
        if (f == NULL)
            f = dlsym(lib, symbols[i].symbol);
        *symbols[i].slot = f;
        if (f == NULL && symbols[i].required) {
            snprintf(err, errlen, "%s has no %s (not a CUDA 12 driver)", path, symbols[i].symbol);
            memset(&cu, 0, sizeof cu);
            dlclose(lib);
            return -1;
        }
    }
    return 0;
}

int wr_cu_has_param_info(void) { return cu.cuFuncGetParamInfo != NULL; }
const char *wr_cu_resolver(void) { return resolver; }

#define O(x) ((obj)(x))
#define P(x) ((void *)(x))

wr_int wr_cuInit(wr_uint flags) { return cu.cuInit(flags); }
wr_int wr_cuDriverGetVersion(wr_int *v) { return cu.cuDriverGetVersion(v); }
wr_int wr_cuDeviceGetCount(wr_int *n) { return cu.cuDeviceGetCount(n); }
wr_int wr_cuDeviceGet(wr_int *dev, wr_int ordinal) { return cu.cuDeviceGet(dev, ordinal); }
wr_int wr_cuDeviceGetName(wr_h name, wr_int len, wr_int dev) { return cu.cuDeviceGetName((char *)name, len, dev); }
wr_int wr_cuDeviceGetAttribute(wr_int *v, wr_int attr, wr_int dev) { return cu.cuDeviceGetAttribute(v, attr, dev); }
wr_int wr_cuDeviceTotalMem(size_t *bytes, wr_int dev) { return cu.cuDeviceTotalMem(bytes, dev); }
wr_int wr_cuDevicePrimaryCtxRetain(wr_h *ctx, wr_int dev) { return cu.cuDevicePrimaryCtxRetain((obj *)ctx, dev); }
wr_int wr_cuDevicePrimaryCtxRelease(wr_int dev) { return cu.cuDevicePrimaryCtxRelease(dev); }
wr_int wr_cuCtxCreate(wr_h *ctx, wr_uint flags, wr_int dev) { return cu.cuCtxCreate((obj *)ctx, flags, dev); }
wr_int wr_cuCtxDestroy(wr_h ctx) { return cu.cuCtxDestroy(O(ctx)); }
wr_int wr_cuCtxSetCurrent(wr_h ctx) { return cu.cuCtxSetCurrent(O(ctx)); }
wr_int wr_cuCtxGetCurrent(wr_h *ctx) { return cu.cuCtxGetCurrent((obj *)ctx); }
wr_int wr_cuCtxGetDevice(wr_int *dev) { return cu.cuCtxGetDevice(dev); }
wr_int wr_cuCtxSynchronize(void) { return cu.cuCtxSynchronize(); }
wr_int wr_cuModuleLoadDataEx(wr_h *mod, wr_h image, wr_uint n, wr_uint *options, wr_h *values) {
    return cu.cuModuleLoadDataEx((obj *)mod, P(image), n, options, (void **)values);
}
wr_int wr_cuModuleGetFunction(wr_h *f, wr_h mod, wr_h name) {
    return cu.cuModuleGetFunction((obj *)f, O(mod), (const char *)name);
}
wr_int wr_cuModuleUnload(wr_h mod) { return cu.cuModuleUnload(O(mod)); }
wr_int wr_cuFuncGetParamInfo(wr_h f, size_t index, size_t *offset, size_t *size) {
    if (cu.cuFuncGetParamInfo == NULL)
        return 801; /* CUDA_ERROR_NOT_SUPPORTED */
    return cu.cuFuncGetParamInfo(O(f), index, offset, size);
}
wr_int wr_cuMemAlloc(wr_ptr *p, size_t size) { return cu.cuMemAlloc(p, size); }
wr_int wr_cuMemFree(wr_ptr p) { return cu.cuMemFree(p); }
wr_int wr_cuMemcpyHtoD(wr_ptr dst, wr_h src, size_t n) { return cu.cuMemcpyHtoD(dst, P(src), n); }
wr_int wr_cuMemcpyDtoH(wr_h dst, wr_ptr src, size_t n) { return cu.cuMemcpyDtoH(P(dst), src, n); }
wr_int wr_cuMemcpyDtoD(wr_ptr dst, wr_ptr src, size_t n) { return cu.cuMemcpyDtoD(dst, src, n); }
wr_int wr_cuMemcpyHtoDAsync(wr_ptr dst, wr_h src, size_t n, wr_h s) {
    return cu.cuMemcpyHtoDAsync(dst, P(src), n, O(s));
}
wr_int wr_cuMemcpyDtoHAsync(wr_h dst, wr_ptr src, size_t n, wr_h s) {
    return cu.cuMemcpyDtoHAsync(P(dst), src, n, O(s));
}
wr_int wr_cuMemsetD8(wr_ptr p, unsigned char v, size_t n) { return cu.cuMemsetD8(p, v, n); }
wr_int wr_cuMemsetD32(wr_ptr p, wr_uint v, size_t n) { return cu.cuMemsetD32(p, v, n); }
wr_int wr_cuLaunchKernel(wr_h f, wr_uint gx, wr_uint gy, wr_uint gz, wr_uint bx, wr_uint by, wr_uint bz,
                         wr_uint shared, wr_h stream, wr_h *params, wr_h *extra) {
    return cu.cuLaunchKernel(O(f), gx, gy, gz, bx, by, bz, shared, O(stream), (void **)params, (void **)extra);
}
wr_int wr_cuStreamCreate(wr_h *s, wr_uint flags) { return cu.cuStreamCreate((obj *)s, flags); }
wr_int wr_cuStreamSynchronize(wr_h s) { return cu.cuStreamSynchronize(O(s)); }
wr_int wr_cuStreamQuery(wr_h s) { return cu.cuStreamQuery(O(s)); }
wr_int wr_cuStreamDestroy(wr_h s) { return cu.cuStreamDestroy(O(s)); }
wr_int wr_cuEventCreate(wr_h *e, wr_uint flags) { return cu.cuEventCreate((obj *)e, flags); }
wr_int wr_cuEventRecord(wr_h e, wr_h s) { return cu.cuEventRecord(O(e), O(s)); }
wr_int wr_cuEventSynchronize(wr_h e) { return cu.cuEventSynchronize(O(e)); }
wr_int wr_cuEventQuery(wr_h e) { return cu.cuEventQuery(O(e)); }
wr_int wr_cuEventElapsedTime(float *ms, wr_h a, wr_h b) { return cu.cuEventElapsedTime(ms, O(a), O(b)); }
wr_int wr_cuEventDestroy(wr_h e) { return cu.cuEventDestroy(O(e)); }
