/*
 * cuda.h for wasmrun guests (wasm32-wasi): a subset of the CUDA driver API
 * (the CUDA 12.0 signatures). Written for wasmrun; types, enumerators and
 * their values follow NVIDIA's cuda.h, so driver-API sources build
 * unchanged where they keep to this subset.
 *
 * No CUDA library is linked into the guest: every function is an import
 * from wasmrun's module "wasmrun_cuda", which forwards it to the NVIDIA
 * driver of the node the module runs on (libcuda.so.1, loaded at run
 * time); cuGetErrorName and cuGetErrorString are in the guest library.
 * Kernels are PTX text, handed to cuModuleLoadData; the driver compiles
 * them for its GPU. Handles (CUcontext, CUmodule, ...) are 32-bit numbers
 * that wasmrun maps to the driver's objects; device pointers
 * (CUdeviceptr) are 64-bit, as on the host. size_t is 32-bit here: a
 * device with 4 GiB or more reports SIZE_MAX from cuDeviceTotalMem.
 */
#ifndef WASMRUN_CUDA_H
#define WASMRUN_CUDA_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The driver API version whose signatures this header declares. */
#define CUDA_VERSION 12000
/* Wasmrun's marker: this cuda.h is the bridged one. */
#define WASMRUN_CUDA 1

typedef unsigned long long CUdeviceptr;
typedef int CUdevice;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef struct CUevent_st *CUevent;

typedef enum cudaError_enum {
    CUDA_SUCCESS = 0,
    CUDA_ERROR_INVALID_VALUE = 1,
    CUDA_ERROR_OUT_OF_MEMORY = 2,
    CUDA_ERROR_NOT_INITIALIZED = 3,
    CUDA_ERROR_DEINITIALIZED = 4,
    CUDA_ERROR_PROFILER_DISABLED = 5,
    CUDA_ERROR_STUB_LIBRARY = 34,
    CUDA_ERROR_DEVICE_UNAVAILABLE = 46,
    CUDA_ERROR_NO_DEVICE = 100,
    CUDA_ERROR_INVALID_DEVICE = 101,
    CUDA_ERROR_DEVICE_NOT_LICENSED = 102,
    CUDA_ERROR_INVALID_IMAGE = 200,
    CUDA_ERROR_INVALID_CONTEXT = 201,
    CUDA_ERROR_CONTEXT_ALREADY_CURRENT = 202,
    CUDA_ERROR_MAP_FAILED = 205,
    CUDA_ERROR_UNMAP_FAILED = 206,
    CUDA_ERROR_ARRAY_IS_MAPPED = 207,
    CUDA_ERROR_ALREADY_MAPPED = 208,
    CUDA_ERROR_NO_BINARY_FOR_GPU = 209,
    CUDA_ERROR_ALREADY_ACQUIRED = 210,
    CUDA_ERROR_NOT_MAPPED = 211,
    CUDA_ERROR_ECC_UNCORRECTABLE = 214,
    CUDA_ERROR_UNSUPPORTED_LIMIT = 215,
    CUDA_ERROR_CONTEXT_ALREADY_IN_USE = 216,
    CUDA_ERROR_PEER_ACCESS_UNSUPPORTED = 217,
    CUDA_ERROR_INVALID_PTX = 218,
    CUDA_ERROR_INVALID_GRAPHICS_CONTEXT = 219,
    CUDA_ERROR_NVLINK_UNCORRECTABLE = 220,
    CUDA_ERROR_JIT_COMPILER_NOT_FOUND = 221,
    CUDA_ERROR_UNSUPPORTED_PTX_VERSION = 222,
    CUDA_ERROR_JIT_COMPILATION_DISABLED = 223,
    CUDA_ERROR_INVALID_SOURCE = 300,
    CUDA_ERROR_FILE_NOT_FOUND = 301,
    CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND = 302,
    CUDA_ERROR_SHARED_OBJECT_INIT_FAILED = 303,
    CUDA_ERROR_OPERATING_SYSTEM = 304,
    CUDA_ERROR_INVALID_HANDLE = 400,
    CUDA_ERROR_ILLEGAL_STATE = 401,
    CUDA_ERROR_NOT_FOUND = 500,
    CUDA_ERROR_NOT_READY = 600,
    CUDA_ERROR_ILLEGAL_ADDRESS = 700,
    CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES = 701,
    CUDA_ERROR_LAUNCH_TIMEOUT = 702,
    CUDA_ERROR_LAUNCH_INCOMPATIBLE_TEXTURING = 703,
    CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED = 704,
    CUDA_ERROR_PEER_ACCESS_NOT_ENABLED = 705,
    CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE = 708,
    CUDA_ERROR_CONTEXT_IS_DESTROYED = 709,
    CUDA_ERROR_ASSERT = 710,
    CUDA_ERROR_TOO_MANY_PEERS = 711,
    CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED = 712,
    CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED = 713,
    CUDA_ERROR_HARDWARE_STACK_ERROR = 714,
    CUDA_ERROR_ILLEGAL_INSTRUCTION = 715,
    CUDA_ERROR_MISALIGNED_ADDRESS = 716,
    CUDA_ERROR_INVALID_ADDRESS_SPACE = 717,
    CUDA_ERROR_INVALID_PC = 718,
    CUDA_ERROR_LAUNCH_FAILED = 719,
    CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE = 720,
    CUDA_ERROR_NOT_PERMITTED = 800,
    CUDA_ERROR_NOT_SUPPORTED = 801,
    CUDA_ERROR_SYSTEM_NOT_READY = 802,
    CUDA_ERROR_SYSTEM_DRIVER_MISMATCH = 803,
    CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE = 804,
    CUDA_ERROR_UNKNOWN = 999
} CUresult;

typedef enum CUdevice_attribute_enum {
    CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 1,
    CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X = 2,
    CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Y = 3,
    CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Z = 4,
    CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X = 5,
    CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y = 6,
    CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z = 7,
    CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK = 8,
    CU_DEVICE_ATTRIBUTE_TOTAL_CONSTANT_MEMORY = 9,
    CU_DEVICE_ATTRIBUTE_WARP_SIZE = 10,
    CU_DEVICE_ATTRIBUTE_MAX_PITCH = 11,
    CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_BLOCK = 12,
    CU_DEVICE_ATTRIBUTE_CLOCK_RATE = 13,
    CU_DEVICE_ATTRIBUTE_TEXTURE_ALIGNMENT = 14,
    CU_DEVICE_ATTRIBUTE_GPU_OVERLAP = 15,
    CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16,
    CU_DEVICE_ATTRIBUTE_KERNEL_EXEC_TIMEOUT = 17,
    CU_DEVICE_ATTRIBUTE_INTEGRATED = 18,
    CU_DEVICE_ATTRIBUTE_CAN_MAP_HOST_MEMORY = 19,
    CU_DEVICE_ATTRIBUTE_COMPUTE_MODE = 20,
    CU_DEVICE_ATTRIBUTE_CONCURRENT_KERNELS = 31,
    CU_DEVICE_ATTRIBUTE_ECC_ENABLED = 32,
    CU_DEVICE_ATTRIBUTE_PCI_BUS_ID = 33,
    CU_DEVICE_ATTRIBUTE_PCI_DEVICE_ID = 34,
    CU_DEVICE_ATTRIBUTE_TCC_DRIVER = 35,
    CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE = 36,
    CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH = 37,
    CU_DEVICE_ATTRIBUTE_L2_CACHE_SIZE = 38,
    CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_MULTIPROCESSOR = 39,
    CU_DEVICE_ATTRIBUTE_ASYNC_ENGINE_COUNT = 40,
    CU_DEVICE_ATTRIBUTE_UNIFIED_ADDRESSING = 41,
    CU_DEVICE_ATTRIBUTE_PCI_DOMAIN_ID = 50,
    CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
    CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76,
    CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_MULTIPROCESSOR = 81,
    CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_MULTIPROCESSOR = 82,
    CU_DEVICE_ATTRIBUTE_MANAGED_MEMORY = 83,
    CU_DEVICE_ATTRIBUTE_MULTI_GPU_BOARD = 84
} CUdevice_attribute;

typedef enum CUjit_option_enum {
    CU_JIT_MAX_REGISTERS = 0,
    CU_JIT_THREADS_PER_BLOCK = 1,
    CU_JIT_WALL_TIME = 2,
    CU_JIT_INFO_LOG_BUFFER = 3,
    CU_JIT_INFO_LOG_BUFFER_SIZE_BYTES = 4,
    CU_JIT_ERROR_LOG_BUFFER = 5,
    CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6,
    CU_JIT_OPTIMIZATION_LEVEL = 7,
    CU_JIT_TARGET_FROM_CUCONTEXT = 8,
    CU_JIT_TARGET = 9,
    CU_JIT_FALLBACK_STRATEGY = 10,
    CU_JIT_GENERATE_DEBUG_INFO = 11,
    CU_JIT_LOG_VERBOSE = 12,
    CU_JIT_GENERATE_LINE_INFO = 13,
    CU_JIT_CACHE_MODE = 14
} CUjit_option;

#define CU_CTX_SCHED_AUTO 0x00
#define CU_CTX_SCHED_SPIN 0x01
#define CU_CTX_SCHED_YIELD 0x02
#define CU_CTX_SCHED_BLOCKING_SYNC 0x04
#define CU_CTX_MAP_HOST 0x08
#define CU_CTX_LMEM_RESIZE_TO_MAX 0x10
#define CU_STREAM_DEFAULT 0x0
#define CU_STREAM_NON_BLOCKING 0x1
#define CU_STREAM_LEGACY ((CUstream)0x1)
#define CU_STREAM_PER_THREAD ((CUstream)0x2)
#define CU_EVENT_DEFAULT 0x0
#define CU_EVENT_BLOCKING_SYNC 0x1
#define CU_EVENT_DISABLE_TIMING 0x2
#define CU_LAUNCH_PARAM_END ((void *)0x00)
#define CU_LAUNCH_PARAM_BUFFER_POINTER ((void *)0x01)
#define CU_LAUNCH_PARAM_BUFFER_SIZE ((void *)0x02)

#define WASMRUN_CUDA_IMPORT(name) __attribute__((import_module("wasmrun_cuda"), import_name(#name)))

WASMRUN_CUDA_IMPORT(cuInit) CUresult cuInit(unsigned int Flags);
WASMRUN_CUDA_IMPORT(cuDriverGetVersion) CUresult cuDriverGetVersion(int *driverVersion);
WASMRUN_CUDA_IMPORT(cuDeviceGetCount) CUresult cuDeviceGetCount(int *count);
WASMRUN_CUDA_IMPORT(cuDeviceGet) CUresult cuDeviceGet(CUdevice *device, int ordinal);
WASMRUN_CUDA_IMPORT(cuDeviceGetName) CUresult cuDeviceGetName(char *name, int len, CUdevice dev);
WASMRUN_CUDA_IMPORT(cuDeviceGetAttribute) CUresult cuDeviceGetAttribute(int *pi, CUdevice_attribute attrib, CUdevice dev);
WASMRUN_CUDA_IMPORT(cuDeviceTotalMem) CUresult cuDeviceTotalMem(size_t *bytes, CUdevice dev);
WASMRUN_CUDA_IMPORT(cuDevicePrimaryCtxRetain) CUresult cuDevicePrimaryCtxRetain(CUcontext *pctx, CUdevice dev);
WASMRUN_CUDA_IMPORT(cuDevicePrimaryCtxRelease) CUresult cuDevicePrimaryCtxRelease(CUdevice dev);
WASMRUN_CUDA_IMPORT(cuCtxCreate) CUresult cuCtxCreate(CUcontext *pctx, unsigned int flags, CUdevice dev);
WASMRUN_CUDA_IMPORT(cuCtxDestroy) CUresult cuCtxDestroy(CUcontext ctx);
WASMRUN_CUDA_IMPORT(cuCtxSetCurrent) CUresult cuCtxSetCurrent(CUcontext ctx);
WASMRUN_CUDA_IMPORT(cuCtxGetCurrent) CUresult cuCtxGetCurrent(CUcontext *pctx);
WASMRUN_CUDA_IMPORT(cuCtxGetDevice) CUresult cuCtxGetDevice(CUdevice *device);
WASMRUN_CUDA_IMPORT(cuCtxSynchronize) CUresult cuCtxSynchronize(void);
WASMRUN_CUDA_IMPORT(cuModuleLoadData) CUresult cuModuleLoadData(CUmodule *module, const void *image);
WASMRUN_CUDA_IMPORT(cuModuleLoadDataEx) CUresult cuModuleLoadDataEx(CUmodule *module, const void *image, unsigned int numOptions, CUjit_option *options, void **optionValues);
WASMRUN_CUDA_IMPORT(cuModuleGetFunction) CUresult cuModuleGetFunction(CUfunction *hfunc, CUmodule hmod, const char *name);
WASMRUN_CUDA_IMPORT(cuModuleUnload) CUresult cuModuleUnload(CUmodule hmod);
WASMRUN_CUDA_IMPORT(cuLaunchKernel) CUresult cuLaunchKernel(CUfunction f, unsigned int gridDimX, unsigned int gridDimY, unsigned int gridDimZ, unsigned int blockDimX, unsigned int blockDimY, unsigned int blockDimZ, unsigned int sharedMemBytes, CUstream hStream, void **kernelParams, void **extra);
WASMRUN_CUDA_IMPORT(cuMemAlloc) CUresult cuMemAlloc(CUdeviceptr *dptr, size_t bytesize);
WASMRUN_CUDA_IMPORT(cuMemFree) CUresult cuMemFree(CUdeviceptr dptr);
WASMRUN_CUDA_IMPORT(cuMemcpyHtoD) CUresult cuMemcpyHtoD(CUdeviceptr dstDevice, const void *srcHost, size_t ByteCount);
WASMRUN_CUDA_IMPORT(cuMemcpyDtoH) CUresult cuMemcpyDtoH(void *dstHost, CUdeviceptr srcDevice, size_t ByteCount);
WASMRUN_CUDA_IMPORT(cuMemcpyDtoD) CUresult cuMemcpyDtoD(CUdeviceptr dstDevice, CUdeviceptr srcDevice, size_t ByteCount);
WASMRUN_CUDA_IMPORT(cuMemcpyHtoDAsync) CUresult cuMemcpyHtoDAsync(CUdeviceptr dstDevice, const void *srcHost, size_t ByteCount, CUstream hStream);
WASMRUN_CUDA_IMPORT(cuMemcpyDtoHAsync) CUresult cuMemcpyDtoHAsync(void *dstHost, CUdeviceptr srcDevice, size_t ByteCount, CUstream hStream);
WASMRUN_CUDA_IMPORT(cuMemsetD8) CUresult cuMemsetD8(CUdeviceptr dstDevice, unsigned char uc, size_t N);
WASMRUN_CUDA_IMPORT(cuMemsetD32) CUresult cuMemsetD32(CUdeviceptr dstDevice, unsigned int ui, size_t N);
WASMRUN_CUDA_IMPORT(cuStreamCreate) CUresult cuStreamCreate(CUstream *phStream, unsigned int Flags);
WASMRUN_CUDA_IMPORT(cuStreamSynchronize) CUresult cuStreamSynchronize(CUstream hStream);
WASMRUN_CUDA_IMPORT(cuStreamQuery) CUresult cuStreamQuery(CUstream hStream);
WASMRUN_CUDA_IMPORT(cuStreamDestroy) CUresult cuStreamDestroy(CUstream hStream);
WASMRUN_CUDA_IMPORT(cuEventCreate) CUresult cuEventCreate(CUevent *phEvent, unsigned int Flags);
WASMRUN_CUDA_IMPORT(cuEventRecord) CUresult cuEventRecord(CUevent hEvent, CUstream hStream);
WASMRUN_CUDA_IMPORT(cuEventSynchronize) CUresult cuEventSynchronize(CUevent hEvent);
WASMRUN_CUDA_IMPORT(cuEventQuery) CUresult cuEventQuery(CUevent hEvent);
WASMRUN_CUDA_IMPORT(cuEventElapsedTime) CUresult cuEventElapsedTime(float *pMilliseconds, CUevent hStart, CUevent hEnd);
WASMRUN_CUDA_IMPORT(cuEventDestroy) CUresult cuEventDestroy(CUevent hEvent);

/* In the guest library: the driver's names and descriptions of the codes
 * above; an unknown code gives CUDA_ERROR_INVALID_VALUE and NULL. */
CUresult cuGetErrorName(CUresult error, const char **pStr);
CUresult cuGetErrorString(CUresult error, const char **pStr);

#ifdef __cplusplus
}
#endif

#endif
