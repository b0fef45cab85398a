/*
 * cuGetErrorName and cuGetErrorString for wasmrun guests: the strings must
 * live in guest memory, so the guest library holds them (the names and
 * descriptions NVIDIA's driver gives) and no host call is made.
 */
#include <cuda.h>

static const struct {
    CUresult code;
    const char *name, *text;
} codes[] = {
#define C(code, text) {code, #code, text}
    C(CUDA_SUCCESS, "no error"),
    C(CUDA_ERROR_INVALID_VALUE, "invalid argument"),
    C(CUDA_ERROR_OUT_OF_MEMORY, "out of memory"),
    C(CUDA_ERROR_NOT_INITIALIZED, "initialization error"),
    C(CUDA_ERROR_DEINITIALIZED, "driver shutting down"),
    C(CUDA_ERROR_PROFILER_DISABLED, "profiler disabled while using external profiling tool"),
    C(CUDA_ERROR_STUB_LIBRARY, "CUDA driver is a stub library"),
    C(CUDA_ERROR_DEVICE_UNAVAILABLE, "CUDA-capable device(s) is/are busy or unavailable"),
    C(CUDA_ERROR_NO_DEVICE, "no CUDA-capable device is detected"),
    C(CUDA_ERROR_INVALID_DEVICE, "invalid device ordinal"),
    C(CUDA_ERROR_DEVICE_NOT_LICENSED, "device doesn't have valid Grid license"),
    C(CUDA_ERROR_INVALID_IMAGE, "device kernel image is invalid"),
    C(CUDA_ERROR_INVALID_CONTEXT, "invalid device context"),
    C(CUDA_ERROR_CONTEXT_ALREADY_CURRENT, "context already current"),
    C(CUDA_ERROR_MAP_FAILED, "mapping of buffer object failed"),
    C(CUDA_ERROR_UNMAP_FAILED, "unmapping of buffer object failed"),
    C(CUDA_ERROR_ARRAY_IS_MAPPED, "array is mapped"),
    C(CUDA_ERROR_ALREADY_MAPPED, "resource already mapped"),
    C(CUDA_ERROR_NO_BINARY_FOR_GPU, "no kernel image is available for execution on the device"),
    C(CUDA_ERROR_ALREADY_ACQUIRED, "resource already acquired"),
    C(CUDA_ERROR_NOT_MAPPED, "resource not mapped"),
    C(CUDA_ERROR_ECC_UNCORRECTABLE, "uncorrectable ECC error encountered"),
    C(CUDA_ERROR_UNSUPPORTED_LIMIT, "limit is not supported on this architecture"),
    C(CUDA_ERROR_CONTEXT_ALREADY_IN_USE, "exclusive-thread device already in use by a different thread"),
    C(CUDA_ERROR_PEER_ACCESS_UNSUPPORTED, "peer access is not supported between these two devices"),
    C(CUDA_ERROR_INVALID_PTX, "a PTX JIT compilation failed"),
    C(CUDA_ERROR_INVALID_GRAPHICS_CONTEXT, "invalid OpenGL or DirectX context"),
    C(CUDA_ERROR_NVLINK_UNCORRECTABLE, "uncorrectable NVLink error detected during the execution"),
    C(CUDA_ERROR_JIT_COMPILER_NOT_FOUND, "PTX JIT compiler library not found"),
    C(CUDA_ERROR_UNSUPPORTED_PTX_VERSION, "the provided PTX was compiled with an unsupported toolchain."),
    C(CUDA_ERROR_JIT_COMPILATION_DISABLED, "PTX JIT compilation was disabled"),
    C(CUDA_ERROR_INVALID_SOURCE, "device kernel image is invalid"),
    C(CUDA_ERROR_FILE_NOT_FOUND, "file not found"),
    C(CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND, "shared object symbol not found"),
    C(CUDA_ERROR_SHARED_OBJECT_INIT_FAILED, "shared object initialization failed"),
    C(CUDA_ERROR_OPERATING_SYSTEM, "OS call failed or operation not supported on this OS"),
    C(CUDA_ERROR_INVALID_HANDLE, "invalid resource handle"),
    C(CUDA_ERROR_ILLEGAL_STATE, "the operation cannot be performed in the present state"),
    C(CUDA_ERROR_NOT_FOUND, "named symbol not found"),
    C(CUDA_ERROR_NOT_READY, "device not ready"),
    C(CUDA_ERROR_ILLEGAL_ADDRESS, "an illegal memory access was encountered"),
    C(CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES, "too many resources requested for launch"),
    C(CUDA_ERROR_LAUNCH_TIMEOUT, "the launch timed out and was terminated"),
    C(CUDA_ERROR_LAUNCH_INCOMPATIBLE_TEXTURING, "launch uses incompatible texturing mode"),
    C(CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED, "peer access is already enabled"),
    C(CUDA_ERROR_PEER_ACCESS_NOT_ENABLED, "peer access has not been enabled"),
    C(CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE, "cannot set while device is active in this process"),
    C(CUDA_ERROR_CONTEXT_IS_DESTROYED, "context is destroyed"),
    C(CUDA_ERROR_ASSERT, "device-side assert triggered"),
    C(CUDA_ERROR_TOO_MANY_PEERS, "peer mapping resources exhausted"),
    C(CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED, "part or all of the requested memory range is already mapped"),
    C(CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED, "pointer does not correspond to a registered memory region"),
    C(CUDA_ERROR_HARDWARE_STACK_ERROR, "hardware stack error"),
    C(CUDA_ERROR_ILLEGAL_INSTRUCTION, "an illegal instruction was encountered"),
    C(CUDA_ERROR_MISALIGNED_ADDRESS, "misaligned address"),
    C(CUDA_ERROR_INVALID_ADDRESS_SPACE, "operation not supported on global/shared address space"),
    C(CUDA_ERROR_INVALID_PC, "invalid program counter"),
    C(CUDA_ERROR_LAUNCH_FAILED, "unspecified launch failure"),
    C(CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE, "too many blocks in cooperative launch"),
    C(CUDA_ERROR_NOT_PERMITTED, "operation not permitted"),
    C(CUDA_ERROR_NOT_SUPPORTED, "operation not supported"),
    C(CUDA_ERROR_SYSTEM_NOT_READY, "system not yet initialized"),
    C(CUDA_ERROR_SYSTEM_DRIVER_MISMATCH, "system has unsupported display driver / cuda driver combination"),
    C(CUDA_ERROR_COMPAT_NOT_SUPPORTED_ON_DEVICE, "forward compatibility was attempted on non supported HW"),
    C(CUDA_ERROR_UNKNOWN, "unknown error"),
#undef C
};

static CUresult lookup(CUresult error, const char **pStr, int text) {
    if (pStr == NULL)
        return CUDA_ERROR_INVALID_VALUE;
    for (size_t i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        if (codes[i].code == error) {
            *pStr = text ? codes[i].text : codes[i].name;
            return CUDA_SUCCESS;
        }
    }
    *pStr = NULL;
    return CUDA_ERROR_INVALID_VALUE;
}

CUresult cuGetErrorName(CUresult error, const char **pStr) { return lookup(error, pStr, 0); }
CUresult cuGetErrorString(CUresult error, const char **pStr) { return lookup(error, pStr, 1); }
