// Package include holds the guest side of wasmrun's OpenCL, embedded in
// wasmrun and written out by `wasmrun cc`: CL/cl.h and CL/cl_platform.h
// (the OpenCL host API for wasm32, every function an import from the
// "wasmrun_cl" module) and the guest library part that maps buffers into
// guest memory (guest/cl_map.c).
package include

import "embed"

// FS holds the CL headers and the guest library source.
//
//go:embed CL guest
var FS embed.FS
