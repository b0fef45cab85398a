/*
 * The host side of wasmrun's CUDA: the NVIDIA driver (libcuda.so.1) is
 * opened with dlopen at the first CUDA call, so wasmrun links no CUDA
 * library and starts on nodes without one. Entry points are resolved with
 * the driver's cuGetProcAddress (for the CUDA 12.0 ABI the guest header
 * declares) where it has it, else by their versioned symbol names. Each
 * wr_cu* function calls the driver function of the same name; handles and
 * host addresses travel as uintptr_t, device pointers as uint64_t.
 */
#ifndef WASMRUN_CU_DRIVER_H
#define WASMRUN_CU_DRIVER_H

#include <stddef.h>
#include <stdint.h>

typedef int32_t wr_int;
typedef uint32_t wr_uint;
typedef uint64_t wr_ptr; /* a CUdeviceptr */
typedef uintptr_t wr_h;  /* a driver handle or a host address */

/* wr_cu_load opens path and resolves every function. It returns 0, or -1
 * with the reason in err. */
int wr_cu_load(const char *path, char *err, size_t errlen);
/* wr_cu_has_param_info: the driver has cuFuncGetParamInfo (CUDA 12.4). */
int wr_cu_has_param_info(void);
/* wr_cu_resolver names how the entry points were found. */
const char *wr_cu_resolver(void);

wr_int wr_cuInit(wr_uint flags);
wr_int wr_cuDriverGetVersion(wr_int *v);
wr_int wr_cuDeviceGetCount(wr_int *n);
wr_int wr_cuDeviceGet(wr_int *dev, wr_int ordinal);
wr_int wr_cuDeviceGetName(wr_h name, wr_int len, wr_int dev);
wr_int wr_cuDeviceGetAttribute(wr_int *v, wr_int attr, wr_int dev);
wr_int wr_cuDeviceTotalMem(size_t *bytes, wr_int dev);
wr_int wr_cuDevicePrimaryCtxRetain(wr_h *ctx, wr_int dev);
wr_int wr_cuDevicePrimaryCtxRelease(wr_int dev);
wr_int wr_cuCtxCreate(wr_h *ctx, wr_uint flags, wr_int dev);
wr_int wr_cuCtxDestroy(wr_h ctx);
wr_int wr_cuCtxSetCurrent(wr_h ctx);
wr_int wr_cuCtxGetCurrent(wr_h *ctx);
wr_int wr_cuCtxGetDevice(wr_int *dev);
wr_int wr_cuCtxSynchronize(void);
wr_int wr_cuModuleLoadDataEx(wr_h *mod, wr_h image, wr_uint n, wr_uint *options, wr_h *values);
wr_int wr_cuModuleGetFunction(wr_h *f, wr_h mod, wr_h name);
wr_int wr_cuModuleUnload(wr_h mod);
wr_int wr_cuFuncGetParamInfo(wr_h f, size_t index, size_t *offset, size_t *size);
wr_int wr_cuMemAlloc(wr_ptr *p, size_t size);
wr_int wr_cuMemFree(wr_ptr p);
wr_int wr_cuMemcpyHtoD(wr_ptr dst, wr_h src, size_t n);
wr_int wr_cuMemcpyDtoH(wr_h dst, wr_ptr src, size_t n);
wr_int wr_cuMemcpyDtoD(wr_ptr dst, wr_ptr src, size_t n);
wr_int wr_cuMemcpyHtoDAsync(wr_ptr dst, wr_h src, size_t n, wr_h stream);
wr_int wr_cuMemcpyDtoHAsync(wr_h dst, wr_ptr src, size_t n, wr_h stream);
wr_int wr_cuMemsetD8(wr_ptr p, unsigned char v, size_t n);
wr_int wr_cuMemsetD32(wr_ptr p, wr_uint v, size_t n);
wr_int wr_cuLaunchKernel(wr_h f, wr_uint gx, wr_uint gy, wr_uint gz, wr_uint bx, wr_uint by, wr_uint bz,
                         wr_uint shared, wr_h stream, wr_h *params, wr_h *extra);
wr_int wr_cuStreamCreate(wr_h *s, wr_uint flags);
wr_int wr_cuStreamSynchronize(wr_h s);
wr_int wr_cuStreamQuery(wr_h s);
wr_int wr_cuStreamDestroy(wr_h s);
wr_int wr_cuEventCreate(wr_h *e, wr_uint flags);
wr_int wr_cuEventRecord(wr_h e, wr_h s);
wr_int wr_cuEventSynchronize(wr_h e);
wr_int wr_cuEventQuery(wr_h e);
wr_int wr_cuEventElapsedTime(float *ms, wr_h start, wr_h end);
wr_int wr_cuEventDestroy(wr_h e);

#endif
