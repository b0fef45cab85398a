// Package cuda is the host side of wasmrun's CUDA: the wasm import module
// "wasmrun_cuda" whose functions a guest built with `wasmrun cc` calls
// through the cuda.h (a subset of the CUDA driver API) in include/. At the
// first CUDA call it opens the node's NVIDIA driver (libcuda.so.1, or
// $WASMRUN_CUDA_LIBRARY) with dlopen and resolves its entry points with the
// driver's cuGetProcAddress, so wasmrun links no CUDA library; without a
// driver, cuInit returns CUDA_ERROR_NO_DEVICE, every other call
// CUDA_ERROR_NOT_INITIALIZED, and `wasmrun -v` says why.
//
// The guest carries its kernels as PTX text; the driver JIT-compiles them
// for whatever GPU the node has. Contexts, modules, functions, streams and
// events are 32-bit guest handles kept in per-kind tables, so a forged,
// stale or wrong-kind handle gets CUDA_ERROR_INVALID_CONTEXT or
// CUDA_ERROR_INVALID_HANDLE before the driver sees it. Device pointers are
// 64-bit on both sides; the bridge keeps the guest's allocations and
// refuses copies and memsets that leave them. Every guest pointer is
// checked over the whole range the driver will touch. cuLaunchKernel's
// parameters are the guest's array of pointers to values: their sizes come
// from cuFuncGetParamInfo where the driver has it, else from the PTX
// .entry's parameter list read at cuModuleLoadData.
//
// The functions are declared once, as table entries, one file per group
// (devices and contexts, modules and launches, memory, streams and
// events), so the supported set can be listed, tested and documented from
// one place.
package cuda
