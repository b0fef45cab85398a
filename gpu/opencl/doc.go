// Package opencl is the host side of wasmrun's OpenCL: the wasm import
// module "wasmrun_cl" whose functions a guest built with `wasmrun cc` calls
// through the CL/cl.h in include/. At the first call it opens the node's
// OpenCL ICD loader (libOpenCL.so.1, or $WASMRUN_OPENCL_LIBRARY) with
// dlopen, so wasmrun links no OpenCL library; without one,
// clGetPlatformIDs returns CL_PLATFORM_NOT_FOUND_KHR and `wasmrun -v` says
// why.
//
// Guest handles are 32-bit numbers kept in per-kind tables (platform,
// device, context, queue, buffer, program, kernel, event), so a forged,
// stale or wrong-kind handle gets the error code the standard names for
// that argument. Every guest pointer is checked over the whole range the
// driver will touch before the driver sees it. Guest memory never moves
// (embedder reserves it once), so buffers made with CL_MEM_USE_HOST_PTR
// and nonblocking transfers use it in place: no copy beyond what the
// native program makes.
//
// The functions are declared once, as table entries, one file per group
// (platform, context and queue, memory, program and kernel, event), so the
// supported set can be listed, tested and documented from one place.
package opencl
