// Package include holds the guest side of wasmrun's CUDA, embedded in
// wasmrun and written out by `wasmrun cc`: cuda.h (a subset of the CUDA
// driver API for wasm32, every function but the two error-text calls an
// import from the "wasmrun_cuda" module) and the guest library part that
// names the error codes (guest/cuda_errors.c).
package include

import "embed"

// FS holds cuda.h and the guest library source.
//
//go:embed cuda.h guest
var FS embed.FS
